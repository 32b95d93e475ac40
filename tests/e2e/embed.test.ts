/**
 * Embeds in a course page: a host page on another loopback origin (its own tiny server, addressed as
 * 127.0.0.1, while the site is addressed as localhost) embeds widgets with the share panel's iframe
 * line and embed-resize.js, as a lecturer's page would.
 *
 * The site is served by a plain static server of its own that sends no CORS header at all, like most
 * places a lecturer can put files (a university web space, nginx or Apache defaults, S3,
 * `python3 -m http.server`): the snippet's sandbox gives each frame the site's own origin, so its module
 * scripts, lazy chunks and fonts are same-origin fetches.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { startStaticServer } from '../../bench/lib/server.mjs';
import { parseHash } from '../../src/url/hashRoute';
import { iframeSnippet } from '../../src/tools/share/embedUrl';
import { findWidget, WIDGETS } from '../../src/embed/widgetRegistry';
import { collectErrors, expectNoAxeViolationsOnPage, expectNoErrors, launch, plotGroundColours, routeURL } from './browser';

let browser: LaunchedChromium;
let host: Server;
let site: Awaited<ReturnType<typeof startStaticServer>>;
let hostURL: string;
/** The site as the host page addresses it: another host name than the host page's own. */
let siteURL: string;
const pages = new Map<string, string>();

/** The share panel's iframe line for `route` (150 px tall to start with), with an id for the test to find it by. */
function iframeLine(id: string, route: string): string {
  const widget = findWidget(/^#\/embed\/([^?]+)/.exec(route)?.[1] ?? '');
  if (!widget) throw new Error(`no widget for ${route}`);
  return iframeSnippet(widget, siteURL + route, 150).replace('<iframe ', `<iframe id="${id}" `);
}

function hostPage(frames: readonly { id: string; route: string }[]): string {
  const iframes = frames.map((f) => iframeLine(f.id, f.route)).join('\n<p>Some of the course page between the widgets.</p>\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Course page</title></head>
<body><main><h1>Week 3</h1>${iframes}</main><script src="${siteURL}embed-resize.js"></script></body></html>`;
}

beforeAll(async () => {
  browser = await launch();
  // dist/ again, on a port of its own: default headers, no Access-Control-Allow-Origin
  site = await startStaticServer(inject('distDir'));
  siteURL = `http://localhost:${site.port}/`;
  pages.set(
    '/two.html',
    hostPage([
      { id: 'softmax', route: '#/embed/softmax/SoftmaxExplorer?z=1,2,3&T=1&frame=softmax' },
      { id: 'jacobian', route: '#/embed/jacobian/JacobianExplorer?z=0,1&caption=The%20Jacobian&frame=jacobian' },
    ]),
  );
  pages.set(
    '/hostile.html',
    hostPage([
      { id: 'hostile', route: `#/embed/softmax/SoftmaxExplorer?z=__proto__&T=1e309&caption=${encodeURIComponent('<img src=x onerror=alert(1)>')}&__proto__[polluted]=1` },
      // alert() is blocked in a sandbox without allow-modals anyway: this one would leave a trace
      { id: 'trace', route: `#/embed/jacobian/JacobianExplorer?caption=${encodeURIComponent(`<svg onload="document.title='pwned'"></svg>`)}&theme=javascript:x` },
    ]),
  );
  pages.set('/exercise.html', hostPage([{ id: 'exercise', route: '#/embed/softmax/ProbabilityExercise?pk=12&frame=week-3-ex1' }]));
  host = createServer((req, res) => {
    const body = pages.get(req.url ?? '');
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((done) => host.listen(0, '127.0.0.1', done));
  hostURL = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => host?.close(done));
  await site?.close();
});

async function openHost(path: string) {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(hostURL + path, { waitUntil: 'load' });
  return { page, errors, dialogs };
}

async function frameOf(page: Page, id: string): Promise<Frame> {
  const frame = await (await page.$(`#${id}`))?.contentFrame();
  if (!frame) throw new Error(`no frame #${id}`);
  return frame;
}

/** The iframe's height on the host page, and the embed's content height inside it. */
async function heights(page: Page, id: string) {
  const iframe = await page.locator(`#${id}`).evaluate((el) => ({ attribute: Number(el.getAttribute('height')), box: el.getBoundingClientRect().height }));
  const frame = await frameOf(page, id);
  const content = await frame.evaluate(() => ({
    bottom: Math.ceil(document.querySelector('.embed-page')!.getBoundingClientRect().bottom),
    scrollHeight: document.documentElement.scrollHeight,
    innerHeight: window.innerHeight,
  }));
  return { ...iframe, ...content };
}

const p1 = (frame: Frame) => frame.getByTestId('p-text-1').textContent();

describe('two widgets embedded in sandboxed iframes on another origin', () => {
  it('both render, each resizes to its content (nothing cut off), with no console error', async () => {
    const { page, errors, dialogs } = await openHost('/two.html');
    const softmax = await frameOf(page, 'softmax');
    const jacobian = await frameOf(page, 'jacobian');
    // z = [1, 2, 3]: p1 = 1 / (1 + e + e²) = 0.090
    await expect.poll(() => p1(softmax), { timeout: 15_000 }).toBe('p1 = 0.090');
    await jacobian.getByRole('slider', { name: 'logit z1', exact: true }).waitFor({ timeout: 15_000 });
    expect(await jacobian.getByText('The Jacobian').count()).toBe(1);
    expect(new URL(softmax.url()).origin).not.toBe(hostURL);
    // the site's server sends no CORS header, as most hosts do not; the frames load all the same, with
    // the site's origin as their own, and still cannot reach the course page around them
    const served = await fetch(siteURL);
    expect(served.headers.get('access-control-allow-origin')).toBeNull();
    expect(await softmax.evaluate(() => window.origin)).toBe(new URL(siteURL).origin);
    const reach = () => {
      try {
        return window.parent.document.title;
      } catch {
        return 'blocked';
      }
    };
    expect(await softmax.evaluate(reach)).toBe('blocked');
    expect(await jacobian.evaluate(reach)).toBe('blocked');
    expect(await page.title()).toBe('Course page');

    for (const id of ['softmax', 'jacobian']) {
      await expect.poll(async () => (await heights(page, id)).attribute, { timeout: 10_000 }).toBeGreaterThan(300);
      await expect
        .poll(async () => {
          const h = await heights(page, id);
          return Math.abs(h.attribute - h.bottom) <= 2 && h.box === h.attribute && h.scrollHeight <= h.innerHeight;
        }, { timeout: 10_000, message: `#${id} is as tall as its content` })
        .toBe(true);
    }
    // The two differ: each frame follows its own content, not a common size.
    expect((await heights(page, 'softmax')).attribute).not.toBe((await heights(page, 'jacobian')).attribute);

    // Content growing (a fourth class) grows the frame.
    const before = (await heights(page, 'softmax')).attribute;
    await softmax.getByRole('button', { name: 'Add a class' }).click();
    await expect.poll(async () => (await heights(page, 'softmax')).attribute, { timeout: 10_000 }).toBeGreaterThan(before);

    expect(dialogs).toEqual([]);
    expectNoErrors(errors);
    await page.close();
  });

  it('a frame whose scripts cannot be loaded says so in its own place, not a blank box', async () => {
    const page = await browser.context.newPage();
    // every script of the site refused, as a host missing the assets folder would
    await page.route(`${siteURL}assets/**`, (route) => route.abort());
    await page.goto(hostURL + '/two.html', { waitUntil: 'load' });
    const softmax = await frameOf(page, 'softmax');
    const notice = softmax.getByTestId('boot-failed');
    // hidden for the first seconds (a normal start replaces it before then), then shown
    expect(await notice.evaluate((p) => getComputedStyle(p).opacity)).toBe('0');
    await expect.poll(() => notice.evaluate((p) => getComputedStyle(p).opacity), { timeout: 12_000 }).toBe('1');
    expect(await notice.textContent()).toMatch(/Logit Lab did not start: its scripts could not be loaded/);
    await page.close();
  });

  it('keep separate state, and a state set in one is in its URL and restored when that frame reloads', async () => {
    const { page, errors } = await openHost('/two.html');
    const softmax = await frameOf(page, 'softmax');
    const jacobian = await frameOf(page, 'jacobian');
    await expect.poll(() => p1(softmax), { timeout: 15_000 }).toBe('p1 = 0.090');
    const jacobianZ1 = jacobian.getByRole('slider', { name: 'logit z1', exact: true });
    await jacobianZ1.waitFor();

    // z1 from 1 to 3 in the softmax frame: z = [3, 2, 3], p1 = e³ / (2e³ + e²) = e / (2e + 1) = 0.422
    const z1 = softmax.getByRole('slider', { name: 'logit z1', exact: true });
    await z1.focus();
    for (let i = 0; i < 20; i += 1) await z1.press('ArrowRight');
    await expect.poll(() => p1(softmax)).toBe(`p1 = ${(Math.E / (2 * Math.E + 1)).toFixed(3)}`);
    expect(await jacobianZ1.inputValue()).toBe('0');

    await expect.poll(() => decodeURIComponent(new URL(softmax.url()).hash), { timeout: 5000 }).toBe('#/embed/softmax/SoftmaxExplorer?z=3,2,3&T=1&frame=softmax');
    expect(new URL(jacobian.url()).hash).toContain('z=0,1');

    await softmax.evaluate(() => window.location.reload());
    const reloaded = await frameOf(page, 'softmax');
    await expect.poll(() => reloaded.getByTestId('p-text-1').textContent().catch(() => ''), { timeout: 15_000 }).toBe('p1 = 0.422');
    expect(await reloaded.getByRole('slider', { name: 'logit z1', exact: true }).inputValue()).toBe('3');
    expect(await jacobianZ1.inputValue()).toBe('0');
    expectNoErrors(errors);
    await page.close();
  });

  it('a hostile URL shows the notice and a working widget, and runs no script', async () => {
    const { page, errors, dialogs } = await openHost('/hostile.html');
    const frame = await frameOf(page, 'hostile');
    await expect.poll(() => p1(frame), { timeout: 15_000 }).toBe('p1 = 0.090');
    const notice = frame.locator('.notice[role="status"]');
    expect(await notice.textContent()).toMatch(/ignored __proto__\[polluted\]: not a setting of this page; could not read z=__proto__: .*; could not read T=1e309: it needs a plain number such as 1/);
    // the address says what the frame shows: what was refused is gone from it
    const address = async () => [...parseHash(await frame.evaluate(() => location.hash)).query];
    await expect.poll(address).toEqual([
      ['z', '2,3,4'],
      ['T', '1'],
      ['caption', '<img src=x onerror=alert(1)>'],
    ]);
    expect(await frame.getByText('<img src=x onerror=alert(1)>', { exact: true }).count()).toBe(1);
    expect(await frame.locator('img').count()).toBe(0);
    // it works: T from 1 to 2 changes p1 to e^0.5 / (e^0.5 + e + e^1.5) = 0.186
    const t = frame.getByRole('slider', { name: 'temperature T', exact: true });
    await t.focus();
    for (let i = 0; i < 20; i += 1) await t.press('ArrowRight');
    const e = Math.E;
    await expect.poll(() => p1(frame)).toBe(`p1 = ${(Math.sqrt(e) / (Math.sqrt(e) + e + e * Math.sqrt(e))).toFixed(3)}`);
    expect(await frame.evaluate(() => (Object.prototype as Record<string, unknown>).polluted === undefined)).toBe(true);
    const trace = await frameOf(page, 'trace');
    await trace.getByRole('slider', { name: 'logit z1', exact: true }).waitFor({ timeout: 15_000 });
    expect(await trace.locator('.notice[role="status"]').textContent()).toMatch(/could not read theme=javascript:x: it needs one of light, dark, auto/);
    expect(await trace.locator('svg[onload], img').count()).toBe(0);
    expect(await trace.evaluate(() => document.title)).toBe('Softmax Jacobian explorer · Logit Lab');
    expect(dialogs).toEqual([]);
    expectNoErrors(errors);
    await page.close();
  });

  it('ignores height messages from anything but its own iframes', async () => {
    const { page } = await openHost('/two.html');
    const softmax = await frameOf(page, 'softmax');
    await expect.poll(() => p1(softmax), { timeout: 15_000 }).toBe('p1 = 0.090');
    await expect.poll(async () => (await heights(page, 'softmax')).attribute, { timeout: 10_000 }).toBeGreaterThan(300);
    const settled = (await heights(page, 'softmax')).attribute;
    // The host page itself (not an iframe) posting a well-formed message: ignored.
    await page.evaluate(() => window.postMessage({ type: 'logit-lab:height', version: 1, id: 'softmax', height: 123 }, '*'));
    // The embed posting a malformed one (a string height): ignored.
    await softmax.evaluate(() => window.parent.postMessage({ type: 'logit-lab:height', version: 1, id: 'softmax', height: '99' }, '*'));
    await page.waitForTimeout(300);
    expect((await heights(page, 'softmax')).attribute).toBe(settled);
    await page.close();
  });
});

describe('an embed page on its own', () => {
  it('has no axe violation, light and dark (theme=dark)', async () => {
    for (const theme of ['light', 'dark']) {
      const page = await browser.context.newPage();
      const errors = collectErrors(page);
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
      await page.goto(routeURL(`#/embed/softmax-cross-entropy/CrossEntropyGradientExplorer?z=1,2,3&y=0&caption=Try%20it&theme=${theme}&lock=labels`));
      await page.getByRole('group', { name: 'Set by your lecturer' }).waitFor({ timeout: 15_000 });
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      expect(background).toBe(theme === 'dark' ? 'rgb(20, 22, 26)' : 'rgb(251, 250, 247)');
      await expectNoAxeViolationsOnPage(page, `embed (${theme})`);
      expectNoErrors(errors);
      await page.close();
    }
  });

  it('theme=dark: its bar plots\' grounds are the dark surface on screen, and print in the light palette', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.goto(routeURL('#/embed/softmax/SoftmaxExplorer?theme=dark'));
    await page.locator('.softmax-explorer svg.plot').first().waitFor({ timeout: 15_000 });
    const onScreen = await plotGroundColours(page);
    expect(onScreen.length).toBeGreaterThanOrEqual(2);
    // the dark palette's --surface, #1c1f24, behind and in each ground
    for (const g of onScreen) expect([g.plot, g.fill, g.behind]).toEqual([g.plot, 'rgb(28, 31, 36)', 'rgb(28, 31, 36)']);
    await page.emulateMedia({ media: 'print' });
    // on paper the ground is an SVG fill, which prints even when backgrounds do not: it must be light
    for (const g of await plotGroundColours(page)) expect([g.plot, g.fill, g.behind]).toEqual([g.plot, 'rgb(255, 255, 255)', 'rgb(255, 255, 255)']);
    expectNoErrors(errors);
    await page.close();
  });

  it('every widget in the registry renders alone, with no console error and no error boundary', async () => {
    for (const widget of WIDGETS) {
      const page = await browser.context.newPage();
      const errors = collectErrors(page);
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
      await page.goto(routeURL(`#/embed/${widget.id}`));
      await page.locator('.embed-widget > :not(.loading)').first().waitFor({ timeout: 15_000 });
      expect(await page.locator('[role="alert"], .notice').count(), widget.id).toBe(0);
      expect(await page.locator('.site-header, .site-toc').count(), widget.id).toBe(0);
      expectNoErrors(errors);
      await page.close();
    }
    // one page load per widget, about 3 s each on an idle 2-core machine
  }, 300_000);

  it('an unknown widget says so', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(routeURL('#/embed/softmax/Nope'));
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/no widget softmax\/Nope/);
    expectNoErrors(errors);
    await page.close();
  });
});

describe('an exercise embedded on another origin', () => {
  it('each check reaches the course page as one valid result (via embed-resize.js), with no answer text in it', async () => {
    const { page, errors } = await openHost('/exercise.html');
    // the course page's own listener, as the README shows it
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { results: unknown[] }).results = seen;
      document.addEventListener('logit-lab-result', (e) => seen.push({ detail: (e as CustomEvent).detail, from: (e.target as Element).id }));
    });
    const frame = await frameOf(page, 'exercise');
    const region = frame.getByRole('region', { name: /^Exercise/ });
    await region.waitFor({ timeout: 15_000 });
    // the answer, computed here from the numbers the frame shows, as a learner would
    const text = (await region.textContent()) ?? '';
    const z = /z = \(([^)]*)\)/.exec(text)![1]!.split(', ').map((v) => Number(v.replace('−', '-')));
    const k = Number(/give class (\d)/.exec(text)![1]) - 1;
    const p = Math.exp(z[k]!) / z.reduce((sum, v) => sum + Math.exp(v), 0);
    const field = region.getByRole('textbox', { name: /^p. =$/ });
    await field.fill('0.001');
    await region.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => region.getByRole('status').textContent()).toMatch(/^Not quite/);
    await field.fill(p.toPrecision(3));
    await region.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => region.getByRole('status').textContent()).toMatch(/^Right/);
    const results = () => page.evaluate(() => (window as unknown as { results: unknown[] }).results);
    await expect.poll(results).toHaveLength(2);
    const base = { type: 'logit-lab:result', version: 1, id: 'week-3-ex1', exercise: 'softmax/ProbabilityExercise', seed: 12, hintsUsed: 0 };
    expect(await results()).toEqual([
      { from: 'exercise', detail: { ...base, correct: false, attempts: 1 } },
      { from: 'exercise', detail: { ...base, correct: true, attempts: 2 } },
    ]);
    await expectNoAxeViolationsOnPage(page, 'embedded exercise');
    expectNoErrors(errors);
    await page.close();
  });
});
