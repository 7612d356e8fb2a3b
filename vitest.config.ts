import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['tests/harness/build-test-worker.ts'],
    projects: [
      {
        test: {
          name: 'main',
          environment: 'node',
          include: [
            'tests/unit/main/**/*.test.ts',
            'tests/unit/native/**/*.test.ts',
            'tests/unit/lint/**/*.test.ts',
            'tests/unit/lab/**/*.test.ts',
            'tests/unit/platform/**/*.test.ts',
            'tests/unit/packaging/**/*.test.ts',
            'tests/integration/**/*.test.ts',
          ],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['tests/unit/renderer/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
