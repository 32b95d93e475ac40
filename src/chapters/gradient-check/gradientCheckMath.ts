import { logitLossRounded, networkLossRounded, roundFloat32, roundFloat64, type Rounding } from '../../core/float32';
import { centralDifference, GRADIENT_CHECK } from '../../core/finiteDifference';
import {
  allowedGap,
  differenceTrace,
  errorCurve,
  gradientCheckPasses,
  optimalStep,
  relativeError,
  stepExponents,
  type DifferenceScheme,
  type DifferenceTrace,
  type Precision,
} from '../../core/gradientCheck';
import { makeDataset } from '../../core/datasets';
import { backward, createWorkspace, forward, initNetwork, type Network } from '../../core/network';
import { softmax } from '../../core/softmax';
import { formatNumber } from '../../format/formatNumber';
import { START_EXPONENT, STEP_LIMITS } from './gradientCheckState';

/**
 * The numbers of chapter 9's explorer: which scalar function is differentiated (the loss in one logit,
 * or in one weight of a fixed 2-16-3 network), its analytic derivative from the core, and the four
 * finite-difference estimates (forward and central, float64 and float32) at every step h of the grid.
 */

export const SCHEMES: readonly DifferenceScheme[] = ['central', 'forward'];
export const PRECISIONS: readonly Precision[] = ['float64', 'float32'];

// The slider's limits are its state's (the URL is read on the same grid); the plot samples that grid.
export { START_EXPONENT, STEP_LIMITS };
export const STEP_GRID: readonly number[] = stepExponents(STEP_LIMITS.min, STEP_LIMITS.max, STEP_LIMITS.step);

/** Snap an exponent from a slider, a key or a pointer to the grid, inside the range. */
export function snapExponent(e: number): number {
  const { min, max, step } = STEP_LIMITS;
  if (!Number.isFinite(e)) return START_EXPONENT;
  return Math.min(max, Math.max(min, Math.round(e / step) * step));
}

/** The fixed network of the chapter: 2-16-3, ReLU, seeded; one point of the seeded blobs. */
export const NETWORK_SEED = 9;
export const DATA_SEED = 4;
export const NETWORK_SHAPE = { inputs: 2, hidden: 16, outputs: 3, activation: 'relu' } as const;

export type Layer = 'w1' | 'w2';

export type Quantity =
  | { kind: 'logit'; k: number }
  | { kind: 'weight'; layer: Layer; row: number; col: number };

/** Rows and columns of each weight matrix: W₁ is inputs × hidden, W₂ hidden × outputs. */
export function layerSize(layer: Layer): { rows: number; cols: number } {
  return layer === 'w1'
    ? { rows: NETWORK_SHAPE.inputs, cols: NETWORK_SHAPE.hidden }
    : { rows: NETWORK_SHAPE.hidden, cols: NETWORK_SHAPE.outputs };
}

interface NetworkCase {
  net: Network;
  x: Float64Array;
  label: number;
  loss: number;
  /** ∂L/∂W₁, ∂L/∂W₂ from network.ts's backward, one sample */
  grads: { w1: Float64Array; w2: Float64Array };
  /** the sample's row of Z₁, the hidden pre-activations: a unit with (Z₁)ⱼ ≤ 0 passes no gradient (ReLU) */
  z1: Float64Array;
}

let networkCase: NetworkCase | undefined;

/** The network, its sample and its backward pass, made once (everything is seeded). */
export function chapterNetwork(): NetworkCase {
  if (networkCase) return networkCase;
  const net = initNetwork(NETWORK_SHAPE, NETWORK_SEED);
  const data = makeDataset('blobs', 3, DATA_SEED);
  const x = data.x.slice(0, 2);
  const labels = data.labels.slice(0, 1);
  const ws = createWorkspace(net.shape, 1);
  const loss = forward(net, x, labels, 1, ws);
  backward(net, x, labels, 1, ws);
  networkCase = {
    net,
    x,
    label: labels[0] as number,
    loss,
    grads: { w1: ws.grads.w1.slice(), w2: ws.grads.w2.slice() },
    z1: ws.z1.slice(0, NETWORK_SHAPE.hidden),
  };
  return networkCase;
}

/**
 * The weight the chapter starts on: (W₂)ⱼₖ from the most active hidden unit j to the sample's class. Its
 * gradient a1·(p − 1) is far from 0, and its unit is far from ReLU's kink, so its V is clean.
 */
export function defaultWeight(): Quantity {
  const { z1, label } = chapterNetwork();
  let row = 0;
  z1.forEach((v, j) => {
    if (v > (z1[row] as number)) row = j;
  });
  return { kind: 'weight', layer: 'w2', row, col: label };
}

/** A scalar function f(x) in both precisions, the point x, and the derivative the check is against. */
export interface ScalarQuantity {
  /** the function at x in each precision (float32's rounds every operation) */
  f: Record<Precision, (x: number) => number>;
  x: number;
  /** the analytic derivative, from the core in float64 */
  analytic: number;
  /** f(x) in float64 */
  value: number;
  /** a short name in words ("the loss as a function of z₂", "the weight (W₁)₁,₃") and as LaTeX */
  name: string;
  /** the differentiated variable in text, as the chapter writes it: "z₂", "(W₂)₁₆,₁" */
  short: string;
  symbolTex: string;
  /** why the analytic derivative is exactly 0, when it is */
  zeroReason?: string;
}

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';
/** 16 → "₁₆": an index as Unicode subscript digits, for text alternatives and labels. */
export function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUBSCRIPT.charAt(Number(d)));
}

/** The loss as a function of logit k, at the store's logits and labels: analytic p_k − y_k. */
export function logitQuantity(logits: readonly number[], labels: readonly number[], k: number): ScalarQuantity {
  const p = softmax(logits);
  const f = {
    float64: logitLossRounded(logits, labels, k, roundFloat64),
    float32: logitLossRounded(logits, labels, k, roundFloat32),
  };
  const x = logits[k] as number;
  return {
    f,
    x,
    analytic: (p[k] as number) - (labels[k] as number),
    value: f.float64(x),
    name: `the loss as a function of z${subscript(k + 1)}`,
    short: `z${subscript(k + 1)}`,
    symbolTex: `z_{${k + 1}}`,
  };
}

/** The network's loss on its sample as a function of one weight; analytic from backward. */
export function weightQuantity(layer: Layer, row: number, col: number): ScalarQuantity {
  const { net, x: sample, label, grads, z1 } = chapterNetwork();
  const { rows, cols } = layerSize(layer);
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || row >= rows || col < 0 || col >= cols) {
    throw new RangeError(`weightQuantity: ${layer} has no entry [${row}, ${col}]`);
  }
  const index = row * cols + col;
  const lossIn = (round: Rounding) => {
    // a copy of the one weight matrix that varies, and scratch for the pass: nothing allocated per call
    const weights = net.params[layer].slice();
    const params = layer === 'w1' ? { ...net.params, w1: weights } : { ...net.params, w2: weights };
    const hidden = new Float64Array(NETWORK_SHAPE.hidden);
    const logits = new Float64Array(NETWORK_SHAPE.outputs);
    return (w: number) => {
      weights[index] = w;
      return networkLossRounded(net.shape, params, sample, label, round, hidden, logits);
    };
  };
  const f = { float64: lossIn(roundFloat64), float32: lossIn(roundFloat32) };
  const w = net.params[layer][index] as number;
  const analytic = grads[layer][index] as number;
  const unit = layer === 'w1' ? col : row;
  const off = (z1[unit] as number) <= 0;
  const L = layer === 'w1' ? 1 : 2;
  const short = `(W${subscript(L)})${subscript(row + 1)},${subscript(col + 1)}`;
  const pre = z1[unit] as number;
  return {
    f,
    x: w,
    analytic,
    value: f.float64(w),
    name: `the weight ${short}`,
    short,
    symbolTex: `(W_{${L}})_{${row + 1},${col + 1}}`,
    zeroReason:
      analytic === 0 && off
        ? `hidden unit ${unit + 1} is off for this sample (its pre-activation in Z₁ is ${pre === 0 ? '0' : formatNumber(pre, 4)}), so ReLU passes it no gradient`
        : undefined,
  };
}

export function quantityOf(q: Quantity, logits: readonly number[], labels: readonly number[]): ScalarQuantity {
  if (q.kind === 'logit') return logitQuantity(logits, labels, Math.min(q.k, logits.length - 1));
  return weightQuantity(q.layer, q.row, q.col);
}

/** One estimate: its trace, its relative error, and whether x ± h was lost. */
export interface Estimate {
  scheme: DifferenceScheme;
  precision: Precision;
  trace: DifferenceTrace;
  error: number;
}

export function estimateAt(q: ScalarQuantity, h: number, scheme: DifferenceScheme, precision: Precision): Estimate {
  const round = precision === 'float32' ? roundFloat32 : roundFloat64;
  const trace = differenceTrace(q.f[precision], q.x, h, scheme, { round });
  return { scheme, precision, trace, error: relativeError(trace.estimate, q.analytic) };
}

/** All four estimates at one h, central before forward, float64 before float32. */
export function estimatesAt(q: ScalarQuantity, h: number): Estimate[] {
  return SCHEMES.flatMap((scheme) => PRECISIONS.map((precision) => estimateAt(q, h, scheme, precision)));
}

export interface ErrorCurveData {
  scheme: DifferenceScheme;
  precision: Precision;
  errors: Float64Array;
  /** √ε or ∛ε of the precision */
  bestH: number;
}

/** The four error curves over STEP_GRID. */
export function errorCurves(q: ScalarQuantity): ErrorCurveData[] {
  return SCHEMES.flatMap((scheme) =>
    PRECISIONS.map((precision) => ({
      scheme,
      precision,
      errors: errorCurve(q.f[precision], q.x, q.analytic, scheme, STEP_GRID, { round: precision === 'float32' ? roundFloat32 : roundFloat64 }),
      bestH: optimalStep(scheme, precision),
    })),
  );
}

/** One row of the tests' check, run live: the analytic ∂L/∂z_k, the core's central difference, and the verdict. */
export interface ToleranceCheck {
  k: number;
  analytic: number;
  /** centralDifference(f, z_k, GRADIENT_CHECK.step): the core's, dividing by the step actually taken */
  estimate: number;
  /** |analytic − estimate| */
  gap: number;
  /** rtol·max(|analytic|, |estimate|) + atol */
  allowed: number;
  /** |analytic − estimate| / |analytic| (∞ against an analytic 0) */
  relative: number;
  /** the tests' rule: gap ≤ allowed */
  ok: boolean;
  /** what a relative tolerance alone would say: relative ≤ rtol */
  relativeOk: boolean;
}

/**
 * The check of the project's tests (GRADIENT_CHECK's step, relative and absolute tolerance, the core's
 * centralDifference) on ∂L/∂z_k = p_k − y_k for every k, at the learner's logits and labels.
 */
export function toleranceChecks(logits: readonly number[], labels: readonly number[]): ToleranceCheck[] {
  return logits.map((_, k) => {
    const q = logitQuantity(logits, labels, k);
    const estimate = centralDifference(q.f.float64, q.x, GRADIENT_CHECK.step);
    const relative = relativeError(estimate, q.analytic);
    return {
      k,
      analytic: q.analytic,
      estimate,
      gap: Math.abs(estimate - q.analytic),
      allowed: allowedGap(q.analytic, estimate),
      relative,
      ok: gradientCheckPasses(q.analytic, estimate),
      relativeOk: relative <= GRADIENT_CHECK.relativeTolerance,
    };
  });
}
