import { useId, useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { DIGITS, formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { CurvePlot, type Curve } from '../../plots/CurvePlot';
import { CurveLegend } from '../../plots/CurveLegend';
import { useLab } from '../../state/LabContext';
import { useWidgetState } from '../../state/useWidgetState';
import { hessianView } from './hessianMath';
import { direction, quadraticModel, SAMPLES, topIsRepeated, type DirectionKind } from './quadraticModel';
import { QUADRATIC_STATE, STEP_SPAN } from './higherDerivativesState';

const COLOUR = { truth: 'var(--class-1)', model: 'var(--class-2)', cubic: 'var(--class-3)' } as const;
const S_TICKS = [-4, -2, 0, 2, 4];

/** The choices of d: two named directions, then one radio per logit's axis (one control for one choice). */
function directions(C: number): { dir: DirectionKind; dk: number; label: string }[] {
  return [
    { dir: 'top', dk: 0, label: 'the eigenvector of λmax' },
    { dir: 'ones', dk: 0, label: '(1, …, 1)' },
    ...Array.from({ length: C }, (_, k) => ({ dir: 'coord' as const, dk: k, label: `the axis of z${k + 1}` })),
  ];
}

/** A readout value: within rounding of 0 (the slope along (1, …, 1) is a sum of p − y, 10⁻¹⁷ off) it reads 0. */
const n3 = (v: number) => formatNumber(Math.abs(v) < 1e-12 ? 0 : v, DIGITS.value);
const vector = (d: ArrayLike<number>) => `(${Array.from(d, (v) => formatNumber(v, 2)).join(', ')})`;

/**
 * The quadratic model of the loss along a direction d, against the true loss: L(z + sd) and
 * L(z) + s·gᵀd + ½s²·dᵀHd over s ∈ [−4, 4], d a unit vector the learner picks (an eigenvector, the
 * direction (1, …, 1), a logit's axis), and the cubic model that adds the third derivative's term
 * ⅙s³·Σ T d d d. The plot is a slider on the step s (not t: t is the true class); the numbers say the
 * curvature dᵀHd, the third derivative along d, and how far each model is off at s and at the ends. Its
 * state (`dir`, `dk`, and the step under the key `t`, kept so that older links still open) is in the URL.
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
    const truth = SAMPLES.map((x) => [x, model.truth(x)] as const);
    const quadratic = SAMPLES.map((x) => [x, model.model(x)] as const);
    const cubic = SAMPLES.map((x) => [x, model.cubic(x)] as const);
    return { truth, quadratic, cubic };
  }, [model]);
  // the y range fits the loss and the quadratic model; the cubic one, which can run off far out, is clipped
  const { yDomain, yTicks } = useMemo(() => {
    const values = [...curves.truth, ...curves.quadratic].map((p) => p[1]);
    const scale = scaleLinear().domain([Math.min(0, ...values), Math.max(...values)]).nice(4);
    const [lo, hi] = scale.domain() as [number, number];
    return { yDomain: [lo, hi === lo ? lo + 1 : hi] as const, yTicks: scale.ticks(4) };
  }, [curves]);

  const step = state.t;
  const truthAt = model.truth(step);
  const modelAt = model.model(step);
  const cubicAt = model.cubic(step);
  const ends = [-STEP_SPAN, STEP_SPAN].map((x) => model.model(x) - model.truth(x));
  const cubicEnds = [-STEP_SPAN, STEP_SPAN].map((x) => model.cubic(x) - model.truth(x));
  const repeated = state.dir === 'top' && topIsRepeated(view);
  const plotCurves: Curve[] = [
    { id: 'truth', points: curves.truth, colour: COLOUR.truth, emphasis: true },
    { id: 'model', points: curves.quadratic, colour: COLOUR.model, emphasis: false },
    { id: 'cubic', points: curves.cubic, colour: COLOUR.cubic, emphasis: false },
  ];
  const label =
    `L(z + s·d), its quadratic model and its cubic model against s from −4 to 4, d = ${vector(d)}. ` +
    `At s = ${formatNumber(step, 1)}: L = ${n3(truthAt)}, the quadratic model ${n3(modelAt)}, the cubic model ${n3(cubicAt)}. ` +
    `Quadratic model − L = ${n3(ends[0] ?? NaN)} at s = −4 and ${n3(ends[1] ?? NaN)} at s = 4; ` +
    `cubic model − L = ${n3(cubicEnds[0] ?? NaN)} at s = −4 and ${n3(cubicEnds[1] ?? NaN)} at s = 4.`;

  return (
    <section className="widget quadratic-model" aria-label="Quadratic model along a direction">
      <fieldset className="controls hd-direction">
        <legend>Direction d</legend>
        <div className="hd-choices">
          {directions(C).map((o) => (
            <label key={`${o.dir}-${o.dk}`} className="hd-choice">
              <input
                type="radio"
                name={name}
                checked={state.dir === o.dir && (o.dir !== 'coord' || k === o.dk)}
                onChange={() => update(o.dir === 'coord' ? { dir: o.dir, dk: o.dk } : { dir: o.dir })}
              />
              {o.label}
            </label>
          ))}
        </div>
        <p className="hint" data-testid="quadratic-direction">
          d = {vector(d)}, a unit vector.
          {repeated ? ' Here λmax is repeated (equal logits): every unit vector of its eigenspace is an eigenvector, and the one shown can jump as a logit moves.' : ''}
        </p>
      </fieldset>

      <figure className="hd-quadratic-figure">
        <CurvePlot
          label={label}
          xDomain={[-STEP_SPAN, STEP_SPAN]}
          yDomain={yDomain}
          xTicks={S_TICKS}
          yTicks={yTicks}
          xName="step s along d"
          curves={plotCurves}
          // the true loss's larger marker first, so that the models' smaller ones stay visible on top of it
          markers={[
            { term: term.quadraticTrue(), x: step, y: truthAt, colour: COLOUR.truth, emphasis: true },
            { term: term.quadraticCubic(), x: step, y: cubicAt, colour: COLOUR.cubic, emphasis: false },
            { term: term.quadraticModel(), x: step, y: modelAt, colour: COLOUR.model, emphasis: false },
          ]}
          guideX={step}
          handle={{
            name: 'step s along d',
            value: step,
            min: -STEP_SPAN,
            max: STEP_SPAN,
            step: 0.1,
            valueText: `s = ${formatNumber(step, 1)}`,
            onValue: (v) => update({ t: Math.round(Math.min(STEP_SPAN, Math.max(-STEP_SPAN, v)) * 10) / 10 }),
          }}
        />
        <figcaption>
          <CurveLegend
            items={[
              { colour: COLOUR.truth, text: 'L(z + s·d)' },
              { colour: COLOUR.model, text: 'quadratic: L + s·gᵀd + ½s²·dᵀHd', dashed: true },
              { colour: COLOUR.cubic, text: 'cubic: the same + ⅙s³·Σ T d d d', dashed: true },
            ]}
          />
        </figcaption>
      </figure>

      <ul className="hd-readout" data-testid="quadratic-readout">
        <li>
          slope g<sup>T</sup>d = <span data-testid="quadratic-slope">{n3(model.slope)}</span>, curvature d<sup>T</sup>Hd/|d|² ={' '}
          <span data-testid="quadratic-curvature">{n3(model.curvature)}</span>, third derivative Σ T d d d ={' '}
          <span data-testid="quadratic-third">{n3(model.third)}</span>
        </li>
        <li data-term={term.quadraticTrue()}>
          at s = {formatNumber(step, 1)}: L = <span data-testid="quadratic-true">{n3(truthAt)}</span>, quadratic model{' '}
          <span data-testid="quadratic-model">{n3(modelAt)}</span>, cubic model <span data-testid="quadratic-cubic">{n3(cubicAt)}</span>
        </li>
        <li>
          quadratic model − L at s = −4: <span data-testid="quadratic-error-low">{n3(ends[0] ?? NaN)}</span>, at s = 4:{' '}
          <span data-testid="quadratic-error-high">{n3(ends[1] ?? NaN)}</span>
        </li>
        <li>
          cubic model − L at s = −4: <span data-testid="cubic-error-low">{n3(cubicEnds[0] ?? NaN)}</span>, at s = 4:{' '}
          <span data-testid="cubic-error-high">{n3(cubicEnds[1] ?? NaN)}</span>
        </li>
      </ul>
    </section>
  );
}
