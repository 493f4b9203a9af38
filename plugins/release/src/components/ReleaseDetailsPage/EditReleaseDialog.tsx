import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import { ReleaseDetails } from '@internal/plugin-release-common';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { releaseApiRef } from '../../api';
import { EntityPicker } from '../EntityPicker';
import { FormDialog } from '../forms';
import { useReleaseLabels } from '../labels';
import { useBaseVersion } from '../../hooks/useBaseVersion';
import { useSubmission } from '../../hooks/useSubmission';

const toLocal = (iso: string | null) =>
  iso ? DateTime.fromISO(iso).toFormat("yyyy-LL-dd'T'HH:mm") : '';
const toIso = (local: string) => (local ? new Date(local).toISOString() : null);

/** The text fields' ids, the same in every language. */
const textIds = {
  title: 'release-title',
  description: 'release-description-markdown-',
  businessJustification: 'release-business-justification',
  backoutPlan: 'release-backout-plan',
  testEvidenceUrl: 'release-test-evidence-url',
  versionLabel: 'release-version',
};

/**
 * Edits the release record; a stale version keeps what was typed. Saves
 * against the version it opened with until the user reloads.
 */
export const EditReleaseDialog = (props: {
  release: ReleaseDetails;
  onClose: () => void;
  onSaved: (release: ReleaseDetails) => void;
  onReload: () => void;
}) => {
  const { release } = props;
  const releaseApi = useApi(releaseApiRef);
  const { t } = useReleaseLabels();
  const [form, setForm] = useState({
    title: release.title,
    description: release.description,
    businessJustification: release.businessJustification ?? '',
    backoutPlan: release.backoutPlan ?? '',
    testEvidenceUrl: release.testEvidenceUrl ?? '',
    versionLabel: release.versionLabel ?? '',
    manager: release.manager,
    executorGroup: release.executorGroup,
    plannedStart: toLocal(release.plannedStart),
    plannedEnd: toLocal(release.plannedEnd),
  });
  const submission = useSubmission(Object.keys(form));
  const { errorOf, fieldProps } = submission;
  const base = useBaseVersion(release, props.onReload);
  const set = (changes: Partial<typeof form>) =>
    setForm({ ...form, ...changes });

  const save = async () => {
    let saved: ReleaseDetails | undefined;
    const ok = await submission.submit(async () => {
      saved = await releaseApi.editRelease(release.id, {
        expectedVersion: base.version,
        title: form.title,
        description: form.description,
        businessJustification: form.businessJustification || null,
        backoutPlan: form.backoutPlan || null,
        testEvidenceUrl: form.testEvidenceUrl.trim() || null,
        versionLabel: form.versionLabel || null,
        manager: form.manager,
        executorGroup: form.executorGroup,
        plannedStart: toIso(form.plannedStart),
        plannedEnd: toIso(form.plannedEnd),
      });
    });
    if (ok && saved) props.onSaved(saved);
  };

  const text = (
    field: keyof typeof textIds,
    label: string,
    multiline = false,
  ) => (
    <TextField
      id={textIds[field]}
      fullWidth
      margin="normal"
      label={label}
      multiline={multiline}
      minRows={multiline ? 3 : undefined}
      value={form[field]}
      onChange={e => set({ [field]: e.target.value })}
      {...fieldProps(field)}
    />
  );

  return (
    <FormDialog
      title={t('editDialog.title', { number: release.number })}
      onClose={props.onClose}
      onSubmit={save}
      submission={submission}
      onReload={base.reload}
      maxWidth="md"
    >
      {text('title', t('field.title'))}
      {text('description', t('field.descriptionMarkdown'), true)}
      {text('businessJustification', t('field.businessJustification'), true)}
      {text('backoutPlan', t('field.backoutPlan'), true)}
      {text('testEvidenceUrl', t('field.testEvidenceUrl'))}
      {text('versionLabel', t('field.version'))}
      <EntityPicker
        label={t('field.manager')}
        kinds={['User']}
        value={form.manager}
        onChange={manager => set({ manager })}
        error={errorOf('manager')}
      />
      <EntityPicker
        label={t('field.executorGroup')}
        kinds={['Group']}
        value={form.executorGroup}
        onChange={executorGroup => set({ executorGroup })}
        error={errorOf('executorGroup')}
      />
      {(['plannedStart', 'plannedEnd'] as const).map(field => (
        <TextField
          key={field}
          id={`release-edit-${field}`}
          fullWidth
          margin="normal"
          type="datetime-local"
          label={
            field === 'plannedStart'
              ? t('field.plannedStart')
              : t('field.plannedEnd')
          }
          InputLabelProps={{ shrink: true }}
          value={form[field]}
          onChange={e => set({ [field]: e.target.value })}
          {...fieldProps(field)}
        />
      ))}
    </FormDialog>
  );
};
