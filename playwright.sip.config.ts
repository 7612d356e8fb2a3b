import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/harness/chromium';

// The softphone against the real PBX lab (tests/pbx-lab). `npm test` runs this inside a private
// network namespace; the lab's ports are fixed there, so the files run one at a time.
export default defineConfig({
  testDir: 'tests/e2e-sip',
  outputDir: 'test-results/e2e-sip',
  timeout: 60_000,
  expect: { timeout: 8_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-sip-report.json' }]],
  use: {
    browserName: 'chromium',
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
    // The lab's WSS certificate is self-signed; this also covers the WebSocket.
    ignoreHTTPSErrors: true,
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs({ webrtc: true }) },
    trace: 'retain-on-failure',
  },
});
