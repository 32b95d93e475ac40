/**
 * Shared helpers for the end-to-end tests: one Chromium per test file, a fresh page per test, and
 * readers for what the softmax widget shows.
 */
import { expect, inject } from 'vitest';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { launchChromium, type LaunchedChromium } from '../../bench/lib/chromium.mjs';

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;
/** a wide desktop: the figure column is wider than the prose here (issue 11) */
export const WIDE = { width: 1440, height: 900 } as const;

export const DESKTOP_OPTIONS: BrowserContextOptions = { viewport: DESKTOP };
export const WIDE_OPTIONS: BrowserContextOptions = { viewport: WIDE };
export const PHONE_OPTIONS: BrowserContextOptions = {
  viewport: PHONE,
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

export function baseURL(): string {
  return inject('baseURL');
}

/** Absolute URL of a hash route such as "#/softmax?z=1,2". */
export function routeURL(route: string): string {
  return new URL(route, baseURL()).href;
}

/**
 * A Chromium for one test file. The site's service worker is blocked unless `options` allow it: it
 * would download the whole site in the background after every first page and serve later pages from
 * its cache, which only the offline tests (offline.test.ts) are about.
 */
export function launch(options: BrowserContextOptions = DESKTOP_OPTIONS): Promise<LaunchedChromium> {
  return launchChromium({ serviceWorkers: 'block', ...options });
}

/** Console errors and uncaught exceptions seen by a page. */
export interface PageErrors {
  readonly messages: string[];
}

export function collectErrors(page: Page): PageErrors {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url, lineNumber } = message.location();
      messages.push(`console.error: ${message.text()}${url ? ` (at ${url}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '?';
    // ERR_ABORTED is the browser cancelling a request the page no longer needs (a reload or a new
    // address while a lazy part is on its way), which the learner never sees. A part that truly fails
    // to load still shows here: a refused connection, or the rejected import's page error.
    if (reason === 'net::ERR_ABORTED') return;
    messages.push(`request failed: ${request.url()} (${reason})`);
  });
  return { messages };
}

export interface OpenedPage {
  page: Page;
  errors: PageErrors;
}

/**
 * Opens a new page on `route` and waits until the app has rendered something into the document
 * (for the softmax chapter: the probability texts).
 */
export async function openRoute(
  browser: LaunchedChromium,
  route: string,
  options: { colorScheme?: 'light' | 'dark'; waitFor?: string } = {},
): Promise<OpenedPage> {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light', reducedMotion: 'reduce' });
  await page.goto(routeURL(route), { waitUntil: 'load' });
  const waitFor = options.waitFor ?? (route.startsWith('#/softmax') ? '[data-testid="p-text-1"]' : undefined);
  if (waitFor) {
    try {
      await page.locator(waitFor).first().waitFor({ state: 'visible', timeout: 15_000 });
    } catch (error) {
      const body = (await page.locator('body').innerText().catch(() => '')).slice(0, 500);
      throw new Error(
        `${route}: "${waitFor}" never became visible.\npage errors: ${errors.messages.join('\n') || 'none'}\n` +
          `page text: ${body || '(blank)'}`,
        { cause: error },
      );
    }
  }
  return { page, errors };
}

/** Opens the softmax chapter and waits for its live formula to be typeset too. */
export async function openSoftmax(
  browser: LaunchedChromium,
  query = '',
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<OpenedPage> {
  const opened = await openRoute(browser, `#/softmax${query}`, options);
  await opened.page.locator('[data-testid="live-formula"] .katex').first().waitFor({ state: 'visible' });
  return opened;
}

export function expectNoErrors(errors: PageErrors): void {
  expect(errors.messages, errors.messages.join('\n')).toEqual([]);
}

export function logitSlider(page: Page, index: number): Locator {
  return page.getByRole('slider', { name: `logit z${index}`, exact: true });
}

/** The range inputs "logit z1", "logit z2", … (not the draggable bars, named "logit zN bar"). */
export function logitSliders(page: Page): Locator {
  return page.getByRole('slider', { name: /^logit z\d+$/ });
}

export function temperatureSlider(page: Page): Locator {
  return page.getByRole('slider', { name: 'temperature T', exact: true });
}

export async function logitValues(page: Page): Promise<number[]> {
  const sliders = await logitSliders(page).all();
  return Promise.all(sliders.map(async (slider) => Number(await slider.inputValue())));
}

export function probabilityTexts(page: Page): Locator {
  return page.locator('[data-testid^="p-text-"]');
}

/** The probability texts in order, e.g. ["p1 = 0.090", "p2 = 0.245", "p3 = 0.665"]. */
export async function readProbabilityTexts(page: Page): Promise<string[]> {
  const texts = await probabilityTexts(page).allTextContents();
  return texts.map((text) => text.replace(/\s+/g, ' ').trim());
}

/** Superscript digits as the app's number formatter writes exponents: 1.65 × 10⁻⁶. */
const SUPERSCRIPT: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-',
};

/**
 * The probability a text such as "p3 = 0.665" shows, as a number. Values too small for three
 * decimals are written in scientific notation ("p3 = 1.65 × 10⁻⁶"), which is read too.
 */
export async function probabilityShown(page: Page, index: number): Promise<number> {
  const text = ((await page.getByTestId(`p-text-${index}`).textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const fixed = new RegExp(`^p${index} = (\\d\\.\\d{3})$`).exec(text);
  if (fixed?.[1]) return Number(fixed[1]);
  const scientific = new RegExp(`^p${index} = (\\d(?:\\.\\d+)?) × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$`).exec(text);
  if (scientific?.[1] && scientific[2]) {
    const exponent = Number([...scientific[2]].map((c) => SUPERSCRIPT[c] ?? c).join(''));
    return Number(scientific[1]) * 10 ** exponent;
  }
  throw new Error(`p-text-${index} reads "${text}", not "p${index} = d.ddd" (or "p${index} = d.dd × 10⁻ⁿ")`);
}

/**
 * The full-precision probabilities on the probability bars, one per term id (`p-1`, `p-2`, …), in
 * class order. A term drawn in two plots is read once.
 */
export async function barProbabilities(page: Page): Promise<number[]> {
  const entries = await page
    .locator('svg [data-term^="p-"][data-value]')
    .evaluateAll((elements) =>
      elements.map((element) => [element.getAttribute('data-term') ?? '', element.getAttribute('data-value') ?? '']),
    );
  const byTerm = new Map<number, number>();
  for (const [term, value] of entries) {
    const match = /^p-(\d+)$/.exec(term ?? '');
    if (!match?.[1]) continue;
    const index = Number(match[1]);
    if (!byTerm.has(index)) byTerm.set(index, Number(value));
  }
  return [...byTerm.entries()].sort(([a], [b]) => a - b).map(([, value]) => value);
}

export function expectSumsToOne(probabilities: number[]): void {
  expect(probabilities.length).toBeGreaterThanOrEqual(2);
  for (const p of probabilities) {
    expect(Number.isFinite(p)).toBe(true);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
  }
  const sum = probabilities.reduce((total, p) => total + p, 0);
  expect(Math.abs(sum - 1), `probabilities ${probabilities.join(', ')} sum to ${sum}`).toBeLessThanOrEqual(1e-12);
}

/**
 * The bar probabilities once every widget has caught up. A widget the learner is not using follows
 * the shared inputs after a pause (src/state/deferredView.ts: current within 200 ms of the last input),
 * so right after an input two widgets may draw different numbers for the same class, or different
 * classes. This polls (2 s, for a loaded machine) until every bar of a class carries the same value and
 * the classes sum to one, then returns them in class order.
 */
export async function settledBarProbabilities(page: Page): Promise<number[]> {
  const read = () =>
    page
      .locator('svg [data-term^="p-"][data-value]')
      .evaluateAll((elements) => elements.map((e) => [e.getAttribute('data-term') ?? '', Number(e.getAttribute('data-value'))] as const));
  const settled = async () => {
    const byTerm = new Map<string, Set<number>>();
    for (const [term, value] of await read()) {
      if (!/^p-\d+$/.test(term)) continue;
      byTerm.set(term, (byTerm.get(term) ?? new Set()).add(value));
    }
    const agreed = [...byTerm.values()].every((values) => values.size === 1);
    const sum = [...byTerm.values()].reduce((total, values) => total + [...values][0]!, 0);
    return agreed && Math.abs(sum - 1) <= 1e-12;
  };
  await expect.poll(settled, { timeout: 2000 }).toBe(true);
  return barProbabilities(page);
}

/** The bars, once settled (settledBarProbabilities), sum to one, each in [0, 1]. */
export async function expectBarsSumToOne(page: Page): Promise<void> {
  expectSumsToOne(await settledBarProbabilities(page));
}

/**
 * Waits until each part of the chapter has been drawn once and its size remembered
 * (src/app/useRememberedProseSizes.ts): that happens in idle slices after the chapter arrives, and
 * until then parts off screen hold a placeholder height, so positions read far down the page move.
 */
export async function proseSizesRemembered(page: Page): Promise<void> {
  await page.locator('.chapter-body[data-prose-sizes="remembered"]').waitFor({ state: 'attached', timeout: 15_000 });
}

/** Resolves after the next animation frame, so React's commit for the last input has painted. */
/**
 * Waits until no widget holds changes back (DeferredView marks such a widget `data-stale` for the
 * 120 ms pause after the last input) and React has painted what they delivered: after this, every
 * number on the page is current.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-stale]') === null, undefined, { timeout: 10_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(null), 0))));
}

/** The next frame, once every widget has caught up with the last input (settled). */
export async function nextFrame(page: Page): Promise<unknown> {
  await settled(page);
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
}

/** Waits for web fonts, so screenshots and layout reads see the final glyphs. */
export async function fontsReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

/** Computed style properties of the first element matching `selector`. */
export function computedStyle(page: Page, selector: string, properties: readonly string[]): Promise<Record<string, string>> {
  return page.locator(selector).first().evaluate((element, names) => {
    const style = getComputedStyle(element);
    return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
  }, properties);
}

/**
 * Waits until every widget slot of the chapter is drawn: no "Loading the widget…" line left. A
 * chapter's exercises come last (src/app/whenWanted.ts: near the screen, or a few seconds after the
 * chapter opened once input pauses), so this allows 15 s on a loaded machine.
 */
export async function everySlotDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.chapter-body .loading') === null, undefined, { timeout: 15_000 });
}

/**
 * Make the viewport as tall as the page, so that everything on it is on screen and drawn. Prose off
 * screen is skipped by `content-visibility: auto` (a slider step then costs the widget, not the
 * chapter); a full-page screenshot does not scroll, and axe cannot judge the contrast of text that was
 * never drawn. Returns a function that puts the viewport back.
 */
export async function showWholePage(page: Page): Promise<() => Promise<void>> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('the page has no viewport to resize');
  // Rendered content differs in height from its placeholder: measure what is there until it settles.
  // (The page's scrollHeight never drops below the viewport's, so the content is measured instead.)
  const contentHeight = () =>
    page.evaluate(() => {
      const parts = Array.from(document.querySelectorAll('.site-header, main > *, .site-toc > *'));
      return Math.ceil(Math.max(...parts.map((e) => e.getBoundingClientRect().bottom + window.scrollY)) + 48);
    });
  let height = 0;
  for (let i = 0; i < 4; i += 1) {
    const next = await contentHeight();
    if (next === height) break;
    height = next;
    await page.setViewportSize({ width: viewport.width, height });
    await nextFrame(page);
    await nextFrame(page);
  }
  return () => page.setViewportSize(viewport);
}

/**
 * Nothing wider than the viewport: the page never scrolls sideways (wide math scrolls in its own
 * box). On a phone, overflowing content also widens the layout viewport, so innerWidth is checked too.
 * Used by the chapter pages' checks (chapterPageChecks.ts) and the chapters' own e2e files.
 */
export async function expectNoPageOverflow(page: Page, width: number): Promise<void> {
  const { scrollWidth, innerWidth, widest } = await page.evaluate(() => {
    const limit = window.visualViewport?.width ?? window.innerWidth;
    let widestElement = '';
    let widestRight = 0;
    // an element inside a box that scrolls or clips (a display formula's MathML, a wide table) does not
    // widen the page; naming it would hide the element that does
    const insideAClip = (element: Element): boolean => {
      for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
        if (getComputedStyle(box).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const right = element.getBoundingClientRect().right;
      if (right > limit + 1 && insideAClip(element)) continue;
      if (right > widestRight && right > limit + 1) {
        widestRight = right;
        const classes = typeof element.className === 'string' && element.className ? `.${element.className.split(' ').join('.')}` : '';
        widestElement = `${element.tagName.toLowerCase()}${classes} (right edge ${Math.round(right)}px)`;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, widest: widestElement };
  });
  const message = `page is ${scrollWidth}px wide (layout viewport ${innerWidth}px) in a ${width}px viewport; widest: ${widest}`;
  expect(innerWidth, message).toBe(width);
  expect(scrollWidth, message).toBeLessThanOrEqual(width);
}

/**
 * The whole page, every part of it drawn (see showWholePage), written to the screenshot folder as
 * `<name>.png`. The viewport is already as tall as the page, so the viewport is what is captured: a
 * `fullPage` capture of a page this tall came out blank below a few thousand pixels in headless
 * Chromium (seen on #/binary-cross-entropy), while the viewport's capture is whole.
 */
export async function screenshotWholePage(page: Page, name: string): Promise<string> {
  await fontsReady(page);
  const restore = await showWholePage(page);
  const path = `${inject('screenshotDir')}/${name}.png`;
  await page.screenshot({ path, animations: 'disabled' });
  await restore();
  return path;
}

/** axe-core over the whole drawn page: no violations, and enough passes that it judged a real page. */
export async function expectNoAxeViolationsOnPage(page: Page, label: string): Promise<void> {
  const { AxeBuilder } = await import('@axe-core/playwright');
  await fontsReady(page);
  const restore = await showWholePage(page);
  const results = await new AxeBuilder({ page }).analyze();
  await restore();
  const report = results.violations
    .map((v) => `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help}\n${v.nodes.slice(0, 8).map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n\n');
  expect(results.violations.map((v) => v.id), `axe violations on ${label}:\n${report}`).toEqual([]);
  expect(results.passes.length).toBeGreaterThan(10);
}

/** A bar plot's ground (PlotGround), the colour it is filled with and the colour behind its SVG. */
export interface PlotGroundColour {
  plot: string;
  fill: string;
  behind: string;
}

/**
 * Every plot ground on the page with its fill and the background it must match to be unseen: the
 * first ancestor of its SVG with a background that is not transparent.
 */
export function plotGroundColours(page: Page): Promise<PlotGroundColour[]> {
  return page.evaluate(() => {
    const behind = (element: Element) => {
      for (let e = element.parentElement; e; e = e.parentElement) {
        const colour = getComputedStyle(e).backgroundColor;
        if (colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
      }
      return 'none';
    };
    return Array.from(document.querySelectorAll('svg.plot > .plot-ground'), (ground) => {
      const svg = ground.parentElement as Element;
      return { plot: svg.getAttribute('class') ?? '', fill: getComputedStyle(ground).fill, behind: behind(svg) };
    });
  });
}

/** Every plot ground on the page is the colour behind its plot. */
export async function expectPlotGroundsUnseen(page: Page, label: string): Promise<void> {
  for (const g of await plotGroundColours(page)) expect(g.fill, `${label}: the ground of ${g.plot}`).toBe(g.behind);
}
