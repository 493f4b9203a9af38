export {
  releasePlugin,
  ReleasePage,
  EntityReleasesContent,
  EntityReleasesCard,
} from './plugin';
export * from './api';
