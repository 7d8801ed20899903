import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { menu } from './pageHelpers';

/**
 * An automated accessibility audit: axe-core's WCAG 2.1 A and AA rules over the app's main
 * states, in both themes — the editor at start, a selected node, link and region, an empty
 * sandbox, a design problem; the lessons dialog, a lesson, its run paused with each dock tab, a
 * node and its fault menu in the run; the dialogs and editors the menus and panels open, an open
 * menu, classroom mode. A "serious" or "critical" violation fails the test; "moderate" and "minor"
 * ones are attached to the test as annotations (listed, not hidden). Nothing is excluded. What
 * axe cannot judge it does not fail: the diagram is WebGL pixels (its accessible side is the
 * canvas's role, keys and live region, tested in web.canvas-keyboard.spec.ts), and axe leaves
 * out contrast it cannot measure (one-character text, text over images).
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);

interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe on the whole page as it is now; returns every violation, whatever its impact. */
async function axeViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol, not added as a <script>: the app's CSP (script-src
  // 'self') rightly refuses an inline script. A navigation drops it; it is added again then.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      // The summary says why, e.g. the two colours and their contrast ratio.
      targets: violation.nodes.map((node) => `${node.target.map(String).join(' >> ')} — ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    }));
  }, WCAG_21_A_AA);
}

const describe = (findings: AxeFinding[]): string =>
  findings.map((finding) => `  [${finding.impact}] ${finding.id}: ${finding.help}\n${finding.targets.map((target) => `      ${target}`).join('\n')}`).join('\n');

/** Fails on any serious or critical violation in `state`; notes the rest on the test. */
async function expectAccessible(page: Page, state: string): Promise<void> {
  const findings = await axeViolations(page);
  const failing = findings.filter((finding) => FAILING_IMPACTS.has(finding.impact));
  const noted = findings.filter((finding) => !FAILING_IMPACTS.has(finding.impact));
  for (const finding of noted) test.info().annotations.push({ type: `axe ${finding.impact} (${state})`, description: `${finding.id}: ${finding.help} — ${finding.targets.join(', ')}` });
  // Soft: one run reports every state that fails, not only the first.
  expect.soft(failing, `axe found serious or critical violations in ${state}:\n${describe(failing)}`).toEqual([]);
}

/**
 * Opens the app in the light theme, whatever the machine prefers, and for `dark` switches with the
 * title bar's theme toggle, as a user would.
 */
async function openApp(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript(() => {
    if (window.localStorage.getItem('faultline.theme') === null) window.localStorage.setItem('faultline.theme', 'light');
  });
  await page.goto('/');
  await expect(page.locator('[data-testid="sandbox-canvas"] canvas')).toHaveAttribute('data-renderer', 'webgl');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  if (theme === 'dark') {
    await page.getByTestId('theme-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  }
}

/** Help → Lessons (F1), then the first lesson; `whileOpen` runs with the lessons dialog open. */
async function openFirstLesson(page: Page, whileOpen?: () => Promise<void>): Promise<void> {
  await page.keyboard.press('F1');
  const lessons = page.getByTestId('lessons-dialog');
  await expect(lessons).toBeVisible();
  await whileOpen?.();
  await page.getByTestId('lesson-load-balancing-and-health-checks').click();
  await expect(lessons).toBeHidden();
  await expect(page.getByTestId('status-counts')).not.toHaveText('12 nodes · 19 links');
}

for (const theme of ['light', 'dark'] as const) {
  test(`the editor at start, a selected node, link and region, an empty sandbox and a design problem (${theme} theme)`, async ({ page }) => {
    await openApp(page, theme);
    await expectAccessible(page, `the editor at start (${theme})`);

    // A node selected from the keyboard: the inspector shows its form.
    const canvas = page.getByTestId('sandbox-canvas');
    await canvas.focus();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('canvas-announcer')).toHaveText('DNS, DNS server, 3 links');
    await page.keyboard.press('Alt+ArrowRight');
    await expect(page.getByTestId('canvas-announcer')).toHaveText(/^app1,/);
    await expectAccessible(page, `a selected node's inspector (${theme})`);
    // One of its links (]), then a region (Shift+Tab from nothing reaches the last one).
    await page.keyboard.press(']');
    await expect(page.getByTestId('canvas-announcer')).toHaveText(/^Link /);
    await expectAccessible(page, `a selected link's inspector (${theme})`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByTestId('canvas-announcer')).toHaveText(/US East/i);
    await expectAccessible(page, `a selected region's inspector (${theme})`);

    await menu(page, 'File', 'New');
    await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 links');
    await expectAccessible(page, `an empty sandbox (${theme})`);
    // A lone load balancer is a design problem: the Design problems tab shows its count badge.
    await page.getByTestId('palette').getByRole('button', { name: 'Load balancer', exact: true }).click();
    await page.getByRole('tab', { name: /^Design problems: \d+$/ }).click();
    await expectAccessible(page, `a design problem counted on its tab (${theme})`);
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`the lessons dialog and a lesson opened (${theme} theme)`, async ({ page }) => {
    await openApp(page, theme);
    await openFirstLesson(page, () => expectAccessible(page, `the lessons dialog (${theme})`));
    await expectAccessible(page, `a lesson opened (${theme})`);
  });

  test(`a lesson's run paused at its first pause, with each dock tab, a node and its fault menu (${theme} theme)`, async ({ page }) => {
    await openApp(page, theme);
    await openFirstLesson(page);

    await page.getByRole('radio', { name: 'Max', exact: true }).click();
    await page.getByTestId('live-play').click();
    await expect(page.getByRole('button', { name: /continue/i })).toBeVisible({ timeout: 30_000 });
    for (const tab of ['Charts', 'Event log', 'Checks', 'Design problems']) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await expect(page.getByRole('tab', { name: new RegExp(`^${tab}`) })).toHaveAttribute('aria-selected', 'true');
      await expectAccessible(page, `the paused run, ${tab} tab (${theme})`);
    }

    // A node selected in the paused run (its live figures), then its fault menu (Shift+F10).
    await page.getByTestId('sandbox-canvas').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('canvas-announcer')).not.toBeEmpty();
    await expectAccessible(page, `a selected node in the paused run (${theme})`);
    await page.keyboard.press('Shift+F10');
    await expect(page.getByTestId('fault-menu')).toBeVisible();
    await expectAccessible(page, `the fault menu (${theme})`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('fault-menu')).toBeHidden();
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`the Help and share-code dialogs (${theme} theme)`, async ({ page }) => {
    await openApp(page, theme);

    await menu(page, 'Help', 'Documentation');
    await expect(page.getByTestId('guide-dialog')).toBeVisible();
    await expectAccessible(page, `Help → Documentation (${theme})`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('guide-dialog')).toBeHidden();

    await menu(page, 'Help', 'About Faultline');
    await expect(page.getByTestId('about-dialog')).toBeVisible();
    await expectAccessible(page, `Help → About (${theme})`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('about-dialog')).toBeHidden();

    await menu(page, 'File', 'Copy Share Code');
    await expect(page.getByTestId('share-code')).toBeVisible();
    await expectAccessible(page, `File → Copy Share Code (${theme})`);
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByTestId('share-code')).toBeHidden();

    await menu(page, 'File', 'Open Share Code…');
    const shareInput = page.getByTestId('share-code-input-dialog');
    await expect(shareInput).toBeVisible();
    await expectAccessible(page, `File → Open Share Code (${theme})`);
    // A code that does not decode: the dialog lists the problem.
    await page.getByRole('textbox', { name: 'Share code' }).fill('not-a-share-code');
    await shareInput.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByTestId('share-code-problems')).toBeVisible();
    await expectAccessible(page, `File → Open Share Code with a problem (${theme})`);
    await page.keyboard.press('Escape');
    await expect(shareInput).toBeHidden();
  });

  test(`the recovery offer and its step before discarding (${theme} theme)`, async ({ page }) => {
    await openApp(page, theme);
    await page.locator('[data-testid="sandbox-canvas"] canvas').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.reload(); // the tab goes; its work is offered back
    const offer = page.getByTestId('recovery-dialog');
    await expect(offer).toBeVisible();
    await expectAccessible(page, `the recovery offer (${theme})`);
    await offer.getByRole('button', { name: 'Discard…' }).click();
    await expect(offer.getByRole('button', { name: 'Discard for Good' })).toBeVisible();
    await expectAccessible(page, `the recovery offer asking before it discards (${theme})`);
  });

  test(`classroom mode, an open menu, the timeline's and the checks' editors and the unsaved-changes question (${theme} theme)`, async ({ page }) => {
    await openApp(page, theme);

    // Classroom mode: large type and high contrast for a projector.
    await menu(page, 'View', 'Classroom Mode');
    await expect(page.locator('.app-shell.classroom')).toBeVisible();
    await expectAccessible(page, `classroom mode (${theme})`);
    await menu(page, 'View', 'Classroom Mode');
    await expect(page.locator('.app-shell.classroom')).toHaveCount(0);

    // The menus themselves, open.
    await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'View', exact: true }).click();
    await expect(page.getByRole('menuitemcheckbox', { name: 'Dark Theme', exact: true })).toBeVisible();
    await expectAccessible(page, `the View menu open (${theme})`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menuitemcheckbox', { name: 'Dark Theme', exact: true })).toBeHidden();

    // The timeline's scenario event editor and the checks panel's check editor.
    await page.locator('.live-marker').first().click();
    const eventEditor = page.getByTestId('scenario-event-editor');
    await expect(eventEditor).toBeVisible();
    await expectAccessible(page, `the scenario event editor (${theme})`);
    await eventEditor.getByRole('button', { name: 'Close' }).click();
    await expect(eventEditor).toHaveCount(0);

    await page.getByRole('tab', { name: 'Checks' }).click();
    await page.getByRole('button', { name: /^Edit check / }).first().click();
    const checkEditor = page.getByTestId('check-editor');
    await expect(checkEditor).toBeVisible();
    await expectAccessible(page, `the check editor (${theme})`);
    await checkEditor.getByRole('button', { name: 'Done' }).click();
    await expect(checkEditor).toHaveCount(0);

    // Unsaved work, then a lesson: the "save changes?" question.
    await page.locator('[data-testid="sandbox-canvas"] canvas').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 links');
    await page.keyboard.press('F1');
    await page.getByTestId('lesson-load-balancing-and-health-checks').click();
    const dontSave = page.getByRole('button', { name: /Don.t Save/ });
    await expect(dontSave).toBeVisible();
    await expectAccessible(page, `the unsaved-changes question (${theme})`);
    await page.keyboard.press('Escape');
    await expect(dontSave).toBeHidden();
  });
}
