export * from './labels';
export * from './formatting';
export { StatusChip, statusColor } from './StatusChip';
export * from './errors';
export { LevelSelect } from './LevelSelect';
export { releaseLabels, useReleaseLabels } from './useReleaseLabels';
export { useReleaseLocale } from './useReleaseLocale';
export type { ReleaseLabels, ReleaseT } from './useReleaseLabels';
