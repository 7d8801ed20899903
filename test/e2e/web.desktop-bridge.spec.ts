import { expect, test, type Page } from '@playwright/test';

/**
 * The desktop renderer's side of the native menu's check marks, in Chromium: no Electron binary
 * can run here, so the page is given a stand-in for the preload's bridge (`window.faultline`,
 * shared/ipc/bridge.ts), which makes it pick the desktop host (renderer/host/pickHost.ts). The
 * stand-in records what the page reports with `setMenuChecks` and sends native menu commands as
 * main would. Main's side (the menu template and the IPC schema) has its own unit tests.
 */
type Checks = { 'view.toggleDarkMode': boolean; 'view.toggleClassroomMode': boolean };
type StandIn = { __reportedChecks: Checks[]; __copied: string[]; __sendMenuCommand(command: string): void };

async function openWithStandInBridge(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const reported: unknown[] = [];
    const copied: string[] = [];
    let menuListener: ((command: string) => void) | null = null;
    const pending = () => new Promise<never>(() => {});
    const none = async () => null;
    const unsubscribe = () => () => {};
    Object.assign(window, {
      __reportedChecks: reported,
      __copied: copied,
      __sendMenuCommand: (command: string) => menuListener?.(command),
      faultline: {
        getAppInfo: async () => ({ name: 'Faultline', version: '0.0.0-test', platform: 'linux', edition: 'desktop', electron: '0.0.0', chrome: '0.0.0', node: '0.0.0' }),
        onMenuCommand: (listener: (command: string) => void) => {
          menuListener = listener;
          return () => (menuListener = null);
        },
        setMenuChecks: async (checks: unknown) => {
          reported.push(checks);
          return null;
        },
        writeClipboardText: async (text: string) => {
          copied.push(text);
          return null;
        },
        openFile: pending,
        saveFile: pending,
        saveFileAs: pending,
        revertFile: pending,
        exportFile: pending,
        takePendingOpens: async () => [],
        onFileOpened: unsubscribe,
        storeRecovery: none,
        clearRecovery: none,
        listRecovery: async () => [],
        restoreRecovery: pending,
        discardRecovery: none,
        setDocumentState: none,
        closeWindowNow: none,
        onSaveBeforeClose: unsubscribe,
        // The engine's port never comes: this test is about the menu, not the simulation.
        connectEngine: () => {},
      },
    });
  });
  await page.goto('/');
}

/** The speed presets' radio items, the one given checked (none without an engine, as here). */
const speedAt = (current: string | null) =>
  Object.fromEntries(['sim.speedSlowMotion', 'sim.speedOneTenth', 'sim.speedRealTime', 'sim.speedTenTimes', 'sim.speedHundredTimes', 'sim.speedFastest'].map((command) => [command, command === current]));
/** The palette and the inspector, shown as they are at the start; no speed checked (no engine: nothing runs at any speed). */
const SIDES_SHOWN = { 'view.togglePalette': true, 'view.toggleInspector': true, ...speedAt(null) };

const lastReported = (page: Page) => page.evaluate(() => (window as unknown as StandIn).__reportedChecks.at(-1) ?? null);

test('the native menu\'s Dark Theme, Classroom Mode, Run Panels, Palette and Inspector check marks follow the settings, however they are changed', async ({ page }) => {
  await openWithStandInBridge(page);
  // The desktop host: the native menu, so no in-page menu bar.
  await expect(page.getByTestId('theme-toggle')).toBeVisible();
  await expect(page.getByTestId('app-menu-bar')).toHaveCount(0);
  await expect.poll(() => lastReported(page)).toEqual({ 'view.toggleDarkMode': false, 'view.toggleClassroomMode': false, 'view.togglePanel': true, ...SIDES_SHOWN });

  // Chosen in the native menu: the command comes over the bridge, and the mark goes on.
  await page.evaluate(() => (window as unknown as StandIn).__sendMenuCommand('view.toggleClassroomMode'));
  await expect(page.locator('.app-shell.classroom')).toHaveCount(1);
  await expect.poll(() => lastReported(page)).toEqual({ 'view.toggleDarkMode': false, 'view.toggleClassroomMode': true, 'view.togglePanel': true, ...SIDES_SHOWN });

  // Changed in the page (the title bar's theme button): the native menu is told too.
  await page.getByTestId('theme-toggle').click();
  await expect.poll(() => lastReported(page)).toEqual({ 'view.toggleDarkMode': true, 'view.toggleClassroomMode': true, 'view.togglePanel': true, ...SIDES_SHOWN });

  await page.evaluate(() => (window as unknown as StandIn).__sendMenuCommand('view.toggleDarkMode'));
  await expect.poll(() => lastReported(page)).toEqual({ 'view.toggleDarkMode': false, 'view.toggleClassroomMode': true, 'view.togglePanel': true, ...SIDES_SHOWN });

  // Run Panels (Ctrl+J is the native menu's accelerator there): folded from the menu, unfolded by a tab.
  await page.evaluate(() => (window as unknown as StandIn).__sendMenuCommand('view.togglePanel'));
  await expect(page.locator('#live-tab-panel')).toBeHidden();
  await expect.poll(() => lastReported(page)).toEqual({ 'view.toggleDarkMode': false, 'view.toggleClassroomMode': true, 'view.togglePanel': false, ...SIDES_SHOWN });
  await page.getByRole('tab', { name: 'Checks' }).click();
  await expect(page.locator('#live-tab-panel')).toBeVisible();
  await expect.poll(() => lastReported(page)).toEqual({ 'view.toggleDarkMode': false, 'view.toggleClassroomMode': true, 'view.togglePanel': true, ...SIDES_SHOWN });

  // Palette and Inspector (Ctrl+B and Ctrl+I there), from the native menu (classroom mode has set the palette aside, strip and all).
  await page.evaluate(() => (window as unknown as StandIn).__sendMenuCommand('view.togglePalette'));
  await expect(page.getByTestId('fold-palette')).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(() => lastReported(page)).toEqual({ 'view.toggleDarkMode': false, 'view.toggleClassroomMode': true, 'view.togglePanel': true, ...SIDES_SHOWN, 'view.togglePalette': false });
  await expect(page.getByTestId('fold-palette')).toBeHidden();
  await page.evaluate(() => (window as unknown as StandIn).__sendMenuCommand('view.togglePalette'));
  await expect.poll(() => lastReported(page)).toEqual({ 'view.toggleDarkMode': false, 'view.toggleClassroomMode': true, 'view.togglePanel': true, ...SIDES_SHOWN });
  await page.evaluate(() => (window as unknown as StandIn).__sendMenuCommand('view.toggleInspector'));
  await expect.poll(() => lastReported(page)).toEqual({ 'view.toggleDarkMode': false, 'view.toggleClassroomMode': true, 'view.togglePanel': true, ...SIDES_SHOWN, 'view.toggleInspector': false });
});

test('Copy Share Code puts the code on the clipboard through the bridge (the desktop session grants the page no clipboard permission)', async ({ page }) => {
  await openWithStandInBridge(page);
  await expect(page.getByTestId('theme-toggle')).toBeVisible();
  await page.evaluate(() => (window as unknown as StandIn).__sendMenuCommand('file.copyShareCode'));
  await expect.poll(() => page.evaluate(() => (window as unknown as StandIn).__copied.length)).toBe(1);
  const code = await page.evaluate(() => (window as unknown as StandIn).__copied[0]);
  expect(code).toMatch(/^[A-Za-z0-9_-]{40,}$/);
});
