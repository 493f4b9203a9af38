export interface Config {
  release?: {
    /** Read by the example portal's release permission policy. */
    permissions?: {
      /**
       * Groups (entity refs, e.g. group:default/release-managers) whose
       * members may do everything in release management.
       */
      adminGroups?: string[];
    };
  };
}
