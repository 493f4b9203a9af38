import { expect, Page } from '@playwright/test';

const backendUrl =
  process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';

/**
 * Switches every release notification back on for the signed-in guest,
 * through the notifications API: a topic muted in the settings page drops
 * out of it once no notification of that topic is left to show.
 */
export async function unmuteReleaseNotifications(page: Page) {
  const { backstageIdentity } = await (
    await page.request.get(`${backendUrl}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    })
  ).json();
  const headers = { Authorization: `Bearer ${backstageIdentity.token}` };
  const settingsUrl = `${backendUrl}/api/notifications/settings`;
  const settings = await (
    await page.request.get(settingsUrl, { headers })
  ).json();
  for (const channel of settings.channels) {
    for (const origin of channel.origins) {
      if (origin.id !== 'plugin:release') continue;
      origin.enabled = true;
      for (const topic of origin.topics ?? []) topic.enabled = true;
    }
  }
  const saved = await page.request.post(settingsUrl, {
    headers,
    data: settings,
  });
  expect(saved.status()).toBe(200);
}
