import { expect, test, type Locator, type Page } from '@playwright/test';
import { documentText, menu, watchForProblems } from './pageHelpers';

/**
 * What the editor tells the user, and where: a new region never takes in nodes; an edit that
 * does change which region nodes are in says so, and its notice goes with Undo; notices do not
 * stack or linger and stay over the canvas (never over the inspector or the charts); the
 * keyboard-link prompt is not styled as an error; Duplicate puts the copy beside the original.
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/live';

type Box = { x: number; y: number; width: number; height: number };
type Win = { __faultline: { nodeClientRect(id: string): Box | null; regionClientRect(id: string): Box | null } };

const nodeBox = (page: Page, id: string) => page.evaluate((nodeId) => (window as unknown as Win).__faultline.nodeClientRect(nodeId), id);
const regionBox = (page: Page, id: string) => page.evaluate((regionId) => (window as unknown as Win).__faultline.regionClientRect(regionId), id);
const regionsOf = async (page: Page) => Object.fromEntries((JSON.parse(await documentText(page)) as { nodes: { id: string; region?: string }[] }).nodes.map((node) => [node.id, node.region ?? null]));
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const within = (inner: Box, outer: Box) => inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
const box = async (locator: Locator) => (await locator.boundingBox())!;

async function ready(page: Page) {
  await page.goto('/');
  await expect(page.locator('[data-testid="sandbox-canvas"] canvas')).toHaveAttribute('data-renderer', 'webgl');
  await expect(page.getByTestId('live-play')).toBeEnabled();
}

test('a new region takes in no node; resizing one over nodes says so, and Undo takes the notice away', async ({ page }) => {
  const problems = watchForProblems(page);
  await ready(page);
  const before = await regionsOf(page);
  await page.locator('[data-kind="region"]').click();
  await expect(page.getByTestId('status-counts')).toHaveText('12 nodes · 19 links');
  // The new region is in the document and in view, and every node is in the region it was in.
  const doc = JSON.parse(await documentText(page)) as { regions: { id: string }[] };
  expect(doc.regions.map((region) => region.id)).toEqual(['eu-west', 'us-east', 'region']);
  expect(await regionsOf(page)).toEqual(before);
  const workspace = await box(page.locator('.workspace'));
  const added = (await regionBox(page, 'region'))!;
  expect(within(added, workspace)).toBe(true);
  await expect(page.getByTestId('file-notice')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/notices-region-added.png` });

  // Drag its corner grip over the EU users: they move from EU West to the new region, and a notice says so.
  const users = (await nodeBox(page, 'users-eu'))!;
  await page.mouse.move(added.x + added.width - 3, added.y + added.height - 3);
  await page.mouse.down();
  await page.mouse.move(users.x + users.width + 30, users.y + users.height + 30, { steps: 8 });
  await page.mouse.up();
  // The grip can only grow the box right and down; it reached the users only if they lie that way.
  const moved = Object.entries(await regionsOf(page)).filter(([id, region]) => region !== before[id]);
  const notice = page.getByTestId('file-notice');
  if (moved.length === 0) {
    // Region placed right of / below the users: move the EU users into it instead.
    const target = (await regionBox(page, 'region'))!;
    await page.mouse.move(users.x + users.width / 2, users.y + users.height / 2);
    await page.mouse.down();
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 10 });
    await page.mouse.up();
  }
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText(/joined “Region”|moved from “EU West” to “Region”/);
  await expect(notice).toContainText('Traffic between regions takes 75 ms per hop, inside a region 0.5 ms (Network delays, in the document settings).');
  expect(within(await box(notice), workspace)).toBe(true);
  await page.screenshot({ path: `${SHOTS}/notices-region-joined.png` });
  await page.keyboard.press('Control+z');
  await expect(notice).toHaveCount(0);
  expect(await regionsOf(page)).toEqual(before);
  expect(problems).toEqual([]);
});

test('notices do not stack, go with Undo and time out, and stay over the canvas, clear of the inspector and charts', async ({ page }) => {
  const problems = watchForProblems(page);
  await ready(page);
  const app2 = (await nodeBox(page, 'app2'))!;
  const notice = page.getByTestId('file-notice');
  for (let round = 0; round < 2; round++) {
    await page.mouse.click(app2.x + app2.width / 2, app2.y + app2.height / 2);
    await page.keyboard.press('Delete');
    await expect(notice).toHaveCount(1);
    await expect(notice).toContainText('Also deleted: 2 scenario events');
    if (round === 0) {
      // Undo brings the events back: the notice saying they went goes too.
      await page.keyboard.press('Control+z');
      await expect(notice).toHaveCount(0);
    }
  }
  // The second delete did not stack a copy, and the notice is over the canvas, not the panels.
  await expect(notice).toHaveCount(1);
  const workspace = await box(page.locator('.workspace'));
  expect(within(await box(notice), workspace)).toBe(true);
  expect(overlaps(await box(notice), await box(page.getByTestId('bottom-dock')))).toBe(false);
  await page.screenshot({ path: `${SHOTS}/notices-delete.png` });
  // It is information, not an error: it times out (and has a close button meanwhile).
  await expect(notice.getByRole('button', { name: 'Dismiss' })).toBeVisible();
  await expect(notice).toHaveCount(0, { timeout: 15_000 });
  expect(problems).toEqual([]);
});

test('the keyboard-link prompt is neutral, a refusal is red, and the hint sits above a caption, not under it', async ({ page }) => {
  const problems = watchForProblems(page);
  await ready(page);
  const lb = (await nodeBox(page, 'lb'))!;
  await page.mouse.click(lb.x + lb.width / 2, lb.y + lb.height / 2);
  await page.keyboard.press('l');
  const hint = page.getByTestId('canvas-hint');
  // The first target offered is already linked: a refusal.
  await expect(hint).toHaveAttribute('data-tone', 'refusal');
  const red = await hint.evaluate((element) => getComputedStyle(element).backgroundColor);
  // A new app server, unlinked, may link to most nodes: the hint is then a prompt.
  await page.locator('[data-kind="app"]').click();
  const added = JSON.parse(await documentText(page)) as { nodes: { id: string }[] };
  const fresh = (await nodeBox(page, added.nodes[added.nodes.length - 1].id))!;
  await page.mouse.click(fresh.x + fresh.width / 2, fresh.y + fresh.height / 2);
  await page.keyboard.press('l');
  for (let tries = 0; tries < 12 && (await hint.getAttribute('data-tone')) !== 'prompt'; tries++) await page.keyboard.press('Tab');
  await expect(hint).toContainText('Enter links');
  await expect(hint).toHaveAttribute('data-tone', 'prompt');
  const neutral = await hint.evaluate((element) => getComputedStyle(element).backgroundColor);
  const panel = await page.locator('.canvas-toolbar').evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(neutral).not.toBe(red);
  expect(neutral).toBe(panel);
  await page.screenshot({ path: `${SHOTS}/notices-kbd-link.png` });
  await page.keyboard.press('Escape');

  // Play until the scenario's pause at 20 s: its caption is up; a hint then stacks above it
  // (the refused-link hint used to be drawn under the captions).
  await page.getByRole('radio', { name: 'Max' }).click();
  await page.getByTestId('live-play').click();
  const caption = page.getByTestId('live-caption');
  await expect(caption).toContainText('app2 crashes', { timeout: 30_000 });
  await page.mouse.click(lb.x + lb.width / 2, lb.y + lb.height / 2);
  await page.keyboard.press('l');
  await expect(hint).toBeVisible();
  await expect(caption).toBeVisible();
  expect(overlaps(await box(hint), await box(caption))).toBe(false);
  await page.screenshot({ path: `${SHOTS}/notices-hint-over-caption.png` });
  expect(problems).toEqual([]);
});

test('Duplicate puts the copy beside the original, clear of it and inside the view', async ({ page }) => {
  const problems = watchForProblems(page);
  await ready(page);
  const original = (await nodeBox(page, 'db-replica2'))!;
  await page.mouse.click(original.x + original.width / 2, original.y + original.height / 2);
  await page.keyboard.press('Control+d');
  await expect(page.getByTestId('status-counts')).toHaveText('13 nodes · 19 links');
  const doc = JSON.parse(await documentText(page)) as { nodes: { id: string }[] };
  const copyId = doc.nodes[doc.nodes.length - 1].id;
  const copy = (await nodeBox(page, copyId))!;
  expect(overlaps(copy, original)).toBe(false);
  expect(within(copy, await box(page.locator('.workspace')))).toBe(true);
  await page.screenshot({ path: `${SHOTS}/notices-duplicate.png` });
  expect(problems).toEqual([]);
});

test('inline rename refuses an empty region name as the inspector does: the reason shows, the field and the old name stay', async ({ page }) => {
  const problems = watchForProblems(page);
  await ready(page);
  const regionName = async () => (JSON.parse(await documentText(page)) as { regions: { id: string; name: string }[] }).regions.find((region) => region.id === 'eu-west')!.name;
  const label = (await regionBox(page, 'eu-west'))!;
  await page.mouse.dblclick(label.x + 40, label.y + 12);
  const field = page.getByTestId('rename-field');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('EU West');

  // Emptied: the reason shows as you type, in the inspector's words, and is the field's description.
  await field.fill('');
  const error = page.getByTestId('rename-error');
  await expect(error).toHaveText('a region needs a name');
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription('a region needs a name');
  await page.screenshot({ path: `${SHOTS}/rename-region-refused.png` });
  // Enter is refused: the field stays open with what was typed; the document keeps the name.
  await field.press('Enter');
  await expect(field).toBeVisible();
  await expect(field).toHaveValue('');
  expect(await regionName()).toBe('EU West');

  // A name again: the reason goes, Enter renames.
  await field.fill('Europe');
  await expect(error).toHaveCount(0);
  await field.press('Enter');
  await expect(field).toHaveCount(0);
  expect(await regionName()).toBe('Europe');

  // Emptied and left with a click elsewhere: nothing changes, and a notice says why.
  await page.mouse.dblclick(label.x + 40, label.y + 12);
  await expect(field).toBeFocused();
  await field.fill('   ');
  await expect(error).toHaveText('a region needs a name');
  await page.locator('[data-testid="sandbox-canvas"] canvas').click({ position: { x: 5, y: 5 } });
  await expect(field).toHaveCount(0);
  expect(await regionName()).toBe('Europe');
  await expect(page.getByTestId('file-notice')).toContainText('The region kept its name “Europe”: a region needs a name.');
  expect(problems).toEqual([]);
});

test('a second new region goes beside the first, not on it; its label selects it; a long name stays inside its box', async ({ page }) => {
  const problems = watchForProblems(page);
  await ready(page);
  await menu(page, 'File', 'New');
  await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 links');
  await page.locator('[data-kind="region"]').click();
  await page.locator('[data-kind="region"]').click();
  const doc = JSON.parse(await documentText(page)) as { regions: { id: string; name: string }[] };
  expect(doc.regions.map((region) => region.id)).toEqual(['region', 'region2']);
  const first = (await regionBox(page, 'region'))!;
  const second = (await regionBox(page, 'region2'))!;
  // They used to be the same box: the visible "REGION 2" label hid "REGION" under it.
  expect(overlaps(first, second)).toBe(false);
  const workspace = await box(page.locator('.workspace'));
  expect(within(second, workspace)).toBe(true);
  // A click on each label selects that region.
  for (const [rect, name] of [[first, 'Region'], [second, 'Region 2']] as const) {
    await page.mouse.click(rect.x + 30, rect.y + 10);
    await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(name);
  }
  // A long name: the canvas label ends in "…" inside the box (checked by eye in the screenshot).
  const field = page.getByRole('textbox', { name: 'Name', exact: true });
  await field.fill('Europe West datacenter number one, second floor, rack row B, cold aisle');
  await field.press('Enter');
  await page.screenshot({ path: `${SHOTS}/regions-two-new-long-name.png` });
  expect(problems).toEqual([]);
});

test('a region notice lasts while Undo would reverse its edit; a copy in its original’s region raises none, Duplicate or Paste alike', async ({ page }) => {
  const problems = watchForProblems(page);
  await ready(page);
  const notice = page.getByTestId('file-notice');
  const app3 = (await nodeBox(page, 'app3'))!;
  const centre = { x: app3.x + app3.width / 2, y: app3.y + app3.height / 2 };
  // Duplicate and Copy + Paste put the copy in US East, where app3 is: nothing to warn about.
  const inUsEast = async () => Object.values(await regionsOf(page)).filter((region) => region === 'us-east').length;
  const before = await inUsEast();
  await page.mouse.click(centre.x, centre.y);
  await page.keyboard.press('Control+d');
  await expect(page.getByTestId('status-counts')).toHaveText('13 nodes · 19 links');
  await page.mouse.click(centre.x, centre.y);
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('status-counts')).toHaveText('14 nodes · 19 links');
  expect(await inUsEast()).toBe(before + 2);
  await expect(notice).toHaveCount(0);

  // A new region over nothing, then the pasted copy moved into it: the notice names the move.
  await page.locator('[data-kind="region"]').click();
  const target = (await regionBox(page, 'region'))!;
  const pasted = (JSON.parse(await documentText(page)) as { nodes: { id: string }[] }).nodes.at(-1)!.id;
  const copy = (await nodeBox(page, pasted))!;
  await page.mouse.move(copy.x + copy.width / 2, copy.y + copy.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 10 });
  await page.mouse.up();
  await expect(notice).toContainText('moved from “US East” to “Region”');
  // Another edit after it (the copy cut away): Undo would now take back the cut, not the move, so the notice goes.
  await page.keyboard.press('Control+x');
  await expect(page.getByTestId('status-counts')).toHaveText('13 nodes · 19 links');
  // At once, not after its ten seconds run out.
  expect(await notice.count()).toBe(0);
  expect(problems).toEqual([]);
});

test('a notice raised while a scenario event editor is open is drawn over the editor, not behind it', async ({ page }) => {
  const problems = watchForProblems(page);
  // Without the File System Access API, Save downloads the file and says so in a notice.
  await page.addInitScript(() => {
    delete (window as unknown as Record<string, unknown>).showOpenFilePicker;
    delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
  });
  await ready(page);
  await page.getByRole('button', { name: /Scenario event at 20\.0 s: crash/ }).click();
  const editor = page.getByTestId('scenario-event-editor');
  await expect(editor).toBeVisible();
  // Ctrl+S from the editor's Action menu: the editor stays open and the notice comes up under it.
  const download = page.waitForEvent('download');
  await editor.getByLabel('Action').press('Control+s');
  await download;
  const notice = page.getByTestId('file-notice');
  await expect(notice).toContainText('Downloaded');
  await expect(editor).toBeVisible();
  const noticeBox = await box(notice);
  // The two overlap where the notice's centre is (else this would prove nothing about the layers).
  const centre = { x: noticeBox.x + noticeBox.width / 2, y: noticeBox.y + noticeBox.height / 2 };
  const editorBox = await box(editor);
  expect(centre.x > editorBox.x && centre.x < editorBox.x + editorBox.width && centre.y > editorBox.y && centre.y < editorBox.y + editorBox.height).toBe(true);
  const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid]')?.getAttribute('data-testid') ?? null, centre);
  expect(onTop).toBe('file-notice');
  await page.screenshot({ path: `${SHOTS}/notices-over-event-editor.png` });
  expect(problems).toEqual([]);
});
