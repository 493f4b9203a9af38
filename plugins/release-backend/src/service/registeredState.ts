import { Release } from '@internal/plugin-release-common';

/**
 * What every release starts with when it is registered: nothing deployed,
 * closed or counted yet (docs/workflow.md#states). The example history
 * registers its releases with it too.
 */
export const REGISTERED_STATE: Pick<
  Release,
  | 'actualStart'
  | 'actualEnd'
  | 'outcome'
  | 'closureNotes'
  | 'status'
  | 'suspendedFrom'
  | 'resumeAt'
  | 'reworkCount'
  | 'reopenCount'
  | 'closedAt'
  | 'version'
> = {
  actualStart: null,
  actualEnd: null,
  outcome: null,
  closureNotes: null,
  status: 'registered',
  suspendedFrom: null,
  resumeAt: null,
  reworkCount: 0,
  reopenCount: 0,
  closedAt: null,
  version: 1,
};
