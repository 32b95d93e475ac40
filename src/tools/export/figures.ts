/**
 * Figures out of a widget, as files a learner or lecturer can keep: an SVG that looks the same
 * outside the page (every style that matters written onto its elements, CSS variables resolved in the
 * current colour scheme) and a PNG at twice the figure's size. The DOM work is here, the React control
 * in FigureExport.tsx; nothing here reads a store.
 */

export type FigureKind = 'svg' | 'canvas';

export interface Figure {
  readonly kind: FigureKind;
  readonly element: SVGSVGElement | HTMLCanvasElement;
  /** short and unique within the widget: "Probability bars", "Decision regions (2)" */
  readonly name: string;
}

/** The computed properties written onto every element of an exported SVG. */
export const INLINED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
const NAME_LIMIT = 48;

/** Beyond this many characters, "X of Y" or "X against Y" is named X. */
const LONG_NAME = 32;

/**
 * The first sentence or clause of a label: "Probability bars: p1 = 0.090, …" → "Probability bars"; a
 * long "Decision regions of the network over …" → "Decision regions", "Binary cross-entropy against z
 * for both labels" → "Binary cross-entropy".
 */
export function shortName(label: string): string {
  const text = label.replace(/\s+/g, ' ').trim();
  const cut = text.search(/:|\.\s|\.$|;|,| — | – /);
  let head = (cut > 0 ? text.slice(0, cut) : text).trim();
  if (head.length > LONG_NAME) {
    const joint = head.search(/ of | against /);
    if (joint > 0) head = head.slice(0, joint);
  }
  return head.length > NAME_LIMIT ? `${head.slice(0, NAME_LIMIT - 1).trimEnd()}…` : head;
}

/**
 * A figure's own name, from its aria-label (the words before its numbers), else its figcaption. A plot
 * that is itself a slider begins its label with the handle's name ("binary logit z, on the plot of the
 * loss. Binary cross-entropy against z …"), so its figure is named from the sentence after that.
 */
export function figureLabel(element: Element): string {
  let label = (element.getAttribute('aria-label') ?? element.querySelector(':scope > title')?.textContent ?? '').trim();
  if (element.getAttribute('role') === 'slider') {
    const rest = label.indexOf('. ');
    label = rest > 0 ? label.slice(rest + 2) : '';
  }
  return shortName(label) || shortName(element.closest('figure')?.querySelector('figcaption')?.textContent ?? '');
}

const SLUG_LIMIT = 40;

/** Lower-case words joined by hyphens, ASCII only, at most 40 characters of whole words: safe in a file name anywhere. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= SLUG_LIMIT) return slug;
  const cut = slug.slice(0, SLUG_LIMIT + 1).lastIndexOf('-');
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, SLUG_LIMIT);
}

/** `logit-lab-<widget>-<figure>.<ext>`, e.g. `logit-lab-softmax-explorer-probability-bars.svg`. */
export function figureFilename(widgetTitle: string, figureName: string, extension: 'svg' | 'png'): string {
  const parts = ['logit-lab', slugify(widgetTitle), slugify(figureName)].filter(Boolean);
  return `${parts.join('-')}.${extension}`;
}

/** SVGs drawn over a canvas figure in the same box (points over decision regions): its overlays. */
export function canvasOverlays(canvas: HTMLCanvasElement): SVGSVGElement[] {
  const parent = canvas.parentElement;
  if (!parent) return [];
  return Array.from(parent.children).filter((child): child is SVGSVGElement => child instanceof SVGSVGElement);
}

/**
 * Every figure in a widget, in document order: each `svg.plot` that is not inside another plot or
 * drawn over a canvas, and each `canvas[role="img"]`. Names are made unique with "(2)", "(3)".
 */
export function findFigures(root: ParentNode | null): Figure[] {
  if (!root) return [];
  const overlays = new Set<Element>();
  for (const canvas of Array.from(root.querySelectorAll<HTMLCanvasElement>('canvas[role="img"]'))) {
    for (const svg of canvasOverlays(canvas)) overlays.add(svg);
  }
  const elements = Array.from(root.querySelectorAll<SVGSVGElement | HTMLCanvasElement>('svg.plot, canvas[role="img"]')).filter(
    (element) => !overlays.has(element) && !(element instanceof SVGSVGElement && element.parentElement?.closest('svg')),
  );
  const seen = new Map<string, number>();
  return elements.map((element, i) => {
    const base = figureLabel(element) || `Figure ${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const name = count === 1 ? base : `${base} (${count})`;
    return { kind: element instanceof HTMLCanvasElement ? 'canvas' : 'svg', element, name };
  });
}

/** The SVG's size in its own units, from its viewBox (else its width/height attributes, else its box). */
export function svgSize(svg: SVGSVGElement): { x: number; y: number; width: number; height: number } {
  const parts = (svg.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  if (parts.length === 4 && parts.every(Number.isFinite) && (parts[2] ?? 0) > 0 && (parts[3] ?? 0) > 0) {
    const [x = 0, y = 0, width = 0, height = 0] = parts;
    return { x, y, width, height };
  }
  const width = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width || 300;
  const height = Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height || 150;
  return { x: 0, y: 0, width, height };
}

type StyleOf = (element: Element) => Pick<CSSStyleDeclaration, 'getPropertyValue'>;

const defaultStyleOf: StyleOf = (element) => getComputedStyle(element);

/** Of INLINED_PROPERTIES, the one a child does not inherit from its parent (and its initial value). */
const NOT_INHERITED: Readonly<Record<string, string>> = { opacity: '1' };

/**
 * Writes the computed value of every INLINED_PROPERTIES property of each source element onto the
 * matching element of its clone (the trees walked in step), replacing the clone's own `style`
 * attribute, whose `var(--…)` would mean nothing outside the page. A value the element would inherit
 * anyway (the same as its parent's, with no presentation attribute of its own to override it) is left
 * out, so the file stays small and readable. Elements whose computed display is none are removed.
 */
export function inlineStyles(source: Element, clone: Element, styleOf: StyleOf = defaultStyleOf): void {
  const sources = [source, ...Array.from(source.querySelectorAll('*'))];
  const clones = [clone, ...Array.from(clone.querySelectorAll('*'))];
  const styles = new Map<Element, Pick<CSSStyleDeclaration, 'getPropertyValue'>>();
  const valueOf = (element: Element, property: string) => {
    let style = styles.get(element);
    if (!style) {
      style = styleOf(element);
      styles.set(element, style);
    }
    return style.getPropertyValue(property).trim();
  };
  const hidden: Element[] = [];
  sources.forEach((element, i) => {
    const target = clones[i];
    if (!target || target.tagName !== element.tagName) return;
    if (valueOf(element, 'display') === 'none') {
      hidden.push(target);
      return;
    }
    const parent = element === source ? null : element.parentElement;
    const declarations: string[] = [];
    for (const property of INLINED_PROPERTIES) {
      const value = valueOf(element, property);
      if (!value || value.includes('var(')) continue;
      const initial = NOT_INHERITED[property];
      const implied =
        initial !== undefined ? value === initial && parent !== null : parent !== null && valueOf(parent, property) === value;
      if (implied && !target.hasAttribute(property)) continue;
      declarations.push(`${property}: ${value}`);
    }
    if (declarations.length > 0) target.setAttribute('style', declarations.join('; '));
    else target.removeAttribute('style');
    for (const attribute of ['fill', 'stroke']) {
      if (target.getAttribute(attribute)?.includes('var(')) target.removeAttribute(attribute);
    }
  });
  for (const element of hidden) element.remove();
}

/** The colour the figure is seen on: the first ancestor with an opaque background, else white. */
export function backgroundBehind(element: Element, styleOf: StyleOf = defaultStyleOf): string {
  for (let e: Element | null = element; e; e = e.parentElement) {
    const colour = styleOf(e).getPropertyValue('background-color').trim();
    if (colour && colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return '#ffffff';
}

export interface SvgExportOptions {
  /** what the file's <title> says, e.g. "Logit Lab: Softmax explorer — Probability bars" */
  readonly title: string;
  /** the background rect's colour; found behind the figure unless given */
  readonly background?: string;
  readonly styleOf?: StyleOf;
}

/**
 * A standalone copy of a live SVG: styles inlined, `xmlns`, width and height from the viewBox, a
 * <title> (and the figure's aria-label, with its numbers, as <desc>), and a background rect.
 */
export function standaloneSvg(svg: SVGSVGElement, { title, background, styleOf = defaultStyleOf }: SvgExportOptions): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone, styleOf);
  const doc = clone.ownerDocument;
  const { x, y, width, height } = svgSize(svg);
  clone.setAttribute('viewBox', `${x} ${y} ${width} ${height}`);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  for (const attribute of ['tabindex', 'aria-hidden', 'aria-valuenow', 'aria-valuemin', 'aria-valuemax', 'aria-valuetext']) {
    clone.removeAttribute(attribute);
  }
  if (clone.getAttribute('role') !== 'img') clone.setAttribute('role', 'img');
  clone.querySelectorAll(':scope > title, :scope > desc').forEach((e) => e.remove());
  const rect = doc.createElementNS(SVG_NS, 'rect');
  rect.setAttribute('x', String(x));
  rect.setAttribute('y', String(y));
  rect.setAttribute('width', String(width));
  rect.setAttribute('height', String(height));
  rect.setAttribute('fill', background ?? backgroundBehind(svg, styleOf));
  rect.setAttribute('class', 'export-background');
  const label = svg.getAttribute('aria-label')?.trim();
  const titleElement = doc.createElementNS(SVG_NS, 'title');
  titleElement.textContent = title;
  const nodes: Element[] = [titleElement];
  if (label) {
    const desc = doc.createElementNS(SVG_NS, 'desc');
    desc.textContent = label;
    nodes.push(desc);
  }
  nodes.push(rect);
  clone.prepend(...nodes);
  clone.setAttribute('aria-label', title);
  return clone;
}

/**
 * The standalone SVG as the text of a .svg file. The serializer writes `xmlns` for an element in the
 * SVG namespace by itself (setting it as an attribute too made jsdom write it twice).
 */
export function serializeSvg(svg: SVGSVGElement): string {
  const serialized = new XMLSerializer().serializeToString(svg);
  const text = /^<svg[^>]*\sxmlns="/.test(serialized) ? serialized : serialized.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`;
}

/** Device pixels per SVG unit in a PNG: twice the figure's size, crisp on a projector or a slide. */
export const PNG_SCALE = 2;

/** Draws SVG text into a context at (x, y, width, height) through an Image of a blob URL. */
async function drawSvgText(context: CanvasRenderingContext2D, text: string, x: number, y: number, width: number, height: number): Promise<void> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the figure could not be drawn as an image'));
    });
    image.src = url;
    await loaded;
    context.drawImage(image, x, y, width, height);
  } finally {
    URL.revokeObjectURL(url);
  }
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser gave no PNG for the figure'))), 'image/png');
  });
}

/** A PNG of a standalone SVG (from standaloneSvg) at PNG_SCALE device pixels per unit. */
export async function svgToPng(svg: SVGSVGElement): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * PNG_SCALE);
  canvas.height = Math.round(height * PNG_SCALE);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw a PNG');
  await drawSvgText(context, serializeSvg(svg), 0, 0, canvas.width, canvas.height);
  return canvasToBlob(canvas);
}

/**
 * A PNG of a canvas figure at its own resolution, with the SVGs drawn over it on the page (points,
 * axes) composited on top where they line up with it.
 */
export async function canvasToPng(canvas: HTMLCanvasElement, title: string): Promise<Blob> {
  const overlays = canvasOverlays(canvas);
  if (overlays.length === 0) return canvasToBlob(canvas);
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const context = out.getContext('2d');
  if (!context) throw new Error('this browser cannot draw a PNG');
  context.fillStyle = backgroundBehind(canvas);
  context.fillRect(0, 0, out.width, out.height);
  context.drawImage(canvas, 0, 0);
  const box = canvas.getBoundingClientRect();
  const sx = box.width > 0 ? out.width / box.width : 1;
  const sy = box.height > 0 ? out.height / box.height : 1;
  for (const overlay of overlays) {
    const r = overlay.getBoundingClientRect();
    const standalone = standaloneSvg(overlay, { title, background: 'transparent' });
    await drawSvgText(context, serializeSvg(standalone), (r.left - box.left) * sx, (r.top - box.top) * sy, r.width * sx, r.height * sy);
  }
  return canvasToBlob(out);
}
