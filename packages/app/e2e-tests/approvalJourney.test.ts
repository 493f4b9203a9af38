import {
  approvalTab,
  approveAsAlex,
  expectAwaitingTheDataTeam,
  notificationService,
  openFromAwaitingFilter,
  rejectAsAlex,
  reportingDashboard,
  requestAuthorization,
} from './approvalSteps';
import { expect, expectSignedInAsAlex, test } from './exampleUsers';
import { expectStatus } from './releaseSteps';
import { saveReportScreenshot } from './reportScreenshot';

test('alex signs in as himself: the portal knows him and his team', async ({
  pageAs,
}) => {
  await expectSignedInAsAlex(await pageAs('alex'));
});

test("a manager requests authorization and the impacted system's owner approves it from the awaiting filter", async ({
  page,
  pageAs,
}) => {
  const title = `Regional sales dashboard ${Date.now() % 100000}`;
  const number = await requestAuthorization(page, title, reportingDashboard);

  await expectAwaitingTheDataTeam(page);
  await page.getByRole('tab', { name: 'Risk' }).click();
  await saveReportScreenshot(page, 'risk-panel');

  const alex = await pageAs('alex');
  await openFromAwaitingFilter(alex, number);
  await approvalTab(alex);
  await saveReportScreenshot(alex, 'approval-round');
  await approveAsAlex(alex);

  // The guest sees the same outcome on their page.
  await page.reload();
  await expectStatus(page, 'Authorized');
});

test("the impacted system's owner rejects: the release is back in planning with the reason in its history", async ({
  page,
  pageAs,
}) => {
  const title = `Dashboard export ${Date.now() % 100000}`;
  const number = await requestAuthorization(page, title, reportingDashboard);

  const alex = await pageAs('alex');
  await openFromAwaitingFilter(alex, number);
  await rejectAsAlex(alex, number);
});

test('the requester may not approve their own release, even on the owning team', async ({
  page,
  pageAs,
}) => {
  // The notification service is the platform team's, and the guest is on
  // it: an approver of step 1, but the one who requested it.
  const title = `Report e-mails ${Date.now() % 100000}`;
  const number = await requestAuthorization(page, title, notificationService);
  const panel = await approvalTab(page);
  await expect(
    panel.getByText(/You are an approver of this step but may not decide/),
  ).toBeVisible();
  await expect(
    panel.getByRole('button', { name: 'Approve', exact: true }),
  ).toHaveCount(0);
  await expect(
    panel.getByRole('button', { name: 'Reject', exact: true }),
  ).toHaveCount(0);

  // Another member of the platform team may.
  const carla = await pageAs('carla.mendes');
  await openFromAwaitingFilter(carla, number);
  const carlasPanel = await approvalTab(carla);
  await expect(
    carlasPanel.getByRole('button', { name: 'Approve', exact: true }),
  ).toBeEnabled();
});
