import { expect, test, type Page } from '@playwright/test';
import { documentText, nodeCentre, typeInto, watchForProblems } from './pageHelpers';

/**
 * A field that does nothing given another field of its node (fieldsInEffect.ts) is shown disabled,
 * the reason under it, and keeps its value for when it takes effect again; with several nodes
 * selected it is disabled only when it does nothing on all of them.
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/live';

const configOf = async (page: Page, id: string) => (JSON.parse(await documentText(page)) as { nodes: { id: string; config?: Record<string, unknown> }[] }).nodes.find((node) => node.id === id)?.config ?? {};

async function select(page: Page, ids: readonly string[]) {
  const first = await nodeCentre(page, ids[0]);
  await page.mouse.click(first.x, first.y);
  await page.keyboard.down('Shift');
  for (const id of ids.slice(1)) {
    const centre = await nodeCentre(page, id);
    await page.mouse.click(centre.x, centre.y);
  }
  await page.keyboard.up('Shift');
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
});

test('sticky sessions at layer 4 and a Zipf exponent with uniform keys are disabled with the reason, and keep their values', async ({ page }) => {
  const problems = watchForProblems(page);
  await select(page, ['lb']);
  const sticky = page.locator('select[data-field="sticky"]');
  await sticky.selectOption('true');
  await page.locator('select[data-field="layer"]').selectOption('4');
  await expect(sticky).toBeDisabled();
  await expect(sticky).toHaveValue('true');
  const note = page.locator('[data-field-note="sticky"]');
  await expect(note).toHaveText(/^Only at layer 7/);
  // The note describes the control for a screen reader too.
  expect(await sticky.getAttribute('aria-describedby')).toContain(await note.getAttribute('id'));
  expect(await configOf(page, 'lb')).toMatchObject({ layer: 4, sticky: true });
  await page.screenshot({ path: `${SHOTS}/fields-in-effect-lb.png` });
  await page.locator('select[data-field="layer"]').selectOption('7');
  await expect(sticky).toBeEnabled();
  await expect(sticky).toHaveValue('true');
  await expect(note).toHaveCount(0);

  await select(page, ['users-eu']);
  const zipfS = page.locator('input[data-field="keys.zipfS"]');
  await typeInto(zipfS, '1.4');
  await zipfS.press('Tab');
  await page.locator('select[data-field="keys.distribution"]').selectOption('uniform');
  await expect(zipfS).toBeDisabled();
  await expect(zipfS).toHaveValue('1.4');
  await expect(page.locator('[data-field-note="keys.zipfS"]')).toHaveText('Only with zipf key popularity.');
  // Uniform is the default, which the saved form leaves out; the exponent stays.
  expect((await configOf(page, 'users-eu')).keys).toEqual({ zipfS: 1.4 });
  expect(problems).toEqual([]);
});

test('a proxy\'s burst and per wait for a rate limit; MTTR for an MTBF', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.locator('[data-kind="proxy"]').click();
  await expect(page.getByTestId('inspector-title')).toHaveText('proxy');
  const burst = page.locator('input[data-field="rateLimit.burst"]');
  const per = page.locator('select[data-field="rateLimit.per"]');
  const mttr = page.locator('input[data-field="mttrS"]');
  await expect(burst).toBeDisabled();
  await expect(per).toBeDisabled();
  await expect(mttr).toBeDisabled();
  await expect(page.locator('[data-field-note="rateLimit.burst"]')).toHaveText('Only with a rate limit (rate above 0).');
  await expect(page.locator('[data-field-note="mttrS"]')).toHaveText('Only with a mean time between failures (random crashes).');
  await page.screenshot({ path: `${SHOTS}/fields-in-effect-proxy.png` });
  await typeInto(page.locator('input[data-field="rateLimit.rps"]'), '50');
  await expect(burst).toBeEnabled();
  await expect(per).toBeEnabled();
  await typeInto(page.locator('input[data-field="mtbfS"]'), '60');
  await expect(mttr).toBeEnabled();
  expect(problems).toEqual([]);
});

test('several clients selected: the Zipf exponent stays editable while one has zipf keys, and is disabled once none has', async ({ page }) => {
  const problems = watchForProblems(page);
  await select(page, ['users-eu']);
  await page.locator('select[data-field="keys.distribution"]').selectOption('uniform');
  await select(page, ['users-eu', 'users-us']);
  await expect(page.locator('.inspector-header')).toContainText('2 × Clients');
  const zipfS = page.locator('input[data-field="keys.zipfS"]');
  const note = page.locator('[data-field-note="keys.zipfS"]');
  await expect(zipfS).toBeEnabled();
  await expect(note).toHaveText('No effect on 1 of the 2 selected. Only with zipf key popularity.');
  await page.screenshot({ path: `${SHOTS}/fields-in-effect-mixed.png` });
  await typeInto(zipfS, '1.2');
  await zipfS.press('Tab');
  expect(await configOf(page, 'users-us')).toMatchObject({ keys: { zipfS: 1.2 } });
  await page.locator('select[data-field="keys.distribution"]').selectOption('uniform');
  await expect(zipfS).toBeDisabled();
  await expect(zipfS).toHaveValue('1.2');
  await expect(note).toHaveText('Only with zipf key popularity.');
  expect(problems).toEqual([]);
});
