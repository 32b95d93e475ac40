/**
 * The share / embed toolbar and the lecturers' page in Chromium: a learner's state goes into the
 * link, the lecturer's options into the embed it opens, and the page at #/embed previews a real
 * sandboxed embed that sizes itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import {
  DESKTOP_OPTIONS,
  PHONE_OPTIONS,
  expectNoAxeViolationsOnPage,
  expectNoErrors,
  expectNoPageOverflow,
  launch,
  logitSlider,
  nextFrame,
  openRoute,
  openSoftmax,
  screenshotWholePage,
  temperatureSlider,
} from './browser';

let desktop: LaunchedChromium;

beforeAll(async () => {
  desktop = await launch({ ...DESKTOP_OPTIONS, permissions: ['clipboard-read', 'clipboard-write'] });
});

afterAll(async () => {
  await desktop?.close();
});


const CAPTION = 'Hold T at 1 & move z₃: does p₃ "win"?';

function explorer(page: Page) {
  return page.locator('[data-widget-id="softmax/SoftmaxExplorer"]');
}

/** The embed address inside the iframe line, as a browser would read the attribute. */
function srcOf(snippet: string): string {
  const src = /src="([^"]*)"/.exec(snippet)?.[1];
  if (!src) throw new Error(`no src in ${snippet}`);
  return src.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function queryOf(url: string): URLSearchParams {
  const hash = new URL(url).hash;
  return new URLSearchParams(hash.slice(hash.indexOf('?') + 1));
}

describe('the share / embed toolbar', () => {
  it('#/softmax: the link carries a moved logit and the chosen options, and opens the widget in that state', async () => {
    const { page, errors } = await openSoftmax(desktop);
    const toolbar = explorer(page).getByRole('button', { name: /^Share \/ embed/ });
    await toolbar.focus();
    await page.keyboard.press('Enter');
    // the toolbar's code arrives on first use: the panel opens a moment after the press
    await expect.poll(() => toolbar.getAttribute('aria-expanded')).toBe('true');
    const snippet = explorer(page).getByTestId('share-snippet');
    expect(queryOf(srcOf(await snippet.inputValue())).get('z')).toBe('2,3,4');

    const z3 = logitSlider(page, 3);
    await z3.focus();
    for (let i = 0; i < 5; i += 1) await z3.press('ArrowRight');
    await nextFrame(page);
    expect(queryOf(srcOf(await snippet.inputValue())).get('z')).toBe('2,3,4.5');

    await explorer(page).getByRole('checkbox', { name: 'hide the temperature T' }).check();
    await explorer(page).getByRole('textbox', { name: 'Caption above the widget' }).fill(CAPTION);
    const src = srcOf(await snippet.inputValue());
    expect(queryOf(src).get('hide')).toBe('temperature');
    expect(queryOf(src).get('caption')).toBe(CAPTION);

    await explorer(page).getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => explorer(page).getByRole('status').textContent()).toBe('Copied the link.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await explorer(page).getByTestId('share-link').inputValue());
    expect(copied).toBe(src);

    // Escape closes the panel and the focus goes back to its button.
    await explorer(page).getByRole('textbox', { name: 'Caption above the widget' }).focus();
    await page.keyboard.press('Escape');
    expect(await toolbar.getAttribute('aria-expanded')).toBe('false');
    expect(await toolbar.evaluate((el) => el === document.activeElement)).toBe(true);
    expectNoErrors(errors);

    const embed = await desktop.context.newPage();
    const embedErrors: string[] = [];
    embed.on('pageerror', (e) => embedErrors.push(e.message));
    embed.on('console', (m) => m.type() === 'error' && embedErrors.push(m.text()));
    await embed.goto(copied, { waitUntil: 'load' });
    await embed.getByTestId('p-text-1').waitFor({ state: 'visible', timeout: 15_000 });
    expect(Number(await logitSlider(embed, 3).inputValue())).toBeCloseTo(4.5, 10);
    expect(await embed.getByText(CAPTION, { exact: true }).isVisible()).toBe(true);
    expect(await temperatureSlider(embed).count()).toBe(0);
    // Just the widget: no site header, table of contents or toolbar.
    expect(await embed.locator('.site-toc, .widget-toolbar').count()).toBe(0);
    expect(embedErrors).toEqual([]);
    await embed.close();
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`axe finds nothing on #/softmax with the share panel open (${scheme})`, async () => {
      const { page, errors } = await openSoftmax(desktop, '', { colorScheme: scheme });
      await explorer(page).getByRole('button', { name: /^Share \/ embed/ }).click();
      await explorer(page).getByRole('checkbox', { name: 'hide the temperature T' }).check();
      await expectNoAxeViolationsOnPage(page, `#/softmax, share panel open (${scheme})`);
      expectNoErrors(errors);
      await page.close();
    });
  }

  it('fits a 360 px phone: the open panel is no wider than the screen and its targets are 44 px tall', async () => {
    const phone = await launch({ ...PHONE_OPTIONS, viewport: { width: 360, height: 740 } });
    try {
      const { page, errors } = await openSoftmax(phone);
      await explorer(page).getByRole('button', { name: /^Share \/ embed/ }).click();
      await explorer(page).getByTestId('share-snippet').waitFor({ state: 'visible' });
      await expectNoPageOverflow(page, 360);
      // Links inside a sentence are exempt (WCAG 2.5.8 "inline"); the panel's own links are not.
      const small = await explorer(page)
        .locator('.widget-toolbar button, .widget-toolbar .share-check, .share-links a, .widget-toolbar input[type="text"]')
        .evaluateAll((elements) =>
          elements
            .filter((e) => e.getBoundingClientRect().height < 44 - 0.5)
            .map((e) => `${e.tagName.toLowerCase()} "${(e.textContent ?? '').trim()}" ${e.getBoundingClientRect().height}px`),
        );
      expect(small).toEqual([]);
      await screenshotWholePage(page, 'share-panel-phone-light');
      expectNoErrors(errors);
      await page.close();
    } finally {
      await phone.close();
    }
  });
});

describe('the lecturers\' page (#/embed)', () => {
  // The suite's static server sends no CORS header, like most hosts: the preview, sandboxed with its own
  // origin as the snippet is, must load from it as it is.
  let lecturer: LaunchedChromium;
  beforeAll(async () => {
    lecturer = await launch(DESKTOP_OPTIONS);
  });
  afterAll(async () => {
    await lecturer?.close();
  });

  it('loads with no error; its preview is a sandboxed embed that renders and takes its content\'s height', async () => {
    const { page, errors } = await openRoute(lecturer, '#/embed', { waitFor: '[data-testid="embed-preview"]' });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/embed/i);
    const preview = page.getByTestId('embed-preview');
    expect(await preview.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-downloads');
    // In view, as a lecturer looking at it has it: Chromium holds back an off-screen frame's animation frames.
    await preview.scrollIntoViewIfNeeded();
    const inside = page.frameLocator('[data-testid="embed-preview"]');
    await inside.getByTestId('p-text-1').waitFor({ state: 'visible', timeout: 15_000 });
    // The frame reports its height and the page applies it: the iframe ends up as tall as the
    // document inside it, not the 600 px it started at.
    await expect
      .poll(async () => {
        const outer = await preview.evaluate((el) => el.getBoundingClientRect().height);
        const content = await inside.locator('body').evaluate((body) => body.scrollHeight);
        return Math.abs(outer - content);
      }, { timeout: 10_000 })
      .toBeLessThanOrEqual(4);
    expect(await preview.evaluate((el) => (el as HTMLElement).style.height)).not.toBe('600px');

    // Another widget: the snippet and the preview follow.
    await page.getByRole('combobox', { name: 'Widget' }).selectOption('binary-cross-entropy/BinaryCrossEntropyExplorer');
    expect(await page.getByTestId('lecturer-snippet').inputValue()).toContain('#/embed/binary-cross-entropy/BinaryCrossEntropyExplorer');
    await expect.poll(() => preview.getAttribute('src'), { timeout: 5_000 }).toContain('BinaryCrossEntropyExplorer');
    await page.waitForLoadState('networkidle');
    expectNoErrors(errors);
    await page.close();
  });

  it('fits a 360 px phone, preview included', async () => {
    const phone = await launch({ ...PHONE_OPTIONS, viewport: { width: 360, height: 740 } });
    try {
      const { page, errors } = await openRoute(phone, '#/embed', { waitFor: '[data-testid="embed-preview"]' });
      await page.getByTestId('embed-preview').scrollIntoViewIfNeeded();
      await page.frameLocator('[data-testid="embed-preview"]').getByTestId('p-text-1').waitFor({ state: 'visible', timeout: 15_000 });
      await expectNoPageOverflow(page, 360);
      const inner = await page.frameLocator('[data-testid="embed-preview"]').locator('html').evaluate((html) => ({
        scroll: html.scrollWidth,
        client: html.clientWidth,
      }));
      expect(inner.scroll, 'the embed in the preview scrolls sideways').toBeLessThanOrEqual(inner.client);
      await screenshotWholePage(page, 'embed-lecturer-phone-light');
      expectNoErrors(errors);
      await page.close();
    } finally {
      await phone.close();
    }
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`axe finds nothing on #/embed (${scheme})`, async () => {
      const { page, errors } = await openRoute(lecturer, '#/embed', { colorScheme: scheme, waitFor: '[data-testid="embed-preview"]' });
      await page.frameLocator('[data-testid="embed-preview"]').getByTestId('p-text-1').waitFor({ state: 'visible', timeout: 15_000 });
      // the preview frame included: its <main> is named, so it and the page's own <main> can be told apart
      await expectNoAxeViolationsOnPage(page, `#/embed (${scheme})`);
      await screenshotWholePage(page, `embed-lecturer-desktop-${scheme}`);
      expectNoErrors(errors);
      await page.close();
    });
  }
});
