import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import {
  EditReleaseRequest,
  editReleaseSchema,
  Level,
  ReleaseDetails,
  RiskAssessment,
} from '@internal/plugin-release-common';
import { useState } from 'react';
import { releaseApiRef } from '../../api';
import { useBaseVersion } from '../../hooks/useBaseVersion';
import { useSubmission } from '../../hooks/useSubmission';
import { FormDialog } from '../forms';
import { LevelSelect, useReleaseLabels } from '../labels';

/**
 * A manager sets the release's risk level. Any level but the suggested
 * one needs a justification, which the risk panel then shows
 * (docs/risk.md#choosing-another-level).
 */
export const SetRiskDialog = (props: {
  release: ReleaseDetails;
  assessment: RiskAssessment;
  onClose: () => void;
  onSaved: (release: ReleaseDetails) => void;
  onReload: () => void;
}) => {
  const { release, assessment } = props;
  const releaseApi = useApi(releaseApiRef);
  const labels = useReleaseLabels();
  const { t } = labels;
  const [level, setLevel] = useState<Level>(release.risk);
  const [justification, setJustification] = useState('');
  const submission = useSubmission(['risk', 'riskJustification']);
  const base = useBaseVersion(release, props.onReload);
  const needsJustification = level !== assessment.suggestedLevel;

  const save = async () => {
    if (needsJustification && !justification.trim()) {
      // The backend's own words (docs/risk.md#choosing-another-level).
      submission.report([
        {
          field: 'riskJustification',
          message: `is required to set the risk to ${level}: the assessment suggests ${assessment.suggestedLevel}`,
        },
      ]);
      return;
    }
    const request: EditReleaseRequest = {
      expectedVersion: base.version,
      risk: level,
      ...(justification.trim()
        ? { riskJustification: justification.trim() }
        : {}),
    };
    if (!submission.check(editReleaseSchema, request)) return;
    let saved: ReleaseDetails | undefined;
    const ok = await submission.submit(async () => {
      saved = await releaseApi.editRelease(release.id, request);
    });
    if (ok && saved) props.onSaved(saved);
  };

  return (
    <FormDialog
      title={t('risk.setTitle', { number: release.number })}
      onClose={props.onClose}
      onSubmit={save}
      submission={submission}
      onReload={base.reload}
    >
      <LevelSelect
        id="release-risk-level"
        label={t('risk.level')}
        value={level}
        onChange={setLevel}
        error={submission.errorOf('risk')}
      />
      <TextField
        id="release-risk-justification"
        fullWidth
        multiline
        minRows={3}
        margin="normal"
        label={
          needsJustification
            ? t('risk.justificationRequired')
            : t('risk.justification')
        }
        value={justification}
        onChange={e => setJustification(e.target.value)}
        {...submission.fieldProps(
          'riskJustification',
          t('risk.justificationHelp', {
            level: labels.level(assessment.suggestedLevel),
          }),
        )}
      />
    </FormDialog>
  );
};
