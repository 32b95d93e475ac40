/**
 * An SVG figure made to stand alone: every style that matters written onto its elements (CSS
 * variables resolved in the current colour scheme), a background, a title; then serialized as a file.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

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
