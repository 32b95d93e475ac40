/**
 * The checks every written chapter passes in Chromium, whatever it teaches: at desktop width in the
 * light and dark colour schemes, and on a phone, it loads with no console error and no KaTeX error, axe
 * finds nothing, nothing is wider than the screen (down to 360 px), every bar plot's opaque ground is
 * the colour behind it (src/plots/barScales.tsx), and a screenshot of the whole page
 * is written for a person to look at. At 1440 px (light only, without axe, to keep the run short) the
 * widgets take the wider figure column beside the chapter list while the prose keeps its measure. A chapter's own e2e file tests what its widgets do.
 */
import { stat } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import {
  DESKTOP,
  DESKTOP_OPTIONS,
  PHONE,
  PHONE_OPTIONS,
  WIDE,
  WIDE_OPTIONS,
  expectNoAxeViolationsOnPage,
  expectNoErrors,
  expectPlotGroundsUnseen,
  expectNoPageOverflow,
  launch,
  nextFrame,
  openRoute,
  screenshotWholePage,
} from './browser';

/** The narrowest phone the site is laid out for. */
export const NARROW_PHONE_WIDTH = 360;

export interface ChapterPage {
  /** the route slug: `#/<slug>`, and the screenshots' file-name prefix */
  readonly slug: string;
  /** what must be visible before the page counts as loaded (e.g. its first live formula) */
  readonly ready: string;
  /** optional: bring the page to a fuller state first (results shown, a few steps trained) */
  readonly prepare?: (page: Page) => Promise<void>;
  /** screenshot the phone layout in the dark colour scheme too */
  readonly phoneDark?: boolean;
}

type Scheme = 'light' | 'dark';

async function expectScreenshot(page: Page, name: string): Promise<void> {
  const path = await screenshotWholePage(page, name);
  // A real picture of a chapter is more than a few bytes: a blank page compresses to almost nothing.
  expect((await stat(path)).size).toBeGreaterThan(5_000);
}

/**
 * Every chapter shows the one notation box (content/shared/notation.mdx), closed to its summary line;
 * Enter on the focused summary opens it, so its list is in the screenshot and axe reads it open.
 */
async function expectNotationOpensFromTheKeyboard(page: Page): Promise<void> {
  const box = page.locator('details.notation');
  expect(await box.count()).toBe(1);
  expect(await box.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
  await box.locator('summary').focus();
  await page.keyboard.press('Enter');
  expect(await box.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
  expect(await box.locator('li').count()).toBeGreaterThanOrEqual(5);
}

/** The prose's measure (42rem at the page's 18 px root), and what the figure column may reach. */
const PROSE_MAX = 42 * 18 + 1;

/**
 * On a wide screen every widget lies right of the chapter list (never under it) and inside the
 * viewport, at least one is wider than the prose, and no paragraph is wider than its measure.
 */
async function expectFigureColumnBesideTheList(page: Page, width: number): Promise<void> {
  const layout = await page.evaluate(() => ({
    list: document.querySelector('.site-toc')?.getBoundingClientRect().right ?? NaN,
    widgets: Array.from(document.querySelectorAll('.chapter-body > .widget-slot > .embeddable'), (e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, width: r.width };
    }),
    paragraphs: Array.from(document.querySelectorAll('.chapter-body > p'), (e) => e.getBoundingClientRect().width),
  }));
  expect(layout.widgets.length).toBeGreaterThan(0);
  for (const w of layout.widgets) {
    expect(w.left).toBeGreaterThanOrEqual(layout.list);
    expect(w.right).toBeLessThanOrEqual(width);
  }
  expect(Math.max(...layout.widgets.map((w) => w.width))).toBeGreaterThan(PROSE_MAX);
  expect(Math.max(...layout.paragraphs)).toBeLessThanOrEqual(PROSE_MAX);
}

export function describeChapterPageChecks(chapters: readonly ChapterPage[]): void {
  let desktop: LaunchedChromium;
  let phone: LaunchedChromium;
  let wide: LaunchedChromium;
  beforeAll(async () => {
    [desktop, phone, wide] = await Promise.all([launch(DESKTOP_OPTIONS), launch(PHONE_OPTIONS), launch(WIDE_OPTIONS)]);
  });
  afterAll(async () => {
    await Promise.all([desktop?.close(), phone?.close(), wide?.close()]);
  });

  // axe-core alone takes 20-30 s over the longest chapters' 10 000 elements on an idle 2-core machine
  // (higher-derivatives: 18-28 s), before the load, screenshot and layout checks: the default 60 s
  // leaves no room for a busy one
  const PAGE_CHECK_MS = 150_000;

  const open = async (browser: LaunchedChromium, chapter: ChapterPage, colorScheme: Scheme) => {
    const opened = await openRoute(browser, `#/${chapter.slug}`, { colorScheme, waitFor: chapter.ready });
    expect(await opened.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    expect(await opened.page.locator('.katex-error').count()).toBe(0);
    await chapter.prepare?.(opened.page);
    return opened;
  };

  for (const chapter of chapters) {
    describe(`#/${chapter.slug}`, () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        it(`${chapter.slug}-desktop-${colorScheme}.png: no error, no axe violation, nothing wider than the screen, no plot ground seen`, async () => {
          const { page, errors } = await open(desktop, chapter, colorScheme);
          await expectNotationOpensFromTheKeyboard(page);
          await expectNoPageOverflow(page, DESKTOP.width);
          await expectFigureColumnBesideTheList(page, DESKTOP.width);
          await expectNoAxeViolationsOnPage(page, `#/${chapter.slug} (desktop, ${colorScheme})`);
          await expectPlotGroundsUnseen(page, `#/${chapter.slug} (desktop, ${colorScheme})`);
          await expectScreenshot(page, `${chapter.slug}-desktop-${colorScheme}`);
          expectNoErrors(errors);
          await page.close();
        }, PAGE_CHECK_MS);
      }

      it(`${chapter.slug}-wide-light.png: at ${WIDE.width} px the widgets take the figure column beside the chapter list, the prose keeps its measure`, async () => {
        const { page, errors } = await open(wide, chapter, 'light');
        await expectNoPageOverflow(page, WIDE.width);
        await expectFigureColumnBesideTheList(page, WIDE.width);
        await expectScreenshot(page, `${chapter.slug}-wide-light`);
        expectNoErrors(errors);
        await page.close();
      }, PAGE_CHECK_MS);

      for (const colorScheme of chapter.phoneDark ? (['light', 'dark'] as const) : (['light'] as const)) {
        it(`${chapter.slug}-phone-${colorScheme}.png: no axe violation, nothing wider than ${PHONE.width} px or ${NARROW_PHONE_WIDTH} px`, async () => {
          const { page, errors } = await open(phone, chapter, colorScheme);
          await expectNoPageOverflow(page, PHONE.width);
          await expectNoAxeViolationsOnPage(page, `#/${chapter.slug} (phone, ${colorScheme})`);
          await expectScreenshot(page, `${chapter.slug}-phone-${colorScheme}`);
          await page.setViewportSize({ width: NARROW_PHONE_WIDTH, height: PHONE.height });
          await nextFrame(page);
          await expectNoPageOverflow(page, NARROW_PHONE_WIDTH);
          expectNoErrors(errors);
          await page.close();
        }, PAGE_CHECK_MS);
      }
    });
  }
}
