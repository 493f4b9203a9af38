import {
  approveAsAlex,
  expectAwaitingTheDataTeam,
  openFromAwaitingFilter,
  rejectAsAlex,
  reportingDashboard,
  requestAuthorization,
} from '../../app/e2e-tests/approvalSteps';
import {
  expectSignedInAsAlex,
  withExampleUsers,
} from '../../app/e2e-tests/exampleUsers';
import { expectStatus } from '../../app/e2e-tests/releaseSteps';
import { test as journey } from './fixtures';
import { expectOnePageHeader } from './pageHeader';

// The legacy app's approval journey (packages/app/e2e-tests) through the
// plugin's new-frontend-system pages: the guest requests authorization;
// alex, in a browser context of his own, decides (docs/example-users.md).
const test = withExampleUsers(journey);

test('alex signs in as himself: the new app knows him', async ({ pageAs }) => {
  await expectSignedInAsAlex(await pageAs('alex'));
});

test("a manager requests authorization and the impacted system's owner approves it from the awaiting filter", async ({
  page,
  pageAs,
}) => {
  const title = `Regional sales dashboard ${Date.now() % 100000}`;
  const number = await requestAuthorization(page, title, reportingDashboard);
  await expectAwaitingTheDataTeam(page);
  await expectOnePageHeader(page);

  const alex = await pageAs('alex');
  await openFromAwaitingFilter(alex, number);
  await approveAsAlex(alex);

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
