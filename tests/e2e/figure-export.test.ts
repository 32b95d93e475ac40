/**
 * Figure export in Chromium: the softmax explorer's probability bars saved as SVG (valid XML, the bars
 * with fills inlined as the page computed them, no CSS variable left, the title, the page's background
 * in the current colour scheme) and as PNG (a real PNG at twice the figure's size whose pixels show the
 * bars), and chapter 8's decision regions saved as a PNG of the canvas with its points on top.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Locator, Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { DESKTOP_OPTIONS, PHONE_OPTIONS, expectNoErrors, expectNoPageOverflow, launch, openRoute, openSoftmax } from './browser';
import { NARROW_PHONE_WIDTH } from './chapterPageChecks';

let desktop: LaunchedChromium;
let phone: LaunchedChromium;
beforeAll(async () => {
  [desktop, phone] = await Promise.all([launch(DESKTOP_OPTIONS), launch({ ...PHONE_OPTIONS, viewport: { width: NARROW_PHONE_WIDTH, height: 780 } })]);
});
afterAll(async () => {
  await Promise.all([desktop?.close(), phone?.close()]);
});

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const explorer = (page: Page) => page.locator('[data-widget-id="softmax/SoftmaxExplorer"]');

/** Opens the export panel of a widget and chooses a figure by its name (when there is a choice). */
async function chooseFigure(widget: Locator, figure: string): Promise<void> {
  await widget.getByRole('button', { name: /^Export figure/ }).click();
  // the toolbar's code arrives on first use: the panel is open once the button says so
  await widget.getByRole('button', { name: /^Export figure/, expanded: true }).waitFor();
  const select = widget.getByRole('combobox', { name: 'Figure' });
  if (await select.count()) await select.selectOption({ label: figure });
}

async function download(page: Page, button: Locator): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { file, bytes: await readFile(path) };
}

/** What a browser makes of an SVG file: parse errors, title, background, and each bar's box and fill. */
function readSvg(page: Page, text: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      namespace: root.namespaceURI,
      size: [root.getAttribute('width'), root.getAttribute('height')],
      title: root.querySelector('title')?.textContent ?? null,
      background: root.querySelector('rect.export-background')?.getAttribute('fill') ?? null,
      bars: Array.from(root.querySelectorAll('rect.bar')).map((r) => ({
        x: Number(r.getAttribute('x')),
        y: Number(r.getAttribute('y')),
        width: Number(r.getAttribute('width')),
        height: Number(r.getAttribute('height')),
        style: r.getAttribute('style') ?? '',
      })),
      rootStyle: root.getAttribute('style') ?? '',
      // texts inherit the root's font unless they set their own
      texts: root.querySelectorAll('text').length,
    };
  }, text);
}

/** The live page's computed fill of each probability bar and the widget's background colour. */
function liveColours(page: Page) {
  return page.evaluate(() => ({
    fills: Array.from(document.querySelectorAll('[data-widget-id="softmax/SoftmaxExplorer"] svg.probability-bars rect.bar')).map(
      (r) => getComputedStyle(r).fill,
    ),
    surface: getComputedStyle(document.querySelector('[data-widget-id="softmax/SoftmaxExplorer"] .widget') ?? document.body).backgroundColor,
  }));
}

/** The RGB of the PNG's pixel at (x, y), decoded by the browser. */
function pngPixel(page: Page, bytes: Buffer, x: number, y: number) {
  return page.evaluate(
    async ({ data, px, py }) => {
      const blob = new Blob([new Uint8Array(data)], { type: 'image/png' });
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(bitmap, 0, 0);
      const [r, g, b] = context.getImageData(px, py, 1, 1).data;
      return { rgb: `rgb(${r}, ${g}, ${b})`, width: bitmap.width, height: bitmap.height };
    },
    { data: Array.from(bytes), px: Math.round(x), py: Math.round(y) },
  );
}

describe('figure export on #/softmax', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`Download SVG of the probability bars (${colorScheme}): valid XML, bars with the page's fills, the title, no var(`, async () => {
      const { page, errors } = await openSoftmax(desktop, '?z=1,2,4&T=1', { colorScheme });
      const widget = explorer(page);
      await chooseFigure(widget, 'Probability bars');
      const { file, bytes } = await download(page, widget.getByRole('button', { name: 'Download SVG of Probability bars' }));
      expect(file.suggestedFilename()).toBe('logit-lab-softmax-explorer-probability-bars.svg');
      const text = bytes.toString('utf8');
      expect(text).not.toContain('var(');
      const svg = await readSvg(page, text);
      expect(svg.error).toBeNull();
      expect(svg.namespace).toBe('http://www.w3.org/2000/svg');
      expect(svg.title).toBe('Logit Lab: Softmax explorer — Probability bars');
      expect(svg.size.every((v) => Number(v) > 0)).toBe(true);
      const live = await liveColours(page);
      expect(svg.bars).toHaveLength(3);
      expect(live.fills).toHaveLength(3);
      svg.bars.forEach((bar, i) => expect(bar.style).toContain(`fill: ${live.fills[i]}`));
      // three different class colours, resolved to rgb()
      expect(new Set(live.fills).size).toBe(3);
      live.fills.forEach((fill) => expect(fill).toMatch(/^rgb\(/));
      // softmax([1, 2, 4]): the bars' heights are in the ratio e¹ : e² : e⁴
      const [a, b, c] = svg.bars.map((bar) => bar.height);
      expect((c ?? 0) / (a ?? 1)).toBeCloseTo(Math.exp(3), 1);
      expect((b ?? 0) / (a ?? 1)).toBeCloseTo(Math.exp(1), 2);
      expect(svg.background).toBe(live.surface);
      expect(svg.rootStyle).toMatch(/font-family: .+/);
      expect(svg.texts).toBeGreaterThan(3);
      expect(await widget.getByRole('status').textContent()).toBe('Saved logit-lab-softmax-explorer-probability-bars.svg');
      expectNoErrors(errors);
      await page.close();
    });
  }

  it('Download PNG of the probability bars: a PNG at twice the size whose pixels show the bars', async () => {
    const { page, errors } = await openSoftmax(desktop, '?z=1,2,4&T=1');
    const widget = explorer(page);
    await chooseFigure(widget, 'Probability bars');
    const svgFile = await download(page, widget.getByRole('button', { name: 'Download SVG of Probability bars' }));
    const svg = await readSvg(page, svgFile.bytes.toString('utf8'));
    const { file, bytes } = await download(page, widget.getByRole('button', { name: 'Download PNG of Probability bars' }));
    expect(file.suggestedFilename()).toBe('logit-lab-softmax-explorer-probability-bars.png');
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_MAGIC);
    // IHDR: width and height, big-endian, at bytes 16 and 20
    const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    expect([width, height]).toEqual(svg.size.map((v) => 2 * Number(v)));
    expect(bytes.length).toBeGreaterThan(3_000);
    expect(bytes.length).toBeLessThan(2_000_000);
    const live = await liveColours(page);
    // the middle of the tallest bar is drawn in its fill; a corner is the background
    const tallest = svg.bars[2];
    if (!tallest) throw new Error('no third bar');
    const centre = await pngPixel(page, bytes, 2 * (tallest.x + tallest.width / 2), 2 * (tallest.y + tallest.height / 2));
    expect(centre.rgb).toBe(live.fills[2]);
    expect((await pngPixel(page, bytes, 1, 1)).rgb).toBe(live.surface);
    expectNoErrors(errors);
    await page.close();
  });

  it('the export control is keyboard-operable, 44 px tall and fits a 360 px phone', async () => {
    const { page, errors } = await openSoftmax(phone);
    const widget = explorer(page);
    const toggle = widget.getByRole('button', { name: /^Export figure/ });
    await toggle.focus();
    await page.keyboard.press('Enter');
    // The toolbar's code arrives on first use (WidgetToolbarShell): the press opens the panel when it lands.
    await expect.poll(() => toggle.getAttribute('aria-expanded'), { timeout: 5000 }).toBe('true');
    expect(await toggle.evaluate((element) => element === document.activeElement)).toBe(true);
    const controls = [toggle, widget.getByRole('combobox', { name: 'Figure' }), widget.getByRole('button', { name: /^Download SVG/ }), widget.getByRole('button', { name: /^Download PNG/ })];
    for (const control of controls) {
      const box = await control.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
      expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
    }
    await expectNoPageOverflow(page, NARROW_PHONE_WIDTH);
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expectNoErrors(errors);
    await page.close();
  });
});

describe('figure export of a canvas on #/backprop', () => {
  it('Download PNG of the decision regions: the canvas at its own size, with the points drawn over it', async () => {
    const { page, errors } = await openRoute(desktop, '#/backprop', { waitFor: '.backprop-trainer .region-canvas' });
    const widget = page.locator('[data-widget-id="backprop/BackpropTrainer"]');
    await chooseFigure(widget, 'Decision regions');
    expect(await widget.getByRole('button', { name: /^Download SVG/ }).count()).toBe(0);
    const canvas = await page.locator('.backprop-trainer canvas.region-canvas').evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
    const { file, bytes } = await download(page, widget.getByRole('button', { name: 'Download PNG of Decision regions' }));
    expect(file.suggestedFilename()).toBe('logit-lab-network-trainer-decision-regions.png');
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_MAGIC);
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual(canvas);
    // a point's centre carries its class colour, not the region's paler shade
    const point = await page.locator('.region-points circle.data-point').last().evaluate((c) => {
      const svg = (c as SVGCircleElement).ownerSVGElement;
      const canvasEl = svg?.parentElement?.querySelector('canvas');
      const r = c.getBoundingClientRect();
      const box = canvasEl?.getBoundingClientRect();
      const scale = canvasEl && box ? canvasEl.width / box.width : 1;
      return { x: (r.left + r.width / 2 - (box?.left ?? 0)) * scale, y: (r.top + r.height / 2 - (box?.top ?? 0)) * scale, fill: getComputedStyle(c).fill };
    });
    expect((await pngPixel(page, bytes, point.x, point.y)).rgb).toBe(point.fill);
    expectNoErrors(errors);
    await page.close();
  });
});
