import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts'],
    environment: 'node',
    // Simulation tests against queueing theory run long event streams; give them room on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
