import { expect, test, type Page } from '@playwright/test';

/**
 * View → Dark Theme and Classroom Mode are settings: checkbox items (menuitemcheckbox with
 * aria-checked, and a tick) that say whether the setting is on, however it was turned on.
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/menu-toggles';

async function viewItem(page: Page, name: string) {
  await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'View', exact: true }).click();
  return page.getByTestId('menu-view').getByRole('menuitemcheckbox', { name, exact: true });
}

test('View → Dark Theme and Classroom Mode show whether they are on', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.emulateMedia({ colorScheme: 'light' });

  const theme = page.locator('html');
  const startsDark = (await theme.getAttribute('data-theme')) === 'dark';
  if (startsDark) await page.getByRole('button', { name: 'Switch to the light theme' }).click();
  await expect(theme).not.toHaveAttribute('data-theme', 'dark');

  // Off: unchecked, no tick.
  let dark = await viewItem(page, 'Dark Theme');
  await expect(dark).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByTestId('menu-view').getByRole('menuitemcheckbox', { name: 'Classroom Mode', exact: true })).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByTestId('menu-view').getByRole('menuitem', { name: /Dark Mode/ })).toHaveCount(0);
  await dark.click();
  await expect(theme).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('menu-view')).toBeHidden();

  // On from the menu: checked.
  dark = await viewItem(page, 'Dark Theme');
  await expect(dark).toHaveAttribute('aria-checked', 'true');
  await expect(dark.locator('.menu-item-check')).toBeVisible();
  await page.keyboard.press('Escape');

  // Off from the toolbar: the menu follows.
  await page.getByRole('button', { name: 'Switch to the light theme' }).click();
  await expect(await viewItem(page, 'Dark Theme')).toHaveAttribute('aria-checked', 'false');
  await page.keyboard.press('Escape');

  // Classroom Mode: checked once on, unchecked once off.
  await (await viewItem(page, 'Classroom Mode')).click();
  await expect(page.locator('.app-shell')).toHaveClass(/classroom/);
  const classroom = await viewItem(page, 'Classroom Mode');
  await expect(classroom).toHaveAttribute('aria-checked', 'true');
  await page.screenshot({ path: `${SHOTS}/view-menu-classroom-checked.png` });
  await classroom.click();
  await expect(page.locator('.app-shell')).not.toHaveClass(/classroom/);
  await expect(await viewItem(page, 'Classroom Mode')).toHaveAttribute('aria-checked', 'false');
});

test('Simulation → Speed offers every preset as a radio item with the current one checked, however it was chosen', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const speedItem = async (name: string) => {
    await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'Simulation', exact: true }).click();
    return page.getByTestId('menu-simulation').getByRole('menuitemradio', { name, exact: true });
  };
  const toolbarSpeed = (name: string) => page.getByRole('toolbar', { name: 'Playback' }).getByRole('radio', { name, exact: true });

  // The run starts at real time: that item alone is checked, among all six presets.
  await speedItem('Real Time (1×)');
  const radios = page.getByTestId('menu-simulation').getByRole('menuitemradio');
  await expect(radios).toHaveText(['Slow Motion (1/100×)', '1/10×', 'Real Time (1×)', '10×', '100×', 'As Fast as Possible (Max)']);
  await expect(radios.and(page.locator('[aria-checked="true"]'))).toHaveText(['Real Time (1×)']);
  await page.screenshot({ path: `${SHOTS}/simulation-menu-speeds.png` });
  await page.keyboard.press('Escape');

  // Chosen in the menu: the toolbar follows, and so does the menu's mark.
  await (await speedItem('1/10×')).click();
  await expect(page.getByTestId('menu-simulation')).toBeHidden();
  await expect(toolbarSpeed('1/10×')).toHaveAttribute('aria-checked', 'true');
  await expect(await speedItem('1/10×')).toHaveAttribute('aria-checked', 'true');
  await expect(radios.and(page.locator('[aria-checked="true"]'))).toHaveCount(1);
  await page.keyboard.press('Escape');

  // Chosen on the toolbar: the menu follows.
  await toolbarSpeed('100×').click();
  await expect(await speedItem('100×')).toHaveAttribute('aria-checked', 'true');
  await expect(radios.and(page.locator('[aria-checked="true"]'))).toHaveText(['100×']);
  await page.keyboard.press('Escape');
});
