export { EntityReleasesContent } from './EntityReleasesContent';
export { EntityReleasesCard } from './EntityReleasesCard';
