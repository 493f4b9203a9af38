import { createTranslationResource } from '@backstage/core-plugin-api/alpha';
import { releaseTranslationRef } from './ref';

export { releaseTranslationRef } from './ref';

/**
 * The release plugin's translations beyond its English defaults, loaded when
 * the user picks the language. Give it to the app's
 * `__experimentalTranslations.resources`.
 *
 * @alpha
 */
export const releaseTranslations = createTranslationResource({
  ref: releaseTranslationRef,
  translations: {
    'pt-BR': () => import('./pt-BR'),
  },
});
