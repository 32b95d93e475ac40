import { scaleBand, scaleLinear } from 'd3-scale';
import { formatNumber } from '../format/formatNumber';
import { YGrid } from './axes';

/** Margins of the bar charts, in viewBox units: room for tick labels left and class labels below. */
export const BAR_MARGIN = { top: 18, right: 8, bottom: 26, left: 34 } as const;

/**
 * The geometry every bar chart shares: one band per class across, the value axis up. d3 computes,
 * React draws.
 */
export function barScales(count: number, domain: readonly [number, number], width: number, height: number) {
  const x = scaleBand<number>()
    .domain(Array.from({ length: count }, (_, i) => i))
    .range([BAR_MARGIN.left, width - BAR_MARGIN.right])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  const y = scaleLinear().domain(domain).range([height - BAR_MARGIN.bottom, BAR_MARGIN.top]);
  return { x, y };
}

interface ValueGridProps {
  ticks: readonly number[];
  y: (v: number) => number;
  width: number;
  digits: number;
}

/** Horizontal grid lines with their values; the line at 0 is the baseline bars stand on. */
export function ValueGrid({ ticks, y, width, digits }: ValueGridProps) {
  return <YGrid ticks={ticks} y={y} left={BAR_MARGIN.left} right={width - BAR_MARGIN.right} label={(t) => formatNumber(t, digits)} />;
}
