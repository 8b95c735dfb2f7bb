import { test, expect } from '@playwright/test';
import { expectAccessible, settle, signIn } from './helpers';

// Every page Postern serves, visited once per project (JavaScript off and hydrated), must
// have no serious or critical axe-core violations — including error pages and the pages the
// feature specs only pass through.

async function visit(page: import('@playwright/test').Page, info: import('@playwright/test').TestInfo, path: string, status = 200) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  await settle(page, info);
  await expectAccessible(page, info);
}

test('every page a signed-out visitor can reach is accessible', async ({ page }, info) => {
  await visit(page, info, '/');
  await visit(page, info, '/no-such-page', 404);
});

test('every page of a user is accessible, and an admin page says it is not theirs', async ({ page }, info) => {
  await signIn(page, info, 'alice@acme.test');
  for (const path of ['/account', '/app-passwords', '/app-passwords/new', '/app-passwords/apple', '/app-passwords/revoke-all']) {
    await visit(page, info, path);
  }
  await visit(page, info, '/admin/mailboxes', 403);
});

test('every admin page is accessible', async ({ page }, info) => {
  // Eight pages, each checked with axe: more than the default 30 s on a 2-core machine.
  test.slow();
  await signIn(page, info, 'ada@acme.test');
  for (const path of ['/admin/mailboxes', '/admin/mailboxes/new', '/admin/groups', '/admin/audit', '/admin/domains', '/admin/domains/acme.test', '/admin/organisation']) {
    await visit(page, info, path);
  }
  await page.goto('/admin/mailboxes?q=alice');
  await page.getByTestId('mailboxes').getByRole('link', { name: 'alice@acme.test' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'alice@acme.test' })).toBeVisible();
  const mailbox = new URL(page.url()).pathname;
  await visit(page, info, mailbox);
  await visit(page, info, `${mailbox}/delete`);
});
