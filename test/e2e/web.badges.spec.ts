import { expect, test, type Page } from '@playwright/test';
import { openFileText, openLessonAt, watchForProblems } from './pageHelpers';

/**
 * A node's badges (renderer/live/badgeScale.ts): PRIMARY, REPLICA, DOWN… are drawn in world units
 * like the card, 11 px, so lesson 7 fitted into a 1280×800 window (zoom about 0.33 at its pauses)
 * drew the promoted replica's PRIMARY — the lesson's point — 3.6 px high. Far out a badge keeps at
 * least 10 screen px; nearer in it is its own 11 px times the zoom.
 */
const MIN_SCREEN_PX = 10;
const BADGE_PX = 11;

type Badge = { text: string; screenPx: number };

const badges = (page: Page, id: string): Promise<Badge[]> =>
  page.evaluate((node) => (window as unknown as { __faultlineLive: { addon: { drawnBadges(id: string): Badge[] } } }).__faultlineLive.addon.drawnBadges(node), id);
const zoom = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { __faultline: { zoom(): number } }).__faultline.zoom());

test('lesson 7 at 1280×800: after the failover the DOWN and PRIMARY badges read at 10 px or more, and at their own size nearer in', async ({ page }) => {
  const problems = watchForProblems(page);
  await openLessonAt(page, 'failover-and-lost-writes', { width: 1280, height: 800 });
  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  await page.getByTestId('live-play').click();
  // Continue through the lesson's pauses until the asynchronous replica has been promoted.
  const promoted = async () => (await badges(page, 'async-replica')).some((badge) => badge.text === 'PRIMARY');
  for (let pause = 0; pause < 6 && !(await promoted()); pause++) {
    const resume = page.getByRole('button', { name: /continue/i }).first();
    await expect(resume).toBeVisible({ timeout: 30_000 });
    if (await promoted()) break;
    await resume.click();
  }
  await expect.poll(promoted).toBe(true);
  const far = await zoom(page);
  expect(far).toBeLessThan(MIN_SCREEN_PX / BADGE_PX);

  const replica = await badges(page, 'async-replica');
  const primary = await badges(page, 'async-primary');
  expect(primary.map((badge) => badge.text)).toEqual(['DOWN']);
  for (const badge of [...replica, ...primary]) {
    expect(badge.screenPx, badge.text).toBeGreaterThanOrEqual(MIN_SCREEN_PX - 0.01);
    // Not drawn far larger than needed: within the 1/8 steps the scale moves in.
    expect(badge.screenPx, badge.text).toBeLessThan(MIN_SCREEN_PX * (1 + 1 / 8 / (MIN_SCREEN_PX / (BADGE_PX * far))) + 0.01);
  }

  // Zoomed in to 1 or more, a badge is its own 11 px times the zoom.
  const zoomIn = page.getByRole('button', { name: 'Zoom in', exact: true });
  while ((await zoom(page)) < 1) await zoomIn.click();
  const near = await zoom(page);
  await expect.poll(async () => (await badges(page, 'async-replica')).map((badge) => badge.screenPx)).toEqual([expect.closeTo(BADGE_PX * near, 5)]);
  expect(problems).toEqual([]);
});

test("a region's title ends before a badge lying across its row, when its first word still shows", async ({ page }) => {
  const problems = watchForProblems(page);
  const name = 'Replicated databases in the primary region';
  const doc = {
    format: 'faultline',
    version: 1,
    meta: { title: 'Badge over a title' },
    seed: 1,
    durationS: 10,
    regions: [{ id: 'r', name, x: 0, y: 0, w: 700, h: 240 }],
    // The replica's card is close under the title, so its REPLICA badge lies across the title's row.
    nodes: [
      { id: 'primary', kind: 'db', region: 'r', x: 40, y: 150 },
      { id: 'replica', kind: 'db', region: 'r', x: 260, y: 38, config: { role: 'replica' } },
    ],
    links: [{ id: 'rep', from: 'primary', to: 'replica', kind: 'replication' }],
    scenario: [],
    checks: [],
  };
  await page.setViewportSize({ width: 1280, height: 800 });
  await openFileText(page, 'badge-over-title.faultline', JSON.stringify(doc));
  await expect(page.getByTestId('status-counts')).toHaveText('2 nodes · 1 link');
  const title = () => page.evaluate(() => (window as unknown as { __faultline: { regionTitle(id: string): { text: string } | null } }).__faultline.regionTitle('r')?.text);
  await expect.poll(title).toBe(name.toUpperCase());

  await page.getByTestId('live-play').click();
  await expect.poll(async () => (await badges(page, 'replica')).map((badge) => badge.text)).toEqual(['REPLICA']);
  await page.getByTestId('live-play').click();
  await expect.poll(title).toMatch(/^REPLICATED DATABASES .*…$/);
  expect(problems).toEqual([]);
});
