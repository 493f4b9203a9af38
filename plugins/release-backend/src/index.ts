/**
 * The release management backend plugin.
 *
 * @packageDocumentation
 */

export { releasePlugin as default } from './plugin';
export {
  releaseConditions,
  createReleaseConditionalDecision,
  releasePermissionRules,
  releasePermissionResourceRef,
} from './permissions';
export type {
  ApprovalFacts,
  ReleaseFilter,
  ReleasePermissionResource,
  ReleaseRuleSubject,
} from './permissions';
export { releaseScaffolderModule } from './scaffolder/module';
export { releaseSearchModule } from './search/module';
