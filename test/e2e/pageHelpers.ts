import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Collects console errors (and warnings, when asked) and uncaught exceptions for the whole page
 * life; a test ends by expecting the list empty.
 */
export function watchForProblems(page: Page, options: { warnings?: boolean } = {}): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || (options.warnings === true && message.type() === 'warning')) problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

/** The page's document, in its saved form (the editor's read-only debug handle). */
export const documentText = (page: Page): Promise<string> => page.evaluate(() => (window as unknown as { __faultline: { documentText(): string } }).__faultline.documentText());

/** Chooses `item` from the top-level menu `top` of the in-page menu bar. */
export async function menu(page: Page, top: string, item: string): Promise<void> {
  await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: top, exact: true }).click();
  // A setting (Dark Theme, Classroom Mode) is a menuitemcheckbox.
  await page.getByRole('menuitem', { name: item, exact: true }).or(page.getByRole('menuitemcheckbox', { name: item, exact: true })).click();
  // The menu closes with an animation; until it is gone its focus guards are still in the page
  // (an accessibility audit run in that moment reports them), and a click can land on it.
  await expect(page.getByRole('menu')).toHaveCount(0);
}

/** The centre of a node's card on the page (the editor's read-only debug handle). */
export async function nodeCentre(page: Page, id: string): Promise<{ x: number; y: number }> {
  // The view glides (250 ms) when the legend or the captions change size, as they do when a run
  // starts, ends or is reset: a point read mid-glide misses the card by the time it is clicked.
  // So the card's place is read once it has stayed put for longer than a glide.
  const rect = await page.evaluate(
    (nodeId) =>
      new Promise<{ x: number; y: number; width: number; height: number } | null>((resolve) => {
        const read = () => (window as unknown as { __faultline: { nodeClientRect(id: string): { x: number; y: number; width: number; height: number } | null } }).__faultline.nodeClientRect(nodeId);
        const steadyForMs = 400;
        const startedAt = performance.now();
        let last = read();
        let steadySince = startedAt;
        const check = () => {
          const now = performance.now();
          const current = read();
          if (JSON.stringify(current) !== JSON.stringify(last)) {
            last = current;
            steadySince = now;
          }
          if (current === null || now - steadySince >= steadyForMs || now - startedAt > 5000) resolve(current);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    id,
  );
  if (rect === null) throw new Error(`no node ${id} on the canvas`);
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/** Replaces a field's text by typing it key by key (never `fill`, which sets the text in one go). */
export async function typeInto(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('Control+a');
  await field.press('Backspace');
  await field.pressSequentially(text);
}

/** Opens lesson `id` from Help → Lessons (F1) in a window of `size`, once the app is ready. */
export async function openLessonAt(page: Page, id: string, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.keyboard.press('F1');
  await page.getByTestId(`lesson-${id}`).click();
  await expect(page.getByTestId(`lesson-${id}`)).toHaveCount(0);
}

/**
 * Opens the app and then a file `name` holding `text` with File → Open… through the plain file
 * chooser, which Playwright can answer (Chromium would otherwise show the File System Access picker).
 */
export async function openFileText(page: Page, name: string, text: string): Promise<void> {
  await page.addInitScript(() => {
    delete (window as unknown as Record<string, unknown>).showOpenFilePicker;
  });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const chooser = page.waitForEvent('filechooser');
  await menu(page, 'File', 'Open…');
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page).toHaveTitle(`${name} — Faultline`);
}
