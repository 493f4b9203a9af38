import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import {
  ApprovalPolicy,
  Portfolio,
  ReleaseModel,
} from '@internal/plugin-release-common';
import { policyWords } from '../ApprovalPolicyEditor';
import { useReleaseLabels } from '../labels';

/** "Approval policy: 1. CAB — 2 of group:default/cab, …", or what applies instead. */
const PolicyLine = (props: {
  title: string;
  policy: ApprovalPolicy | null;
  /** What applies when the policy is null. */
  otherwise: string;
  variant?: 'body2' | 'caption';
}) => {
  const labels = useReleaseLabels();
  return (
    <Typography variant={props.variant ?? 'body2'} component="p">
      {labels.t('approvalPolicy.line', {
        policy: props.title,
        words: props.policy
          ? policyWords(labels, props.policy)
          : props.otherwise,
      })}
    </Typography>
  );
};

/** The portfolio's approval policies in words (docs/process.md#approval-policies). */
export const PortfolioApprovalsCard = (props: { portfolio: Portfolio }) => {
  const { t } = useReleaseLabels();
  const { portfolio } = props;
  return (
    <InfoCard title={t('approvalPolicy.card')}>
      <PolicyLine
        title={t('approvalPolicy.standard')}
        policy={portfolio.approvalPolicy}
        otherwise={t('approvalPolicy.none')}
      />
      <PolicyLine
        title={t('approvalPolicy.emergency')}
        policy={portfolio.emergencyApprovalPolicy}
        otherwise={t('approvalPolicy.sameAsStandard')}
      />
    </InfoCard>
  );
};

/** A model's approval policies in words; the portfolio's unless it has its own. */
export const ModelApprovals = (props: { model: ReleaseModel }) => {
  const { t } = useReleaseLabels();
  const { model } = props;
  return (
    <>
      <PolicyLine
        variant="caption"
        title={t('approvalPolicy.standard')}
        policy={model.approvalPolicy}
        otherwise={t('approvalPolicy.portfolios')}
      />
      <PolicyLine
        variant="caption"
        title={t('approvalPolicy.emergency')}
        policy={model.emergencyApprovalPolicy}
        otherwise={t('approvalPolicy.portfolios')}
      />
    </>
  );
};
