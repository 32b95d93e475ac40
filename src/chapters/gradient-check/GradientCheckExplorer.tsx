import { useCallback, useId, useMemo } from 'react';
import { optimalStep, type DifferenceScheme } from '../../core/gradientCheck';
import { useWidgetState } from '../../state/useWidgetState';
import type { StateOf } from '../../url/stateSchema';
import { formatNumber } from '../../format/formatNumber';
import { LiveFormula } from '../../math/LiveFormula';
import { term } from '../../format/terms';
import { useLab } from '../../state/LabContext';
import { LecturerControl } from '../../controls/LecturerControl';
import { RangeSlider } from '../../controls/RangeSlider';
import { CurveLegend } from '../../plots/CurveLegend';
import { ErrorCurvePlot, type ErrorCurve, type StepMark } from '../../plots/ErrorCurvePlot';
import { EstimateTable, errorText } from './EstimateTable';
import { formatStep, gradientCheckTex, gradientCheckText, valueDigits } from './gradientCheckFormula';
import {
  errorCurves,
  estimateAt,
  estimatesAt,
  layerSize,
  PRECISIONS,
  quantityOf,
  SCHEMES,
  snapExponent,
  STEP_GRID,
  STEP_LIMITS,
  type Quantity,
} from './gradientCheckMath';
import { GRADIENT_CHECK_STATE } from './gradientCheckState';
import { QuantityPicker } from './QuantityPicker';

const COLOUR: Record<DifferenceScheme, string> = { central: 'var(--class-1)', forward: 'var(--class-2)' };

type QuantityFields = Pick<StateOf<typeof GRADIENT_CHECK_STATE>, 'wrt' | 'k' | 'layer' | 'row' | 'col'>;

/** The quantity the state names, its indices brought inside the learner's logits and the layer's size. */
function quantityIn(s: QuantityFields, classes: number): Quantity {
  if (s.wrt === 'logit') return { kind: 'logit', k: Math.min(s.k, classes - 1) };
  const { rows, cols } = layerSize(s.layer);
  return { kind: 'weight', layer: s.layer, row: Math.min(s.row, rows - 1), col: Math.min(s.col, cols - 1) };
}

/** A quantity as state: the other kind's fields go back to their defaults, so the address names one. */
function quantityFields(q: Quantity): QuantityFields {
  const { k, layer, row, col } = GRADIENT_CHECK_STATE;
  return q.kind === 'logit'
    ? { wrt: 'logit', k: q.k, layer: layer.default, row: row.default, col: col.default }
    : { wrt: 'weight', k: k.default, layer: q.layer, row: q.row, col: q.col };
}

/**
 * Chapter 9's explorer: forward and central differences of one scalar function, in float64 and in
 * emulated float32, against its analytic derivative, for every step h on a log grid. Its inputs (which
 * quantity, h, what the formula shows) are its own state, kept in the address (gradientCheckState.ts);
 * the logits and label are the store's.
 */
export function GradientCheckExplorer() {
  const logits = useLab((s) => s.logits);
  const labels = useLab((s) => s.labels);
  const [state, update, mode] = useWidgetState(GRADIENT_CHECK_STATE);
  const { wrt, k, layer, row, col, logh: exponent, scheme, prec: precision } = state;
  // by field, not by state: a step of h must not recompute the curves
  const quantity = useMemo(() => quantityIn({ wrt, k, layer, row, col }, logits.length), [wrt, k, layer, row, col, logits.length]);
  const setQuantity = useCallback((q: Quantity) => update(quantityFields(q)), [update]);
  const setExponent = useCallback((e: number) => update({ logh: snapExponent(e) }), [update]);
  const name = useId();

  const q = useMemo(() => quantityOf(quantity, logits, labels), [quantity, logits, labels]);
  const curves = useMemo(() => errorCurves(q), [q]);
  const h = 10 ** exponent;
  const estimates = useMemo(() => estimatesAt(q, h), [q, h]);
  const shown = estimateAt(q, h, scheme, precision);
  const tex = gradientCheckTex(q, shown);

  const plotCurves: ErrorCurve[] = useMemo(
    () =>
      curves.map((c) => ({
        id: `${c.scheme}-${c.precision}`,
        term: term.differenceError(c.scheme, c.precision),
        colour: COLOUR[c.scheme],
        dashed: c.precision === 'float32',
        errors: c.errors,
      })),
    [curves],
  );
  const marks: StepMark[] = SCHEMES.flatMap((s) =>
    PRECISIONS.map((p) => ({
      id: `${s}-${p}`,
      h: optimalStep(s, p),
      colour: COLOUR[s],
      dashed: p === 'float32',
      text: `${s === 'forward' ? '√' : '∛'}ε${p === 'float64' ? '₆₄' : '₃₂'}`,
      row: s === 'forward' ? (0 as const) : (1 as const),
    })),
  );

  const bests = curves.map((c) => {
    let best = 0;
    c.errors.forEach((v, i) => {
      if (v < (c.errors[best] as number)) best = i;
    });
    return `${c.scheme} ${c.precision} ${errorText(c.errors[best] as number)} at h = ${formatStep(10 ** (STEP_GRID[best] ?? NaN))}`;
  });
  const label =
    `Relative error of the finite-difference estimates of ∂L/∂${q.short} against the step h, ` +
    `both on log scales, h from ${formatStep(10 ** STEP_LIMITS.min)} to ${formatStep(10 ** STEP_LIMITS.max)}. ` +
    `At h = ${formatStep(h)}: ${estimates.map((e) => `${e.scheme} ${e.precision} ${errorText(e.error)}`).join(', ')}. ` +
    `Smallest error on each curve: ${bests.join('; ')}.`;

  const zero = shown.trace.estimate === 0 && q.analytic !== 0;
  const d = valueDigits(precision);

  return (
    <section className="widget gradient-check-widget gradient-check-explorer" aria-label="Finite differences against the step h">
      <QuantityPicker quantity={quantity} classes={logits.length} onQuantity={setQuantity} />

      <figure className="error-figure">
        <ErrorCurvePlot
          label={label}
          exponents={STEP_GRID}
          curves={plotCurves}
          exponent={exponent}
          stepTerm={term.differenceStep()}
          marks={marks}
          onExponent={setExponent}
        />
        <figcaption>
          <CurveLegend
            items={[
              { colour: COLOUR.central, text: 'central, float64' },
              { colour: COLOUR.central, text: 'central, float32', dashed: true },
              { colour: COLOUR.forward, text: 'forward, float64' },
              { colour: COLOUR.forward, text: 'forward, float32', dashed: true },
            ]}
          />
          <span className="marks-note">
            Dotted lines: the best h by theory, √ε for forward and ∛ε for central, with ε = 2⁻⁵² (float64) or 2⁻²³ (float32).
          </span>
        </figcaption>
      </figure>

      <fieldset className="controls">
        <legend>Step</legend>
        <LecturerControl ids={['logh']}>
          <RangeSlider
            label="step h, as a power of ten"
            symbol="h"
            value={exponent}
            min={STEP_LIMITS.min}
            max={STEP_LIMITS.max}
            step={STEP_LIMITS.step}
            digits={2}
            term={term.differenceStep()}
            onValue={setExponent}
          />
        </LecturerControl>
        <p className="hint" data-testid="h-value" aria-live="polite">
          h = 10<sup>{formatNumber(exponent, 2)}</sup> = {formatStep(h)}
        </p>
      </fieldset>

      <EstimateTable estimates={estimates} analytic={q.analytic} symbol={q.short} />
      {q.analytic === 0 && (
        <p className="notice" data-testid="zero-gradient">
          The analytic derivative is exactly 0 here{q.zeroReason ? `: ${q.zeroReason}` : ''}. A relative error has no scale
          then; it reads 0 when the estimate is 0 too, and ∞ otherwise. Pick another weight to see a V.
        </p>
      )}

      {/* a legend over nothing says nothing: the group goes when the lecturer hid both choices */}
      {(mode('scheme') !== 'hidden' || mode('prec') !== 'hidden') && (
        <fieldset className="controls">
          <legend>The formula below shows</legend>
          <LecturerControl ids={['scheme']}>
            <div className="choice-row" role="radiogroup" aria-label="Difference">
              {SCHEMES.map((s) => (
                <label key={s}>
                  <input type="radio" name={`${name}-scheme`} checked={scheme === s} onChange={() => update({ scheme: s })} />
                  {s} difference
                </label>
              ))}
            </div>
          </LecturerControl>
          <LecturerControl ids={['prec']}>
            <div className="choice-row" role="radiogroup" aria-label="Precision">
              {PRECISIONS.map((p) => (
                <label key={p}>
                  <input type="radio" name={`${name}-precision`} checked={precision === p} onChange={() => update({ prec: p })} />
                  {p}
                </label>
              ))}
            </div>
          </LecturerControl>
        </fieldset>
      )}

      <LiveFormula label={`Live formula: ${gradientCheckText(q, shown)}`} lines={[tex.quotient, tex.analytic, tex.error]} />

      {zero && (
        <p className="notice zero-case" data-testid="zero-warning" aria-live="polite">
          {shown.trace.stepLost
            ? `It returns exactly 0: in ${precision}, ${q.short} + h rounds back to ${q.short} = ${formatNumber(shown.trace.x, d)}` +
              `${scheme === 'central' ? `, and so does ${q.short} − h` : ''}. f is evaluated twice at the same input, and the difference of a number with itself is 0.`
            : `It returns exactly 0: ${q.short} + h and ${q.short}${scheme === 'central' ? ' − h' : ''} differ, but f changes by less than the spacing of ${precision} numbers near ${formatNumber(shown.trace.fPlus, 3)}, so both values round to the same number.`}
        </p>
      )}
    </section>
  );
}
