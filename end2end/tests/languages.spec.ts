import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectAccessible, settle } from './helpers';

// Every page in the person's language. The words expected here are read from the locale files
// themselves, so the test follows the translators' wording and fails when a page shows a
// sentence in another language than the one it was asked for.

type Locale = 'en' | 'de' | 'fr';

/** Every message of a locale: key → value (placeholders kept as `{ $name }`). */
function messages(locale: Locale): Map<string, string> {
  const dir = fileURLToPath(new URL(`../../app/locales/${locale}`, import.meta.url));
  const found = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ftl'))) {
    let key: string | undefined;
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const start = line.match(/^([a-z][a-z0-9-]*) = ?(.*)$/);
      if (start) {
        key = start[1];
        found.set(key, start[2]);
      } else if (key && /^\s+\S/.test(line)) {
        found.set(key, `${found.get(key)} ${line.trim()}`.trim());
      } else {
        key = undefined;
      }
    }
  }
  return found;
}

const words = { en: messages('en'), de: messages('de'), fr: messages('fr') };

function t(locale: Locale, key: string, args: Record<string, string> = {}): string {
  let value = words[locale].get(key);
  if (value === undefined) throw new Error(`no ${key} in ${locale}`);
  for (const [name, arg] of Object.entries(args)) value = value.replaceAll(`{ $${name} }`, arg);
  return value;
}

/**
 * The page is in `locale`: `<html lang>` says so, and none of the English sentences that read
 * differently in that language is on it (sentences of three words or more, without
 * placeholders, as they would appear on a page).
 */
async function expectIn(page: Page, info: TestInfo, locale: Locale) {
  await settle(page, info);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  const body = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
  const english = [...words.en.entries()].filter(
    ([key, value]) =>
      !value.includes('{') && value.split(' ').length >= 3 && words[locale].get(key) !== value,
  );
  const leftovers = english.filter(([, value]) => body.includes(value)).map(([key]) => key);
  expect(leftovers, `English sentences on a ${locale} page: ${page.url()}`).toEqual([]);
  await expectAccessible(page, info);
}

async function signInAs(page: Page, info: TestInfo, email: string, locale: Locale) {
  await page.goto('/');
  await expectIn(page, info, locale);
  await page.getByLabel(t(locale, 'auth-email-label')).fill(email);
  await page.getByRole('button', { name: t(locale, 'auth-continue') }).click();
  // The IdP's own login form (node oidc-provider's, in English).
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page).toHaveURL(/\/account$/);
}

test.describe('a German-speaking person', () => {
  test.use({ locale: 'de-DE' });

  test('sees German on every page, switches to French, and keeps French after signing out', async ({ page, browser }, info) => {
    // Beta makes a new person's mailbox at their first sign-in.
    const email = `lena-${info.project.name}@beta.test`;
    await signInAs(page, info, email, 'de');
    await expect(page.getByRole('heading', { level: 1, name: t('de', 'account-title') })).toBeVisible();
    await expectIn(page, info, 'de');

    await page.getByRole('link', { name: t('de', 'ui-app-passwords') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('de', 'apppw-list-title') })).toBeVisible();
    await expectIn(page, info, 'de');

    await page.getByRole('link', { name: t('de', 'apppw-list-create') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('de', 'apppw-new-title') })).toBeVisible();
    await expectIn(page, info, 'de');
    await page.getByLabel(t('de', 'apppw-new-name'), { exact: true }).fill('Laptop');
    await page.getByRole('button', { name: t('de', 'apppw-new-submit') }).click();

    // The one-time secret and the mail app's settings.
    await expect(page.getByTestId('secret')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: t('de', 'apppw-created-title') })).toBeVisible();
    await expectIn(page, info, 'de');

    // The Apple page, and the profile's own words (shown in the device's settings).
    await page.goto('/app-passwords/apple');
    await expect(page.getByRole('heading', { level: 1, name: t('de', 'apppw-apple-title') })).toBeVisible();
    await expectIn(page, info, 'de');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: t('de', 'apppw-apple-download') }).click();
    const profile = readFileSync((await (await download).path())!, 'utf8');
    expect(profile).toContain(t('de', 'apppw-profile-description', { address: email }));
    expect(profile).not.toContain(t('en', 'apppw-profile-description', { address: email }));

    // The selector at the foot of every page.
    await page.goto('/app-passwords');
    await page.getByLabel(t('de', 'i18n-language-label')).selectOption('fr');
    await page.getByRole('button', { name: t('de', 'i18n-language-change') }).click();
    await expect(page).toHaveURL(/\/app-passwords$/);
    await expect(page.getByRole('heading', { level: 1, name: t('fr', 'apppw-list-title') })).toBeVisible();
    await expectIn(page, info, 'fr');

    // Signing out keeps the choice on this device …
    await page.getByRole('button', { name: t('fr', 'ui-sign-out') }).click();
    // The IdP's session ends too; without JavaScript its page needs one click.
    if (info.project.name !== 'hydrated') await page.getByRole('button', { name: 'Finish signing out' }).click();
    await expect(page).toHaveURL('http://127.0.0.1:3100/');
    await expect(page.getByRole('heading', { name: t('fr', 'auth-heading') })).toBeVisible();
    await expectIn(page, info, 'fr');

    // … and another device, whose browser asks for German, gets French after signing in.
    const other = await browser.newContext({ locale: 'de-DE', javaScriptEnabled: info.project.name === 'hydrated' });
    const phone = await other.newPage();
    await signInAs(phone, info, email, 'de');
    await expect(phone.getByRole('heading', { level: 1, name: t('fr', 'account-title') })).toBeVisible();
    await expectIn(phone, info, 'fr');
    await other.close();
  });
});

test.describe('a person whose browser asks for a language Postern does not speak', () => {
  test.use({ locale: 'it-IT' });

  test('gets English, then their organisation\'s default after signing in', async ({ page }, info) => {
    await signInAs(page, info, `ivo-${info.project.name}@beta.test`, 'en');
    await expect(page.getByRole('heading', { level: 1, name: t('fr', 'account-title') })).toBeVisible();
    await expectIn(page, info, 'fr');
  });
});

test.describe('an administrator whose browser asks for French', () => {
  test.use({ locale: 'fr-FR' });

  test('manages the organisation and its partners in French', async ({ page }, info) => {
    // Nine pages, each checked with axe: more than the default 30 s on a 2-core machine.
    test.slow();
    // Ada administers Acme, a partner; she never uses the selector, so nothing is kept.
    await signInAs(page, info, 'ada@acme.test', 'fr');
    for (const path of [
      '/admin/mailboxes', '/admin/groups', '/admin/domains', '/admin/audit',
      '/admin/organisation', '/admin/organisation/sync', '/partners', '/partners/new',
    ]) {
      await page.goto(path);
      await expectIn(page, info, 'fr');
    }
    await page.goto('/admin/mailboxes?q=alice');
    await page.getByTestId('mailboxes').getByRole('link', { name: 'alice@acme.test' }).click();
    await expect(page).toHaveURL(/\/admin\/mailboxes\/[^/]+$/);
    await expectIn(page, info, 'fr');
  });
});
