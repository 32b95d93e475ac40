/**
 * Every chapter's address carries its state: the lab inputs its widgets read (z, T, y, bz, bt) and
 * each widget's own state (stateSchema.ts). Here: each written chapter reads the lab inputs of a
 * link, a widget's own field survives a reload, the share panel's chapter link carries it, and a
 * lecturer can hide or lock a widget's own control in an embed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { parseHash } from '../../src/url/hashRoute';
import { chapterKeys } from '../../src/state/useChapterUrlState';
import { widgetsOf } from '../../src/embed/widgetRegistry';
import { CHAPTERS, isWritten } from '../../src/chapters/chapterList';
import { DESKTOP_OPTIONS, everySlotDrawn, expectNoErrors, launch, logitSlider, nextFrame, openRoute, routeURL } from './browser';

const FORMULA = '[data-testid="live-formula"] .katex';
const queryOf = (page: Page) => parseHash(new URL(page.url()).hash).query;

describe('state in the address, chapter by chapter', () => {
  let browser: LaunchedChromium;
  beforeAll(async () => {
    browser = await launch({ ...DESKTOP_OPTIONS, permissions: ['clipboard-read', 'clipboard-write'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  // Every written chapter whose widgets read the logits: a link's z reaches the first logit slider.
  const withLogits = CHAPTERS.filter(isWritten).filter((c) => chapterKeys(widgetsOf(c.slug)).fields.includes('z'));
  for (const chapter of withLogits) {
    it(`#/${chapter.slug}?z=1.5,-2,0.5 sets the logits the chapter's widgets read, with no notice`, async () => {
      const { page, errors } = await openRoute(browser, `#/${chapter.slug}?z=1.5,-2,0.5`, { waitFor: 'h1' });
      await everySlotDrawn(page);
      const slider = logitSlider(page, 1).first();
      if ((await slider.count()) > 0) {
        await expect.poll(() => slider.inputValue()).toBe('1.5');
        expect(await logitSlider(page, 2).first().inputValue()).toBe('-2');
        expect(await logitSlider(page, 4).count()).toBe(0);
      }
      expect(await page.getByTestId('chapter-url-notice').count()).toBe(0);
      expectNoErrors(errors);
      await page.close();
    });
  }

  it('#/binary-cross-entropy?bz=-2.5&bt=0 sets the binary logit and label', async () => {
    const { page, errors } = await openRoute(browser, '#/binary-cross-entropy?bz=-2.5&bt=0', { waitFor: FORMULA });
    expect(await page.getByRole('slider', { name: 'binary logit z', exact: true }).inputValue()).toBe('-2.5');
    expect(await page.getByRole('radio', { name: /t = 0/ }).first().isChecked()).toBe(true);
    expectNoErrors(errors);
    await page.close();
  });

  it('a chapter link with a refused field says so at the top of the chapter and keeps the rest', async () => {
    const { page, errors } = await openRoute(browser, '#/jacobian?z=1,2,nope&junk=1', { waitFor: FORMULA });
    const notice = page.getByTestId('chapter-url-notice');
    await expect.poll(() => notice.textContent()).toMatch(/could not read z=1,2,nope: it needs 2 to 8 plain numbers/);
    expect(await notice.textContent()).toMatch(/ignored junk: not a setting of this page/);
    // z refused as a whole: the logits stay those of the worked example
    expect(await logitSlider(page, 1).inputValue()).toBe('2');
    expect(await logitSlider(page, 3).inputValue()).toBe('4');
    expectNoErrors(errors);
    await page.close();
  });

  it('#/softmax?z=%E0%A4%A&T=% (bad percent-encoding) gets a notice naming both as typed, and the address is rewritten', async () => {
    const { page, errors } = await openRoute(browser, '#/softmax?z=%E0%A4%A&T=%', { waitFor: FORMULA });
    const notice = page.getByTestId('chapter-url-notice');
    await expect.poll(() => notice.textContent()).toMatch(/could not read z=%E0%A4%A: it needs 2 to 8 plain numbers/);
    expect(await notice.textContent()).toMatch(/could not read T=%: it needs a plain number such as 1/);
    // the worked example, and an address that says it
    expect(await logitSlider(page, 1).inputValue()).toBe('2');
    await expect.poll(() => new URL(page.url()).hash).toBe('#/softmax?z=2%2C3%2C4&T=1');
    expectNoErrors(errors);
    // rewritten in place: one step back leaves the page (the new tab's blank page), not to the refused address
    await page.goBack();
    expect(page.url()).toBe('about:blank');
    await page.close();
  });

  it('#/softmax?caption=<script> gets "not a setting of this page", and the caption leaves the address', async () => {
    const { page, errors } = await openRoute(browser, '#/softmax?caption=<script>', { waitFor: FORMULA });
    const notice = page.getByTestId('chapter-url-notice');
    await expect.poll(() => notice.textContent()).toMatch(/ignored caption: not a setting of this page/);
    await expect.poll(() => new URL(page.url()).hash).toBe('#/softmax?z=2%2C3%2C4&T=1');
    expectNoErrors(errors);
    await page.close();
  });

  it('chapter 1: nats and a moved logit are in the address, survive a reload, and travel in the share panel’s chapter link', async () => {
    const { page, errors } = await openRoute(browser, '#/information', { waitFor: FORMULA });
    await page.getByRole('radio', { name: /^nats/ }).check();
    const z1 = logitSlider(page, 1);
    await z1.focus();
    await z1.press('ArrowRight');
    await expect.poll(() => queryOf(page).get('u'), { timeout: 2000 }).toBe('nats');
    await expect.poll(() => queryOf(page).get('z')).toBe('2.1,3,4');

    await page.reload({ waitUntil: 'load' });
    await page.locator(FORMULA).first().waitFor();
    expect(await page.getByRole('radio', { name: /^nats/ }).isChecked()).toBe(true);
    expect(await logitSlider(page, 1).inputValue()).toBe('2.1');
    expect(await page.getByTestId('summary-cross-entropy').textContent()).toMatch(/ nats$/);

    const widget = page.locator('[data-widget-id="information/InformationExplorer"]');
    await widget.getByRole('button', { name: /^Share \/ embed/ }).click();
    const chapterLink = await widget.getByRole('link', { name: 'Link to it in the chapter' }).getAttribute('href');
    const embedLink = await widget.getByTestId('share-link').inputValue();
    for (const link of [chapterLink!, embedLink]) {
      const q = parseHash(new URL(link).hash).query;
      expect(q.get('u'), link).toBe('nats');
      expect(q.get('z'), link).toBe('2.1,3,4');
    }
    expectNoErrors(errors);

    // The chapter link, opened fresh, restores both.
    const fresh = await browser.context.newPage();
    await fresh.goto(chapterLink!, { waitUntil: 'load' });
    await fresh.locator(FORMULA).first().waitFor();
    expect(await fresh.getByRole('radio', { name: /^nats/ }).isChecked()).toBe(true);
    expect(await logitSlider(fresh, 1).inputValue()).toBe('2.1');
    await fresh.close();
    await page.close();
  });

  it('an embed hides or locks a widget’s own control: lock=u keeps nats, hide=u,labels removes the switch and the one-hot buttons', async () => {
    const locked = await openRoute(browser, '#/embed/information/InformationExplorer?u=nats&lock=u', { waitFor: FORMULA });
    const nats = locked.page.getByRole('radio', { name: /^nats/ });
    expect(await nats.isChecked()).toBe(true);
    expect(await nats.isDisabled()).toBe(true);
    expect(await locked.page.getByRole('group', { name: 'Set by your lecturer' }).count()).toBeGreaterThan(0);
    expectNoErrors(locked.errors);
    await locked.page.close();

    const hidden = await openRoute(browser, '#/embed/information/InformationExplorer?hide=u,labels', { waitFor: FORMULA });
    expect(await hidden.page.getByRole('radio').count()).toBe(0);
    expect(await hidden.page.getByRole('button', { name: /one-hot/ }).count()).toBe(0);
    expect(await hidden.page.getByTestId('summary-kl').textContent()).toMatch(/ bits$/);
    expectNoErrors(hidden.errors);
    await hidden.page.close();
  });

  it('an embed with a refused own field shows the widget’s notice and its default: u=furlongs', async () => {
    const { page, errors } = await openRoute(browser, '#/embed/information/InformationExplorer?u=furlongs', { waitFor: FORMULA });
    await expect.poll(() => page.getByTestId('widget-state-notice').textContent()).toMatch(/could not read u=furlongs: it needs one of bits, nats/);
    await expect.poll(() => queryOf(page).has('u')).toBe(false);
    expect(await page.getByRole('radio', { name: /^bits/ }).isChecked()).toBe(true);
    expectNoErrors(errors);
    await page.close();
  });

  it('an embed keeps its own keys when the learner moves a shared input: u=nats stays beside the new z', async () => {
    const { page, errors } = await openRoute(browser, '#/embed/information/InformationExplorer?u=nats&caption=Week%203', {
      waitFor: FORMULA,
    });
    const z1 = logitSlider(page, 1);
    await z1.focus();
    await z1.press('ArrowLeft');
    await nextFrame(page);
    await expect.poll(() => queryOf(page).get('z'), { timeout: 2000 }).toBe('1.9,3,4');
    expect(queryOf(page).get('u')).toBe('nats');
    expect(queryOf(page).get('caption')).toBe('Week 3');
    await page.goto(routeURL('#/'));
    expectNoErrors(errors);
    await page.close();
  });
});
