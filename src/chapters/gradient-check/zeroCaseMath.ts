import { logitLossRounded, roundFloat32, roundFloat64, softmaxCrossEntropyRounded } from '../../core/float32';
import { differenceTrace, spacingAt, storeInt32, type DifferenceScheme, type DifferenceTrace, type Precision } from '../../core/gradientCheck';
import { softmax } from '../../core/softmax';
import { formatNumber } from '../../format/formatNumber';
import { formatStep, valueDigits } from './gradientCheckFormula';

/**
 * The five ways a finite difference "returns only zeros", each reproduced on one fixed function: the
 * worked example's loss as a function of z₂, f(x) = L([2, x, 4]) with true class t = 2, at x = 3, where
 * f′(3) = p₂ − 1 ≈ −0.7553. Three lose the step before f sees it (a step below half the spacing of x,
 * float32, an integer array; there the central difference instead sees a whole unit); one differentiates a function that does not depend on x (Σ softmax = 1); one compares
 * f with itself (NumPy aliasing, `xp = x` without a copy). Every number the widget shows is computed here.
 */

export type ZeroCaseId = 'tiny-step' | 'float32' | 'integer' | 'constant' | 'alias';

/** One row of a case's trace: what it is and its value as computed. */
export interface ZeroStep {
  label: string;
  value: number;
  /** how the value reads: an input or a step (few digits), a value of f (all its digits), an estimate ("0 (exactly)") */
  kind: 'input' | 'step' | 'value' | 'estimate';
}

export interface ZeroCase {
  id: ZeroCaseId;
  /** the radio button's name */
  label: string;
  /** the trace table's caption */
  title: string;
  precision: Precision;
  scheme: DifferenceScheme;
  h: number;
  /** the difference quotient as computed: its estimate is the zero (or, for the integer central, the 41 597) */
  trace: DifferenceTrace;
  /** the spacing of stored numbers at x (1 for an integer array); absent where storage is not the point */
  spacing?: number;
  /** the central difference with the same storage, where it does not return 0 (the integer case) */
  central?: DifferenceTrace;
  /** the derivative of the function actually differentiated: p₂ − 1, or 0 for Σ softmax */
  analytic: number;
  /** what the cure computes, where it is one line (the copy of the aliasing case) */
  fixed?: number;
  /** f(3 ± h) of the loss called without its labels (all-zero target): the constant case's second example */
  unlabelled?: DifferenceTrace;
  /** the NumPy lines that produce the zero; a line starting with "(" is the quotient, its value in a comment */
  code: readonly string[];
  steps: readonly ZeroStep[];
}

export const ZERO_CASE_X = 3;
const LOGITS = [2, 3, 4];
/** true class t = 2, one-hot */
const LABELS = [0, 1, 0];
const NO_LABELS = [0, 0, 0];

/** f′(3) = softmax([2, 3, 4])₂ − 1. */
export function zeroCaseAnalytic(): number {
  return (softmax(LOGITS)[1] as number) - 1;
}

/**
 * s(x) = Σᵢ softmax([2, x, 4])ᵢ as a learner computes it in float64 (NumPy: e = exp(z − max z),
 * p = e / e.sum(), p.sum()), left to right. It is 1 for every x, up to the rounding of the last sum.
 */
export function softmaxSum(x: number): number {
  const z = [2, x, 4];
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = (e[0] as number) + (e[1] as number) + (e[2] as number);
  const p = e.map((v) => v / s);
  return (p[0] as number) + (p[1] as number) + (p[2] as number);
}

/** The worked example's loss L(z) for a whole logit vector, true class t = 2, in float64. */
const lossOf = (z: ArrayLike<number>) => softmaxCrossEntropyRounded(z, LABELS, roundFloat64);

/**
 * The aliasing bug replayed with real arrays: `xp = x` (no copy), `xp[1] += h`, then (f(xp) − f(x)) / h.
 * Both calls see the one array, moved by h. Returns the trace and the array x as left behind.
 */
export function aliasedForward(h: number): { trace: DifferenceTrace; xAfter: Float64Array; fixed: number } {
  const x = Float64Array.from(LOGITS);
  const xp = x; // the bug: the same array under a second name
  xp[1] = (xp[1] as number) + h;
  const fPlus = lossOf(xp);
  const fMinus = lossOf(x);
  const numerator = fPlus - fMinus;
  // the cure, xp = x.copy(), from a fresh x
  const fresh = Float64Array.from(LOGITS);
  const copy = fresh.slice();
  copy[1] = (copy[1] as number) + h;
  const fixed = (lossOf(copy) - lossOf(fresh)) / h;
  return {
    trace: {
      scheme: 'forward',
      x: ZERO_CASE_X,
      h,
      xPlus: xp[1] as number,
      xMinus: x[1] as number,
      fPlus,
      fMinus,
      numerator,
      denominator: h,
      estimate: numerator / h,
      stepLost: false,
    },
    xAfter: x,
    fixed,
  };
}

const f64 = () => logitLossRounded(LOGITS, LABELS, 1, roundFloat64);

function traceSteps(t: DifferenceTrace, storage: string, digits: number): ZeroStep[] {
  const central = t.scheme === 'central';
  return [
    { label: 'x as stored', value: t.x, kind: 'input' },
    { label: 'h', value: t.h, kind: 'step' },
    { label: `x + h as stored (${storage})`, value: t.xPlus, kind: digits > 0 ? 'value' : 'input' },
    central
      ? { label: `x − h as stored (${storage})`, value: t.xMinus, kind: digits > 0 ? 'value' : 'input' }
      : { label: 'x (the other point)', value: t.xMinus, kind: 'input' },
    { label: 'f(x + h)', value: t.fPlus, kind: 'value' },
    { label: central ? 'f(x − h)' : 'f(x)', value: t.fMinus, kind: 'value' },
    { label: 'numerator', value: t.numerator, kind: 'estimate' },
    { label: central ? 'estimate (numerator / 2h)' : 'estimate (numerator / h)', value: t.estimate, kind: 'estimate' },
  ];
}

export function zeroCase(id: ZeroCaseId): ZeroCase {
  const x = ZERO_CASE_X;
  const analytic = zeroCaseAnalytic();
  if (id === 'tiny-step') {
    const h = 1e-16;
    const trace = differenceTrace(f64(), x, h, 'central');
    return {
      id, label: 'h = 10⁻¹⁶ in float64', title: 'h below half the spacing of x', precision: 'float64', scheme: 'central', h,
      trace, spacing: spacingAt(x, 'float64'), analytic,
      code: ['x, h = 3.0, 1e-16', '# x + h == x - h == 3.0', '(f(x + h) - f(x - h)) / (2 * h)'],
      steps: traceSteps(trace, 'float64', 1),
    };
  }
  if (id === 'float32') {
    const h = 1e-8;
    const f32 = logitLossRounded(LOGITS, LABELS, 1, roundFloat32);
    const trace = differenceTrace(f32, x, h, 'central', { round: roundFloat32 });
    return {
      id, label: 'h = 10⁻⁸ in float32', title: 'float32', precision: 'float32', scheme: 'central', h,
      trace, spacing: spacingAt(x, 'float32'), analytic,
      code: ['x = np.float32(3)', 'h = np.float32(1e-8)', '# x + h == x - h == 3.0 in float32', '(f(x + h) - f(x - h)) / (2 * h)'],
      steps: traceSteps(trace, 'float32', 1),
    };
  }
  if (id === 'integer') {
    const h = 1e-5;
    const trace = differenceTrace(f64(), x, h, 'forward', { store: storeInt32 });
    const central = differenceTrace(f64(), x, h, 'central', { store: storeInt32 });
    return {
      id, label: 'x in an integer array', title: 'integer inputs', precision: 'float64', scheme: 'forward', h,
      trace, spacing: 1, central, analytic,
      code: [
        'h = 1e-5',
        'z = np.array([2, 3, 4])  # int64',
        'zp = z.copy()',
        'zp[1] += h               # stores 3',
        '(L(zp) - L(z)) / h',
        'zm = z.copy()',
        'zm[1] -= h               # stores 2',
        '(L(zp) - L(zm)) / (2 * h)',
      ],
      steps: [
        ...traceSteps(trace, 'int64', 0),
        { label: 'x − h as stored (int64)', value: central.xMinus, kind: 'input' },
        { label: 'f(x − h)', value: central.fMinus, kind: 'value' },
        { label: 'central estimate (f(x + h) − f(x − h)) / 2h', value: central.estimate, kind: 'estimate' },
      ],
    };
  }
  if (id === 'constant') {
    const h = 1e-5;
    const trace = differenceTrace(softmaxSum, x, h, 'central');
    const unlabelled = differenceTrace(logitLossRounded(LOGITS, NO_LABELS, 1, roundFloat64), x, h, 'central');
    return {
      id, label: 'Σ softmax, a constant', title: 'a function that does not depend on x', precision: 'float64', scheme: 'central', h,
      trace, analytic: 0, unlabelled,
      code: [
        'h = 1e-5',
        'z = lambda x: np.array([2.0, x, 4.0])',
        's = lambda x: softmax(z(x)).sum()  # 1, up to rounding',
        '(s(x + h) - s(x - h)) / (2 * h)',
        'y0 = np.zeros(3)  # labels never set',
        'L0 = lambda x: cross_entropy(z(x), y0)',
        '(L0(x + h) - L0(x - h)) / (2 * h)',
      ],
      steps: [
        { label: 'x', value: trace.x, kind: 'input' },
        { label: 'h', value: trace.h, kind: 'step' },
        { label: 's(x + h) = Σ softmax([2, x + h, 4])', value: trace.fPlus, kind: 'value' },
        { label: 's(x − h)', value: trace.fMinus, kind: 'value' },
        { label: 'numerator', value: trace.numerator, kind: 'estimate' },
        { label: 'estimate (numerator / 2h)', value: trace.estimate, kind: 'estimate' },
        { label: 'the true derivative of s', value: 0, kind: 'estimate' },
        { label: 'loss with y = [0, 0, 0]: L₀(x + h)', value: unlabelled.fPlus, kind: 'estimate' },
        { label: 'L₀(x − h)', value: unlabelled.fMinus, kind: 'estimate' },
        { label: 'its estimate', value: unlabelled.estimate, kind: 'estimate' },
      ],
    };
  }
  const h = 1e-5;
  const { trace, xAfter, fixed } = aliasedForward(h);
  return {
    id, label: 'xp = x, no copy (NumPy aliasing)', title: 'one array under two names', precision: 'float64', scheme: 'forward', h,
    trace, analytic, fixed,
    code: [
      'h = 1e-5',
      'x = np.array([2.0, 3.0, 4.0])',
      'xp = x         # no copy: one array',
      'xp[1] += h     # moves x[1] too',
      '(L(xp) - L(x)) / h',
      'xp = x.copy()  # the cure',
    ],
    steps: [
      { label: 'x[1] before', value: ZERO_CASE_X, kind: 'input' },
      { label: 'h', value: h, kind: 'step' },
      { label: 'xp[1] after xp[1] += h', value: trace.xPlus, kind: 'value' },
      { label: 'x[1] after xp[1] += h', value: xAfter[1] as number, kind: 'value' },
      { label: 'L(xp)', value: trace.fPlus, kind: 'value' },
      { label: 'L(x)', value: trace.fMinus, kind: 'value' },
      { label: 'numerator', value: trace.numerator, kind: 'estimate' },
      { label: 'estimate (numerator / h)', value: trace.estimate, kind: 'estimate' },
      { label: 'with xp = x.copy()', value: fixed, kind: 'estimate' },
    ],
  };
}

export const ZERO_CASES: readonly ZeroCaseId[] = ['tiny-step', 'float32', 'integer', 'constant', 'alias'];

/** A step's value as the trace table reads it: an exact zero as "0 (exactly)", an estimate to 10 decimals. */
export function zeroStepText(step: ZeroStep, precision: Precision): string {
  if (step.kind === 'step') return formatStep(step.value);
  if (step.kind === 'estimate') return step.value === 0 ? '0 (exactly)' : formatNumber(step.value, 10);
  if (step.kind === 'input') return formatNumber(step.value, Number.isInteger(step.value) ? 0 : 5);
  return formatNumber(step.value, valueDigits(precision));
}

/** A ratio to two significant digits in powers of ten: 55075 reads "5.5 × 10⁴". */
export function roughly(x: number): string {
  const [mantissa = '', e = '0'] = Math.abs(x).toExponential(1).split('e');
  const exponent = Number(e);
  const superscript = String(exponent).replace(/./g, (c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'.charAt('-0123456789'.indexOf(c)));
  return `${x < 0 ? '−' : ''}${mantissa}${exponent === 0 ? '' : ` × 10${superscript}`}`;
}

/** Why the case returns its zero, and the cure, with its numbers. */
export function zeroCaseWhy(c: ZeroCase): string {
  const derivative = formatNumber(zeroCaseAnalytic(), 4);
  if (c.id === 'tiny-step') {
    return `Doubles near 3 are ${formatNumber(c.spacing ?? NaN, 3)} apart, and h is less than half of that: 3 + h and 3 − h both round to 3. ` +
      'f is evaluated at the same input twice. The cure: a step relative to x, about 10⁻⁵ · max(1, |x|) for a central difference.';
  }
  if (c.id === 'float32') {
    return `float32 numbers near 3 are ${formatNumber(c.spacing ?? NaN, 3)} apart: a step of 10⁻⁸ is lost the moment x + h is stored. ` +
      'A step that is harmless in float64 is below float32’s resolution. The cure: h near ∛ε ≈ 5 × 10⁻³ for float32, or compute the check in float64.';
  }
  if (c.id === 'integer') {
    const central = c.central?.estimate ?? NaN;
    return 'An integer array (a NumPy int64 array, a JavaScript Int32Array) holds only integers: writing 3 + 0.00001 into it stores 3 ' +
      '(it truncates towards zero), so f(x + h) = f(x) and the forward difference is 0. ' +
      `The central difference is no better: 3 − 0.00001 is stored as 2, and (f(3) − f(2)) / (2h) = ${formatNumber(central, 1)} is a slope over a step of 1 ` +
      `divided by 2 × 10⁻⁵, about ${roughly(central / zeroCaseAnalytic())} times the true ${formatNumber(zeroCaseAnalytic(), 4)}. ` +
      'NumPy truncates without a word whenever it assigns into the int64 array (z[1] = z[1] + h, z[:] = z + h, and z[1] += h, ' +
      'which it runs as a scalar add and then an assignment); an in-place operator on an array or a slice (z += h, z[1:2] += h) ' +
      'raises a UFuncTypeError instead. ' +
      'The cure: keep inputs in floating point (np.array([2, 3, 4], dtype=float), or z.astype(float)).';
  }
  if (c.id === 'constant') {
    const u = c.unlabelled;
    return `Σᵢ softmax(z)ᵢ is 1 for every z: s(3 + h) and s(3 − h) both come out as ${formatNumber(c.trace.fPlus, 0)}, so the numerator is exactly 0. ` +
      'The difference is right: the true derivative is 0 as well (each column of the softmax Jacobian sums to 0), so this check passes and tests nothing. ' +
      'Check a number that depends on the output, such as the loss, or Σᵢ wᵢpᵢ with random weights wᵢ. ' +
      `A loss called without its labels is the same trap: with the target left at all zeros, −Σᵢ yᵢ ln pᵢ is ${formatNumber(u?.fPlus ?? NaN, 0)} for every z, ` +
      `and its estimate is ${u?.estimate === 0 ? '0' : formatNumber(u?.estimate ?? NaN, 4)} where the true derivative is ${derivative}.`;
  }
  return 'xp = x does not copy: xp and x are two names for one array, so xp[1] += h moves x[1] to 3.00001 as well, and L(xp) − L(x) ' +
    'subtracts a number from itself: exactly 0. It also leaves x moved by h, so every later coordinate is checked at the wrong point. ' +
    `The cure: xp = x.copy(), which gives ${formatNumber(c.fixed ?? NaN, 6)} (forward, h = 10⁻⁵): the true ${formatNumber(zeroCaseAnalytic(), 6)} ` +
    'to within the truncation error of the step.';
}
