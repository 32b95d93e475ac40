import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { DESKTOP_OPTIONS, expectNoErrors, expectNoPageOverflow, launch, logitSlider, openRoute, openSoftmax, PHONE_OPTIONS } from './browser';

/*
 * Copy as code in real Chromium: the copied program carries the logit the learner just set, the
 * clipboard holds exactly the program shown, the NumPy program run with python3 prints the
 * probabilities the page's bars carry, and at 360 px the program scrolls inside its own box.
 */

const EPS = 2 ** -52;

let desktop: LaunchedChromium;

beforeAll(async () => {
  desktop = await launch({ ...DESKTOP_OPTIONS, permissions: ['clipboard-read', 'clipboard-write'] });
});

afterAll(async () => {
  await desktop?.close();
});

function copyBlock(page: Page, scope: string) {
  return page.locator(`${scope} pre.copy-as-code-block[role="region"]`);
}

async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('copy as code', () => {
  it('#/softmax: move z3, "Copy as NumPy": the clipboard and the shown code carry the new logit, and python3 prints the bars\' probabilities', async () => {
    const { page, errors } = await openSoftmax(desktop);
    const slider = logitSlider(page, 3);
    await slider.focus();
    await page.keyboard.press('ArrowDown'); // 4 → 3.9
    await expect.poll(() => slider.inputValue()).toBe('3.9');
    const button = page.getByRole('button', { name: 'Copy as NumPy', exact: true }).first();
    await button.focus();
    await page.keyboard.press('Enter');
    const scope = '.softmax-explorer';
    await expect.poll(() => page.locator(`${scope} .copy-as-code [aria-live="polite"]`).filter({ hasText: 'Copied' }).count()).toBe(1);

    const shown = (await copyBlock(page, scope).textContent()) ?? '';
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toBe(shown);
    expect(shown.split('\n')[0]).toBe('# Logit Lab, softmax: z = [2, 3, 3.9], T = 1');
    expect(shown).toContain('z = np.array([2.0, 3.0, 3.9])');

    const run = spawnSync('python3', ['-c', clipboard], { encoding: 'utf8', timeout: 20_000 });
    if (run.error || run.status !== 0) throw new Error(`python3 could not run the copied program (needs numpy; .ci/run installs it): ${run.error?.message ?? run.stderr}`);
    const printed = JSON.parse(/^p = (.*)$/m.exec(run.stdout)?.[1] ?? 'null') as number[];
    const bars = await page.locator(`${scope} svg [data-term^="p-"][data-value]`).evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-value'))));
    expect(printed).toHaveLength(3);
    expect(bars).toHaveLength(3);
    printed.forEach((p, i) => expect(Math.abs(p - (bars[i] ?? NaN)), `p${i + 1}: python ${p}, page ${bars[i]}`).toBeLessThanOrEqual(8 * EPS * p));

    await page.locator(`${scope} .copy-as-code`).screenshot({ path: `${inject('screenshotDir')}/copy-as-code-desktop-light.png` });
    expect(await axeViolations(page, `${scope} .copy-as-code`)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    expect(await axeViolations(page, `${scope} .copy-as-code`)).toEqual([]);
    expectNoErrors(errors);
    await page.close();
  });

  it('#/jacobian and #/softmax-cross-entropy copy their own programs', async () => {
    for (const [route, scope, header, call] of [
      ['#/jacobian', '.jacobian-explorer', '# Logit Lab, softmax Jacobian: z = [2, 3, 4]', 'torch.autograd.functional.jacobian('],
      ['#/softmax-cross-entropy', '.ce-explorer', '# Logit Lab, cross-entropy through softmax: z = [2, 3, 4], label: class 2 (index 1)', 'F.cross_entropy(z.unsqueeze(0), y)'],
    ] as const) {
      const { page, errors } = await openRoute(desktop, route, { waitFor: `${scope} .copy-as-code button` });
      await page.locator(scope).getByRole('button', { name: 'Copy as PyTorch', exact: true }).click();
      await expect.poll(() => page.locator(`${scope} .copy-as-code [aria-live="polite"]`).filter({ hasText: 'Copied the PyTorch program.' }).count()).toBe(1);
      const clipboard = await page.evaluate(() => navigator.clipboard.readText());
      expect(clipboard.split('\n')[0], route).toBe(header);
      expect(clipboard, route).toContain(call);
      expect(await copyBlock(page, scope).textContent(), route).toBe(clipboard);
      expectNoErrors(errors);
      await page.close();
    }
  });

  it('at 360 px the code scrolls sideways in its own focusable box and the page does not', async () => {
    const phone = await launch({ ...PHONE_OPTIONS, viewport: { width: 360, height: 780 } });
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, errors } = await openSoftmax(phone, '?z=-2.3,9.9,0.1,-7.7&T=0.35', { colorScheme });
        await page.locator('.softmax-explorer').getByRole('button', { name: 'Copy as NumPy', exact: true }).click();
        const block = copyBlock(page, '.softmax-explorer');
        await block.waitFor({ state: 'visible' });
        // No clipboard permission on this context: either it copied or it says how to copy by hand.
        await expect.poll(() => page.locator('.softmax-explorer .copy-as-code [aria-live="polite"]').textContent()).toMatch(/Copied|not available/);
        const box = await block.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, tabIndex: el.tabIndex }));
        expect(box.scroll).toBeGreaterThan(box.client);
        expect(box.tabIndex).toBe(0);
        await expectNoPageOverflow(page, 360);
        await block.focus();
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => block.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
        await block.scrollIntoViewIfNeeded();
        await block.evaluate((el) => (el.scrollLeft = 0));
        await page.locator('.softmax-explorer .copy-as-code').screenshot({ path: `${inject('screenshotDir')}/copy-as-code-phone-${colorScheme}.png` });
        expect(await axeViolations(page, '.softmax-explorer .copy-as-code')).toEqual([]);
        expectNoErrors(errors);
        await page.close();
      }
    } finally {
      await phone.close();
    }
  });
});
