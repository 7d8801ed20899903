import { expect, test, type Page } from '@playwright/test';
import { nodeCentre } from './pageHelpers';

const nodeCount = (page: Page) => page.evaluate(() => Object.keys((JSON.parse((window as unknown as { __faultline: { documentText(): string } }).__faultline.documentText()) as { nodes: object }).nodes).length);

test('keys pressed in an open dialog never edit the diagram behind it', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-testid="sandbox-canvas"] canvas')).toHaveAttribute('data-renderer', 'webgl');
  const app1 = await nodeCentre(page, 'app1');
  await page.mouse.click(app1.x, app1.y);
  const before = await nodeCount(page);
  await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'Help', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Documentation', exact: true }).click();
  const guide = page.getByTestId('guide-dialog');
  await expect(guide).toBeVisible();
  await guide.getByRole('button', { name: /close/i }).first().focus();
  for (const key of ['Delete', 'Backspace', 'Control+a', 'Control+d', 'ArrowRight', 'Control+z']) await page.keyboard.press(key);
  await expect(guide).toBeVisible();
  expect(await nodeCount(page)).toBe(before);
});
