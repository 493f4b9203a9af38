import { ProxiedSignInPage } from '@backstage/core-components';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * Signs in at once, like the legacy app: as the guest, or as the example
 * user the browser names (docs/example-users.md).
 */
export const exampleUserSignInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: {
        loader: async () => props =>
          <ProxiedSignInPage {...props} provider="exampleUser" />,
      },
    }),
  ],
});
