import { memo, useId } from 'react';
import { sigmoid } from '../../core/sigmoid';
import { formatNumber } from '../../format/formatNumber';
import { PRE_ACTIVATION_LIMITS } from './lstmState';

const W = 150;
const H = 84;
const M = { left: 6, right: 6, top: 8, bottom: 8 } as const;
const SAMPLES = 61;

interface GateCurveProps {
  activation: 'sigmoid' | 'tanh';
  /** the pre-activation a */
  a: number;
  /** the activation's slope at a, from the core (σ′ or tanh′) */
  slope: number;
  /** the gate's term id, shared with the diagram and the formula */
  term: string;
}

/**
 * A gate's activation, σ(a) or tanh(a), over the sliders' range with the current point and the tangent
 * there, its slope written beside it. A dotted tangent at a = 0 marks the steepest the curve ever is:
 * 1/4 for σ, 1 for tanh. Decorative: the explorer's text states the numbers (aria-hidden).
 */
export const GateCurve = memo(function GateCurve({ activation, a, slope, term }: GateCurveProps) {
  const f = activation === 'sigmoid' ? sigmoid : Math.tanh;
  const [lo, hi] = activation === 'sigmoid' ? [0, 1] : [-1, 1];
  const { min, max } = PRE_ACTIVATION_LIMITS;
  const x = (v: number) => M.left + ((v - min) / (max - min)) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - ((v - lo) / (hi - lo)) * (H - M.top - M.bottom);
  const path = Array.from({ length: SAMPLES }, (_, k) => {
    const v = min + ((max - min) * k) / (SAMPLES - 1);
    return `${k === 0 ? 'M' : 'L'}${x(v).toFixed(1)},${y(f(v)).toFixed(1)}`;
  }).join('');
  // a tangent segment 3 units of a either side, in the plot's own units
  const tangent = (at: number, s: number) => {
    const v = f(at);
    return { x1: x(at - 2), y1: y(v - 2 * s), x2: x(at + 2), y2: y(v + 2 * s) };
  };
  const steepest = activation === 'sigmoid' ? 0.25 : 1;
  // the tangents are clipped to the plot's frame (a steep one would run out past it)
  const clip = `gate-clip-${useId().replace(/:/g, '')}`;
  return (
    <svg className="gate-curve" viewBox={`0 0 ${W} ${H}`} aria-hidden="true" data-term={term}>
      <rect className="plot-area" x={M.left} y={M.top} width={W - M.left - M.right} height={H - M.top - M.bottom} />
      <line className="gate-axis" x1={x(0)} x2={x(0)} y1={M.top} y2={H - M.bottom} />
      <clipPath id={clip}>
        <rect x={M.left} y={M.top} width={W - M.left - M.right} height={H - M.top - M.bottom} />
      </clipPath>
      <g clipPath={`url(#${clip})`}>
        <line className="gate-steepest" {...tangent(0, steepest)} />
        <path className="gate-activation" d={path} />
        <line className="gate-tangent" {...tangent(a, slope)} />
      </g>
      <circle className="gate-point" cx={x(a)} cy={y(f(a))} r={4} />
      <text className="gate-slope" x={W - M.right - 2} y={H - M.bottom - 4} textAnchor="end">
        {activation === 'sigmoid' ? 'σ′' : 'tanh′'} = {formatNumber(slope, 3)}
      </text>
    </svg>
  );
});
