import { defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against each mutant of src/core (`npm run mutation`, stryker.config.mjs):
 * tests/core, in Node, without the app's Vite plugins (the core imports none of what they build).
 * allocation.test.ts stays out: Stryker's instrumented code allocates on every call by design, so
 * those two tests would fail for every mutant and say nothing about it.
 */
export default defineConfig({
  test: {
    include: ['tests/core/**/*.test.ts'],
    exclude: ['tests/core/allocation.test.ts'],
    environment: 'node',
    // Instrumented code (coverage per test, a switch at every mutant) runs several times slower, and on
    // a shared two-core machine the training tests outgrow the usual 5 s; a timeout here would stop the
    // whole run at its dry run. Stryker's own timeoutMS still catches a mutant that hangs.
    testTimeout: 60_000,
  },
});
