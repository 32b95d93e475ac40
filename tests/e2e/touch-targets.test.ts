/**
 * Touch targets of at least 44 × 44 CSS px on every written chapter at the narrowest phone width
 * (WCAG 2.5.5): every button, input, select, slider, summary, tab stop and link inside a widget. A
 * checkbox or radio counts with its label (tapping the label ticks it). Exempt, as WCAG exempts them:
 * links inside a sentence of prose. The failure lists every offender with its size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { CHAPTERS } from '../../src/chapters/chapterList';
import { PHONE_OPTIONS, everySlotDrawn, expectNoErrors, expectNoPageOverflow, launch, openRoute, showWholePage } from './browser';
import { NARROW_PHONE_WIDTH } from './chapterPageChecks';

export const MIN_TARGET = 44;

/** Every interactive element drawn on the page smaller than MIN_TARGET either way, described. */
export function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate((limit) => {
    const selector = [
      'button',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      '[role="slider"]',
      '[role="button"]',
      '.widget a[href]',
      'summary',
      '[tabindex="0"]',
    ].join(', ');
    const describe = (e: Element) => {
      const name = e.getAttribute('aria-label') ?? ((e.closest('label') ?? e).textContent ?? '').replace(/\s+/g, ' ').trim();
      const cls = typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).join('.')}` : '';
      const type = e.getAttribute('type') ? `[type=${e.getAttribute('type')}]` : '';
      const widget = e.closest('.widget')?.firstElementChild?.className ?? '';
      return `${e.tagName.toLowerCase()}${type}${cls} "${name.slice(0, 50)}"${widget ? ` in .${String(widget).split(' ')[0]}` : ''}`;
    };
    const offenders: string[] = [];
    for (const element of Array.from(document.querySelectorAll(selector))) {
      let target: Element = element;
      // links inside a sentence are exempt (WCAG 2.5.5 "inline")
      if (element.matches('p a, li a')) continue;
      // a tab stop that only scrolls wide math sideways is no pointer target: a finger swipes it
      if (element.matches('[tabindex="0"]:not([role]), [tabindex="0"][role="group"]') && /auto|scroll/.test(getComputedStyle(element).overflowX)) continue;
      // a handle drawn as a line on a plot that takes the pointer anywhere: the plot is the target
      if (element.matches('svg.gradient-curves [role="slider"]')) target = element.closest('svg') ?? element;
      if (element.closest('[hidden], [inert]')) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const type = element.getAttribute('type');
      if (element instanceof HTMLInputElement && (type === 'checkbox' || type === 'radio')) {
        target = element.closest('label') ?? (element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`) : null) ?? element;
      }
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.width < limit - 0.5 || box.height < limit - 0.5) {
        offenders.push(`${describe(element)}: ${box.width.toFixed(1)} × ${box.height.toFixed(1)} px`);
      }
    }
    return offenders;
  }, min);
}

const written = CHAPTERS.filter((chapter) => chapter.load);

describe('touch targets at phone width', () => {
  let phone: LaunchedChromium;
  beforeAll(async () => {
    phone = await launch({ ...PHONE_OPTIONS, viewport: { width: NARROW_PHONE_WIDTH, height: 780 } });
  });
  afterAll(async () => {
    await phone?.close();
  });

  it('the phone context reports a coarse pointer, as a phone does', async () => {
    const { page } = await openRoute(phone, '#/softmax');
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    await page.close();
  });

  for (const chapter of written) {
    it(`#/${chapter.slug}: every interactive element is at least ${MIN_TARGET} × ${MIN_TARGET} px`, async () => {
      const { page, errors } = await openRoute(phone, `#/${chapter.slug}`, { waitFor: '.chapter-body .widget' });
      await everySlotDrawn(page);
      const restore = await showWholePage(page);
      const interactive = await page.locator('button, input, select, [role="slider"]').count();
      expect(interactive, 'the chapter has controls to measure').toBeGreaterThan(0);
      const offenders = await smallTargets(page, MIN_TARGET);
      await restore();
      // the grown targets still fit the narrowest phone
      await expectNoPageOverflow(page, NARROW_PHONE_WIDTH);
      expect(offenders, `targets under ${MIN_TARGET} px on #/${chapter.slug}:\n${offenders.join('\n')}`).toEqual([]);
      expectNoErrors(errors);
      await page.close();
    });
  }

  it('#/softmax with every widget toolbar panel open (figure export, share / embed): every control is at least 44 px', async () => {
    const { page, errors } = await openRoute(phone, '#/softmax', { waitFor: '.chapter-body .widget' });
    const toggles = page.locator('.widget-toolbar button[aria-expanded="false"]');
    expect(await toggles.count()).toBeGreaterThan(1);
    while ((await toggles.count()) > 0) await toggles.first().click();
    const restore = await showWholePage(page);
    const offenders = await smallTargets(page, MIN_TARGET);
    await restore();
    await expectNoPageOverflow(page, NARROW_PHONE_WIDTH);
    expect(offenders, `targets under ${MIN_TARGET} px with the toolbars open:\n${offenders.join('\n')}`).toEqual([]);
    expectNoErrors(errors);
    await page.close();
  });
});
