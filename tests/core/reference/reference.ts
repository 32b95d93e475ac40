/**
 * High-precision reference values, written from the textbook and PyTorch formulas without the
 * core's tricks, on top of bigFloat.ts. Every function returns BigFloats; toNumber rounds them once.
 */
import { add, big, div, exp, log, mul, neg, ONE, sub, sumOf, toNumber, ZERO, type BigFloat } from './bigFloat';

/** −log softmax(z/T)_c = log Σ_k e^{(z_k − z_c)/T}, exact differences; null entries are −∞ logits. */
export function referenceNegLogSoftmax(z: readonly number[], temperature = 1): (BigFloat | null)[] {
  const t = big(temperature);
  return z.map((zc) => {
    if (zc === -Infinity) return null;
    const terms = z.filter((zk) => zk !== -Infinity).map((zk) => exp(div(sub(big(zk), big(zc)), t)));
    return log(sumOf(terms));
  });
}

export function referenceSoftmax(z: readonly number[], temperature = 1): number[] {
  const t = big(temperature);
  return z.map((zc) => {
    if (zc === -Infinity) return 0;
    const terms = z.filter((zk) => zk !== -Infinity).map((zk) => exp(div(sub(big(zk), big(zc)), t)));
    return toNumber(div(ONE, sumOf(terms)));
  });
}

export function referenceLogSoftmax(z: readonly number[], temperature = 1): number[] {
  return referenceNegLogSoftmax(z, temperature).map((v) => (v === null ? -Infinity : -toNumber(v)));
}

export function referenceLogSumExp(z: readonly number[]): number {
  const finite = z.filter((zk) => zk !== -Infinity);
  if (finite.length === 0) return -Infinity;
  return toNumber(log(sumOf(finite.map((zk) => exp(big(zk))))));
}

export function referenceSigmoid(x: number): number {
  return toNumber(div(ONE, add(ONE, exp(neg(big(x))))));
}

export interface ReferenceOptions {
  weight?: number[];
  reduction?: 'mean' | 'sum' | 'none';
  labelSmoothing?: number;
  ignoreIndex?: number;
}

/** −log p as a BigFloat; +∞ (a −∞ logit) is represented by null. */
type NegLog = BigFloat | null;

function times(c: BigFloat, v: NegLog): BigFloat {
  if (c.m === 0n) return ZERO;
  if (v === null) throw new RangeError('reference: infinite loss');
  return mul(c, v);
}

/**
 * PyTorch's F.cross_entropy, literally: (1 − ε)·nll_loss(logp) + (ε/C)·smooth, with nll's and the
 * smoothing term's reductions as in aten/src/ATen/native/LossNLL.cpp; probability targets as
 * cross_entropy_loss_prob_target. Returns numbers (one rounding at the end).
 */
export function referenceCrossEntropy(
  logits: number[][],
  target: number[] | number[][],
  options: ReferenceOptions = {},
): number | number[] {
  const n = logits.length;
  const c = logits[0]?.length ?? 0;
  const eps = big(options.labelSmoothing ?? 0);
  const reduction = options.reduction ?? 'mean';
  const w = (k: number): BigFloat => big(options.weight ? (options.weight[k] as number) : 1);
  const negLog = logits.map((row) => referenceNegLogSoftmax(row));
  const perRow: BigFloat[] = [];
  let denominator: BigFloat = big(n);
  if (typeof target[0] === 'object') {
    const y = target as number[][];
    const share = div(eps, big(c));
    for (let i = 0; i < n; i++) {
      const terms = (y[i] as number[]).map((yc, k) => {
        const smoothed = add(mul(big(yc), sub(ONE, eps)), share);
        return times(mul(w(k), smoothed), (negLog[i] as NegLog[])[k] as NegLog);
      });
      perRow.push(sumOf(terms));
    }
  } else {
    const t = target as number[];
    const ignore = options.ignoreIndex ?? -100;
    const nll: BigFloat[] = [];
    const smooth: BigFloat[] = [];
    const kept: BigFloat[] = [];
    for (let i = 0; i < n; i++) {
      const ti = t[i] as number;
      if (ti === ignore) {
        nll.push(ZERO);
        smooth.push(ZERO);
        continue;
      }
      const row = negLog[i] as NegLog[];
      nll.push(times(w(ti), row[ti] as NegLog));
      smooth.push(sumOf(row.map((v, k) => times(w(k), v))));
      kept.push(w(ti));
    }
    denominator = sumOf(kept);
    const share = div(eps, big(c));
    for (let i = 0; i < n; i++) {
      perRow.push(add(mul(sub(ONE, eps), nll[i] as BigFloat), mul(share, smooth[i] as BigFloat)));
    }
  }
  if (reduction === 'none') return perRow.map(toNumber);
  const total = sumOf(perRow);
  if (reduction === 'sum') return toNumber(total);
  return denominator.m === 0n ? NaN : toNumber(div(total, denominator));
}

function clampedLog(x: BigFloat): BigFloat {
  if (x.m === 0n) return big(-100);
  const l = log(x);
  return toNumber(l) < -100 ? big(-100) : l;
}

/** PyTorch: ℓ = w·((y − 1)·max(log(1 − p), −100) − y·max(log p, −100)). */
export function referenceBinaryCrossEntropy(p: number[], y: number[], weight?: number[]): number[] {
  return p.map((pi, i) => {
    const yi = big(y[i] as number);
    const wi = big(weight ? (weight.length === 1 ? (weight[0] as number) : (weight[i] as number)) : 1);
    const loss = sub(mul(sub(yi, ONE), clampedLog(sub(ONE, big(pi)))), mul(yi, clampedLog(big(pi))));
    return toNumber(mul(wi, loss));
  });
}

/**
 * PyTorch's ℓ = w·((1 − y)·x + (1 + (pw − 1)·y)·log(1 + e^{−x})), regrouped with
 * (1 − y)·(x + log(1 + e^{−x})) = (1 − y)·log(1 + e^{x}) so that the 200-bit reference does not itself
 * cancel (x + log(1 + e^{−x}) for x = −700 leaves 2^-200·700 absolute accuracy for a 1e-304 result).
 */
export function referenceBinaryCrossEntropyWithLogits(x: number[], y: number[], weight?: number[], posWeight?: number[]): number[] {
  const at = (v: number[] | undefined, i: number) => big(v ? (v.length === 1 ? (v[0] as number) : (v[i] as number)) : 1);
  return x.map((xi, i) => {
    const yi = big(y[i] as number);
    const softplusNeg = log(add(ONE, exp(neg(big(xi)))));
    const softplusPos = log(add(ONE, exp(big(xi))));
    const loss = add(mul(sub(ONE, yi), softplusPos), mul(mul(at(posWeight, i), yi), softplusNeg));
    return toNumber(mul(at(weight, i), loss));
  });
}
