import { ApprovalPolicy } from '@internal/plugin-release-common';
import { useMemo, useState } from 'react';
import {
  ApprovalPolicyRequest,
  PolicyDraft,
  policyDraftOf,
  policyOf,
} from './policyDraft';

/** The request fields a portfolio and a model set their policies with. */
export const POLICY_FIELDS = [
  'approvalPolicy',
  'emergencyApprovalPolicy',
] as const;
/** @internal */
export type PolicyField = (typeof POLICY_FIELDS)[number];

/**
 * The standard and emergency policies of a portfolio or model as its
 * dialog edits them, from those saved (none for a new one).
 */
export function usePolicyDrafts(
  saved?: Partial<Record<PolicyField, ApprovalPolicy | null>>,
) {
  const [drafts, setDrafts] = useState<Record<PolicyField, PolicyDraft>>(
    () => ({
      approvalPolicy: policyDraftOf(saved?.approvalPolicy ?? null),
      emergencyApprovalPolicy: policyDraftOf(
        saved?.emergencyApprovalPolicy ?? null,
      ),
    }),
  );
  // Stable, so the memoized editors skip the dialog's other edits.
  const onChange = useMemo(() => {
    const setter = (field: PolicyField) => (draft: PolicyDraft) =>
      setDrafts(current => ({ ...current, [field]: draft }));
    return {
      approvalPolicy: setter('approvalPolicy'),
      emergencyApprovalPolicy: setter('emergencyApprovalPolicy'),
    };
  }, []);
  /** The policies to send, unchecked: the shared schema checks them. */
  const policies = (): Record<PolicyField, ApprovalPolicyRequest | null> => ({
    approvalPolicy: policyOf(drafts.approvalPolicy),
    emergencyApprovalPolicy: policyOf(drafts.emergencyApprovalPolicy),
  });
  return { drafts, onChange, policies };
}

/** What `PolicyFields` edits. */
export type PolicyDrafts = ReturnType<typeof usePolicyDrafts>;
