/**
 * Predict, then check, in the built site: an exercise is solved from the numbers it shows (the answer
 * computed here, as a learner would), a known mistake is named, and the progress survives a reload
 * and shows in the contents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { LATER_MS } from '../../src/app/whenWanted';
import { everySlotDrawn, expectNoAxeViolationsOnPage, expectNoErrors, launch, openRoute } from './browser';

let browser: LaunchedChromium;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** Chapter 2's first exercise: its logits and class as shown, and p_k computed from them. */
async function probabilityAsked(region: Locator) {
  const text = (await region.textContent()) ?? '';
  const z = /z = \(([^)]*)\)/.exec(text)![1]!.split(', ').map((v) => Number(v.replace('−', '-')));
  const k = Number(/give class (\d)/.exec(text)![1]) - 1;
  const p = Math.exp(z[k]!) / z.reduce((sum, v) => sum + Math.exp(v), 0);
  const shared = z[k]! / z.reduce((sum, v) => sum + v, 0);
  return { z, k, p, shared };
}

describe('exercises in #/softmax', () => {
  it('a named mistake, then the right answer; the contents and the chapter count it, and a reload keeps it', async () => {
    const { page, errors } = await openRoute(browser, '#/softmax?pk=3', { waitFor: 'main h1' });
    const region = page.getByRole('region', { name: 'Exercise: one probability by hand' });
    await region.waitFor({ timeout: 15_000 });
    const { p, shared } = await probabilityAsked(region);
    const field = region.getByRole('textbox', { name: /^p. =$/ });
    const status = region.getByRole('status');

    await field.fill(shared.toPrecision(3));
    await region.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => status.textContent()).toMatch(/^Not quite: that is z. \/ Σz: the logits shared out without the exponential/);

    // Enter in the field checks too: the keyboard alone completes an exercise
    await field.fill(p.toPrecision(3));
    await field.press('Enter');
    await expect.poll(() => status.textContent()).toMatch(/^Right: p. = /);
    await expect.poll(() => page.getByTestId('chapter-progress').textContent()).toBe('Exercises: 1 of 3 solved');
    expect(await page.getByTestId('progress-softmax').first().textContent()).toBe('1 of 3 exercises solved');
    await expectNoAxeViolationsOnPage(page, 'softmax after an exercise is solved');

    await page.reload({ waitUntil: 'load' });
    await region.waitFor({ timeout: 15_000 });
    expect(await region.getByText('Solved', { exact: true }).count()).toBe(1);
    expect(await page.getByTestId('chapter-progress').textContent()).toBe('Exercises: 1 of 3 solved');
    expectNoErrors(errors);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it('a drag: bars set with the keyboard to softmax of the logits shown; the core’s bars then stand beside them, and the explorer takes the numbers', async () => {
    const { page, errors } = await openRoute(browser, '#/softmax?pb=6', { waitFor: 'main h1' });
    const region = page.getByRole('region', { name: 'Exercise: the probabilities by eye' });
    await region.waitFor({ timeout: 15_000 });
    const text = (await region.textContent()) ?? '';
    const z = /z = \(([^)]*)\)/.exec(text)![1]!.split(', ').map((v) => Number(v.replace('−', '-')));
    const total = z.reduce((sum, v) => sum + Math.exp(v), 0);
    const p = z.map((v) => Math.exp(v) / total);
    const bars = region.getByRole('slider');
    expect(await bars.count()).toBe(z.length);
    for (const [i, v] of p.entries()) {
      // Page Up is 0.1, an arrow 0.01: the keyboard alone sets a bar
      const bar = bars.nth(i);
      await bar.focus();
      const hundredths = Math.round(v * 100);
      for (let n = 0; n < Math.floor(hundredths / 10); n++) await bar.press('PageUp');
      for (let n = 0; n < hundredths % 10; n++) await bar.press('ArrowUp');
    }
    await region.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => region.getByRole('status').textContent()).toMatch(/^Right: p = \(/);
    expect(await region.locator('.truth-bar').count()).toBe(z.length);
    await expectNoAxeViolationsOnPage(page, 'softmax after a drag exercise is solved');

    await region.getByRole('button', { name: 'Set the softmax explorer to these numbers' }).click();
    const shown = page.getByRole('list', { name: 'Probabilities' });
    await expect.poll(() => shown.locator('li').allTextContents()).toEqual(p.map((v, i) => `p${i + 1} = ${v.toFixed(3)}`));
    expectNoErrors(errors);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it('stored progress that is corrupt is said in a notice and the page works', async () => {
    const { page, errors } = await openRoute(browser, '#/softmax', { waitFor: 'main h1' });
    await page.evaluate(() => localStorage.setItem('logit-lab:progress', '{"version":1,"solved":{"softmax/ProbabilityExercise":"x"}}'));
    // a reload while the math fonts are still loading aborts their requests, which the error check counts
    await page.waitForLoadState('networkidle');
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => page.getByTestId('progress-notice').textContent(), { timeout: 15_000 }).toMatch(/One saved result could not be read/);
    expect(await page.getByTestId('chapter-progress').textContent()).toBe('Exercises: 0 of 3 solved');
    expectNoErrors(errors);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it('an exercise off the screen waits while the learner steps a slider past the moment it would be drawn, and is drawn once they pause', async () => {
    const { page, errors } = await openRoute(browser, '#/softmax', { waitFor: '.opener [role="slider"]' });
    // the opening figure's first control, on the first screen (focus scrolls nothing)
    await page.locator('.opener [role="slider"]').first().focus();
    // steps to and fro, about one a frame, until a second past the moment (src/app/whenWanted.ts)
    const start = Date.now();
    for (let i = 0; Date.now() - start < LATER_MS + 1000; i += 1) {
      await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    }
    // the first screen holds no exercise, and none was drawn during the steps
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.locator('.exercise').count()).toBe(0);
    expect(await page.locator('.chapter-body .loading').count()).toBeGreaterThan(0);
    await everySlotDrawn(page);
    expect(await page.locator('.exercise').count()).toBe(3);
    expectNoErrors(errors);
    await page.close();
  });
});
