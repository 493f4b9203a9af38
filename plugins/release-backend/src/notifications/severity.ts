import { Priority } from '@internal/plugin-release-common';

/** A notification's severity follows the release's ITIL priority. */
export const severityOf: Record<
  Priority,
  'critical' | 'high' | 'normal' | 'low'
> = {
  1: 'critical',
  2: 'high',
  3: 'normal',
  4: 'low',
  5: 'low',
};
