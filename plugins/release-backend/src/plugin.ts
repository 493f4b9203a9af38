import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { DatabaseReleaseStore } from './database/DatabaseReleaseStore';
import { createRouter } from './router';

/**
 * The release management backend plugin: the ITIL release workflow and the
 * release portfolio, stored in the plugin's own database.
 *
 * @public
 */
export const releasePlugin = createBackendPlugin({
  pluginId: 'release',
  register(env) {
    env.registerInit({
      deps: {
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
      },
      async init({ database, httpRouter }) {
        const store = await DatabaseReleaseStore.create({ database });
        httpRouter.use(await createRouter({ store }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
