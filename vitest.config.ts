// The end-to-end suite runs on Playwright's runner (playwright.config.ts), not here.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          globalSetup: ['test/helpers/globalSetup.ts'],
          include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}', 'platform/test/**/*.test.ts'],
          exclude: ['test/unit/electron/**'],
          environment: 'node',
          pool: 'forks',
          // A worker keeps the modules it loaded from one file to the next (each file made its own
          // backend, platform and temp folders anyway): the files' imports took a fifth of the run.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // The Electron shell's files replace the electron module (vi.mock): each file on its own.
          name: 'shell',
          include: ['test/unit/electron/**/*.test.{ts,tsx}'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // The renderer's components in jsdom, on the in-memory transport against a real backend.
          name: 'renderer',
          globalSetup: ['test/helpers/globalSetup.ts'],
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/renderer/setup.ts'],
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
