/**
 * Where a pointer event falls in an SVG's viewBox units, whatever size CSS gives the SVG: plots draw
 * in viewBox units and their scales invert from them. Without a screen matrix (jsdom), client
 * coordinates are the best there is.
 */
export function viewBoxPoint(svg: SVGSVGElement | null, event: { clientX: number; clientY: number }): { x: number; y: number } {
  const ctm = svg?.getScreenCTM?.();
  if (!ctm) return { x: event.clientX, y: event.clientY };
  const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(ctm.inverse());
  return { x: p.x, y: p.y };
}
