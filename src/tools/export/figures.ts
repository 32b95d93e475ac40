/**
 * Figures out of a widget, as files a learner or lecturer can keep: an SVG that looks the same
 * outside the page (standaloneSvg.ts) and a PNG at twice the figure's size (figurePng.ts). This file
 * finds a widget's figures and names them (figureNames.ts); the React control is FigureExport.tsx;
 * nothing here reads a store.
 */

import { figureLabel } from './figureNames';

export type FigureKind = 'svg' | 'canvas';

export interface Figure {
  readonly kind: FigureKind;
  readonly element: SVGSVGElement | HTMLCanvasElement;
  /** short and unique within the widget: "Probability bars", "Decision regions (2)" */
  readonly name: string;
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
