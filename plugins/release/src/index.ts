export {
  releasePlugin,
  ReleasePage,
  EntityReleasesContent,
  EntityReleasesCard,
  ReleaseSearchResultListItem,
} from './plugin';
export type { ReleaseSearchResultListItemProps } from './components/ReleaseSearchResultListItem';
export * from './api';
