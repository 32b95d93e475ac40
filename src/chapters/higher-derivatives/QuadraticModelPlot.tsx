import { useId, useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { DIGITS, formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { CurvePlot, type Curve } from '../../plots/CurvePlot';
import { CurveLegend } from '../../plots/CurveLegend';
import { useLab } from '../../state/LabContext';
import { useWidgetState } from '../../state/useWidgetState';
import { hessianView } from './hessianMath';
import { direction, quadraticModel, SAMPLES, type DirectionKind } from './quadraticModel';
import { QUADRATIC_STATE, STEP_SPAN } from './higherDerivativesState';

const COLOUR = { truth: 'var(--class-1)', model: 'var(--class-2)' } as const;
const T_TICKS = [-4, -2, 0, 2, 4];
const DIRECTIONS: readonly { value: DirectionKind; label: string }[] = [
  { value: 'top', label: 'the eigenvector of λmax' },
  { value: 'ones', label: '(1, …, 1)' },
  { value: 'coord', label: 'one logit’s axis' },
];

/** A readout value: within rounding of 0 (the slope along (1, …, 1) is a sum of p − y, 10⁻¹⁷ off) it reads 0. */
const n3 = (v: number) => formatNumber(Math.abs(v) < 1e-12 ? 0 : v, DIGITS.value);
const vector = (d: ArrayLike<number>) => `(${Array.from(d, (v) => formatNumber(v, 2)).join(', ')})`;

/**
 * The quadratic model of the loss along a direction d, against the true loss: L(z + td) and
 * L(z) + t·gᵀd + ½t²·dᵀHd over t ∈ [−4, 4], d a unit vector the learner picks (an eigenvector, the
 * direction (1, …, 1), a logit's axis). The plot is a slider on t; the numbers say the curvature dᵀHd
 * and how far the model is off at t and at the ends. Its state (`dir`, `dk`, `t`) is in the URL.
 */
export function QuadraticModelPlot() {
  const logits = useLab((s) => s.logits);
  const labels = useLab((s) => s.labels);
  const [state, update] = useWidgetState(QUADRATIC_STATE);
  const name = useId();
  const C = logits.length;
  const k = Math.min(state.dk, C - 1);

  const view = useMemo(() => hessianView(logits, labels), [logits, labels]);
  const d = useMemo(() => direction(state.dir, k, view), [state.dir, k, view]);
  const model = useMemo(() => quadraticModel(logits, labels, d, view), [logits, labels, d, view]);
  const curves = useMemo(() => {
    const truth = SAMPLES.map((t) => [t, model.truth(t)] as const);
    const quadratic = SAMPLES.map((t) => [t, model.model(t)] as const);
    return { truth, quadratic };
  }, [model]);
  const { yDomain, yTicks } = useMemo(() => {
    const values = [...curves.truth, ...curves.quadratic].map((p) => p[1]);
    const scale = scaleLinear().domain([Math.min(0, ...values), Math.max(...values)]).nice(4);
    const [lo, hi] = scale.domain() as [number, number];
    return { yDomain: [lo, hi === lo ? lo + 1 : hi] as const, yTicks: scale.ticks(4) };
  }, [curves]);

  const t = state.t;
  const truthAt = model.truth(t);
  const modelAt = model.model(t);
  const ends = [-STEP_SPAN, STEP_SPAN].map((s) => model.model(s) - model.truth(s));
  const plotCurves: Curve[] = [
    { id: 'truth', points: curves.truth, colour: COLOUR.truth, emphasis: true },
    { id: 'model', points: curves.quadratic, colour: COLOUR.model, emphasis: false },
  ];
  const label =
    `L(z + t·d) and its quadratic model against t from −4 to 4, d = ${vector(d)}. ` +
    `At t = ${formatNumber(t, 1)}: L = ${n3(truthAt)}, the model ${n3(modelAt)}. ` +
    `Off by ${n3(ends[0] ?? NaN)} at t = −4 and ${n3(ends[1] ?? NaN)} at t = 4.`;

  return (
    <section className="widget quadratic-model" aria-label="Quadratic model along a direction">
      <fieldset className="controls hd-direction">
        <legend>Direction d</legend>
        <div className="hd-choices">
          {DIRECTIONS.map((o) => (
            <label key={o.value} className="hd-choice">
              <input type="radio" name={name} checked={state.dir === o.value} onChange={() => update({ dir: o.value })} />
              {o.label}
            </label>
          ))}
          <label className="hd-choice">
            axis of
            <select value={k} onChange={(e) => update({ dir: 'coord', dk: Number(e.target.value) })} aria-label="the logit whose axis is d">
              {logits.map((_, i) => (
                <option key={i} value={i}>
                  z{i + 1}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="hint">d = {vector(d)}, a unit vector.</p>
      </fieldset>

      <figure className="hd-quadratic-figure">
        <CurvePlot
          label={label}
          xDomain={[-STEP_SPAN, STEP_SPAN]}
          yDomain={yDomain}
          xTicks={T_TICKS}
          yTicks={yTicks}
          xName="step t along d"
          curves={plotCurves}
          markers={[
            { term: term.quadraticModel(), x: t, y: modelAt, colour: COLOUR.model, emphasis: false },
            { term: term.quadraticTrue(), x: t, y: truthAt, colour: COLOUR.truth, emphasis: true },
          ]}
          guideX={t}
          handle={{
            name: 'step t along d',
            value: t,
            min: -STEP_SPAN,
            max: STEP_SPAN,
            step: 0.1,
            valueText: `t = ${formatNumber(t, 1)}`,
            onValue: (v) => update({ t: Math.round(Math.min(STEP_SPAN, Math.max(-STEP_SPAN, v)) * 10) / 10 }),
          }}
        />
        <figcaption>
          <CurveLegend
            items={[
              { colour: COLOUR.truth, text: 'L(z + t·d)' },
              { colour: COLOUR.model, text: 'L + t·gᵀd + ½t²·dᵀHd', dashed: true },
            ]}
          />
        </figcaption>
      </figure>

      <ul className="hd-readout" data-testid="quadratic-readout">
        <li>
          slope g<sup>T</sup>d = <span data-testid="quadratic-slope">{n3(model.slope)}</span>, curvature d<sup>T</sup>Hd/|d|² ={' '}
          <span data-testid="quadratic-curvature">{n3(model.curvature)}</span>
        </li>
        <li data-term={term.quadraticTrue()}>
          at t = {formatNumber(t, 1)}: L = <span data-testid="quadratic-true">{n3(truthAt)}</span>, model{' '}
          <span data-testid="quadratic-model">{n3(modelAt)}</span>
        </li>
        <li>
          model − L at t = −4: <span data-testid="quadratic-error-low">{n3(ends[0] ?? NaN)}</span>, at t = 4:{' '}
          <span data-testid="quadratic-error-high">{n3(ends[1] ?? NaN)}</span>
        </li>
      </ul>
    </section>
  );
}
