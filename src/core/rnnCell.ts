/**
 * One step of a plain (Elman) RNN cell with tanh, with PyTorch's nn.RNNCell semantics: the LSTM's
 * counterpart without gates or a cell state, which chapter 13 runs beside the LSTM to show whose
 * gradient vanishes (issue 14).
 *
 * params = { weightIh (H × I), weightHh (H × H), biasIh (H), biasHh (H) }; with
 * a = weightIh·x + biasIh + weightHh·h + biasHh (PyTorch adds both biases),
 *   h′ = tanh(a).
 * Its backward pass, for an upstream gradient dh′ = ∂L/∂h′:
 *   da = dh′ ⊙ tanh′(a),  tanh′(a) = 1 − tanh²a, written 1/cosh²a (1 − tanh² loses every digit where
 *   tanh rounds to ±1);  dh = weightHhᵀ da,  dx = weightIhᵀ da.
 *
 * Accuracy: each pre-activation is a compensated dot product (Dekker's TwoProduct and Neumaier's sum),
 * as in lstmCell, so it is the exact value rounded about once; tanh is Math.tanh. Inputs must be finite:
 * mismatched shapes, empty vectors or NaN/±∞ anywhere are a RangeError.
 */
import { accurateAffine, accurateSum } from './exactArithmetic';
import { checkFiniteValues, checkLength, checkMatrix } from './validate';

export interface RnnParams {
  /** H × I: the input's weights. */
  weightIh: number[][];
  /** H × H: the previous hidden state's weights. */
  weightHh: number[][];
  /** H. */
  biasIh: number[];
  /** H. */
  biasHh: number[];
}

/** Checks the shapes and finiteness of one step's inputs; returns [H, I]. H comes from biasIh, I from x. */
export function checkRnnInputs(fn: string, x: number[], h: number[], params: RnnParams): [number, number] {
  if (params === null || typeof params !== 'object') throw new RangeError(`${fn}: params must be { weightIh, weightHh, biasIh, biasHh }`);
  const { weightIh, weightHh, biasIh, biasHh } = params;
  for (const [name, v] of [['x', x], ['h', h], ['params.biasIh', biasIh], ['params.biasHh', biasHh], ['params.weightIh', weightIh], ['params.weightHh', weightHh]] as const) {
    if (!Array.isArray(v)) throw new RangeError(`${fn}: ${name} must be an array`);
  }
  const hidden = biasIh.length;
  if (hidden === 0) throw new RangeError(`${fn}: params.biasIh is empty, but the hidden size H must be at least 1`);
  const input = x.length;
  if (input === 0) throw new RangeError(`${fn}: x is empty, but it needs at least one input`);
  checkLength(fn, 'params.biasHh', biasHh, hidden, 'H');
  checkLength(fn, 'h', h, hidden, 'H');
  const [rowsIh, colsIh] = checkMatrix(fn, 'params.weightIh', weightIh);
  const [rowsHh, colsHh] = checkMatrix(fn, 'params.weightHh', weightHh);
  if (rowsIh !== hidden || colsIh !== input) {
    throw new RangeError(`${fn}: params.weightIh is ${rowsIh} × ${colsIh} but must be H × I = ${hidden} × ${input}`);
  }
  if (rowsHh !== hidden || colsHh !== hidden) {
    throw new RangeError(`${fn}: params.weightHh is ${rowsHh} × ${colsHh} but must be H × H = ${hidden} × ${hidden}`);
  }
  checkFiniteValues(fn, 'x', x);
  checkFiniteValues(fn, 'h', h);
  checkFiniteValues(fn, 'params.biasIh', biasIh);
  checkFiniteValues(fn, 'params.biasHh', biasHh);
  weightIh.forEach((row, r) => checkFiniteValues(fn, `params.weightIh[${r}]`, row));
  weightHh.forEach((row, r) => checkFiniteValues(fn, `params.weightHh[${r}]`, row));
  return [hidden, input];
}

/** Pre-activation of row r, compensated as in lstmCell; ∞ − ∞ is a RangeError, a lone ±∞ saturates tanh. */
function preActivation(fn: string, r: number, x: number[], h: number[], params: RnnParams): number {
  const value = accurateAffine(params.weightIh[r] as number[], x, params.weightHh[r] as number[], h, params.biasIh[r] as number, params.biasHh[r] as number);
  if (Number.isNaN(value)) throw new RangeError(`${fn}: the pre-activation of row ${r} is ∞ − ∞ (weights too large)`);
  return value;
}

/** The pre-activations a of one step. Inputs already checked. */
export function rnnPreActivations(fn: string, x: number[], h: number[], params: RnnParams, hidden: number): number[] {
  return Array.from({ length: hidden }, (_, r) => preActivation(fn, r, x, h, params));
}

/** 1 − tanh²a = 1/cosh²a: accurate for every a, and 0 (not NaN) where cosh overflows. */
export function tanhGrad(a: number): number {
  const ch = Math.cosh(a);
  return 1 / (ch * ch);
}

/** ∂L/∂h for one step from its pre-activations a and dh′ = ∂L/∂h′: weightHhᵀ (dh′ ⊙ tanh′(a)). Inputs checked. */
export function rnnBackwardHidden(a: number[], params: RnnParams, dhNext: number[], hidden: number): number[] {
  const da = a.map((ak, r) => (dhNext[r] as number) * tanhGrad(ak));
  // one compensated sum per column, so that a small gradient is not lost among cancelling terms
  return Array.from({ length: hidden }, (_, k) => accurateSum(da.map((d, r) => ((params.weightHh[r] as number[])[k] as number) * d)));
}

/** One RNN step as PyTorch's nn.RNNCell with nonlinearity 'tanh': h′ = tanh(W_ih x + b_ih + W_hh h + b_hh). */
export function rnnCell(x: number[], h: number[], params: RnnParams): number[] {
  const [hidden] = checkRnnInputs('rnnCell', x, h, params);
  return rnnPreActivations('rnnCell', x, h, params, hidden).map(Math.tanh);
}
