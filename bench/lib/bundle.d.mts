import type { BrowserContext } from 'playwright-core';

/** 150 × 1024 bytes of gzip. */
export declare const JS_BUDGET_BYTES: number;

export declare function assetKind(url: string, contentType: string | null | undefined): 'js' | 'css' | null;

/** gzip level 9 size in bytes. */
export declare function gzipSize(bytes: Buffer): number;

export interface AssetSize {
  /** Path relative to dist/, e.g. assets/index-abc123.js */
  file: string;
  kind: 'js' | 'css';
  rawBytes: number;
  gzipBytes: number;
}

export interface AssetTotal {
  rawBytes: number;
  gzipBytes: number;
  count: number;
}

export interface BundleReport {
  route: string;
  files: AssetSize[];
  js: AssetTotal;
  css: AssetTotal;
  jsBudgetBytes: number;
}

export interface MeasureRouteAssetsOptions {
  context: BrowserContext;
  baseURL: string;
  distDir: string;
  /** Relative to baseURL, e.g. "#/softmax". */
  route: string;
  readySelector?: string;
  settleMs?: number;
  /** Runs after the page is ready; what it makes the page fetch is counted too. */
  interact?: (page: import('playwright-core').Page) => Promise<void>;
}

export declare function measureRouteAssets(options: MeasureRouteAssetsOptions): Promise<BundleReport>;

export declare function formatKB(bytes: number): string;

export declare function formatBundleReport(report: BundleReport, options?: { budget?: boolean }): string;
