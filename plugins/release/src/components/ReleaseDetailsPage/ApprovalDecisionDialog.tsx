import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  ApprovalDecision,
  approvalDecisionSchema,
  ApprovalDecisionRequest,
  ApprovalStepState,
  ReleaseDetails,
  releaseOverridePermission,
} from '@internal/plugin-release-common';
import { useState } from 'react';
import { releaseApiRef } from '../../api';
import { useBaseVersion } from '../../hooks/useBaseVersion';
import { useSubmission } from '../../hooks/useSubmission';
import { FormDialog } from '../forms';
import { useReleaseLabels } from '../labels';
import { isOverridableRefusal } from './approvalRefusals';

/**
 * Approves or rejects the current step. A rejection asks why. When the
 * approval that would authorize the release meets a blackout window or a
 * conflict, a caller allowed to override may send it again with an
 * override and a comment (docs/approvals.md#the-approval-round).
 */
export const ApprovalDecisionDialog = (props: {
  release: ReleaseDetails;
  step: ApprovalStepState;
  decision: ApprovalDecision;
  onClose: () => void;
  onDone: (release: ReleaseDetails) => void;
  onReload: () => void;
}) => {
  const { release, step, decision } = props;
  const releaseApi = useApi(releaseApiRef);
  const { t } = useReleaseLabels();
  const [comment, setComment] = useState('');
  const [override, setOverride] = useState(false);
  const [overridable, setOverridable] = useState(false);
  const canOverride = usePermission({
    permission: releaseOverridePermission,
    resourceRef: release.id,
  });
  const submission = useSubmission(['comment', 'override']);
  const base = useBaseVersion(release, props.onReload);

  const send = async () => {
    const request: ApprovalDecisionRequest = {
      decision,
      expectedVersion: base.version,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(override ? { override: true } : {}),
    };
    if (!submission.check(approvalDecisionSchema, request)) return;
    let updated: ReleaseDetails | undefined;
    const ok = await submission.submit(async () => {
      try {
        updated = await releaseApi.decideApproval(release.id, request);
      } catch (error) {
        if (isOverridableRefusal(error)) setOverridable(true);
        throw error;
      }
    });
    if (ok && updated) props.onDone(updated);
  };

  const title = decision === 'approved' ? 'approveTitle' : 'rejectTitle';
  const commentNeeded = decision === 'rejected' || override;
  return (
    <FormDialog
      title={t(`approvals.${title}`, {
        position: String(step.position),
        name: step.name,
        number: release.number,
      })}
      submitLabel={
        decision === 'approved' ? t('approvals.approve') : t('approvals.reject')
      }
      onClose={props.onClose}
      onSubmit={send}
      submission={submission}
      onReload={base.reload}
    >
      <Typography variant="body2" paragraph>
        {decision === 'approved'
          ? t('approvals.approveExplain')
          : t('approvals.rejectExplain')}
      </Typography>
      {decision === 'approved' && overridable && canOverride.allowed && (
        <FormControlLabel
          control={
            <Checkbox
              checked={override}
              onChange={e => setOverride(e.target.checked)}
            />
          }
          label={t('approvals.override')}
        />
      )}
      <TextField
        id="release-approval-comment"
        fullWidth
        multiline
        minRows={3}
        margin="normal"
        label={
          commentNeeded
            ? t('approvals.commentRequired')
            : t('approvals.comment')
        }
        value={comment}
        onChange={e => setComment(e.target.value)}
        {...submission.fieldProps('comment')}
      />
    </FormDialog>
  );
};
