/** Readers and a training helper for chapter 8's trainer, shared by its own e2e file and the page checks. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { parseHash } from '../../src/url/hashRoute';

export const step = async (page: Page) => Number(await page.getByTestId('bp-step').textContent());
/** The query of the page's address (after the route, in the hash). */
export const addressQuery = (page: Page) => parseHash(new URL(page.url()).hash).query;
// the trainer's own buttons: the chapter's opener above it has a Train / Pause button of its own
export const play = (page: Page) => page.locator('.backprop-trainer').getByRole('button', { name: 'Play', exact: true });
export const pause = (page: Page) => page.locator('.backprop-trainer').getByRole('button', { name: 'Pause', exact: true });

/** Play until at least `steps` steps, then pause; returns the step it stopped at. */
export async function trainFor(page: Page, steps: number): Promise<number> {
  await play(page).click();
  await expect.poll(() => step(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(steps);
  await pause(page).click();
  // the slice out when Pause was pressed still lands: wait until the step settles
  let last = -1;
  await expect.poll(async () => {
    const now = await step(page);
    const settled = now === last;
    last = now;
    return settled;
  }).toBe(true);
  return step(page);
}
