import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  ApprovalStepState,
  ApprovalStepStatus,
} from '@internal/plugin-release-common';
import { Fragment } from 'react';
import { useReleaseLabels } from '../labels';
import { approvalReasonText } from './approvalReasonText';

const statusColors: Record<ApprovalStepStatus, string> = {
  waiting: '#607d8b',
  current: '#1976d2',
  approved: '#2e7d32',
  rejected: '#c62828',
  'not-required': '#9e9e9e',
};

/**
 * The approvals a step has, against what it needs: people for a number,
 * approvers (groups or users) for `all`.
 */
function stepProgress(step: ApprovalStepState) {
  const approvals = step.decisions.filter(d => d.decision === 'approved');
  if (step.quorum === 'all') {
    return {
      approved: String(
        step.approvers.filter(ref =>
          approvals.some(d => d.onBehalfOf.includes(ref)),
        ).length,
      ),
      needed: String(step.approvers.length),
    };
  }
  return { approved: String(approvals.length), needed: String(step.quorum) };
}

const Refs = (props: { refs: string[] }) => (
  <>
    {props.refs.map((ref, index) => (
      <Fragment key={ref}>
        {index > 0 && ', '}
        <EntityRefLink entityRef={ref} />
      </Fragment>
    ))}
  </>
);

/**
 * One step of the approval round: its state, quorum, approvers and the
 * decisions taken on it (docs/approvals.md#the-approval-round).
 */
export const ApprovalStepItem = (props: { step: ApprovalStepState }) => {
  const { step } = props;
  const labels = useReleaseLabels();
  const { t } = labels;
  const progress = stepProgress(step);
  const stepName = t('approvals.step', {
    position: String(step.position),
    name: step.name,
  });
  return (
    <ListItem divider aria-label={stepName} style={{ display: 'block' }}>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Typography variant="subtitle1">{stepName}</Typography>
        <Chip
          size="small"
          label={labels.stepStatus(step.status)}
          style={{ backgroundColor: statusColors[step.status], color: '#fff' }}
        />
      </Box>
      {step.status === 'not-required' && step.notRequiredBecause ? (
        <Typography variant="body2" color="textSecondary">
          {t('approvals.notRequired', {
            reason: approvalReasonText(t, step.notRequiredBecause),
          })}
        </Typography>
      ) : (
        <>
          <Typography variant="body2">
            {t('approvals.quorum')}:{' '}
            {step.quorum === 'all'
              ? t('approvals.quorumAll')
              : t('approvals.quorumPeople', { count: step.quorum })}
            {step.status !== 'waiting' &&
              ` · ${t('approvals.progress', progress)}`}
          </Typography>
          <Typography variant="body2" component="div">
            {t('approvals.approvers')}:{' '}
            {step.approvers.length > 0 ? (
              <Refs refs={step.approvers} />
            ) : (
              t('approvals.noApprovers')
            )}
          </Typography>
        </>
      )}
      {step.fallbackReason && (
        <Alert severity="info" style={{ marginTop: 8 }}>
          {t('approvals.fallback', {
            reason: approvalReasonText(t, step.fallbackReason),
          })}
        </Alert>
      )}
      {step.decisions.length > 0 && (
        <List dense aria-label={t('approvals.decisions')}>
          {step.decisions.map(decision => (
            <ListItem key={decision.id}>
              <ListItemText
                primary={
                  <>
                    <EntityRefLink entityRef={decision.approver} />
                    {decision.onBehalfOf.length > 0 && (
                      <>
                        {` ${t('approvals.onBehalfOf')} `}
                        <Refs refs={decision.onBehalfOf} />
                      </>
                    )}
                  </>
                }
                secondaryTypographyProps={{ component: 'div' }}
                secondary={
                  <>
                    <Typography variant="caption" display="block">
                      {t('approvals.decidedAt', {
                        decision: t(`approvalDecision.${decision.decision}`),
                        date: labels.dateTime(decision.decidedAt),
                      })}
                    </Typography>
                    {decision.comment && (
                      <Typography variant="body2" display="block">
                        “{decision.comment}”
                      </Typography>
                    )}
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      )}
    </ListItem>
  );
};
