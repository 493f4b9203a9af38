import { expect, test } from './fixtures';
import { chooseLanguage, languagePicker } from './language';
import { saveReportScreenshot } from './reportScreenshot';
import { act, expectStatus } from './releaseSteps';
import { openAsGuest } from './signIn';

// The texts come from plugins/release/src/translations/pt-BR.ts. Each test
// has its own browser context, so the language chosen here (kept in local
// storage) does not reach the other journeys. The example catalogue's
// default justifications are English (the portal's language is `en`), so
// the journey adds a Portuguese one first, named uniquely per run.

test('a user who switches to Portuguese registers, plans and suspends a release in Portuguese', async ({
  page,
}) => {
  const run = Date.now() % 100000;
  const title = `Atualização do gateway ${run}`;
  const reason = `Congelamento de mudanças ${run}`;
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

  // The administrator adds a Portuguese reason to the justification catalogue.
  await page.getByRole('button', { name: 'Justificativas' }).click();
  await expect(
    page.getByRole('heading', { name: 'Catálogo de justificativas' }),
  ).toBeVisible();
  await page.getByLabel('Nome').fill(reason);
  await expect(page.getByLabel('suspender')).toBeChecked();
  await page.getByRole('button', { name: 'Adicionar motivo' }).click();
  await expect(
    page
      .getByRole('table', { name: 'Justificativas' })
      .getByRole('row')
      .filter({ hasText: reason }),
  ).toContainText('suspender');
  await page.getByRole('link', { name: 'Liberações' }).click();

  await page.getByRole('button', { name: 'Cadastrar liberação' }).click();
  const register = page.getByRole('dialog');
  await expect(
    register.getByRole('heading', { name: 'Cadastrar uma liberação' }),
  ).toBeVisible();
  await register.getByLabel('Título').fill(title);
  // A local date-time: the desktop shows it back as typed, in pt-BR's form.
  await register.getByLabel('Início planejado').fill('2027-05-18T09:00');
  await register.getByLabel('Fim planejado').fill('2027-05-18T11:30');
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
    await page.getByRole('option', { name: reason }).click();
  });
  await expectStatus(page, 'Suspensa');
  await expect(
    page.getByRole('button', { name: 'Retomar', exact: true }),
  ).toBeVisible();
  await saveReportScreenshot(page, 'pt-BR-release');

  await page.getByRole('tab', { name: 'Histórico' }).click();
  await expect(page.getByText(`Justificativa: ${reason}`)).toBeVisible();

  // The desktop's row shows the planned window as dd/MM/yyyy HH:mm.
  await page.getByRole('link', { name: 'Liberações' }).click();
  await page.getByLabel('Pesquisar número, título, descrição').fill(title);
  const row = page
    .getByRole('table', { name: 'Liberações' })
    .getByRole('row')
    .filter({ hasText: title });
  await expect(row).toContainText('18/05/2027 09:00 – 11:30');
  await expect(row).toContainText('Suspensa');

  await page.getByRole('button', { name: 'Calendário' }).click();
  await expect(
    page.getByRole('heading', { name: 'Calendário de liberações' }),
  ).toBeVisible();
  await saveReportScreenshot(page, 'pt-BR-calendar');
});
