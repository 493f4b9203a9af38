export { ReleaseDesktop } from './ReleaseDesktop';
