import { useId, useMemo } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { LiveFormula } from '../../math/LiveFormula';
import type { Precision } from '../../core/naive';
import { LecturerControl } from '../../controls/LecturerControl';
import { EpsilonChoice } from './EpsilonChoice';
import { PresetButtons } from './PresetButtons';
import { Result } from './Result';
import { useStability } from './StabilityContext';
import { backwardTex, backwardText, textEpsilon } from './stabilityFormula';
import { formatLogits } from './stabilityInputs';
import { backwardAt, formatResult, PRECISIONS, type BackwardAt } from './stabilityMath';
import { FUSED_BACKWARD_STATE } from './stabilityState';
import { TrueClassRadios } from './TrueClassChoice';
import { FUSED_BACKWARD_LINK, useStabilityUrl } from './useStabilityUrl';

/** What went wrong in the unfused gradient, in one sentence, or that nothing did. */
export function backwardVerdict(b: BackwardAt, epsilon: number, label: number): string {
  const t = label + 1;
  if (b.chain.some(Number.isNaN)) {
    const zero = Array.from(b.probabilities).findIndex((p) => p === 0);
    const why =
      b.probabilities[label] === 0
        ? `p${t} underflowed to 0, so u${t} = −1/(0 + ${textEpsilon(epsilon)}) = −∞ and ⟨u, p⟩ = −∞ × 0 = NaN`
        : `p${zero + 1} underflowed to 0, so u${zero + 1} = −0/(0 + ${textEpsilon(epsilon)}) = 0/0 = NaN (autograd divides every y_k by its p_k) and so is ⟨u, p⟩`;
    return `The unfused gradient is NaN: ${why}, which p ⊙ (u − ⟨u, p⟩) passes to every class. The fused p − y divides by no probability and is finite.`;
  }
  const worst = Math.max(...Array.from(b.difference, Math.abs));
  const scale = Math.max(...Array.from(b.fused, Math.abs));
  if (worst > 1e-3 * Math.max(scale, 1e-300)) {
    const kept = b.fused[label] === 0 ? 1 : (b.chain[label] as number) / (b.fused[label] as number);
    return `The unfused gradient has shrunk to ${formatNumber(100 * kept, 1)}% of p − y: p${t} is at or below ε, and the factor p${t}/(p${t} + ε) scales it away.`;
  }
  const naive = b.naiveChain.some(Number.isNaN) ? ' Through the naive softmax, though, p is already NaN, and so is every entry of its chain.' : '';
  const divisor = formatResult((b.probabilities[label] as number) + epsilon);
  return `Both agree to ${formatNumber(worst, 2)}: the unfused chain divides by p${t} + ε = ${divisor}, harmless while that is not 0 and ε is small beside p${t}. The fused form makes no such division.${naive}`;
}

/**
 * The backward pass two ways at the current logits: fused (∂L/∂z = p − y from log-softmax) and the
 * chain through the loss on probabilities as autograd runs it, u = −y/(p + ε) then p ⊙ (u − ⟨u, p⟩),
 * through the stable and the naive softmax, in float32 or float64, with their difference. Its own presets
 * and true-class radios set the chapter's logits and class (so the widget works alone in an embed); it
 * keeps the precision in the address (`prec`).
 */
export function FusedBackward() {
  useStabilityUrl(FUSED_BACKWARD_STATE, FUSED_BACKWARD_LINK);
  const logits = useStability((s) => s.logits);
  const label = useStability((s) => s.label);
  const epsilon = useStability((s) => s.epsilon);
  const precision = useStability((s) => s.precision);
  const setPrecision = useStability((s) => s.setPrecision);
  const b = useMemo(() => backwardAt(logits, label, epsilon, precision), [logits, label, epsilon, precision]);
  const name = useId();

  return (
    <section className="widget stability-widget fused-backward" aria-label="Fused against unfused backward pass">
      <PresetButtons only={[0, 1, 2]} />
      <LiveFormula label={`Live formulas at z = ${formatLogits(logits)}: ${backwardText(b, epsilon, label)}`} lines={backwardTex(b, epsilon, label)} testId="backward-formula" />
      <p className="stability-readout" aria-live="polite" data-testid="backward-verdict">
        {backwardVerdict(b, epsilon, label)}
      </p>
      {/* a tab stop, so that the keyboard can scroll the table sideways on a narrow phone */}
      <div className="comparison-scroll" tabIndex={0} role="region" aria-label="Gradient table (scrolls sideways when narrow)">
        <table className="gradient-table">
          <caption>
            ∂L/∂z at z = {formatLogits(logits)}, true class {label + 1}, ε = {textEpsilon(epsilon)}, in {precision}
          </caption>
          <thead>
            <tr>
              <th scope="col">class</th>
              <th scope="col">p</th>
              <th scope="col">fused p − y</th>
              <th scope="col">chain, stable p</th>
              <th scope="col">chain, naive p</th>
              <th scope="col">difference</th>
            </tr>
          </thead>
          <tbody>
            {logits.map((_, j) => (
              <tr key={j}>
                <th scope="row">{j + 1}</th>
                <td><Result value={b.probabilities[j] as number} /></td>
                <td><Result value={b.fused[j] as number} testId={`fused-${j + 1}`} /></td>
                <td><Result value={b.chain[j] as number} testId={`chain-${j + 1}`} /></td>
                <td><Result value={b.naiveChain[j] as number} testId={`naive-chain-${j + 1}`} /></td>
                <td><Result value={b.difference[j] as number} digits={2} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="backward-controls">
        <LecturerControl ids={['sy']}>
          <fieldset className="controls choice-row">
            <legend>True class</legend>
            <TrueClassRadios />
          </fieldset>
        </LecturerControl>
        <LecturerControl ids={['prec']}>
          <fieldset className="controls choice-row">
            <legend>Precision</legend>
            {PRECISIONS.map((p: Precision) => (
              <label key={p} className="choice">
                <input type="radio" name={name} checked={precision === p} onChange={() => setPrecision(p)} />
                {p}
              </label>
            ))}
          </fieldset>
        </LecturerControl>
        <EpsilonChoice />
      </div>
    </section>
  );
}
