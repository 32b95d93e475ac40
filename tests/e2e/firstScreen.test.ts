import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { BrowserContextOptions } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { CHAPTERS, isWritten } from '../../src/chapters/chapterList';
import { expectNoErrors, fontsReady, launch, openRoute } from './browser';

/**
 * Issue 11: every chapter opens with something to touch. On a small phone (375 × 667), a laptop
 * (1280 × 800) and a wide screen (1440 × 900), the opening figure's first control is whole on the
 * first screen, before any scrolling; a picture of that first screen is kept for a person to look at.
 */
const SCREENS: { name: string; options: BrowserContextOptions }[] = [
  { name: '375', options: { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
  { name: '1280', options: { viewport: { width: 1280, height: 800 } } },
  { name: '1440', options: { viewport: { width: 1440, height: 900 } } },
];
const CONTROL = '.opener [role="slider"], .opener button, .opener input';

const browsers: LaunchedChromium[] = [];
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

describe.each(SCREENS)('the first screen at $name px', ({ name, options }) => {
  it('of every written chapter shows its opening figure with a control to touch, whole, before any scrolling', async () => {
    const browser = await launch(options);
    browsers.push(browser);
    const height = options.viewport?.height ?? 0;
    for (const chapter of CHAPTERS.filter(isWritten)) {
      const { page, errors } = await openRoute(browser, `#/${chapter.slug}`, { waitFor: '.opener-figure' });
      await fontsReady(page);
      const control = page.locator(CONTROL).first();
      // a handle drawn as a line on a plot (chapter 7) takes the pointer anywhere on its plot: the plot is the target
      const box = await control.evaluate((e) => {
        const r = e.getBoundingClientRect();
        const target = r.width > 0 && r.height > 0 ? r : (e.closest('svg') ?? e).getBoundingClientRect();
        return { x: target.x, y: target.y, width: target.width, height: target.height };
      });
      const scrollY = await page.evaluate(() => window.scrollY);
      expect(scrollY, chapter.slug).toBe(0);
      expect(box, chapter.slug).not.toBeNull();
      expect(box!.y, `${chapter.slug}: the control's top`).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height, `${chapter.slug}: the control's bottom, on a ${height} px screen`).toBeLessThanOrEqual(height);
      // and the figure it moves, whole beside it
      const figure = await page.locator('.opener-figure').first().boundingBox();
      expect(figure!.y + figure!.height, `${chapter.slug}: the figure's bottom, on a ${height} px screen`).toBeLessThanOrEqual(height);
      // the control's accessible name is real text, not empty
      const label = (await control.getAttribute('aria-label')) ?? (await control.textContent()) ?? '';
      expect(label.trim().length, chapter.slug).toBeGreaterThan(2);
      await page.screenshot({ path: `${inject('screenshotDir')}/first-screen-${chapter.slug}-${name}.png`, animations: 'disabled' });
      expectNoErrors(errors);
      await page.close();
    }
  }, 180_000);
});
