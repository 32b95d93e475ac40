import { afterAll, beforeAll, describe, it } from 'vitest';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { DESKTOP, expectNoAxeViolationsOnPage, expectNoErrors, expectNoPageOverflow, launch, openRoute, screenshotWholePage } from './browser';

// The chapters' own page checks are in chapterPages.test.ts; this is the table of contents.
describe('the home page (#/)', () => {
  let browser: LaunchedChromium;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`home-desktop-${colorScheme}.png: no axe violation, nothing wider than the screen`, async () => {
      const { page, errors } = await openRoute(browser, '#/', { colorScheme, waitFor: 'main a[href$="#/softmax"]' });
      await expectNoPageOverflow(page, DESKTOP.width);
      await expectNoAxeViolationsOnPage(page, `#/ (${colorScheme})`);
      await screenshotWholePage(page, `home-desktop-${colorScheme}`);
      expectNoErrors(errors);
      await page.close();
    });
  }
});
