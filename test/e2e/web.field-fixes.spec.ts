import { expect, test, type Locator, type Page } from '@playwright/test';

/**
 * Fields that hid something or laid their errors out badly: a lognormal's sigma in the
 * inspector, and the check editor's errors (each under its own field, the controls on one line)
 * and its refusal of a negative latency.
 */

interface Doc {
  nodes: { id: string; config?: Record<string, unknown> }[];
  checks: Record<string, unknown>[];
}

async function documentJson(page: Page): Promise<Doc> {
  return JSON.parse(await page.evaluate(() => (window as unknown as { __faultline: { documentText(): string } }).__faultline.documentText())) as Doc;
}

async function nodeCentre(page: Page, id: string): Promise<{ x: number; y: number }> {
  const rect = await page.evaluate((nodeId) => (window as unknown as { __faultline: { nodeClientRect(id: string): { x: number; y: number; width: number; height: number } | null } }).__faultline.nodeClientRect(nodeId), id);
  if (rect === null) throw new Error(`no node ${id} on the canvas`);
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/** Replaces a field's text by typing it key by key. */
async function typeInto(field: Locator, text: string) {
  await field.click();
  await field.press('Control+a');
  await field.press('Backspace');
  await field.pressSequentially(text);
}

const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/field-fixes-shots';

test('a lognormal service time shows its sigma, which is edited like the mean (refused text stays with its reason)', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const app = await nodeCentre(page, 'app1');
  await page.mouse.click(app.x, app.y);
  const serviceOf = async () => (await documentJson(page)).nodes.find((node) => node.id === 'app1')?.config?.serviceMs;
  const sigma = page.locator('input[data-field="serviceMs.sigma"]');
  await expect(sigma).toHaveCount(0);

  await page.locator('select[data-field="serviceMs.dist"]').selectOption('lognormal');
  // No sigma written unseen: the box says which one a lognormal without it uses.
  const mean = (await serviceOf()) as { mean: number };
  expect(await serviceOf()).toEqual({ dist: 'lognormal', mean: mean.mean });
  await expect(sigma).toBeVisible();
  await expect(sigma).toHaveAccessibleName('Service time sigma');
  await expect(sigma).toHaveAttribute('placeholder', '0.5 (default)');

  await typeInto(sigma, '1.2');
  expect(await serviceOf()).toEqual({ dist: 'lognormal', mean: mean.mean, sigma: 1.2 });
  await sigma.press('Tab');
  // Refused text never reaches the document; the reason shows under the box, tied to it.
  await typeInto(sigma, 'abc');
  const error = page.locator('[data-field-error="serviceMs.sigma"]');
  await expect(error).toHaveText('"abc" is not a number');
  await expect(sigma).toHaveAttribute('aria-invalid', 'true');
  expect(await serviceOf()).toEqual({ dist: 'lognormal', mean: mean.mean, sigma: 1.2 });
  await typeInto(sigma, '-1');
  await expect(error).toHaveText('sigma must be a number ≥ 0');
  expect(await serviceOf()).toEqual({ dist: 'lognormal', mean: mean.mean, sigma: 1.2 });
  await sigma.press('Tab');
  await expect(sigma).toHaveValue('-1');
  await expect(error).toBeVisible();
  await page.getByTestId('inspector').screenshot({ path: `${SHOTS}/sigma-error.png` });
  await sigma.focus();
  await sigma.press('Escape');
  await expect(error).toHaveCount(0);
  await expect(sigma).toHaveValue('1.2');
  // Retyping the mean keeps the shape and sigma (the box is empty on the way: the default for a moment).
  await typeInto(page.locator('input[data-field="serviceMs.mean"]'), '7');
  expect(await serviceOf()).toEqual({ dist: 'lognormal', mean: 7, sigma: 1.2 });
  // Another shape drops the sigma, and its box.
  await page.locator('select[data-field="serviceMs.dist"]').selectOption('exp');
  expect(await serviceOf()).toEqual({ dist: 'exp', mean: 7 });
  await expect(sigma).toHaveCount(0);
  expect(problems).toEqual([]);
});
