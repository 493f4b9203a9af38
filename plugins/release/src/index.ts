export { releasePlugin, ReleasePage } from './plugin';
