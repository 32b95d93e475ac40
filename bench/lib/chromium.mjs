// @ts-check
/**
 * Launches the system Chromium (Debian's `chromium` package, or `$CHROMIUM_PATH`) through
 * playwright-core. Test tools that download their own browser do not work on these machines, so
 * this is the only way tests and benchmarks get a browser.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags from DESIGN.md "Running in a real browser": quiet, sandbox-free, GPU-free headless. */
export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);

/**
 * The Chromium executable to use: `$CHROMIUM_PATH` if set, else /usr/bin/chromium.
 * @returns {string}
 * @throws {Error} when no executable exists at that path
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  const path = fromEnv && fromEnv.trim() !== '' ? fromEnv : DEFAULT_CHROMIUM_PATH;
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}${fromEnv ? ' (from CHROMIUM_PATH)' : ''} — ` +
        'install it with `apt-get install chromium` or set CHROMIUM_PATH',
    );
  }
  return path;
}

/**
 * Launches Chromium with a fresh, temporary user-data directory; `close()` shuts the browser down
 * and deletes the directory.
 * @param {import('playwright-core').BrowserContextOptions} [contextOptions]
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, close: () => Promise<void> }>}
 */
export async function launchChromium(contextOptions = {}) {
  const executablePath = findChromium();
  const userDataDir = await mkdtemp(join(tmpdir(), 'logit-lab-chromium-'));
  /** @type {import('playwright-core').BrowserContext} */
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      ...contextOptions,
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  let closed = false;
  return {
    context,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await context.close();
      } finally {
        await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
  };
}
