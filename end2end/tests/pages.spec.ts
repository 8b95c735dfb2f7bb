import { execFileSync } from 'node:child_process';
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

// The pages come from the areas' tables (`server routes`), not from a list kept here: a new
// page is visited without anyone adding it.
type Route = { method: string; path: string; access: string; kind: string };
const routes: Route[] = JSON.parse(
  execFileSync('../target/debug/server', ['routes'], { encoding: 'utf8' }),
);
const pages = (access: string) => routes.filter((r) => r.kind === 'page' && r.access === access);
const fill = (path: string, values: Record<string, string>) =>
  path.replace(/:([a-z_]+)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`${path}: no value for :${name}`);
    return values[name];
  });

test('every page a signed-out visitor can reach is accessible', async ({ page }, info) => {
  const open = pages('public');
  expect(open.length).toBeGreaterThan(1);
  for (const route of open) {
    // A page with a parameter, given one that names nothing, says so.
    const params = route.path.includes(':');
    await visit(page, info, fill(route.path, { token: 'no-such-link' }), params ? 404 : 200);
  }
  await visit(page, info, '/no-such-page', 404);
});

test('every page of a user is accessible, and an admin page says it is not theirs', async ({ page }, info) => {
  await signIn(page, info, 'alice@acme.test');
  const own = pages('signed-in').filter((r) => !r.path.includes(':'));
  expect(own.length).toBeGreaterThan(3);
  for (const route of own) {
    await visit(page, info, route.path);
  }
  await visit(page, info, pages('admin')[0].path, 403);
});

test('every admin page is accessible', async ({ page }, info) => {
  // Ten pages, each checked with axe: more than the default 30 s on a 2-core machine.
  test.slow();
  await signIn(page, info, 'ada@acme.test');
  await page.goto('/admin/mailboxes?q=alice');
  await page.getByTestId('mailboxes').getByRole('link', { name: 'alice@acme.test' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'alice@acme.test' })).toBeVisible();
  const alice = new URL(page.url()).pathname.split('/').pop() ?? '';
  const admin = pages('admin');
  expect(admin.length).toBeGreaterThan(6);
  for (const route of admin) {
    await visit(page, info, fill(route.path, { id: alice, name: 'acme.test' }));
  }
});

test('every partner page without an organisation in it is accessible', async ({ page }, info) => {
  await signIn(page, info, 'ada@acme.test');
  const partner = pages('partner').filter((r) => !r.path.includes(':'));
  expect(partner.length).toBeGreaterThan(1);
  for (const route of partner) {
    await visit(page, info, route.path);
  }
});
