/**
 * Progress carried without an account, in the built site: an exercise solved, exported from the
 * home page as a code and as a file, forgotten, and brought back by each; the open panel is
 * axe-clean and fits a 360 px phone in dark mode.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { expectNoAxeViolationsOnPage, expectNoErrors, expectNoPageOverflow, launch, openRoute, routeURL } from './browser';

let browser: LaunchedChromium;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** Chapter 2's first exercise solved as a learner would: p_k computed from the logits it shows. */
async function solveProbabilityExercise(page: Page) {
  const region = page.getByRole('region', { name: 'Exercise: one probability by hand' });
  await region.waitFor({ timeout: 15_000 });
  const text = (await region.textContent()) ?? '';
  const z = /z = \(([^)]*)\)/.exec(text)![1]!.split(', ').map((v) => Number(v.replace('−', '-')));
  const k = Number(/give class (\d)/.exec(text)![1]) - 1;
  const p = Math.exp(z[k]!) / z.reduce((sum, v) => sum + Math.exp(v), 0);
  await region.getByRole('textbox', { name: /^p. =$/ }).fill(p.toPrecision(3));
  await region.getByRole('button', { name: 'Check' }).click();
  await expect.poll(() => region.getByRole('status').textContent()).toMatch(/^Right: p. = /);
}

async function goHome(page: Page) {
  await page.goto(routeURL('#/'), { waitUntil: 'load' });
  await page.getByRole('heading', { name: 'Your progress' }).waitFor({ timeout: 15_000 });
}

const solvedCount = (page: Page) => page.getByTestId('home-progress').textContent();

async function resetProgress(page: Page) {
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await page.getByRole('button', { name: 'Yes, forget the solved exercise' }).click();
  await expect.poll(() => solvedCount(page)).toMatch(/^You have solved 0 of \d+ exercises\./);
}

function importStatus(page: Page): Locator {
  return page.getByTestId('progress-import-status');
}

describe('export, reset, import on the home page (#/)', () => {
  it('an exercise solved comes back from its code and from its file after a reset', async () => {
    const { page, errors } = await openRoute(browser, '#/softmax?pk=5', { waitFor: 'main h1' });
    await solveProbabilityExercise(page);
    await goHome(page);
    await expect.poll(() => solvedCount(page)).toMatch(/^You have solved 1 of \d+ exercises\./);

    await page.getByRole('button', { name: 'Export progress' }).click();
    const code = await page.getByRole('textbox', { name: 'Your progress code' }).inputValue();
    // one exercise: 7 bytes and a 2-byte checksum, 15 characters in groups of five
    expect(code).toMatch(/^LL1-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a file' }).click()]);
    expect(download.suggestedFilename()).toBe('logit-lab-progress.json');
    const fileText = await readFile((await download.path())!, 'utf8');
    const file = JSON.parse(fileText) as { version: number; solved: Record<string, { seed: number }> };
    expect(file.version).toBe(1);
    expect(Object.keys(file.solved)).toEqual(['softmax/ProbabilityExercise']);
    expect(file.solved['softmax/ProbabilityExercise']!.seed).toBe(5);

    await resetProgress(page);
    expect(await page.getByRole('button', { name: 'Export progress' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Import progress' }).click();
    await page.getByRole('textbox', { name: 'Progress code' }).fill(code.toLowerCase());
    await page.getByRole('textbox', { name: 'Progress code' }).press('Enter');
    await expect.poll(() => importStatus(page).textContent()).toBe('Imported 1 solved exercise.');
    await expect.poll(() => solvedCount(page)).toMatch(/^You have solved 1 of/);
    await expectNoAxeViolationsOnPage(page, '#/ with the import open and a result said');

    // a typing mistake changes nothing
    await page.getByRole('textbox', { name: 'Progress code' }).fill(`${code.slice(0, -1)}${code.endsWith('7') ? '8' : '7'}`);
    await page.getByRole('button', { name: 'Import code' }).click();
    await expect.poll(() => importStatus(page).textContent()).toBe('That code has a typing mistake: check it and try again.');
    await expect.poll(() => solvedCount(page)).toMatch(/^You have solved 1 of/);

    await resetProgress(page);
    await page.getByLabel(/^Or a progress file/).setInputFiles({ name: 'logit-lab-progress.json', mimeType: 'application/json', buffer: Buffer.from(fileText) });
    await expect.poll(() => importStatus(page).textContent()).toBe('Imported 1 solved exercise.');
    await expect.poll(() => solvedCount(page)).toMatch(/^You have solved 1 of/);

    // kept in the browser, so a reload and the chapter find it
    await page.goto(routeURL('#/softmax'), { waitUntil: 'load' });
    await expect.poll(() => page.getByTestId('chapter-progress').textContent(), { timeout: 15_000 }).toBe('Exercises: 1 of 3 solved');
    expectNoErrors(errors);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it('the open export fits 360 px in dark mode and is axe-clean', async () => {
    const { page, errors } = await openRoute(browser, '#/softmax?pk=7', { waitFor: 'main h1', colorScheme: 'dark' });
    await page.setViewportSize({ width: 360, height: 740 });
    await solveProbabilityExercise(page);
    await goHome(page);
    await page.getByRole('button', { name: 'Export progress' }).click();
    await page.getByTestId('progress-code').waitFor();
    await expectNoPageOverflow(page, 360);
    await expectNoAxeViolationsOnPage(page, '#/ at 360 px, dark, with the export open');
    await page.locator('.home-progress').screenshot({ path: `${inject('screenshotDir')}/home-progress-export-phone-dark.png`, animations: 'disabled' });
    await page.getByRole('button', { name: 'Import progress' }).click();
    await expectNoPageOverflow(page, 360);
    await page.getByRole('textbox', { name: 'Progress code' }).fill('LL1-00000');
    await page.getByRole('button', { name: 'Import code' }).click();
    await expect.poll(() => importStatus(page).textContent()).toBe('That code has a typing mistake: check it and try again.');
    await expectNoAxeViolationsOnPage(page, '#/ at 360 px, dark, with the import open and a refusal said');
    await page.locator('.home-progress').screenshot({ path: `${inject('screenshotDir')}/home-progress-import-phone-dark.png`, animations: 'disabled' });
    expectNoErrors(errors);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});
