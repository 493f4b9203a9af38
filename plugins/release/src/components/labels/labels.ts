import { ReleaseAction, ReleaseStatus } from '@internal/plugin-release-common';

/** How states read in the UI. */
export const statusLabels: Record<ReleaseStatus, string> = {
  registered: 'Registered',
  planning: 'Planning',
  authorized: 'Authorized',
  deployment: 'Deployment',
  executed: 'Executed',
  closed: 'Closed',
  suspended: 'Suspended',
  cancelled: 'Cancelled',
};

/** How workflow actions read on buttons. */
export const actionLabels: Record<ReleaseAction, string> = {
  plan: 'Plan',
  authorize: 'Authorize',
  replan: 'Back to planning',
  deploy: 'Start deployment',
  execute: 'Mark executed',
  rework: 'Rework',
  close: 'Close',
  suspend: 'Suspend',
  resume: 'Resume',
  cancel: 'Cancel release',
  reopen: 'Reopen',
};

export const priorityLabels: Record<number, string> = {
  1: '1 · critical',
  2: '2 · high',
  3: '3 · medium',
  4: '4 · low',
  5: '5 · planning',
};

/** `user:default/ana.souza` reads as `ana.souza`. */
export function shortRef(ref: string | null | undefined): string {
  if (!ref) return '';
  return ref.replace(/^[^:]+:(default\/)?/, '');
}
