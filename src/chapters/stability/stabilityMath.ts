import {
  epsilonCrossEntropy,
  epsilonGradientFactor,
  epsilonLossError,
  fusedGradient,
  naiveCrossEntropy,
  naiveSoftmax,
  OVERFLOW_THRESHOLD,
  softmaxBackwardChain,
  stableCrossEntropy,
  stableLogSoftmax,
  stableSoftmax,
  type Precision,
  type SoftmaxSteps,
} from '../../core/naive';
import { logSumExp } from '../../core/softmax';
import { formatNumber, texNumber } from '../../format/formatNumber';

/**
 * The numbers of chapter 10, from src/core/naive.ts, with the one thing this chapter does that no
 * other may: show NaN. formatResult writes NaN as "NaN" (the shared formatter reads it "undefined"),
 * and every non-finite value comes with the reason it appeared.
 */

export const PRECISIONS: readonly Precision[] = ['float32', 'float64'];

/** The shared formatter, except that NaN reads "NaN": here it is the result being taught. */
export function formatResult(x: number, digits = 3): string {
  return Number.isNaN(x) ? 'NaN' : formatNumber(x, digits);
}

export function texResult(x: number, digits = 3): string {
  return Number.isNaN(x) ? '\\text{NaN}' : texNumber(x, digits);
}

const sub = (i: number) => String(i + 1).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)] ?? d);
const names = (symbol: string, indices: readonly number[]) => indices.map((i) => `${symbol}${sub(i)}`).join(', ');

export type FlagKind = 'overflow' | 'underflow' | 'nan' | 'infinite' | 'ok';
export interface Flag {
  kind: FlagKind;
  text: string;
}

export interface ComparisonCell {
  form: 'naive' | 'stable';
  precision: Precision;
  steps: SoftmaxSteps;
  probabilities: Float64Array;
  loss: number;
  flags: Flag[];
}

function indicesWhere(values: ArrayLike<number>, test: (v: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (test(values[i] as number)) out.push(i);
  return out;
}

/** Why the naive form's numbers are what they are: overflow, underflow, ∞/∞, 0/0, −ln 0. */
function naiveFlags(steps: SoftmaxSteps, label: number, loss: number, precision: Precision): Flag[] {
  const { exponentials: e, sum, probabilities: p } = steps;
  const flags: Flag[] = [];
  const threshold = formatNumber(OVERFLOW_THRESHOLD[precision], 2);
  const over = indicesWhere(e, (v) => v === Infinity);
  const under = indicesWhere(e, (v) => v === 0);
  if (over.length > 0) flags.push({ kind: 'overflow', text: `e^z overflowed to ∞ for ${names('z', over)} (above ${threshold}).` });
  else if (sum === Infinity) flags.push({ kind: 'overflow', text: `Each e^z is finite, but their sum overflowed to ∞.` });
  if (under.length > 0) flags.push({ kind: 'underflow', text: `e^z underflowed to 0 for ${names('z', under)}.` });
  const nan = indicesWhere(p, Number.isNaN);
  if (nan.length > 0) {
    const why = sum === 0 ? '0/0: every exponential underflowed' : nan.length === p.length ? '∞/∞: every exponential overflowed' : '∞/∞';
    flags.push({ kind: 'nan', text: `${names('p', nan)} = NaN = ${why}.` });
  }
  const zeroFromInfinity = sum === Infinity ? indicesWhere(p, (v) => v === 0) : [];
  if (zeroFromInfinity.length > 0) flags.push({ kind: 'underflow', text: `${names('p', zeroFromInfinity)} = finite/∞ = 0.` });
  if (Number.isNaN(loss)) flags.push({ kind: 'nan', text: `L = −ln p${sub(label)} = −ln NaN = NaN.` });
  else if (loss === Infinity) flags.push({ kind: 'infinite', text: `L = −ln 0 = ∞.` });
  if (flags.length === 0) flags.push({ kind: 'ok', text: 'Every number is finite.' });
  return flags;
}

/** The stable form never overflows; say what the shift did, and where p underflowed while L did not. */
function stableFlags(steps: SoftmaxSteps, label: number, loss: number): Flag[] {
  const flags: Flag[] = [{ kind: 'ok', text: `Shifted by max z = ${formatNumber(steps.shift, 1)}: every exponent ≤ 0, nothing overflows.` }];
  const zero = indicesWhere(steps.probabilities, (v) => v === 0);
  if (zero.length > 0) {
    const labelZero = zero.includes(label);
    flags.push({
      kind: 'underflow',
      text: `${names('p', zero)} underflowed to 0${labelZero ? `, yet L = −log-softmax stays finite: ${formatResult(loss)}` : ''}.`,
    });
  }
  return flags;
}

/** One cell of the 2×2 comparison: a form in a precision. */
export function comparisonCell(z: readonly number[], label: number, form: 'naive' | 'stable', precision: Precision): ComparisonCell {
  if (form === 'naive') {
    const steps = naiveSoftmax(z, precision);
    const loss = naiveCrossEntropy(z, label, precision);
    return { form, precision, steps, probabilities: steps.probabilities, loss, flags: naiveFlags(steps, label, loss, precision) };
  }
  const steps = stableSoftmax(z, precision);
  const loss = stableCrossEntropy(z, label, precision);
  return { form, precision, steps, probabilities: steps.probabilities, loss, flags: stableFlags(steps, label, loss) };
}

export function comparison(z: readonly number[], label: number): ComparisonCell[] {
  return (['naive', 'stable'] as const).flatMap((form) => PRECISIONS.map((precision) => comparisonCell(z, label, form, precision)));
}

/** Everything the ε-trick plots show at the current logits (float64). */
export interface EpsilonAt {
  logP: number;
  /** log₁₀ p_t: the plots' x */
  log10P: number;
  trueLoss: number;
  /** −ln(p_t + ε) as computed from the stable softmax */
  trickLoss: number;
  /** trickLoss − trueLoss, exactly (from log p) */
  error: number;
  /** error / trueLoss */
  relativeError: number;
  /** the trick's ∂L/∂z_t over the true one, p_t/(p_t + ε) */
  gradientFactor: number;
}

export function epsilonAt(z: readonly number[], label: number, epsilon: number): EpsilonAt {
  const logP = stableLogSoftmax(z)[label] as number;
  const trueLoss = stableCrossEntropy(z, label);
  const error = epsilonLossError(logP, epsilon);
  return {
    logP,
    log10P: logP / Math.LN10,
    trueLoss,
    trickLoss: epsilonCrossEntropy(z, label, epsilon),
    error,
    relativeError: trueLoss > 0 ? error / trueLoss : 0,
    gradientFactor: epsilonGradientFactor(logP, epsilon),
  };
}

/** The x range of the ε plots: log₁₀ p_t from −24 to 0. */
export const LOG10_P_DOMAIN = [-24, 0] as const;

export interface EpsilonCurves {
  x: number[];
  /** per ε: the loss error −ln(p + ε) + ln p */
  errors: Map<number, [number, number][]>;
  /** per ε: the loss's relative error and the gradient's, −ε/(p + ε) */
  relativeLoss: Map<number, [number, number][]>;
  relativeGradient: Map<number, [number, number][]>;
}

/** The curves against log₁₀ p, sampled once for every ε (the last sample just short of p = 1, where L = 0). */
export function epsilonCurves(epsilons: readonly number[], samples = 241): EpsilonCurves {
  const [lo, hi] = LOG10_P_DOMAIN;
  const x = Array.from({ length: samples }, (_, i) => Math.min(lo + ((hi - lo) * i) / (samples - 1), -1e-3));
  const errors = new Map<number, [number, number][]>();
  const relativeLoss = new Map<number, [number, number][]>();
  const relativeGradient = new Map<number, [number, number][]>();
  for (const eps of epsilons) {
    const err = x.map((v) => epsilonLossError(v * Math.LN10, eps));
    errors.set(eps, x.map((v, i) => [v, err[i] as number]));
    relativeLoss.set(eps, x.map((v, i) => [v, (err[i] as number) / (-v * Math.LN10)]));
    relativeGradient.set(eps, x.map((v) => [v, epsilonGradientFactor(v * Math.LN10, eps) - 1]));
  }
  return { x, errors, relativeLoss, relativeGradient };
}

/**
 * The true-class logit that gives log₁₀ p_t = x with the other logits fixed: p = e^{z_t}/(e^{z_t} + S)
 * with S = Σ_{k≠t} e^{z_k}, so z_t = ln p − ln(1 − p) + ln S. For the plots' handle.
 */
export function labelLogitFor(log10P: number, z: readonly number[], label: number): number {
  const logP = Math.min(log10P, -1e-12) * Math.LN10;
  const others = z.filter((_, i) => i !== label);
  return logP - Math.log1p(-Math.exp(logP)) + logSumExp(others);
}

/** The backward pass both ways at the current logits. */
export interface BackwardAt {
  /** p from the stable softmax in the precision */
  probabilities: Float64Array;
  /** p − y from log-softmax */
  fused: Float64Array;
  /** autograd's unfused chain through the stable softmax: u = −y/(p + ε), then p ⊙ (u − ⟨u, p⟩) */
  chain: Float64Array;
  /** u_t = −1/(p_t + ε), the only nonzero entry of u for a one-hot y */
  upstream: number;
  /** ⟨u, p⟩ = u_t·p_t */
  dot: number;
  /** the same chain through the naive softmax */
  naiveChain: Float64Array;
  /** chain − fused */
  difference: Float64Array;
}

export function backwardAt(z: readonly number[], label: number, epsilon: number, precision: Precision): BackwardAt {
  const probabilities = stableSoftmax(z, precision).probabilities;
  const fused = fusedGradient(z, label, precision);
  const chain = softmaxBackwardChain(probabilities, label, epsilon, precision);
  const naiveChain = softmaxBackwardChain(naiveSoftmax(z, precision).probabilities, label, epsilon, precision).gradient;
  return {
    probabilities,
    fused,
    chain: chain.gradient,
    upstream: chain.upstream[label] as number,
    dot: chain.dot,
    naiveChain,
    difference: chain.gradient.map((g, j) => g - (fused[j] as number)),
  };
}
