import { useMemo } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { useMeasuredWidth } from '../../plots/useMeasuredWidth';
import { RangeSlider } from '../../controls/RangeSlider';
import { ExponentialPlot } from './ExponentialPlot';
import { useStability } from './StabilityContext';
import { STABILITY_LIMITS } from './stabilityInputs';
import { comparisonCell } from './stabilityMath';
import { Opener } from '../Opener';

/**
 * A probability as this figure writes it. The explorer below prints NaN on purpose, with its reasons;
 * a learner meets this figure before the chapter has said what NaN is, so it writes it in words.
 */
function probabilityText(p: number): string {
  return Number.isNaN(p) ? 'not a number' : formatNumber(p, 3);
}

function Probabilities({ values, testId }: { values: Float64Array; testId: string }) {
  return (
    <span data-testid={testId}>
      [
      {Array.from(values, (p, i) => (
        <span key={i}>
          {i > 0 && ', '}
          <span className={`result result-${Number.isNaN(p) ? 'nan' : 'finite'}`}>{probabilityText(p)}</span>
        </span>
      ))}
      ]
    </span>
  );
}

/**
 * Chapter 10 opens with the failure it is about: slide a logit past ln(DBL_MAX) ≈ 709.78 and the naive
 * softmax of float64 breaks while the max-shifted one does not. It reads and sets the chapter's store,
 * so the logits it moves are the ones every widget below shows (and the overflow explorer keeps them in
 * the address, as it does for its own bars).
 */
export function OverflowOpener() {
  const logits = useStability((s) => s.logits);
  const label = useStability((s) => s.label);
  const setLogit = useStability((s) => s.setLogit);
  const [box, width] = useMeasuredWidth<HTMLDivElement>(640);
  const naive = useMemo(() => comparisonCell(logits, label, 'naive', 'float64'), [logits, label]);
  const stable = useMemo(() => comparisonCell(logits, label, 'stable', 'float64'), [logits, label]);
  const z1 = logits[0] ?? 0;
  const { min, max } = STABILITY_LIMITS;
  return (
    <Opener
      name="Overflow at a glance"
      caption={
        <>
          Slide z₁ past 709.78: e^z₁ overflows float64 and the naive softmax breaks, while the stable one (shifted by
          max z) stays right.
        </>
      }
    >
      <div className="stability-widget stability-opener" ref={box}>
        {/* the e^z plot at the column's full width: halved beside a second plot, its thresholds' labels collide */}
        <ExponentialPlot logits={logits} height={width < 500 ? 150 : 190} />
        <RangeSlider
          label="logit z1 of the opening plot"
          symbol="z"
          subscript={1}
          value={z1}
          min={min}
          max={max}
          step={1}
          digits={Number.isInteger(z1) ? 0 : 1}
          term={term.logit(0)}
          onValue={(value) => setLogit(0, value)}
        />
        <p className="opener-readout">
          naive softmax: p = <Probabilities values={naive.probabilities} testId="opener-naive" />
        </p>
        <p className="opener-readout">
          stable softmax: p = <Probabilities values={stable.probabilities} testId="opener-stable" />
        </p>
      </div>
    </Opener>
  );
}
