import { stat } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import {
  DESKTOP,
  DESKTOP_OPTIONS,
  PHONE,
  PHONE_OPTIONS,
  expectNoErrors,
  expectNoPageOverflow,
  launch,
  openRoute,
  openSoftmax,
  screenshotWholePage,
} from './browser';

/** The whole page, written to the screenshot folder; a real picture is more than a few bytes. */
async function screenshot(page: Page, name: string): Promise<void> {
  expect((await stat(await screenshotWholePage(page, name))).size).toBeGreaterThan(5_000);
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
      await expectNoPageOverflow(page, DESKTOP.width);
      await screenshot(page, `softmax-desktop-${colorScheme}`);
      expectNoErrors(errors);
      await page.close();
    });
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`jacobian-desktop-${colorScheme}.png`, async () => {
      const { page, errors } = await openRoute(browser, '#/jacobian', { colorScheme, waitFor: '[data-testid="live-formula"] .katex' });
      await expectNoPageOverflow(page, DESKTOP.width);
      await screenshot(page, `jacobian-desktop-${colorScheme}`);
      expectNoErrors(errors);
      await page.close();
    });
  }

  it('home-desktop-light.png', async () => {
    const { page, errors } = await openRoute(browser, '#/', { waitFor: 'main a[href$="#/softmax"]' });
    await expectNoPageOverflow(page, DESKTOP.width);
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
      await expectNoPageOverflow(page, PHONE.width);
      await screenshot(page, `softmax-phone-${colorScheme}`);
      expectNoErrors(errors);
      await page.close();
    });
  }

  it('jacobian-phone-light.png', async () => {
    const { page, errors } = await openRoute(browser, '#/jacobian', { waitFor: '[data-testid="live-formula"] .katex' });
    await expectNoPageOverflow(page, PHONE.width);
    await screenshot(page, 'jacobian-phone-light');
    expectNoErrors(errors);
    await page.close();
  });
});
