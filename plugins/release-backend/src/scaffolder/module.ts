import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createRegisterReleaseAction } from './registerReleaseAction';

/**
 * Adds the `release:register` action to the scaffolder.
 *
 * @public
 */
export const releaseScaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'release',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, discovery, auth }) {
        scaffolder.addActions(createRegisterReleaseAction({ discovery, auth }));
      },
    });
  },
});
