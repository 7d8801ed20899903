import { expect, test, type Page } from '@playwright/test';
import { nodeCentre } from './pageHelpers';

/**
 * The layout holds whatever the document says and whatever the window's size: long titles and
 * names end in an ellipsis instead of widening the page, the narration caption stays inside the
 * canvas, and the side panels give way on small windows.
 */

/** Whether an element's text is cut short (it would need more room than it has). */
const truncated = (page: Page, selector: string) => page.locator(selector).first().evaluate((element) => element.scrollWidth > element.clientWidth + 1);

async function expectWithinWindow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, 'the page is no wider than the window').toBeLessThanOrEqual(innerWidth);
  for (const testId of ['app-menu-bar', 'inspector', 'sandbox-canvas']) {
    const box = (await page.getByTestId(testId).boundingBox())!;
    expect(box.x, `${testId} starts inside the window`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${testId} ends inside the window`).toBeLessThanOrEqual(innerWidth + 1);
  }
}

test('a 300-character title and a long node name end in an ellipsis; the header shows the unsaved "•"', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await expect(page.getByTestId('document-dirty')).toHaveCount(0);

  const long = 'A very long title '.repeat(17).slice(0, 300);
  const title = page.locator('input[data-field="title"]');
  await title.fill(long);
  await title.press('Tab');
  await expectWithinWindow(page);
  const heading = page.getByTestId('document-heading');
  await expect(heading).toHaveAttribute('title', new RegExp(`^${long.trim()}`));
  expect(await truncated(page, '.document-title')).toBe(true);
  expect(await truncated(page, '[data-testid="inspector-title"]')).toBe(true);
  await expect(page.getByTestId('inspector-title')).toHaveAttribute('title', long.trim());
  // The edit is unsaved: the header says so, as the browser tab does.
  await expect(page.getByTestId('document-dirty')).toBeVisible();
  await expect(page).toHaveTitle(/^• /);
  await page.screenshot({ path: testInfo.outputPath('long-title.png') });

  const users = await nodeCentre(page, 'users-eu');
  await page.mouse.click(users.x, users.y);
  const name = 'Users in the European Union data centre with a really long descriptive name '.repeat(3).trim();
  await page.locator('input[data-field="name"]').fill(name);
  await page.locator('input[data-field="name"]').press('Tab');
  await expect(page.getByTestId('inspector-title')).toHaveAttribute('title', name);
  expect(await truncated(page, '[data-testid="inspector-title"]')).toBe(true);
  await expectWithinWindow(page);
  await page.screenshot({ path: testInfo.outputPath('long-name.png') });
});

for (const size of [
  { width: 1024, height: 640 },
  { width: 800, height: 600 },
]) {
  test(`at ${size.width}×${size.height} the canvas keeps a usable size and the caption stays inside it`, async ({ page }, testInfo) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await expect(page.getByTestId('app-menu-bar')).toBeVisible();
    await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'Help', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Lessons', exact: true }).click();
    await page.getByTestId('lesson-dns-ttl-and-failover').click();
    await expect(page.getByTestId('lessons-dialog')).toBeHidden();
    await expect(page.getByTestId('live-play')).toBeEnabled();
    await page.getByTestId('live-play').click();
    const caption = page.getByTestId('live-caption');
    await expect(caption).toBeVisible({ timeout: 20_000 });
    await expectWithinWindow(page);

    const canvas = (await page.getByTestId('sandbox-canvas').boundingBox())!;
    expect(canvas.width, 'canvas width').toBeGreaterThanOrEqual(size.width * 0.55);
    expect(canvas.height, 'canvas height').toBeGreaterThanOrEqual(size.height * 0.5);
    const box = (await caption.boundingBox())!;
    expect(box.y, 'caption below the canvas top').toBeGreaterThanOrEqual(canvas.y);
    expect(box.y + box.height, 'caption above the canvas bottom').toBeLessThanOrEqual(canvas.y + canvas.height + 1);
    expect(box.height, 'caption at most about two fifths of the canvas').toBeLessThanOrEqual(canvas.height * 0.45);
    // The palette is a column of icons, each still named.
    await expect(page.locator('.palette-item[data-kind="app"]')).toHaveAccessibleName(/App server/);
    await page.screenshot({ path: testInfo.outputPath(`layout-${size.width}.png`) });
  });
}

/**
 * Every visible text field and select of the inspector whose text (value, placeholder or chosen
 * option) is wider than the room it has: "default (round" for "default (round-robin)".
 */
async function clippedControls(page: Page): Promise<string[]> {
  return page.getByTestId('inspector').evaluate((root) => {
    const context = document.createElement('canvas').getContext('2d')!;
    const clipped: string[] = [];
    for (const element of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
      if (element.offsetParent === null || element.type === 'checkbox') continue;
      const style = getComputedStyle(element);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const select = element instanceof HTMLSelectElement;
      const text = select ? (element.options[element.selectedIndex]?.text ?? '') : element.value || element.placeholder;
      // A select's arrow takes about 20 px of its inner width.
      const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - (select ? 20 : 0);
      if (context.measureText(text).width > room + 0.5) clipped.push(`${element.dataset.field ?? element.tagName}: "${text}"`);
    }
    return clipped;
  });
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
  { width: 800, height: 600 },
]) {
  test(`at ${size.width}×${size.height} no inspector field cuts its own text short`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await expect(page.getByTestId('live-play')).toBeEnabled();
    await expect(page.getByTestId('status-counts')).toHaveText('12 nodes · 19 links');
    const kinds = ['client', 'dns', 'cdn', 'lb', 'proxy', 'app', 'worker', 'cache', 'db', 'shard-router', 'queue'];
    for (const [index, kind] of kinds.entries()) {
      // A click adds the kind in the middle of the view and selects it.
      await page.locator(`.palette-item[data-kind="${kind}"]`).click();
      await expect(page.getByTestId('status-counts')).toHaveText(`${13 + index} nodes · 19 links`);
      expect(await clippedControls(page), `the ${kind} inspector at ${size.width} px`).toEqual([]);
    }
  });
}
