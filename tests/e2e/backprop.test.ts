import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import {
  DESKTOP_OPTIONS,
  PHONE_OPTIONS,
  WIDE_OPTIONS,
  expectNoErrors,
  launch,
  openRoute,
} from './browser';
import { addressQuery, step, trainFor } from './backpropPage';

let desktop: LaunchedChromium;
let phone: LaunchedChromium;
beforeAll(async () => {
  [desktop, phone] = await Promise.all([launch(DESKTOP_OPTIONS), launch(PHONE_OPTIONS)]);
});
afterAll(async () => {
  await Promise.all([desktop?.close(), phone?.close()]);
});

const ROUTE = '#/backprop';
const READY = '.backprop-trainer [data-testid="bp-formula"] .katex';
const open = (b = desktop, colorScheme: 'light' | 'dark' = 'light') => openRoute(b, ROUTE, { colorScheme, waitFor: READY });
// the trainer's part of the page: the chapter's opener above it draws the same regions
const trainer = (page: Page) => page.locator('.backprop-trainer');
const loss = async (page: Page) => Number(await page.getByTestId('bp-loss').getAttribute('data-value'));
const accuracy = async (page: Page) => Number(await page.getByTestId('bp-accuracy').getAttribute('data-value'));


/** Take `n` single steps with the Step button, waiting for each to land. */
async function stepTimes(page: Page, n: number): Promise<void> {
  const start = await step(page);
  for (let i = 1; i <= n; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => step(page)).toBe(start + i);
  }
}

describe('the backprop chapter (#/backprop)', () => {
  it('loads with no console error and no KaTeX error, at step 0 with 150 blob points and 16 hidden units', async () => {
    const { page, errors } = await open();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Backpropagation through a network');
    await expect.poll(() => loss(page)).toBeGreaterThan(0);
    expect(await step(page)).toBe(0);
    expect(await page.locator('.katex-error').count()).toBe(0);
    const regions = trainer(page).getByRole('img', { name: /^Decision regions/ });
    await expect.poll(() => regions.getAttribute('aria-label')).toContain('150 points: 50 of class 1, 50 of class 2, 50 of class 3');
    expect(await page.getByRole('slider', { name: 'hidden units H' }).inputValue()).toBe('16');
    // the weight tables: W1 is 2 × 16, W2 is 16 × 3
    expect(await page.getByTestId('bp-heatmap-W1').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('bp-heatmap-W1').locator('tbody tr').first().locator('button').count()).toBe(16);
    expect(await page.getByTestId('bp-heatmap-W2').locator('tbody tr').count()).toBe(16);
    expectNoErrors(errors);
    await page.close();
  });

  it('training the 2-16-3 network on blobs for 300 steps: 100% accuracy and a loss below 0.01, as the chapter says', async () => {
    const { page, errors } = await open();
    await expect.poll(() => loss(page)).toBeGreaterThan(0);
    const before = await loss(page);
    // three classes, untrained: about ln 3 ≈ 1.1 or worse
    expect(before).toBeGreaterThan(0.5);
    const reached = await trainFor(page, 300);
    expect(reached).toBeGreaterThanOrEqual(300);
    const after = await loss(page);
    expect(after).toBeLessThan(before / 4);
    // the chapter: 100% from step 20 on, the loss below 0.01 by step 200 (tests/claims/backprop.claims.test.ts)
    expect(after).toBeLessThan(0.01);
    expect(await accuracy(page)).toBe(1);
    const label = await trainer(page).getByRole('img', { name: /^Decision regions/ }).getAttribute('aria-label');
    expect(label).toMatch(/Accuracy 100\.0%/);
    // the weights on show are the trained ones: the gradient heatmap's cells are numbers, not "undefined"
    expect(await page.getByTestId('bp-heatmap-dW2').textContent()).not.toMatch(/undefined|NaN/);
    expectNoErrors(errors);
    await page.close();
  });

  it('Replay reproduces the run exactly: the same loss after the same 12 steps', async () => {
    const { page, errors } = await open();
    await page.getByLabel('Data', { exact: true }).selectOption('rings');
    await expect.poll(() => loss(page)).toBeGreaterThan(0);
    await stepTimes(page, 12);
    const first = await loss(page);
    await page.getByRole('button', { name: 'Replay' }).click();
    await expect.poll(() => step(page)).toBe(0);
    await stepTimes(page, 12);
    expect(await loss(page)).toBe(first);
    // Reset draws new weights (seed 2): the same 12 steps end elsewhere
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => step(page)).toBe(0);
    expect(await page.getByLabel('Seed of the initial weights').inputValue()).toBe('2');
    await stepTimes(page, 12);
    expect(await loss(page)).not.toBe(first);
    expectNoErrors(errors);
    await page.close();
  });

  it('the hidden-units and learning-rate sliders work from the keyboard and change the network', async () => {
    const { page, errors } = await open();
    const hidden = page.getByRole('slider', { name: 'hidden units H' });
    await hidden.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByTestId('bp-heatmap-W2').locator('tbody tr').count()).toBe(1);
    await expect.poll(() => page.getByTestId('bp-formula').getAttribute('aria-label')).toContain('W1 is 2 by 1');
    const lr = page.getByRole('slider', { name: /learning rate/ });
    await lr.focus();
    await page.keyboard.press('End');
    expect(await lr.getAttribute('aria-valuetext')).toBe('10');
    expectNoErrors(errors);
    await page.close();
  });

  it('the batch-size slider works from the keyboard: Home gives batches of 1, a Step in the worker trains on one point, End is full batch again', async () => {
    const { page, errors } = await open();
    const batch = page.getByRole('slider', { name: 'batch size B (points a step)' });
    await batch.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => trainer(page).getByTestId('bp-batch').textContent()).toBe('batches of 1 of the 150 points, 150 steps an epoch, reshuffled each epoch');
    const before = await trainer(page).getByTestId('bp-loss').getAttribute('data-value');
    await trainer(page).getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => trainer(page).getByTestId('bp-step').textContent()).toBe('1');
    await expect.poll(() => trainer(page).getByTestId('bp-loss').getAttribute('data-value')).not.toBe(before);
    await batch.focus();
    await page.keyboard.press('End');
    await expect.poll(() => trainer(page).getByTestId('bp-batch').textContent()).toBe('full batch');
    expectNoErrors(errors);
    await page.close();
  });

  it('clicking the plot adds a point of the chosen class; Delete on the keyboard removes one', async () => {
    const { page, errors } = await open();
    const regions = trainer(page).getByRole('img', { name: /^Decision regions/ });
    await page.getByRole('radio', { name: 'class 3' }).check();
    await trainer(page).locator('.region-points').scrollIntoViewIfNeeded();
    const box = await trainer(page).locator('.region-points').boundingBox();
    if (!box) throw new Error('the plot has no box');
    await page.mouse.click(box.x + box.width * 0.9, box.y + box.height * 0.1);
    await expect.poll(() => regions.getAttribute('aria-label')).toContain('151 points: 50 of class 1, 50 of class 2, 51 of class 3');
    expect(await page.getByLabel('Data', { exact: true }).inputValue()).toBe('custom');
    const points = trainer(page).getByRole('slider', { name: /The selected point/ });
    await points.focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => regions.getAttribute('aria-label')).toContain('150 points');
    expectNoErrors(errors);
    await page.close();
  });

  it('the seed and sample fields keep what is typed: 1e309 keyed in stays 1e309, Enter refuses it and seed 1’s loss stays; 7 on Tab is taken', async () => {
    const { page, errors } = await open();
    await expect.poll(() => loss(page)).toBeGreaterThan(0);
    const seed1 = await loss(page);
    const seed = page.getByLabel('Seed of the initial weights');
    await seed.focus();
    await page.keyboard.press('ControlOrMeta+A');
    let typed = '';
    for (const key of '1e309') {
      await page.keyboard.press(key);
      typed += key;
      expect(await seed.inputValue()).toBe(typed);
    }
    await page.keyboard.press('Enter');
    const alert = page.locator('.backprop-trainer [role="alert"]');
    await expect.poll(() => alert.textContent()).toBe('“1e309” is too large: the seed must be a whole number from 0 to 99999. The network keeps seed 1.');
    expect(await seed.inputValue()).toBe('1');
    expect(await loss(page)).toBe(seed1);
    await seed.fill('1,5');
    await seed.press('Enter');
    await expect.poll(() => alert.textContent()).toBe('“1,5” is not a number: the seed must be a whole number from 0 to 99999. The network keeps seed 1.');
    await seed.fill('7');
    await seed.press('Tab');
    await expect.poll(() => alert.count()).toBe(0);
    await expect.poll(() => loss(page)).not.toBe(seed1);

    const sample = page.getByRole('textbox', { name: 'Sample i' });
    await sample.fill('99999999');
    await sample.press('Enter');
    await expect.poll(() => page.locator('.bp-sample-picker [role="alert"]').textContent()).toBe(
      '“99999999” is too large: the sample must be a whole number from 1 to 150. Still showing sample 1.',
    );
    expect(await sample.inputValue()).toBe('1');
    expect(await page.getByTestId('bp-sample-facts').textContent()).toMatch(/^Sample 1:/);
    expectNoErrors(errors);
    await page.close();
  });

  it('Download weights gives JSON with the shape, the activation, every parameter, the step and the seed', async () => {
    const { page, errors } = await open();
    await expect.poll(() => loss(page)).toBeGreaterThan(0);
    await stepTimes(page, 2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download weights (JSON)' }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const file = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    expect(file.shape).toEqual({ inputs: 2, hidden: 16, outputs: 3 });
    expect(file.activation).toBe('relu');
    expect(file.step).toBe(2);
    expect(file.seed).toBe(1);
    expect(file.dataset).toBe('blobs');
    expect(file.params.w1).toHaveLength(2);
    expect(file.params.w1[0]).toHaveLength(16);
    expect(file.params.w2).toHaveLength(16);
    expect(file.params.b2).toHaveLength(3);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    expectNoErrors(errors);
    await page.close();
  });

  it('the address keeps the run, the sample and m: after a reload, and in an embed, the same run replays to the same loss', async () => {
    const { page, errors } = await open();
    await page.getByLabel('Data', { exact: true }).selectOption('rings');
    await page.getByLabel('Activation', { exact: true }).selectOption('tanh');
    const hidden = page.getByRole('slider', { name: 'hidden units H' });
    await hidden.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => hidden.inputValue()).toBe('8');
    await expect.poll(() => loss(page)).toBeGreaterThan(0);
    await stepTimes(page, 12);
    const trained = await loss(page);
    await page.getByRole('textbox', { name: 'Sample i' }).fill('5');
    await page.getByRole('textbox', { name: 'Sample i' }).press('Enter');
    await page.getByRole('combobox', { name: 'Batch size m' }).selectOption('30');
    await page.waitForTimeout(400);
    const query = addressQuery(page);
    expect([query.get('data'), query.get('act'), query.get('hidden'), query.get('n'), query.get('sample'), query.get('m')]).toEqual(['rings', 'tanh', '8', '12', '5', '30']);

    await page.reload({ waitUntil: 'load' });
    await page.locator(READY).first().waitFor();
    // training is deterministic: replayed to step 12, the weights, and so the loss, are the very same
    await expect.poll(() => step(page), { timeout: 10_000 }).toBe(12);
    await expect.poll(() => loss(page)).toBe(trained);
    expect(await page.getByLabel('Data', { exact: true }).inputValue()).toBe('rings');
    expect(await page.getByLabel('Activation', { exact: true }).inputValue()).toBe('tanh');
    expect(await hidden.inputValue()).toBe('8');
    expect(await page.getByRole('button', { name: 'Play', exact: true }).isVisible()).toBe(true);
    expect(await page.getByTestId('bp-sample-facts').textContent()).toMatch(/^Sample 5:/);
    expect(await page.getByRole('combobox', { name: 'Batch size m' }).inputValue()).toBe('30');
    expectNoErrors(errors);
    await page.close();

    const embed = await openRoute(desktop, '#/embed/backprop/BackpropTrainer?data=rings&act=tanh&hidden=8&n=12&lock=n', { waitFor: READY });
    await expect.poll(() => step(embed.page), { timeout: 10_000 }).toBe(12);
    await expect.poll(() => loss(embed.page)).toBe(trained);
    // lock=n: the run is the lecturer's, Play and Step are shown but disabled
    expect(await embed.page.getByRole('button', { name: 'Play', exact: true }).isDisabled()).toBe(true);
    expectNoErrors(embed.errors);
    await embed.page.close();

    const explorer = await openRoute(desktop, '#/embed/backprop/BackwardPassExplorer?sample=5&w2h=3', { waitFor: '[data-testid="bp-sample-facts"]' });
    expect(await explorer.page.getByTestId('bp-sample-facts').textContent()).toMatch(/^Sample 5:/);
    expect(await explorer.page.getByRole('button', { name: /^dW2, row 3, column 1:/ }).getAttribute('aria-pressed')).toBe('true');
    expectNoErrors(explorer.errors);
    await explorer.page.close();
  });

  describe('the 2 × 16 tables of W1 and ∂L/∂W1', () => {
    const W1_TITLE = 'W1, 2 × 16: input → hidden unit';
    /** the table's box: its width, what it scrolls, and where its 16 column headers lie within it */
    const tableBox = (page: Page, pane: string) =>
      page.getByTestId(`bp-heatmap-${pane}`).evaluate((el) => {
        const scroller = el.querySelector('.heatmap-scroll') as HTMLElement;
        const box = scroller.getBoundingClientRect();
        const headers = Array.from(el.querySelectorAll('thead th'), (th) => th.getBoundingClientRect());
        return {
          scrolls: scroller.scrollWidth > scroller.clientWidth + 1,
          columns: headers.length,
          shown: headers.filter((r) => r.left >= box.left - 1 && r.right <= box.right + 1).length,
          right: box.right,
          cue: el.querySelector('.heatmap-scroll-cue')?.textContent ?? null,
        };
      });

    for (const width of [1280, 1440]) {
      it(`at ${width} px all 16 columns of W1 show without scrolling; ∂L/∂W1 too, or its cue says what shows`, async () => {
        const launched = width === 1280 ? desktop : await launch(WIDE_OPTIONS);
        const { page, errors } = await open(launched);
        await page.getByTestId('bp-heatmap-W1').scrollIntoViewIfNeeded();
        const w1 = await tableBox(page, 'W1');
        expect(w1).toMatchObject({ scrolls: false, columns: 16, shown: 16, cue: null });
        expect(w1.right).toBeLessThanOrEqual(width);
        const dW1 = await tableBox(page, 'dW1');
        expect(dW1.columns).toBe(16);
        if (dW1.scrolls) expect(dW1.cue).toMatch(/^h1–h\d+ of 16 columns shown/);
        else expect(dW1).toMatchObject({ shown: 16, cue: null });
        expectNoErrors(errors);
        await page.close();
        if (launched !== desktop) await launched.close();
      });
    }

    it('on a 375 px phone W1 scrolls in its own named region, its title in view, and the cue follows the scroll', async () => {
      const { page, errors } = await open(phone);
      await page.setViewportSize({ width: 375, height: 812 });
      const pane = page.getByTestId('bp-heatmap-W1');
      await pane.scrollIntoViewIfNeeded();
      const title = pane.getByText(W1_TITLE, { exact: true });
      const box = await title.boundingBox();
      expect(box).not.toBeNull();
      expect(box?.x).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? Infinity) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
      // the scroll box is a focusable region named by the title and described by the cue
      const region = pane.getByRole('region', { name: W1_TITLE });
      expect(await region.getAttribute('tabindex')).toBe('0');
      const cue = pane.locator('.heatmap-scroll-cue');
      await expect.poll(() => cue.textContent()).toMatch(/^h1–h\d of 16 columns shown: scroll sideways for the rest$/);
      expect(await region.getAttribute('aria-describedby')).toBe(await cue.getAttribute('id'));
      const before = await tableBox(page, 'W1');
      expect(before.shown).toBeLessThan(16);
      // scrolled to its end, the cue names the last columns
      await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      await expect.poll(() => cue.textContent()).toMatch(/^h\d+–h16 of 16 columns shown/);
      expect(await page.getByRole('table', { name: W1_TITLE }).count()).toBe(1);
      expectNoErrors(errors);
      await page.close();
    });
  });
});
