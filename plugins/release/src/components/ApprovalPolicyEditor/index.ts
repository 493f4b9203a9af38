export { PolicyFields } from './PolicyFields';
export { ReadinessField } from './ReadinessField';
export { policyWords } from './policyWords';
export { POLICY_FIELDS, usePolicyDrafts } from './usePolicyDrafts';
