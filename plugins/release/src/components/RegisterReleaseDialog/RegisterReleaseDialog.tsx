import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import {
  derivePriority,
  Level,
  RegisterReleaseRequest,
  registerReleaseSchema,
  RELEASE_TYPES,
  ReleaseDetails,
  ReleaseType,
} from '@internal/plugin-release-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { usePortfolios } from '../../hooks/usePortfolios';
import { releaseApiRef } from '../../api';
import { CI_KINDS_FOR_PICKER } from './ciKinds';
import { EntityPicker, MultiEntityPicker } from '../EntityPicker';
import { FormDialog, sameLabels, SelectField } from '../forms';
import { useSubmission } from '../../hooks/useSubmission';
import { LevelSelect, priorityLabels, shortRef } from '../labels';

type Form = {
  title: string;
  description: string;
  type: ReleaseType;
  impact: Level;
  urgency: Level;
  risk: Level;
  businessJustification: string;
  manager: string | null;
  executorGroup: string | null;
  portfolioId: string;
  modelId: string;
  versionLabel: string;
  plannedStart: string;
  plannedEnd: string;
  cis: string[];
};

const toIso = (local: string) =>
  local ? new Date(local).toISOString() : undefined;

/**
 * Registers a release with every field (docs/fields.md#the-release) and its
 * CIs, in one request.
 */
export const RegisterReleaseDialog = (props: {
  onClose: () => void;
  onRegistered: (release: ReleaseDetails) => void;
  /** Entity refs to relate as CIs from the start, e.g. from an entity page. */
  initialCis?: string[];
}) => {
  const releaseApi = useApi(releaseApiRef);
  const portfolios = usePortfolios();
  const [form, setForm] = useState<Form>({
    title: '',
    description: '',
    type: 'minor',
    impact: 'medium',
    urgency: 'medium',
    risk: 'medium',
    businessJustification: '',
    manager: null,
    executorGroup: null,
    portfolioId: '',
    modelId: '',
    versionLabel: '',
    plannedStart: '',
    plannedEnd: '',
    cis: props.initialCis ?? [],
  });
  const models = useAsync(
    async () =>
      form.portfolioId
        ? (await releaseApi.getPortfolio(form.portfolioId)).models
        : [],
    [releaseApi, form.portfolioId],
  );
  const submission = useSubmission(Object.keys(form));
  const { errors, errorOf, fieldProps } = submission;
  const set = (changes: Partial<Form>) => setForm({ ...form, ...changes });

  const submit = async () => {
    const request: RegisterReleaseRequest = {
      title: form.title,
      description: form.description || undefined,
      type: form.type,
      impact: form.impact,
      urgency: form.urgency,
      risk: form.risk,
      businessJustification: form.businessJustification || undefined,
      manager: form.manager ?? undefined,
      executorGroup: form.executorGroup ?? undefined,
      portfolioId: form.portfolioId || undefined,
      modelId: form.modelId || undefined,
      versionLabel: form.versionLabel || undefined,
      plannedStart: toIso(form.plannedStart),
      plannedEnd: toIso(form.plannedEnd),
      cis: form.cis.map(entityRef => ({ entityRef, role: 'updated' })),
    };
    if (!submission.check(registerReleaseSchema, request)) return;
    let created: ReleaseDetails | undefined;
    const ok = await submission.submit(async () => {
      created = await releaseApi.registerRelease(request);
    });
    if (ok && created) props.onRegistered(created);
  };

  // A refused CI (`cis.1.entityRef`) is named on the picker that chose it.
  const ciErrors = errors
    .filter(e => e.field === 'cis' || e.field.startsWith('cis.'))
    .map(e => {
      const ref = form.cis[Number(e.field.split('.')[1])];
      return ref ? `${shortRef(ref)}: ${e.message}` : e.message;
    });

  const levelField = (field: 'impact' | 'urgency' | 'risk', label: string) => (
    <LevelSelect
      id={`release-register-${field}`}
      label={label}
      value={form[field]}
      onChange={value => set({ [field]: value })}
      error={errorOf(field)}
    />
  );

  return (
    <FormDialog
      title="Register a release"
      submitLabel="Register"
      onClose={props.onClose}
      onSubmit={submit}
      submission={submission}
      maxWidth="md"
    >
      <Grid container spacing={2}>
        <Grid item xs={12} md={8}>
          <TextField
            id="release-title"
            fullWidth
            required
            margin="normal"
            label="Title"
            value={form.title}
            onChange={e => set({ title: e.target.value })}
            {...fieldProps('title')}
            inputProps={{ maxLength: 200 }}
          />
        </Grid>
        <Grid item xs={12} md={4}>
          <SelectField
            id="release-type"
            fullWidth
            margin="normal"
            label="Type"
            value={form.type}
            onChange={type => set({ type: type as ReleaseType })}
            options={sameLabels(RELEASE_TYPES)}
            {...fieldProps('type')}
          />
        </Grid>
        <Grid item xs={12}>
          <TextField
            id="release-description-markdown"
            fullWidth
            multiline
            minRows={2}
            label="Description (Markdown)"
            value={form.description}
            onChange={e => set({ description: e.target.value })}
            {...fieldProps('description')}
          />
        </Grid>
        <Grid item xs={4} md={2}>
          {levelField('impact', 'Impact')}
        </Grid>
        <Grid item xs={4} md={2}>
          {levelField('urgency', 'Urgency')}
        </Grid>
        <Grid item xs={4} md={2}>
          <TextField
            id="release-priority"
            fullWidth
            margin="normal"
            label="Priority"
            value={priorityLabels[derivePriority(form.impact, form.urgency)]}
            InputProps={{ readOnly: true }}
            helperText="From impact and urgency"
          />
        </Grid>
        <Grid item xs={4} md={2}>
          {levelField('risk', 'Risk')}
        </Grid>
        <Grid item xs={8} md={4}>
          <TextField
            id="release-version"
            fullWidth
            margin="normal"
            label="Version"
            value={form.versionLabel}
            onChange={e => set({ versionLabel: e.target.value })}
            {...fieldProps('versionLabel', 'e.g. 2.4.0')}
          />
        </Grid>
        <Grid item xs={12}>
          <TextField
            id="release-business-justification"
            fullWidth
            multiline
            margin="normal"
            label="Business justification"
            value={form.businessJustification}
            onChange={e => set({ businessJustification: e.target.value })}
            {...fieldProps(
              'businessJustification',
              'Why the release exists; required before authorization',
            )}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <EntityPicker
            label="Manager"
            kinds={['User']}
            value={form.manager}
            onChange={manager => set({ manager })}
            error={errorOf('manager')}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <EntityPicker
            label="Executor group"
            kinds={['Group']}
            value={form.executorGroup}
            onChange={executorGroup => set({ executorGroup })}
            error={errorOf('executorGroup')}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <SelectField
            id="release-portfolio"
            fullWidth
            margin="normal"
            label="Portfolio"
            value={form.portfolioId}
            onChange={portfolioId => set({ portfolioId, modelId: '' })}
            empty="None"
            options={(portfolios.value ?? []).map(p => [p.id, p.name])}
            {...fieldProps('portfolioId')}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <SelectField
            id="release-release-model"
            fullWidth
            margin="normal"
            label="Release model"
            value={form.modelId}
            disabled={!form.portfolioId}
            onChange={modelId => set({ modelId })}
            empty="None"
            options={(models.value ?? [])
              .filter(m => m.lifecycle === 'active')
              .map(m => [m.id, m.name])}
            {...fieldProps(
              'modelId',
              'Pre-fills executor group, impact, urgency and activities',
            )}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <TextField
            id="release-planned-start"
            fullWidth
            margin="normal"
            type="datetime-local"
            label="Planned start"
            InputLabelProps={{ shrink: true }}
            value={form.plannedStart}
            onChange={e => set({ plannedStart: e.target.value })}
            {...fieldProps('plannedStart')}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <TextField
            id="release-planned-end"
            fullWidth
            margin="normal"
            type="datetime-local"
            label="Planned end"
            InputLabelProps={{ shrink: true }}
            value={form.plannedEnd}
            onChange={e => set({ plannedEnd: e.target.value })}
            {...fieldProps('plannedEnd', 'The deadline')}
          />
        </Grid>
        <Grid item xs={12}>
          <MultiEntityPicker
            label="Configuration items"
            kinds={CI_KINDS_FOR_PICKER}
            value={form.cis}
            onChange={cis => set({ cis })}
            error={ciErrors.length > 0 ? ciErrors.join('; ') : undefined}
            helperText="Catalog entities this release changes"
          />
        </Grid>
      </Grid>
    </FormDialog>
  );
};
