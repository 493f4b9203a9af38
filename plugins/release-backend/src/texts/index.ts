import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  BACKEND_LANGUAGES,
  BackendLanguage,
  BackendTexts,
} from './BackendTexts';
import { en } from './en';
import { ptBR } from './ptBR';

export * from './BackendTexts';

const catalogue: Record<BackendLanguage, BackendTexts> = {
  en,
  'pt-BR': ptBR,
};

/** The backend's texts in `language`. */
export function textsIn(language: BackendLanguage): BackendTexts {
  return catalogue[language];
}

/** `release.language` in app-config; English when absent. */
export function readReleaseLanguage(
  config: RootConfigService,
): BackendLanguage {
  const language = config.getOptionalString('release.language') ?? 'en';
  if (!(BACKEND_LANGUAGES as readonly string[]).includes(language)) {
    throw new Error(
      `release.language must be one of ${BACKEND_LANGUAGES.join(
        ', ',
      )}, got "${language}"`,
    );
  }
  return language as BackendLanguage;
}
