import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import searchPlugin from '@backstage/plugin-search/alpha';
import signalsPlugin from '@backstage/plugin-signals/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import releasePlugin from '@internal/plugin-release/alpha';
import { exampleUserSignInModule } from './modules/exampleUserSignIn';
import { translationsModule } from './modules/translations';

export default createApp({
  features: [
    catalogPlugin,
    searchPlugin,
    signalsPlugin,
    userSettingsPlugin,
    releasePlugin,
    exampleUserSignInModule,
    translationsModule,
  ],
});
