/**
 * Error-free transformations and compensated sums: the building blocks that let the rest of the core
 * round once at the end instead of once per operation.
 */

/** An unevaluated sum hi + lo with |lo| ≤ ulp(hi)/2: about 106 significant bits. */
export interface DoubleDouble {
  hi: number;
  lo: number;
}

/**
 * Knuth's TwoSum: s = fl(a + b) and the exact rounding error e, so that a + b = s + e exactly.
 * Six flops and no branch, valid for any ordering of |a| and |b|. When s overflows, the error term is
 * meaningless (∞ − ∞), so it is reported as 0 and the overflow itself carries the information.
 */
export function twoSum(a: number, b: number): DoubleDouble {
  const hi = a + b;
  if (!Number.isFinite(hi)) return { hi, lo: 0 };
  const bVirtual = hi - a;
  const lo = a - (hi - bVirtual) + (b - bVirtual);
  return { hi, lo };
}

/** Veltkamp's splitting constant 2^27 + 1: splits a double into two 26-bit halves. */
const SPLITTER = 134217729;
/** Above this magnitude SPLITTER·x overflows, so the exact product error cannot be formed. */
const SPLIT_LIMIT = 2 ** 996;

/**
 * Dekker's TwoProduct: p = fl(a·b) and the exact error e with a·b = p + e (barring underflow).
 * Written without fma, which JavaScript lacks. For operands too large to split, or a non-finite
 * product, the error is reported as 0: the product is then either infinite or so large that the
 * callers only use it where a lost half-ulp does not matter.
 */
export function twoProduct(a: number, b: number): DoubleDouble {
  const hi = a * b;
  if (!Number.isFinite(hi) || Math.abs(a) > SPLIT_LIMIT || Math.abs(b) > SPLIT_LIMIT) {
    return { hi, lo: 0 };
  }
  const ca = SPLITTER * a;
  const aHi = ca - (ca - a);
  const aLo = a - aHi;
  const cb = SPLITTER * b;
  const bHi = cb - (cb - b);
  const bLo = b - bHi;
  const lo = aHi * bHi - hi + aHi * bLo + aLo * bHi + aLo * bLo;
  return { hi, lo };
}

/**
 * Neumaier's compensated sum of `values` (skipping index `skip`, if given), returned as hi + lo, each
 * step's error found by TwoSum (Ogita, Rump and Oishi's Sum2: the same error, without a branch).
 * The error is about ulp(sum) + n·2^-106·Σ|x|, independent of the order of the terms, where naive
 * summation has n·2^-53·Σ|x|.
 */
export function compensatedSum(values: ArrayLike<number>, skip = -1): DoubleDouble {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < values.length; i++) {
    if (i === skip) continue;
    const x = values[i] as number;
    const t = hi + x;
    // the step's exact error by TwoSum: no branch on which of |hi|, |x| is larger
    const xVirtual = t - hi;
    lo += hi - (t - xVirtual) + (x - xVirtual);
    hi = t;
  }
  return Number.isFinite(hi) ? { hi, lo } : { hi, lo: 0 };
}

/** Σ values as one double, by compensated summation (see {@link compensatedSum}). */
export function accurateSum(values: ArrayLike<number>): number {
  const { hi, lo } = compensatedSum(values);
  return hi + lo;
}

/**
 * out[j] = Σ_{k≠j} x[k] for every j, in O(n): a compensated prefix sum of x[0..j) plus a compensated
 * suffix sum of x(j..n). For non-negative x both parts are non-negative, so no subtraction ever
 * happens: Σ_{k≠j} p_k stays accurate to a few ulp even when it is 1e-300 and p_j ≈ 1, where
 * 1 − p_j or (Σx) − x_j would have lost every digit.
 */
export function sumsExcludingEach(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const prefixHi = new Float64Array(n);
  const prefixLo = new Float64Array(n);
  let hi = 0;
  let lo = 0;
  for (let j = 0; j < n; j++) {
    prefixHi[j] = hi;
    prefixLo[j] = lo;
    const v = x[j] as number;
    const t = hi + v;
    const vVirtual = t - hi;
    lo += hi - (t - vVirtual) + (v - vVirtual);
    hi = t;
  }
  const out = new Float64Array(n);
  hi = 0;
  lo = 0;
  for (let j = n - 1; j >= 0; j--) {
    const total = (prefixHi[j] as number) + hi;
    out[j] = Number.isFinite(total) ? total + ((prefixLo[j] as number) + lo) : total;
    const v = x[j] as number;
    const t = hi + v;
    const vVirtual = t - hi;
    lo += hi - (t - vVirtual) + (v - vVirtual);
    hi = t;
  }
  return out;
}

/**
 * rowA·x + rowB·y + b1 + b2, each product split exactly by TwoProduct, the high parts summed by
 * TwoSum (Neumaier) and every error term added at the end: the exact value rounded about once. The
 * same arithmetic as twoProduct and twoSum, written out without their result objects, as a recurrent
 * network evaluates it 4H times a step and T steps a sequence (chapter 13 recomputes 100 steps per
 * slider move). Returns the high part alone when it is ±∞, and NaN when +∞ met −∞.
 */
export function accurateAffine(rowA: readonly number[], x: readonly number[], rowB: readonly number[], y: readonly number[], b1: number, b2: number): number {
  let hi = 0;
  let lo = 0;
  // the terms after the products: b1, then b2
  let bias = b1;
  const n = x.length + y.length + 2;
  for (let j = 0; j < n; j++) {
    // the j-th term as value + error: a product split by TwoProduct, or a bias with no error
    let value: number;
    let error = 0;
    if (j < x.length + y.length) {
      const a = j < x.length ? (rowA[j] as number) : (rowB[j - x.length] as number);
      const b = j < x.length ? (x[j] as number) : (y[j - x.length] as number);
      value = a * b;
      if (Number.isFinite(value) && Math.abs(a) <= SPLIT_LIMIT && Math.abs(b) <= SPLIT_LIMIT) {
        const ca = SPLITTER * a;
        const aHi = ca - (ca - a);
        const aLo = a - aHi;
        const cb = SPLITTER * b;
        const bHi = cb - (cb - b);
        const bLo = b - bHi;
        error = aHi * bHi - value + aHi * bLo + aLo * bHi + aLo * bLo;
      }
    } else {
      value = bias;
      bias = b2;
    }
    // TwoSum of hi and value; its error and the product's go to lo
    const s = hi + value;
    // Once s is ±∞ or NaN this makes lo NaN, but hi stays non-finite and is then the result alone.
    const bVirtual = s - hi;
    lo += hi - (s - bVirtual) + (value - bVirtual) + error;
    hi = s;
  }
  // ±∞ alone (lo is NaN by then), or NaN when +∞ met −∞
  return Number.isFinite(hi) ? hi + lo : hi;
}
