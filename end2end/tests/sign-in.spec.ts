import { test, expect } from '@playwright/test';
import { expectAccessible, hydrated, settle, signIn } from './helpers';

test.describe('sign-in', () => {
  test('an organisation A user signs in and sees their mailbox', async ({ page }, info) => {
    await signIn(page, info, 'alice@acme.test');

    await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
    await expect(page.getByText('Acme Corp').first()).toBeVisible();
    const mailbox = page.getByTestId('mailbox');
    await expect(mailbox).toContainText('alice@acme.test');
    await expect(mailbox).toContainText('a.anders@acme.test');
    await expect(mailbox).toContainText('of 1 GB');
    await expectAccessible(page, info);
  });

  test('an organisation B user signs in through the trailing-slash issuer', async ({ page }, info) => {
    await signIn(page, info, 'bert@beta.test');

    await expect(page.getByText('Beta Ltd').first()).toBeVisible();
    await expect(page.getByTestId('mailbox')).toContainText('bert@beta.test');
    await expect(page.getByText('Administrator of your organisation')).toBeVisible();
  });

  test('a user without a mailbox is told what to do', async ({ page }, info) => {
    await signIn(page, info, 'nomail@acme.test');

    await expect(page.getByText('You do not have a mailbox yet')).toBeVisible();
    await expectAccessible(page, info);
  });

  test('an unknown domain gets a clear message and keeps the address', async ({ page }, info) => {
    await page.goto('/');
    await settle(page, info);
    await page.getByLabel('Work e-mail address').fill('someone@unknown.example');
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.getByRole('alert')).toContainText('We do not know an organisation for “unknown.example”');
    await expect(page.getByLabel('Work e-mail address')).toHaveValue('someone@unknown.example');
    await expectAccessible(page, info);
  });

  test('an IdP that is down gets a clear message', async ({ page }, info) => {
    await page.goto('/');
    await settle(page, info);
    await page.getByLabel('Work e-mail address').fill('carl@cedar.test');
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.getByRole('alert')).toContainText('We could not reach the sign-in service of Cedar Partners');
  });

  test('the account behind the portal\'s API key cannot sign in, whatever the IdP says', async ({ page }, info) => {
    // Acme's IdP vouches for postern@acme.test, the mail server account Postern acts as.
    await page.goto('/');
    await settle(page, info);
    await page.getByLabel('Work e-mail address').fill('postern@acme.test');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('input[name="login"]').fill('postern@acme.test');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();

    await expect(page).toHaveURL('http://127.0.0.1:3100/');
    await expect(page.getByRole('alert')).toContainText(
      "This account is managed by your mail server's operator and cannot sign in here");
    await expectAccessible(page, info);
    await page.goto('/app-passwords');
    await expect(page).toHaveURL('http://127.0.0.1:3100/');
  });

  test('signing out ends the session', async ({ page }, info) => {
    await signIn(page, info, 'alice@acme.test');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    // The IdP's session ends too; without JavaScript its page needs one click.
    if (!hydrated(info)) await page.getByRole('button', { name: 'Finish signing out' }).click();

    await expect(page).toHaveURL('http://127.0.0.1:3100/');
    await page.goto('/account');
    await expect(page).toHaveURL('http://127.0.0.1:3100/');
    await expect(page.getByLabel('Work e-mail address')).toBeVisible();
  });

  test('the start page is accessible', async ({ page }, info) => {
    await page.goto('/');
    await settle(page, info);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to manage your mail');
    await expectAccessible(page, info);
  });
});
