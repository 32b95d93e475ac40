/**
 * The LSTM cell's backward pass (chapter 13, issue 14), for lstmCell in ./lstmCell.
 *
 * Given the upstream gradients dh = ∂L/∂h′ and dc = ∂L/∂c′ (c′ taken as its own input to L, apart from
 * its effect through h′), the chain rule through h′ = o ⊙ tanh(c′) and c′ = f ⊙ c + i ⊙ g gives, entry
 * by entry:
 *   dc′ (total) = dc + dh·o·(1 − tanh²c′)
 *   do = dh·tanh c′,   di = dc′·g,   df = dc′·c,   dg = dc′·i,   dc_prev = dc′·f
 * and through the activations to the pre-activations a:
 *   da_i = di·σ′(a_i),  da_f = df·σ′(a_f),  da_o = do·σ′(a_o),  da_g = dg·tanh′(a_g)
 * with σ′(a) = σ(a)·(1 − σ(a)), written σ(a)·σ(−a) (1 − σ(a) rounds to 0 for a ≳ 37), and
 * tanh′(a) = 1 − tanh²a, written 1/cosh²a (1 − tanh² loses every digit where tanh rounds to ±1).
 * Then, since a = weightIh·x + biasIh + weightHh·h + biasHh:
 *   dBiasIh = dBiasHh = da,   dWeightIh = da xᵀ,   dWeightHh = da hᵀ,
 *   dx = weightIhᵀ da,   dh_prev = weightHhᵀ da.
 */
import { accurateSum } from './exactArithmetic';
import { checkLstmInputs, lstmCellForward, type LstmCellResult, type LstmParams } from './lstmCell';
import { sigmoid } from './sigmoid';
import { checkFiniteValues, checkLength } from './validate';

export interface LstmCellGradients {
  /** ∂L/∂x. */
  dx: number[];
  /** ∂L/∂h, the previous hidden state. */
  dh: number[];
  /** ∂L/∂c, the previous cell state. */
  dc: number[];
  dWeightIh: number[][];
  dWeightHh: number[][];
  dBiasIh: number[];
  dBiasHh: number[];
}

/** 1 − tanh²a = 1/cosh²a: accurate for every a, and 0 (not NaN) where cosh overflows. */
function tanhGrad(a: number): number {
  const ch = Math.cosh(a);
  return 1 / (ch * ch);
}

/** σ′(a) = σ(a)·σ(−a). */
function sigmoidGradAt(a: number): number {
  return sigmoid(a) * sigmoid(-a);
}

/** What one step's backward pass gives back to the sequence: ∂L/∂h, ∂L/∂c of its inputs and its dc′ (total). */
export interface LstmStepGradients {
  dh: number[];
  dc: number[];
  dcTotal: number[];
}

/**
 * The backward step from a forward result already computed (the sequence keeps each step's, so it runs
 * the forward pass once), without the weight gradients, which the sequence does not need: building
 * them would allocate 4H arrays a step. Inputs checked.
 */
export function lstmCellBackwardFrom(
  fwd: LstmCellResult & { a: number[] },
  c: number[],
  params: LstmParams,
  dh: number[],
  dc: number[],
  hidden: number,
): LstmStepGradients & { da: number[] } {
  const { a, i, f, g, o } = fwd;
  const dcTotal = dc.map((dck, k) => dck + (dh[k] as number) * (o[k] as number) * tanhGrad(fwd.c[k] as number));
  const da = new Array<number>(4 * hidden);
  for (let k = 0; k < hidden; k++) {
    const dcT = dcTotal[k] as number;
    da[k] = dcT * (g[k] as number) * sigmoidGradAt(a[k] as number);
    da[hidden + k] = dcT * (c[k] as number) * sigmoidGradAt(a[hidden + k] as number);
    da[2 * hidden + k] = dcT * (i[k] as number) * tanhGrad(a[2 * hidden + k] as number);
    da[3 * hidden + k] = (dh[k] as number) * Math.tanh(fwd.c[k] as number) * sigmoidGradAt(a[3 * hidden + k] as number);
  }
  const dcPrev = dcTotal.map((dcT, k) => dcT * (f[k] as number));
  return { dh: transposeTimes(params.weightHh, da, hidden), dc: dcPrev, dcTotal, da };
}

/** Wᵀ·da, one compensated sum per column, so that a small gradient is not lost among cancelling terms. */
function transposeTimes(w: number[][], da: number[], columns: number): number[] {
  // one scratch buffer for every column's terms: a copy of da has the right length, and each column
  // overwrites every entry before its sum
  const terms = da.slice();
  const out = new Array<number>(columns);
  for (let k = 0; k < columns; k++) {
    for (let r = 0; r < da.length; r++) terms[r] = ((w[r] as number[])[k] as number) * (da[r] as number);
    out[k] = accurateSum(terms);
  }
  return out;
}

/** The backward step, also returning dc′ (total), which the sequence gradient records. Inputs checked. */
export function lstmCellBackwardChecked(
  fn: string,
  x: number[],
  h: number[],
  c: number[],
  params: LstmParams,
  dh: number[],
  dc: number[],
  hidden: number,
): LstmCellGradients & { dcTotal: number[] } {
  const fwd = lstmCellForward(fn, x, h, c, params, hidden);
  const step = lstmCellBackwardFrom(fwd, c, params, dh, dc, hidden);
  const { da } = step;
  return {
    dx: transposeTimes(params.weightIh, da, x.length),
    dh: step.dh,
    dc: step.dc,
    dWeightIh: da.map((d) => x.map((xk) => d * xk)),
    dWeightHh: da.map((d) => h.map((hk) => d * hk)),
    // da is this call's own array; dBiasHh gets a copy, so that the two gradients are separate arrays
    dBiasIh: da,
    dBiasHh: da.slice(),
    dcTotal: step.dcTotal,
  };
}

/**
 * Gradients of a loss L with respect to every input of lstmCell(x, h, c, params), given dh = ∂L/∂h′
 * and dc = ∂L/∂c′ (each of length H, finite). Formulas in the module comment.
 */
export function lstmCellBackward(
  x: number[],
  h: number[],
  c: number[],
  params: LstmParams,
  dh: number[],
  dc: number[],
): LstmCellGradients {
  const fn = 'lstmCellBackward';
  const [hidden] = checkLstmInputs(fn, x, h, c, params);
  for (const [name, v] of [['dh', dh], ['dc', dc]] as const) {
    if (!Array.isArray(v)) throw new RangeError(`${fn}: ${name} must be an array`);
    checkLength(fn, name, v, hidden, 'H');
    checkFiniteValues(fn, name, v);
  }
  const { dcTotal: _unused, ...gradients } = lstmCellBackwardChecked(fn, x, h, c, params, dh, dc, hidden);
  return gradients;
}
