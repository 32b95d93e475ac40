import { formatNumber } from '../../format/formatNumber';
import { useMeasuredWidth } from '../../plots/useMeasuredWidth';
import type { Curvature } from './logisticCurvature';
import { gaugeGeometry, THUMB_INSET } from './rateGaugeGeometry';

export interface RateGaugeProps {
  /** the learning-rate slider's range, which the gauge's axis repeats */
  min: number;
  max: number;
  /** the curvature at the current weights, or null when there is no cost */
  curvature: Curvature | null;
}

const LABEL_Y = 10;
const BAND_TOP = 14;
const BAND_HEIGHT = 12;
const AXIS_Y = BAND_TOP + BAND_HEIGHT;
const HEIGHT = 46;
const DECADES = [0.01, 0.1, 1, 10, 100];

/**
 * A scale drawn under the learning-rate slider, on the slider's own log axis, so that its thumb is
 * the marker for η: the band from 1/λmax to 2/λmax and the band beyond 2/λmax, for the curvature at
 * the current weights. As the path moves the bands move; as the slider moves, η crosses them.
 * Decorative: the readout under it says the same numbers in words (curvatureText).
 */
export function RateGauge({ min, max, curvature }: RateGaugeProps) {
  const [box, width] = useMeasuredWidth<HTMLDivElement>(300, 120, 800);
  const { at, end, zigzag, over } = gaugeGeometry(min, max, curvature, width);
  const shown = curvature !== null && curvature.threshold <= max;
  // the label sits over the threshold line, kept inside the gauge
  const labelX = shown ? Math.min(end - 22, Math.max(THUMB_INSET + 22, at(curvature.threshold))) : 0;
  return (
    <div ref={box} className="rate-gauge">
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} width="100%" height={HEIGHT} aria-hidden="true" focusable="false">
        {zigzag && <rect className="rate-gauge-zigzag" x={zigzag.x} y={BAND_TOP} width={zigzag.width} height={BAND_HEIGHT} />}
        {over && <rect className="rate-gauge-over" x={over.x} y={BAND_TOP} width={over.width} height={BAND_HEIGHT} />}
        <line className="rate-gauge-axis" x1={THUMB_INSET} x2={end} y1={AXIS_Y} y2={AXIS_Y} />
        {shown && (
          <g className="rate-gauge-threshold">
            <line x1={at(curvature.threshold)} x2={at(curvature.threshold)} y1={LABEL_Y + 3} y2={AXIS_Y + 4} />
            <text x={labelX} y={LABEL_Y} textAnchor="middle">
              2/λmax
            </text>
          </g>
        )}
        {DECADES.filter((d) => d >= min && d <= max).map((d) => (
          <g key={d} className="tick">
            <line x1={at(d)} x2={at(d)} y1={AXIS_Y} y2={AXIS_Y + 4} />
            <text x={at(d)} y={HEIGHT - 4} textAnchor={d === min ? 'start' : d === max ? 'end' : 'middle'}>
              {formatNumber(d, d < 0.1 ? 2 : d < 1 ? 1 : 0)}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}
