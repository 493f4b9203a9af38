import { Page } from '@playwright/test';

/** The backend both apps share, for what a test looks up or waits on. */
export const backendUrl =
  process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';

/** Headers that call the backend's API as the signed-in guest. */
export async function guestHeaders(page: Page) {
  const { backstageIdentity } = await (
    await page.request.get(`${backendUrl}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    })
  ).json();
  return { Authorization: `Bearer ${backstageIdentity.token}` };
}
