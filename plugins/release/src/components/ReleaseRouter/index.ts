export { ReleaseRouter } from './ReleaseRouter';
