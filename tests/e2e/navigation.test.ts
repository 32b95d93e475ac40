import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { collectErrors, everySlotDrawn, expectNoErrors, launch, openRoute, PHONE_OPTIONS, proseSizesRemembered, routeURL } from './browser';

let browser: LaunchedChromium;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** On the home page, the list in the main region whose items are the chapters: it links to softmax. */
const TOC = 'main ol:has(a[href$="#/softmax"]), main ul:has(a[href$="#/softmax"])';

describe('routes', () => {
  it('the home page lists all 13 chapters, every one a link, none marked "coming"', async () => {
    const { page, errors } = await openRoute(browser, '#/', { waitFor: 'a[href$="#/softmax"]' });
    const items = page.locator(TOC).last().locator(':scope > li');
    expect(await items.count()).toBe(13);
    for (const item of await items.all()) {
      expect(await item.locator('a').count()).toBeGreaterThanOrEqual(1);
      expect((await item.textContent()) ?? '').not.toMatch(/coming/i);
    }
    expect(await page.locator('a[href$="#/lstm"]').count()).toBeGreaterThanOrEqual(1);

    await page.locator('a[href$="#/lstm"]').first().click();
    await page.locator('main h1').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => location.hash)).toMatch(/^#\/lstm/);
    expect(await page.locator('main').innerText()).not.toMatch(/This chapter is coming/);
    expectNoErrors(errors);
    await page.close();
  });

  it('a chapter opened from another has its scripts preloaded side by side, and its widgets drawn in their own styles', async () => {
    const { page, errors } = await openRoute(browser, '#/softmax', { waitFor: 'main h1' });
    await everySlotDrawn(page);
    const preloads = () => page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].map((l) => new URL(l.href).pathname.replace(/.*\//, '')));
    expect((await preloads()).some((f) => f.startsWith('SoftmaxCrossEntropyChapter-'))).toBe(false);
    // a hash change: the app moves to the chapter without loading the page again
    await page.evaluate(() => {
      location.hash = '#/softmax-cross-entropy';
    });
    await page.locator('main h1', { hasText: 'Cross-entropy through softmax' }).waitFor();
    await everySlotDrawn(page);
    const linked = await preloads();
    expect(linked.some((f) => f.startsWith('SoftmaxCrossEntropyChapter-'))).toBe(true);
    // chunks the chapter's chunk imports and softmax's does not were asked for beside it
    expect(linked.filter((f) => /^(crossEntropyGrad|d3-shape|MatrixHeatmap)-/.test(f))).toHaveLength(3);
    // the chapter's own CSS (Vite's helper still links it and waits for it) applies to its widgets
    const cssLinked = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')].some((l) => /SoftmaxCrossEntropyChapter-[^/]*\.css$/.test(l.href)));
    expect(cssLinked).toBe(true);
    expectNoErrors(errors);
    await page.close();
  });

  it('a chapter opened directly links its CSS at once and preloads its scripts once its prose has arrived', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    // hold the chapter's prerendered prose, and the entry (which would ask for the same scripts itself)
    const held: Record<'prose' | 'entry', Array<() => Promise<void>>> = { prose: [], entry: [] };
    const hold = (which: 'prose' | 'entry') => (route: Route) => void held[which].push(() => route.continue());
    await page.route(/\/assets\/chapter-softmax-cross-entropy-[^/]*\.html$/, hold('prose'));
    await page.route(/\/assets\/index-[^/]*\.js$/, hold('entry'));
    const linked = (rel: string) =>
      page.evaluate((r) => [...document.querySelectorAll<HTMLLinkElement>(`link[rel=${r}]`)].map((l) => new URL(l.href).pathname.replace(/.*\//, '')), rel);
    await page.goto(routeURL('#/softmax-cross-entropy'), { waitUntil: 'commit' });
    await expect.poll(() => held.prose.length + held.entry.length).toBe(2);
    await expect.poll(async () => (await linked('stylesheet')).some((f) => /^SoftmaxCrossEntropyChapter-.*\.css$/.test(f))).toBe(true);
    expect((await linked('modulepreload')).filter((f) => f.startsWith('SoftmaxCrossEntropyChapter-'))).toEqual([]);
    // the prose arrives, with the entry still held: the chapter's scripts are asked for now
    await held.prose[0]?.();
    await page.locator('main h1', { hasText: 'Cross-entropy through softmax' }).waitFor();
    await expect.poll(async () => (await linked('modulepreload')).some((f) => f.startsWith('SoftmaxCrossEntropyChapter-'))).toBe(true);
    await held.entry[0]?.();
    await page.locator('[data-testid="live-formula"] .katex').first().waitFor();
    expectNoErrors(errors);
    await page.close();
  });

  it('an unknown route shows "not found" with a link to the contents, never a blank page', async () => {
    const { page, errors } = await openRoute(browser, '#/nope', { waitFor: 'main h1' });
    await expect.poll(() => page.locator('main').innerText()).toMatch(/not found|no such page/i);
    const link = page.locator('main').getByRole('link', { name: /contents/i }).first();
    expect(await link.isVisible()).toBe(true);
    await link.click();
    await page.locator(TOC).last().waitFor({ state: 'visible' });
    expect(await page.locator(TOC).last().locator(':scope > li').count()).toBe(13);
    expectNoErrors(errors);
    await page.close();
  });
});

describe('the way around on a phone and a desktop', () => {
  it('on a 360 px phone the chapter list and the next chapter are on the first screen: "Chapters" opens the list, a chapter in it opens that chapter', async () => {
    const phone = await launch({ ...PHONE_OPTIONS, viewport: { width: 360, height: 740 } });
    try {
      const { page, errors } = await openRoute(phone, '#/backprop', { waitFor: 'main h1' });
      const toggle = page.getByRole('button', { name: 'Chapters' });
      const next = page.getByRole('link', { name: 'Next: Checking gradients →' });
      for (const control of [toggle, next]) {
        const box = await control.boundingBox();
        expect(box && box.y + box.height).toBeLessThanOrEqual(740);
        expect(box?.height).toBeGreaterThanOrEqual(44);
      }
      // folded: the list takes no room until asked for
      expect(await page.locator('.site-toc nav[aria-label="Chapters"]').isVisible()).toBe(false);
      await toggle.click();
      const stability = page.locator('.site-toc').getByRole('link', { name: 'Numerical stability' });
      expect(await stability.isVisible()).toBe(true);
      await stability.click();
      await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/stability/);
      // the list folds again behind the new chapter
      await expect.poll(() => page.getByRole('button', { name: 'Chapters' }).getAttribute('aria-expanded')).toBe('false');
      await page.getByRole('link', { name: 'For lecturers: embed a widget in your course' }).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/embed');
      expectNoErrors(errors);
      await page.close();
    } finally {
      await phone.close();
    }
  });

  it('on a desktop the list beside the page is always there, with no button, and Tab reaches it before the page', async () => {
    const { page, errors } = await openRoute(browser, '#/softmax', { waitFor: '[data-testid="p-text-1"]' });
    expect(await page.getByRole('button', { name: 'Chapters' }).count()).toBe(0);
    const list = page.locator('.site-toc nav[aria-label="Chapters"]');
    expect(await list.isVisible()).toBe(true);
    // Tab from the top of the page: the skip link, the site name and the site's own links (Review),
    // then the chapter list, before anything in the chapter
    await page.locator('body').focus();
    const reached: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => {
        const a = document.activeElement;
        return `${a?.closest('.site-toc') ? 'toc' : a?.closest('main') ? 'main' : 'other'}:${a?.textContent?.trim() ?? ''}`;
      }));
    }
    expect(reached[2]).toBe('other:Review');
    expect(reached[3]).toBe('toc:Information and cross-entropy');
    expect(reached[4]).toBe('toc:Softmax');
    expectNoErrors(errors);
    await page.close();
  });
});

describe('the page keeps its length while you scroll', () => {
  for (const [route, viewport] of [
    ['#/softmax', { width: 1280, height: 800 }],
    ['#/backprop', { width: 390, height: 844 }],
  ] as const) {
    it(`${route} at ${viewport.width} px: scrolled to the end a screen at a time, the page's length changes by under 3 %`, async () => {
      const view = await launch(viewport.width < 600 ? { ...PHONE_OPTIONS, viewport } : { viewport });
      try {
        const { page, errors } = await openRoute(view, route, { waitFor: '.chapter-body .widget' });
        const length = () => page.evaluate(() => document.documentElement.scrollHeight);
        // the promise holds once each part's size is remembered
        await proseSizesRemembered(page);
        const atStart = await length();
        const seen = [atStart];
        for (let y = 0; y < (await length()); y += viewport.height) {
          await page.evaluate((top) => window.scrollTo(0, top), y);
          await page.waitForTimeout(50);
          seen.push(await length());
        }
        const spread = (Math.max(...seen) - Math.min(...seen)) / atStart;
        expect(spread, `lengths ${Math.min(...seen)} to ${Math.max(...seen)} px`).toBeLessThan(0.03);
        expectNoErrors(errors);
        await page.close();
      } finally {
        await view.close();
      }
    });
  }
});
