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
