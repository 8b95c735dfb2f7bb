import { expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const SIMULATOR = 'http://127.0.0.1:18180';
/** The test SMTP server's HTTP side: what the portal's notification e-mails delivered. */
export const SMTP_SINK = 'http://127.0.0.1:2526';

export const hydrated = (info: TestInfo) => info.project.name === 'hydrated';

/** Waits for the islands to hydrate when JavaScript is on. */
export async function settle(page: Page, info: TestInfo) {
  if (hydrated(info)) {
    await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  }
}

/** Signs in from the start page through the organisation's test IdP (any password works). */
export async function signIn(page: Page, info: TestInfo, email: string) {
  await page.goto('/');
  await settle(page, info);
  await page.getByLabel('Work e-mail address').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  // The IdP's own login form (node oidc-provider's development interaction).
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await settle(page, info);
}

/**
 * No serious or critical axe-core violations on the current page. axe needs JavaScript, so
 * with JavaScript off the server-rendered HTML is checked in a scripted copy of the page
 * (same markup and stylesheet, scripts removed).
 */
export async function expectAccessible(page: Page, info: TestInfo) {
  let target = page;
  let scratch: BrowserContext | undefined;
  if (!hydrated(info)) {
    const html = (await page.content())
      .replace(/<script\b[\s\S]*?<\/script>/g, '')
      .replace('<head>', `<head><base href="${new URL(page.url()).origin}/">`);
    scratch = await page.context().browser()!.newContext({ javaScriptEnabled: true });
    target = await scratch.newPage();
    await target.setContent(html, { waitUntil: 'load' });
  }
  const results = await new AxeBuilder({ page: target }).analyze();
  await scratch?.close();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

