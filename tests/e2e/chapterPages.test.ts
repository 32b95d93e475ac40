import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { trainFor } from './backpropPage';
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

/** Chapter 6 is shown after a dozen steps of gradient descent, with the path drawn on the cost map. */
async function stepLogisticRegression(page: Page): Promise<void> {
  for (let i = 0; i < 12; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
}

/** Chapter 10 is shown where the naive forms break: its page must be accessible with ∞ and NaN on it. */
async function overflowStability(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^z = \[1000, 999, 998\]/ }).first().click();
  await expect.poll(async () => (await page.getByTestId('naive-float64-loss').first().textContent())?.trim()).toBe('NaN');
}

describeChapterPageChecks([
  { slug: 'information', ready: LIVE_FORMULA },
  { slug: 'softmax', ready: LIVE_FORMULA, phoneDark: true },
  { slug: 'jacobian', ready: LIVE_FORMULA },
  { slug: 'softmax-cross-entropy', ready: LIVE_FORMULA },
  { slug: 'binary-cross-entropy', ready: LIVE_FORMULA },
  { slug: 'squared-error-vs-cross-entropy', ready: `.saturation-explorer ${LIVE_FORMULA}`, prepare: runRaceAndExperiment },
  { slug: 'logistic-regression', ready: `.logistic-lab ${LIVE_FORMULA}`, prepare: stepLogisticRegression },
  // chapter 8 trained a little, so its regions, curves and heatmaps show a run
  { slug: 'backprop', ready: '.backprop-trainer [data-testid="bp-formula"] .katex', prepare: async (page) => void (await trainFor(page, 100)) },
  { slug: 'gradient-check', ready: `.gradient-check-explorer ${LIVE_FORMULA}` },
  { slug: 'stability', ready: '[data-testid="backward-formula"] .katex', prepare: overflowStability },
]);
