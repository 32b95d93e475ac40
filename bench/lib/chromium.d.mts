import type { BrowserContext, BrowserContextOptions } from 'playwright-core';

export declare const DEFAULT_CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: readonly string[];

/** `$CHROMIUM_PATH` or /usr/bin/chromium; throws "Chromium not found at …" when missing. */
export declare function findChromium(): string;

export interface LaunchedChromium {
  context: BrowserContext;
  /** Closes the browser and deletes its temporary user-data directory. Idempotent. */
  close(): Promise<void>;
}

/** Launches the system Chromium headless with a fresh temporary user-data directory. */
export declare function launchChromium(contextOptions?: BrowserContextOptions): Promise<LaunchedChromium>;
