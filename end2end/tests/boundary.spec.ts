import { test, expect } from '@playwright/test';
import { expectAccessible, settle, signIn } from './helpers';

// The account Postern's API key belongs to (demo/stalwart-seed.json) lives in Acme's domain,
// as real deployments keep their mail server's admin accounts.
const PORTAL = 'postern@acme.test';

test('an account with rights on the mail server is shown read-only and every write is refused', async ({ page }, info) => {
  await signIn(page, info, 'ada@acme.test');
  await page.goto('/admin/mailboxes?q=postern');
  await settle(page, info);
  const row = page.getByTestId('mailboxes').getByRole('row').filter({ hasText: PORTAL });
  await expect(row).toContainText("Managed by your mail server's operator");
  await expectAccessible(page, info);

  await row.getByRole('link', { name: PORTAL }).click();
  await settle(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(PORTAL);
  await expect(page.getByText("so it is managed by your mail server's operator")).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Delete this mailbox' })).toHaveCount(0);
  await expectAccessible(page, info);

  // A form posted anyway (an old tab, a crafted request) is refused with the reason.
  const id = new URL(page.url()).pathname.split('/').pop();
  const refused = await page.request.post(`/admin/mailboxes/${id}/delete`, {
    form: { confirm: PORTAL },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain('is the account this portal uses to reach the mail server');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(PORTAL);
});
