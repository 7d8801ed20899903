import { expect, test, type Page } from '@playwright/test';
import { menu } from './pageHelpers';

/**
 * Fit keeps the diagram above the captions: lesson 1 played in classroom mode to its first pause
 * ("app2 crashes…", a caption several lines tall) shows every card above the messages column
 * over the canvas's bottom edge, at a laptop's size and a small one. A view the user moved is
 * left where they put it. The screenshots are for looking at.
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/fit-caption';
const NODES = ['users', 'lb', 'app1', 'app2', 'app3', 'db'];

type Box = { x: number; y: number; width: number; height: number };

const nodeBox = (page: Page, id: string): Promise<Box | null> =>
  page.evaluate((nodeId) => (window as unknown as { __faultline: { nodeClientRect(id: string): Box | null } }).__faultline.nodeClientRect(nodeId), id);

async function playLessonOneToFirstPause(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await menu(page, 'Help', 'Lessons');
  await page.getByTestId('lesson-load-balancing-and-health-checks').click();
  await expect(page.getByTestId('status-counts')).toHaveText('6 nodes · 7 links');
  await menu(page, 'View', 'Classroom Mode');
  await expect(page.locator('.app-shell')).toHaveClass(/classroom/);
}

async function play(page: Page): Promise<void> {
  await page.getByRole('radio', { name: '10×', exact: true }).click();
  await page.getByTestId('live-play').click();
  await expect(page.getByRole('button', { name: 'Paused here — continue' })).toBeVisible({ timeout: 30_000 });
}

/** Every card inside the canvas and above the messages column; a list of what is not, empty when all are. */
async function cardsHiddenByMessages(page: Page): Promise<string[]> {
  const canvas = (await page.getByTestId('sandbox-canvas').boundingBox())!;
  const messages = (await page.locator('.canvas-messages').boundingBox())!;
  const wrong: string[] = [];
  for (const id of NODES) {
    const card = (await nodeBox(page, id))!;
    if (card.x < canvas.x || card.x + card.width > canvas.x + canvas.width || card.y < canvas.y) wrong.push(`${id} outside the canvas`);
    if (card.y + card.height > messages.y) wrong.push(`${id} bottom ${Math.round(card.y + card.height)} below the caption's top ${Math.round(messages.y)}`);
  }
  return wrong;
}

for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 640 }]) {
  test(`lesson 1 in classroom mode at ${size.width}×${size.height}: every card above the caption at the first pause`, async ({ page }) => {
    await playLessonOneToFirstPause(page, size);
    await play(page);
    await expect(page.locator('.live-caption')).toBeVisible();
    // The re-fit for the caption glides for a quarter of a second.
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}/lesson1-paused-${size.width}-light.png` });
    await expect.poll(() => cardsHiddenByMessages(page), { timeout: 5_000 }).toEqual([]);
    // Cards large enough to read: a card's name (21 px in classroom type, renderer/canvas/cardText.ts)
    // at least 9 px on screen — it was under 6 px at 1024×640, with the inspector beside the canvas
    // and a caption band reserved for a tall canvas.
    const zoom = await page.evaluate(() => (window as unknown as { __faultline: { zoom(): number } }).__faultline.zoom());
    expect(21 * zoom, `card name size on screen at ${size.width}×${size.height}`).toBeGreaterThanOrEqual(9);
    await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/lesson1-paused-${size.width}-dark.png` });
  });
}

test('a view the user zoomed stays where they put it when the caption appears', async ({ page }) => {
  await playLessonOneToFirstPause(page, { width: 1280, height: 800 });
  await page.waitForTimeout(300);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  const before = (await nodeBox(page, 'app1'))!;
  await play(page);
  await page.waitForTimeout(600);
  expect(await nodeBox(page, 'app1')).toEqual(before);
});

test('classroom mode on a 1024×640 window sets the inspector aside; the toolbar brings it back', async ({ page }) => {
  await playLessonOneToFirstPause(page, { width: 1024, height: 640 });
  await expect(page.getByTestId('inspector-title')).toBeHidden();
  const toggle = page.getByTestId('classroom-panel-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const canvasWidth = async () => (await page.getByTestId('sandbox-canvas').boundingBox())!.width;
  expect(await canvasWidth()).toBeGreaterThan(1000);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('inspector-title')).toBeVisible();
  await expect.poll(canvasWidth).toBeLessThan(800);
  await page.screenshot({ path: `${SHOTS}/classroom-1024-inspector.png` });
  await toggle.click();
  await expect(page.getByTestId('inspector-title')).toBeHidden();
  // Leaving classroom mode brings the usual layout back, inspector and all; no toggle there.
  await toggle.click();
  await menu(page, 'View', 'Classroom Mode');
  await expect(page.locator('.app-shell')).not.toHaveClass(/classroom/);
  await expect(page.getByTestId('inspector-title')).toBeVisible();
  await expect(toggle).toHaveCount(0);
});

test('in classroom mode the toolbar brings back a folded inspector whole, not its strip', async ({ page }) => {
  await playLessonOneToFirstPause(page, { width: 1024, height: 640 });
  // Folded from the View menu while set aside: the toolbar's button must still show all of it.
  await page.keyboard.press('Control+i');
  await page.getByTestId('classroom-panel-toggle').click();
  await expect(page.getByTestId('inspector-title')).toBeVisible();
  expect((await page.locator('.side-inspector').boundingBox())!.width).toBeGreaterThan(200);
});

test('classroom mode at 1280×800 keeps the inspector, with no toggle for it', async ({ page }) => {
  await playLessonOneToFirstPause(page, { width: 1280, height: 800 });
  await expect(page.getByTestId('inspector-title')).toBeVisible();
  await expect(page.getByTestId('classroom-panel-toggle')).toBeHidden();
});

const LONG_NOTE = Array.from({ length: 5 }, () => 'During this phase watch the database queue grow while every read misses the cache, and ask the class what would happen if the traffic doubled.').join(' ');

/** How the paused caption lays out a long narration: text width, where the button is, what is hidden. */
async function captionLayout(page: Page) {
  return page.locator('.live-caption').evaluate((caption) => {
    const text = caption.querySelector('p')!;
    const button = caption.querySelector('.live-caption-continue')!;
    const box = caption.getBoundingClientRect();
    const style = getComputedStyle(caption);
    const inner = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
    const textBox = text.getBoundingClientRect();
    const buttonBox = button.getBoundingClientRect();
    const lineHeight = parseFloat(getComputedStyle(text).lineHeight);
    const canvas = document.querySelector('[data-testid="sandbox-canvas"]')!.getBoundingClientRect();
    return {
      textShare: textBox.width / inner,
      buttonBesideText: buttonBox.bottom > textBox.top + 1 && buttonBox.top < textBox.bottom - 1,
      captionShare: box.height / canvas.height,
      // The text's box inside the caption's padding (nothing drawn past its edge), in whole lines.
      textOverflowsCaption: textBox.bottom > box.bottom - parseFloat(style.paddingBottom) + 1,
      linesShown: text.clientHeight / lineHeight,
      scrolls: text.scrollHeight > text.clientHeight + 1,
      scrollable: ['auto', 'scroll'].includes(getComputedStyle(text).overflowY),
    };
  });
}

for (const classroom of [false, true]) {
  test(`a long narration reads across the caption's width, under its continue button, with no line cut off${classroom ? ' (classroom mode)' : ''}`, async ({ page }) => {
    await playLessonOneToFirstPause(page, { width: 1280, height: 800 });
    if (!classroom) await menu(page, 'View', 'Classroom Mode');
    // The teacher writes a long narration for the first pause.
    const doc = JSON.parse(await page.evaluate(() => (window as unknown as { __faultline: { documentText(): string } }).__faultline.documentText())) as { scenario: { atS: number; pause?: boolean; note?: string }[] };
    const first = doc.scenario.find((event) => event.pause === true)!;
    const marker = page.getByRole('button', { name: new RegExp(`^Scenario event at ${first.atS.toFixed(1).replace('.', '\\.')} s: `) });
    await marker.first().click();
    const editor = page.getByTestId('scenario-event-editor');
    await expect(editor.getByLabel('Pause playback here')).toBeChecked();
    await editor.getByLabel('Narration').fill(LONG_NOTE);
    await editor.getByLabel('Narration').press('Tab');
    await editor.getByRole('button', { name: 'Close' }).click();
    await expect(editor).toHaveCount(0);
    await play(page);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}/long-narration${classroom ? '-classroom' : ''}.png` });
    const layout = await captionLayout(page);
    expect(layout.buttonBesideText, 'the continue button takes no width from the text').toBe(false);
    expect(layout.textShare, 'the text spans the caption').toBeGreaterThan(0.85);
    expect(layout.captionShare, 'at most about two fifths of the canvas').toBeLessThanOrEqual(0.43);
    expect(layout.textOverflowsCaption, 'no text drawn past the caption').toBe(false);
    expect(Math.abs(layout.linesShown - Math.round(layout.linesShown)), `whole lines shown (${layout.linesShown})`).toBeLessThan(0.05);
    expect(layout.scrolls && layout.scrollable, 'the rest scrolls').toBe(true);
  });
}
