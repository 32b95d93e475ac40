import { useMemo } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { LiveFormula } from '../../math/LiveFormula';
import { term } from '../../format/terms';
import { CurvePlot, type CurveHandle } from '../../plots/CurvePlot';
import { EpsilonChoice } from './EpsilonChoice';
import { PresetButtons } from './PresetButtons';
import { Result } from './Result';
import { useStability } from './StabilityContext';
import { epsilonTex, epsilonText, textEpsilon } from './stabilityFormula';
import { EPSILONS, formatLogits, snapStabilityLogit, STABILITY_LIMITS } from './stabilityInputs';
import { epsilonAt, epsilonCurves, labelLogitFor, LOG10_P_DOMAIN } from './stabilityMath';
import { EPSILON_STATE } from './stabilityState';
import { EPSILON_LINK, useStabilityUrl } from './useStabilityUrl';

const TRICKS = EPSILONS.filter((e) => e > 0);
const X_TICKS = [-24, -20, -16, -12, -8, -4, 0];
const ERROR_DOMAIN = [-50, 2] as const;
const RELATIVE_DOMAIN = [-1, 0.05] as const;
const COLOURS: Record<number, string> = { 1e-4: 'var(--class-2)', 1e-8: 'var(--class-1)', 1e-12: 'var(--class-3)' };
const subscript = (n: number) => String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)] ?? d);
const clampX = (v: number) => Math.min(LOG10_P_DOMAIN[1], Math.max(LOG10_P_DOMAIN[0], v));

/**
 * The ln(p + ε) trick against log-softmax, as a function of the true class's probability p_y on a
 * log axis: the error it adds to the loss (for every ε, the chosen one drawn solid), and the relative
 * errors it makes in the loss and in the gradient. Both plots are a handle on the true class's logit.
 * It keeps ε in the address (`eps`), for the whole chapter.
 */
export function EpsilonTrickExplorer() {
  useStabilityUrl(EPSILON_STATE, EPSILON_LINK);
  const logits = useStability((s) => s.logits);
  const label = useStability((s) => s.label);
  const epsilon = useStability((s) => s.epsilon);
  const setLogit = useStability((s) => s.setLogit);
  const curves = useMemo(() => epsilonCurves(TRICKS), []);
  const e = useMemo(() => epsilonAt(logits, label, epsilon), [logits, label, epsilon]);
  const y = label + 1;
  const markerX = clampX(e.log10P);
  const offPlot = e.log10P < LOG10_P_DOMAIN[0];
  const where = `log₁₀ p${y} = ${formatNumber(e.log10P, 2)}${offPlot ? ' (left of the plot: its marker sits on the edge)' : ''}`;

  const handle = (name: string): CurveHandle => ({
    name,
    value: logits[label] ?? 0,
    min: STABILITY_LIMITS.min,
    max: STABILITY_LIMITS.max,
    step: STABILITY_LIMITS.step,
    valueText: `z${y} = ${formatNumber(logits[label] ?? 0, 1)}, ${where}`,
    onValue: (v) => setLogit(label, snapStabilityLogit(v)),
    fromX: (x) => labelLogitFor(x, logits, label),
  });

  const errorLabel =
    `The loss error −ln(p${y} + ε) + ln p${y} against log₁₀ p${y} from −24 to 0, for ε = 10⁻⁴, 10⁻⁸ and 10⁻¹²: ` +
    `0 while p${y} is well above ε, −ln 2 at p${y} = ε, then falling by ln 10 per decade. ` +
    `Now ${where}, ε = ${textEpsilon(epsilon)}: the error is ${formatNumber(e.error, 3)}.`;
  const relativeLabel =
    `Relative errors of the trick for ε = ${textEpsilon(epsilon)} against log₁₀ p${y}: of the loss, (L_ε − L)/L, ` +
    `and of the gradient ∂L/∂z${y}, p/(p + ε) − 1, which is −½ at p = ε and −1 below. ` +
    `Now ${where}: the loss is off by ${formatNumber(100 * e.relativeError, 1)}% and the gradient by ${formatNumber(100 * (e.gradientFactor - 1), 1)}%.`;

  const errorCurves = TRICKS.map((eps) => ({
    id: `error-${eps}`,
    points: curves.errors.get(eps) ?? [],
    colour: COLOURS[eps] ?? 'currentColor',
    emphasis: eps === epsilon,
  }));
  const relativeCurves =
    epsilon === 0
      ? []
      : [
          { id: 'relative-loss', points: curves.relativeLoss.get(epsilon) ?? [], colour: 'var(--class-4)', emphasis: true },
          { id: 'relative-gradient', points: curves.relativeGradient.get(epsilon) ?? [], colour: 'var(--class-5)', emphasis: true },
        ];

  return (
    <section className="widget stability-widget epsilon-explorer" aria-label="The epsilon trick against log-softmax">
      <EpsilonChoice />
      <PresetButtons only={[0, 2]} />
      <div className="plots-pair">
        <figure>
          <CurvePlot
            label={errorLabel}
            xDomain={LOG10_P_DOMAIN}
            yDomain={ERROR_DOMAIN}
            xTicks={X_TICKS}
            yTicks={[-40, -30, -20, -10, 0]}
            xName={`log₁₀ p${subscript(y)} (true class)`}
            curves={errorCurves}
            markers={[{ term: term.stabilityLossError(), x: markerX, y: e.error, colour: COLOURS[epsilon] ?? 'var(--ink)', emphasis: true }]}
            guideX={markerX}
            handle={handle(`true-class logit z${y} on the error plot`)}
          />
          <figcaption>
            Loss error L_ε − L, in nats:{' '}
            {TRICKS.map((eps) => (
              <span key={eps} className={eps === epsilon ? 'legend-item legend-current' : 'legend-item'}>
                <span className="swatch" aria-hidden="true" style={{ background: COLOURS[eps] }} />ε = {textEpsilon(eps)}
              </span>
            ))}
          </figcaption>
        </figure>
        <figure>
          <CurvePlot
            label={relativeLabel}
            xDomain={LOG10_P_DOMAIN}
            yDomain={RELATIVE_DOMAIN}
            xTicks={X_TICKS}
            yTicks={[-1, -0.75, -0.5, -0.25, 0]}
            xName={`log₁₀ p${subscript(y)} (true class)`}
            curves={relativeCurves}
            markers={[
              { term: term.stabilityTrueLoss(), x: markerX, y: e.relativeError, colour: 'var(--class-4)', emphasis: true },
              { term: term.stabilityRelativeGradient(), x: markerX, y: e.gradientFactor - 1, colour: 'var(--class-5)', emphasis: true },
            ]}
            guideX={markerX}
            handle={handle(`true-class logit z${y} on the relative error plot`)}
          />
          <figcaption>
            Relative error, ε = {textEpsilon(epsilon)}:{' '}
            <span className="legend-item">
              <span className="swatch" aria-hidden="true" style={{ background: 'var(--class-4)' }} />
              of the loss
            </span>{' '}
            <span className="legend-item">
              <span className="swatch" aria-hidden="true" style={{ background: 'var(--class-5)' }} />
              of the gradient
            </span>
            {epsilon === 0 ? ' (none: no trick)' : ''}
          </figcaption>
        </figure>
      </div>
      <p className="stability-readout" aria-live="polite" data-testid="epsilon-readout">
        z = {formatLogits(logits)}, p{y} = <Result value={Math.exp(e.logP)} />: the true loss is{' '}
        <Result value={e.trueLoss} testId="epsilon-true-loss" />, the trick gives{' '}
        <Result value={e.trickLoss} testId="epsilon-trick-loss" /> (error <Result value={e.error} testId="epsilon-error" />
        ), and keeps <Result value={100 * e.gradientFactor} digits={1} testId="epsilon-gradient-kept" />% of the gradient.
      </p>
      <LiveFormula label={`Live formulas: ${epsilonText(e, epsilon, label)}`} lines={epsilonTex(e, epsilon, label)} testId="epsilon-formula" />
    </section>
  );
}
