import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { expectNoErrors, fontsReady, launch, openRoute, openSoftmax, PHONE_OPTIONS, showWholePage } from './browser';

let browser: LaunchedChromium;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** One readable paragraph per violation: rule, impact, help URL, and each offending node. */
function describeViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `    - ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : '';
      return `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n\n');
}

async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  await fontsReady(page);
  const restore = await showWholePage(page);
  const results = await new AxeBuilder({ page }).analyze();
  await restore();
  const report = describeViolations(results.violations);
  expect(results.violations.map((v) => v.id), `axe violations on ${label}:\n${report}`).toEqual([]);
  // Guard against a vacuous pass: axe must actually have checked a rendered page.
  expect(results.passes.length).toBeGreaterThan(10);
}

describe('accessibility (axe-core)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`the softmax chapter has no axe violations in the ${colorScheme} colour scheme`, async () => {
      const { page, errors } = await openSoftmax(browser, '', { colorScheme });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
      await expectNoAxeViolations(page, `#/softmax (${colorScheme})`);
      expectNoErrors(errors);
      await page.close();
    });
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`the Jacobian chapter has no axe violations in the ${colorScheme} colour scheme`, async () => {
      const { page, errors } = await openRoute(browser, '#/jacobian', { colorScheme, waitFor: '[data-testid="live-formula"] .katex' });
      await expectNoAxeViolations(page, `#/jacobian (${colorScheme})`);
      expectNoErrors(errors);
      await page.close();
    });
  }

  it('the home page has no axe violations', async () => {
    const { page, errors } = await openRoute(browser, '#/', { waitFor: 'main a[href$="#/softmax"]' });
    await expectNoAxeViolations(page, '#/ (light)');
    expectNoErrors(errors);
    await page.close();
  });

  it('the home page has no axe violations in the dark colour scheme', async () => {
    const { page, errors } = await openRoute(browser, '#/', { waitFor: 'main a[href$="#/softmax"]', colorScheme: 'dark' });
    await expectNoAxeViolations(page, '#/ (dark)');
    expectNoErrors(errors);
    await page.close();
  });

  it('the softmax chapter has no axe violations at phone width, where wide formulas scroll', async () => {
    const phone = await launch(PHONE_OPTIONS);
    try {
      const { page, errors } = await openSoftmax(phone, '');
      await expectNoAxeViolations(page, '#/softmax (phone)');
      expectNoErrors(errors);
    } finally {
      await phone.close();
    }
  });
});
