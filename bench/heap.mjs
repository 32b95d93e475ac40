// @ts-check
/**
 * No leak: one page visits every chapter in turn by hash navigation, three rounds, waiting each time until
 * the chapter's main widget is drawn. After round 1 and after round 3 it forces garbage collection
 * (DevTools protocol HeapProfiler.collectGarbage) and reads the JS heap in use (Performance.getMetrics
 * JSHeapUsedSize). Issue 15's goal: the heap after round 3 within 10 % of the heap after round 1.
 * Beside it, the same heap without V8's compiled code (from a heap snapshot), which grows as functions
 * get optimised over the rounds and is not a leak of the app's objects.
 *
 * Standalone: `node bench/heap.mjs` (after `npm run build`).
 */
/* global requestAnimationFrame, document -- run inside the page, through page.evaluate */
import { pathToFileURL } from 'node:url';
import { launchChromium } from './lib/chromium.mjs';
import { startStaticServer } from './lib/server.mjs';
import { DIST_DIR } from './lib/paths.mjs';
import { TARGETS } from './interaction.mjs';

export const ROUNDS = 3;
/** The heap after the last round may be at most this multiple of the heap after the first. */
export const GOAL_RATIO = 1.1;
/** Time on each chapter once it is drawn: deferred work (formulas and text alternatives that wait) has run by then. */
const SETTLE_MS = 500;

/**
 * Every chapter, with what shows it is drawn: the interaction bench's thirteen main rows, at their plain
 * address (the heap should not depend on one row's heavier settings).
 * @type {{ route: string, ready: string }[]}
 */
export const HEAP_CHAPTERS = TARGETS.map((t) => ({ route: t.route.split('?')[0] ?? t.route, ready: t.ready }));

/**
 * @typedef {{ rounds: number, chapters: number, afterFirstBytes: number, afterLastBytes: number, ratio: number,
 *   goalRatio: number, withinGoal: boolean, visitMs: number, codeFirstBytes: number, codeLastBytes: number }} HeapRun
 */

/**
 * Forces two full collections (the second frees what the first's finalizers let go) and reads the heap in use.
 * @param {import('playwright-core').CDPSession} cdp
 * @returns {Promise<number>} bytes
 */
async function heapAfterGC(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
  if (used === undefined) throw new Error('Performance.getMetrics gave no JSHeapUsedSize');
  return used;
}

/**
 * The bytes of compiled code in the heap (heap snapshot nodes of type 'code': bytecode, machine code,
 * feedback), which V8 adds as functions grow hot over the rounds. JSHeapUsedSize counts them with the
 * app's objects; this lets the bench print the heap without them beside the goal's figure.
 * @param {import('playwright-core').CDPSession} cdp
 * @returns {Promise<number>} bytes
 */
async function compiledCodeBytes(cdp) {
  /** @type {string[]} */
  const chunks = [];
  /** @param {{ chunk: string }} event */
  const onChunk = (event) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { snapshot, nodes } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const typeNames = snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const code = typeNames.indexOf('code');
  let bytes = 0;
  for (let i = 0; i < nodes.length; i += fields.length) if (nodes[i + typeAt] === code) bytes += nodes[i + sizeAt];
  return bytes;
}

/**
 * @param {{ baseURL: string, rounds?: number }} options
 * @returns {Promise<HeapRun>}
 */
export async function measureHeap({ baseURL, rounds = ROUNDS }) {
  const browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await browser.context.newPage();
    /** @type {string[]} */
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(new URL('#/', baseURL).href, { waitUntil: 'networkidle' });
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.enable');

    /** @param {{ route: string, ready: string }} chapter */
    const visit = async (chapter) => {
      const heading = await page.evaluate(() => document.querySelector('main h1')?.textContent ?? '');
      await page.evaluate((hash) => {
        document.location.hash = hash;
      }, chapter.route);
      // the chapter's own heading, not the last one's, then its widget
      await page.waitForFunction((old) => {
        const h1 = document.querySelector('main h1');
        return h1 !== null && h1.textContent !== old;
      }, heading);
      await page.locator(chapter.ready).first().waitFor({ state: 'visible' });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)))));
      await page.waitForTimeout(SETTLE_MS);
    };

    /** @type {number[]} */
    const afterRound = [];
    /** @type {number[]} */
    const codeAfterRound = [];
    const t0 = performance.now();
    for (let round = 1; round <= rounds; round += 1) {
      for (const chapter of HEAP_CHAPTERS) await visit(chapter);
      if (round === 1 || round === rounds) {
        afterRound.push(await heapAfterGC(cdp));
        // after the heap is read: the snapshot's own allocations must not count in it
        codeAfterRound.push(await compiledCodeBytes(cdp));
      }
    }
    const visitMs = (performance.now() - t0) / (rounds * HEAP_CHAPTERS.length);
    await cdp.detach();
    if (pageErrors.length > 0) throw new Error(`page errors during the visits:\n${pageErrors.join('\n')}`);
    const afterFirstBytes = afterRound[0] ?? NaN;
    const afterLastBytes = afterRound.at(-1) ?? NaN;
    const ratio = afterLastBytes / afterFirstBytes;
    const codeFirstBytes = codeAfterRound[0] ?? NaN;
    const codeLastBytes = codeAfterRound.at(-1) ?? NaN;
    return { rounds, chapters: HEAP_CHAPTERS.length, afterFirstBytes, afterLastBytes, ratio, goalRatio: GOAL_RATIO, withinGoal: ratio <= GOAL_RATIO, visitMs, codeFirstBytes, codeLastBytes };
  } finally {
    await browser.close();
  }
}

const MB = (/** @type {number} */ bytes) => `${(bytes / 2 ** 20).toFixed(2)} MB`;

/** @param {HeapRun} r */
export function formatHeap(r) {
  return [
    `JS heap in use after forced GC (HeapProfiler.collectGarbage, Performance.getMetrics JSHeapUsedSize), ${r.chapters} chapters a round by hash navigation:`,
    `  after round 1: ${MB(r.afterFirstBytes)}; after round ${r.rounds}: ${MB(r.afterLastBytes)}; ratio ${r.ratio.toFixed(3)} ` +
      `(goal ≤ ${r.goalRatio}) ${r.withinGoal ? '✓' : '✗'}; ${(r.visitMs / 1000).toFixed(1)} s a visit`,
    `  of which compiled code (heap snapshot, type 'code'): ${MB(r.codeFirstBytes)} → ${MB(r.codeLastBytes)}; ` +
      `the rest ${MB(r.afterFirstBytes - r.codeFirstBytes)} → ${MB(r.afterLastBytes - r.codeLastBytes)}, ` +
      `ratio ${((r.afterLastBytes - r.codeLastBytes) / (r.afterFirstBytes - r.codeFirstBytes)).toFixed(3)}`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startStaticServer(DIST_DIR);
  try {
    console.log(formatHeap(await measureHeap({ baseURL: server.url })));
  } finally {
    await server.close();
  }
}
