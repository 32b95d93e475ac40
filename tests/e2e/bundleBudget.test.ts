import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { JS_BUDGET_BYTES, formatBundleReport, formatKB, measureRouteAssets } from '../../bench/lib/bundle.mjs';
import { baseURL, launch } from './browser';

let browser: LaunchedChromium;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('bundle budget', () => {
  it(`the softmax chapter loads at most ${JS_BUDGET_BYTES / 1024} KB of gzipped JS`, async () => {
    const report = await measureRouteAssets({
      context: browser.context,
      baseURL: baseURL(),
      distDir: inject('distDir'),
      route: '#/softmax',
      readySelector: '[data-testid="live-formula"] .katex',
    });
    console.log(formatBundleReport(report));
    // The chapter and its lazily loaded widget code were both fetched, or the figure means nothing.
    expect(report.js.count).toBeGreaterThanOrEqual(1);
    expect(report.css.count).toBeGreaterThanOrEqual(1);
    expect(
      report.js.gzipBytes,
      `JS gzip ${formatKB(report.js.gzipBytes)} exceeds the ${formatKB(JS_BUDGET_BYTES)} budget`,
    ).toBeLessThanOrEqual(JS_BUDGET_BYTES);
  });
});
