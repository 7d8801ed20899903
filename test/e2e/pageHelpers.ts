import type { Page } from '@playwright/test';

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
}
