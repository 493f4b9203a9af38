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
// For the notification settings page, where users mute release topics:
// in the user's language, or in English for a portal without translations.
export { useReleaseNotificationNames } from './hooks/useReleaseNotificationNames';
export { releaseNotificationNames } from '@internal/plugin-release-common';
