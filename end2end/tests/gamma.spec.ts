import { test, expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { SIMULATOR, expectAccessible, settle, signIn } from './helpers';

// A partner (Ada, admin of Acme) onboards Gamma end to end: against the test IdP's gamma
// realm, the Stalwart simulator and the test DNS server. Each project onboards Gamma afresh
// and removes it at the end, deleting its domain at the mail server.

const DNS_CONTROL = 'http://127.0.0.1:5311';
const GAMMA_ISSUER = 'http://127.0.0.1:9412/realms/gamma';
const API_KEY = 'API_AAAABAAAAAE36wtxGna-JL_wnbLTc5nR2teWbQ';
const RECORD = '_postern-challenge.gamma.test';

/** Whether the simulator has the domain (asked the way Postern asks, with the portal's key). */
async function atSimulator(request: APIRequestContext, domain: string) {
  const response = await request.post(`${SIMULATOR}/jmap`, {
    headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
    data: {
      using: ['urn:ietf:params:jmap:core', 'urn:stalwart:jmap'],
      methodCalls: [['x:Domain/query', { filter: { name: domain } }, 'q']],
    },
  });
  const body = await response.json();
  return body.methodResponses[0][1].ids.length > 0;
}

async function signInAtGammaIdp(page: Page, email: string) {
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

async function notice(page: Page, info: TestInfo, text: string | RegExp) {
  await expect(page.getByText(text).first()).toBeVisible();
  await settle(page, info);
}

test('a partner onboards Gamma, whose people then sign in and make app passwords', async ({ page, browser, request }, info) => {
  test.setTimeout(90_000);
  await request.delete(`${DNS_CONTROL}/records?name=${RECORD}`);
  expect(await atSimulator(request, 'gamma.test')).toBe(false);

  await signIn(page, info, 'ada@acme.test');
  await page.getByRole('link', { name: 'Partners' }).click();
  await settle(page, info);
  await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();
  await expectAccessible(page, info);

  // 1. The organisation.
  await page.getByRole('link', { name: 'Onboard an organisation' }).click();
  await settle(page, info);
  await expectAccessible(page, info);
  await page.getByLabel('Name', { exact: true }).fill('Gamma');
  // A removed organisation's short name is never given again (its audit log stays under it):
  // each project's Gamma has its own.
  const slug = `gamma-${info.project.name}`;
  await page.getByLabel('Short name').fill(slug);
  await page.getByLabel('Contact e-mail').fill('it@gamma.test');
  await page.getByRole('button', { name: 'Create and continue' }).click();
  await expect(page).toHaveURL(new RegExp(`/partners/organisations/${slug}$`));
  await notice(page, info, 'Gamma is created, not live yet');
  await expectAccessible(page, info);

  // 2. The domain: a public suffix is refused; gamma.test waits for its proof.
  await page.getByLabel('Domain', { exact: true }).fill('co.uk');
  await page.getByRole('button', { name: 'Add domain' }).click();
  await notice(page, info, 'co.uk is a public suffix');
  await expect(page.getByLabel('Domain', { exact: true })).toHaveValue('co.uk');
  await page.getByLabel('Domain', { exact: true }).fill('gamma.test');
  await page.getByRole('button', { name: 'Add domain' }).click();
  await notice(page, info, 'gamma.test is added');
  await page.getByRole('button', { name: 'Check now' }).click();
  await notice(page, info, /No TXT record at _postern-challenge\.gamma\.test yet/);
  await expect(page.getByTestId('missing')).toContainText('Prove at least one mail domain');
  await expectAccessible(page, info);

  // 3. The mail server, added and tested (a server stays the partner's after an organisation
  // is removed: each project adds its own).
  const server = `gamma-mail-${info.project.name}`;
  if (!(await page.getByLabel('API key').isVisible())) {
    await page.getByText('Add a mail server').click();
  }
  await page.getByLabel('Name', { exact: true }).nth(1).fill(server);
  await page.getByLabel('URL', { exact: true }).fill(SIMULATOR);
  await page.getByLabel('API key').fill(API_KEY);
  await page.getByRole('button', { name: 'Test and add' }).click();
  await notice(page, info, `${server} passed every check`);
  await expect(page.getByTestId('report')).toContainText('The key may do everything Postern does');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('report')).toContainText('Speaks the Stalwart v0.16 management API');
  await settle(page, info);
  await expectAccessible(page, info);
  // Not proven: nothing to create at the mail server yet, and nothing is there.
  await expect(page.getByText('No proven domain yet.')).toBeVisible();
  expect(await atSimulator(request, 'gamma.test')).toBe(false);

  // The proof, published; checked.
  const value = (await page.getByTestId('proof-value').textContent())!.trim();
  expect(value).toMatch(/^token=[a-z2-7]{26} expiry=\d{4}-\d\d-\d\dT/);
  const published = await request.post(`${DNS_CONTROL}/records`, { data: { name: RECORD, type: 'TXT', value } });
  expect(published.status()).toBe(204);
  await page.getByRole('button', { name: 'Check now' }).click();
  await notice(page, info, 'gamma.test is proven');

  // 4. Created at the mail server only now.
  expect(await atSimulator(request, 'gamma.test')).toBe(false);
  await page.getByRole('button', { name: 'Create at the mail server' }).click();
  await notice(page, info, `gamma.test is created at ${server}`);
  expect(await atSimulator(request, 'gamma.test')).toBe(true);

  // 5. The IdP: discovered (the trailing slash explained), saved, tested.
  await page.getByLabel('Issuer URL').fill(`${GAMMA_ISSUER}/`);
  await page.getByRole('button', { name: 'Discover' }).click();
  await expect(page.getByTestId('report')).toContainText(`Published as ${GAMMA_ISSUER}`);
  await expect(page.getByTestId('report')).toContainText('only by the trailing slash');
  await settle(page, info);
  await expectAccessible(page, info);
  await expect(page.getByLabel('Issuer URL')).toHaveValue(`${GAMMA_ISSUER}/`);
  await page.getByLabel('Client ID').fill('postern-g');
  await page.getByLabel('Client secret').fill('postern-g-test-secret');
  await page.getByLabel('Scopes').fill('openid email profile');
  await page.getByLabel('Administrators group').fill('gamma-admins');
  await page.getByRole('button', { name: 'Save' }).last().click();
  await notice(page, info, 'The identity provider is saved');
  await expect(page.getByLabel('Issuer URL')).toHaveValue(GAMMA_ISSUER);
  // A one-time link for Gamma's administrator: its page is for people signed in nowhere.
  await page.getByRole('button', { name: /one-time link/ }).click();
  const made = page.getByText(/Send this link to the organisation's administrator/);
  await expect(made).toBeVisible();
  const link = (await made.textContent())!.match(/http:\/\/\S+\/test-sign-in\/[a-z2-7]+/)![0];
  const stranger = await browser.newContext({ javaScriptEnabled: info.project.name === 'hydrated' });
  const linkPage = await stranger.newPage();
  await linkPage.goto(link);
  await expect(linkPage.getByRole('button', { name: 'Sign in at my organisation' })).toBeVisible();
  await settle(linkPage, info);
  await expectAccessible(linkPage, info);
  await stranger.close();
  await settle(page, info);
  await page.getByRole('button', { name: 'Test sign-in' }).click();
  await signInAtGammaIdp(page, 'gina@gamma.test');
  await expect(page).toHaveURL(new RegExp(`/partners/organisations/${slug}$`));
  await notice(page, info, 'The test sign-in worked: the IdP vouched for gina@gamma.test');
  const result = page.getByTestId('test-result');
  await expect(result).toContainText('Yes: gamma.test');
  await expect(result).toContainText('gamma-admins');
  await expectAccessible(page, info);

  // 6. Live, with what to hand over.
  await page.getByRole('button', { name: 'Go live' }).click();
  await notice(page, info, 'Gamma is live');
  await expect(page.getByTestId('hand-over')).toContainText('http://127.0.0.1:3100/');
  await expectAccessible(page, info);
  await page.screenshot({ path: `test-results/gamma-live-${info.project.name}.png`, fullPage: true });

  // Gamma's Gus signs in and makes an app password.
  const gamma = await browser.newContext({ javaScriptEnabled: info.project.name === 'hydrated' });
  const gus = await gamma.newPage();
  await signIn(gus, info, 'gus@gamma.test');
  await gus.getByRole('link', { name: 'App passwords' }).click();
  await gus.getByRole('link', { name: 'Create an app password' }).click();
  await settle(gus, info);
  await gus.getByLabel('Name').fill('Gus phone');
  await gus.getByRole('button', { name: 'Create app password' }).click();
  await expect(gus.getByTestId('secret')).toBeVisible();
  expect(await gus.getByTestId('secret').getAttribute('data-copy')).toMatch(/^app_/);
  await gamma.close();

  // The partner's list; then Gamma removed, its domain deleted at the mail server.
  await page.getByRole('link', { name: 'Back to Partners' }).click();
  await expect(page.getByTestId('organisation').filter({ hasText: 'Gamma' })).toContainText('Live');
  await settle(page, info);
  await expectAccessible(page, info);
  await page.getByRole('link', { name: 'Gamma', exact: true }).click();
  await page.getByRole('link', { name: 'Remove this organisation…' }).click();
  await settle(page, info);
  await expectAccessible(page, info);
  await page.getByLabel(/Also delete its domains/).check();
  await page.getByLabel(/To confirm, type the domain names/).fill('gamma.test');
  await page.getByRole('button', { name: 'Remove the organisation' }).click();
  await expect(page).toHaveURL(/\/partners$/);
  await notice(page, info, 'Gamma is removed from Postern, and gamma.test deleted at the mail server');
  expect(await atSimulator(request, 'gamma.test')).toBe(false);
  await request.delete(`${DNS_CONTROL}/records?name=${RECORD}`);
});
