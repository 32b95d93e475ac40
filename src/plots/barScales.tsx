import { niceTicks } from './niceTicks';
import { formatNumber } from '../format/formatNumber';
import { YGrid } from './axes';

/** Margins of the bar charts, in viewBox units: room for tick labels left and class labels below. */
export const BAR_MARGIN = { top: 18, right: 8, bottom: 26, left: 34 } as const;

/** One band per class across: where band `i` starts (undefined for a class the chart does not have), and its width. */
export interface BandScale {
  (i: number): number | undefined;
  bandwidth(): number;
}

/** The value axis up: a value's height on the chart, a height's value, and round values to label. */
export interface LinearScale {
  (v: number): number;
  invert(px: number): number;
  ticks(count: number): number[];
}

const PADDING_INNER = 0.25;
const PADDING_OUTER = 0.15;

/**
 * The geometry every bar chart shares: one band per class across, the value axis up. The arithmetic
 * is d3-scale's band and linear scales (centred bands, inner padding a quarter of a step, outer
 * padding 0.15 of one; ticks as d3-array's, niceTicks.ts), written out here because d3-scale and the colour,
 * interpolation and number-format modules it brings are a tenth of the first chapter's download, and
 * a bar chart uses none of them.
 */
export function barScales(count: number, domain: readonly [number, number], width: number, height: number): { x: BandScale; y: LinearScale } {
  const left = BAR_MARGIN.left;
  const right = width - BAR_MARGIN.right;
  const step = (right - left) / Math.max(1, count - PADDING_INNER + PADDING_OUTER * 2);
  const start = left + (right - left - step * (count - PADDING_INNER)) / 2;
  const bandwidth = step * (1 - PADDING_INNER);
  const x = Object.assign((i: number) => (Number.isInteger(i) && i >= 0 && i < count ? start + step * i : undefined), {
    bandwidth: () => bandwidth,
  });

  const [d0, d1] = domain;
  const r0 = height - BAR_MARGIN.bottom;
  const r1 = BAR_MARGIN.top;
  const y = Object.assign((v: number) => lerp(r0, r1, fraction(d0, d1, v)), {
    invert: (px: number) => lerp(d0, d1, fraction(r0, r1, px)),
    ticks: (n: number) => niceTicks(d0, d1, n),
  });
  return { x, y };
}

/** Where `v` lies from `a` to `b` (0 at a, 1 at b); the middle when the two are one point, as d3 does. */
function fraction(a: number, b: number, v: number): number {
  return b - a ? (v - a) / (b - a) : 0.5;
}

function lerp(a: number, b: number, t: number): number {
  return a * (1 - t) + b * t;
}

interface ValueGridProps {
  ticks: readonly number[];
  y: (v: number) => number;
  width: number;
  digits: number;
}

/**
 * An opaque ground the size of the plot, drawn first, in the colour of the widget it sits on, so it
 * looks like nothing. It is there for Chromium. In a trace, a keyboard step that moved a bar, with
 * nothing opaque behind the bars, had Chromium work out the whole page's compositing layers again at
 * every step (a PaintArtifactCompositor update, about 0.5 ms at 1× on #/softmax and on either
 * prediction exercise); with the ground the trace shows none (tests/e2e/layerization.test.ts). The
 * likely reason, not proven: Chromium keeps the largest opaque rectangle of each run of painting, and
 * the moving bar was that rectangle.
 */
export function PlotGround() {
  return <rect className="plot-ground" width="100%" height="100%" />;
}

/**
 * The ground, then horizontal grid lines with their values; the line at 0 is the baseline bars stand
 * on. Drawn first in every bar plot: the ground covers whatever comes before it.
 */
export function ValueGrid({ ticks, y, width, digits }: ValueGridProps) {
  return (
    <>
      <PlotGround />
      <YGrid ticks={ticks} y={y} left={BAR_MARGIN.left} right={width - BAR_MARGIN.right} label={(t) => formatNumber(t, digits)} />
    </>
  );
}
