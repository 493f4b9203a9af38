import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import {
  Level,
  ReadinessItem,
  ReleaseModel,
  releaseModelSchema,
} from '@internal/plugin-release-common';
import { useCallback, useState } from 'react';
import { releaseApiRef } from '../../api';
import {
  PolicyFields,
  ReadinessField,
  usePolicyDrafts,
} from '../ApprovalPolicyEditor';
import { EntityPicker } from '../EntityPicker';
import { FormDialog } from '../forms';
import { useSubmission } from '../../hooks/useSubmission';
import { LevelSelect, useReleaseLabels } from '../labels';

const toLines = (templates: ReleaseModel['planningTemplates']) =>
  templates.map(t => t.title).join('\n');
const toTemplates = (text: string) =>
  text
    .split('\n')
    .map(line => line.trim())
    .filter(Boolean)
    .map(title => ({ title }));

/** The approval fields the form checks with the shared schema before saving. */
const approvalFieldsSchema = releaseModelSchema.pick({
  approvalPolicy: true,
  emergencyApprovalPolicy: true,
  readiness: true,
  minimumLeadTimeHours: true,
});

/** Hours as typed; empty is "no minimum". */
const hoursOf = (text: string) => (text.trim() === '' ? null : Number(text));

/**
 * Creates or edits a release model: its defaults, activity templates,
 * approval policies, readiness items and minimum lead time.
 */
export const ModelDialog = (props: {
  portfolioId: string;
  model?: ReleaseModel;
  onClose: () => void;
  onSaved: () => void;
}) => {
  const releaseApi = useApi(releaseApiRef);
  const { model } = props;
  const { t } = useReleaseLabels();
  const [form, setForm] = useState({
    name: model?.name ?? '',
    category: model?.category ?? '',
    defaultExecutorGroup: model?.defaultExecutorGroup ?? null,
    defaultImpact: (model?.defaultImpact ?? 'medium') as Level,
    defaultUrgency: (model?.defaultUrgency ?? 'medium') as Level,
    planning: model
      ? toLines(model.planningTemplates)
      : 'Scope\nBuild the release package\nTest in staging\nRollback plan\nCommunication',
    deployment: model
      ? toLines(model.deploymentTemplates)
      : 'Deploy\nSmoke test\nVerify monitoring\nUpdate documentation\nEarly life support',
    readiness: model?.readiness ?? [],
    minimumLeadTimeHours: String(model?.minimumLeadTimeHours ?? ''),
  });
  const policyDrafts = usePolicyDrafts(model);
  const submission = useSubmission([
    'name',
    'category',
    'defaultExecutorGroup',
    'defaultImpact',
    'defaultUrgency',
    'planningTemplates',
    'deploymentTemplates',
    'approvalPolicy',
    'emergencyApprovalPolicy',
    'readiness',
    'minimumLeadTimeHours',
  ]);
  const { errorOf, fieldProps } = submission;
  const set = useCallback(
    (changes: Partial<typeof form>) =>
      setForm(current => ({ ...current, ...changes })),
    [],
  );
  // Stable, so the memoized readiness field skips the dialog's other edits.
  const setReadiness = useCallback(
    (readiness: ReadinessItem[]) => set({ readiness }),
    [set],
  );

  const save = async () => {
    const request = {
      name: form.name,
      category: form.category || null,
      defaultExecutorGroup: form.defaultExecutorGroup,
      defaultImpact: form.defaultImpact,
      defaultUrgency: form.defaultUrgency,
      planningTemplates: toTemplates(form.planning),
      deploymentTemplates: toTemplates(form.deployment),
      ...policyDrafts.policies(),
      readiness: form.readiness,
      minimumLeadTimeHours: hoursOf(form.minimumLeadTimeHours),
    };
    const approvalFields = {
      approvalPolicy: request.approvalPolicy,
      emergencyApprovalPolicy: request.emergencyApprovalPolicy,
      readiness: request.readiness,
      minimumLeadTimeHours: request.minimumLeadTimeHours,
    };
    if (!submission.check(approvalFieldsSchema, approvalFields)) return;
    const saved = await submission.submit(() =>
      model
        ? releaseApi.updateModel(props.portfolioId, model.id, request)
        : releaseApi.createModel(props.portfolioId, request),
    );
    if (saved) props.onSaved();
  };

  const level = (field: 'defaultImpact' | 'defaultUrgency', label: string) => (
    <LevelSelect
      id={`release-model-${field}`}
      label={label}
      value={form[field]}
      onChange={value => set({ [field]: value })}
      error={errorOf(field)}
    />
  );

  return (
    <FormDialog
      title={
        model
          ? t('modelDialog.editTitle', { name: model.name })
          : t('modelDialog.newTitle')
      }
      onClose={props.onClose}
      onSubmit={save}
      submission={submission}
      maxWidth="md"
    >
      <TextField
        id="release-model-name"
        fullWidth
        margin="normal"
        label={t('portfolios.name')}
        value={form.name}
        onChange={e => set({ name: e.target.value })}
        {...fieldProps('name')}
      />
      <TextField
        id="release-model-category"
        fullWidth
        margin="normal"
        label={t('portfolios.category')}
        value={form.category}
        onChange={e => set({ category: e.target.value })}
        {...fieldProps('category')}
      />
      <EntityPicker
        label={t('modelDialog.defaultExecutorGroup')}
        kinds={['Group']}
        value={form.defaultExecutorGroup}
        onChange={defaultExecutorGroup => set({ defaultExecutorGroup })}
        error={errorOf('defaultExecutorGroup')}
      />
      {level('defaultImpact', t('modelDialog.defaultImpact'))}
      {level('defaultUrgency', t('modelDialog.defaultUrgency'))}
      <TextField
        id="release-model-planning"
        fullWidth
        multiline
        minRows={4}
        margin="normal"
        label={t('modelDialog.planning')}
        value={form.planning}
        onChange={e => set({ planning: e.target.value })}
        {...fieldProps('planningTemplates')}
      />
      <TextField
        id="release-model-deployment"
        fullWidth
        multiline
        minRows={4}
        margin="normal"
        label={t('modelDialog.deployment')}
        value={form.deployment}
        onChange={e => set({ deployment: e.target.value })}
        {...fieldProps('deploymentTemplates')}
      />
      <PolicyFields
        policies={policyDrafts}
        inheritLabels={{
          approvalPolicy: t('approvalPolicy.usePortfolios'),
          emergencyApprovalPolicy: t('approvalPolicy.usePortfolios'),
        }}
        errors={submission.errors}
      />
      <ReadinessField
        value={form.readiness}
        onChange={setReadiness}
        error={errorOf('readiness')}
      />
      <TextField
        id="release-model-minimum-lead-time"
        type="number"
        fullWidth
        margin="normal"
        label={t('approvalPolicy.minimumLeadTime')}
        value={form.minimumLeadTimeHours}
        onChange={e => set({ minimumLeadTimeHours: e.target.value })}
        inputProps={{ min: 0 }}
        {...fieldProps(
          'minimumLeadTimeHours',
          t('approvalPolicy.minimumLeadTimeHelp'),
        )}
      />
    </FormDialog>
  );
};
