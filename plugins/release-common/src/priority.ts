import { Level, Priority } from './types';

const weight: Record<Level, number> = { high: 0, medium: 1, low: 2 };

/**
 * The ITIL priority matrix: priority follows from impact and urgency and is
 * never typed in. high/high is 1 (critical), low/low is 5 (planning).
 *
 * @public
 */
export function derivePriority(impact: Level, urgency: Level): Priority {
  return (weight[impact] + weight[urgency] + 1) as Priority;
}
