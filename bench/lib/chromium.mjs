// @ts-check
/**
 * Finds a Chromium that starts, and launches it through playwright-core. Test tools that download
 * their own browser do not work on these machines, so this is the only way tests and benchmarks get
 * a browser. The order: `$CHROMIUM_PATH`; a system Chromium or Chrome at the usual Linux and macOS
 * paths; the Chromium inside the `@sparticuz/chromium` devDependency (Linux only; it unpacks to the
 * temporary folder on first use), so that `npm install && npm test` works on a machine with no browser.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

/** Where a system Chromium or Chrome usually is, in the order they are tried. */
export const SYSTEM_CHROMIUM_PATHS = Object.freeze([
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
]);

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

/** The one line `npm test` ends with when no browser can start. */
export const NO_CHROMIUM_MESSAGE =
  'No Chromium could start: install one (Debian/Ubuntu: apt-get install chromium; macOS: Google Chrome) or set CHROMIUM_PATH to its executable.';

/**
 * @typedef {Record<string, string>} LaunchEnv variables the browser needs on top of this process's
 * @typedef {{ path: string, source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium', env?: LaunchEnv }} ResolvedChromium
 * @typedef {{ path: string, why: string }} Refusal
 * @typedef {{ path: string, env?: LaunchEnv, fallbackEnv: LaunchEnv }} PackagedChromium
 *   env: what every launch of it needs (its own fonts where the system has no fontconfig); fallbackEnv: that and its own libraries
 */

/**
 * Does the browser at `path` start (and answer)? A present but broken executable, such as Ubuntu's
 * snap stub for chromium-browser inside a container, does not.
 * @param {string} path
 * @param {LaunchEnv} [env]
 * @returns {Promise<true | string>} true, or why not
 */
export async function chromiumStarts(path, env) {
  if (!existsSync(path)) return 'no such file';
  try {
    const browser = await chromium.launch({
      executablePath: path,
      headless: true,
      args: [...CHROMIUM_ARGS],
      timeout: 60_000,
      ...(env ? { env: { ...process.env, ...env } } : {}),
    });
    await browser.close();
    return true;
  } catch (error) {
    return String(error instanceof Error ? error.message : error).split('\n')[0] ?? 'did not start';
  }
}

/**
 * The Chromium inside @sparticuz/chromium, unpacked into the temporary folder; null where the package is
 * absent or not for this system. It is built for AWS Lambda and links NSS, which a bare Linux may lack,
 * so the package's own copies (its al2023 libraries) and fonts are unpacked too, for a second try.
 * @returns {Promise<PackagedChromium | null>}
 */
async function sparticuzChromium() {
  if (process.platform !== 'linux') return null;
  try {
    const { default: packaged, inflate } = await import('@sparticuz/chromium');
    const path = await packaged.executablePath();
    const bin = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', 'bin');
    const libraries = join(await inflate(join(bin, 'al2023.tar.br')), 'lib');
    // No fontconfig of the system's: the fonts the package unpacked next to the browser, from the first
    // launch on. The browser starts without them (so the start check passes) but dies at its first text.
    /** @type {LaunchEnv | undefined} */
    const env = existsSync('/etc/fonts/fonts.conf') ? undefined : { FONTCONFIG_PATH: join(tmpdir(), 'fonts') };
    /** @type {LaunchEnv} */
    const fallbackEnv = { LD_LIBRARY_PATH: [libraries, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'), ...env };
    return env ? { path, env, fallbackEnv } : { path, fallbackEnv };
  } catch {
    return null;
  }
}

/**
 * The first Chromium, in the order above, that starts. Pure in its collaborators, for the tests.
 * @param {{
 *   env?: NodeJS.ProcessEnv,
 *   systemPaths?: readonly string[],
 *   packaged?: () => Promise<PackagedChromium | null>,
 *   exists?: (path: string) => boolean,
 *   starts?: (path: string, env?: LaunchEnv) => Promise<true | string>,
 * }} [seams]
 * @returns {Promise<{ found: ResolvedChromium | null, refused: Refusal[] }>}
 */
export async function resolveChromium({ env = process.env, systemPaths = SYSTEM_CHROMIUM_PATHS, packaged = sparticuzChromium, exists = existsSync, starts = chromiumStarts } = {}) {
  /** @type {Refusal[]} */
  const refused = [];
  /** @type {(path: string, source: ResolvedChromium['source'], env?: LaunchEnv) => Promise<ResolvedChromium | null>} */
  const attempt = async (path, source, env) => {
    const answer = await starts(path, env);
    if (answer === true) return env ? { path, source, env } : { path, source };
    refused.push({ path: env ? `${path} with ${Object.keys(env).join(', ')}` : path, why: answer });
    return null;
  };
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    const found = await attempt(fromEnv, 'CHROMIUM_PATH');
    if (found) return { found, refused };
  }
  for (const path of systemPaths) {
    if (!exists(path)) continue; // absent paths are not worth a line
    const found = await attempt(path, 'system');
    if (found) return { found, refused };
  }
  const unpacked = await packaged();
  if (unpacked) {
    const found =
      (await attempt(unpacked.path, '@sparticuz/chromium', unpacked.env)) ?? (await attempt(unpacked.path, '@sparticuz/chromium', unpacked.fallbackEnv));
    if (found) return { found, refused };
  } else {
    refused.push({ path: '@sparticuz/chromium', why: 'not installed, or not for this system' });
  }
  return { found: null, refused };
}

/** @type {Promise<ResolvedChromium> | null} */
let resolving = null;

/** Set, with CHROMIUM_PATH, once a process has seen that browser start: child processes then trust it. */
const CHECKED = 'LOGIT_LAB_CHROMIUM_CHECKED';
/** The extra variables that browser needs, as JSON, for those child processes. */
const CHECKED_ENV = 'LOGIT_LAB_CHROMIUM_ENV';

/**
 * The Chromium this process uses: resolved once, then remembered. The answer goes into `CHROMIUM_PATH`
 * (and CHECKED), so that worker processes started afterwards (Vitest's) skip the search and its test launch.
 * @returns {Promise<ResolvedChromium>}
 * @throws {Error} with NO_CHROMIUM_MESSAGE when none starts
 */
export function findChromium() {
  const known = process.env.CHROMIUM_PATH?.trim();
  if (!resolving && known && process.env[CHECKED] === known) {
    const env = process.env[CHECKED_ENV];
    resolving = Promise.resolve({ path: known, source: 'CHROMIUM_PATH', ...(env ? { env: JSON.parse(env) } : {}) });
  }
  resolving ??= resolveChromium().then(({ found, refused }) => {
    if (!found) {
      const tried = refused.map((r) => `${r.path}: ${r.why}`).join('; ');
      throw new Error(`${NO_CHROMIUM_MESSAGE}${tried ? ` (tried ${tried})` : ''}`);
    }
    const fromEnv = process.env.CHROMIUM_PATH?.trim();
    if (fromEnv && fromEnv !== found.path) console.warn(`CHROMIUM_PATH=${fromEnv} did not start; using ${found.path} (${found.source})`);
    process.env.CHROMIUM_PATH = found.path;
    process.env[CHECKED] = found.path;
    if (found.env) process.env[CHECKED_ENV] = JSON.stringify(found.env);
    return found;
  });
  return resolving;
}

/**
 * Launches Chromium with a fresh, temporary user-data directory; `close()` shuts the browser down
 * and deletes the directory.
 * @param {import('playwright-core').BrowserContextOptions} [contextOptions]
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, close: () => Promise<void> }>}
 */
export async function launchChromium(contextOptions = {}) {
  const { path: executablePath, env } = await findChromium();
  const userDataDir = await mkdtemp(join(tmpdir(), 'logit-lab-chromium-'));
  /** @type {import('playwright-core').BrowserContext} */
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      // The site registers a service worker after load that precaches every chunk: a measurement would
      // carry that download, so a bench or test allows workers only when it asks to.
      serviceWorkers: 'block',
      ...contextOptions,
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      ...(env ? { env: { ...process.env, ...env } } : {}),
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
