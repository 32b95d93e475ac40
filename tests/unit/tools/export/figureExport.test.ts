// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findFigures } from '../../../../src/tools/export/figures';
import { figureFilename, shortName, slugify } from '../../../../src/tools/export/figureNames';
import { inlineStyles, serializeSvg, standaloneSvg, svgSize } from '../../../../src/tools/export/standaloneSvg';

/** A stand-in for getComputedStyle: what a stylesheet with resolved variables would give each element. */
function fakeStyles(byClass: Record<string, Record<string, string>>) {
  return (element: Element) => {
    const values: Record<string, string> = {};
    for (const name of (element.getAttribute('class') ?? '').split(/\s+/)) Object.assign(values, byClass[name] ?? {});
    if (element.tagName.toLowerCase() === 'text') values['font-family'] ??= 'system-ui, sans-serif';
    return { getPropertyValue: (property: string) => values[property] ?? '' };
  };
}

function mount(html: string): HTMLElement {
  const root = document.createElement('section');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

const BARS = `
  <svg class="plot probability-bars" viewBox="0 0 360 240" role="img" aria-label="Probability bars: p1 = 0.090, p2 = 0.245, p3 = 0.665">
    <rect class="bar" style="fill: var(--class-1)" x="10" y="200" width="50" height="20"></rect>
    <rect class="bar b2" fill="var(--class-2)" x="70" y="150" width="50" height="70"></rect>
    <text class="bar-value" x="35" y="196">0.090</text>
    <g class="gone"><rect class="bar" x="0" y="0" width="1" height="1"></rect></g>
  </svg>`;

const STYLES = fakeStyles({
  plot: { fill: 'rgb(0, 0, 0)', 'font-size': '12px' },
  bar: { fill: 'rgb(37, 99, 235)', stroke: 'rgba(0, 0, 0, 0)', 'stroke-width': '3px' },
  b2: { fill: 'rgb(217, 119, 6)' },
  'bar-value': { fill: 'rgb(28, 30, 33)', 'text-anchor': 'middle', 'font-weight': '400' },
  gone: { display: 'none' },
  probability: { 'background-color': 'rgb(255, 255, 255)' },
});

describe('shortName', () => {
  it('shortName keeps the words before the numbers of an aria-label', () => {
    expect(shortName('Probability bars: p1 = 0.090, p2 = 0.245')).toBe('Probability bars');
    expect(shortName('Binary cross-entropy against z. The marker is at z = 2')).toBe('Binary cross-entropy against z');
    expect(shortName('  Decision regions  ')).toBe('Decision regions');
    expect(shortName('Decision regions of the network over the square from −2 to 2, with 60 points')).toBe('Decision regions');
    expect(shortName('Error of the estimate')).toBe('Error of the estimate');
    expect(shortName('The derivative ∂L/∂z = ŷ − t against z for both labels')).toBe('The derivative ∂L/∂z = ŷ − t');
  });

  it('shortName caps a long label with an ellipsis', () => {
    const name = shortName('a'.repeat(100) + ' of b');
    expect(name).toHaveLength(48);
    expect(name.endsWith('…')).toBe(true);
  });
});

describe('slugify and figureFilename', () => {
  it('slugify keeps ASCII letters and digits joined by single hyphens', () => {
    expect(slugify('Softmax explorer')).toBe('softmax-explorer');
    expect(slugify('  Error of ∂L/∂z — central  ')).toBe('error-of-l-z-central');
    expect(slugify('Café Déjà vu')).toBe('cafe-deja-vu');
    expect(slugify('∂∂∂')).toBe('');
    // whole words only: 'sigmoid-and-binary-cross-entropy-explorer' is 41 characters
    expect(slugify('Sigmoid and binary cross-entropy explorer')).toBe('sigmoid-and-binary-cross-entropy');
    expect(slugify('a'.repeat(50))).toBe('a'.repeat(40));
  });

  it('figureFilename is logit-lab-<widget>-<figure>.<ext>', () => {
    expect(figureFilename('Softmax explorer', 'Probability bars', 'svg')).toBe('logit-lab-softmax-explorer-probability-bars.svg');
    expect(figureFilename('Softmax explorer', '∂', 'png')).toBe('logit-lab-softmax-explorer.png');
  });
});

describe('findFigures', () => {
  it('findFigures names each plot by its aria-label, else its figcaption, and makes names unique', () => {
    const root = mount(`
      <figure><svg class="plot" viewBox="0 0 10 10" aria-label="Logit bars: z1 = 1"></svg><figcaption>Logits z: drag a bar.</figcaption></figure>
      <figure><svg class="plot" viewBox="0 0 10 10"></svg><figcaption>Probabilities p = softmax(z / T).</figcaption></figure>
      <svg class="plot" viewBox="0 0 10 10" aria-label="Probability bars: p1 = 1"></svg>
      <svg class="plot" viewBox="0 0 10 10" aria-label="Probability bars: p1 = 0.5"></svg>
      <svg class="plot" role="slider" aria-label="binary logit z, on the plot of the loss. Binary cross-entropy against z for both labels; at z = 1"></svg>
      <svg class="legend" aria-label="not a plot"></svg>
      <svg class="plot"><svg class="plot inner"></svg></svg>`);
    const figures = findFigures(root);
    expect(figures.map((f) => f.name)).toEqual([
      'Logit bars',
      'Probabilities p = softmax(z / T)',
      'Probability bars',
      'Probability bars (2)',
      'Binary cross-entropy',
      'Figure 6',
    ]);
    expect(figures.every((f) => f.kind === 'svg')).toBe(true);
    root.remove();
  });

  it('findFigures lists a canvas with role img once, without the SVG drawn over it', () => {
    const root = mount(`
      <div class="decision-regions">
        <canvas role="img" aria-label="Decision regions: 3 classes"></canvas>
        <svg class="plot region-points" viewBox="0 0 10 10"></svg>
      </div>
      <canvas aria-label="decorative, no role"></canvas>`);
    const figures = findFigures(root);
    expect(figures.map((f) => [f.kind, f.name])).toEqual([['canvas', 'Decision regions']]);
    root.remove();
  });

  it('findFigures of no root is empty', () => {
    expect(findFigures(null)).toEqual([]);
  });
});

describe('svgSize', () => {
  it('svgSize reads the viewBox, else the width and height attributes', () => {
    const root = mount('<svg viewBox="5 6 360 240"></svg><svg width="80" height="40"></svg><svg viewBox="0 0 0 10" width="7" height="9"></svg>');
    const [a, b, c] = Array.from(root.querySelectorAll('svg'));
    expect(svgSize(a as SVGSVGElement)).toEqual({ x: 5, y: 6, width: 360, height: 240 });
    expect(svgSize(b as SVGSVGElement)).toEqual({ x: 0, y: 0, width: 80, height: 40 });
    expect(svgSize(c as SVGSVGElement)).toEqual({ x: 0, y: 0, width: 7, height: 9 });
    root.remove();
  });
});

describe('inlineStyles', () => {
  it('inlineStyles writes computed values in place of var(--…) and drops hidden elements', () => {
    const root = mount(BARS);
    const svg = root.querySelector('svg') as SVGSVGElement;
    const clone = svg.cloneNode(true) as SVGSVGElement;
    inlineStyles(svg, clone, STYLES);
    const [first, second] = Array.from(clone.querySelectorAll('rect'));
    expect(first?.getAttribute('style')).toBe('fill: rgb(37, 99, 235); stroke: rgba(0, 0, 0, 0); stroke-width: 3px');
    expect(second?.getAttribute('style')).toContain('fill: rgb(217, 119, 6)');
    expect(second?.hasAttribute('fill')).toBe(false);
    expect(clone.querySelector('text')?.getAttribute('style')).toBe(
      'fill: rgb(28, 30, 33); font-family: system-ui, sans-serif; font-weight: 400; text-anchor: middle',
    );
    expect(clone.querySelector('.gone')).toBeNull();
    expect(clone.querySelectorAll('rect')).toHaveLength(2);
    expect(clone.outerHTML).not.toContain('var(');
    // the live figure is left as it was
    expect(svg.querySelector('rect')?.getAttribute('style')).toBe('fill: var(--class-1)');
    expect(svg.querySelector('.gone')).not.toBeNull();
    root.remove();
  });

  it('inlineStyles leaves out what a child inherits anyway, unless an attribute of its own would override it', () => {
    const root = mount(`
      <svg class="plot"><g class="plot"><rect class="same"></rect><rect class="same" fill="red"></rect><rect class="faded"></rect></g></svg>`);
    const svg = root.querySelector('svg') as SVGSVGElement;
    const clone = svg.cloneNode(true) as SVGSVGElement;
    const styles = fakeStyles({
      plot: { fill: 'rgb(0, 0, 0)', opacity: '1', 'font-size': '12px' },
      same: { fill: 'rgb(0, 0, 0)', opacity: '1', 'font-size': '12px' },
      faded: { fill: 'rgb(0, 0, 0)', opacity: '0.5', 'font-size': '12px' },
    });
    inlineStyles(svg, clone, styles);
    // the root carries everything; the group and first rect inherit it all
    expect(clone.getAttribute('style')).toBe('fill: rgb(0, 0, 0); opacity: 1; font-size: 12px');
    expect(clone.querySelector('g')?.hasAttribute('style')).toBe(false);
    const [plain, red, faded] = Array.from(clone.querySelectorAll('rect'));
    expect(plain?.hasAttribute('style')).toBe(false);
    // fill="red" would win in the file, though the page's stylesheet made it black: written out
    expect(red?.getAttribute('style')).toBe('fill: rgb(0, 0, 0)');
    // opacity is not inherited: written where it is not 1
    expect(faded?.getAttribute('style')).toBe('opacity: 0.5');
    root.remove();
  });

  it('inlineStyles leaves out a computed value that still holds an unresolved var(', () => {
    const root = mount('<svg class="plot"><rect class="odd" style="fill: var(--x)"></rect></svg>');
    const svg = root.querySelector('svg') as SVGSVGElement;
    const clone = svg.cloneNode(true) as SVGSVGElement;
    inlineStyles(svg, clone, fakeStyles({ odd: { fill: 'var(--x)' } }));
    expect(clone.querySelector('rect')?.hasAttribute('style')).toBe(false);
    root.remove();
  });
});

describe('standaloneSvg', () => {
  it('standaloneSvg adds xmlns, size, a title, the numbers as desc and a background, and parses as XML', () => {
    const root = mount(BARS);
    root.className = 'probability';
    const svg = root.querySelector('svg') as SVGSVGElement;
    const text = serializeSvg(standaloneSvg(svg, { title: 'Logit Lab: Softmax explorer — Probability bars', styleOf: STYLES }));
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const out = doc.documentElement;
    expect(out.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg[^>]* xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect([out.getAttribute('width'), out.getAttribute('height')]).toEqual(['360', '240']);
    expect(out.firstElementChild?.tagName).toBe('title');
    expect(out.querySelector('title')?.textContent).toBe('Logit Lab: Softmax explorer — Probability bars');
    expect(out.querySelector('desc')?.textContent).toBe('Probability bars: p1 = 0.090, p2 = 0.245, p3 = 0.665');
    const background = out.querySelector('rect.export-background');
    expect(background?.getAttribute('fill')).toBe('rgb(255, 255, 255)');
    expect([background?.getAttribute('width'), background?.getAttribute('height')]).toEqual(['360', '240']);
    expect(out.querySelectorAll('rect.bar')).toHaveLength(2);
    expect(text).not.toContain('var(');
    root.remove();
  });

  it('standaloneSvg drops the live slider attributes and takes a given background', () => {
    const root = mount('<svg class="plot" viewBox="0 0 10 10" role="slider" tabindex="0" aria-valuenow="2" aria-label="z"></svg>');
    const out = standaloneSvg(root.querySelector('svg') as SVGSVGElement, { title: 't', background: '#14161a', styleOf: fakeStyles({}) });
    expect(out.getAttribute('role')).toBe('img');
    expect(out.hasAttribute('tabindex')).toBe(false);
    expect(out.hasAttribute('aria-valuenow')).toBe(false);
    expect(out.querySelector('rect')?.getAttribute('fill')).toBe('#14161a');
    root.remove();
  });
});
