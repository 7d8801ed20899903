import { expect, test, type Page } from '@playwright/test';
import { openLessonAt } from './pageHelpers';

/**
 * A small projector (800×600) or a laptop's window (1024×640): a lesson is fitted so its cards
 * are drawn at zoom 0.3 or more where the canvas has the room (far labels name them below 0.4375),
 * at open and at its first narration pause, with nothing of the diagram under the packet legend,
 * the toolbar or the caption. Lesson 8 was fitted at 0.063 at 800×600 (cards 10×4 px)
 * in the 66-pixel strip between the open legend and the caption. The screenshots are for looking at.
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/fit-small-canvas';
const TEXT_ZOOM = 0.3;

type Box = { x: number; y: number; width: number; height: number };
interface Handle {
  documentText(): string;
  nodeClientRect(id: string): Box | null;
  regionClientRect(id: string): Box | null;
  zoom(): number;
}

const zoom = (page: Page) => page.evaluate(() => (window as unknown as { __faultline: Handle }).__faultline.zoom());

async function playToFirstPause(page: Page): Promise<void> {
  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  await page.getByTestId('live-play').click();
  await expect(page.getByRole('button', { name: 'Paused here — continue' })).toBeVisible({ timeout: 30_000 });
}

/** The diagram's cards and regions that lie under an overlay or outside the canvas (empty when none do). */
async function coveredParts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const handle = (window as unknown as { __faultline: Handle }).__faultline;
    const doc = JSON.parse(handle.documentText()) as { nodes: { id: string }[]; regions?: { id: string }[] };
    const parts = [
      ...doc.nodes.map((node) => ({ name: `node ${node.id}`, box: handle.nodeClientRect(node.id)! })),
      ...(doc.regions ?? []).map((region) => ({ name: `region ${region.id}`, box: handle.regionClientRect(region.id)! })),
    ];
    const shown = (selector: string) =>
      [...document.querySelectorAll(selector)].map((element) => element.getBoundingClientRect()).filter((rect) => rect.width > 0 && rect.height > 0);
    const overlays = [
      ...shown('.live-legend').map((rect) => ({ name: 'the legend', rect })),
      ...shown('.canvas-toolbar').map((rect) => ({ name: 'the toolbar', rect })),
      ...shown('.canvas-messages > *').map((rect) => ({ name: 'the caption', rect })),
    ];
    const canvas = document.querySelector('[data-testid="sandbox-canvas"]')!.getBoundingClientRect();
    const covered: string[] = [];
    for (const { name, box } of parts) {
      for (const overlay of overlays) {
        const rect = overlay.rect;
        if (box.x < rect.right && rect.left < box.x + box.width && box.y < rect.bottom && rect.top < box.y + box.height) covered.push(`${name} under ${overlay.name}`);
      }
      if (box.x < canvas.left || box.y < canvas.top || box.x + box.width > canvas.right || box.y + box.height > canvas.bottom) covered.push(`${name} outside the canvas`);
    }
    return covered;
  });
}

async function expectReadable(page: Page, what: string, minZoom: number): Promise<void> {
  await expect.poll(() => coveredParts(page), { message: `${what}: nothing under an overlay` }).toEqual([]);
  expect(await zoom(page), what).toBeGreaterThanOrEqual(minZoom);
}

const CASES = [
  { size: { width: 800, height: 600 }, lesson: 'load-balancing-and-health-checks', minZoom: TEXT_ZOOM },
  { size: { width: 1024, height: 640 }, lesson: 'load-balancing-and-health-checks', minZoom: TEXT_ZOOM },
  { size: { width: 1024, height: 640 }, lesson: 'sharding-and-hot-keys', minZoom: TEXT_ZOOM },
  // Beside the inspector the canvas is 500×318: lesson 8's three regions are too wide for 0.3
  // (its width allows 0.235) and the caption leaves about 150 px of height. Its cards were 10×4 px.
  { size: { width: 800, height: 600 }, lesson: 'sharding-and-hot-keys', minZoom: 0.2 },
];

for (const { size, lesson, minZoom } of CASES) {
  test(`${lesson} at ${size.width}×${size.height}: fitted readable at open and at the first pause, clear of the overlays`, async ({ page }) => {
    await openLessonAt(page, lesson, size);
    await page.waitForTimeout(300);
    await expectReadable(page, 'at open', minZoom);
    await playToFirstPause(page);
    // The re-fit for the caption glides for a quarter of a second.
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}/${lesson}-${size.width}-paused.png` });
    await expectReadable(page, 'at the first pause', minZoom);
  });
}

test('on a short canvas the legend starts folded; opened, it stays open, and the fitted diagram keeps clear of it', async ({ page }) => {
  await openLessonAt(page, 'load-balancing-and-health-checks', { width: 800, height: 600 });
  const legend = page.getByTestId('packet-legend');
  const toggle = legend.getByRole('button', { name: 'Legend', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(legend.getByRole('list', { name: 'Packet colors' })).toHaveCount(0);
  await toggle.click();
  await expect(legend.getByRole('list', { name: 'Packet colors' })).toBeVisible();
  // The view was as Fit left it: it glides clear of the opened legend.
  await page.waitForTimeout(500);
  await expect.poll(() => coveredParts(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/legend-opened-800.png` });
  // The choice outlives the page.
  await page.reload();
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await expect(page.getByTestId('packet-legend').getByRole('list', { name: 'Packet colors' })).toBeVisible();
  await page.getByRole('button', { name: 'Fold the packet legend' }).click();
  await expect(page.getByTestId('packet-legend').getByRole('button', { name: 'Legend', exact: true })).toHaveAttribute('aria-expanded', 'false');
  // Folded by choice, it stays folded on a tall canvas too.
  await page.setViewportSize({ width: 1400, height: 860 });
  await page.reload();
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await expect(page.getByTestId('packet-legend').getByRole('list', { name: 'Packet colors' })).toHaveCount(0);
});

test('on a tall canvas the legend starts open', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await expect(page.getByTestId('packet-legend').getByRole('list', { name: 'Packet colors' })).toBeVisible();
});
