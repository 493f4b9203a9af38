import { LoggerService } from '@backstage/backend-plugin-api';
import { ReleaseStore } from '../database/ReleaseStore';
import { BackendLanguage, DEFAULT_JUSTIFICATION_KEYS } from './BackendTexts';
import { textsIn } from './index';

/**
 * Writes the seeded justification reasons that no administrator has
 * changed in `language`, in one transaction, before the plugin serves
 * (docs/languages.md). Running it again, or in several processes, changes
 * nothing more; a reason whose new name another reason already has keeps
 * its words, and a warning says why.
 */
export async function localiseDefaultJustifications(
  store: ReleaseStore,
  language: BackendLanguage,
  logger: LoggerService,
): Promise<void> {
  const wanted = textsIn(language).defaultJustifications;
  const reworded = await store.transaction(async tx => {
    const now = new Date();
    let count = 0;
    for (const reason of await tx.justifications.listUntouchedDefaults()) {
      // A key a later version no longer knows is left as it is.
      if (!DEFAULT_JUSTIFICATION_KEYS.includes(reason.defaultKey)) continue;
      const text = wanted[reason.defaultKey];
      if (
        reason.name === text.name &&
        reason.description === text.description
      ) {
        continue;
      }
      const holder = await tx.justifications.findByName(text.name);
      if (holder && holder.id !== reason.id) {
        logger.warn(
          `The justification "${reason.name}" stays as it is: another one is named "${text.name}"`,
        );
        continue;
      }
      await tx.justifications.rewordDefault(reason.id, text, now);
      count++;
    }
    return count;
  });
  if (reworded > 0) {
    logger.info(`Wrote ${reworded} default justifications in ${language}`);
  }
}
