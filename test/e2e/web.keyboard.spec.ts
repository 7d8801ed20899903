import { expect, test } from '@playwright/test';

/**
 * Keyboard-only use: a dialog opened from a menu takes focus, Space presses the focused button
 * (and plays or pauses only when focus is on the canvas or nowhere), the timeline is a slider
 * with the usual keys, and its event markers open from the keyboard.
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/live';

test('menus, dialogs, buttons and the timeline work from the keyboard', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();

  // File → Open Share Code… by keyboard: the dialog's field has focus, not the File menu.
  const file = page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'File', exact: true });
  await file.focus();
  await page.keyboard.press('Enter');
  const item = page.getByRole('menuitem', { name: 'Open Share Code…' });
  await expect(item).toBeVisible();
  await item.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect.poll(async () => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
  await page.screenshot({ path: `${SHOTS}/30-share-code-dialog-focus.png` });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Space on a focused button presses it (here: opens the lessons), and does not start the run.
  const browse = page.getByRole('button', { name: /Browse lessons/ });
  await browse.focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  const frame = async () => page.evaluate(() => (window as unknown as { __faultlineLive: { controller: { model: { frame: { timeMs: number; playing: boolean } | null } } } }).__faultlineLive.controller.model.frame);
  expect((await frame())?.playing ?? false).toBe(false);

  // The timeline slider: End goes to the end, Home back to 0, Page Up ten seconds on.
  const timeline = page.getByTestId('live-timeline');
  await timeline.focus();
  await page.keyboard.press('End');
  await expect.poll(async () => (await frame())?.timeMs).toBe(60_000);
  await page.keyboard.press('Home');
  await expect.poll(async () => (await frame())?.timeMs).toBe(0);
  await page.keyboard.press('PageUp');
  await expect.poll(async () => (await frame())?.timeMs).toBe(10_000);

  // The dock's tabs are one Tab stop; the arrows move between them.
  await page.getByRole('tab', { name: 'Charts' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Event log' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Event log' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Design problems' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Charts' })).toHaveAttribute('tabindex', '-1');

  // A scenario marker opens its editor from the keyboard, with focus inside; Escape closes it.
  const marker = page.locator('.live-marker').first();
  await marker.focus();
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('scenario-event-editor');
  await expect(editor).toBeVisible();
  await expect.poll(async () => page.evaluate(() => document.activeElement?.closest('[data-testid="scenario-event-editor"]') !== null)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
});

test('Space plays and pauses from the playback bar, the run panels’ tabs and the timeline, not from fields', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const frame = async () => page.evaluate(() => (window as unknown as { __faultlineLive: { controller: { model: { frame: { playing: boolean; speed: number | string } | null } } } }).__faultlineLive.controller.model.frame);
  const playing = async () => (await frame())?.playing ?? false;
  const speeds = page.getByRole('radiogroup', { name: 'Speed' });

  // A click on a speed button leaves focus on it: Space then plays and pauses, and does not press it again.
  await speeds.getByRole('radio', { name: '1×', exact: true }).click();
  await expect.poll(async () => (await frame())?.speed).toBe(1);
  await page.keyboard.press('Space');
  await expect.poll(playing).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(playing).toBe(false);

  // On another speed button, Space does not choose that speed; Enter still does.
  const hundred = speeds.getByRole('radio', { name: '100×', exact: true });
  await hundred.focus();
  await page.keyboard.press('Space');
  await expect.poll(playing).toBe(true);
  expect((await frame())?.speed).toBe(1);
  await page.keyboard.press('Space');
  await expect.poll(playing).toBe(false);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await frame())?.speed).toBe(100);
  expect(await playing()).toBe(false);
  // Back to 1× (by Enter again), so the rest of the test does not run to the end.
  await speeds.getByRole('radio', { name: '1×', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await frame())?.speed).toBe(1);

  // The Play button itself toggles once per Space (not twice: by the key and by a click).
  await page.getByTestId('live-play').focus();
  await page.keyboard.press('Space');
  await expect.poll(playing).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(playing).toBe(false);

  // After a click on a run panel's tab.
  await page.getByRole('tab', { name: 'Event log' }).click();
  await page.keyboard.press('Space');
  await expect.poll(playing).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(playing).toBe(false);
  await expect(page.getByRole('tab', { name: 'Event log' })).toHaveAttribute('aria-selected', 'true');

  // On the timeline, and on the canvas.
  await page.getByTestId('live-timeline').focus();
  await page.keyboard.press('Space');
  await expect.poll(playing).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(playing).toBe(false);
  await page.getByTestId('sandbox-canvas').focus();
  await page.keyboard.press('Space');
  await expect.poll(playing).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(playing).toBe(false);

  // Selects and text fields keep Space for themselves.
  const filter = page.getByRole('tabpanel').locator('select').first();
  await filter.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Escape');
  await page.getByLabel('Title').focus();
  await page.keyboard.press('Space');
  await page.waitForTimeout(300);
  expect(await playing()).toBe(false);
  await page.keyboard.press('Backspace');
});

test('the speeds are one radio group: Tab enters at the checked speed, the arrows, Home and End choose, Space still plays', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const frame = async () => page.evaluate(() => (window as unknown as { __faultlineLive: { controller: { model: { frame: { playing: boolean; speed: number | string } | null } } } }).__faultlineLive.controller.model.frame);
  const playing = async () => (await frame())?.playing ?? false;
  const speeds = page.getByRole('radiogroup', { name: 'Speed' });
  const radio = (name: string) => speeds.getByRole('radio', { name, exact: true });
  const focusedLabel = () => page.evaluate(() => (document.activeElement?.getAttribute('role') === 'radio' ? document.activeElement.textContent : `not a radio: ${document.activeElement?.tagName}`));
  await expect(radio('1×')).toHaveAttribute('aria-checked', 'true');

  // One Tab stop: from Reset, Tab lands on the checked speed (1×, not the first), and the next Tab leaves the group.
  await page.getByRole('button', { name: 'Reset to 0 s' }).focus();
  await page.keyboard.press('Tab');
  expect(await focusedLabel()).toBe('1×');
  await page.screenshot({ path: `${SHOTS}/speed-radio-focus.png`, clip: (await page.getByRole('toolbar', { name: 'Playback' }).boundingBox())! });
  await page.keyboard.press('Tab');
  expect(await focusedLabel()).toMatch(/^not a radio/);
  await page.keyboard.press('Shift+Tab');
  expect(await focusedLabel()).toBe('1×');

  // The arrows move and choose at once (wrapping round); Home and End go to the ends.
  await page.keyboard.press('ArrowRight');
  expect(await focusedLabel()).toBe('10×');
  await expect.poll(async () => (await frame())?.speed).toBe(10);
  await expect(radio('10×')).toHaveAttribute('aria-checked', 'true');
  await expect(radio('10×')).toHaveAttribute('tabindex', '0');
  await expect(radio('1×')).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  expect(await focusedLabel()).toBe('1/10×');
  await expect.poll(async () => (await frame())?.speed).toBe(0.1);
  await page.keyboard.press('End');
  expect(await focusedLabel()).toBe('Max');
  await expect.poll(async () => (await frame())?.speed).toBe('max');
  await page.keyboard.press('ArrowRight');
  expect(await focusedLabel()).toBe('1/100×');
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  expect(await focusedLabel()).toBe('1/100×');
  await expect.poll(async () => (await frame())?.speed).toBe(0.01);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await focusedLabel()).toBe('1×');
  await expect.poll(async () => (await frame())?.speed).toBe(1);
  // Space on the focused radio plays and pauses (the playback bar's rule), it does not choose.
  await page.keyboard.press('Space');
  await expect.poll(playing).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(playing).toBe(false);
  expect((await frame())?.speed).toBe(1);
  expect(await focusedLabel()).toBe('1×');
  // Tab comes back to the speed chosen last.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  expect(await focusedLabel()).toBe('1×');
});
