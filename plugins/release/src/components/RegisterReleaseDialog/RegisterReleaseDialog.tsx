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
import { FormDialog, SelectField } from '../forms';
import { useSubmission } from '../../hooks/useSubmission';
import { LevelSelect, shortRef, useReleaseLabels } from '../labels';

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
  const labels = useReleaseLabels();
  const { t } = labels;
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
      return ref
        ? t('register.ciError', { ci: shortRef(ref), message: e.message })
        : e.message;
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
      title={t('register.title')}
      submitLabel={t('register.submit')}
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
            label={t('field.title')}
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
            label={t('field.type')}
            value={form.type}
            onChange={type => set({ type: type as ReleaseType })}
            options={RELEASE_TYPES.map(type => [type, labels.type(type)])}
            {...fieldProps('type')}
          />
        </Grid>
        <Grid item xs={12}>
          <TextField
            id="release-description-markdown"
            fullWidth
            multiline
            minRows={2}
            label={t('field.descriptionMarkdown')}
            value={form.description}
            onChange={e => set({ description: e.target.value })}
            {...fieldProps('description')}
          />
        </Grid>
        <Grid item xs={4} md={2}>
          {levelField('impact', t('field.impact'))}
        </Grid>
        <Grid item xs={4} md={2}>
          {levelField('urgency', t('field.urgency'))}
        </Grid>
        <Grid item xs={4} md={2}>
          <TextField
            id="release-priority"
            fullWidth
            margin="normal"
            label={t('field.priority')}
            value={labels.priority(derivePriority(form.impact, form.urgency))}
            InputProps={{ readOnly: true }}
            helperText={t('register.priorityHelp')}
          />
        </Grid>
        <Grid item xs={4} md={2}>
          {levelField('risk', t('field.risk'))}
        </Grid>
        <Grid item xs={8} md={4}>
          <TextField
            id="release-version"
            fullWidth
            margin="normal"
            label={t('field.version')}
            value={form.versionLabel}
            onChange={e => set({ versionLabel: e.target.value })}
            {...fieldProps('versionLabel', t('register.versionHelp'))}
          />
        </Grid>
        <Grid item xs={12}>
          <TextField
            id="release-business-justification"
            fullWidth
            multiline
            margin="normal"
            label={t('field.businessJustification')}
            value={form.businessJustification}
            onChange={e => set({ businessJustification: e.target.value })}
            {...fieldProps(
              'businessJustification',
              t('register.justificationHelp'),
            )}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <EntityPicker
            label={t('field.manager')}
            kinds={['User']}
            value={form.manager}
            onChange={manager => set({ manager })}
            error={errorOf('manager')}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <EntityPicker
            label={t('field.executorGroup')}
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
            label={t('field.portfolio')}
            value={form.portfolioId}
            onChange={portfolioId => set({ portfolioId, modelId: '' })}
            empty={t('common.none')}
            options={(portfolios.value ?? []).map(p => [p.id, p.name])}
            {...fieldProps('portfolioId')}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <SelectField
            id="release-release-model"
            fullWidth
            margin="normal"
            label={t('field.releaseModel')}
            value={form.modelId}
            disabled={!form.portfolioId}
            onChange={modelId => set({ modelId })}
            empty={t('common.none')}
            options={(models.value ?? [])
              .filter(m => m.lifecycle === 'active')
              .map(m => [m.id, m.name])}
            {...fieldProps('modelId', t('register.modelHelp'))}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <TextField
            id="release-planned-start"
            fullWidth
            margin="normal"
            type="datetime-local"
            label={t('field.plannedStart')}
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
            label={t('field.plannedEnd')}
            InputLabelProps={{ shrink: true }}
            value={form.plannedEnd}
            onChange={e => set({ plannedEnd: e.target.value })}
            {...fieldProps('plannedEnd', t('register.plannedEndHelp'))}
          />
        </Grid>
        <Grid item xs={12}>
          <MultiEntityPicker
            label={t('field.configurationItems')}
            kinds={CI_KINDS_FOR_PICKER}
            value={form.cis}
            onChange={cis => set({ cis })}
            error={ciErrors.length > 0 ? ciErrors.join('; ') : undefined}
            helperText={t('register.cisHelp')}
          />
        </Grid>
      </Grid>
    </FormDialog>
  );
};
