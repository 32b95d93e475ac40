/**
 * One step of an LSTM cell, with PyTorch's nn.LSTMCell semantics (chapter 13, issue 14).
 *
 * params = { weightIh (4H × I), weightHh (4H × H), biasIh (4H), biasHh (4H) }, gate rows in PyTorch's
 * order i, f, g, o (rows 0..H−1 are the input gate, H..2H−1 the forget gate, and so on). With
 * a = weightIh·x + biasIh + weightHh·h + biasHh (PyTorch adds both biases),
 *   i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o),
 *   c′ = f ⊙ c + i ⊙ g,   h′ = o ⊙ tanh(c′).
 *
 * Accuracy: each pre-activation is a compensated dot product (Dekker's TwoProduct and Neumaier's sum),
 * so it is the exact value rounded about once even when its terms cancel; σ is the core's accurate
 * sigmoid and tanh is Math.tanh, a few ulp each. c′ rounds f·c + i·g once from the exact products of
 * the rounded gates, so where f·c and i·g nearly cancel its error is a few ulp of |f·c| + |i·g|, not of
 * c′. Pre-activations of any size give finite results (σ and tanh saturate to 0, ±1); inputs must be
 * finite, and mismatched shapes, empty vectors or NaN/±∞ anywhere are a RangeError.
 */
import { accurateAffine, twoProduct, twoSum } from './exactArithmetic';
import { sigmoid } from './sigmoid';
import { checkFiniteValues, checkLength, checkMatrix } from './validate';

export interface LstmParams {
  /** 4H × I: the input's weights, gate rows in the order i, f, g, o. */
  weightIh: number[][];
  /** 4H × H: the previous hidden state's weights, same row order. */
  weightHh: number[][];
  /** 4H. */
  biasIh: number[];
  /** 4H. */
  biasHh: number[];
}

export interface LstmCellResult {
  /** h′ = o ⊙ tanh(c′), the new hidden state. */
  h: number[];
  /** c′ = f ⊙ c + i ⊙ g, the new cell state. */
  c: number[];
  /** Input gate σ(a_i). */
  i: number[];
  /** Forget gate σ(a_f). */
  f: number[];
  /** Candidate tanh(a_g). */
  g: number[];
  /** Output gate σ(a_o). */
  o: number[];
}

/**
 * Checks the shapes and finiteness of one step's inputs; returns [H, I]. H comes from biasIh (its length
 * over 4), I from x; everything else must agree with them.
 */
export function checkLstmInputs(fn: string, x: number[], h: number[], c: number[], params: LstmParams): [number, number] {
  if (params === null || typeof params !== 'object') throw new RangeError(`${fn}: params must be { weightIh, weightHh, biasIh, biasHh }`);
  const { weightIh, weightHh, biasIh, biasHh } = params;
  for (const [name, v] of [['x', x], ['h', h], ['c', c], ['params.biasIh', biasIh], ['params.biasHh', biasHh], ['params.weightIh', weightIh], ['params.weightHh', weightHh]] as const) {
    if (!Array.isArray(v)) throw new RangeError(`${fn}: ${name} must be an array`);
  }
  if (biasIh.length === 0 || biasIh.length % 4 !== 0) {
    throw new RangeError(`${fn}: params.biasIh has length ${biasIh.length} but must have length 4H for a hidden size H ≥ 1`);
  }
  const hidden = biasIh.length / 4;
  const input = x.length;
  if (input === 0) throw new RangeError(`${fn}: x is empty, but it needs at least one input`);
  checkLength(fn, 'params.biasHh', biasHh, 4 * hidden, '4H');
  checkLength(fn, 'h', h, hidden, 'H');
  checkLength(fn, 'c', c, hidden, 'H');
  const [rowsIh, colsIh] = checkMatrix(fn, 'params.weightIh', weightIh);
  const [rowsHh, colsHh] = checkMatrix(fn, 'params.weightHh', weightHh);
  if (rowsIh !== 4 * hidden || colsIh !== input) {
    throw new RangeError(`${fn}: params.weightIh is ${rowsIh} × ${colsIh} but must be 4H × I = ${4 * hidden} × ${input}`);
  }
  if (rowsHh !== 4 * hidden || colsHh !== hidden) {
    throw new RangeError(`${fn}: params.weightHh is ${rowsHh} × ${colsHh} but must be 4H × H = ${4 * hidden} × ${hidden}`);
  }
  checkFiniteValues(fn, 'x', x);
  checkFiniteValues(fn, 'h', h);
  checkFiniteValues(fn, 'c', c);
  checkFiniteValues(fn, 'params.biasIh', biasIh);
  checkFiniteValues(fn, 'params.biasHh', biasHh);
  weightIh.forEach((row, r) => checkFiniteValues(fn, `params.weightIh[${r}]`, row));
  weightHh.forEach((row, r) => checkFiniteValues(fn, `params.weightHh[${r}]`, row));
  return [hidden, input];
}

/**
 * Pre-activation of gate row r: weightIh[r]·x + biasIh[r] + weightHh[r]·h + biasHh[r], each product
 * split exactly into hi + lo, the his summed by Neumaier and the los added at the end. An overflow to
 * ±∞ is kept (σ and tanh saturate); +∞ meeting −∞ has no value and is a RangeError.
 */
function preActivation(fn: string, r: number, x: number[], h: number[], params: LstmParams): number {
  const value = accurateAffine(params.weightIh[r] as number[], x, params.weightHh[r] as number[], h, params.biasIh[r] as number, params.biasHh[r] as number);
  if (Number.isNaN(value)) throw new RangeError(`${fn}: the pre-activation of gate row ${r} is ∞ − ∞ (weights too large)`);
  return value;
}

/** The forward step with its pre-activations, which the backward pass reuses. Inputs already checked. */
export function lstmCellForward(
  fn: string,
  x: number[],
  h: number[],
  c: number[],
  params: LstmParams,
  hidden: number,
): LstmCellResult & { a: number[] } {
  const a = Array.from({ length: 4 * hidden }, (_, r) => preActivation(fn, r, x, h, params));
  const i = a.slice(0, hidden).map(sigmoid);
  const f = a.slice(hidden, 2 * hidden).map(sigmoid);
  const g = a.slice(2 * hidden, 3 * hidden).map(Math.tanh);
  const o = a.slice(3 * hidden).map(sigmoid);
  const cNext = c.map((ck, k) => {
    const fc = twoProduct(f[k] as number, ck);
    const ig = twoProduct(i[k] as number, g[k] as number);
    const s = twoSum(fc.hi, ig.hi);
    return s.hi + (s.lo + fc.lo + ig.lo);
  });
  const hNext = cNext.map((ck, k) => (o[k] as number) * Math.tanh(ck));
  return { h: hNext, c: cNext, i, f, g, o, a };
}

/** One LSTM step as PyTorch's nn.LSTMCell: see the module comment for the formulas and accuracy. */
export function lstmCell(x: number[], h: number[], c: number[], params: LstmParams): LstmCellResult {
  const [hidden] = checkLstmInputs('lstmCell', x, h, c, params);
  const { h: hNext, c: cNext, i, f, g, o } = lstmCellForward('lstmCell', x, h, c, params, hidden);
  return { h: hNext, c: cNext, i, f, g, o };
}
