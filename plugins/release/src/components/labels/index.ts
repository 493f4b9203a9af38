export * from './labels';
export * from './formatting';
export { StatusChip, statusColor } from './StatusChip';
export * from './errors';
export { LevelSelect } from './LevelSelect';
export { releaseLabels, useReleaseLabels } from './useReleaseLabels';
export type { ReleaseT } from './useReleaseLabels';
