import { createRandom } from '../../core/random';
import { logSumExp } from '../../core/softmax';
import { epsilonCrossEntropy, epsilonGradientFactor, stableCrossEntropy, stableLogSoftmax } from '../../core/naive';
import { figuresText } from '../../exercises/grading';
import { distinctOnGrid } from '../../exercises/drawNumbers';
import type { ExerciseSpec } from '../../exercises/exerciseSpec';
import { EPSILON_BUG_ENTRY, LOG_SUM_EXP_ENTRY } from './index';

/**
 * Chapter 10's exercises: the loss of logits whose exponentials overflow, by the max shift; and the
 * 1e-8 inside the log, at logits where it is harmless or where it caps the loss. Logits are on a grid
 * of 0.1 (or whole numbers apart), so they can be typed into a calculator as shown.
 */

const SUB = ['₁', '₂', '₃'] as const;
const sub = (k: number) => SUB[k] ?? String(k + 1);
const list = (z: readonly number[]) => `(${z.map((v) => String(v).replace('-', '−')).join(', ')})`;

export interface LogSumExpNumbers {
  /** three distinct logits in [997, 1000] on the 0.1 grid */
  z: readonly number[];
  /** the true class */
  t: number;
  /** L = LSE(z) − z_t, from the core's log-softmax */
  loss: number;
  /** LSE(z), from the core */
  lse: number;
}

const argmax = (z: readonly number[]) => z.indexOf(Math.max(...z));

export const LOG_SUM_EXP_EXERCISE: ExerciseSpec<LogSumExpNumbers> = {
  entry: LOG_SUM_EXP_ENTRY,
  seedKey: 'ls',
  make(seed) {
    const rng = createRandom(seed);
    const z = distinctOnGrid(rng, 3, 997, 1000, 0.1);
    const t = rng.int(3);
    return { z, t, loss: stableCrossEntropy(z, t), lse: logSumExp(z) };
  },
  answer: {
    kind: 'number',
    label: 'L',
    figures: 3,
    truth: ({ loss }) => loss,
    mistakes: ({ z, t, lse, loss }) => {
      const m = Math.max(...z);
      const top = argmax(z);
      const zt = z[t] as number;
      const others = z.filter((_, k) => k !== top).reduce((s, v) => s + Math.exp(v - m), 0);
      return [
        { value: m - zt, says: 'that is z_max − z_t: LSE(z) taken as max z alone, without the ln Σ e^(z_k − z_max) that the other classes add' },
        { value: Math.log(3) + m - zt, says: 'that is ln 3 + z_max − z_t: every e^(z_k − z_max) taken as 1, but only the largest logit’s is' },
        { value: Math.log(others) + m - zt, says: 'the largest logit’s own term, e^(z_max − z_max) = e⁰ = 1, is missing from the sum' },
        { value: lse, says: 'that is LSE(z) itself: the loss is LSE(z) − z_t' },
        { value: -loss, says: 'that is ln p_t, a negative number: the loss is −ln p_t' },
      ];
    },
  },
  hints: ({ z }) => [
    `e^z overflows for every one of these logits. Subtract z_max = ${Math.max(...z)} from each first: e^(z_k − z_max) is at most 1.`,
    'LSE(z) = z_max + ln Σ e^(z_k − z_max), and the loss is LSE(z) − z_t.',
  ],
  worked: ({ z, t, loss, lse }) => {
    const m = Math.max(...z);
    const shifted = z.map((v) => Math.exp(v - m));
    const total = shifted.reduce((s, v) => s + v, 0);
    return (
      `z_max = ${m}. The shifted exponentials e^(z_k − z_max) are ${shifted.map((v) => figuresText(v, 5)).join(', ')}; ` +
      `their sum is ${figuresText(total, 6)}, and ln ${figuresText(total, 6)} = ${Math.log(total).toFixed(5)}. ` +
      `So LSE(z) = ${m} + ${Math.log(total).toFixed(5)} = ${lse.toFixed(5)}, and L = LSE(z) − z${sub(t)} = ${lse.toFixed(5)} − ${z[t]} = ${figuresText(loss, 3)}.`
    );
  },
  truthText: ({ t, loss }) => `with true class ${t + 1}, L = ${figuresText(loss, 3)}`,
};

/**
 * Whether the 1e-8 matters at these logits: 'fine', the true class's logit a few units below the
 * largest (p_t ≫ 10⁻⁸, the loss and gradient hardly move); 'capped', 25 or more below (p_t ≪ 10⁻⁸,
 * the loss stops near −ln 10⁻⁸ ≈ 18.42 and the gradient is scaled almost to 0).
 */
export type EpsilonVerdict = 'fine' | 'capped';

export const EPSILON = 1e-8;

export interface EpsilonBugNumbers {
  verdict: EpsilonVerdict;
  z: readonly number[];
  t: number;
  /** ln p_t, from the core's log-softmax */
  logP: number;
  /** the true loss −ln p_t and what the line computes, −ln(p_t + 1e-8) */
  loss: number;
  lossEps: number;
  /** p_t / (p_t + 1e-8): what the line keeps of the gradient p − y */
  factor: number;
}

/** How far below the largest logit the true class's sits: harmless gaps, then gaps that cap the loss. */
const GAPS: Readonly<Record<EpsilonVerdict, readonly number[]>> = { fine: [3, 4, 5, 6], capped: [25, 30, 40, 60, 100] };

export const EPSILON_BUG_EXERCISE: ExerciseSpec<EpsilonBugNumbers> = {
  entry: EPSILON_BUG_ENTRY,
  seedKey: 'et',
  make(seed) {
    const rng = createRandom(seed);
    const verdict: EpsilonVerdict = rng.int(2) === 0 ? 'fine' : 'capped';
    const gaps = GAPS[verdict];
    const d = gaps[rng.int(gaps.length)] as number;
    const zt = (rng.int(61) - 30) / 10;
    const second = Number((zt + d - rng.int(21) / 10).toFixed(1));
    const t = rng.int(3);
    // the true class at t; the largest logit zt + d and the second one in the other two places, in a drawn order
    const rest = rng.int(2) === 0 ? [Number((zt + d).toFixed(1)), second] : [second, Number((zt + d).toFixed(1))];
    const z = [0, 1, 2].map((k) => (k === t ? zt : (rest.shift() as number)));
    const logP = stableLogSoftmax(z)[t] as number;
    return {
      verdict,
      z,
      t,
      logP,
      loss: stableCrossEntropy(z, t),
      lossEps: epsilonCrossEntropy(z, t, EPSILON),
      factor: epsilonGradientFactor(logP, EPSILON),
    };
  },
  answer: {
    kind: 'choice',
    legend: 'What goes wrong at these logits?',
    options: () => [
      { value: 'fine', label: 'Nothing that matters: the loss and its gradient are within 0.01 % of the true ones' },
      { value: 'capped', label: 'The loss comes out near 18.4, far below the true loss, and the gradient is scaled almost to 0' },
      { value: 'inf', label: 'The loss is ∞: p[t] underflows to 0, and ln 0 = −∞' },
      { value: 'nan', label: 'The loss is NaN: e^z overflows' },
    ],
    right: ({ verdict }) => [verdict],
    mistakes: ({ verdict }) => ({
      inf: 'p[t] + 1e-8 is at least 1e-8, so its log is finite: the loss is at most −ln 1e-8 ≈ 18.4',
      nan: 'this softmax shifts by the largest logit, so no exponent is positive and nothing overflows',
      ...(verdict === 'fine'
        ? { capped: 'p_t is far above 1e-8 here: adding 1e-8 changes the loss by only about 1e-8 / p_t' }
        : { fine: 'p_t is far below 1e-8 here: p_t + 1e-8 is about 1e-8, so the loss reads about −ln 1e-8 ≈ 18.4 whatever the true loss' }),
    }),
  },
  hints: ({ z, t }) => [
    `Estimate p_t first: the true class’s logit z${sub(t)} = ${String(z[t]).replace('-', '−')} is ${Number((Math.max(...z) - (z[t] as number)).toFixed(1))} below the largest, so p_t is about e to the minus that, or smaller.`,
    'Compare p_t with 1e-8 = e^(−18.4). If p_t is much larger, adding 1e-8 hardly moves it; if it is much smaller, p[t] + 1e-8 is about 1e-8.',
  ],
  worked: ({ verdict, t, logP, loss, lossEps, factor }) => {
    const p = `p${sub(t)} = e^(${figuresText(logP, 4)}) = ${figuresText(Math.exp(logP), 3)}`;
    const numbers = `The true loss is ${figuresText(loss, 4)}; the line computes ${figuresText(lossEps, 4)}, and the gradient is p − y times ${figuresText(factor, 3)}.`;
    return verdict === 'fine'
      ? `${p}, far above 1e-8. ${numbers} So: nothing that matters.`
      : `${p}, far below 1e-8. ${numbers} So: the loss is capped near 18.4 and the gradient nearly vanishes.`;
  },
  truthText: ({ verdict, loss, lossEps }) =>
    verdict === 'fine'
      ? `here the 1e-8 is harmless: the line gives ${figuresText(lossEps, 4)} for a true loss of ${figuresText(loss, 4)}`
      : `the line gives ${figuresText(lossEps, 4)} for a true loss of ${figuresText(loss, 4)}`,
};

export { list as logitList, sub as classSubscript };
