import { test, expect, type APIRequestContext } from '@playwright/test';
import { SIMULATOR, SMTP_SINK, expectAccessible, hydrated, settle, signIn } from './helpers';

/** Uses the secret the way a mail app's HTTP client would: Basic auth on Stalwart's /jmap. */
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

test('an app password is created, shown once, works, and stops working when revoked', async ({ page, request }, info) => {
  const name = `Phone (${info.project.name})`;
  await signIn(page, info, 'alice@acme.test');
  await page.getByRole('link', { name: 'App passwords' }).click();
  await settle(page, info);
  await expect(page.getByRole('heading', { level: 1, name: 'App passwords' })).toBeVisible();
  await expectAccessible(page, info);

  await page.getByRole('link', { name: 'Create an app password' }).click();
  await settle(page, info);
  await expectAccessible(page, info);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Expires').selectOption('90');
  // Mail is the default scope; no choice inherits the account's full rights.
  await expect(page.getByLabel('Mail only: reading (IMAP) and sending (SMTP)')).toBeChecked();
  await expect(page.getByLabel(/Mail, calendars and contacts/)).not.toBeChecked();
  await expect(page.getByRole('radio')).toHaveCount(2);
  // The IdP sends auth_time only when asked; the sign-in asked, so it is fresh: creating the
  // password needs no second trip to the IdP.
  const toIdp: string[] = [];
  page.on('request', (r) => { if (r.url().startsWith('http://127.0.0.1:9410')) toIdp.push(r.url()); });
  await page.getByRole('button', { name: 'Create app password' }).click();

  const shown = page.getByTestId('secret');
  await expect(shown).toBeVisible();
  expect(toIdp).toEqual([]);
  const secret = (await shown.getAttribute('data-copy'))!;
  expect(secret).toMatch(/^app_[a-z792013]{36}$/);
  await expect(page.getByText('you will not see this password again')).toBeVisible();
  await expect(page.getByText('mail.acme.test').first()).toBeVisible();
  await settle(page, info);
  if (hydrated(info)) {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy password' }).click();
    await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  } else {
    await expect(page.getByRole('button', { name: 'Copy password' })).toHaveCount(0);
  }
  await expectAccessible(page, info);
  expect(await stalwartStatus(request, 'alice@acme.test', secret)).toBe(200);

  // Reloading the answer to the form never shows the secret again.
  await page.reload();
  await expect(page.getByTestId('secret')).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  await page.goto('/app-passwords');
  await settle(page, info);
  const table = page.getByTestId('app-passwords');
  await expect(table).toContainText(name);
  await expect(table).toContainText('Mail only (IMAP, SMTP)');
  expect(await page.content()).not.toContain(secret);
  await page.getByRole('link', { name: `Revoke “${name}”` }).click();
  await settle(page, info);
  await expect(page.getByRole('heading', { name: 'Revoke this app password?' })).toBeVisible();
  await expectAccessible(page, info);
  await page.getByRole('button', { name: 'Yes, revoke it' }).click();

  await expect(page).toHaveURL(/\/app-passwords$/);
  await expect(page.getByText(`Revoked “${name}”`)).toBeVisible();
  await expect(page.getByText('Revoked an app password').first()).toBeVisible();
  expect(await stalwartStatus(request, 'alice@acme.test', secret)).toBe(401);
});

test('a bad network range is explained on its field and the form keeps its values', async ({ page }, info) => {
  await signIn(page, info, 'alice@acme.test');
  await page.goto('/app-passwords/new');
  await settle(page, info);
  await page.getByLabel('Name').fill('Laptop');
  await page.getByLabel('Allowed networks (optional)').fill('192.0.2.0/33');
  await page.getByRole('button', { name: 'Create app password' }).click();

  await expect(page.getByText('“192.0.2.0/33” is not an IP address or network')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('Laptop');
  await expect(page.getByLabel('Allowed networks (optional)')).toHaveValue('192.0.2.0/33');
  await expect(page.getByLabel('Allowed networks (optional)')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, info);
});

test('a user without a mailbox is told why there is nothing to create', async ({ page }, info) => {
  await signIn(page, info, 'nomail@acme.test');
  await page.goto('/app-passwords');
  await settle(page, info);

  await expect(page.getByText('You do not have a mailbox yet')).toBeVisible();
  await expectAccessible(page, info);
});

test('the Apple page explains the install steps and is accessible', async ({ page }, info) => {
  await signIn(page, info, 'bert@beta.test');
  await page.goto('/app-passwords/apple');
  await settle(page, info);

  await expect(page.getByRole('heading', { name: 'On iPhone or iPad' })).toBeVisible();
  await expect(page.getByLabel('Device name')).toHaveValue("Bert's iPhone");
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download profile' }).click();
  expect((await download).suggestedFilename()).toBe('beta-ltd-mail.mobileconfig');
  await expectAccessible(page, info);
});

test('the person is told of a new app password by e-mail, and the list says when, how and from where it was last used', async ({ page, request }, info) => {
  const name = `Laptop (${info.project.name})`;
  await signIn(page, info, 'alice@acme.test');
  await page.goto('/app-passwords/new');
  await settle(page, info);
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create app password' }).click();
  const secret = (await page.getByTestId('secret').getAttribute('data-copy'))!;

  // The person hears of it by e-mail at their mailbox, sent through the mail server's SMTP
  // submission (here the test SMTP server): who, when and from where, never the password.
  // The text is wrapped at 72 columns: its words are compared.
  let mail = '';
  await expect(async () => {
    const messages: { to: string[]; data: string }[] = await (await request.get(`${SMTP_SINK}/messages`)).json();
    mail = messages
      .filter((m) => m.to.includes('alice@acme.test'))
      .map((m) => m.data.replace(/\s+/g, ' '))
      .find((text) => text.includes(`“${name}”`)) ?? '';
    expect(mail).not.toBe('');
  }).toPass({ timeout: 10_000 });
  expect(mail).toContain('http://127.0.0.1:3100/app-passwords');
  expect(mail).toContain('If it was not you, revoke it now');
  expect(mail).not.toContain(secret);
  expect(mail).not.toMatch(/app_[a-z792013]{36}/);

  await page.goto('/app-passwords');
  const row = page.getByTestId('app-passwords').getByRole('row').filter({ hasText: name });
  await expect(row.getByTestId('last-used')).not.toContainText('from');

  // A mail app uses it: the mail server's hook reports the sign-in to the portal.
  expect(await stalwartStatus(request, 'alice@acme.test', secret)).toBe(200);
  const started = Date.now();
  await expect(async () => {
    await page.reload();
    await expect(row.getByTestId('last-used')).toContainText('from 127.0.0.1', { timeout: 250 });
  }).toPass({ timeout: 15_000 });
  console.log(`[${info.project.name}] "last used" shown ${Date.now() - started} ms after the sign-in`);
  await expect(row.getByTestId('last-used')).toContainText('Web (JMAP, calendars, contacts)');
  await settle(page, info);
  await expectAccessible(page, info);
});
