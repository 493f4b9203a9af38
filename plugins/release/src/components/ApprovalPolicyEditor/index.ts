export { ApprovalPolicyEditor } from './ApprovalPolicyEditor';
export { ReadinessField } from './ReadinessField';
export { policyDraftOf, policyOf } from './policyDraft';
export type { PolicyDraft } from './policyDraft';
export { policyWords } from './policyWords';
