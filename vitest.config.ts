import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ when it is older than the sources: the tests that spawn the binary never run stale code.
    globalSetup: ['test/global-setup.ts'],
    // Modules under test word their output from the whole catalogue, as a command does once the CLI has loaded it.
    setupFiles: ['test/setup-catalogue.ts'],
    testTimeout: 20_000,
    pool: 'forks',
    // Most test time is spent waiting on spawned binaries and browsers, so two forks pay off even
    // on two cores (vitest's default there is one): the suite took 200 s with one, 139 s with two.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
