/**
 * Persistence of releases, behind an interface so use cases do not depend on
 * Knex.
 *
 * @internal
 */
export interface ReleaseStore {
  /** Whether the database answers; used by the health endpoint. */
  isReachable(): Promise<boolean>;
}
