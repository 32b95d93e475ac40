import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import {
  DESKTOP,
  DESKTOP_OPTIONS,
  PHONE,
  PHONE_OPTIONS,
  expectNoErrors,
  fontsReady,
  launch,
  openRoute,
  openSoftmax,
  showWholePage,
} from './browser';

const screenshotDir = inject('screenshotDir');

/** The whole page in one picture, every part of it drawn (see showWholePage). */
async function screenshot(page: Page, name: string): Promise<void> {
  await fontsReady(page);
  const restore = await showWholePage(page);
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  await restore();
  expect((await stat(path)).size).toBeGreaterThan(5_000);
}

/**
 * Nothing wider than the viewport: the page never scrolls sideways (wide math scrolls in its own
 * box). On a phone, overflowing content also widens the layout viewport, so check innerWidth too.
 */
async function expectNoHorizontalOverflow(page: Page, width: number): Promise<void> {
  const { scrollWidth, innerWidth, widest } = await page.evaluate(() => {
    const limit = window.visualViewport?.width ?? window.innerWidth;
    let widestElement = '';
    let widestRight = 0;
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const right = element.getBoundingClientRect().right;
      if (right > widestRight && right > limit + 1) {
        widestRight = right;
        widestElement = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
          typeof element.className === 'string' && element.className ? `.${element.className.split(' ').join('.')}` : ''
        } (right edge ${Math.round(right)}px)`;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, widest: widestElement };
  });
  const message = `page is ${scrollWidth}px wide (layout viewport ${innerWidth}px) in a ${width}px viewport; widest: ${widest}`;
  expect(innerWidth, message).toBe(width);
  expect(scrollWidth, message).toBeLessThanOrEqual(width);
}

describe('screenshots at desktop width (1280×800)', () => {
  let browser: LaunchedChromium;
  beforeAll(async () => {
    browser = await launch(DESKTOP_OPTIONS);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`softmax-desktop-${colorScheme}.png`, async () => {
      const { page, errors } = await openSoftmax(browser, '', { colorScheme });
      await expectNoHorizontalOverflow(page, DESKTOP.width);
      await screenshot(page, `softmax-desktop-${colorScheme}`);
      expectNoErrors(errors);
      await page.close();
    });
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`jacobian-desktop-${colorScheme}.png`, async () => {
      const { page, errors } = await openRoute(browser, '#/jacobian', { colorScheme, waitFor: '[data-testid="live-formula"] .katex' });
      await expectNoHorizontalOverflow(page, DESKTOP.width);
      await screenshot(page, `jacobian-desktop-${colorScheme}`);
      expectNoErrors(errors);
      await page.close();
    });
  }

  it('home-desktop-light.png', async () => {
    const { page, errors } = await openRoute(browser, '#/', { waitFor: 'main a[href$="#/softmax"]' });
    await expectNoHorizontalOverflow(page, DESKTOP.width);
    await screenshot(page, 'home-desktop-light');
    expectNoErrors(errors);
    await page.close();
  });
});

describe('screenshots at phone width (390×844, touch)', () => {
  let browser: LaunchedChromium;
  beforeAll(async () => {
    browser = await launch(PHONE_OPTIONS);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`softmax-phone-${colorScheme}.png`, async () => {
      const { page, errors } = await openSoftmax(browser, '', { colorScheme });
      await expectNoHorizontalOverflow(page, PHONE.width);
      await screenshot(page, `softmax-phone-${colorScheme}`);
      expectNoErrors(errors);
      await page.close();
    });
  }

  it('jacobian-phone-light.png', async () => {
    const { page, errors } = await openRoute(browser, '#/jacobian', { waitFor: '[data-testid="live-formula"] .katex' });
    await expectNoHorizontalOverflow(page, PHONE.width);
    await screenshot(page, 'jacobian-phone-light');
    expectNoErrors(errors);
    await page.close();
  });
});
