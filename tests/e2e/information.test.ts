import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import {
  DESKTOP_OPTIONS,
  expectNoErrors,
  launch,
  logitSlider,
  nextFrame,
  openRoute,
  PHONE_OPTIONS,
  proseSizesRemembered,
} from './browser';

const openInformation = (browser: LaunchedChromium, colorScheme: 'light' | 'dark' = 'light') =>
  openRoute(browser, '#/information', { colorScheme, waitFor: '[data-testid="live-formula"] .katex' });

const summary = (page: Page, id: string) => page.getByTestId(`summary-${id}`).textContent();
const checkStates = (page: Page) =>
  page.getByRole('list', { name: 'Live checks' }).getByRole('listitem').evaluateAll((items) => items.map((i) => i.getAttribute('data-ok')));

// The starting state by hand: y = [0, 1, 0], p = [1, e, e²] / S with S = 1 + e + e².
const E = Math.E;
const S = 1 + E + E * E;

describe('the information chapter (#/information)', () => {
  let browser: LaunchedChromium;
  beforeAll(async () => {
    browser = await launch(DESKTOP_OPTIONS);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no console error and no KaTeX error, showing H(y, p) = −log₂ p2 = log₂((1 + e + e²)/e) bits', async () => {
    const { page, errors } = await openInformation(browser);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Information and cross-entropy');
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await page.locator('.chapter-body .katex-display').count()).toBeGreaterThan(8);
    const h = Math.log2(S / E).toFixed(3);
    expect(await summary(page, 'cross-entropy')).toBe(`${h} bits`);
    expect(await summary(page, 'entropy')).toBe('0.000 bits');
    // "≈": −log₂ 0.245 (p2 as printed) is 2.029, not the 2.031 that −log₂ p2 rounds to
    await expect.poll(() => page.getByTestId('live-formula').getAttribute('aria-label')).toContain(`−(1.000 × log₂ 0.245) ≈ ${h} bits`);
    expect(await checkStates(page)).toEqual(['true', 'true', 'true', 'true', 'true', 'true']);
    expectNoErrors(errors);
    await page.close();
  });

  it('the unit switch works from the keyboard: ArrowDown from "bits" selects nats, H(y, p) = ln((1 + e + e²)/e)', async () => {
    const { page, errors } = await openInformation(browser);
    await page.getByRole('radio', { name: /^bits/ }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByRole('radio', { name: /^nats/ }).isChecked()).toBe(true);
    await expect.poll(() => summary(page, 'cross-entropy')).toBe(`${Math.log(S / E).toFixed(3)} nats`);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expectNoErrors(errors);
    await page.close();
  });

  it('one-hot y at class 3, then "Make p equal y": KL falls from log₂(S/e²) to log₂(1 + 2e⁻²⁰) = 5.95 × 10⁻⁹ bits', async () => {
    const { page, errors } = await openInformation(browser);
    await page.getByRole('button', { name: 'y one-hot at class 3' }).click();
    await expect.poll(() => summary(page, 'kl')).toBe(`${Math.log2(S / (E * E)).toFixed(3)} bits`);
    await page.getByRole('button', { name: 'Make p equal y' }).click();
    await expect.poll(() => summary(page, 'kl')).toBe('5.95 × 10⁻⁹ bits');
    expect(await logitSlider(page, 3).inputValue()).toBe('10');
    expect(await logitSlider(page, 1).inputValue()).toBe('-10');
    expect(await page.getByTestId('match-note').textContent()).toMatch(/one-hot/);
    expect((await checkStates(page)).every((s) => s === 'true')).toBe(true);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expectNoErrors(errors);
    await page.close();
  });

  it('the note under "Make p equal y" is rewritten by the unit switch and removed by a logit that moves', async () => {
    const { page, errors } = await openInformation(browser);
    const note = () => page.getByTestId('match-note').textContent();
    await page.getByRole('button', { name: 'Make p equal y' }).click();
    await expect.poll(note).toContain('KL(y ‖ p) = 5.95 × 10⁻⁹ bits.');
    await page.getByRole('radio', { name: /^nats/ }).check();
    // ln(1 + 2e⁻²⁰) = 4.12 × 10⁻⁹ nats, in the note as in the summary
    await expect.poll(() => summary(page, 'kl')).toBe('4.12 × 10⁻⁹ nats');
    await expect.poll(note).toContain('KL(y ‖ p) = 4.12 × 10⁻⁹ nats.');
    // uniform y, matched: KL = 0 exactly; then z1 two steps right: KL = ln((e^0.2 + 2)/3) − 0.2/3 = 0.00457 nats
    await page.getByRole('button', { name: 'Make y uniform' }).click();
    await page.getByRole('button', { name: 'Make p equal y' }).click();
    await expect.poll(note).toContain('KL(y ‖ p) = 0.000 nats.');
    const z1 = logitSlider(page, 1);
    await z1.focus();
    await z1.press('ArrowRight');
    await z1.press('ArrowRight');
    const kl = Math.log((Math.exp(0.2) + 2) / 3) - 0.2 / 3;
    await expect.poll(() => summary(page, 'kl')).toBe(`${kl.toFixed(3)} nats`);
    await expect.poll(note).toBe('');
    // and the formula marks its own rounding: 1.103 − 1.099 is 0.004, the KL printed is 0.005
    await expect.poll(() => page.getByTestId('live-formula').getAttribute('aria-label')).toContain('= 1.103 − 1.099 ≈ 0.005 nats.');
    expect(await page.locator('.katex-error').count()).toBe(0);
    expectNoErrors(errors);
    await page.close();
  });

  it('the y bars come first and the logit sliders last, on a desktop and on a phone', async () => {
    const phone = await launch(PHONE_OPTIONS);
    try {
      for (const b of [browser, phone]) {
        const { page, errors } = await openInformation(b);
        await proseSizesRemembered(page);
        const explorer = page.locator('section.information-explorer');
        const box = async (selector: string) => {
          const r = await explorer.locator(selector).first().boundingBox();
          if (!r) throw new Error(`${selector} has no box`);
          return r;
        };
        const y = await box('svg.distribution-y');
        const p = await box('svg.distribution-p');
        // side by side (y on the left) or stacked (y on top): y is first in reading order either way
        expect(y.y + y.height <= p.y + 1 || (Math.abs(y.y - p.y) < 1 && y.x + y.width <= p.x + 1), `y ${JSON.stringify(y)}, p ${JSON.stringify(p)}`).toBe(true);
        const firstSlider = await box('input[type="range"]');
        for (const part of ['svg.distribution-p', '.information-summary', '[data-testid="live-formula"]', 'ul.checks', 'table', '[data-testid="match-note"]']) {
          const r = await box(part);
          expect(r.y + r.height, part).toBeLessThanOrEqual(firstSlider.y + 1);
        }
        expectNoErrors(errors);
        await page.close();
      }
    } finally {
      await phone.close();
    }
  });

  it('dragging the y1 bar up by 50 px moves y1 by 50 px of its axis, and y2 keeps the rest', async () => {
    const { page, errors } = await openInformation(browser);
    const bar = page.locator('.information-explorer').getByRole('slider', { name: 'target y1 bar' });
    await bar.scrollIntoViewIfNeeded();
    const box = await bar.boundingBox();
    const svg = await page.locator('.information-explorer').getByRole('group', { name: /^target y bars/ }).boundingBox();
    if (!box || !svg) throw new Error('the target bars have no box');
    // the axis: [0, 1] over 240 − 18 − 26 = 196 viewBox units of a 240-unit-tall SVG
    const expected = Math.round((50 / ((196 * svg.height) / 240)) * 100) / 100;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let step = 1; step <= 10; step += 1) await page.mouse.move(x, y - 5 * step);
    await page.mouse.up();
    await nextFrame(page);
    const y1 = Number(await bar.getAttribute('aria-valuenow'));
    const y2 = Number(await page.locator('.information-explorer').getByRole('slider', { name: 'target y2 bar' }).getAttribute('aria-valuenow'));
    expect(Math.abs(y1 - expected)).toBeLessThanOrEqual(0.0100001);
    expect(y1 + y2).toBeCloseTo(1, 12);
    expect(await summary(page, 'entropy')).not.toBe('0.000 bits');
    expect((await checkStates(page)).every((s) => s === 'true')).toBe(true);
    expectNoErrors(errors);
    await page.close();
  });
});
