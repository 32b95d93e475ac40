import type { BrowserContext, BrowserContextOptions } from 'playwright-core';

/** Where a system Chromium or Chrome usually is (Linux, then macOS), in the order they are tried. */
export declare const SYSTEM_CHROMIUM_PATHS: readonly string[];
export declare const CHROMIUM_ARGS: readonly string[];
/** The one line `npm test` ends with when no browser can start. */
export declare const NO_CHROMIUM_MESSAGE: string;

/** Variables a browser needs on top of this process's (the packaged one: its libraries, its fonts). */
export type LaunchEnv = Record<string, string>;

export interface ResolvedChromium {
  path: string;
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
  env?: LaunchEnv;
}

/** The packaged browser, unpacked, and what to add to its environment where it does not start as it is. */
export interface PackagedChromium {
  path: string;
  /** what every launch of it needs: its own fonts where the system has no fontconfig (it starts without them, then dies at its first text) */
  env?: LaunchEnv;
  /** env and its own libraries, for a system without NSS */
  fallbackEnv: LaunchEnv;
}

/** A candidate that did not start, and why. */
export interface Refusal {
  path: string;
  why: string;
}

/** true when the browser at `path` starts and closes; otherwise the first line of why not. */
export declare function chromiumStarts(path: string, env?: LaunchEnv): Promise<true | string>;

/**
 * The first Chromium that starts: `$CHROMIUM_PATH`, then the system paths that exist, then the one
 * inside @sparticuz/chromium. Every collaborator can be replaced, for the tests.
 */
export declare function resolveChromium(seams?: {
  env?: NodeJS.ProcessEnv;
  systemPaths?: readonly string[];
  packaged?: () => Promise<PackagedChromium | null>;
  exists?: (path: string) => boolean;
  starts?: (path: string, env?: LaunchEnv) => Promise<true | string>;
}): Promise<{ found: ResolvedChromium | null; refused: Refusal[] }>;

/** This process's Chromium, resolved once; rejects with NO_CHROMIUM_MESSAGE (and what was tried) when none starts. */
export declare function findChromium(): Promise<ResolvedChromium>;

export interface LaunchedChromium {
  context: BrowserContext;
  /** Closes the browser and deletes its temporary user-data directory. Idempotent. */
  close(): Promise<void>;
}

/** Launches that Chromium headless with a fresh temporary user-data directory. */
export declare function launchChromium(contextOptions?: BrowserContextOptions): Promise<LaunchedChromium>;
