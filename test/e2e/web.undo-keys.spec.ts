import { expect, test, type Page } from '@playwright/test';
import { documentText, nodeCentre, typeInto, watchForProblems } from './pageHelpers';

/**
 * Ctrl+Z and Ctrl+Shift+Z on a menu or a check box of the scenario event editor, the check editor
 * or the inspector undo and redo the document, as on the canvas. They did nothing there; worse,
 * the browser's own page-wide text undo then took back characters typed into the narration.
 */
const scenario = async (page: Page) => JSON.parse(await documentText(page)).scenario as Record<string, unknown>[];

/** The app with a new note event added at the playhead, its editor open. */
async function newNoteEditor(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.getByRole('button', { name: 'Add a scenario event at the playhead' }).click();
  const editor = page.getByTestId('scenario-event-editor');
  return { editor, narration: editor.getByRole('textbox', { name: 'Narration' }) };
}

test("undo and redo keys on the event editor's menus and check boxes undo the document, and leave the narration alone", async ({ page }) => {
  const problems = watchForProblems(page);
  const { editor, narration } = await newNoteEditor(page);
  await narration.click();
  await narration.pressSequentially('Back up.');
  const action = editor.getByRole('combobox', { name: 'Action' });
  await action.focus();
  const typed = await documentText(page);
  expect((await scenario(page)).at(-1)).toEqual({ atS: 0, action: 'note', note: 'Back up.' });

  await action.selectOption('crash');
  expect((await scenario(page)).at(-1)).toMatchObject({ action: 'crash', note: 'Back up.' });
  await page.keyboard.press('Control+z');
  await expect.poll(() => documentText(page)).toBe(typed);
  await expect(action).toHaveValue('note');
  await expect(narration).toHaveValue('Back up.');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await scenario(page)).at(-1)).toMatchObject({ action: 'crash', note: 'Back up.' });

  // The pause check box: the same.
  const pause = editor.getByRole('checkbox', { name: 'Pause playback here' });
  await pause.check();
  expect((await scenario(page)).at(-1)).toMatchObject({ pause: true });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await scenario(page)).at(-1)?.pause).toBeUndefined();
  await expect(pause).not.toBeChecked();
  await expect(narration).toHaveValue('Back up.');
  expect(problems).toEqual([]);
});

test("undo on the check editor's Metric menu undoes the metric change", async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.getByRole('tab', { name: 'Checks' }).click();
  await page.getByRole('button', { name: 'Add check' }).click();
  const checkEditor = page.getByTestId('check-editor');
  const added = await documentText(page);
  const metric = checkEditor.getByTestId('check-metric');
  await metric.selectOption('latency.p99');
  expect(await documentText(page)).not.toBe(added);
  await page.keyboard.press('Control+z');
  await expect.poll(() => documentText(page)).toBe(added);
  await expect(metric).toHaveValue('availability');
});

test('Ctrl+Z in an inspector number field undoes whole values, never a character at a time', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const users = await nodeCentre(page, 'users-eu');
  await page.mouse.click(users.x, users.y);
  const rps = page.getByTestId('inspector').getByRole('textbox', { name: 'Requests per second' });
  const documentRps = async () => (JSON.parse(await documentText(page)) as { nodes: { id: string; config: { rps?: number } }[] }).nodes.find((node) => node.id === 'users-eu')!.config.rps;
  const original = await documentRps();
  await typeInto(rps, '150');
  await rps.press('Enter');
  await typeInto(rps, '300');
  await rps.press('Enter');
  expect(await documentRps()).toBe(300);

  // The browser's text undo would make this 30, then 3, each applied to the design.
  await rps.press('Control+z');
  await expect(rps).toHaveValue('150');
  expect(await documentRps()).toBe(150);
  await rps.press('Control+z');
  expect(await documentRps()).toBe(original);
  await rps.press('Control+Shift+z');
  await expect(rps).toHaveValue('150');
  expect(await documentRps()).toBe(150);

  // Typing not yet confirmed is taken back first, to the value before it.
  await typeInto(rps, '450');
  expect(await documentRps()).toBe(450);
  await rps.press('Control+z');
  await expect(rps).toHaveValue('150');
  expect(await documentRps()).toBe(150);
  await expect(rps).toBeFocused();
  // So is refused text, which never reached the document: the 150 before it stays.
  await rps.press('Control+a');
  await rps.pressSequentially('x');
  await expect(rps).toHaveAttribute('aria-invalid', 'true');
  await rps.press('Control+z');
  await expect(rps).toHaveValue('150');
  expect(await documentRps()).toBe(150);
  expect(problems).toEqual([]);
});

test("Ctrl+Z in a check's From field takes back the typing, then undoes the document: never a character at a time", async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.getByRole('tab', { name: 'Checks' }).click();
  await page.getByRole('button', { name: 'Add check' }).click();
  const from = page.getByTestId('check-editor').getByTestId('check-from');
  const checkFrom = async () => (JSON.parse(await documentText(page)) as { checks: { fromS?: number }[] }).checks.at(-1)!.fromS;
  await typeInto(from, '10');
  await from.press('Tab');
  expect(await checkFrom()).toBe(10);
  await typeInto(from, '25');
  expect(await checkFrom()).toBe(25);
  // The browser's text undo would make it 2, then put back characters one by one.
  await from.press('Control+z');
  await expect(from).toHaveValue('10');
  expect(await checkFrom()).toBe(10);
  await from.press('Control+z');
  await expect(from).toHaveValue('');
  expect(await checkFrom()).toBeUndefined();
  await from.press('Control+Shift+z');
  await expect(from).toHaveValue('10');
  expect(problems).toEqual([]);
});

test("Ctrl+Z in the narration undoes whole narrations, and never replays typing over a value the toolbar's undo put there", async ({ page }) => {
  const problems = watchForProblems(page);
  const { narration } = await newNoteEditor(page);
  const note = async () => (await scenario(page)).at(-1)?.note;
  await narration.click();
  await narration.pressSequentially('Back up.');
  await narration.press('Tab');
  // A paste over the whole text: one insertion in the browser's own history.
  await narration.click();
  await narration.press('Control+a');
  await page.keyboard.insertText('New narration');
  await narration.press('Tab');
  expect(await note()).toBe('New narration');
  await page.getByTestId('undo').click();
  await expect(narration).toHaveValue('Back up.');

  // The browser's history would take back the paste over the value the undo put there:
  // "Back up.Back up.", written into the design.
  await narration.click();
  await narration.press('Control+z');
  await expect(narration).toHaveValue('');
  expect(await note()).toBeUndefined();
  await narration.press('Control+Shift+z');
  await expect(narration).toHaveValue('Back up.');
  expect(await note()).toBe('Back up.');

  // Typing not yet confirmed goes first, as a whole.
  await narration.pressSequentially(' Now.');
  expect(await note()).toBe('Back up. Now.');
  await narration.press('Control+z');
  await expect(narration).toHaveValue('Back up.');
  expect(await note()).toBe('Back up.');
  await expect(narration).toBeFocused();
  expect(problems).toEqual([]);
});
