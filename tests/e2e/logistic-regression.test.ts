import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import {
  DESKTOP_OPTIONS,
  expectNoErrors,
  launch,
  openRoute,
} from './browser';

let browser: LaunchedChromium;
beforeAll(async () => {
  browser = await launch(DESKTOP_OPTIONS);
});
afterAll(async () => {
  await browser?.close();
});

const ROUTE = '#/logistic-regression';
const READY = '.logistic-lab [data-testid="live-formula"] .katex';
const open = (b = browser, colorScheme: 'light' | 'dark' = 'light') => openRoute(b, ROUTE, { colorScheme, waitFor: READY });
const cost = async (page: Page) => Number(await page.getByTestId('lab-cost').getAttribute('data-value'));
const weights = async (page: Page) => ((await page.getByTestId('lab-weights').getAttribute('data-value')) ?? '').split(',').map(Number);
const checkStates = (page: Page) => page.locator('.logistic-lab .checks li').evaluateAll((items) => items.map((i) => i.getAttribute('data-ok')));
const stepButton = (page: Page) => page.getByRole('button', { name: 'Step', exact: true });

// By hand: at w = (−4, 3, 0), z_n = −4x₁ + 3x₂; the mean of softplus(−s_n z_n) over the 20 preset points.
const softplus = (u: number) => Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));

/** The canvas pixels' colours, sampled: a drawn map has many, a blank one has one. */
const distinctCanvasColours = (page: Page) =>
  page.locator('.contour-canvas').evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d');
    if (!context) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const seen = new Set<number>();
    for (let k = 0; k < data.length; k += 4 * 97) seen.add((data[k]! << 16) | (data[k + 1]! << 8) | data[k + 2]!);
    return seen.size;
  });

describe('the logistic regression chapter (#/logistic-regression)', () => {
  it('loads with no console error and no KaTeX error, the contour map drawn and every check holding', async () => {
    const { page, errors } = await open();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Logistic regression');
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await page.getByTestId('lab-status').textContent()).toMatch(/^Step 0: cost \d\.\d{4}, accuracy \d+%/);
    const points = await page.locator('.lab-point').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-x1')), Number(e.getAttribute('data-x2')), e.classList.contains('lab-point-1') ? 1 : -1]));
    expect(points).toHaveLength(20);
    const byHand = points.reduce((sum, [x1, x2, s]) => sum + softplus(-s! * (-4 * x1! + 3 * x2!)), 0) / points.length;
    expect(await cost(page)).toBeCloseTo(byHand, 12);
    expect(await checkStates(page)).toEqual(['true', 'true', 'true']);
    const canvas = page.getByRole('img', { name: /^Contour map of the cross-entropy cost/ });
    await expect.poll(() => canvas.getAttribute('aria-label')).toContain('w₁ = −4.000, w₂ = 3.000');
    expect(await distinctCanvasColours(page)).toBeGreaterThan(5);
    expectNoErrors(errors);
    await page.close();
  });

  it('Step lowers the cost and moves the weights by −η∇L, computed here by hand from the points shown', async () => {
    const { page, errors } = await open();
    const before = await cost(page);
    const points = await page.locator('.lab-point').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-x1')), Number(e.getAttribute('data-x2')), e.classList.contains('lab-point-1') ? 1 : 0]));
    const [v1, v2, vb] = await weights(page);
    const g = [0, 0, 0];
    for (const [x1, x2, t] of points) {
      const error = 1 / (1 + Math.exp(-(v1! * x1! + v2! * x2! + vb!))) - t!;
      g[0]! += (error * x1!) / points.length;
      g[1]! += (error * x2!) / points.length;
      g[2]! += error / points.length;
    }
    const rate = Number(await page.getByTestId('lab-rate').textContent());
    expect(rate).toBe(0.5);
    await stepButton(page).click();
    await expect.poll(() => page.getByTestId('lab-status').textContent()).toMatch(/^Step 1:/);
    const after = await weights(page);
    [v1, v2, vb].forEach((v, k) => expect(after[k]).toBeCloseTo(v! - rate * g[k]!, 12));
    expect(await cost(page)).toBeLessThan(before);
    for (let i = 0; i < 4; i++) await stepButton(page).click();
    await expect.poll(() => page.getByTestId('lab-status').textContent()).toMatch(/^Step 5:/);
    await expect.poll(() => page.locator('.contour-canvas').getAttribute('aria-label')).toContain('The descent path has 5 steps from (−4.00, 3.00)');
    expect(await checkStates(page)).toEqual(['true', 'true', 'true']);
    expectNoErrors(errors);
    await page.close();
  });

  it('adding a point by clicking empty space changes the cost; Delete on a focused point removes it again', async () => {
    const { page, errors } = await open();
    const before = await cost(page);
    // a new point is a new term in the mean, so the cost moves
    const area = page.locator('.logistic-lab .point-scatter .add-area');
    await area.scrollIntoViewIfNeeded();
    const box = await area.boundingBox();
    if (!box) throw new Error('no scatter plot');
    // (x₁, x₂) ≈ (−2.5, 2.5): the top-left corner, where no preset point sits
    await page.mouse.click(box.x + box.width * 0.08, box.y + box.height * 0.08);
    await expect.poll(() => page.locator('.lab-point').count()).toBe(21);
    const added = await cost(page);
    expect(added).not.toBe(before);
    await page.locator('.lab-point').last().focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.lab-point').count()).toBe(20);
    expect(await cost(page)).toBeCloseTo(before, 14);
    expectNoErrors(errors);
    await page.close();
  });

  it('hovering the boundary line on the plot lights up the boundary equation in the formula', async () => {
    const { page, errors } = await open();
    const inFormula = page.locator('.logistic-lab .katex [data-term="lr-boundary"]').first();
    const background = () => inFormula.evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.mouse.move(0, 0);
    const before = await background();
    // hovered again on each try: the page may still settle under a still mouse just after load (the
    // prose above drawn once to learn its size), and a line that moves away is no longer hovered
    await expect
      .poll(async () => {
        await page.locator('.logistic-lab .boundary-line').hover({ force: true });
        return background();
      })
      .not.toBe(before);
    expectNoErrors(errors);
    await page.close();
  });

  it('separable classes: the lowest cost on the map is on its edge, and the cost keeps falling as the weights grow', async () => {
    const { page, errors } = await open();
    await page.getByRole('button', { name: 'Separable classes' }).click();
    await expect.poll(() => page.locator('.contour-canvas').getAttribute('aria-label')).toContain('on the edge of the map');
    // and where a sighted learner reads it: the map's caption, on screen
    const caption = page.getByTestId('map-caption');
    expect(await caption.textContent()).toContain('the lowest cost on the map is on its edge, at (6.0, 6.0).');
    expect(await caption.isVisible()).toBe(true);
    const costs: number[] = [];
    const norms: number[] = [];
    for (let i = 0; i < 4; i++) {
      for (let k = 0; k < 5; k++) await stepButton(page).click();
      costs.push(await cost(page));
      const [w1, w2] = await weights(page);
      norms.push(Math.hypot(w1!, w2!));
    }
    for (let i = 1; i < costs.length; i++) {
      expect(costs[i]).toBeLessThan(costs[i - 1]!);
      expect(norms[i]).toBeGreaterThan(norms[i - 1]!);
    }
    expect(await page.getByTestId('lab-accuracy').textContent()).toBe('100%');
    expectNoErrors(errors);
    await page.close();
  });

  it('the curvature readout: settled at η = 10 it reads λmax = 0.0795 and 2/λmax = 25.1 with no rise counted; at η = 28 the path bounces and the rises are counted; End takes η to 100', async () => {
    const settled = await openRoute(browser, `${ROUTE}?eta=10&n=300`, { waitFor: READY });
    const readout = (page: Page) => page.getByTestId('lab-curvature').textContent();
    expect(await readout(settled.page)).toContain('λmax = 0.0795 (the largest eigenvalue of the Hessian), so 1/λmax = 12.6 and 2/λmax = 25.1. η = 10.0 is below 1/λmax.');
    // the cost jitters by rounding once settled; none of it is a rise
    expect(await settled.page.getByTestId('lab-status').textContent()).not.toContain('raised');
    expect(await settled.page.locator('.rate-gauge-threshold text').textContent()).toBe('2/λmax');
    expectNoErrors(settled.errors);
    await settled.page.close();

    const bouncing = await openRoute(browser, `${ROUTE}?eta=28&n=300`, { waitFor: READY });
    expect(await bouncing.page.getByTestId('lab-status').textContent()).toMatch(/Steps that raised it so far: \d{3}\./);
    // at one end of the bounce: (2.633, 1.482, 0.761), where λmax = 0.0493
    expect(await readout(bouncing.page)).toContain('λmax = 0.0493 ');
    const slider = bouncing.page.getByRole('slider', { name: 'learning rate η' });
    await slider.focus();
    await bouncing.page.keyboard.press('End');
    await expect.poll(() => bouncing.page.getByTestId('lab-rate').textContent()).toBe('100');
    expect(await readout(bouncing.page)).toMatch(/η = 100 is above 2\/λmax\.$/);
    expectNoErrors(bouncing.errors);
    await bouncing.page.close();
  });

  it('"Restore defaults", pressed from the keyboard, puts back the start (−4, 3), η = 0.5 and b learned, and keeps the points', async () => {
    const { page, errors } = await open();
    await page.getByRole('button', { name: 'Separable classes' }).click();
    await page.getByRole('slider', { name: 'learning rate η' }).fill('1');
    await page.getByRole('slider', { name: 'starting w1' }).fill('6');
    await page.getByRole('checkbox', { name: /learn the bias b/ }).uncheck();
    for (let i = 0; i < 3; i++) await stepButton(page).click();
    await page.getByRole('button', { name: 'Restore defaults' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('lab-rate').textContent()).toBe('0.50');
    expect(await weights(page)).toEqual([-4, 3, 0]);
    expect(await page.getByTestId('lab-status').textContent()).toMatch(/^Step 0:/);
    expect(await page.getByRole('checkbox', { name: /learn the bias b/ }).isChecked()).toBe(true);
    expect(await page.locator('.lab-point').count()).toBe(16);
    // on separable points at (−4, 3) the curvature is not the overlapping points' 0.4230
    expect(await page.getByTestId('lab-curvature').textContent()).not.toContain('0.4230');
    expectNoErrors(errors);
    await page.close();
  });

  it('removing every point of one class shows a message, never NaN, and Step is disabled', async () => {
    const { page, errors } = await open();
    await page.getByRole('radio', { name: 'class 1' }).check();
    let zeros = await page.locator('.lab-point-0').count();
    while (zeros > 0) {
      await page.locator('.lab-point-0').first().focus();
      await page.keyboard.press('Delete');
      await expect.poll(() => page.locator('.lab-point-0').count()).toBe(zeros - 1);
      zeros -= 1;
    }
    expect(await page.getByTestId('lab-notice').textContent()).toContain('Every point is of class 1');
    expect(await stepButton(page).isDisabled()).toBe(true);
    expect(await page.locator('.logistic-lab').textContent()).not.toMatch(/NaN|undefined/);
    expectNoErrors(errors);
    await page.close();
  });

  it('the lab set through its controls is in the address, survives a reload to the last bit, and an embed of that address shows it', async () => {
    const { page, errors } = await open();
    await page.getByRole('button', { name: 'Separable classes' }).click();
    await page.getByRole('slider', { name: 'learning rate η' }).fill('0');
    await page.getByRole('checkbox', { name: /learn the bias b/ }).uncheck();
    await page.getByRole('radio', { name: 'class 0' }).check();
    for (let i = 0; i < 3; i++) await stepButton(page).click();
    await expect.poll(() => page.getByTestId('lab-status').textContent()).toMatch(/^Step 3:/);
    const seen = {
      status: await page.getByTestId('lab-status').textContent(),
      weights: await weights(page),
      points: await page.locator('.lab-point').evaluateAll((els) => els.map((e) => [e.getAttribute('data-x1'), e.getAttribute('data-x2'), e.getAttribute('class')])),
    };
    expect(seen.points).toHaveLength(16);
    // b is not learned, so it is still 0 after three steps
    expect(seen.weights[2]).toBe(0);
    await page.waitForTimeout(400);
    const query = new URL(page.url()).hash.split('?')[1] ?? '';
    const params = new URLSearchParams(query);
    expect([params.get('cls'), params.get('eta'), params.get('bias'), params.get('n')]).toEqual(['0', '1', '0', '3']);
    expect(params.get('pts')?.split(',')).toHaveLength(3 * 16);

    await page.reload({ waitUntil: 'load' });
    await page.locator(READY).first().waitFor();
    expect(await page.getByTestId('lab-status').textContent()).toBe(seen.status);
    // the steps are replayed, not stored: the same numbers, exactly
    expect(await weights(page)).toEqual(seen.weights);
    expect(await page.locator('.lab-point').evaluateAll((els) => els.map((e) => [e.getAttribute('data-x1'), e.getAttribute('data-x2'), e.getAttribute('class')]))).toEqual(seen.points);
    expect(await page.getByRole('radio', { name: 'class 0' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /learn the bias b/ }).isChecked()).toBe(false);
    expect(await page.getByTestId('lab-rate').textContent()).toBe('1.00');
    await expect.poll(() => page.locator('.contour-canvas').getAttribute('aria-label')).toContain('The descent path has 3 steps from (−4.00, 3.00)');
    expectNoErrors(errors);
    await page.close();

    const embed = await openRoute(browser, `#/embed/logistic-regression/LogisticRegressionLab?${query}`, { waitFor: READY });
    expect(await embed.page.getByTestId('lab-status').textContent()).toBe(seen.status);
    expect(await weights(embed.page)).toEqual(seen.weights);
    expect(await embed.page.locator('.lab-point').count()).toBe(16);
    expect(await embed.page.getByRole('radio', { name: 'class 0' }).isChecked()).toBe(true);
    expectNoErrors(embed.errors);
    await embed.page.close();
  });
});
