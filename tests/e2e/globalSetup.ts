import { mkdir } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../../bench/lib/chromium.mjs';
import { startStaticServer } from '../../bench/lib/server.mjs';
import { DIST_DIR, SCREENSHOT_DIR } from '../../bench/lib/paths.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The static server's base URL, with a trailing slash. */
    baseURL: string;
    /** Absolute path of the dist/ directory it serves. */
    distDir: string;
    /** Absolute path where screenshots go. */
    screenshotDir: string;
  }
}

/**
 * Finds the browser (or stops with one line saying what to install), then serves dist/ for every e2e file.
 * Returns the teardown.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  try {
    const { path, source } = await findChromium();
    console.log(`e2e: Chromium ${path} (${source})`);
  } catch (error) {
    // one line saying what to install, not a stack
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  const server = await startStaticServer(DIST_DIR);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  project.provide('baseURL', server.url);
  project.provide('distDir', DIST_DIR);
  project.provide('screenshotDir', SCREENSHOT_DIR);
  return () => server.close();
}
