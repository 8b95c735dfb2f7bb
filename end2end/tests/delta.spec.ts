import { test, expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { SIMULATOR, expectAccessible, settle, signIn } from './helpers';

// A partner (Ada, admin of Acme) onboards Delta, whose DNS is at a real DNS server (Debian's
// Knot, started by Playwright with a TSIG key): the mail server publishes Delta's records
// itself. The zone already routes mail elsewhere (a backup MX and an SPF of another
// provider), which the preview warns about. The test counts what a person does (fields
// filled, clicks) and times the onboarding to "live"; then removing Delta deletes its
// records from the zone. Each project onboards Delta afresh.

const KNOT = 'http://127.0.0.1:5358';
const KNOT_ADDRESS = { host: '127.0.0.1', port: '5357' };
const TSIG = { name: 'postern-update.', algorithm: 'hmac-sha256', secret: 'cG9zdGVybi1lMmUta25vdC10c2lnLXNlY3JldC0zMmI=' };
const ISSUER = 'http://127.0.0.1:9412/realms/gamma';
const API_KEY = 'API_AAAABAAAAAE36wtxGna-JL_wnbLTc5nR2teWbQ';
const PROOF = '_postern-challenge.delta.test';

type Rr = { name: string; kind: string; data: string };

/** The zone as Knot holds it now (a zone transfer). */
async function zone(page: Page): Promise<Rr[]> {
  const response = await page.request.get(`${KNOT}/records?zone=delta.test`);
  expect(response.ok()).toBe(true);
  return response.json();
}

/** What a person does, counted: each field filled, each click (a reload is a click too). */
class Person {
  fills = 0;
  clicks = 0;
  constructor(private page: Page, private info: TestInfo) {}
  async fill(field: Locator, value: string) {
    this.fills += 1;
    await field.fill(value);
  }
  async click(target: Locator) {
    this.clicks += 1;
    await target.click();
  }
  async tick(box: Locator) {
    this.clicks += 1;
    await box.check();
  }
  async reload() {
    this.clicks += 1;
    await this.page.reload();
    await settle(this.page, this.info);
  }
  /** Reloads until `done` holds (the mail server works in the background). */
  async reloadUntil(done: () => Promise<void>) {
    for (let attempt = 0; ; attempt++) {
      await this.reload();
      try {
        await done();
        return;
      } catch (e) {
        if (attempt > 40) throw e;
        await this.page.waitForTimeout(250);
      }
    }
  }
}

async function notice(page: Page, info: TestInfo, text: string | RegExp) {
  await expect(page.getByText(text).first()).toBeVisible();
  await settle(page, info);
}

test('a partner onboards Delta with its DNS published into Knot, and removing it deletes the records', async ({ page, request }, info) => {
  test.setTimeout(120_000);
  // The zone as another provider left it: mail goes elsewhere.
  for (const name of [PROOF, 'delta.test']) {
    expect((await request.delete(`${KNOT}/records?name=${name}`)).status()).toBe(204);
  }
  for (const [type, value] of [['MX', '20 backup-mx.other-provider.net.'], ['TXT', 'v=spf1 include:_spf.other-provider.net -all']]) {
    expect((await request.post(`${KNOT}/records`, { data: { name: 'delta.test', type, value } })).status()).toBe(204);
  }

  await signIn(page, info, 'ada@acme.test');
  const person = new Person(page, info);
  const started = Date.now();
  await person.click(page.getByRole('link', { name: 'Partners' }));
  await person.click(page.getByRole('link', { name: 'Onboard an organisation' }));
  await settle(page, info);
  const slug = `delta-${info.project.name}`;
  await person.fill(page.getByLabel('Name', { exact: true }), 'Delta');
  await person.fill(page.getByLabel('Short name'), slug);
  await person.fill(page.getByLabel('Contact e-mail'), 'it@delta.test');
  await person.click(page.getByRole('button', { name: 'Create and continue' }));
  await notice(page, info, 'Delta is created, not live yet');

  // The domain, proven: the person publishes the proof at the DNS host (counted as one
  // field and one click there).
  await person.fill(page.getByLabel('Domain', { exact: true }), 'delta.test');
  await person.click(page.getByRole('button', { name: 'Add domain' }));
  await notice(page, info, 'delta.test is added');
  const value = (await page.getByTestId('proof-value').textContent())!.trim();
  person.fills += 1;
  person.clicks += 1;
  expect((await request.post(`${KNOT}/records`, { data: { name: PROOF, type: 'TXT', value } })).status()).toBe(204);
  await person.click(page.getByRole('button', { name: 'Check now' }));
  await notice(page, info, 'delta.test is proven');

  // The mail server (each project adds its own), and the domain created there.
  const server = `delta-mail-${info.project.name}`;
  if (!(await page.getByLabel('API key').isVisible())) {
    await person.click(page.getByText('Add a mail server'));
  }
  await person.fill(page.getByLabel('Name', { exact: true }).nth(1), server);
  await person.fill(page.getByLabel('URL', { exact: true }), SIMULATOR);
  await person.fill(page.getByLabel('API key'), API_KEY);
  await person.click(page.getByRole('button', { name: 'Test and add' }));
  await notice(page, info, `${server} passed every check`);
  await person.click(page.getByRole('button', { name: 'Create at the mail server' }));
  await notice(page, info, `delta.test is created at ${server}`);

  // DNS: the key is tried and the change previewed; the foreign MX and SPF are named.
  const step = page.getByTestId('dns-domain').filter({ hasText: 'delta.test' });
  await expect(step.getByText('I publish them myself')).toBeVisible();
  await person.fill(step.getByLabel('DNS server address'), KNOT_ADDRESS.host);
  await person.fill(step.getByLabel('Port', { exact: true }), KNOT_ADDRESS.port);
  await person.fill(step.getByLabel('TSIG key name'), TSIG.name);
  await person.fill(step.getByLabel('TSIG secret'), TSIG.secret);
  await person.click(step.getByRole('button', { name: 'Try the key and preview' }));
  await notice(page, info, 'The key works: Postern wrote a test record into delta.test');
  await expect(step.getByTestId('foreign-mx')).toContainText('backup-mx.other-provider.net');
  await expect(step.getByTestId('foreign-spf')).toContainText('v=spf1 include:_spf.other-provider.net -all');
  await expect(step.getByTestId('replaced')).toContainText('20 backup-mx.other-provider.net');
  await expectAccessible(page, info);
  await step.screenshot({ path: `test-results/delta-dns-preview-${info.project.name}.png` });
  // Nothing published yet.
  expect((await zone(page)).filter((r) => r.kind === 'MX').map((r) => r.data)).toEqual(['20 backup-mx.other-provider.net.']);

  // Without the tick: refused. With it: published.
  await person.click(step.getByRole('button', { name: 'Publish', exact: true }));
  await notice(page, info, 'Tick the box to go on');
  await person.tick(step.getByLabel('I understand: replace them'));
  await person.click(step.getByRole('button', { name: 'Publish', exact: true }));
  await notice(page, info, 'Publishing has started');
  await person.reloadUntil(async () => {
    await expect(step.getByTestId('dns-state')).toHaveText('Published', { timeout: 500 });
  });
  await expect(step.getByTestId('dns-dkim')).toContainText('Published: the mail server signs with it');
  await expect(step.getByTestId('dns-records')).not.toContainText('Not in DNS yet');
  await expectAccessible(page, info);
  await step.screenshot({ path: `test-results/delta-dns-published-${info.project.name}.png` });
  const published = await zone(page);
  const mx = published.filter((r) => r.name === 'delta.test.' && r.kind === 'MX').map((r) => r.data);
  expect(mx).toHaveLength(1);
  expect(mx[0]).not.toContain('other-provider');
  expect(published.some((r) => r.name.includes('._domainkey.delta.test.') && r.data.includes('v=DKIM1'))).toBe(true);
  expect(published.some((r) => r.name === '_dmarc.delta.test.')).toBe(true);

  // The identity provider, tested; then live.
  await person.fill(page.getByLabel('Issuer URL'), ISSUER);
  await person.fill(page.getByLabel('Client ID'), 'postern-g');
  await person.fill(page.getByLabel('Client secret'), 'postern-g-test-secret');
  await person.fill(page.getByLabel('Administrators group'), 'gamma-admins');
  await person.click(page.getByRole('button', { name: 'Save' }).last());
  await notice(page, info, 'The identity provider is saved');
  await person.click(page.getByRole('button', { name: 'Test sign-in' }));
  await person.fill(page.locator('input[name="login"]'), 'dana@delta.test');
  await person.fill(page.locator('input[name="password"]'), 'any password');
  await person.click(page.getByRole('button', { name: 'Sign-in' }));
  await notice(page, info, 'The test sign-in worked: the IdP vouched for dana@delta.test');
  await person.click(page.getByRole('button', { name: 'Go live' }));
  await notice(page, info, 'Delta is live');
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `[${info.project.name}] onboarding Delta with DNS published: ${seconds.toFixed(1)} s wall time to live; `
      + `human actions: ${person.fills} fields filled, ${person.clicks} clicks `
      + `(${person.fills + person.clicks} in all)`,
  );
  await expectAccessible(page, info);
  await page.screenshot({ path: `test-results/delta-live-${info.project.name}.png`, fullPage: true });

  // The mail server rotates its DKIM keys: the new ones wait until DNS and the mail server
  // see them; publishing again writes them and they sign.
  const rotated = await request.post(`${SIMULATOR}/_sim/rotate-dkim/delta.test`);
  const { selectors } = await rotated.json();
  expect(selectors).toHaveLength(2);
  await page.reload();
  await settle(page, info);
  const dkim = step.getByTestId('dns-dkim');
  await expect(dkim).toContainText(selectors[0]);
  await expect(dkim).toContainText('Waiting');
  await expect(step.getByTestId('dns-state')).toHaveText('Publishing');
  await dkim.screenshot({ path: `test-results/delta-dkim-waiting-${info.project.name}.png` });
  await step.getByRole('button', { name: 'Publish again' }).click();
  await notice(page, info, 'Publishing has started');
  for (let attempt = 0; ; attempt++) {
    await page.reload();
    await settle(page, info);
    if ((await step.getByTestId('dns-state').textContent()) === 'Published') break;
    expect(attempt).toBeLessThan(40);
    await page.waitForTimeout(250);
  }
  await expect(dkim).not.toContainText('Waiting');
  expect((await zone(page)).some((r) => r.name.startsWith(`${selectors[0]}._domainkey.`))).toBe(true);

  // Removed with its domain: the records leave the zone first.
  await page.getByRole('link', { name: 'Remove this organisation…' }).click();
  await settle(page, info);
  await expect(page.getByTestId('dns-records-note')).toContainText('stay in delta.test');
  await expectAccessible(page, info);
  await page.getByLabel(/Also delete its domains/).check();
  await page.getByLabel(/To confirm, type the domain names/).fill('delta.test');
  await page.getByRole('button', { name: 'Remove the organisation' }).click();
  await expect(page).toHaveURL(/\/partners$/);
  await notice(page, info, 'The DNS records were removed from delta.test');
  const left = (await zone(page)).filter((r) => r.name !== `${PROOF}.`);
  expect(left).toEqual([]);
  await request.delete(`${KNOT}/records?name=${PROOF}`);
});
