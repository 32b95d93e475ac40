/**
 * prefers-reduced-motion: with it set, nothing on any written chapter transitions or animates (the
 * global rule of theme.css, shown to be what does it with a probe that transitions without it), nothing
 * starts moving by itself, and chapter 6's Play takes one step per 250 ms instead of one per frame.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { CHAPTERS } from '../../src/chapters/chapterList';
import { DESKTOP_OPTIONS, everySlotDrawn, expectNoErrors, launch, openRoute } from './browser';

let browser: LaunchedChromium;
beforeAll(async () => {
  browser = await launch(DESKTOP_OPTIONS);
});
afterAll(async () => {
  await browser?.close();
});

/** openRoute emulates reduced motion already; said again here, since it is what these tests are about. */
async function open(route: string, reducedMotion: 'reduce' | 'no-preference' = 'reduce') {
  const opened = await openRoute(browser, route, { waitFor: '.chapter-body .widget' });
  await opened.page.emulateMedia({ reducedMotion });
  await everySlotDrawn(opened.page);
  return opened;
}

/** Every element and pseudo-element with a transition or animation that would take time. */
function movingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seconds = (list: string) => Math.max(...list.split(',').map((t) => parseFloat(t) * (t.trim().endsWith('ms') ? 0.001 : 1)));
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const pseudo of [null, '::before', '::after'] as const) {
        const style = getComputedStyle(element, pseudo);
        const transition = seconds(style.transitionDuration);
        const animated = style.animationName !== 'none' && seconds(style.animationDuration) > 0;
        if (transition > 0 || animated) {
          const cls = typeof element.className === 'string' && element.className ? `.${element.className.split(' ').join('.')}` : '';
          found.push(`${element.tagName.toLowerCase()}${cls}${pseudo ?? ''}: transition ${style.transitionDuration}, animation ${style.animationName} ${style.animationDuration}`);
        }
      }
    }
    return found;
  });
}

/** A probe that transitions and animates by its own inline style, as a future widget might. */
async function probeMotion(page: Page): Promise<{ transition: string; animation: string; after: string; scroll: string }> {
  return page.evaluate(() => {
    let probe = document.getElementById('motion-probe');
    if (!probe) {
      const style = document.createElement('style');
      style.textContent =
        '@keyframes motion-probe-spin { to { transform: rotate(1turn); } }' +
        "#motion-probe::after { content: ''; transition: transform 200ms; } #motion-probe { scroll-behavior: smooth; }";
      document.head.append(style);
      probe = document.createElement('div');
      probe.id = 'motion-probe';
      probe.setAttribute('style', 'transition: opacity 300ms ease; animation: motion-probe-spin 2s linear infinite');
      document.body.append(probe);
    }
    const computed = getComputedStyle(probe);
    return {
      transition: computed.transitionDuration,
      animation: computed.animationName,
      after: getComputedStyle(probe, '::after').transitionDuration,
      scroll: computed.scrollBehavior,
    };
  });
}

describe('prefers-reduced-motion: reduce', () => {
  it('the global rule is what stops motion: a probe transitions without the setting and not with it', async () => {
    const { page, errors } = await open('#/softmax', 'no-preference');
    expect(await probeMotion(page)).toEqual({ transition: '0.3s', animation: 'motion-probe-spin', after: '0.2s', scroll: 'smooth' });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await probeMotion(page)).toEqual({ transition: '0s', animation: 'none', after: '0s', scroll: 'auto' });
    expectNoErrors(errors);
    await page.close();
  });

  for (const chapter of CHAPTERS.filter((c) => c.load)) {
    it(`#/${chapter.slug}: no element transitions or animates`, async () => {
      const { page, errors } = await open(`#/${chapter.slug}`);
      expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
      const moving = await movingElements(page);
      expect(moving, moving.join('\n')).toEqual([]);
      expectNoErrors(errors);
      await page.close();
    });
  }

  const idle = (page: Page) => page.waitForTimeout(1_500);
  const text = async (page: Page, id: string) => ((await page.getByTestId(id).first().textContent()) ?? '').trim();
  const logisticSteps = async (page: Page) => {
    const label = (await page.locator('canvas.contour-canvas').getAttribute('aria-label')) ?? '';
    const match = /The descent path has (\d+) steps?/.exec(label);
    if (!match?.[1]) throw new Error(`no step count in "${label}"`);
    return Number(match[1]);
  };

  it('chapters 6, 7 and 8 start nothing by themselves: their step counters stay at 0', async () => {
    for (const [route, read] of [
      ['#/squared-error-vs-cross-entropy', (page: Page) => text(page, 'race-step')],
      ['#/logistic-regression', (page: Page) => logisticSteps(page).then(String)],
      ['#/backprop', (page: Page) => text(page, 'bp-step')],
    ] as const) {
      const { page, errors } = await open(route);
      const before = await read(page);
      expect(before, route).toMatch(/^(0|Step 0 of \d+\.)$/);
      await idle(page);
      expect(await read(page), route).toBe(before);
      expectNoErrors(errors);
      await page.close();
    }
  });

  const playFor = async (page: Page, ms: number) => {
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(ms);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    return logisticSteps(page);
  };

  it("chapter 6's Play steps every 250 ms with reduced motion, and once a frame without", async () => {
    const reduced = await open('#/logistic-regression', 'reduce');
    const slow = await playFor(reduced.page, 1_600);
    // 1.6 s at one step per 250 ms: about 6, never one a frame
    expect(slow).toBeGreaterThanOrEqual(3);
    expect(slow).toBeLessThanOrEqual(8);
    expectNoErrors(reduced.errors);
    await reduced.page.close();

    const full = await open('#/logistic-regression', 'no-preference');
    expect(await playFor(full.page, 1_600)).toBeGreaterThan(20);
    expectNoErrors(full.errors);
    await full.page.close();
  });
});
