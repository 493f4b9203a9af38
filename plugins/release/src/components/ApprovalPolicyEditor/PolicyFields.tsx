import { FieldError } from '@internal/plugin-release-common';
import { useReleaseLabels } from '../labels';
import { ApprovalPolicyEditor } from './ApprovalPolicyEditor';
import { POLICY_FIELDS, PolicyDrafts, PolicyField } from './usePolicyDrafts';

/**
 * The standard and emergency approval policies of a portfolio or model,
 * each with what applies when it has none (`inheritLabels`).
 */
export const PolicyFields = (props: {
  policies: PolicyDrafts;
  inheritLabels: Record<PolicyField, string>;
  /** What is wrong with the request's fields, in the user's language. */
  errors: FieldError[];
}) => {
  const { t } = useReleaseLabels();
  const { drafts, onChange } = props.policies;
  const titles: Record<PolicyField, string> = {
    approvalPolicy: t('approvalPolicy.standard'),
    emergencyApprovalPolicy: t('approvalPolicy.emergency'),
  };
  return (
    <>
      {POLICY_FIELDS.map(field => (
        <ApprovalPolicyEditor
          key={field}
          field={field}
          title={titles[field]}
          inheritLabel={props.inheritLabels[field]}
          value={drafts[field]}
          onChange={onChange[field]}
          errors={props.errors}
        />
      ))}
    </>
  );
};
