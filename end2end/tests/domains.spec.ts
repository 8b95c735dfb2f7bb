import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible, hydrated, settle, signIn } from './helpers';

test('an admin sees the records to publish, copies one and downloads the zone file', async ({ page }, info) => {
  await signIn(page, info, 'ada@acme.test');
  await page.getByRole('link', { name: 'Domains' }).click();
  await page.getByRole('link', { name: 'acme.test' }).click();
  // The first visit starts a DNS check in the background. Hydrated, the page reloads itself
  // when the result is there; without JavaScript the person follows "Show the results".
  // (An earlier test may have left a fresh result: then there is nothing to wait for.)
  // The "checking" state is checked for accessibility without JavaScript (the same markup):
  // hydrated, the page may reload itself under axe as soon as the (fast) check is done.
  await settle(page, info);
  if (!hydrated(info) && await page.getByRole('status').filter({ hasText: 'Checking DNS now' }).isVisible()) {
    await expectAccessible(page, info);
  }
  const checked = page.getByRole('status').filter({ hasText: 'Checked' });
  if (hydrated(info)) {
    await expect(checked).toBeVisible({ timeout: 15_000 });
  } else {
    await expect(async () => {
      const show = page.getByRole('link', { name: 'Show the results' });
      if (await show.isVisible()) await show.click();
      await expect(checked).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 15_000 });
  }
  await settle(page, info);

  const records = page.getByTestId('record');
  // 2 DKIM, SPF, MX, DMARC, 6 SRV, MTA-STS (2), TLS-RPT, auto-config (4): the live 036 set
  // without the mail host's own SPF (the host is outside acme.test).
  await expect(records).toHaveCount(18);
  const mx = records.filter({ hasText: 'MX' }).filter({ hasText: 'mail.postern-demo.test' });
  await expect(mx).toContainText('Required');
  await expect(records.filter({ hasText: 'v=DMARC1' })).toContainText('Recommended');
  await expect(records.filter({ hasText: '_smtp._tls.acme.test' })).toContainText('Optional');
  await expect(records.filter({ hasText: 'k=rsa' })).toContainText('Required');
  await expect(records.filter({ hasText: 'k=rsa' }).getByText('As 255-character strings')).toBeVisible();
  await expect(mx).toContainText('Unknown');
  await expect(page.getByTestId('dkim')).toContainText('Ed25519 (SHA-256)');

  if (hydrated(info)) {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await mx.getByRole('button', { name: 'Copy' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('mail.postern-demo.test');
  } else {
    // Without JavaScript there is no copy button; the value is plain selectable text.
    await expect(mx.getByRole('button', { name: 'Copy' })).toHaveCount(0);
    await expect(mx.locator('code.value')).toHaveText('mail.postern-demo.test');
  }

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download zone file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('acme.test.zone');
  const text = readFileSync((await file.path())!, 'utf8');
  expect(text).toContain('acme.test. IN MX 10 mail.postern-demo.test.');
  expect(text).toContain('_dmarc.acme.test. IN TXT');

  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByText(/Checked: \d+ records need attention/)).toBeVisible();
  await expectAccessible(page, info);
});
