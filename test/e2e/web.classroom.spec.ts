import { expect, test, type Page } from '@playwright/test';
import { menu } from './pageHelpers';

/**
 * Lesson 1 played in classroom mode at a laptop's and a projector's size, light and dark: the
 * diagram is fitted to the canvas classroom mode leaves it (every card in view) and drawn with
 * classroom type. The screenshots are for looking at.
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/classroom';

type Box = { x: number; y: number; width: number; height: number };

async function openLessonOne(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await menu(page, 'Help', 'Lessons');
  await page.getByTestId('lesson-load-balancing-and-health-checks').click();
  await expect(page.getByTestId('status-counts')).toHaveText('6 nodes · 7 links');
}

const nodeBox = (page: Page, id: string): Promise<Box | null> =>
  page.evaluate((nodeId) => (window as unknown as { __faultline: { nodeClientRect(id: string): Box | null } }).__faultline.nodeClientRect(nodeId), id);

for (const size of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
  test(`lesson 1 in classroom mode at ${size.width}×${size.height}: every card in view, light and dark`, async ({ page }) => {
    await page.setViewportSize(size);
    await openLessonOne(page);
    await menu(page, 'View', 'Classroom Mode');
    await expect(page.locator('.app-shell')).toHaveClass(/classroom/);
    await page.getByRole('radio', { name: '10×', exact: true }).click();
    await page.getByTestId('live-play').click();
    // The lesson pauses on app2's crash: packets on the wire, a DOWN badge, the caption.
    await expect(page.getByRole('button', { name: 'Paused here — continue' })).toBeVisible({ timeout: 30_000 });
    const canvas = (await page.getByTestId('sandbox-canvas').boundingBox())!;
    for (const id of ['users', 'lb', 'app1', 'app2', 'app3', 'db']) {
      const card = (await nodeBox(page, id))!;
      expect(card.x, id).toBeGreaterThanOrEqual(canvas.x);
      expect(card.y, id).toBeGreaterThanOrEqual(canvas.y);
      expect(card.x + card.width, id).toBeLessThanOrEqual(canvas.x + canvas.width);
      expect(card.y + card.height, id).toBeLessThanOrEqual(canvas.y + canvas.height);
    }
    await page.screenshot({ path: `${SHOTS}/lesson1-classroom-${size.width}-light.png` });
    await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/lesson1-classroom-${size.width}-dark.png` });
  });
}

type CardText = { name: string[]; kind: string | null };
const cardText = (page: Page, id: string): Promise<CardText | null> =>
  page.evaluate((nodeId) => (window as unknown as { __faultline: { nodeCardText(id: string): CardText | null } }).__faultline.nodeCardText(nodeId), id);

test('lesson 7 at 1440×900 names every card in full, as usual and in classroom mode (it read "Primary (as…")', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await menu(page, 'Help', 'Lessons');
  await page.getByTestId('lesson-failover-and-lost-writes').click();
  await expect(page.getByTestId('status-counts')).toHaveText('8 nodes · 8 links');
  const names: Record<string, string> = {
    'users-async': 'Users (async)',
    'app-async': 'App (async)',
    'async-primary': 'Primary (async)',
    'async-replica': 'Replica (async)',
    'users-sync': 'Users (sync)',
    'app-sync': 'App (sync)',
    'sync-primary': 'Primary (sync)',
    'sync-replica': 'Replica (sync)',
  };
  for (const classroom of [false, true]) {
    if (classroom) {
      await menu(page, 'View', 'Classroom Mode');
      await expect(page.locator('.app-shell')).toHaveClass(/classroom/);
    }
    for (const [id, name] of Object.entries(names)) {
      // The card is drawn after the document loads: poll until it is there.
      await expect.poll(async () => (await cardText(page, id))?.name.join(' '), `${id}${classroom ? ' (classroom)' : ''}`).toBe(name);
    }
    // A name on two lines took the kind's line; one on one line keeps its kind under it.
    expect(await cardText(page, 'async-primary')).toEqual({ name: ['Primary', '(async)'], kind: null });
  }
  await page.screenshot({ path: `${SHOTS}/lesson7-classroom-1440.png` });
});
