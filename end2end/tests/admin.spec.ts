import { test, expect } from '@playwright/test';
import { expectAccessible, settle, signIn } from './helpers';

test('an admin creates, finds, edits, groups and deletes a mailbox', async ({ page }, info) => {
  const local = `dora-${info.project.name}`;
  const address = `${local}@acme.test`;
  const group = `team-${info.project.name}@acme.test`;
  await signIn(page, info, 'ada@acme.test');
  await page.getByRole('link', { name: 'Mailboxes' }).click();
  await settle(page, info);
  await expectAccessible(page, info);

  await page.getByRole('link', { name: 'Create a mailbox' }).click();
  await settle(page, info);
  await page.getByLabel('Name before the @').fill(local);
  await page.getByLabel('Domain').selectOption('acme.test');
  await page.getByLabel('Display name').fill('Dora Diaz');
  await page.getByLabel('Storage limit (GB)').fill('2');
  await page.getByLabel('Aliases').fill(`d.${local}@acme.test`);
  await expectAccessible(page, info);
  await page.getByRole('button', { name: 'Create mailbox' }).click();
  await expect(page.getByText(`Created the mailbox ${address}`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: address })).toBeVisible();
  await settle(page, info);
  await expectAccessible(page, info);

  await page.goto('/admin/mailboxes');
  await page.getByLabel('Search').fill(local);
  await page.getByRole('button', { name: 'Show' }).click();
  const table = page.getByTestId('mailboxes');
  await expect(table).toContainText(address);
  await expect(table).not.toContainText('alice@acme.test');
  await table.getByRole('link', { name: address }).click();

  await page.getByLabel('Display name').fill('Dora D. Diaz');
  await page.getByLabel('Storage limit (GB)').fill('3');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(page.getByLabel('Display name')).toHaveValue('Dora D. Diaz');

  await page.goto('/admin/groups');
  await settle(page, info);
  await page.getByLabel('Group address').fill(group);
  await page.getByLabel('Display name').fill('Team');
  await page.getByRole('button', { name: 'Create a group' }).click();
  await expect(page.getByText(`Created the group ${group}`)).toBeVisible();
  const card = page.getByTestId('group').filter({ hasText: group });
  await expect(card).toContainText('Receives mail');
  await card.getByLabel("Member's address").fill(address);
  await card.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByText(`Added ${address} to the group`)).toBeVisible();
  await expect(page.getByTestId('group').filter({ hasText: group })).toContainText(address);
  await settle(page, info);
  await expectAccessible(page, info);

  await page.goto('/admin/mailboxes?q=' + local);
  await page.getByTestId('mailboxes').getByRole('link', { name: address }).click();
  await page.getByRole('link', { name: 'Delete this mailbox' }).click();
  await settle(page, info);
  await expect(page.getByText('also deletes all its mail')).toBeVisible();
  await expectAccessible(page, info);
  await page.getByLabel(/To confirm, type the address/).fill(address);
  await page.getByRole('button', { name: 'Delete mailbox and all its mail' }).click();
  await expect(page.getByText(`Deleted the mailbox ${address} and its mail`)).toBeVisible();

  await page.goto('/admin/audit?action=mailbox.delete');
  await settle(page, info);
  await expect(page.getByTestId('audit')).toContainText(address);
  await expectAccessible(page, info);
});

test('people without the admin group are turned away from admin pages', async ({ page }, info) => {
  await signIn(page, info, 'alice@acme.test');
  await expect(page.getByRole('link', { name: 'Mailboxes' })).toHaveCount(0);

  const response = await page.goto('/admin/mailboxes');

  expect(response?.status()).toBe(403);
  await expect(page.getByText('Only administrators of your organisation can open this page.')).toBeVisible();
});
