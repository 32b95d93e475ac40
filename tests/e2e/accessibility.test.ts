import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { expectNoAxeViolationsOnPage, expectNoErrors, launch, openRoute, openSoftmax, PHONE_OPTIONS } from './browser';

let browser: LaunchedChromium;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('accessibility (axe-core)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`the softmax chapter has no axe violations in the ${colorScheme} colour scheme`, async () => {
      const { page, errors } = await openSoftmax(browser, '', { colorScheme });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
      await expectNoAxeViolationsOnPage(page, `#/softmax (${colorScheme})`);
      expectNoErrors(errors);
      await page.close();
    });
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`the Jacobian chapter has no axe violations in the ${colorScheme} colour scheme`, async () => {
      const { page, errors } = await openRoute(browser, '#/jacobian', { colorScheme, waitFor: '[data-testid="live-formula"] .katex' });
      await expectNoAxeViolationsOnPage(page, `#/jacobian (${colorScheme})`);
      expectNoErrors(errors);
      await page.close();
    });
  }

  it('the home page has no axe violations', async () => {
    const { page, errors } = await openRoute(browser, '#/', { waitFor: 'main a[href$="#/softmax"]' });
    await expectNoAxeViolationsOnPage(page, '#/ (light)');
    expectNoErrors(errors);
    await page.close();
  });

  it('the home page has no axe violations in the dark colour scheme', async () => {
    const { page, errors } = await openRoute(browser, '#/', { waitFor: 'main a[href$="#/softmax"]', colorScheme: 'dark' });
    await expectNoAxeViolationsOnPage(page, '#/ (dark)');
    expectNoErrors(errors);
    await page.close();
  });

  it('the softmax chapter has no axe violations at phone width, where wide formulas scroll', async () => {
    const phone = await launch(PHONE_OPTIONS);
    try {
      const { page, errors } = await openSoftmax(phone, '');
      await expectNoAxeViolationsOnPage(page, '#/softmax (phone)');
      expectNoErrors(errors);
    } finally {
      await phone.close();
    }
  });
});
