/**
 * An invisible rect the size of its SVG, drawn just before marks that move at every step of a slider
 * (issue 15). Chromium paints an SVG's elements in runs that share a clip or a transform, and works out
 * the whole page's layers again whenever a run's bounds change from one frame to the next: marks drawn
 * after a clipped group or a rotated axis name form a run of their own, whose bounds followed the marks
 * at every step (traces showed one compositor update per step, 0.5 to 1 ms of it at 1×). Drawn first
 * in that run, this rect holds its bounds still. It takes no pointer and has no colour, in any palette:
 * its fill is inline, above any stylesheet's. tests/e2e/layerization.test.ts counts the updates.
 */
export function PaintExtent() {
  return <rect className="paint-extent" width="100%" height="100%" style={{ fill: 'transparent' }} pointerEvents="none" />;
}
