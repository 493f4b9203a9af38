/**
 * Releases in the portal's search: what the backend hands the search
 * collator, and the document the search index holds.
 */
import type { Release } from './types';

/** The document type of releases in the portal's search. @public */
export const RELEASE_SEARCH_TYPE = 'release';

/** A release as `GET /search/documents` lists it for the search index. @public */
export type ReleaseSearchEntry = Pick<
  Release,
  | 'id'
  | 'number'
  | 'title'
  | 'description'
  | 'businessJustification'
  | 'status'
  | 'type'
  | 'priority'
  | 'plannedStart'
  | 'plannedEnd'
  | 'closedAt'
> & {
  /** The portfolio's name, or null for a release in no portfolio. */
  portfolioName: string | null;
  /** Its configuration items (catalog entity refs), sorted. */
  entityRefs: string[];
};

/**
 * `GET /search/documents`: releases in release number order. Pass
 * `nextCursor` as `after` for the next page; null on the last page.
 *
 * @public
 */
export type ReleaseSearchEntryPage = {
  items: ReleaseSearchEntry[];
  nextCursor: string | null;
};

/**
 * A release in the search index (document type `release`). The search
 * result list item reads these fields.
 *
 * @public
 */
export type ReleaseSearchDocument = {
  /** Number and title, e.g. `REL-000042 Orders service 2.4`. */
  title: string;
  /** Description and business justification. */
  text: string;
  /** The release page, e.g. `/release/releases/<id>`. */
  location: string;
  number: string;
  status: Release['status'];
  type: Release['type'];
  priority: Release['priority'];
  plannedStart: string | null;
  plannedEnd: string | null;
  closedAt: string | null;
  portfolioName: string | null;
  entityRefs: string[];
};
