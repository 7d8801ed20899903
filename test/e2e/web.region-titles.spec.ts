import { expect, test, type Page } from '@playwright/test';
import { openLessonAt, watchForProblems } from './pageHelpers';

/**
 * Region titles (renderer/canvas/regionTitle.ts): lesson 8 names its three schemes with regions,
 * and at 800×600 it opens at about zoom 0.235, where a 13 px title drew 3 px high. Far out a title
 * keeps at least 11 screen px (13 in classroom mode), cut with "…" to its box as the screen shows
 * it; zoomed in it is drawn at its own 13 px again.
 */
const MIN_SCREEN_PX = 11;
const CLASSROOM_MIN_SCREEN_PX = 13;
const TITLE_PX = 13;

interface Handle {
  documentText(): string;
  regionTitle(id: string): { text: string; screenPx: number } | null;
  zoom(): number;
}

interface DrawnTitle {
  id: string;
  name: string;
  title: { text: string; screenPx: number } | null;
}

const zoom = (page: Page) => page.evaluate(() => (window as unknown as { __faultline: Handle }).__faultline.zoom());

/** Every region's name and what its title draws. */
function regionTitles(page: Page): Promise<DrawnTitle[]> {
  return page.evaluate(() => {
    const handle = (window as unknown as { __faultline: Handle }).__faultline;
    const doc = JSON.parse(handle.documentText()) as { regions?: { id: string; name: string }[] };
    return (doc.regions ?? []).map((region) => ({ id: region.id, name: region.name, title: handle.regionTitle(region.id) }));
  });
}

/** The title is the region's name in capitals, or a start of it of 3 characters or more cut with "…". */
function expectNameOrItsStart(region: DrawnTitle): void {
  const text = region.title!.text;
  const whole = region.name.toUpperCase();
  const shown = text.endsWith('…') ? text.slice(0, -1) : text;
  expect(text === whole || (text.endsWith('…') && whole.startsWith(shown)), `${region.id}: "${text}" for "${whole}"`).toBe(true);
  expect(shown.length, `${region.id}: "${text}"`).toBeGreaterThanOrEqual(3);
}

async function openLessonEight(page: Page): Promise<void> {
  await openLessonAt(page, 'sharding-and-hot-keys', { width: 800, height: 600 });
  await expect.poll(() => zoom(page)).toBeLessThan(MIN_SCREEN_PX / TITLE_PX);
}

test('lesson 8 at 800×600 draws its region titles at a readable size, and zoomed in at their own', async ({ page }) => {
  const problems = watchForProblems(page);
  await openLessonEight(page);

  // Fitted (about 0.235), each title is at least 11 screen px, and still says which scheme it is.
  await expect.poll(async () => (await regionTitles(page)).map((region) => region.title?.screenPx ?? 0).every((px) => px >= MIN_SCREEN_PX - 0.01)).toBe(true);
  const far = await regionTitles(page);
  expect(far.map((region) => region.id)).toEqual(['hash', 'range', 'ring']);
  for (const region of far) {
    expect(region.title!.screenPx, region.id).toBeCloseTo(MIN_SCREEN_PX, 5);
    expectNameOrItsStart(region);
  }

  // Zoomed in to 1 or more, each title is its own 13 px (times the zoom) and the name reads whole.
  const zoomIn = page.getByRole('button', { name: 'Zoom in', exact: true });
  while ((await zoom(page)) < 1) await zoomIn.click();
  const zoomedIn = await zoom(page);
  await expect.poll(async () => (await regionTitles(page)).map((region) => region.title?.screenPx)).toEqual(far.map(() => expect.closeTo(TITLE_PX * zoomedIn, 5)));
  for (const region of await regionTitles(page)) expect(region.title!.text).toBe(region.name.toUpperCase());
  expect(problems).toEqual([]);
});

test('lesson 8 at 800×600 in classroom mode draws its region titles at 13 screen px or more', async ({ page }) => {
  const problems = watchForProblems(page);
  await openLessonEight(page);
  await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'View' }).click();
  await page.getByRole('menuitemcheckbox', { name: /Classroom/ }).click();
  await expect(page.locator('.app-shell')).toHaveClass(/classroom/);

  await expect.poll(async () => (await regionTitles(page)).map((region) => region.title?.screenPx ?? 0).every((px) => px >= CLASSROOM_MIN_SCREEN_PX - 0.01)).toBe(true);
  const titles = await regionTitles(page);
  expect(titles).toHaveLength(3);
  for (const region of titles) expectNameOrItsStart(region);
  expect(problems).toEqual([]);
});

test('far out a region is grabbed by its enlarged title, also below the box’s top 36 units', async ({ page }) => {
  const problems = watchForProblems(page);
  await openLessonEight(page);
  const before = await page.evaluate(() => {
    const handle = (window as unknown as { __faultline: Handle & { regionClientRect(id: string): { x: number; y: number; width: number; height: number } | null } }).__faultline;
    const region = (JSON.parse(handle.documentText()) as { regions: { id: string; x: number; y: number }[] }).regions[0];
    return { region, box: handle.regionClientRect(region.id)!, title: handle.regionTitle(region.id)!, zoom: handle.zoom() };
  });
  // The title's lower part: 12 units down plus most of its 11 px type, below the strip's 36 units.
  const press = { x: before.box.x + 18 * before.zoom + 8, y: before.box.y + 12 * before.zoom + before.title.screenPx * 0.9 };
  expect(press.y - before.box.y).toBeGreaterThan(36 * before.zoom);
  await page.mouse.move(press.x, press.y);
  await page.mouse.down();
  await page.mouse.move(press.x + 15, press.y + 10, { steps: 3 });
  await page.mouse.move(press.x + 30, press.y + 20, { steps: 3 });
  await page.mouse.up();
  const after = await page.evaluate((id) => {
    const handle = (window as unknown as { __faultline: Handle }).__faultline;
    return (JSON.parse(handle.documentText()) as { regions: { id: string; x: number; y: number }[] }).regions.find((region) => region.id === id)!;
  }, before.region.id);
  // Moved by the drag, as the screen shows it (snapping may round it to the grid).
  expect(after.x - before.region.x).toBeGreaterThan(20 / before.zoom);
  expect(after.y - before.region.y).toBeGreaterThan(10 / before.zoom);
  expect(problems).toEqual([]);
});

type ClientBox = { x: number; y: number; width: number; height: number };

const overlaps = (a: ClientBox, b: ClientBox): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test("far out a region's title ends before a far label lying across its row, and is whole again nearer in", async ({ page }) => {
  const problems = watchForProblems(page);
  await openLessonEight(page);
  // Lesson 8's first pause (10 s) fits the diagram above the caption, at about 0.21: the top card of
  // the consistent-hashing column is labelled "Shard 1…" right where "CONSISTENT HASHING" ends.
  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  await page.getByTestId('live-play').click();
  await expect(page.getByRole('button', { name: /continue/i }).first()).toBeVisible({ timeout: 30_000 });
  const read = () =>
    page.evaluate(() => {
      const handle = (window as unknown as { __faultline: Handle & { nodeFarLabel(id: string): string | null; regionTitleClientRect(id: string): ClientBox | null; nodeFarLabelClientRect(id: string): ClientBox | null } }).__faultline;
      return { title: handle.regionTitle('ring'), titleBox: handle.regionTitleClientRect('ring'), label: handle.nodeFarLabel('ring-shard1'), labelBox: handle.nodeFarLabelClientRect('ring-shard1') };
    });
  await expect.poll(async () => (await read()).title?.text).toMatch(/^CONSISTENT .*…$/);
  const far = await read();
  expect(far.label).toMatch(/^Shard 1/);
  expect(far.titleBox!.x + far.titleBox!.width).toBeLessThanOrEqual(far.labelBox!.x);
  expect(overlaps(far.titleBox!, far.labelBox!)).toBe(false);
  // The other two titles have no label across their rows' text: whole, as before.
  const others = (await regionTitles(page)).filter((region) => region.id !== 'ring');
  for (const region of others) expect(region.title!.text, region.id).toBe(region.name.toUpperCase());

  // Zoomed in past the far labels, the title is whole again.
  const zoomIn = page.getByRole('button', { name: 'Zoom in', exact: true });
  while ((await zoom(page)) < 7 / 16) await zoomIn.click();
  await expect.poll(async () => (await read()).label).toBeNull();
  expect((await read()).title?.text).toBe('CONSISTENT HASHING');
  expect(problems).toEqual([]);
});
