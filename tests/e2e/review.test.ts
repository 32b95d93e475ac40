/**
 * The Review page in the built site: exercises solved days ago come back with numbers other than the
 * ones they were solved on, two chapters' exercises that share a seed key ('sb') keep their numbers
 * apart, and the page is axe-clean in light and dark and fits a 360 px screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import {
  collectErrors,
  expectNoAxeViolationsOnPage,
  expectNoErrors,
  expectNoPageOverflow,
  launch,
  nextFrame,
  routeURL,
  type PageErrors,
} from './browser';
import { NARROW_PHONE_WIDTH } from './chapterPageChecks';

let browser: LaunchedChromium;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** What was solved, by the title its exercise region is named with: the seed it was solved on and how many days ago. */
const SOLVED = {
  'information/UnitBugExercise': { title: 'Exercise: spot the bug: bits from np.log', seed: 12, daysAgo: 6 },
  'softmax-cross-entropy/StepBugExercise': { title: 'Exercise: spot the bug in a descent step', seed: 12, daysAgo: 4 },
  'softmax/ProbabilityExercise': { title: 'Exercise: one probability by hand', seed: 40, daysAgo: 3 },
} as const;

/**
 * Opens #/review with SOLVED in the browser's stored progress, solved that many days before now. The
 * progress is written by an init script before the app reads it, at every load of the page: going to
 * the route first and reloading would abort the review page's own chunks, still on their way.
 */
async function openReview(colorScheme: 'light' | 'dark'): Promise<{ page: Page; errors: PageErrors }> {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
  await page.addInitScript((solved) => {
    const now = Date.now();
    const entries = Object.fromEntries(
      Object.entries(solved).map(([id, s]) => [id, { seed: s.seed, attempts: 1, hintsUsed: 0, at: now - s.daysAgo * 86_400_000 - 60_000 }]),
    );
    if (localStorage.getItem('logit-lab:progress') === null) {
      localStorage.setItem('logit-lab:progress', JSON.stringify({ version: 1, solved: entries }));
    }
  }, SOLVED);
  await page.goto(routeURL('#/review'), { waitUntil: 'load' });
  await expect.poll(() => exerciseRegions(page).count(), { timeout: 20_000 }).toBe(3);
  return { page, errors };
}

const exerciseRegions = (page: Page) => page.getByRole('region', { name: /^Exercise/ });

/** Each exercise region's name and the set of numbers it shows ("Numbers: set N"). */
async function setsShown(page: Page): Promise<Record<string, number>> {
  const shown: Record<string, number> = {};
  for (const region of await exerciseRegions(page).all()) {
    const name = (await region.getByRole('heading').first().textContent()) ?? '';
    const text = (await region.locator('.exercise-numbers').textContent()) ?? '';
    shown[name] = Number(/Numbers: set (\d+)/.exec(text)?.[1]);
  }
  return shown;
}

describe('#/review', () => {
  it('the solved exercises come back, the longest since first, each on a set other than the one it was solved on; New numbers moves one alone; axe-clean', async () => {
    const { page, errors } = await openReview('light');
    expect(await page.title()).toBe('Review · Logit Lab');
    const shown = await setsShown(page);
    // the three, in the order of the days since (6, 4, 3)
    expect(Object.keys(shown)).toEqual(Object.values(SOLVED).map((s) => s.title));
    for (const s of Object.values(SOLVED)) {
      expect(shown[s.title], s.title).toBeGreaterThanOrEqual(1);
      expect(shown[s.title], s.title).toBeLessThanOrEqual(99999);
      expect(shown[s.title], s.title).not.toBe(s.seed);
    }
    // the two 'sb' exercises were solved on one set and are reviewed on one set (the same day, the same seed)…
    const unitBug = SOLVED['information/UnitBugExercise'].title;
    const stepBug = SOLVED['softmax-cross-entropy/StepBugExercise'].title;
    expect(shown[unitBug]).toBe(shown[stepBug]);
    // …but each keeps its own: New numbers in one leaves the other, and nothing goes into the address
    await page.getByRole('region', { name: unitBug }).getByRole('button', { name: 'New numbers' }).click();
    const after = await setsShown(page);
    expect(after[unitBug]).toBe(shown[unitBug]! >= 99999 ? 1 : shown[unitBug]! + 1);
    expect(after[stepBug]).toBe(shown[stepBug]);
    await page.waitForTimeout(1200);
    expect(new URL(page.url()).hash).toBe('#/review');

    // a reload the same day shows the review sets again (New numbers was for that visit)
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => exerciseRegions(page).count(), { timeout: 20_000 }).toBe(3);
    expect(await setsShown(page)).toEqual(shown);

    await expectNoAxeViolationsOnPage(page, '#/review (light)');
    expectNoErrors(errors);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it('dark, and 360 px wide: axe-clean, nothing wider than the screen', async () => {
    const { page, errors } = await openReview('dark');
    await expectNoAxeViolationsOnPage(page, '#/review (dark)');
    await page.setViewportSize({ width: NARROW_PHONE_WIDTH, height: 780 });
    await nextFrame(page);
    await expectNoPageOverflow(page, NARROW_PHONE_WIDTH);
    await expectNoAxeViolationsOnPage(page, '#/review (dark, 360 px)');
    expectNoErrors(errors);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});
