import { expect, test, type Locator, type Page } from '@playwright/test';
import { nodeCentre, typeInto } from './pageHelpers';

/**
 * Fields that hid something or laid their errors out badly: a lognormal's sigma in the
 * inspector, a mean of 0 that makes a shape draw 0 (accepted, with a warning), and the check editor's errors (each under its own field, the controls on one line)
 * and its refusal of a negative latency.
 */

interface Doc {
  nodes: { id: string; config?: Record<string, unknown> }[];
  checks: Record<string, unknown>[];
}

async function documentJson(page: Page): Promise<Doc> {
  return JSON.parse(await page.evaluate(() => (window as unknown as { __faultline: { documentText(): string } }).__faultline.documentText())) as Doc;
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (found === null) throw new Error('not laid out');
  return found;
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

test('a lognormal of mean 0 is accepted, as a file may hold it, but the field warns that every draw is then 0', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const app = await nodeCentre(page, 'app1');
  await page.mouse.click(app.x, app.y);
  const serviceOf = async () => (await documentJson(page)).nodes.find((node) => node.id === 'app1')?.config?.serviceMs;
  const mean = page.locator('input[data-field="serviceMs.mean"]');
  const warning = page.locator('[data-field-warning="serviceMs"]');
  await page.locator('select[data-field="serviceMs.dist"]').selectOption('lognormal');
  await expect(warning).toHaveCount(0);
  await typeInto(mean, '0');
  await mean.press('Tab');
  // Not refused: the document holds it, and no error shows.
  expect(await serviceOf()).toEqual({ dist: 'lognormal', mean: 0 });
  await expect(page.locator('[data-field-error="serviceMs"]')).toHaveCount(0);
  await expect(warning).toHaveText('A mean of 0 draws 0 every time: the lognormal shape and its sigma have no effect (as const 0).');
  expect(await mean.getAttribute('aria-describedby')).toContain(await warning.getAttribute('id'));
  await page.getByTestId('inspector').screenshot({ path: `${SHOTS}/lognormal-mean-0.png` });
  // A constant 0 says what it does: no warning.
  await page.locator('select[data-field="serviceMs.dist"]').selectOption('const');
  await expect(warning).toHaveCount(0);
  await page.locator('select[data-field="serviceMs.dist"]').selectOption('exp');
  await expect(warning).toHaveText('A mean of 0 draws 0 every time: the exp shape has no effect (as const 0).');
  await typeInto(mean, '3');
  await expect(warning).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('check editor: each error sits under its own field, the controls stay on one line; a negative latency is refused', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.getByRole('tab', { name: 'Checks' }).click();
  await page.getByTestId('add-check').click();
  const editor = page.getByTestId('check-editor');
  await editor.getByTestId('check-metric').selectOption({ label: 'p99 latency' });
  const checkOf = async () => (await documentJson(page)).checks.at(-1);
  const before = await checkOf();

  const value = editor.getByTestId('check-value');
  await typeInto(value, '-5');
  await expect(editor.getByRole('alert')).toHaveText('p99 latency is never negative');
  expect(await checkOf()).toEqual(before);

  await typeInto(value, 'abc');
  await typeInto(editor.getByTestId('check-from'), '10');
  await typeInto(editor.getByTestId('check-to'), '5');
  const valueError = editor.getByRole('alert').filter({ hasText: 'is not a number' });
  const windowError = editor.getByRole('alert').filter({ hasText: 'To must be after From' });
  await expect(valueError).toBeVisible();
  await expect(windowError).toBeVisible();
  // The refused value never reached the document (From 10 alone was a window, kept until To 5).
  expect(await checkOf()).toEqual({ ...before, fromS: 10 });
  await editor.screenshot({ path: `${SHOTS}/check-editor-errors.png` });

  // The controls keep one line: an error under one of them does not lift it above the others.
  const controls = await Promise.all(['check-metric', 'check-op', 'check-value', 'check-from', 'check-to'].map((id) => box(editor.getByTestId(id))));
  for (const control of controls) expect(Math.abs(control.y - controls[0].y), 'controls on one line').toBeLessThanOrEqual(1);
  const [, , valueBox, fromBox, toBox] = controls;
  // Each error right under its own field(s), starting where the field starts.
  const valueErrorBox = await box(valueError);
  expect(valueErrorBox.y).toBeGreaterThanOrEqual(valueBox.y + valueBox.height - 1);
  expect(valueErrorBox.y).toBeLessThan(valueBox.y + valueBox.height + 12);
  expect(Math.abs(valueErrorBox.x - valueBox.x)).toBeLessThanOrEqual(2);
  // Not squeezed into a narrow column: one or two lines.
  expect(valueErrorBox.height).toBeLessThan(36);
  const windowErrorBox = await box(windowError);
  expect(windowErrorBox.y).toBeGreaterThanOrEqual(fromBox.y + fromBox.height - 1);
  expect(windowErrorBox.y).toBeLessThan(fromBox.y + fromBox.height + 12);
  expect(Math.abs(windowErrorBox.x - fromBox.x)).toBeLessThanOrEqual(2);
  expect(windowErrorBox.x + windowErrorBox.width).toBeLessThanOrEqual(toBox.x + toBox.width + 40);
  expect(problems).toEqual([]);
});
