import { expect, Page } from '@playwright/test';
import {
  act,
  choose,
  expectStatus,
  pickEntity,
  separateWindow,
} from './releaseSteps';
import { openAsGuest } from './signIn';

// The steps of an approval round, shared by both apps' approval journeys.
// The example data's model with an approval policy (docs/approvals.md): the
// owners of the touched systems approve, then the change advisory board
// when the risk is high. The reporting dashboard belongs to the data team's
// analytics system, and alex is on the data team (docs/example-users.md).
const portfolio = 'Data and analytics';
const model = 'Reviewed analytics release';
const ownersStep = 'Step 1 · Owners of impacted systems';

/** A configuration item as the register dialog's picker finds it. */
export type Ci = { typed: string; option: RegExp };
/** The data team's: alex approves for its owners. */
export const reportingDashboard: Ci = {
  typed: 'Reporting dash',
  option: /Reporting dashboard/,
};
/** The platform team's, the guest's own team. */
export const notificationService: Ci = {
  typed: 'Notification serv',
  option: /Notification service/,
};

/**
 * As the guest, registers a release of the reviewed model on `ci`, plans
 * it, prepares what the model's readiness asks for (a deployment activity
 * and a backout plan), keeps the risk low so the board's step does not
 * apply, and requests authorization. Returns the release's number.
 */
export async function requestAuthorization(page: Page, title: string, ci: Ci) {
  await openAsGuest(page, '/release');
  await page.getByRole('button', { name: 'Register release' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill(title);
  await dialog
    .getByLabel('Business justification')
    .fill('Sales managers want the regional view');
  const window = separateWindow();
  await dialog.getByLabel('Planned start').fill(window.start);
  await dialog.getByLabel('Planned end').fill(window.end);
  await choose(page, dialog, 'Portfolio', portfolio);
  await choose(page, dialog, 'Release model', model);
  await pickEntity(page, dialog, 'Configuration items', ci.typed, ci.option);
  await dialog.getByRole('button', { name: 'Register' }).click();
  const heading = page.getByRole('heading', {
    name: new RegExp(`REL-\\d{6} · ${title}`),
  });
  await expect(heading).toBeVisible();
  const number = (await heading.innerText()).split(' · ')[0];

  await act(page, 'Plan');
  await expectStatus(page, 'Planning');

  // The model's planning activities are done before authorization is asked.
  await page.getByRole('tab', { name: 'Planning' }).click();
  for (const activity of [
    'Scope the change',
    'Agree the window with the owners',
  ]) {
    const row = page.getByRole('row').filter({ hasText: activity });
    await row.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(row.getByText('done', { exact: true })).toBeVisible();
  }

  await page.getByRole('tab', { name: 'Deployment' }).click();
  await page.getByLabel('New deployment activity').fill('Deploy the dashboard');
  await page.getByRole('button', { name: 'Add activity' }).click();
  await expect(
    page.getByRole('row').filter({ hasText: 'Deploy the dashboard' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('dialog');
  await edit
    .getByLabel('Backout plan')
    .fill('Redeploy the previous dashboard build');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();

  const readiness = page.getByRole('list', { name: 'Readiness checklist' });
  await expect(readiness.getByText('missing')).toHaveCount(0);

  // The manager sets a level other than the assessment's suggestion, with a
  // justification; below high, the board's step is not required.
  await page.getByRole('tab', { name: 'Risk' }).click();
  const suggested = await page
    .getByText('Suggested level', { exact: true })
    .locator('xpath=following-sibling::*[1]')
    .innerText();
  const chosen = /low/i.test(suggested) ? 'Medium' : 'Low';
  await page.getByRole('button', { name: 'Set risk' }).click();
  const risk = page.getByRole('dialog');
  await choose(page, risk, 'Level', chosen);
  await risk
    .getByLabel(/^Justification/)
    .fill('A read-only dashboard; nothing else calls it');
  await risk.getByRole('button', { name: 'Save' }).click();
  await expect(risk).toBeHidden();
  await expect(page.getByText('Set by a manager')).toBeVisible();

  await act(page, 'Request authorization');
  await expectStatus(page, 'Awaiting approval');
  return number;
}

/** Opens the release's Approval tab on the page it is on. */
export async function approvalTab(page: Page) {
  await page.getByRole('tab', { name: 'Approval' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Approval' });
  await expect(panel.getByRole('heading', { name: ownersStep })).toBeVisible();
  return panel;
}

/** As `user`, finds the release among those awaiting their approval. */
export async function openFromAwaitingFilter(page: Page, number: string) {
  await page.goto('/release');
  const filter = page.getByRole('button', {
    name: /^Awaiting my approval \(\d+\)$/,
  });
  await expect(filter).toBeVisible();
  await filter.click();
  await expect(filter).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/awaitingApprovalBy=me/);
  const count = Number(/\((\d+)\)/.exec((await filter.innerText()) ?? '')![1]);
  expect(count).toBeGreaterThanOrEqual(1);
  const rows = page.getByRole('row');
  await expect(rows.filter({ hasText: number })).toBeVisible();
  // Every row listed is one the user is asked to decide.
  await expect(
    rows.filter({ hasText: /Awaiting approval/ }).filter({ hasText: /REL-/ }),
  ).toHaveCount(await rows.filter({ hasText: /REL-/ }).count());
  await rows
    .filter({ hasText: number })
    .getByRole('link', { name: number })
    .click();
  await expect(
    page.getByRole('heading', { name: new RegExp(`${number} · `) }),
  ).toBeVisible();
}

/** Decides the current step in the Approval tab with a comment. */
async function decide(
  page: Page,
  button: 'Approve' | 'Reject',
  comment: string,
) {
  const panel = await approvalTab(page);
  await panel.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/^Comment/).fill(comment);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Expects the release's History tab to show each of `lines`. */
async function expectInHistory(page: Page, lines: Array<string | RegExp>) {
  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByRole('list', { name: 'History' });
  for (const line of lines) {
    await expect(history.getByText(line).first()).toBeVisible();
  }
}

/**
 * On the guest's page, a round on the reporting dashboard: step 1 waits on
 * the data team, the dashboard's owner; step 2 is left out by the low risk;
 * the guest, not on the data team, has nothing to decide.
 */
export async function expectAwaitingTheDataTeam(page: Page) {
  const panel = await approvalTab(page);
  await expect(panel.getByText(/Data Team|data-team/).first()).toBeVisible();
  await expect(panel.getByText(/Not required because/)).toBeVisible();
  for (const button of ['Approve', 'Reject']) {
    await expect(
      panel.getByRole('button', { name: button, exact: true }),
    ).toHaveCount(0);
  }
}

/**
 * On alex's page of the release, approves step 1 and expects the release
 * authorized, with the request and his decision in its history.
 */
export async function approveAsAlex(alex: Page) {
  await decide(alex, 'Approve', 'The dashboard change is ours and tested');
  await expectStatus(alex, 'Authorized');
  await expectInHistory(alex, [
    /Planning → Awaiting approval · guest/,
    /Awaiting approval → Authorized · alex/,
    '“The dashboard change is ours and tested”',
  ]);
}

/**
 * On alex's page of the release `number`, rejects step 1 and expects it
 * back in planning with his reason in its history, and no longer among
 * the releases awaiting him.
 */
export async function rejectAsAlex(alex: Page, number: string) {
  await decide(alex, 'Reject', 'Export needs the finance sign-off first');
  await expectStatus(alex, 'Planning');
  await expectInHistory(alex, [
    /Awaiting approval → Planning · alex/,
    '“Export needs the finance sign-off first”',
  ]);

  await alex.goto('/release?awaitingApprovalBy=me');
  await expect(
    alex.getByRole('button', { name: /^Awaiting my approval \(\d+\)$/ }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(alex.getByRole('row').filter({ hasText: number })).toHaveCount(
    0,
  );
}
