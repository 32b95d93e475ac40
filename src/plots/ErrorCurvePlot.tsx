import { useMemo, useRef, type PointerEvent } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { formatNumber } from '../format/formatNumber';
import { useMeasuredWidth } from './useMeasuredWidth';
import { viewBoxPoint } from './viewBoxPoint';
import { XGrid, YGrid } from './axes';

export interface ErrorCurve {
  id: string;
  /** the term id its marker shares with the formula */
  term: string;
  colour: string;
  dashed: boolean;
  /** relative error at each exponent of the grid; 0 and ∞ are allowed and drawn at the floor and the ceiling */
  errors: ArrayLike<number>;
}

export interface StepMark {
  id: string;
  h: number;
  colour: string;
  dashed: boolean;
  /** a glyph or two above the plot: "√ε₆₄", "∛ε₃₂" */
  text: string;
  /** which of two rows of labels above the plot (0 nearest), so that close marks do not collide */
  row: 0 | 1;
}

interface ErrorCurvePlotProps {
  /** the text alternative, with the current numbers */
  label: string;
  /** the grid: h = 10^exponents[i] */
  exponents: readonly number[];
  curves: readonly ErrorCurve[];
  /** the learner's h, as an exponent on the grid */
  exponent: number;
  stepTerm: string;
  marks: readonly StepMark[];
  /** a pointer on the plot picks h (the slider is the keyboard's way to it) */
  onExponent(exponent: number): void;
  /** the plot's height in CSS pixels; by default 280 on a phone, 330 wider (a chapter's opener draws it flatter) */
  height?: number;
}

/** Errors are drawn between 10⁻¹⁶ and 10⁴; an exact 0 on a floor line below, anything above 10⁴ on the top edge. */
export const ERROR_DOMAIN = [1e-16, 1e4] as const;
const Y_TICKS = [1e-16, 1e-12, 1e-8, 1e-4, 1, 1e4];
const M = { top: 38, right: 14, bottom: 40, left: 52 } as const;
/** the floor line for "exactly 0", this far below the axis's bottom */
const FLOOR_GAP = 14;

/** "10⁻⁸" rather than "1 × 10⁻⁸": the one formatter's scientific form without its mantissa of 1. */
function decade(v: number): string {
  return formatNumber(v, 0).replace(/^1 × /, '');
}

/**
 * Relative error against h on log-log axes, one curve per scheme and precision: d3 makes the scales and
 * paths, React draws. Log axes cannot show 0 (it is −∞ there), so an exact 0 is drawn on a floor line
 * labelled "exactly 0"; an error above the top (or ∞) sits on the top edge. Props in, SVG out.
 */
export function ErrorCurvePlot({ label, exponents, curves, exponent, stepTerm, marks, onExponent, height: fixedHeight }: ErrorCurvePlotProps) {
  const [box, width] = useMeasuredWidth<HTMLDivElement>(640);
  const height = fixedHeight ?? (width < 500 ? 280 : 330);
  // the two rows of step labels need room above the plot; without marks the plot takes it
  const top = marks.length > 0 ? M.top : 12;
  const svgRef = useRef<SVGSVGElement>(null);
  const dragging = useRef(false);
  const first = exponents[0] ?? -16;
  const last = exponents[exponents.length - 1] ?? -1;
  const bottom = height - M.bottom;
  const floor = bottom + FLOOR_GAP;

  const x = scaleLog().domain([10 ** first, 10 ** last]).range([M.left, width - M.right]);
  const y = scaleLog().domain(ERROR_DOMAIN).range([bottom, top]).clamp(true);
  const yOf = (error: number) => (error === 0 ? floor : y(Number.isFinite(error) ? Math.max(error, ERROR_DOMAIN[0]) : ERROR_DOMAIN[1]));

  const paths = useMemo(() => {
    const px = scaleLinear().domain([first, last]).range([M.left, width - M.right]);
    const py = scaleLog().domain(ERROR_DOMAIN).range([height - M.bottom, top]).clamp(true);
    const zeroAt = height - M.bottom + FLOOR_GAP;
    const path = line<number>()
      .x((_, i) => px(exponents[i] ?? first))
      .y((v) => (v === 0 ? zeroAt : py(Number.isFinite(v) ? Math.max(v, ERROR_DOMAIN[0]) : ERROR_DOMAIN[1])));
    return curves.map((c) => path(Array.from(c.errors)) ?? '');
  }, [curves, exponents, first, last, width, height, top]);

  const at = Math.max(0, exponents.findIndex((e) => Math.abs(e - exponent) < 1e-9));
  const h = 10 ** exponent;

  const exponentAt = (event: PointerEvent) => Math.log10(x.invert(viewBoxPoint(svgRef.current, event).x));
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    event.currentTarget.setPointerCapture?.(event.pointerId);
    dragging.current = true;
    onExponent(exponentAt(event));
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (dragging.current) onExponent(exponentAt(event));
  };
  const stop = () => {
    dragging.current = false;
  };

  // every third decade, every fifth on a phone, always ending on the last one
  const every = width < 500 ? 5 : 3;
  const xTicks = exponents.filter((e) => Number.isInteger(e) && (last - e) % every === 0).map((e) => 10 ** e);
  return (
    <div ref={box} className="error-plot-box">
      <svg
        ref={svgRef}
        className="plot error-curve-plot"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-label={label}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={stop}
        onPointerCancel={stop}
      >
        <rect className="plot-area" x={M.left} y={top} width={width - M.left - M.right} height={bottom - top} />
        <YGrid ticks={Y_TICKS} y={y} left={M.left} right={width - M.right} label={decade} zeroAt={null} />
        <g className="tick floor-tick">
          <line className="floor-line" x1={M.left} x2={width - M.right} y1={floor} y2={floor} />
          <text x={M.left - 6} y={floor} dy="0.32em" textAnchor="end">
            0
          </text>
          <text className="floor-label" x={width - M.right - 4} y={floor - 4} textAnchor="end">
            exactly 0
          </text>
        </g>
        <XGrid ticks={xTicks} x={x} top={top} bottom={bottom} labelY={floor + 14} label={decade} zeroAt={null} />
        <text className="axis-name" x={(M.left + width - M.right) / 2} y={height - 2} textAnchor="middle">
          step h (log scale)
        </text>
        <text className="axis-name" transform={`translate(12 ${(top + bottom) / 2}) rotate(-90)`} textAnchor="middle">
          relative error
        </text>
        {marks.map((m) => (
          <g key={m.id} className="best-step">
            <line
              x1={x(m.h)}
              x2={x(m.h)}
              y1={M.top - 4}
              y2={bottom}
              style={{ stroke: m.colour }}
              strokeDasharray={m.dashed ? '1 4' : '1 2'}
            />
            <text x={x(m.h)} y={M.top - 8 - 13 * m.row} textAnchor="middle" style={{ fill: m.colour }}>
              {m.text}
            </text>
          </g>
        ))}
        {curves.map((c, i) => (
          <path
            key={c.id}
            className="error-curve"
            d={paths[i]}
            style={{ stroke: c.colour }}
            strokeDasharray={c.dashed ? '6 4' : undefined}
          />
        ))}
        <line className="step-guide" data-term={stepTerm} x1={x(h)} x2={x(h)} y1={top} y2={floor} />
        {curves.map((c) => {
          const error = c.errors[at] ?? NaN;
          return (
            <circle
              key={c.id}
              className="error-marker"
              data-term={c.term}
              data-value={error}
              cx={x(h)}
              cy={yOf(error)}
              r={c.dashed ? 4.5 : 6}
              style={{ fill: c.dashed ? 'var(--surface)' : c.colour, stroke: c.colour }}
            />
          );
        })}
      </svg>
    </div>
  );
}
