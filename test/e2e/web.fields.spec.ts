import { expect, test, type Locator, type Page } from '@playwright/test';
import { nodeCentre, typeInto } from './pageHelpers';

/**
 * Text fields typed key by key, as a teacher types: an entry whose final text is invalid never
 * changes the document (even when a prefix of it — the "1" of "10%" — was valid), the reason stays
 * in view, Escape puts back the value from before the edit, and a valid edit is one undo step.
 */

interface Doc {
  durationS: number;
  nodes: { id: string; config?: Record<string, unknown> }[];
  links: { id: string; lossRate?: number }[];
  scenario: { atS: number; action: string; target?: string; note?: string; groups?: string[][] }[];
  checks: { id?: string; metric: string; value: number; label?: string }[];
}

async function documentJson(page: Page): Promise<Doc> {
  return JSON.parse(await page.evaluate(() => (window as unknown as { __faultline: { documentText(): string } }).__faultline.documentText())) as Doc;
}

function watchForErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}


/** The default sandbox with a new check added: its editor, open. */
async function openNewCheck(page: Page): Promise<Locator> {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.getByRole('tab', { name: 'Checks' }).click();
  await page.getByTestId('add-check').click();
  return page.getByTestId('check-editor');
}

test('inspector number fields: a value that ends invalid never reaches the document; Escape restores; one undo step', async ({ page }) => {
  const problems = watchForErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const canvas = page.locator('[data-testid="sandbox-canvas"] canvas');
  const original = await documentJson(page);
  const configOf = (doc: Doc, id: string) => doc.nodes.find((node) => node.id === id)?.config ?? {};

  // A client: "1.5" in Write ratio (its "1" alone is a valid ratio), then "1e999" in its rate.
  const users = await nodeCentre(page, 'users-eu');
  await page.mouse.click(users.x, users.y);
  const writeRatio = page.locator('input[data-field="writeRatio"]');
  await typeInto(writeRatio, '1.5');
  await expect(page.locator('[data-field-error="writeRatio"]')).toContainText('must be');
  expect(configOf(await documentJson(page), 'users-eu'), 'the "1" typed on the way is not left behind').toEqual(configOf(original, 'users-eu'));
  // Leaving the field keeps the text and its reason; the document still holds the old value.
  await writeRatio.press('Tab');
  await expect(page.locator('[data-field-error="writeRatio"]')).toHaveCount(1);
  await expect(writeRatio).toHaveValue('1.5');
  expect(configOf(await documentJson(page), 'users-eu')).toEqual(configOf(original, 'users-eu'));
  await writeRatio.focus();
  await writeRatio.press('Escape');
  await expect(page.locator('[data-field-error="writeRatio"]')).toHaveCount(0);
  await expect(writeRatio).toHaveValue(String(configOf(original, 'users-eu').writeRatio ?? ''));

  const rps = page.locator('input[data-field="rps"]');
  await typeInto(rps, '1e999');
  await expect(page.locator('[data-field-error="rps"]')).toContainText('is not a number');
  await rps.press('Tab');
  expect(configOf(await documentJson(page), 'users-eu')).toEqual(configOf(original, 'users-eu'));

  // Escape during a valid edit puts back the value from before it.
  await typeInto(rps, '250');
  expect(configOf(await documentJson(page), 'users-eu').rps, 'a valid value is previewed as it is typed').toBe(250);
  await rps.press('Escape');
  await expect(rps).toHaveValue(String(configOf(original, 'users-eu').rps ?? ''));
  expect(configOf(await documentJson(page), 'users-eu')).toEqual(configOf(original, 'users-eu'));

  // A valid edit typed key by key, with an invalid stretch on the way, is one undo step.
  await typeInto(rps, '12x');
  await expect(page.locator('[data-field-error="rps"]')).toHaveCount(1);
  await rps.press('Backspace');
  await rps.pressSequentially('5');
  await expect(page.locator('[data-field-error="rps"]')).toHaveCount(0);
  await rps.press('Tab');
  expect(configOf(await documentJson(page), 'users-eu').rps).toBe(125);
  await canvas.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  expect(configOf(await documentJson(page), 'users-eu')).toEqual(configOf(original, 'users-eu'));

  expect(problems).toEqual([]);
});

test('a link\'s Loss rate typed as "10%" leaves the loss rate as it was', async ({ page }) => {
  const problems = watchForErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const original = await documentJson(page);
  const lb = await nodeCentre(page, 'lb');
  const app1 = await nodeCentre(page, 'app1');
  await page.mouse.click((lb.x + app1.x) / 2, (lb.y + app1.y) / 2);
  const lossRate = page.locator('input[data-field="lossRate"]');
  await expect(lossRate).toBeVisible();
  await typeInto(lossRate, '10%');
  await expect(page.locator('[data-field-error="lossRate"]')).toContainText('"10%" is not a number');
  await lossRate.press('Tab');
  const links = (await documentJson(page)).links;
  expect(links, 'no link took the "1" or "10" typed on the way').toEqual(original.links);
  expect(problems).toEqual([]);
});

test('a ratio check refuses 95 with the ratio it meant, and a refused value never reaches the document', async ({ page }) => {
  const problems = watchForErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const original = await documentJson(page);

  // The availability check: 95 (read off a panel showing percentages) is refused with the ratio it meant.
  await page.getByRole('tab', { name: 'Checks' }).click();
  await page.getByTestId('check-available').getByRole('button', { name: /Edit check/ }).click();
  const editor = page.getByTestId('check-editor');
  const value = editor.getByTestId('check-value');
  await typeInto(value, '95');
  await expect(editor.getByRole('alert')).toHaveText('Availability is a ratio from 0 to 1 (95% is 0.95)');
  expect((await documentJson(page)).checks).toEqual(original.checks);
  await value.pressSequentially('%');
  await expect(editor.getByRole('alert')).toContainText('is not a number');
  await value.press('Tab');
  await expect(editor.getByRole('alert')).toHaveCount(1);
  expect((await documentJson(page)).checks, 'neither "9" nor "95" was saved on the way').toEqual(original.checks);
  await value.focus();
  await value.press('Escape');
  await expect(value).toHaveValue('0.95');
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await typeInto(value, '0.9');
  await value.press('Tab');
  expect((await documentJson(page)).checks.find((check) => check.id === 'available')?.value).toBe(0.9);
  await editor.getByRole('button', { name: 'Done' }).click();
  expect(problems).toEqual([]);
});

/** Seeks to 30 s and presses "+" on the timeline; returns the event editor and the new event's index. */
async function addEventAt30(page: Page): Promise<{ events: Locator; index: number }> {
  const bar = page.getByTestId('live-timeline');
  const box = (await bar.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByRole('button', { name: 'Add a scenario event at the playhead' }).click();
  const events = page.getByTestId('scenario-event-editor');
  await expect(events).toBeVisible();
  return { events, index: (await documentJson(page)).scenario.length - 1 };
}

test('a new timeline event starts as an empty note, with a placeholder, not placeholder text', async ({ page }) => {
  const problems = watchForErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();

  // "+" on the timeline at 30 s: a note without placeholder text in the document.
  const { events } = await addEventAt30(page);
  const narration = events.getByLabel('Narration');
  await expect(narration).toHaveValue('');
  await expect(narration).toHaveAttribute('placeholder', 'What the class should notice');
  const added = (await documentJson(page)).scenario.at(-1)!;
  expect(added.action).toBe('note');
  expect(added.note, 'no "New note" text is saved').toBeUndefined();
  expect(problems).toEqual([]);
});

test('narration and a check label: Escape takes back what was typed and keeps the editor open; a second Escape closes it', async ({ page }) => {
  const problems = watchForErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const { events, index } = await addEventAt30(page);
  const narration = events.getByLabel('Narration');
  await narration.click();
  await narration.pressSequentially('Watch the balancer');
  expect((await documentJson(page)).scenario[index].note).toBe('Watch the balancer');
  await narration.press('Escape');
  await expect(narration).toHaveValue('');
  expect((await documentJson(page)).scenario[index].note).toBeUndefined();
  await expect(events).toBeVisible();
  await narration.press('Escape');
  await expect(events).toHaveCount(0);

  await page.getByRole('tab', { name: 'Checks' }).click();
  await page.getByTestId('add-check').click();
  const label = page.getByTestId('check-editor').getByTestId('check-label');
  await label.click();
  await label.pressSequentially('Mostly up');
  const checkIndex = (await documentJson(page)).checks.length - 1;
  expect((await documentJson(page)).checks[checkIndex].label).toBe('Mostly up');
  await label.press('Escape');
  await expect(label).toHaveValue('');
  expect((await documentJson(page)).checks[checkIndex].label ?? '').toBe('');
  expect(problems).toEqual([]);
});

test('an event\'s At (s) refuses a time at or after the end of the run instead of clamping it', async ({ page }) => {
  const problems = watchForErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const { events, index } = await addEventAt30(page);
  const eventAt = async () => (await documentJson(page)).scenario[index].atS;
  const atBefore = await eventAt();

  // At (s): 75 in a 60 s run is refused, not clamped to 60; Escape restores and keeps the editor open.
  const at = events.getByLabel('At (s)');
  await typeInto(at, '75');
  await expect(events.getByRole('alert')).toHaveText('must be before the end of the run (60 s): an event at 75 s never happens');
  expect(await eventAt(), 'the "7" typed on the way is not left behind').toBe(atBefore);
  await at.press('Escape');
  await expect(events).toBeVisible();
  await expect(at).toHaveValue(String(atBefore));
  await typeInto(at, '60');
  await expect(events.getByRole('alert')).toContainText('never happens');
  await at.press('Tab');
  expect(await eventAt()).toBe(atBefore);
  await typeInto(at, '12.5');
  await at.press('Tab');
  expect(await eventAt()).toBe(12.5);
  // As the playback clock writes times: minutes and seconds.
  await typeInto(at, '0:45.5');
  await at.press('Tab');
  expect(await eventAt()).toBe(45.5);
  await expect(at).toHaveValue('45.5');
  await typeInto(at, '1:75');
  await expect(events.getByRole('alert')).toHaveText('"1:75" is not a time: write seconds (90) or minutes:seconds (1:30)');

  expect(problems).toEqual([]);
});

test('a check whose threshold no longer matches its label says what it checks, in its editor and on its row', async ({ page }) => {
  const problems = watchForErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.getByRole('tab', { name: 'Checks' }).click();
  const row = page.getByTestId('check-p99');
  await expect(row).toContainText('p99 latency stays under 500 ms');
  await row.getByRole('button', { name: /Edit check/ }).click();
  const editor = page.getByTestId('check-editor');
  await expect(editor.getByTestId('check-label-note')).toHaveCount(0);
  await typeInto(editor.getByTestId('check-value'), '250');
  await expect(editor.getByTestId('check-label-note')).toHaveText('The label leaves out the threshold (< 250 ms): empty it to describe the check, or edit it.');
  await expect(row).toContainText('checks p99 latency < 250 ms');
  // Emptied, the label is the check's own description, which cannot contradict it.
  await typeInto(editor.getByTestId('check-label'), '');
  await expect(editor.getByTestId('check-label-note')).toHaveCount(0);
  await expect(row).toContainText('p99 latency < 250 ms');
  await expect(row).not.toContainText('checks p99');
  expect(problems).toEqual([]);
});

test('partition groups with an unknown member never land, not even the valid one-group prefix typed on the way', async ({ page }) => {
  const problems = watchForErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const { events, index } = await addEventAt30(page);
  // Partition groups with an unknown member: the one-group prefix typed on the way never lands.
  await events.getByLabel('Action').selectOption('partition');
  const groupsBefore = (await documentJson(page)).scenario[index].groups;
  const groups = events.getByLabel('Groups');
  await typeInto(groups, 'users-eu, lb, app1, nosuch | db-replica1');
  await expect(events.getByRole('alert')).toHaveText('"nosuch" is neither a node nor a region');
  await groups.press('Tab');
  expect((await documentJson(page)).scenario[index].groups).toEqual(groupsBefore);
  expect(problems).toEqual([]);
});

test('free-text fields (Title, a node\'s and a region\'s Name): Escape restores, empty is refused where a name is needed, one undo step', async ({ page }) => {
  const problems = watchForErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const canvas = page.locator('[data-testid="sandbox-canvas"] canvas');
  const meta = async () => (JSON.parse(await page.evaluate(() => (window as unknown as { __faultline: { documentText(): string } }).__faultline.documentText())) as { meta: { title: string } }).meta;
  const original = await documentJson(page);
  const originalTitle = (await meta()).title;

  // Title: " Foo" typed at the end is previewed; Escape puts back the title from before the edit.
  const title = page.locator('input[data-field="title"]');
  await title.click();
  await title.press('End');
  await title.pressSequentially(' Foo');
  expect((await meta()).title).toBe(`${originalTitle} Foo`);
  await title.press('Escape');
  await expect(title).toHaveValue(originalTitle);
  expect((await meta()).title).toBe(originalTitle);
  await expect(page.getByTestId('document-heading')).toContainText(originalTitle);

  // An empty title is refused: the reason shows, linked to the field; the document keeps its title.
  await typeInto(title, '');
  const titleError = page.locator('[data-field-error="title"]');
  await expect(titleError).toContainText('a title is needed');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAttribute('aria-describedby', (await titleError.getAttribute('id'))!);
  expect((await meta()).title).toBe(originalTitle);
  await expect(page.getByTestId('inspector-title')).toHaveText(originalTitle);
  await title.press('Escape');
  await expect(titleError).toHaveCount(0);
  await expect(title).toHaveValue(originalTitle);

  // A new title typed key by key is one undo step.
  await typeInto(title, 'Class demo');
  await title.press('Tab');
  expect((await meta()).title).toBe('Class demo');
  await canvas.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  expect((await meta()).title).toBe(originalTitle);

  // A node's Name: the same.
  const users = await nodeCentre(page, 'users-eu');
  await page.mouse.click(users.x, users.y);
  const name = page.locator('input[data-field="name"]');
  await expect(name).toHaveValue('Users (EU)');
  await name.click();
  await name.press('End');
  await name.pressSequentially(' Foo');
  await expect(page.getByTestId('inspector-title')).toHaveText('Users (EU) Foo');
  await name.press('Escape');
  await expect(name).toHaveValue('Users (EU)');
  await expect(page.getByTestId('inspector-title')).toHaveText('Users (EU)');
  await typeInto(name, 'Europe');
  await name.press('Tab');
  await canvas.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  expect(await documentJson(page)).toEqual(original);

  // Enter confirms: a later Escape (to leave the field, to deselect) keeps the new name, and the
  // edit is still one undo step.
  await page.mouse.click(users.x, users.y);
  await typeInto(name, 'Europe');
  await name.press('Enter');
  await name.press('Escape');
  await expect(name).toHaveValue('Europe');
  await expect(page.getByTestId('inspector-title')).toHaveText('Europe');
  await canvas.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  expect(await documentJson(page)).toEqual(original);

  // A region's Name: an empty one is refused; Escape restores.
  await page.mouse.click(users.x, users.y);
  await page.keyboard.press('Escape');
  const region = await page.evaluate(() => (window as unknown as { __faultline: { regionClientRect(id: string): { x: number; y: number } | null } }).__faultline.regionClientRect('eu-west'));
  await page.mouse.click(region!.x + 30, region!.y + 10);
  const regionName = page.locator('input[data-field="region-name"]');
  await expect(regionName).toHaveValue('EU West');
  await typeInto(regionName, '');
  await expect(page.locator('[data-field-error="region-name"]')).toContainText('a region needs a name');
  await regionName.pressSequentially('Frankfurt');
  await expect(page.getByTestId('inspector-title')).toHaveText('Frankfurt');
  await regionName.press('Escape');
  await expect(regionName).toHaveValue('EU West');
  expect(await documentJson(page)).toEqual(original);

  expect(problems).toEqual([]);
});

test('a context default is told in full under its field, and a select is named by its label alone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const app = await nodeCentre(page, 'app1');
  await page.mouse.click(app.x, app.y);
  const policy = page.locator('select[data-field="cachePolicy"]');
  await expect(policy).toHaveAccessibleName('Cache policy');
  const hintId = await policy.getAttribute('aria-describedby');
  expect(hintId).toBeTruthy();
  await expect(page.locator(`[id="${hintId}"]`)).toHaveText('auto: cache-aside when a cache is linked, else none');
  await expect(page.locator(`[id="${hintId}"]`)).toBeVisible();
  await expect(page.locator('input[data-field="workers"]')).toHaveAccessibleName('Workers');
  // A distribution's mean says it is the default, as every number field does ("8 (default)"), not a bare "5".
  await expect(page.locator('input[data-field="workers"]')).toHaveAttribute('title', '8 (default)');
  await expect(page.locator('input[data-field="serviceMs.mean"]')).toHaveAttribute('title', '5 (default)');
});

const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/edits-shots';

test('an event editor holding a refused time does not close: no stray event is left where the teacher never meant it', async ({ page }) => {
  const problems = watchForErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const original = await documentJson(page);
  // "+" at 0 s, a restart of the database, and 75 typed into a 60 s run.
  await page.getByRole('button', { name: 'Add a scenario event at the playhead' }).click();
  const events = page.getByTestId('scenario-event-editor');
  const index = (await documentJson(page)).scenario.length - 1;
  expect((await documentJson(page)).scenario[index].atS).toBe(0);
  await events.getByLabel('Action').selectOption('restart');
  await events.getByLabel('Node').selectOption('db-primary');
  const at = events.getByLabel('At (s)');
  await typeInto(at, '75');
  await expect(events.getByRole('alert')).toContainText('never happens');

  // Close, Escape from another field, "+" and another marker: the editor stays, says why, and
  // hands the keyboard to the refused field; the document holds no 75 and no new event.
  await events.getByRole('button', { name: 'Close' }).click();
  await expect(events).toBeVisible();
  await expect(events.getByTestId('editor-blocked')).toContainText('At (s) still holds a value that was refused');
  await expect(at).toBeFocused();
  await expect(at).toHaveValue('75');
  await page.screenshot({ path: `${SHOTS}/event-close-refused.png` });
  await events.getByLabel('Action').press('Escape');
  await expect(events).toBeVisible();
  await page.getByRole('button', { name: 'Add a scenario event at the playhead' }).click();
  await expect(events).toBeVisible();
  await page.getByRole('button', { name: /^Scenario event at/ }).first().click();
  await expect(events).toHaveAttribute('aria-label', `Scenario event ${index + 1}`);
  expect((await documentJson(page)).scenario).toHaveLength(original.scenario.length + 1);
  expect((await documentJson(page)).scenario[index].atS).toBe(0);

  // Fixed, the editor closes; the new event is where it was meant, and one undo per edit.
  await typeInto(at, '25');
  await expect(events.getByTestId('editor-blocked')).toHaveCount(0);
  await events.getByRole('button', { name: 'Close' }).click();
  await expect(events).toHaveCount(0);
  const added = (await documentJson(page)).scenario[index];
  expect(added).toMatchObject({ atS: 25, action: 'restart', target: 'db-primary' });

  // Escape in the refused field puts back the saved time; then the editor closes on Close.
  await page.getByRole('button', { name: /^Scenario event at 25\.0 s/ }).click();
  await typeInto(at, '99');
  await events.getByRole('button', { name: 'Close' }).click();
  await expect(events).toBeVisible();
  await at.press('Escape');
  await expect(at).toHaveValue('25');
  await events.getByRole('button', { name: 'Close' }).click();
  await expect(events).toHaveCount(0);
  expect((await documentJson(page)).scenario[index].atS).toBe(25);
  expect(problems).toEqual([]);
});

test('a check whose window is refused does not close on Done, so it is never saved as a whole-run check by mistake', async ({ page }) => {
  const problems = watchForErrors(page);
  const editor = await openNewCheck(page);
  const checkIndex = (await documentJson(page)).checks.length - 1;
  const from = editor.getByTestId('check-from');
  await typeInto(from, '75');
  await expect(editor.getByRole('alert')).toHaveText('From must be before the end of the run (60 s)');
  await editor.getByRole('button', { name: 'Done' }).click();
  await expect(editor).toBeVisible();
  await expect(editor.getByTestId('editor-blocked')).toContainText('From (s) still holds a value that was refused');
  await expect(from).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/check-done-refused.png` });
  // Nor does "Add check" or another check's pencil take the editor away.
  await page.getByTestId('add-check').click();
  await page.getByRole('button', { name: /^Edit check/ }).first().click();
  await expect(editor).toHaveCount(1);
  await expect(editor.getByTestId('check-from')).toHaveValue('75');
  expect((await documentJson(page)).checks).toHaveLength(checkIndex + 1);
  // Fixed: a window in the run, saved, and Done closes.
  await typeInto(from, '20');
  await editor.getByTestId('check-to').click();
  await editor.getByTestId('check-to').pressSequentially('40');
  await editor.getByRole('button', { name: 'Done' }).click();
  await expect(editor).toHaveCount(0);
  expect((await documentJson(page)).checks[checkIndex]).toMatchObject({ fromS: 20, toS: 40 });
  expect(problems).toEqual([]);
});

test('a check window\'s refused To marks To alone, and the message describes it', async ({ page }) => {
  const problems = watchForErrors(page);
  const editor = await openNewCheck(page);
  const from = editor.getByTestId('check-from');
  const to = editor.getByTestId('check-to');
  await typeInto(to, '999');
  const alert = editor.getByRole('alert');
  await expect(alert).toHaveText('To must be at most the end of the run (60 s)');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(to).toHaveAccessibleDescription('To must be at most the end of the run (60 s)');
  await expect(from).toHaveAttribute('aria-invalid', 'false');
  await editor.getByRole('button', { name: 'Done' }).click();
  await expect(editor.getByTestId('editor-blocked')).toContainText('To (s) still holds a value that was refused');
  // From after To: the relation is To's to fix.
  await typeInto(to, '10');
  await typeInto(from, '30');
  await expect(alert).toHaveText('To must be after From');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(from).toHaveAttribute('aria-invalid', 'false');
  expect(problems).toEqual([]);
});

test('Add check in a small window brings the new check\'s editor into view, its first field focused', async ({ page }) => {
  const problems = watchForErrors(page);
  await page.setViewportSize({ width: 1024, height: 640 });
  const editor = await openNewCheck(page);
  // The whole editor, Done included, is on screen: it opened below the last row, under the fold.
  await expect(editor.getByRole('button', { name: 'Done' })).toBeInViewport({ ratio: 1 });
  await expect(editor.getByTestId('check-metric')).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/check-added-small-window.png` });
  expect(problems).toEqual([]);
});

test('selecting another node while an inspector field holds a refused value says the value was not applied', async ({ page }) => {
  const problems = watchForErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const users = await nodeCentre(page, 'users-eu');
  await page.mouse.click(users.x, users.y);
  const rps = page.getByTestId('inspector').getByRole('textbox', { name: 'Requests per second' });
  const saved = await rps.inputValue();
  await typeInto(rps, '-9');
  await page.keyboard.press('Tab');
  await expect(rps).toHaveAttribute('aria-invalid', 'true');
  const dns = await nodeCentre(page, 'dns');
  await page.mouse.click(dns.x, dns.y);
  await expect(page.getByTestId('inspector-title')).toHaveText('DNS');
  await expect(page.getByTestId('file-notice')).toContainText('Requests per second of Users (EU): “-9” was refused and not applied, so it keeps its saved value.');
  // What it kept.
  await page.mouse.click(users.x, users.y);
  await expect(rps).toHaveValue(saved);
  // A valid value, or none refused: switching says nothing.
  await page.getByTestId('file-notice').getByRole('button').first().click();
  await page.mouse.click(dns.x, dns.y);
  await expect(page.getByTestId('file-notice')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('several app servers selected: their Service time shapes show as mixed, and a new mean keeps each one\'s shape (a lognormal was overwritten)', async ({ page }) => {
  const problems = watchForErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const configOf = async (id: string) => (await documentJson(page)).nodes.find((node) => node.id === id)?.config ?? {};
  const shape = page.locator('select[data-field="serviceMs.dist"]');
  const mean = page.locator('input[data-field="serviceMs.mean"]');

  const app1 = await nodeCentre(page, 'app1');
  await page.mouse.click(app1.x, app1.y);
  await shape.selectOption('lognormal');
  expect((await configOf('app1')).serviceMs).toEqual({ dist: 'lognormal', mean: 5 });
  await page.keyboard.down('Shift');
  for (const id of ['app2', 'app3']) {
    const centre = await nodeCentre(page, id);
    await page.mouse.click(centre.x, centre.y);
  }
  await page.keyboard.up('Shift');
  await expect(page.locator('.inspector-header')).toContainText('3 × App server');
  await expect(shape).toHaveValue('__mixed');
  await expect(shape.locator('option:checked')).toHaveText('mixed');
  await expect(mean).toHaveAttribute('placeholder', 'mixed');

  await typeInto(mean, '7');
  await mean.press('Enter');
  await expect.poll(async () => (await configOf('app1')).serviceMs).toEqual({ dist: 'lognormal', mean: 7 });
  // app2 and app3 had the default (exp 5): each keeps its own shape with the new mean.
  expect((await configOf('app2')).serviceMs).toEqual({ dist: 'exp', mean: 7 });
  expect((await configOf('app3')).serviceMs).toEqual({ dist: 'exp', mean: 7 });

  // A shape chosen for all keeps each one's mean.
  await shape.selectOption('const');
  await expect.poll(async () => (await configOf('app1')).serviceMs).toEqual({ dist: 'const', mean: 7 });
  // Undo gives each node its own shape back (edits of one field in a row are one step).
  await page.getByTestId('undo').click();
  await expect.poll(async () => ((await configOf('app1')).serviceMs as { dist: string }).dist).toBe('lognormal');
  expect(((await configOf('app2')).serviceMs as { dist: string } | undefined)?.dist ?? 'exp').toBe('exp');
  expect(problems).toEqual([]);
});
