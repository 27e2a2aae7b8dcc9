// The end-to-end suite runs on Playwright's runner (playwright.config.ts), not here.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Three files at a time on 2 cores (vitest's default is cores − 1: one). Tests wait for events, not for time, so a
    // busy neighbour costs them speed, not correctness: the whole suite took 526 s with one worker, 335–363 s with two,
    // 321–335 s with three (many files wait on servers and timers).
    maxWorkers: 3,
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
          // As in 'unit': a worker keeps React, antd and the backend's modules loaded from one file to the next (each
          // file makes its own backend; setup.ts unmounts and resets the location after every test). The whole project
          // back to back on a busy machine: 791 s with isolation (imports 773 s), 356 s without (imports 74 s).
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
