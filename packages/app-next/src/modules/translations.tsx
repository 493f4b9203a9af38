import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import { releaseTranslations } from '@internal/plugin-release/alpha';

/**
 * The release plugin's Portuguese, given to the app's translation API. Only
 * the app plugin may add translations in the new frontend system, so the
 * resource comes through a module of it; app-config.next.yaml lists the
 * languages the user may pick in the settings.
 */
export const translationsModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    TranslationBlueprint.make({
      name: 'release',
      params: { resource: releaseTranslations },
    }),
  ],
});
