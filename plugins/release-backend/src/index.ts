export { releasePlugin as default } from './plugin';
