export { releasePlugin, ReleasePage } from './plugin';
export * from './api';
