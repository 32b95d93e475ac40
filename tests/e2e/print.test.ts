/**
 * Printing a chapter (issue 15): Chromium prints it to PDF, and pdf.js reads the PDF's text back, so
 * the checks are on what the paper says: the prose, the plots' text alternatives as captions with the
 * current numbers, and none of the controls' labels. A page in dark mode prints in the light palette.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { DESKTOP_OPTIONS, expectNoErrors, launch, logitSlider, logitValues, nextFrame, openRoute } from './browser';

let browser: LaunchedChromium;
beforeAll(async () => {
  browser = await launch(DESKTOP_OPTIONS);
});
afterAll(async () => {
  await browser?.close();
});

/** Spaces and line breaks fall differently on paper than on screen: text is compared without them. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The page printed to PDF (A4, backgrounds on, as "Save as PDF" does), its text read back page by page. */
async function printedText(page: Page): Promise<{ text: string; pages: number }> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= document.numPages; n += 1) {
    const content = await (await document.getPage(n)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const pages = document.numPages;
  await document.destroy();
  return { text: parts.join('\n'), pages };
}

/**
 * What the page's controls say, read on screen: buttons' texts, sliders' names, selects' and fields'
 * labels, the legends of control groups. A label the prose itself quotes ("Copy as NumPy" …) is left
 * out, as the prose rightly prints it.
 */
async function controlLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    if (!main) return [];
    const prose = Array.from(main.querySelectorAll('p, li, h1, h2, h3, figcaption'))
      .filter((e) => !e.closest('button, label, fieldset:not(.exercise fieldset), .widget-toolbar'))
      .map((e) => e.textContent ?? '')
      // the plots' text alternatives are printed as captions: a label they quote ("class 3") is theirs too
      .concat(Array.from(main.querySelectorAll('svg[role][aria-label], canvas[aria-label]')).map((e) => e.getAttribute('aria-label') ?? ''))
      .join(' ')
      .replace(/\s+/g, '');
    const labels = new Set<string>();
    const add = (text: string | null | undefined) => {
      const label = (text ?? '').replace(/\s+/g, ' ').trim();
      if (label.replace(/\s+/g, '').length >= 4 && !prose.includes(label.replace(/\s+/g, ''))) labels.add(label);
    };
    for (const button of Array.from(main.querySelectorAll('button:not(.heatmap-cell)'))) add(button.textContent);
    for (const control of Array.from(main.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[type="range"], select, input:not(.exercise input)'))) {
      add(control.getAttribute('aria-label'));
      for (const label of Array.from(control.labels ?? [])) add(label.textContent);
    }
    for (const legend of Array.from(main.querySelectorAll('fieldset:not(.exercise fieldset) > legend'))) add(legend.textContent);
    return [...labels];
  });
}

function expectNoneOf(labels: readonly string[], text: string): void {
  const printed = squeeze(text);
  const found = labels.filter((label) => printed.includes(squeeze(label)));
  expect(found, `control labels on paper: ${found.join(' | ')}`).toEqual([]);
}

const SOFTMAX_READY = '[data-testid="live-formula"] .katex';
const SOFTMAX_PROSE = 'Softmax is the standard way to get there.';

describe('printing a chapter', () => {
  it('softmax prints its prose, its formulas and its plots with the current numbers under them, and no controls', { timeout: 120_000 }, async () => {
    const { page, errors } = await openRoute(browser, '#/softmax', { waitFor: SOFTMAX_READY });
    // the learner's own numbers, not the page's start: z1 to its top
    await logitSlider(page, 1).focus();
    await page.keyboard.press('End');
    await expect.poll(() => logitSlider(page, 1).inputValue()).toBe('10');
    const z = await logitValues(page);
    // p1 = e^z1 / Σ e^zk, by hand from the logits the sliders hold
    const p1 = Math.exp(z[0] ?? NaN) / z.reduce((sum, zk) => sum + Math.exp(zk), 0);
    // the plots' labels catch up within 200 ms of the last input
    await page.waitForTimeout(400);
    // the exercises are drawn a few seconds after the chapter opens, if the learner has not scrolled to
    // them before (app/whenWanted.ts); printed after that, they are on paper with the rest
    await page.getByRole('region', { name: 'Exercise: a probability at a temperature' }).waitFor();
    const labels = await controlLabels(page);
    // the page has these controls on screen, so their absence on paper means something
    for (const label of ['Share / embed', 'Export figure', 'Add a class']) expect(labels).toContain(label);
    expect(labels.length).toBeGreaterThan(8);

    const { text, pages } = await printedText(page);
    expect(pages).toBeGreaterThan(1);
    const printed = squeeze(text);
    expect(printed).toContain(squeeze('Softmax'));
    expect(printed).toContain(squeeze(SOFTMAX_PROSE));
    // every slot filled, the exercises too: an exercise's question, and no loading line
    expect(printed).toContain(squeeze('Without a calculator: where does softmax put the'));
    expect(printed).not.toContain(squeeze('Loading the widget'));
    // a formula, typeset (KaTeX's text is on paper), and the live formula's current value
    expect(printed).toContain(squeeze('softmax(z)'));
    // the captions: the plots' text alternatives, with the numbers as they stand
    expect(printed).toContain(squeeze(`Probability bars: p1 = ${p1.toFixed(3)}`));
    expect(printed).toContain(squeeze(`Logit bars: z1 = ${(z[0] ?? NaN).toFixed(2)}`));
    expectNoneOf(labels, text);
    // the site around the chapter: navigation, the chapter list, the footer
    for (const chrome of ['Skip to the chapter', 'Next: The softmax Jacobian', 'For lecturers', 'All chapters']) {
      expect(printed).not.toContain(squeeze(chrome));
    }
    // the captions exist only while printing: on screen the labels are read from the plots themselves
    expect(await page.locator('.print-alt').count()).toBe(0);
    expectNoErrors(errors);
    await page.close();
  });

  it('a page in dark mode prints in the light palette, its canvas repainted, with the same text', { timeout: 120_000 }, async () => {
    const { page, errors } = await openRoute(browser, '#/backprop', {
      colorScheme: 'dark',
      waitFor: '.backprop-trainer [data-testid="bp-formula"] .katex',
    });
    const colours = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.documentElement);
        return { background: style.backgroundColor, ink: style.color };
      });
    // theme.css: dark --bg #14161a and --ink #e8e6e1 on screen; light --bg is #fbfaf7, print.css white on paper, ink #1c1e21
    expect(await colours()).toEqual({ background: 'rgb(20, 22, 26)', ink: 'rgb(232, 230, 225)' });
    // the decision regions' canvas: its top-left cell, mixed into the dark surface, is dark
    const canvas = page.locator('.backprop-trainer canvas.region-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const brightness = () =>
      canvas.evaluate((element: HTMLCanvasElement) => {
        const data = element.getContext('2d')?.getImageData(1, 1, 1, 1).data;
        return data ? ((data[0] ?? NaN) + (data[1] ?? NaN) + (data[2] ?? NaN)) / 3 : NaN;
      });
    await expect.poll(brightness, { timeout: 10_000 }).toBeLessThan(100);
    const labels = await controlLabels(page);
    expect(labels).toContain('Share / embed');

    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await nextFrame(page);
    await nextFrame(page);
    expect(await colours()).toEqual({ background: 'rgb(255, 255, 255)', ink: 'rgb(28, 30, 33)' });
    await expect.poll(brightness, { timeout: 5_000 }).toBeGreaterThan(180);

    const { text } = await printedText(page);
    const printed = squeeze(text);
    expect(printed).toContain(squeeze('Backpropagation through a network'));
    expect(printed).toContain(squeeze('A single softmax layer can only draw straight boundaries between classes.'));
    // the decision regions' text alternative, as a caption: the current data set
    expect(printed).toContain(squeeze('with 150 points: 50 of class 1, 50 of class 2, 50 of class 3'));
    expectNoneOf(labels, text);
    expectNoErrors(errors);
    await page.close();
  });
});
