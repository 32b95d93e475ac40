import { logitLossRounded, roundFloat32, roundFloat64 } from '../../core/float32';
import { differenceTrace, spacingAt, storeInt32, type DifferenceScheme, type DifferenceTrace, type Precision } from '../../core/gradientCheck';
import { softmax } from '../../core/softmax';

/**
 * The three ways a finite difference "returns only zeros", each reproduced on one fixed function: the
 * worked example's loss as a function of z₂, f(x) = L([2, x, 4]) with label class 2, at x = 3, where
 * f′(3) = p₂ − 1 ≈ −0.7553.
 */

export type ZeroCaseId = 'tiny-step' | 'float32' | 'integer';

export interface ZeroCase {
  id: ZeroCaseId;
  title: string;
  precision: Precision;
  scheme: DifferenceScheme;
  h: number;
  /** how x ± h is stored */
  storage: 'float64' | 'float32' | 'Int32Array';
  trace: DifferenceTrace;
  /** the spacing of stored numbers at x: 1 for integers */
  spacing: number;
  /** the central difference with the same storage, where it does not return 0 (the integer case) */
  central?: DifferenceTrace;
}

export const ZERO_CASE_X = 3;
const LOGITS = [2, 3, 4];
const LABELS = [0, 1, 0];

/** f′(3) = softmax([2, 3, 4])₂ − 1. */
export function zeroCaseAnalytic(): number {
  return (softmax(LOGITS)[1] as number) - 1;
}

export function zeroCase(id: ZeroCaseId): ZeroCase {
  const f64 = logitLossRounded(LOGITS, LABELS, 1, roundFloat64);
  const x = ZERO_CASE_X;
  if (id === 'tiny-step') {
    const h = 1e-16;
    return {
      id, title: 'h below the spacing of x', precision: 'float64', scheme: 'central', h, storage: 'float64',
      trace: differenceTrace(f64, x, h, 'central'), spacing: spacingAt(x, 'float64'),
    };
  }
  if (id === 'float32') {
    const h = 1e-8;
    const f32 = logitLossRounded(LOGITS, LABELS, 1, roundFloat32);
    return {
      id, title: 'float32', precision: 'float32', scheme: 'central', h, storage: 'float32',
      trace: differenceTrace(f32, x, h, 'central', { round: roundFloat32 }), spacing: spacingAt(x, 'float32'),
    };
  }
  const h = 1e-5;
  return {
    id, title: 'integer inputs', precision: 'float64', scheme: 'forward', h, storage: 'Int32Array',
    trace: differenceTrace(f64, x, h, 'forward', { store: storeInt32 }), spacing: 1,
    central: differenceTrace(f64, x, h, 'central', { store: storeInt32 }),
  };
}

export const ZERO_CASES: readonly ZeroCaseId[] = ['tiny-step', 'float32', 'integer'];
