import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** Debian's Chromium where present (no browser downloads on these machines), Playwright's own elsewhere. */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
// FAULTLINE_E2E_PORT lets parallel runs (each with its own FAULTLINE_WEB_OUT_DIR) coexist.
const webPort = Number(process.env.FAULTLINE_E2E_PORT ?? 4317);

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  projects: [
    {
      name: 'web',
      testMatch: /web\..*\.spec\.ts$/,
      use: {
        baseURL: `http://127.0.0.1:${webPort}`,
        browserName: 'chromium',
        viewport: { width: 1400, height: 860 },
        launchOptions: {
          executablePath: systemChromium,
          // SwiftShader gives headless Chromium a software WebGL; the rest keeps it off a closed network.
          args: [
            '--no-sandbox',
            '--use-angle=swiftshader',
            '--enable-unsafe-swiftshader',
            '--ignore-gpu-blocklist',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    {
      name: 'electron',
      testMatch: /electron\.spec\.ts$/,
    },
  ],
  webServer: {
    command: `npx vite preview --config vite.web.config.ts --host 127.0.0.1 --port ${webPort} --strictPort`,
    url: `http://127.0.0.1:${webPort}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
