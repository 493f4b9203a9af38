export {
  releasePlugin,
  ReleasePage,
  EntityReleasesContent,
  EntityReleasesCard,
  EntityReleaseDeliveryCard,
  ReleaseSearchResultListItem,
} from './plugin';
export type { ReleaseSearchResultListItemProps } from './components/ReleaseSearchResultListItem';
export * from './api';
// For the notification settings page, where users mute release topics.
export { releaseNotificationNames } from '@internal/plugin-release-common';
