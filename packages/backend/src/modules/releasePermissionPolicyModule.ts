import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { ReleasePermissionPolicy } from './releasePermissionPolicy';

/** Installs {@link ReleasePermissionPolicy} as the portal's permission policy. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'release-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        policy: policyExtensionPoint,
      },
      async init({ config, policy }) {
        const adminGroups =
          config.getOptionalStringArray('release.permissions.adminGroups') ??
          [];
        policy.setPolicy(new ReleasePermissionPolicy(adminGroups));
      },
    });
  },
});
