import { expect, test } from '@playwright/test';
import { documentText, watchForProblems } from './pageHelpers';

/**
 * Between the canvas and the inspector by keyboard: Enter on the canvas goes into the selection's
 * first field, and Escape there comes back to the canvas, on the same selection, once the field
 * has nothing to take back (its first Escape puts back the value from before the edit). Keys only.
 */
test('Escape in an inspector field returns to the canvas once there is no edit to take back', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const canvas = page.getByTestId('sandbox-canvas');
  const announcer = page.getByTestId('canvas-announcer');
  const name = page.getByTestId('inspector').getByRole('textbox', { name: 'Name' });
  const dnsName = async () => (JSON.parse(await documentText(page)) as { nodes: { id: string; name?: string }[] }).nodes.find((node) => node.id === 'dns')?.name;

  // Tab selects DNS; Enter goes to its Name; Escape comes back, DNS still selected.
  await canvas.focus();
  await page.keyboard.press('Tab');
  await expect(announcer).toHaveText('DNS, DNS server, 3 links');
  await page.keyboard.press('Enter');
  await expect(name).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(canvas).toBeFocused();
  await expect(announcer).toHaveText('DNS, DNS server, 3 links');
  // The canvas's keys act again: Tab goes on to the next node.
  await page.keyboard.press('Tab');
  await expect(announcer).not.toHaveText('DNS, DNS server, 3 links');
  await page.keyboard.press('Shift+Tab');
  await expect(announcer).toHaveText('DNS, DNS server, 3 links');

  // With a name typed, the first Escape puts the old name back and stays; the second comes back.
  await page.keyboard.press('Enter');
  await expect(name).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Resolver');
  await page.keyboard.press('Escape');
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('DNS');
  await page.keyboard.press('Escape');
  await expect(canvas).toBeFocused();
  expect(await dnsName()).toBe('DNS');

  // A confirmed edit stays: Enter keeps it, Escape then leaves.
  await page.keyboard.press('Enter');
  await expect(name).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Resolver');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(canvas).toBeFocused();
  await expect(announcer).toHaveText('Resolver, DNS server, 3 links');
  expect(await dnsName()).toBe('Resolver');
  expect(problems).toEqual([]);
});
