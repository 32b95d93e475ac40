import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { expectNoErrors, launch, openRoute } from './browser';

let browser: LaunchedChromium;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** On the home page, the list in the main region whose items are the chapters: it links to softmax. */
const TOC = 'main ol:has(a[href$="#/softmax"]), main ul:has(a[href$="#/softmax"])';

describe('routes', () => {
  it('the home page lists all 13 chapters; unwritten ones are marked "coming" and are not links', async () => {
    const { page, errors } = await openRoute(browser, '#/', { waitFor: 'a[href$="#/softmax"]' });
    const items = page.locator(TOC).last().locator(':scope > li');
    expect(await items.count()).toBe(13);
    let links = 0;
    for (const item of await items.all()) {
      const linkCount = await item.locator('a').count();
      const text = (await item.textContent()) ?? '';
      if (linkCount > 0) {
        links += 1;
        expect(text).not.toMatch(/coming/i);
      } else {
        expect(text).toMatch(/coming/i);
      }
    }
    expect(links).toBeGreaterThanOrEqual(1);
    expect(links).toBeLessThan(13);
    expect(await page.locator('a[href$="#/lstm"]').count()).toBe(0);

    await page.locator('a[href$="#/softmax"]').first().click();
    await page.getByTestId('p-text-1').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => location.hash)).toMatch(/^#\/softmax/);
    expectNoErrors(errors);
    await page.close();
  });

  it('an unwritten chapter says it is coming and links back', async () => {
    const { page, errors } = await openRoute(browser, '#/lstm', { waitFor: 'main h1' });
    await expect.poll(() => page.locator('main').innerText()).toMatch(/coming/i);
    const back = page.locator('main a[href$="#/"]').first();
    expect(await back.isVisible()).toBe(true);
    await back.click();
    await page.locator(TOC).last().waitFor({ state: 'visible' });
    expectNoErrors(errors);
    await page.close();
  });

  it('an unknown route shows "not found" with a link to the contents, never a blank page', async () => {
    const { page, errors } = await openRoute(browser, '#/nope', { waitFor: 'main h1' });
    await expect.poll(() => page.locator('main').innerText()).toMatch(/not found|no such page/i);
    const link = page.locator('main').getByRole('link', { name: /contents/i }).first();
    expect(await link.isVisible()).toBe(true);
    await link.click();
    await page.locator(TOC).last().waitFor({ state: 'visible' });
    expect(await page.locator(TOC).last().locator(':scope > li').count()).toBe(13);
    expectNoErrors(errors);
    await page.close();
  });
});
