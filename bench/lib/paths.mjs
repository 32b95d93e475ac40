// @ts-check
/** Where things live, independent of the current working directory. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built site; LOGIT_LAB_DIST points the harness at another build (e.g. to smoke-test it). */
export const DIST_DIR = process.env.LOGIT_LAB_DIST || join(REPO_ROOT, 'dist');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output', 'screenshots');
export const BENCH_RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');
