import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { watchForProblems } from './pageHelpers';

/** Share of screenshot pixels that differ from the canvas background: proof something was drawn. */
async function drawnShare(page: Page, png: Buffer, background: [number, number, number]): Promise<number> {
  return page.evaluate(
    async ({ base64, background }) => {
      // Decoded in the page without fetch(): the app's CSP rightly forbids fetching data: URLs.
      const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
      const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      let differing = 0;
      for (let index = 0; index < pixels.length; index += 4) {
        const distance = Math.abs(pixels[index] - background[0]) + Math.abs(pixels[index + 1] - background[1]) + Math.abs(pixels[index + 2] - background[2]);
        if (distance > 24) differing++;
      }
      return differing / (pixels.length / 4);
    },
    { base64: png.toString('base64'), background },
  );
}

test.describe('web edition', () => {
  test('loads the default sandbox with WebGL, no console errors and no CSP violations', async ({ page }, testInfo) => {
    const problems = watchForProblems(page);
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        // Pixi probes once whether eval works (unsafeEvalSupported(): new Function in a try) and,
        // with 'pixi.js/unsafe-eval' installed, never needs it. That probe is the one eval allowed.
        const tag = event.blockedURI === 'eval' ? 'CSP eval probe' : 'CSP violation';
        console.error(`${tag}: ${event.violatedDirective} blocked ${event.blockedURI}`);
      });
    });
    await page.goto('/');

    await expect(page.getByTestId('status-host')).toHaveText('Web edition');
    await expect(page.getByTestId('status-renderer')).toHaveText('Renderer: WebGL');
    await expect(page.locator('[data-testid="sandbox-canvas"] canvas')).toHaveAttribute('data-renderer', 'webgl');
    await expect(page.getByTestId('status-counts')).toContainText(/\d+ nodes/);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');

    // Let Pixi render a few frames before looking.
    await page.waitForTimeout(500);
    const canvasShot = await page.getByTestId('sandbox-canvas').screenshot();
    await testInfo.attach('canvas', { body: canvasShot, contentType: 'image/png' });
    await page.screenshot({ path: testInfo.outputPath('web-edition.png') });
    const share = await drawnShare(page, canvasShot, [0x0e, 0x11, 0x16]);
    expect(share, 'share of canvas pixels that are not background').toBeGreaterThan(0.05);

    const evalProbes = problems.filter((problem) => problem.includes('CSP eval probe'));
    expect(evalProbes.length, 'Pixi probes eval at most once').toBeLessThanOrEqual(1);
    expect(problems.filter((problem) => !problem.includes('CSP eval probe'))).toEqual([]);
  });

  test('Help → Documentation explains the sandbox and lists the shortcuts; Help → About names the version', async ({ page }, testInfo) => {
    await page.goto('/');
    await expect(page.getByTestId('status-renderer')).toHaveText('Renderer: WebGL');
    const help = async (item: string) => {
      await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'Help', exact: true }).click();
      await page.getByRole('menuitem', { name: item, exact: true }).click();
    };
    await help('Documentation');
    const guide = page.getByTestId('guide-dialog');
    await expect(guide).toBeVisible();
    await expect(guide.getByRole('heading', { name: 'How Faultline works' })).toBeVisible();
    // The shortcuts it lists are the ones the menus show.
    await expect(guide.getByRole('row', { name: /Ctrl\+S \/ Ctrl\+Shift\+S.*Save/ })).toBeVisible();
    await expect(guide.getByRole('row', { name: /^Space Play \/ Pause/ })).toBeVisible();
    await expect(guide.getByRole('row', { name: /^F10 Step/ })).toBeVisible();
    // The View menu's zoom keys, written as the menu writes them (a hyphen, not a minus sign).
    await expect(guide.getByRole('row', { name: /^Ctrl\+= \/ Ctrl\+- \/ Ctrl\+0 Zoom in/ })).toBeVisible();
    // The spelling of the rest of the app ("A region: a data center or a continent").
    await expect(guide).toContainText('Draw regions around nodes for data centers;');
    await page.screenshot({ path: testInfo.outputPath('guide.png') });
    // The reference: a kind opens to its fields under their file names, with their defaults.
    const lb = guide.locator('details[data-kind="lb"]');
    await expect(lb.getByRole('row', { name: /ha\.heartbeatMs/ })).toBeHidden();
    await lb.locator('summary').click();
    await expect(lb.getByRole('row', { name: /^ha\.heartbeatMs Heartbeat\. Time between heartbeats to the peer\. \(a number ≥ 1\) 500 ms$/ })).toBeVisible();
    await expect(guide.getByTestId('help-reference-actions').getByRole('row', { name: /^partition Partition groups of node or region ids$/ })).toBeVisible();
    await expect(guide.getByTestId('help-reference-metrics').getByRole('row', { name: /^cache\.hitRatio Cache hit ratio 0–1 needed: a cache, cdn, proxy$/ })).toBeVisible();
    await lb.locator('summary').scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('guide-reference.png') });
    await page.keyboard.press('Escape');
    await expect(guide).toBeHidden();

    await help('About Faultline');
    const about = page.getByTestId('about-dialog');
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    await expect(about.getByTestId('about-version')).toHaveText(version);
    await expect(about.getByTestId('about-edition')).toHaveText('Web');
    await page.keyboard.press('Escape');
    await expect(about).toBeHidden();
  });

  test('on a Mac the toolbar tooltips name ⌘, as the menus do', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' }));
    await page.goto('/');
    await expect(page.getByTestId('status-renderer')).toHaveText('Renderer: WebGL');
    await expect(page.getByTestId('undo')).toHaveAttribute('title', 'Undo (⌘+Z)');
    await expect(page.getByTestId('redo')).toHaveAttribute('title', 'Redo (⌘+Shift+Z)');
    await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'Edit', exact: true }).click();
    await expect(page.getByRole('menuitem', { name: /^Undo/ })).toContainText('⌘+Z');
  });
});
