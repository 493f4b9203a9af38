import { expect, test } from './fixtures';
import { chooseLanguage, languagePicker } from './language';
import { saveReportScreenshot } from './reportScreenshot';
import { act, expectStatus } from './releaseSteps';
import { openAsGuest } from './signIn';

// The texts come from plugins/release/src/translations/pt-BR.ts. Dates are
// left out: their format is not what this journey checks. Each test has its
// own browser context, so the language chosen here (kept in local storage)
// does not reach the other journeys.

test('a user who switches to Portuguese registers, plans and suspends a release in Portuguese', async ({
  page,
}) => {
  const title = `Atualização do gateway ${Date.now() % 100000}`;
  await openAsGuest(page, '/release');
  await chooseLanguage(page, 'Português (Brasil)');

  // The choice survives a reload.
  await openAsGuest(page, new URL(page.url()).pathname);
  // The first page load in Portuguese also fetches the Portuguese messages,
  // which a development server that has just started may still be building.
  await expect(languagePicker(page)).toHaveText('Português (Brasil)', {
    timeout: 45_000,
  });
  // The sidebar's entry is in Portuguese too.
  await page.getByRole('link', { name: 'Liberações' }).click();
  await expect(
    page.getByRole('heading', { name: 'Gerenciamento de Liberação' }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Área de trabalho de liberações' }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Liberações' })).toBeVisible();
  await saveReportScreenshot(page, 'pt-BR-desktop');

  await page.getByRole('button', { name: 'Cadastrar liberação' }).click();
  const register = page.getByRole('dialog');
  await expect(
    register.getByRole('heading', { name: 'Cadastrar uma liberação' }),
  ).toBeVisible();
  await register.getByLabel('Título').fill(title);
  await register
    .getByRole('button', { name: 'Cadastrar', exact: true })
    .click();
  const heading = page.getByRole('heading', {
    name: new RegExp(`REL-\\d{6} · ${title}`),
  });
  await expect(heading).toBeVisible();
  const number = (await heading.innerText()).split(' · ')[0];
  await expectStatus(page, 'Registrada');
  for (const tab of [
    'Visão geral',
    'Planejamento',
    'Implantação',
    'Histórico',
  ]) {
    await expect(page.getByRole('tab', { name: tab })).toBeVisible();
  }

  await act(page, 'Planejar', async dialog => {
    await expect(
      dialog.getByRole('heading', { name: `Planejar ${number}` }),
    ).toBeVisible();
  });
  await expectStatus(page, 'Em planejamento');

  await act(page, 'Suspender', async dialog => {
    await expect(
      dialog.getByRole('heading', { name: `Suspender ${number}` }),
    ).toBeVisible();
    await expect(
      dialog.getByText('Um motivo do catálogo de justificativas'),
    ).toBeVisible();
    await dialog.getByLabel('Justificativa', { exact: true }).click();
    await page.getByRole('option').filter({ hasText: /\S/ }).first().click();
  });
  await expectStatus(page, 'Suspensa');
  await expect(
    page.getByRole('button', { name: 'Retomar', exact: true }),
  ).toBeVisible();
  await saveReportScreenshot(page, 'pt-BR-release');

  await page.getByRole('link', { name: 'Liberações' }).click();
  await page.getByRole('button', { name: 'Calendário' }).click();
  await expect(
    page.getByRole('heading', { name: 'Calendário de liberações' }),
  ).toBeVisible();
  await saveReportScreenshot(page, 'pt-BR-calendar');
});
