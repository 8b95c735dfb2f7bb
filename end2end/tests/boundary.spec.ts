import { test, expect } from '@playwright/test';
import { expectAccessible, hydrated, settle, signIn } from './helpers';

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

test('a flood of sign-ins for one address gets a clear 429 page', async ({ page }, info) => {
  const email = `flood-${info.project.name}@acme.test`;
  const origin = 'http://127.0.0.1:3100';
  // Twenty sign-ins a minute are allowed per address (end2end/postern.e2e.toml).
  for (let i = 0; i < 20; i++) {
    const started = await page.request.post('/auth/login', { form: { email }, headers: { origin }, maxRedirects: 0 });
    expect(started.status()).toBe(303);
  }
  await page.goto('/');
  await settle(page, info);
  await page.getByLabel('Work e-mail address').fill(email);
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/auth/login')),
    page.getByRole('button', { name: 'Continue' }).click(),
  ]);

  expect(answer.status()).toBe(429);
  expect(Number(answer.headers()['retry-after'])).toBeGreaterThan(0);
  await expect(page.getByText('Too many attempts in a short time')).toBeVisible();
  await expect(page.getByLabel('Work e-mail address')).toHaveValue(email);
  await expectAccessible(page, info);
});

test('signing out everywhere ends the sessions on every device', async ({ page, browser }, info) => {
  await signIn(page, info, 'alice@acme.test');
  const laptop = await browser.newContext({ baseURL: 'http://127.0.0.1:3100', javaScriptEnabled: hydrated(info) });
  const other = await laptop.newPage();
  await signIn(other, info, 'alice@acme.test');

  await page.goto('/account');
  await settle(page, info);
  await expectAccessible(page, info);
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();

  await expect(page.getByText('You are signed out everywhere')).toBeVisible();
  await other.goto('/account');
  await expect(other.getByLabel('Work e-mail address')).toBeVisible();
  await laptop.close();
});
