import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { describeChapterPageChecks } from './chapterPageChecks';

const LIVE_FORMULA = '[data-testid="live-formula"] .katex';

/** The squared-error chapter is shown with its race stepped and its many-seed results in. */
async function runRaceAndExperiment(page: Page): Promise<void> {
  for (let i = 0; i < 20; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.getByLabel('Seeds', { exact: true }).selectOption('50');
  await page.getByLabel('Steps per loss').selectOption('300');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const done = page.getByRole('progressbar', { name: 'Seeds finished' });
  await expect.poll(async () => Number(await done.getAttribute('aria-valuenow')), { timeout: 20_000 }).toBe(50);
}

describeChapterPageChecks([
  { slug: 'information', ready: LIVE_FORMULA },
  { slug: 'softmax', ready: LIVE_FORMULA, phoneDark: true },
  { slug: 'jacobian', ready: LIVE_FORMULA },
  { slug: 'softmax-cross-entropy', ready: LIVE_FORMULA },
  { slug: 'binary-cross-entropy', ready: LIVE_FORMULA },
  { slug: 'squared-error-vs-cross-entropy', ready: `.saturation-explorer ${LIVE_FORMULA}`, prepare: runRaceAndExperiment },
]);
