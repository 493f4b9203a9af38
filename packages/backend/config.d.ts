export interface Config {
  auth?: {
    providers?: {
      /**
       * Development only (docs/example-users.md): sign in as the example
       * catalog's user named by the `example-user` cookie or the
       * `x-example-user` header. Not installed when NODE_ENV is production.
       */
      exampleUser?: {
        /** Who a request naming nobody signs in as; user:default/guest if unset. */
        defaultUserEntityRef?: string;
      };
    };
  };
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
