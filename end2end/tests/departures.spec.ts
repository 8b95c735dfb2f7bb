import { test, expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { SIMULATOR, expectAccessible, settle, signIn } from './helpers';

// When the IdP says someone is gone, their mail credentials go too: the test IdP's directory
// (Keycloak-shaped admin API, end2end/idp/server.mjs) marks Dora disabled, and the next
// directory check revokes her app password and ends her session.
const DIRECTORY = 'http://127.0.0.1:9413';
const DORA = 'dora@acme.test';

async function stalwartStatus(request: APIRequestContext, address: string, secret: string) {
  const response = await request.post(`${SIMULATOR}/jmap`, {
    headers: {
      Authorization: `Basic ${Buffer.from(`${address}:${secret}`).toString('base64')}`,
      'Content-Type': 'application/json',
    },
    data: { using: ['urn:ietf:params:jmap:core', 'urn:stalwart:jmap'], methodCalls: [['x:AppPassword/query', {}, 'q']] },
  });
  return response.status();
}

async function mint(page: Page, info: TestInfo, name: string) {
  await page.goto('/app-passwords/new');
  await settle(page, info);
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create app password' }).click();
  const shown = page.getByTestId('secret');
  await expect(shown).toBeVisible();
  return (await shown.getAttribute('data-copy'))!;
}

async function checkNow(page: Page, info: TestInfo) {
  await page.goto('/admin/organisation/sync');
  await settle(page, info);
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page).toHaveURL(/\/admin\/organisation\/sync$/);
  await settle(page, info);
}

test('a person disabled at the IdP loses their app passwords and sessions at the next check', async ({ browser, request }, info) => {
  test.setTimeout(60_000);
  const dora = await (await browser.newContext()).newPage();
  await signIn(dora, info, DORA);
  const secret = await mint(dora, info, `Phone ${info.project.name}`);
  expect(await stalwartStatus(request, DORA, secret)).toBe(200);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, info, 'ada@acme.test');
  await admin.goto('/admin/organisation');
  await admin.getByRole('link', { name: 'Directory sync' }).click();
  await settle(admin, info);
  await expect(admin.getByRole('heading', { level: 1, name: 'Directory sync' })).toBeVisible();
  await expect(admin.getByText('Keycloak admin API')).toBeVisible();
  await expectAccessible(admin, info);

  // The IdP's administrator disables Dora.
  expect((await request.post(`${DIRECTORY}/test/people/${encodeURIComponent(DORA)}/disable`)).ok()).toBe(true);
  await checkNow(admin, info);

  await expect(admin.getByText(/1 person is disabled or deleted there/)).toBeVisible();
  const row = admin.getByTestId('departures').getByRole('row', { name: new RegExp(DORA) });
  await expect(row).toContainText('directory sync (deactivated)');
  await expect(row).toContainText(/\d+ revoked/);
  await expectAccessible(admin, info);
  await admin.screenshot({ path: info.outputPath('directory-sync.png'), fullPage: true });
  expect(await stalwartStatus(request, DORA, secret)).toBe(401);
  // Her session is over; the audit log says why.
  await dora.goto('/app-passwords');
  await expect(dora).toHaveURL(/\/$/);
  await admin.goto('/admin/audit?action=person.credentials_revoke');
  await expect(admin.getByTestId('audit')).toContainText(DORA);

  // Enabled again: the next check lets her back, and she can mint again.
  expect((await request.post(`${DIRECTORY}/test/people/${encodeURIComponent(DORA)}/enable`)).ok()).toBe(true);
  await checkNow(admin, info);
  const back = await (await browser.newContext()).newPage();
  await signIn(back, info, DORA);
  const again = await mint(back, info, `Laptop ${info.project.name}`);
  expect(await stalwartStatus(request, DORA, again)).toBe(200);
});

test('signing out at the IdP ends the Postern session (back-channel logout)', async ({ browser }, info) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, info, 'alice@acme.test');
  // Alice signs out at her organisation's IdP itself, not through Postern.
  await page.goto('http://127.0.0.1:9410/session/end');
  const finish = page.getByRole('button', { name: 'Finish signing out' });
  if (!info.project.use.javaScriptEnabled) await finish.click();
  await expect(page).not.toHaveURL(/\/session\/end$/);
  // The IdP told Postern over the back channel: the session is over.
  await expect.poll(async () => {
    await page.goto('/account');
    return new URL(page.url()).pathname;
  }).toBe('/');
});

test('an Entra-style SCIM disable made with a token from the page revokes at once', async ({ browser, request }, info) => {
  test.setTimeout(60_000);
  const dora = await (await browser.newContext()).newPage();
  await signIn(dora, info, DORA);
  const secret = await mint(dora, info, `Tablet ${info.project.name}`);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, info, 'ada@acme.test');
  await admin.goto('/admin/organisation/sync');
  await settle(admin, info);
  await admin.getByRole('button', { name: /Create a token|Replace the token/ }).click();
  const shown = admin.getByTestId('scim-token');
  await expect(shown).toBeVisible();
  const token = (await shown.getAttribute('data-copy'))!;
  await expectAccessible(admin, info);

  // Entra ID's provisioning: create the user, then disable it with Replace active "False".
  const scim = 'http://127.0.0.1:3100/scim/v2/acme';
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' };
  const userName = `dora.${info.project.name}@acme.test`;
  const created = await request.post(`${scim}/Users`, {
    headers,
    data: {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      externalId: DORA, userName, active: true,
      emails: [{ primary: true, type: 'work', value: DORA }],
      name: { givenName: 'Dora', familyName: 'Lane' },
    },
  });
  expect(created.status()).toBe(201);
  const id = (await created.json()).id;
  const patched = await request.patch(`${scim}/Users/${id}`, {
    headers,
    data: {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    },
  });
  expect(patched.status()).toBe(200);

  expect(await stalwartStatus(request, DORA, secret)).toBe(401);
  await dora.goto('/app-passwords');
  await expect(dora).toHaveURL(/\/$/);
  await admin.goto('/admin/organisation/sync');
  const row = admin.getByTestId('departures').getByRole('row', { name: new RegExp(DORA) });
  await expect(row).toContainText('SCIM (deactivated)');

  // Back, for the next run: reactivated over SCIM, then removed.
  const back = await request.patch(`${scim}/Users/${id}`, {
    headers,
    data: {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Replace', path: 'active', value: 'True' }],
    },
  });
  expect(back.status()).toBe(200);
  const other = await (await browser.newContext()).newPage();
  await signIn(other, info, DORA);
});
