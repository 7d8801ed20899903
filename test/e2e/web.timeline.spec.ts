import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { documentText, nodeCentre, openFileText } from './pageHelpers';

/**
 * The timeline's markers and the check editor speak the user's node names, and a click on the
 * track beside a marker seeks there: only the marker itself opens the event editor.
 */
type Live = { controller: { model: { frame: { timeMs: number } | null } } };

async function timeMs(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __faultlineLive: Live }).__faultlineLive.controller.model.frame?.timeMs ?? 0);
}


/**
 * The classic stack, ten minutes long at five times its load: a seek to 9 minutes re-simulates
 * about half a million requests, seconds of work here.
 */
async function openLongStack(page: Page): Promise<void> {
  const doc = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'examples', 'classic-web-stack.faultline'), 'utf8')) as { durationS: number; nodes: { kind: string; config?: { rps?: number } }[] };
  doc.durationS = 600;
  for (const node of doc.nodes) if (node.kind === 'client') node.config = { ...node.config, rps: (node.config?.rps ?? 100) * 5 };
  await openFileText(page, 'long-stack.faultline', JSON.stringify(doc));
  await expect(page.getByTestId('live-clock')).toContainText('/ 10:00.0');
}

async function rename(page: Page, id: string, name: string) {
  const rect = await page.evaluate((nodeId) => (window as unknown as { __faultline: { nodeClientRect(id: string): { x: number; y: number; width: number; height: number } | null } }).__faultline.nodeClientRect(nodeId), id);
  if (rect === null) throw new Error(`no node ${id} on the canvas`);
  await page.mouse.dblclick(rect.x + rect.width / 2, rect.y + rect.height / 2);
  const field = page.getByTestId('rename-field');
  await field.fill(name);
  await field.press('Enter');
  await expect(field).toHaveCount(0);
}

test('timeline markers and the check editor name renamed nodes', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await rename(page, 'app2', 'App B');

  // The default sandbox crashes app2 at 20 s and restarts it at 40 s.
  const crash = page.getByRole('button', { name: 'Scenario event at 20.0 s: crash App B' });
  await expect(crash).toBeVisible();
  await expect(crash).toHaveAttribute('title', /^20\.0 s — crash App B: /);
  await expect(page.getByRole('button', { name: 'Scenario event at 40.0 s: restart App B' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Scenario event at .*app2/ })).toHaveCount(0);

  // A new check on a node: its label's placeholder (the check in words) names the node.
  await page.getByRole('tab', { name: 'Checks' }).click();
  await page.getByTestId('add-check').click();
  const editor = page.getByTestId('check-editor');
  await editor.getByTestId('check-metric').selectOption({ label: 'Utilization' });
  await editor.getByTestId('check-node').selectOption('app2');
  await expect(editor.getByTestId('check-label')).toHaveAttribute('placeholder', /^Utilization of App B /);
});

test('a click on the track just beside a marker seeks; a click on the marker opens its editor', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const bar = page.getByTestId('live-timeline');
  const marker = page.getByRole('button', { name: /Scenario event at 20\.0 s: crash/ });
  const box = (await marker.boundingBox())!;
  const barBox = (await bar.boundingBox())!;
  const editor = page.getByTestId('scenario-event-editor');
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  // 5 px before the event's time, beside the marker's coloured face: the track — a seek to just before 20 s.
  const x = centre.x - 5;
  await page.mouse.click(x, centre.y);
  await expect(editor).toHaveCount(0);
  const expected = ((x - barBox.x) / barBox.width) * 60_000;
  await expect.poll(() => timeMs(page)).toBeGreaterThan(expected - 1_000);
  expect(await timeMs(page)).toBeLessThan(20_000);

  // On the marker: its editor.
  await page.mouse.click(centre.x, centre.y);
  await expect(editor).toBeVisible();
});

test('Space plays and pauses after a click on the timeline (the slider keeps focus)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const barBox = (await page.getByTestId('live-timeline').boundingBox())!;
  await page.mouse.click(barBox.x + barBox.width * 0.25, barBox.y + barBox.height / 2);
  await expect.poll(() => timeMs(page)).toBeGreaterThan(10_000);
  const playing = () => page.evaluate(() => (window as unknown as { __faultlineLive: { controller: { model: { frame: { playing: boolean } | null } } } }).__faultlineLive.controller.model.frame?.playing ?? false);
  await page.keyboard.press('Space');
  await expect.poll(playing).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(playing).toBe(false);
});

test('redo of an added event brings it back without reopening its editor (the keyboard stays with the canvas)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const scenarioLength = () => page.evaluate(() => (JSON.parse((window as unknown as { __faultline: { documentText(): string } }).__faultline.documentText()) as { scenario: unknown[] }).scenario.length);
  const before = await scenarioLength();
  await page.getByRole('button', { name: 'Add a scenario event at the playhead' }).click();
  const editor = page.getByTestId('scenario-event-editor');
  await expect(editor).toBeVisible();
  // Back to the canvas with the editor still open, then undo and redo from the keyboard.
  await page.locator('[data-testid="sandbox-canvas"] canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect.poll(scenarioLength).toBe(before);
  await expect(editor).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(scenarioLength).toBe(before + 1);
  await expect(editor).toHaveCount(0);
  // The keyboard is still the canvas's: another undo reaches the document.
  await page.keyboard.press('Control+z');
  await expect.poll(scenarioLength).toBe(before);
});

test('events at the same moment sit side by side on the timeline, each visible and clickable', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  // The default sandbox crashes app2 at 20 s; a teacher narrates that very moment.
  const crash = page.getByRole('button', { name: /^Scenario event at 20\.0 s: crash/ });
  await page.getByRole('button', { name: 'Add a scenario event at the playhead' }).click();
  const editor = page.getByTestId('scenario-event-editor');
  const at = editor.getByLabel('At (s)');
  await at.fill('20');
  await at.press('Tab');
  await editor.getByLabel('Narration').fill('App 2 dies here.');
  await editor.getByLabel('Narration').press('Tab');
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  const note = page.getByRole('button', { name: 'Scenario event at 20.0 s: note' });
  await expect(note).toBeVisible();

  const crashBox = (await crash.boundingBox())!;
  const noteBox = (await note.boundingBox())!;
  // Apart, not stacked: neither covers any of the other's face…
  expect(crashBox.x + crashBox.width <= noteBox.x || noteBox.x + noteBox.width <= crashBox.x, `crash ${JSON.stringify(crashBox)} and note ${JSON.stringify(noteBox)} overlap`).toBe(true);
  // …and together they straddle 20 s, so both still read as "at 20 s".
  const barBox = (await page.getByTestId('live-timeline').boundingBox())!;
  const twentyS = barBox.x + (20 / 60) * barBox.width;
  expect(Math.min(crashBox.x, noteBox.x)).toBeLessThan(twentyS);
  expect(Math.max(crashBox.x + crashBox.width, noteBox.x + noteBox.width)).toBeGreaterThan(twentyS);
  // A click on each opens that event, not the one drawn over it.
  await page.mouse.click(crashBox.x + crashBox.width / 2, crashBox.y + crashBox.height / 2);
  await expect(editor.getByLabel('Action')).toHaveValue('crash');
  await page.keyboard.press('Escape');
  await page.mouse.click(noteBox.x + noteBox.width / 2, noteBox.y + noteBox.height / 2);
  await expect(editor.getByLabel('Action')).toHaveValue('note');
});

test('markers at exactly 0 s are whole inside the bar, side by side, and clear of the playhead', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  // Two events at 0 s, added with "+" while the playhead is parked at the start.
  const editor = page.getByTestId('scenario-event-editor');
  for (const action of ['crash', 'note']) {
    await page.getByRole('button', { name: 'Add a scenario event at the playhead' }).click();
    // (A note left blank is taken back when its editor closes: this one says something.)
    if (action === 'note') {
      await editor.getByLabel('Narration').fill('The run starts.');
      await editor.getByLabel('Narration').press('Tab');
    } else {
      await editor.getByLabel('Action').selectOption(action);
    }
    await page.keyboard.press('Escape');
    await expect(editor).toHaveCount(0);
  }
  const bar = page.getByTestId('live-timeline');
  const barBox = (await bar.boundingBox())!;
  await page.screenshot({ path: `${process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/edits-shots'}/markers-at-0.png`, clip: { x: barBox.x - 12, y: barBox.y - 8, width: 260, height: barBox.height + 16 } });
  const inner = await bar.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { left: rect.left + element.clientLeft, right: rect.left + element.clientLeft + element.clientWidth };
  });
  const playhead = (await bar.locator('.live-playhead').boundingBox())!;
  const faces = [];
  for (const name of [/^Scenario event at 0\.0 s: crash/, /^Scenario event at 0\.0 s: note$/]) {
    const box = (await page.getByRole('button', { name }).boundingBox())!;
    // The face and its 2 px ring inside the bar's border, none of it under the playhead.
    expect(box.x - 2, `${name} at ${box.x}, the bar's inside from ${inner.left}`).toBeGreaterThanOrEqual(inner.left - 0.5);
    expect(box.x + box.width + 2).toBeLessThanOrEqual(inner.right + 0.5);
    expect(box.x - 2 >= playhead.x + playhead.width || box.x + box.width + 2 <= playhead.x, `${name} ${JSON.stringify(box)} under the playhead ${JSON.stringify(playhead)}`).toBe(true);
    faces.push(box);
  }
  expect(faces[0].x + faces[0].width <= faces[1].x || faces[1].x + faces[1].width <= faces[0].x).toBe(true);
});

test('+ then Escape adds nothing (a blank note does nothing); an event given a narration stays', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const scenarioLength = () => page.evaluate(() => (JSON.parse((window as unknown as { __faultline: { documentText(): string } }).__faultline.documentText()) as { scenario: unknown[] }).scenario.length);
  const before = await scenarioLength();
  const add = page.getByRole('button', { name: 'Add a scenario event at the playhead' });
  const editor = page.getByTestId('scenario-event-editor');
  await add.click();
  await expect(editor).toBeVisible();
  expect(await scenarioLength()).toBe(before + 1);
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  expect(await scenarioLength()).toBe(before);
  // Nothing to undo either: the add left no step behind (the title bar shows no unsaved change).
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  await add.click();
  await editor.getByLabel('Narration').fill('Watch the load balancer.');
  await editor.getByLabel('Narration').press('Tab');
  await editor.getByRole('button', { name: 'Close' }).click();
  await expect(editor).toHaveCount(0);
  expect(await scenarioLength()).toBe(before + 1);
});

test('+, an edit taken back with Escape, then Escape adds nothing either (a blank note was left at the playhead)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const scenarioLength = async () => (JSON.parse(await documentText(page)) as { scenario: unknown[] }).scenario.length;
  const before = await scenarioLength();
  const editor = page.getByTestId('scenario-event-editor');
  await page.getByRole('button', { name: 'Add a scenario event at the playhead' }).click();
  await expect(editor).toBeVisible();
  // The time field has the focus: 45 typed, then Escape puts back the time it had.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('45');
  await expect(page.getByRole('button', { name: /^Scenario event at 45\.0 s/ })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /^Scenario event at 45\.0 s/ })).toHaveCount(0);
  await expect(editor).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  expect(await scenarioLength()).toBe(before);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('Delete on a focused marker deletes its event, not the nodes selected on the canvas', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const doc = async () => JSON.parse(await documentText(page)) as { nodes: { id: string }[]; scenario: { atS: number; action: string }[] };
  const nodesBefore = (await doc()).nodes.map((node) => node.id);
  // app1 selected on the canvas; then the crash's marker opened and its editor closed with
  // Escape, which gives the focus back to the marker.
  const app1 = await nodeCentre(page, 'app1');
  await page.mouse.click(app1.x, app1.y);
  await expect(page.getByTestId('inspector')).toContainText('app1');
  const crash = page.getByRole('button', { name: /^Scenario event at 20\.0 s: crash/ });
  await crash.click();
  const editor = page.getByTestId('scenario-event-editor');
  await expect(editor).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(crash).toBeFocused();

  await page.keyboard.press('Delete');
  await expect(crash).toHaveCount(0);
  expect((await doc()).nodes.map((node) => node.id)).toEqual(nodesBefore);
  expect((await doc()).scenario.some((event) => event.action === 'crash')).toBe(false);
  // Focus is on the bar, where Delete means nothing: pressed again, it deletes nothing.
  await expect(page.getByTestId('live-timeline')).toBeFocused();
  await page.keyboard.press('Delete');
  expect((await doc()).nodes.map((node) => node.id)).toEqual(nodesBefore);
  // One undoable step.
  await page.keyboard.press('Control+z');
  await expect(crash).toHaveCount(1);
});

test('quick presses of the timeline keys each count, before the frames catch up', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const bar = page.getByTestId('live-timeline');
  await bar.focus();
  await page.keyboard.press('PageUp');
  await expect(bar).toHaveAttribute('aria-valuenow', '10');
  // Five → at once: each steps from where the one before asked to be, not from the last frame.
  for (let press = 0; press < 5; press++) await page.keyboard.press('ArrowRight');
  await expect(bar).toHaveAttribute('aria-valuenow', '15');
  // → right after Home steps from 0, not from where the run was before Home.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(bar).toHaveAttribute('aria-valuenow', '1');
  await page.keyboard.press('End');
  await page.keyboard.press('PageDown');
  await expect(bar).toHaveAttribute('aria-valuenow', '50');
});

test('a seek that takes a while shows how far it has got, in place of the run’s length, until it lands', async ({ page }) => {
  await openLongStack(page);

  const barBox = (await page.getByTestId('live-timeline').boundingBox())!;
  await page.mouse.click(barBox.x + barBox.width * 0.9, barBox.y + barBox.height / 2);
  const progress = page.getByRole('progressbar', { name: /^Simulating to 9:0\d\.\d$/ });
  await expect(progress).toBeVisible();
  const percent = Number(await progress.getAttribute('aria-valuenow'));
  expect(percent).toBeGreaterThanOrEqual(0);
  expect(percent).toBeLessThan(100);
  await expect(progress).toContainText(`${percent} %`);
  // As the percentage gains a digit the progress keeps its width: the buttons beside it keep still
  // (they moved 8 px). Widths seen from the first reading (a digit or two) until it passes 50 %.
  const widths = new Set<number>();
  await expect
    .poll(async () => {
      const box = await progress.boundingBox();
      if (box !== null) widths.add(Math.round(box.width));
      return Number((await progress.getAttribute('aria-valuenow')) ?? 100);
    }, { timeout: 60_000, intervals: [50] })
    .toBeGreaterThanOrEqual(50);
  expect([...widths]).toHaveLength(1);
  // Landed: the clock shows the time sought, and the run's length again.
  await expect(progress).toHaveCount(0, { timeout: 60_000 });
  expect(await timeMs(page)).toBeGreaterThan(530_000);
  await expect(page.getByTestId('live-clock')).toContainText('/ 10:00.0');
});

test('a seek that takes a while can be stopped where it has got to, with its button or Esc', async ({ page }) => {
  await openLongStack(page);
  const barBox = (await page.getByTestId('live-timeline').boundingBox())!;
  const progress = page.getByTestId('seek-progress');

  await page.mouse.click(barBox.x + barBox.width * 0.9, barBox.y + barBox.height / 2);
  await expect(progress).toBeVisible();
  const cancel = page.getByRole('button', { name: 'Stop seeking here (Esc)' });
  await cancel.click();
  await expect(progress).toHaveCount(0);
  await expect(cancel).toHaveCount(0);
  await expect(page.getByTestId('live-play')).toBeFocused();
  const stoppedAt = await timeMs(page);
  expect(stoppedAt).toBeGreaterThan(0);
  expect(stoppedAt).toBeLessThan(530_000);
  await expect(page.getByTestId('live-clock')).toContainText('/ 10:00.0');
  // It stays there (nothing lands later), and the run goes on from there.
  await page.waitForTimeout(1_000);
  expect(await timeMs(page)).toBe(stoppedAt);
  await page.keyboard.press('F10');
  await expect.poll(() => timeMs(page)).toBe(stoppedAt + 100);

  // Esc, with the focus anywhere but a text field or a dialog.
  await page.mouse.click(barBox.x + barBox.width * 0.95, barBox.y + barBox.height / 2);
  await expect(progress).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(progress).toHaveCount(0);
  const escapedAt = await timeMs(page);
  expect(escapedAt).toBeLessThan(560_000);
  await page.waitForTimeout(1_000);
  expect(await timeMs(page)).toBe(escapedAt);
});
