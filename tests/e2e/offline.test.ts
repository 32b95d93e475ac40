/**
 * Offline after one visit (issue 15): the built site's service worker precaches every chapter, its
 * fonts and its lazy chunks, so after one page has been opened the others open with no network at all.
 * The site is served from a sub-path here, as a course's web space would host it, to show that the
 * worker's address and scope follow the page's. A new release waits for the learner's "Reload".
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { startStaticServer } from '../../bench/lib/server.mjs';
import { collectErrors, DESKTOP_OPTIONS, expectNoErrors, launch, logitValues, type PageErrors } from './browser';

const SUB_PATH = 'course/week-3/logit-lab/';
const sigma = (a: number) => 1 / (1 + Math.exp(-a));

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A browser whose pages may register service workers (launch() blocks them for every other e2e file). */
async function launchWithWorkers(): Promise<LaunchedChromium> {
  const browser = await launch({ ...DESKTOP_OPTIONS, serviceWorkers: 'allow' });
  cleanups.push(() => browser.close());
  return browser;
}

/**
 * Serves a built site under SUB_PATH on a server of its own. With `copy`, the site is a copy the test
 * may change (a new release); otherwise a link to dist/ itself.
 */
async function serveUnderSubPath({ copy = false } = {}) {
  const root = await mkdtemp(join(tmpdir(), 'logit-lab-offline-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const site = join(root, SUB_PATH);
  await mkdir(join(site, '..'), { recursive: true });
  if (copy) await cp(inject('distDir'), site, { recursive: true });
  else await symlink(inject('distDir'), site.replace(/\/$/, ''), 'dir');
  // the web space's own front page, outside the site's folder (the server wants one at its root)
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Week 3</title>');
  const server = await startStaticServer(root);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await server.close();
  };
  cleanups.push(close);
  return { url: `${server.url}${SUB_PATH}`, dir: site, close };
}

async function openPage(browser: LaunchedChromium, url: string, ready: string): Promise<{ page: Page; errors: PageErrors }> {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(url, { waitUntil: 'load' });
  await page.locator(ready).first().waitFor({ state: 'visible', timeout: 15_000 });
  return { page, errors };
}

/** Resolves once a service worker is active and controls the page (the precache is then complete). */
async function workerInControl(page: Page): Promise<string> {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: 30_000 });
  return page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope ?? '');
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

interface Chapter {
  slug: string;
  ready: string;
  title: string;
  /** a sentence of the chapter's prose */
  prose: string;
  /** moves the chapter's main slider from the keyboard and checks what follows, computed by hand */
  slide: (page: Page) => Promise<void>;
}

const CHAPTERS: readonly Chapter[] = [
  {
    slug: 'softmax',
    ready: '[data-testid="live-formula"] .katex',
    title: 'Softmax',
    prose: 'Softmax is the standard way to get there.',
    async slide(page) {
      expect(await text(page, 'p-text-1')).toBe('p1 = 0.090');
      const z1 = page.getByRole('slider', { name: 'logit z1', exact: true });
      await z1.focus();
      await page.keyboard.press('End');
      await expect.poll(() => z1.inputValue()).toBe('10');
      // p1 = e^z1 / Σ e^zk, by hand from the logits the sliders now hold
      const z = await logitValues(page);
      const p1 = Math.exp(z[0] ?? NaN) / z.reduce((sum, zk) => sum + Math.exp(zk), 0);
      await expect.poll(() => text(page, 'p-text-1')).toBe(`p1 = ${p1.toFixed(3)}`);
    },
  },
  {
    slug: 'backprop',
    ready: '.backprop-trainer [data-testid="bp-formula"] .katex',
    title: 'Backpropagation through a network',
    prose: 'A single softmax layer can only draw straight boundaries between classes.',
    async slide(page) {
      const hidden = page.getByRole('slider', { name: 'hidden units H' });
      await hidden.focus();
      await page.keyboard.press('Home');
      // one hidden unit: W1 is 2 × 1 and W2 has one row
      await expect.poll(() => page.getByTestId('bp-formula').getAttribute('aria-label')).toContain('W1 is 2 by 1');
      await expect.poll(() => page.getByTestId('bp-heatmap-W2').locator('tbody tr').count()).toBe(1);
    },
  },
  {
    slug: 'lstm',
    ready: '.lstm-cell-explorer [data-testid="live-formula"] .katex',
    title: 'Where the gates live: the LSTM cell',
    prose: 'This chapter builds one cell gate by gate',
    async slide(page) {
      const af = page.getByRole('slider', { name: 'pre-activation of the forget gate, a f', exact: true });
      await af.focus();
      await page.keyboard.press('Home');
      // a_f = −6: the forget gate, and the cell's factor with it, is σ(−6)
      await expect.poll(() => text(page, 'cell-factor')).toBe(sigma(-6).toFixed(3));
    },
  },
];

/** A chapter as a learner reads it: title, prose, typeset formulas, its text face and KaTeX's, and a slider that works. */
async function expectChapterComplete(page: Page, chapter: Chapter): Promise<void> {
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(chapter.title);
  expect(await page.locator('main').textContent()).toContain(chapter.prose);
  expect(await page.locator('main .katex').count()).toBeGreaterThan(3);
  expect(await page.locator('.katex-error').count()).toBe(0);
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    const faces = Array.from(document.fonts);
    return {
      failed: faces.filter((f) => f.status === 'error').map((f) => f.family),
      loaded: faces.filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')),
    };
  });
  expect(fonts.failed).toEqual([]);
  expect(fonts.loaded).toContain('Source Sans 3 Variable');
  expect(fonts.loaded).toContain('KaTeX_Main');
  await chapter.slide(page);
}

describe('offline after one visit', () => {
  it('an embed registers no service worker and shows no update notice', { timeout: 120_000 }, async () => {
    const browser = await launchWithWorkers();
    const site = await serveUnderSubPath();
    const { page, errors } = await openPage(browser, `${site.url}#/embed/softmax/SoftmaxExplorer?z=1,2,3`, '[data-testid="p-text-1"]');
    // the site registers its worker once the page has loaded: give an embed the same chance to
    await page.waitForTimeout(1500);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    expect(await page.getByText(/Updated/).count()).toBe(0);
    expect(await page.locator('.update-notice').count()).toBe(0);
    expectNoErrors(errors);
    await page.close();
  });

  it('after one chapter is opened, softmax, backprop and lstm reload complete with the network off', { timeout: 120_000 }, async () => {
    const browser = await launchWithWorkers();
    const site = await serveUnderSubPath();
    const first = await openPage(browser, `${site.url}#/softmax`, CHAPTERS[0]?.ready ?? '');
    // the worker's scope is the sub-path the site was opened from, not the server's root
    expect(await workerInControl(first.page)).toBe(site.url);
    expectNoErrors(first.errors);
    await first.page.close();

    // no network at all: the browser offline, and the server gone too
    await browser.context.setOffline(true);
    await site.close();
    for (const chapter of CHAPTERS) {
      const { page, errors } = await openPage(browser, `${site.url}#/${chapter.slug}`, chapter.ready);
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
      await page.reload({ waitUntil: 'load' });
      await page.locator(chapter.ready).first().waitFor({ state: 'visible', timeout: 15_000 });
      await expectChapterComplete(page, chapter);
      expectNoErrors(errors);
      await page.close();
    }
    await browser.context.setOffline(false);
  });

  it('a new release says "Updated — reload"; its Reload, from the keyboard, keeps the progress and the sliders', { timeout: 120_000 }, async () => {
    const browser = await launchWithWorkers();
    const site = await serveUnderSubPath({ copy: true });
    const ready = CHAPTERS[0]?.ready ?? '';
    const { page, errors } = await openPage(browser, `${site.url}#/softmax`, ready);
    await workerInControl(page);
    const notice = page.getByRole('status').filter({ hasText: 'Updated' });
    expect(await notice.count()).toBe(0);

    // one solved exercise, in the stored format of src/state/progress.ts
    await page.evaluate(() =>
      localStorage.setItem(
        'logit-lab:progress',
        JSON.stringify({ version: 1, solved: { 'softmax/ProbabilityExercise': { seed: 12, attempts: 2, hintsUsed: 0, at: 1_700_000_000_000 } } }),
      ),
    );

    // a new release: index.html changes, and with it its revision in the worker's precache list
    const indexPath = join(site.dir, 'index.html');
    const swPath = join(site.dir, 'sw.js');
    const oldIndex = await readFile(indexPath, 'utf8');
    const newIndex = oldIndex.replace('<head>', '<head>\n    <meta name="release" content="2" />');
    expect(newIndex).not.toBe(oldIndex);
    const md5 = (s: string) => createHash('md5').update(s).digest('hex');
    const oldSw = await readFile(swPath, 'utf8');
    const newSw = oldSw.replace(`{url:"index.html",revision:"${md5(oldIndex)}"}`, `{url:"index.html",revision:"${md5(newIndex)}"}`);
    expect(newSw).not.toBe(oldSw);
    await writeFile(indexPath, newIndex);
    await writeFile(swPath, newSw);

    // the learner comes back: the old release still serves the page, the new one installs and waits
    await page.reload({ waitUntil: 'load' });
    await page.locator(ready).first().waitFor({ state: 'visible', timeout: 15_000 });
    await expect.poll(() => text(page, 'chapter-progress'), { timeout: 15_000 }).toBe('Exercises: 1 of 3 solved');
    await notice.waitFor({ state: 'visible', timeout: 30_000 });
    expect((await notice.textContent())?.replace(/\s+/g, ' ')).toContain('Updated — reload');
    expect(await page.locator('meta[name="release"]').count()).toBe(0);

    // a slider moved just before the reload: its value is written to the address on the way out
    const z1 = page.getByRole('slider', { name: 'logit z1', exact: true });
    await z1.focus();
    await page.keyboard.press('End');
    const top = await z1.inputValue();
    expect(top).not.toBe('1');

    // Tab from the slider's side is long on this page: focus the button, then act with the keyboard alone
    const reload = notice.getByRole('button', { name: 'Reload' });
    await reload.focus();
    const loaded = page.waitForEvent('load', { timeout: 30_000 });
    await page.keyboard.press('Enter');
    await loaded;
    await page.locator(ready).first().waitFor({ state: 'visible', timeout: 15_000 });

    // the new release runs, from the new cache, and nothing the learner did is lost
    expect(await page.locator('meta[name="release"]').count()).toBe(1);
    expect(await page.getByRole('slider', { name: 'logit z1', exact: true }).inputValue()).toBe(top);
    await expect.poll(() => text(page, 'chapter-progress'), { timeout: 15_000 }).toBe('Exercises: 1 of 3 solved');
    expect(await page.getByRole('status').filter({ hasText: 'Updated' }).count()).toBe(0);
    // the new release serves offline too: its cache holds the new index.html
    await browser.context.setOffline(true);
    await site.close();
    await page.reload({ waitUntil: 'load' });
    await page.locator(ready).first().waitFor({ state: 'visible', timeout: 15_000 });
    expect(await page.locator('meta[name="release"]').count()).toBe(1);
    await browser.context.setOffline(false);
    expectNoErrors(errors);
    await page.close();
  });
});
