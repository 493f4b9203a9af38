export { ReleaseDesktop } from './ReleaseDesktop';
export { ReleaseDesktopContent } from './ReleaseDesktopContent';
