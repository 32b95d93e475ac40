// @ts-check
/**
 * Mutation testing of the core (`npm run mutation`, issue 16): StrykerJS plants small changes
 * (mutants) in src/core and runs tests/core against each; a mutant the tests do not notice is a
 * promise of the code that no test states. Not part of `npm test`: at 1–2 s a mutant on two cores, a
 * full run (about 2 400 mutants) takes an hour or more; `--mutate src/core/<file>.ts` runs one file.
 * Mutants no test can kill (the change gives the same result for every input) are listed, with why,
 * in stryker-equivalent-mutants.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['src/core/**/*.ts'],
  // Only the tests that cover a mutant run against it.
  coverageAnalysis: 'perTest',
  // The machine has two cores shared with others.
  concurrency: 2,
  // clear-text prints the score of every file; html and json are the reports to read afterwards.
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { allowColor: false, reportScoreTable: true, reportMutants: true, reportTests: false },
  htmlReporter: { fileName: 'bench/results/mutation/index.html' },
  jsonReporter: { fileName: 'bench/results/mutation/mutation.json' },
  // With --incremental, the results kept for the next run (only changed mutants and tests run again).
  incrementalFile: 'bench/results/mutation/incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // The fast-check properties run hundreds of cases; a slow mutant is a timeout, not a hang.
  timeoutMS: 20000,
};
