import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { nodeCentre, openFileText, watchForProblems } from './pageHelpers';

/**
 * The canvas's fault menu offers only faults that would change something, and none after the end
 * of the run (where a fault would be saved into the scenario at a moment that never plays).
 */
type Live = { controller: { model: { frame: { timeMs: number; ended: boolean } | null }; store: { getDocument(): { scenario: unknown[] } } } };

async function frame(page: Page) {
  return page.evaluate(() => (window as unknown as { __faultlineLive: Live }).__faultlineLive.controller.model.frame);
}

async function scenarioLength(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __faultlineLive: Live }).__faultlineLive.controller.store.getDocument().scenario.length);
}

test('after the end the fault menu says how to inject again, and its items do nothing', async ({ page }) => {
  const problems = watchForProblems(page);
  const doc = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'examples', 'classic-web-stack.faultline'), 'utf8')) as { durationS: number; scenario: unknown[] };
  doc.durationS = 2;
  doc.scenario = [];
  await openFileText(page, 'short-stack.faultline', JSON.stringify(doc));
  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  await page.getByTestId('live-play').click();
  await expect.poll(async () => (await frame(page))?.ended).toBe(true);

  const app1 = await nodeCentre(page, 'app1');
  await page.mouse.click(app1.x, app1.y, { button: 'right' });
  const menu = page.getByTestId('fault-menu');
  await expect(menu).toContainText('The run has ended: seek back or press Reset to inject a fault.');
  const crash = menu.getByRole('menuitem', { name: 'Crash app1' });
  await expect(crash).toHaveAttribute('aria-disabled', 'true');
  await expect(crash).toHaveAccessibleDescription('The run has ended: seek back or press Reset to inject a fault.');
  // Nothing to recover or heal here: those items are not offered at all.
  await expect(menu.getByRole('menuitem', { name: 'Recover speed' })).toHaveCount(0);
  await expect(menu.getByRole('menuitem', { name: 'Heal all partitions' })).toHaveCount(0);
  // Clicked anyway (Playwright waits for an enabled item unless forced): nothing is injected.
  await crash.click({ force: true });
  await expect(menu).toBeVisible();
  expect(await scenarioLength(page)).toBe(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();

  // Back in the run, the same menu injects.
  await page.getByRole('button', { name: 'Reset to 0 s' }).click();
  await expect.poll(async () => (await frame(page))?.ended).toBe(false);
  // The run's summary caption goes a moment after the first frame, and the view glides down into
  // the room it leaves (nodeCentre waits for the glide): a right-click before that missed app1.
  await expect(page.getByTestId('live-caption')).toHaveCount(0);
  const app1Now = await nodeCentre(page, 'app1');
  await page.mouse.click(app1Now.x, app1Now.y, { button: 'right' });
  await expect(menu).not.toContainText('The run has ended');
  await menu.getByRole('menuitem', { name: 'Crash app1' }).click();
  await expect(menu).toBeHidden();
  await expect.poll(() => scenarioLength(page)).toBe(1);
  expect(problems).toEqual([]);
});
