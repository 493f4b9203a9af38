import { IndexableDocument } from '@backstage/plugin-search-common';
import {
  ReleaseSearchDocument,
  ReleaseSearchEntry,
} from '@internal/plugin-release-common';

/** A release in the search index, with what the permission check needs. */
export type IndexableReleaseDocument = ReleaseSearchDocument &
  IndexableDocument & { authorization: { resourceRef: string } };

/**
 * The search document of a release: found by number, title, description and
 * justification, linked to its page, and checked against `release.read` by
 * its id when someone searches.
 */
export function toReleaseDocument(
  entry: ReleaseSearchEntry,
): IndexableReleaseDocument {
  return {
    title: `${entry.number} ${entry.title}`,
    text: [entry.description, entry.businessJustification]
      .filter(Boolean)
      .join('\n\n'),
    location: `/release/releases/${entry.id}`,
    number: entry.number,
    status: entry.status,
    type: entry.type,
    priority: entry.priority,
    plannedStart: entry.plannedStart,
    plannedEnd: entry.plannedEnd,
    closedAt: entry.closedAt,
    portfolioName: entry.portfolioName,
    entityRefs: entry.entityRefs,
    authorization: { resourceRef: entry.id },
  };
}
