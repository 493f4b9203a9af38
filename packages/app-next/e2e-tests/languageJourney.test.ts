import { expect, test } from './fixtures';
import { chooseLanguage, languagePicker } from '../../app/e2e-tests/language';
import { openAsGuest } from '../../app/e2e-tests/signIn';

// The texts come from plugins/release/src/translations/pt-BR.ts. The page
// header and tab titles are plain strings of the new frontend system's
// blueprints, so they stay in English.

test('the release desktop speaks Portuguese once the user picks it in the settings', async ({
  page,
}) => {
  await openAsGuest(page, '/release');
  await chooseLanguage(page, 'Português (Brasil)');

  // The choice survives a reload.
  await openAsGuest(page, new URL(page.url()).pathname);
  await expect(languagePicker(page)).toHaveText('Português (Brasil)');
  // The navigation takes the page's title, a plain string.
  await page.getByRole('link', { name: 'Releases' }).click();
  await expect(
    page.getByRole('heading', { name: 'Área de trabalho de liberações' }),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Cadastrar liberação' }),
  ).toBeEnabled();
  await expect(page.getByLabel('Por situação', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Liberações' })).toBeVisible();
});
