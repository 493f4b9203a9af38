export { ReleaseSearchResultListItem } from './ReleaseSearchResultListItem';
export type { ReleaseSearchResultListItemProps } from './ReleaseSearchResultListItem';
