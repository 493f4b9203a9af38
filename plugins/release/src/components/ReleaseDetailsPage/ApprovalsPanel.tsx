import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  ApprovalDecision,
  ReleaseDetails,
} from '@internal/plugin-release-common';
import { ReactNode, useState } from 'react';
import { useReleaseLabels } from '../labels';
import { ApprovalDecisionDialog } from './ApprovalDecisionDialog';
import { ApprovalStepItem } from './ApprovalStepItem';
import { approvalReasonText } from './approvalReasonText';
import {
  showsApprovalRound,
  showsReadiness,
  stepToDecide,
} from './approvalVisibility';
import { ReadinessChecklist } from './ReadinessChecklist';

const Field = (props: { label: string; children: ReactNode }) => (
  <Grid item xs={12} sm={6} md={3}>
    <Typography variant="caption" color="textSecondary" display="block">
      {props.label}
    </Typography>
    <Typography component="div">{props.children || '—'}</Typography>
  </Grid>
);

/**
 * The release's road to authorization: the readiness checklist while it is
 * prepared, and the approval round with its steps, approvers and decisions;
 * Approve and Reject for a caller who may decide the current step
 * (docs/approvals.md).
 */
export const ApprovalsPanel = (props: {
  release: ReleaseDetails;
  onDecided: (release: ReleaseDetails) => void;
  onReload: () => void;
}) => {
  const { release } = props;
  const { approvals } = release;
  const labels = useReleaseLabels();
  const { t } = labels;
  const [deciding, setDeciding] = useState<ApprovalDecision>();
  const step = stepToDecide(approvals);

  return (
    <Box>
      {showsReadiness(release) && (
        <Box mb={3}>
          <ReadinessChecklist checks={release.readiness ?? []} />
        </Box>
      )}
      {showsApprovalRound(approvals) && (
        <>
          <Box display="flex" alignItems="center" mb={1} style={{ gap: 8 }}>
            <Typography variant="h6">
              {approvals.round > 0
                ? t('approvals.round', { round: String(approvals.round) })
                : t('approvals.title')}
            </Typography>
            <Chip size="small" label={labels.roundStatus(approvals.status)} />
            <Chip
              size="small"
              variant="outlined"
              color={approvals.emergency ? 'secondary' : 'default'}
              label={
                approvals.emergency
                  ? t('approvals.emergencyPolicy')
                  : t('approvals.standardPolicy')
              }
            />
            {approvals.policySource !== 'none' && (
              <Typography variant="caption" color="textSecondary">
                {approvals.policySource === 'model'
                  ? t('approvals.fromModel')
                  : t('approvals.fromPortfolio')}
              </Typography>
            )}
          </Box>
          {approvals.round === 0 ? (
            <Alert severity="info">{t('approvals.notRequested')}</Alert>
          ) : (
            <Grid container spacing={2}>
              <Field label={t('approvals.requestedBy')}>
                {approvals.requestedBy && (
                  <EntityRefLink entityRef={approvals.requestedBy} />
                )}
              </Field>
              <Field label={t('approvals.requestedAt')}>
                {labels.dateTime(approvals.requestedAt)}
              </Field>
            </Grid>
          )}
          {step && (
            <Box display="flex" alignItems="center" my={2} style={{ gap: 8 }}>
              <Typography>
                {t('approvals.yourTurn', {
                  position: String(step.position),
                  name: step.name,
                })}
              </Typography>
              <Button
                variant="contained"
                color="primary"
                onClick={() => setDeciding('approved')}
              >
                {t('approvals.approve')}
              </Button>
              <Button
                variant="outlined"
                onClick={() => setDeciding('rejected')}
              >
                {t('approvals.reject')}
              </Button>
            </Box>
          )}
          {approvals.mayNotDecideBecause && (
            <Alert severity="info" style={{ marginTop: 16 }}>
              {t('approvals.mayNotDecide', {
                reason: approvalReasonText(t, approvals.mayNotDecideBecause),
              })}
            </Alert>
          )}
          <List aria-label={t('approvals.steps')}>
            {approvals.steps.map(item => (
              <ApprovalStepItem key={item.position} step={item} />
            ))}
          </List>
        </>
      )}
      {step && deciding && (
        <ApprovalDecisionDialog
          release={release}
          step={step}
          decision={deciding}
          onClose={() => setDeciding(undefined)}
          onDone={updated => {
            setDeciding(undefined);
            props.onDecided(updated);
          }}
          onReload={props.onReload}
        />
      )}
    </Box>
  );
};
