export { ReleaseHomePage } from './ReleaseHomePage';
