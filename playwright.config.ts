import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/harness/chromium';

// End-to-end tests drive the real renderer, served by the real browser shell, in Debian's Chromium.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: {
    browserName: 'chromium',
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs() },
    trace: 'retain-on-failure',
  },
});
