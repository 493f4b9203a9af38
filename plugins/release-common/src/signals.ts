/**
 * The signals channel the release backend publishes on after each committed
 * change to a release; open release pages subscribe to it and refetch.
 *
 * @public
 */
export const RELEASE_SIGNAL_CHANNEL = 'release:changes';

/**
 * What a release change signal says: identifiers only. Every signed-in user
 * receives it, so it names no title, status or person; a page that cares
 * refetches through the permission-checked API.
 *
 * @public
 */
export type ReleaseChangeSignal = {
  releaseId: string;
  /** The release's version after the change. */
  version: number;
  /**
   * The entities the release touched before the change or touches after it,
   * directly or through impact. Absent when there are too many to list: the
   * change may then concern any entity.
   */
  entityRefs?: string[];
};
