import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node',
          // Unit tests first and alone: on a two-core machine they would otherwise share the CPU with
          // the browser whose main-thread long tasks the end-to-end tests measure.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'eval',
          include: ['test/eval/**/*.test.ts'],
          environment: 'happy-dom',
          // After the unit tests and before the browsers: it judges every page of test/corpus/.
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
      // The offer gate's trainer (npm run train:gate): it judges every tuning page, so it runs only when asked.
      ...(process.env.TIPLINE_TRAIN === '1'
        ? [{ test: { name: 'train', include: ['scripts/train/**/*.train.ts'], environment: 'happy-dom' as const, testTimeout: 1_800_000 } }]
        : []),
    ],
  },
});
