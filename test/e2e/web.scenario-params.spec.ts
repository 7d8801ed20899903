import { expect, test, type Page } from '@playwright/test';
import { documentText, watchForProblems } from './pageHelpers';

/**
 * The scenario event editor offers what each action can act on and edits what it does: a flush
 * lists only caches and CDNs (the first node, a client, made the document invalid and the run
 * stopped taking edits), a degrade's new latency, jitter and loss, and a set's config fields.
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/scenario-params';

const lastEvent = async (page: Page) => (JSON.parse(await documentText(page)).scenario as Record<string, unknown>[]).at(-1);

test('flush, degrade and set events are edited in full, and the document stays valid', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.getByRole('button', { name: 'Add a scenario event at the playhead' }).click();
  const editor = page.getByTestId('scenario-event-editor');
  const action = editor.getByRole('combobox', { name: 'Action' });

  await action.selectOption('flush');
  await expect(editor.getByRole('combobox', { name: 'Node' }).locator('option')).toHaveText(['CDN', 'Cache']);
  expect(await lastEvent(page)).toMatchObject({ action: 'flush', target: 'cdn' });
  await expect(page.getByRole('alert')).toHaveCount(0);

  await action.selectOption('degrade');
  const params = editor.getByTestId('event-params');
  await expect(params.locator('input[data-field="latencyMs"]')).toHaveValue('200');
  await params.locator('input[data-field="lossRate"]').fill('2');
  await expect(params.getByText('must be a number from 0 to 1')).toBeVisible();
  await params.locator('input[data-field="lossRate"]').fill('0.25');
  await params.locator('input[data-field="latencyMs"]').fill('');
  await expect.poll(() => lastEvent(page)).toMatchObject({ action: 'degrade', params: { lossRate: 0.25 } });
  expect(((await lastEvent(page))!.params as Record<string, unknown>).latencyMs).toBeUndefined();
  await page.screenshot({ path: `${SHOTS}/degrade.png` });

  await action.selectOption('set');
  await editor.getByRole('combobox', { name: 'Node' }).selectOption({ label: 'Users (US)' });
  await expect(params.getByText('None yet')).toBeVisible();
  await editor.getByTestId('event-param-add').selectOption({ label: 'Requests per second' });
  // The chosen setting takes the keyboard: typing goes straight into it.
  await expect(params.locator('input[data-field="rps"]')).toBeFocused();
  await params.locator('input[data-field="rps"]').fill('800');
  await expect.poll(() => lastEvent(page)).toEqual({ atS: 0, action: 'set', target: 'users-us', params: { rps: 800 } });
  // The marker says what the event does.
  await expect(page.locator('[aria-label="Scenario event at 0.0 s: set Users (US) rps 800"]')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/set.png` });
  await params.getByRole('button', { name: 'Stop changing Requests per second' }).click();
  await expect.poll(() => lastEvent(page)).toEqual({ atS: 0, action: 'set', target: 'users-us', params: {} });
  expect(problems).toEqual([]);
});

test('an empty field of a set or degrade shows the value the event leaves in place, not the kind default', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const editor = page.getByTestId('scenario-event-editor');
  const params = editor.getByTestId('event-params');
  const addSetOfLb = async (atS: string) => {
    await page.getByRole('button', { name: 'Add a scenario event at the playhead' }).click();
    await editor.getByTestId('event-at').fill(atS);
    await editor.getByRole('combobox', { name: 'Action' }).selectOption('set');
    await editor.getByRole('combobox', { name: 'Node' }).selectOption({ label: 'Load balancer' });
    await editor.getByTestId('event-param-add').selectOption({ label: 'Health check' });
    await editor.getByTestId('event-param-add').selectOption({ label: 'Algorithm' });
  };

  // A first set at 10 s: the lb as designed (every field at its default here).
  await addSetOfLb('10');
  await expect(params.locator('input[data-field="healthCheck.intervalMs"]')).toHaveAttribute('placeholder', 'now 1000');
  // The empty choice of a menu says what stays; it read "default (undefined)" for the algorithm.
  await expect(params.locator('select[data-field="algorithm"] option').first()).toHaveText('unchanged (round-robin)');
  await params.locator('input[data-field="healthCheck.intervalMs"]').fill('250');
  await params.locator('select[data-field="algorithm"]').selectOption('random');
  await expect.poll(() => lastEvent(page)).toEqual({ atS: 10, action: 'set', target: 'lb', params: { algorithm: 'random', healthCheck: { intervalMs: 250 } } });
  await editor.getByRole('button', { name: 'Close' }).click();

  // A second set at 20 s starts from what the first left: 250 ms and random, not the defaults.
  await addSetOfLb('20');
  await expect(params.locator('input[data-field="healthCheck.intervalMs"]')).toHaveAttribute('placeholder', 'now 250');
  await expect(params.locator('input[data-field="healthCheck.timeoutMs"]')).toHaveAttribute('placeholder', 'now 500');
  await expect(params.locator('select[data-field="healthCheck.enabled"] option').first()).toHaveText('unchanged (yes)');
  await expect(params.locator('select[data-field="algorithm"] option').first()).toHaveText('unchanged (random)');
  await page.screenshot({ path: `${SHOTS}/set-baseline.png` });
  await editor.getByRole('button', { name: 'Close' }).click();

  // A degrade's empty fields show the link as it is then.
  await page.getByRole('button', { name: 'Add a scenario event at the playhead' }).click();
  await editor.getByRole('combobox', { name: 'Action' }).selectOption('degrade');
  await params.locator('input[data-field="latencyMs"]').fill('');
  await expect(params.locator('input[data-field="jitterMs"]')).toHaveAttribute('placeholder', 'now 0');
  await expect(params.locator('input[data-field="latencyMs"]')).toHaveAttribute('placeholder', /^now \d/);
  expect(problems).toEqual([]);
});

test('in a small window a tall set event editor stays below the top of the page and scrolls, its header in reach', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 680 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.getByRole('button', { name: 'Add a scenario event at the playhead' }).click();
  const editor = page.getByTestId('scenario-event-editor');
  await editor.getByRole('combobox', { name: 'Action' }).selectOption('set');
  await editor.getByRole('combobox', { name: 'Node' }).selectOption({ label: 'Users (US)' });
  for (const setting of ['Requests per second', 'Keys', 'Timeout']) await editor.getByTestId('event-param-add').selectOption({ label: setting });
  const box = (await editor.boundingBox())!;
  const timeline = (await page.getByTestId('live-timeline').boundingBox())!;
  expect(box.y, 'the editor starts inside the window').toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, 'and ends above the timeline').toBeLessThanOrEqual(timeline.y);
  expect(await editor.evaluate((element) => element.scrollHeight > element.clientHeight), 'its fields scroll inside it').toBe(true);
  await page.screenshot({ path: `${SHOTS}/set-small-window.png` });
  // Close is there to click, without scrolling the page.
  await editor.getByRole('button', { name: 'Close' }).click({ trial: true });
  const close = (await editor.getByRole('button', { name: 'Close' }).boundingBox())!;
  expect(close.y).toBeGreaterThanOrEqual(0);
});

test('a set group emptied leaves the saved patch, but stays in the open editor under the cursor', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const editor = page.getByTestId('scenario-event-editor');
  const params = editor.getByTestId('event-params');
  await page.getByRole('button', { name: 'Add a scenario event at the playhead' }).click();
  await editor.getByRole('combobox', { name: 'Action' }).selectOption('set');
  await editor.getByRole('combobox', { name: 'Node' }).selectOption({ label: 'Load balancer' });
  await editor.getByTestId('event-param-add').selectOption({ label: 'Health check' });
  await params.locator('input[data-field="healthCheck.intervalMs"]').fill('250');
  await editor.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => lastEvent(page)).toMatchObject({ params: { healthCheck: { intervalMs: 250 } } });

  // Reopened, the interval retyped key by key: emptied on the way, the group leaves the patch
  // (it was saved as "healthCheck": {}) but the field keeps the cursor.
  await page.locator('.live-marker').last().click();
  const interval = params.locator('input[data-field="healthCheck.intervalMs"]');
  await interval.click();
  await interval.press('End');
  for (let key = 0; key < 3; key++) await interval.press('Backspace');
  await expect.poll(async () => (await lastEvent(page))?.params).toEqual({});
  await expect(interval).toBeFocused();
  await interval.pressSequentially('300');
  await expect.poll(async () => (await lastEvent(page))?.params).toEqual({ healthCheck: { intervalMs: 300 } });
});
