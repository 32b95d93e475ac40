import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import {
  settledBarProbabilities,
  expectBarsSumToOne,
  expectNoErrors,
  fontsReady,
  launch,
  logitSlider,
  logitSliders,
  logitValues,
  nextFrame,
  openSoftmax,
  PHONE_OPTIONS,
  probabilityShown,
  probabilityTexts,
  readProbabilityTexts,
  temperatureSlider,
} from './browser';

const WORKED_EXAMPLE = ['p1 = 0.090', 'p2 = 0.245', 'p3 = 0.665'];

let browser: LaunchedChromium;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('the softmax chapter', () => {
  it('loads with its heading, the worked example and no errors', async () => {
    const { page, errors } = await openSoftmax(browser);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toMatch(/softmax/i);
    expect(await readProbabilityTexts(page)).toEqual(WORKED_EXAMPLE);
    expect(await page.getByText(/^p\d = \d\.\d{3}$/).count()).toBeGreaterThanOrEqual(3);
    expect(await logitValues(page)).toEqual([2, 3, 4]);
    expect(Number(await temperatureSlider(page).inputValue())).toBe(1);
    await expectBarsSumToOne(page);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await page.locator('[data-testid="live-formula"] .katex [data-term]').count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expectNoErrors(errors);
    await page.close();
  });

  it('sub- and superscripts in every formula, static and live, are typeset smaller than their base', async () => {
    // KaTeX marks a script as "reset-sizeN sizeM" (M < N: smaller); the stylesheet must agree with
    // the HTML, e.g. build-time HTML and runtime CSS from the same KaTeX version.
    const { page, errors } = await openSoftmax(browser);
    const unsized = await page.evaluate(() => {
      const found: string[] = [];
      let checked = 0;
      for (const element of Array.from(document.querySelectorAll('.katex [class*="reset-size"]'))) {
        const match = /reset-size(\d+)\s+size(\d+)/.exec(element.getAttribute('class') ?? '');
        if (!match || Number(match[2]) >= Number(match[1]) || !element.parentElement) continue;
        checked += 1;
        const own = parseFloat(getComputedStyle(element).fontSize);
        const base = parseFloat(getComputedStyle(element.parentElement).fontSize);
        if (!(own < base)) {
          const where = element.closest('[data-testid="live-formula"]') ? 'live' : 'static';
          found.push(`${where} "${element.getAttribute('class')}" (${element.textContent}) is ${own}px in ${base}px text`);
        }
      }
      return { checked, found };
    });
    expect(unsized.checked).toBeGreaterThan(0);
    expect(unsized.found, unsized.found.slice(0, 10).join('\n')).toEqual([]);
    expectNoErrors(errors);
    await page.close();
  });

  it('moving "logit z3" from the keyboard changes the probabilities, which still sum to 1', async () => {
    const { page, errors } = await openSoftmax(browser);
    const z3 = logitSlider(page, 3);
    await z3.focus();
    for (let i = 0; i < 5; i += 1) await z3.press('ArrowRight');
    await nextFrame(page);
    expect(Number(await z3.inputValue())).toBeCloseTo(4.5, 10);
    const raised = await readProbabilityTexts(page);
    expect(raised).not.toEqual(WORKED_EXAMPLE);
    expect(await probabilityShown(page, 3)).toBeGreaterThan(0.665);
    await expectBarsSumToOne(page);

    await z3.press('Home');
    await nextFrame(page);
    expect(Number(await z3.inputValue())).toBe(-10);
    expect(await probabilityShown(page, 3)).toBeLessThan(0.001);
    await expectBarsSumToOne(page);

    await z3.press('End');
    await nextFrame(page);
    expect(Number(await z3.inputValue())).toBe(10);
    expect(await probabilityShown(page, 3)).toBeGreaterThan(0.99);
    await expectBarsSumToOne(page);
    expectNoErrors(errors);
    await page.close();
  });

  it('keeps its state in the URL and reads it back', async () => {
    const { page, errors } = await openSoftmax(browser, '?z=1,2,3,4&T=2');
    expect(await logitValues(page)).toEqual([1, 2, 3, 4]);
    expect(Number(await temperatureSlider(page).inputValue())).toBe(2);
    expect(await probabilityTexts(page).count()).toBe(4);
    await expectBarsSumToOne(page);

    await logitSlider(page, 1).focus();
    await logitSlider(page, 1).press('ArrowRight');
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toMatch(/[?&]z=1\.1,2,3,4(&|$)/);
    expectNoErrors(errors);
    await page.close();
  });

  it('dragging a logit bar up raises its logit, and dragging down lowers it', async () => {
    const { page, errors } = await openSoftmax(browser);
    const drag = async (term: string, dy: number): Promise<void> => {
      const bar = page.locator(`svg [data-term="${term}"]`).first();
      await bar.scrollIntoViewIfNeeded();
      const box = await bar.boundingBox();
      if (!box) throw new Error(`svg [data-term="${term}"] has no box`);
      const x = box.x + box.width / 2;
      const y = box.y + Math.min(box.height / 2, 12);
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let step = 1; step <= 8; step += 1) await page.mouse.move(x, y + (dy * step) / 8);
      await page.mouse.up();
      await nextFrame(page);
    };

    // The first bar is the opener's; the explorer's slider and text follow it after the pause.
    await drag('z-1', -40);
    await expect.poll(async () => Number(await logitSlider(page, 1).inputValue()), { timeout: 2000 }).toBeGreaterThan(2);
    await expect.poll(() => probabilityShown(page, 1), { timeout: 2000 }).toBeGreaterThan(0.09);

    await drag('z-2', 40);
    await expect.poll(async () => Number(await logitSlider(page, 2).inputValue()), { timeout: 2000 }).toBeLessThan(3);
    expect(Number(await logitSlider(page, 3).inputValue())).toBe(4);
    await expectBarsSumToOne(page);
    expectNoErrors(errors);
    await page.close();
  });

  it('a logit bar is a keyboard slider too: "logit z1 bar" + ArrowUp raises z1', async () => {
    const { page, errors } = await openSoftmax(browser);
    const bar = page.locator('.softmax-explorer').getByRole('slider', { name: 'logit z1 bar', exact: true });
    await bar.focus();
    expect(await bar.evaluate((element) => element === document.activeElement)).toBe(true);
    await bar.press('ArrowUp');
    await nextFrame(page);
    expect(Number(await logitSlider(page, 1).inputValue())).toBeGreaterThan(2);
    expectNoErrors(errors);
    await page.close();
  });

  it('hovering a formula term highlights its plot element, and leaving un-highlights it', async () => {
    const { page, errors } = await openSoftmax(browser);
    const plotSelector = 'svg [data-term="p-3"]';
    const styleOf = (): Promise<string> =>
      page
        .locator(plotSelector)
        .first()
        .evaluate((element) => {
          const style = getComputedStyle(element);
          return `stroke=${style.stroke} stroke-width=${style.strokeWidth}`;
        });
    const formulaTerm = page.locator('[data-testid="live-formula"] .katex [data-term="p-3"]').first();
    await formulaTerm.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await nextFrame(page);
    const before = await styleOf();

    await formulaTerm.hover();
    await expect.poll(styleOf, { timeout: 3000 }).not.toBe(before);

    await page.mouse.move(0, 0);
    await expect.poll(styleOf, { timeout: 3000 }).toBe(before);
    expectNoErrors(errors);
    await page.close();
  });

  it('hovering a plot element highlights the formula term with the same id', async () => {
    const { page, errors } = await openSoftmax(browser);
    const formulaSelector = '[data-testid="live-formula"] .katex [data-term="p-3"]';
    const styleOf = (): Promise<string> =>
      page
        .locator(formulaSelector)
        .first()
        .evaluate((element) => {
          const s = getComputedStyle(element);
          return [s.color, s.backgroundColor, s.outlineStyle, s.outlineColor, s.boxShadow, s.textDecorationLine, s.fontWeight, s.borderBottomStyle].join(' | ');
        });
    await page.mouse.move(0, 0);
    await nextFrame(page);
    const before = await styleOf();
    const bar = page.locator('svg [data-term="p-3"]').first();
    await bar.scrollIntoViewIfNeeded();
    await bar.hover();
    await expect.poll(styleOf, { timeout: 3000 }).not.toBe(before);
    await page.mouse.move(0, 0);
    await expect.poll(styleOf, { timeout: 3000 }).toBe(before);
    expectNoErrors(errors);
    await page.close();
  });

  it("hovering an exponential lights up its logit's bar, and hovering T the temperature slider", async () => {
    // the chapter: "a logit and its exponential light up that logit's bar, … the temperature its slider"
    const { page, errors } = await openSoftmax(browser);
    const looks = (selector: string) => (): Promise<string> =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => {
          const s = getComputedStyle(element);
          return [s.color, s.backgroundColor, s.stroke, s.strokeWidth].join(' | ');
        });
    const bar = looks('svg [data-term="z-3"]');
    await page.mouse.move(0, 0);
    await nextFrame(page);
    const barBefore = await bar();
    // the shown fraction is p3's: its numerator e^4 = 54.598 carries z-3
    const exponential = page.locator('[data-testid="live-formula"] .katex [data-term="z-3"]', { hasText: '54.598' }).first();
    await exponential.scrollIntoViewIfNeeded();
    await exponential.hover();
    await expect.poll(bar, { timeout: 3000 }).not.toBe(barBefore);
    await page.mouse.move(0, 0);
    await expect.poll(bar, { timeout: 3000 }).toBe(barBefore);

    const temperature = temperatureSlider(page);
    await temperature.focus();
    await temperature.press('ArrowLeft'); // T = 0.95: the formula now divides by T
    await temperature.blur();
    const slider = looks('.slider-row[data-term="T"]');
    await page.mouse.move(0, 0);
    await nextFrame(page);
    const sliderBefore = await slider();
    const divisor = page.locator('[data-testid="live-formula"] .katex [data-term="T"]', { hasText: '0.95' }).first();
    await divisor.scrollIntoViewIfNeeded();
    await divisor.hover();
    await expect.poll(slider, { timeout: 3000 }).not.toBe(sliderBefore);
    expectNoErrors(errors);
    await page.close();
  });

  it('raising the temperature flattens the probabilities', async () => {
    const { page, errors } = await openSoftmax(browser);
    const temperature = temperatureSlider(page);
    await temperature.focus();
    await temperature.press('End');
    await nextFrame(page);
    expect(Number(await temperature.inputValue())).toBeGreaterThan(1);
    const p1 = await probabilityShown(page, 1);
    const p3 = await probabilityShown(page, 3);
    expect(p3).toBeLessThan(0.665);
    expect(p1).toBeGreaterThan(0.09);
    await expectBarsSumToOne(page);

    await temperature.press('Home');
    await nextFrame(page);
    expect(Number(await temperature.inputValue())).toBeLessThan(1);
    expect(await probabilityShown(page, 3)).toBeGreaterThan(0.665);
    await expectBarsSumToOne(page);
    expectNoErrors(errors);
    await page.close();
  });

  it('"Restore the worked example" brings back 0.090 / 0.245 / 0.665', async () => {
    const { page, errors } = await openSoftmax(browser, '?z=-1,5,0.5,2&T=3');
    expect(await readProbabilityTexts(page)).not.toEqual(WORKED_EXAMPLE);
    await page.getByRole('button', { name: 'Restore the worked example', exact: true }).click();
    await nextFrame(page);
    expect(await readProbabilityTexts(page)).toEqual(WORKED_EXAMPLE);
    expect(await logitValues(page)).toEqual([2, 3, 4]);
    expect(Number(await temperatureSlider(page).inputValue())).toBe(1);
    expectNoErrors(errors);
    await page.close();
  });

  it('"Add 1 to every logit" moves every slider but leaves the probabilities unchanged', async () => {
    const { page, errors } = await openSoftmax(browser);
    const before = await settledBarProbabilities(page);
    await page.getByRole('button', { name: 'Add 1 to every logit', exact: true }).click();
    await nextFrame(page);
    expect(await logitValues(page)).toEqual([3, 4, 5]);
    expect(await readProbabilityTexts(page)).toEqual(WORKED_EXAMPLE);
    const after = await settledBarProbabilities(page);
    after.forEach((p, i) => expect(p).toBeCloseTo(before[i] ?? NaN, 12));

    await page.getByRole('button', { name: 'Subtract 1 from every logit', exact: true }).click();
    await page.getByRole('button', { name: 'Subtract 1 from every logit', exact: true }).click();
    await nextFrame(page);
    expect(await logitValues(page)).toEqual([1, 2, 3]);
    expect(await readProbabilityTexts(page)).toEqual(WORKED_EXAMPLE);
    expectNoErrors(errors);
    await page.close();
  });

  it('adds and removes classes, keeping between 2 and 8', async () => {
    const { page, errors } = await openSoftmax(browser);
    const add = page.getByRole('button', { name: 'Add a class', exact: true });
    const remove = page.getByRole('button', { name: 'Remove a class', exact: true });
    expect(await logitSliders(page).count()).toBe(3);

    for (let count = 4; count <= 8; count += 1) {
      await add.click();
      await expect.poll(() => logitSliders(page).count()).toBe(count);
      expect(await probabilityTexts(page).count()).toBe(count);
      await expectBarsSumToOne(page);
    }
    await add.click({ force: true });
    await nextFrame(page);
    expect(await logitSliders(page).count()).toBe(8);

    for (let count = 7; count >= 2; count -= 1) {
      await remove.click();
      await expect.poll(() => logitSliders(page).count()).toBe(count);
      expect(await probabilityTexts(page).count()).toBe(count);
      await expectBarsSumToOne(page);
    }
    await remove.click({ force: true });
    await nextFrame(page);
    expect(await logitSliders(page).count()).toBe(2);
    expect(await settledBarProbabilities(page)).toHaveLength(2);
    expectNoErrors(errors);
    await page.close();
  });

  it('refuses a bad URL with a visible notice and keeps the worked example', async () => {
    const { page, errors } = await openSoftmax(browser, '?z=2,abc,4');
    const notice = page.getByRole('status').filter({ hasText: /could not/i });
    await expect.poll(() => notice.first().isVisible()).toBe(true);
    expect(await readProbabilityTexts(page)).toEqual(WORKED_EXAMPLE);
    expect(await logitValues(page)).toEqual([2, 3, 4]);
    expectNoErrors(errors);
    await page.close();
  });
});

describe('the softmax chapter on a phone', () => {
  it('a live formula piece wrapped onto the next row draws clear of the row above (no glyph overlap)', async () => {
    const phone = await launch({ ...PHONE_OPTIONS, viewport: { width: 360, height: 800 } });
    try {
      const { page, errors } = await openSoftmax(phone);
      await fontsReady(page);
      // Each piece of the first live formula: its top and bottom by what KaTeX actually draws (the leaf
      // glyph boxes), which reach past the box KaTeX reports for fractions and sub/superscripts.
      const pieces = await page.locator('[data-testid="live-formula"] .formula-line').first().evaluate((line) =>
        [...line.children].map((piece) => {
          let top = Infinity;
          let bottom = -Infinity;
          for (const leaf of piece.querySelectorAll('.katex-html span')) {
            if (leaf.children.length > 0 || !leaf.textContent?.trim()) continue;
            const box = leaf.getBoundingClientRect();
            if (box.height === 0) continue;
            top = Math.min(top, box.top);
            bottom = Math.max(bottom, box.bottom);
          }
          return { top, bottom, left: piece.getBoundingClientRect().left };
        }),
      );
      // At 360 px the two pieces of p₃ = e^{z₃}/Σ… = e^{4.00}/(…) do not fit on one row: the second wraps.
      expect(pieces).toHaveLength(2);
      const [first, second] = pieces as [(typeof pieces)[0], (typeof pieces)[0]];
      expect(second.top).toBeGreaterThan(first.top + 20);
      expect(second.top).toBeGreaterThanOrEqual(first.bottom);
      expectNoErrors(errors);
    } finally {
      await phone.close();
    }
  });
});
