import { useMemo, useState } from 'react';
import { term } from '../../format/terms';
import { useMeasuredWidth } from '../../plots/useMeasuredWidth';
import { useLab } from '../../state/LabContext';
import { RangeSlider } from '../../controls/RangeSlider';
import { errorText, estimateText } from './EstimateTable';
import { ErrorCurvePlot, type ErrorCurve } from '../../plots/ErrorCurvePlot';
import { derivativeText, formatStep } from './gradientCheckFormula';
import { errorCurves, estimateAt, quantityOf, snapExponent, START_EXPONENT, STEP_GRID, STEP_LIMITS } from './gradientCheckMath';
import { GRADIENT_CHECK_STATE } from './gradientCheckState';
import { Opener } from '../Opener';

/** The explorer's starting quantity, the loss as a function of one logit (z₂ by default). */
const START_QUANTITY = { kind: 'logit', k: GRADIENT_CHECK_STATE.k.default } as const;

/**
 * Chapter 9 opens with its V: slide the step h of a central difference and watch its error against
 * the exact derivative fall, then climb. The function is the explorer's starting one, the loss in z₂
 * at the lab's logits and labels (read from the shared store); the explorer keeps h in the address, as
 * its own widget state, so this figure keeps its h locally and starts where the explorer does.
 */
export function GradientCheckOpener() {
  const logits = useLab((s) => s.logits);
  const labels = useLab((s) => s.labels);
  const [exponent, setExponent] = useState(START_EXPONENT);
  const [box, width] = useMeasuredWidth<HTMLDivElement>(640);
  const q = useMemo(() => quantityOf(START_QUANTITY, logits, labels), [logits, labels]);
  const central = useMemo(() => errorCurves(q).find((c) => c.scheme === 'central' && c.precision === 'float64'), [q]);
  const curves: ErrorCurve[] = useMemo(
    () =>
      central
        ? [{ id: 'central-float64', term: term.differenceError('central', 'float64'), colour: 'var(--class-1)', dashed: false, errors: central.errors }]
        : [],
    [central],
  );
  const h = 10 ** exponent;
  const shown = estimateAt(q, h, 'central', 'float64');
  const onExponent = (e: number) => setExponent(snapExponent(e));
  const label =
    `Relative error of the central difference of ∂L/∂${q.short} against the step h, both on log scales, ` +
    `h from ${formatStep(10 ** STEP_LIMITS.min)} to ${formatStep(10 ** STEP_LIMITS.max)}. ` +
    `At h = ${formatStep(h)}: estimate ${estimateText(shown.trace.estimate)}, exact ${derivativeText(q.analytic)}, ` +
    `relative error ${errorText(shown.error)}.`;
  return (
    <Opener
      name="The step of a finite difference at a glance"
      caption={
        <>
          Slide h: the central difference’s error falls as h shrinks, then climbs again once rounding takes over.
        </>
      }
    >
      <div className="gradient-check-widget gradient-check-opener" ref={box}>
        <ErrorCurvePlot
          label={label}
          exponents={STEP_GRID}
          curves={curves}
          exponent={exponent}
          stepTerm={term.differenceStep()}
          marks={[]}
          onExponent={onExponent}
          // a phone's figure, slider and readout included, stays within its first screen under the title
          height={width < 500 ? 140 : 170}
        />
        <RangeSlider
          label="step h of the opening plot, as a power of ten"
          symbol="h"
          value={exponent}
          min={STEP_LIMITS.min}
          max={STEP_LIMITS.max}
          step={STEP_LIMITS.step}
          digits={2}
          valueText={formatStep(h)}
          term={term.differenceStep()}
          onValue={onExponent}
        />
        <p className="opener-readout" aria-live="polite">
          ∂L/∂{q.short}: central difference <span data-testid="opener-estimate">{estimateText(shown.trace.estimate)}</span>
          {' · '}exact <span data-testid="opener-exact">{derivativeText(q.analytic)}</span>
          {' · '}relative error <span data-testid="opener-error">{errorText(shown.error)}</span>
        </p>
      </div>
    </Opener>
  );
}
