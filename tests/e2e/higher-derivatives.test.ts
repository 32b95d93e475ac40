import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { DESKTOP_OPTIONS, expectNoErrors, launch, openRoute } from './browser';
import { describeChapterPageChecks } from './chapterPageChecks';
import { parseHash } from '../../src/url/hashRoute';

let browser: LaunchedChromium;
beforeAll(async () => {
  browser = await launch(DESKTOP_OPTIONS);
});
afterAll(async () => {
  await browser?.close();
});

const ROUTE = '#/higher-derivatives';
const READY = '.hessian-explorer [data-testid="live-formula"] .katex';
const open = (query = '') => openRoute(browser, `${ROUTE}${query}`, { waitFor: READY });
const text = async (page: Page, id: string) => ((await page.getByTestId(id).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
const hessian = (page: Page) => page.getByRole('region', { name: 'Hessian explorer' });
const quadratic = (page: Page) => page.getByRole('region', { name: 'Quadratic model along a direction' });
const tensor = (page: Page) => page.getByRole('region', { name: 'Third-derivative explorer' });
const checkStates = (region: ReturnType<typeof hessian>) =>
  region.getByRole('list', { name: 'Live checks' }).getByRole('listitem').evaluateAll((items) => items.map((i) => i.getAttribute('data-ok')));
const queryOf = (page: Page) => Object.fromEntries(parseHash(new URL(page.url()).hash).query);

// z = [2, 3, 4]: p = [1, e, e²] / (1 + e + e²), by hand
const E = Math.E;
const P = [1, E, E * E].map((v) => v / (1 + E + E * E));
const shown = (v: number) => (v < 0 ? `−${(-v).toFixed(3)}` : v.toFixed(3));

describe('the higher-derivatives chapter (#/higher-derivatives)', () => {
  it('loads with no console or KaTeX error; H13 = −p1p3 is written out and every live check holds', async () => {
    const { page, errors } = await open();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Beyond the gradient');
    expect(await page.locator('.katex-error').count()).toBe(0);
    await expect.poll(() => hessian(page).getByTestId('live-formula').getAttribute('aria-label')).toContain(`= ${shown(-(P[0] ?? NaN) * (P[2] ?? NaN))}`);
    expect(await checkStates(hessian(page))).toEqual(['true', 'true', 'true', 'true']);
    await tensor(page).scrollIntoViewIfNeeded();
    await tensor(page).locator('[data-testid="tensor-formula"] .katex').first().waitFor();
    expect(await checkStates(tensor(page))).toEqual(['true', 'true', 'true']);
    expectNoErrors(errors);
    await page.close();
  });

  it("opens without KaTeX's runtime: both explorers' starting formulas are typeset at build time", async () => {
    const { page, errors } = await open();
    await tensor(page).scrollIntoViewIfNeeded();
    await tensor(page).locator('[data-testid="tensor-formula"] .katex').first().waitFor();
    const runtime = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => /\/katex-[^/]*\.js$/.test(name)),
    );
    expect(runtime).toEqual([]);
    expectNoErrors(errors);
    await page.close();
  });

  it('the keyboard: arrow keys move the H entry, the target radios change L and not H, End moves t to 4', async () => {
    const { page, errors } = await open();
    const region = hessian(page);
    const cell = (i: number, j: number) => region.getByRole('button', { name: new RegExp(`^H, row ${i}, column ${j}:`) });
    await cell(1, 3).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => region.getByTestId('live-formula').getAttribute('aria-label')).toContain('H23 = ∂²L/∂z2∂z3');
    const before = await region.locator('.matrix-main').textContent();
    const radio = region.getByRole('radio', { name: 'true class 2' });
    await radio.focus();
    await page.keyboard.press('ArrowRight');
    // true class 3: L = −ln p3 = ln(1 + e + e²) − 2... by hand: ln(e² + e³ + e⁴) − 4
    const L3 = Math.log(E ** 2 + E ** 3 + E ** 4) - 4;
    await expect.poll(() => text(page, 'hessian-target-readout')).toContain(`L = ${L3.toFixed(3)}`);
    expect(await region.locator('.matrix-main').textContent()).toBe(before);

    const plot = quadratic(page).getByRole('slider', { name: /^step s along d/ });
    await plot.focus();
    await page.keyboard.press('End');
    await expect.poll(() => plot.getAttribute('aria-valuenow')).toBe('4');
    expect(await text(page, 'quadratic-readout')).toContain('at s = 4.0');
    expectNoErrors(errors);
    await page.close();
  });

  it('slice 2 of T and a logit at its end: every check still holds, the central-difference check below 10⁻⁸', async () => {
    const { page, errors } = await open();
    const region = tensor(page);
    await region.getByRole('radio', { name: 'k = 2' }).check();
    await expect.poll(() => region.getByText('slice k = 2: ∂H/∂z2 (T[:, :, 1] in NumPy)').count()).toBe(1);
    const slider = region.getByRole('slider', { name: 'logit z1', exact: true });
    await slider.focus();
    await page.keyboard.press('End');
    await expect.poll(() => slider.inputValue()).toBe('10');
    expect(await checkStates(region)).toEqual(['true', 'true', 'true']);
    const fd = await region.getByTestId('tensor-fd-check').textContent();
    expect(fd).toContain('h = 10⁻⁵');
    expectNoErrors(errors);
    await page.close();
  });

  it('the widgets’ state survives a reload, and an embed of each widget shows its link', async () => {
    const { page, errors } = await open();
    await hessian(page).getByRole('button', { name: /^H, row 3, column 1:/ }).click();
    await quadratic(page).getByRole('radio', { name: '(1, …, 1)' }).check();
    await tensor(page).getByRole('radio', { name: 'k = 3' }).check();
    await page.mouse.move(0, 0);
    await expect.poll(() => queryOf(page), { timeout: 5000 }).toEqual({ z: '2,3,4', y: '1', hi: '2', hj: '0', dir: 'ones', tk: '2' });
    await page.reload({ waitUntil: 'load' });
    await page.locator(READY).first().waitFor();
    await expect.poll(() => hessian(page).getByTestId('live-formula').getAttribute('aria-label')).toContain('H31 = ∂²L/∂z3∂z1');
    expect(await quadratic(page).getByRole('radio', { name: '(1, …, 1)' }).isChecked()).toBe(true);
    expect(await text(page, 'quadratic-curvature')).toBe('0.000');
    expect(await tensor(page).getByRole('radio', { name: 'k = 3' }).isChecked()).toBe(true);
    expectNoErrors(errors);
    await page.close();

    const embeds: [string, string][] = [
      ['HessianExplorer?z=1,2&hi=0&hj=1', '[data-testid="live-formula"] .katex'],
      // the step keeps its old key t, so that links made before it was called s still open
      ['QuadraticModelPlot?dir=coord&dk=1&t=-2', '[data-testid="quadratic-readout"]'],
      ['TensorExplorer?z=0,0,0,0&tk=3', '[data-testid="tensor-formula"] .katex'],
    ];
    for (const [path, ready] of embeds) {
      const embed = await openRoute(browser, `#/embed/higher-derivatives/${path}`, { waitFor: ready });
      if (path.startsWith('Hessian')) {
        // z = (1, 2): H12 = −p1p2 = −e/(1 + e)²
        await expect.poll(() => embed.page.getByTestId('live-formula').getAttribute('aria-label')).toContain(`H12 = ∂²L/∂z1∂z2`);
        await expect.poll(() => embed.page.getByTestId('live-formula').getAttribute('aria-label')).toContain(`= ${shown(-E / (1 + E) ** 2)}`);
      } else if (path.startsWith('Quadratic')) {
        expect(await embed.page.getByRole('slider', { name: /^step s along d/ }).getAttribute('aria-valuenow')).toBe('-2');
        // the axis of z2 at z = [2, 3, 4]: curvature p2(1 − p2)
        expect(await text(embed.page, 'quadratic-curvature')).toBe(((P[1] ?? NaN) * (1 - (P[1] ?? NaN))).toFixed(3));
      } else {
        expect(await embed.page.getByText('slice k = 4: ∂H/∂z4 (T[:, :, 3] in NumPy)').count()).toBe(1);
      }
      expect(await embed.page.getByText(/not a setting of this page/).count()).toBe(0);
      expectNoErrors(embed.errors);
      await embed.page.close();
    }
  });

  it('the stable-rate exercise at seed 5: 2/λmax = 2 + 2cosh(z1 − z2) is right, 1/λmax is named', async () => {
    const { page, errors } = await openRoute(browser, `${ROUTE}?hr=5`, { waitFor: 'main h1' });
    try {
      const region = page.getByRole('region', { name: 'Exercise: the largest stable learning rate' });
      await region.waitFor();
      const prompt = (await region.textContent()) ?? '';
      const m = /z = \((−?[\d.]+), (−?[\d.]+)\)/.exec(prompt);
      if (!m) throw new Error(`no logits in ${prompt}`);
      const [z1, z2] = [Number(m[1]?.replace('−', '-')), Number(m[2]?.replace('−', '-'))];
      const answer = 2 + 2 * Math.cosh(z1 - z2);
      const field = region.getByRole('textbox', { name: '2/λmax =', exact: true });
      const check = region.getByRole('button', { name: 'Check' });
      await field.fill((answer / 2).toPrecision(3));
      await check.click();
      await expect.poll(() => region.getByRole('status').textContent()).toMatch(/^Not quite: .*1\/λmax/);
      await field.fill(answer.toPrecision(3));
      await check.click();
      await expect.poll(() => region.getByRole('status').textContent()).toMatch(/^Right/);
      expectNoErrors(errors);
    } finally {
      await page.evaluate(() => localStorage.clear());
      await page.close();
    }
  });
});

describeChapterPageChecks([{ slug: 'higher-derivatives', ready: READY, phoneDark: true }]);
