import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  aliasedForward,
  roughly,
  softmaxSum,
  zeroCase,
  zeroCaseWhy,
  zeroStepText,
  ZERO_CASES,
  type ZeroCase,
} from '../../../../src/chapters/gradient-check/zeroCaseMath';
import { ZERO_CASES_STATE } from '../../../../src/chapters/gradient-check/gradientCheckState';

// By hand: p₂ = 1/(e⁻¹ + 1 + e) for z = [2, 3, 4]; f(x) = ln(e² + eˣ + e⁴) − x
const p2 = 1 / (Math.exp(-1) + 1 + Math.exp(1));

describe('the two zeros that are not lost steps', () => {
  it('softmaxSum is 1 up to the last rounding: exactly 1 at 3 ± 10⁻⁵, 1 − 2⁻⁵³ at 3', () => {
    expect(softmaxSum(3 + 1e-5)).toBe(1);
    expect(softmaxSum(3 - 1e-5)).toBe(1);
    expect(softmaxSum(3)).toBe(1 - 2 ** -53);
  });

  it('zeroCase("constant"): the central difference of Σ softmax is exactly 0, and so is its derivative', () => {
    const c = zeroCase('constant');
    expect(c.trace.numerator).toBe(0);
    expect(c.trace.estimate).toBe(0);
    expect(c.analytic).toBe(0);
    // the loss with an all-zero target: 0 at every x
    expect([c.unlabelled?.fPlus, c.unlabelled?.fMinus, c.unlabelled?.estimate]).toEqual([0, 0, 0]);
  });

  it('aliasedForward: x moves with xp, so L(xp) − L(x) is a number minus itself; the copy gives p₂ − 1', () => {
    const { trace, xAfter, fixed } = aliasedForward(1e-5);
    expect(Array.from(xAfter)).toEqual([2, 3 + 1e-5, 4]);
    expect(trace.fPlus).toBe(trace.fMinus);
    expect(trace.estimate).toBe(0);
    expect(fixed).toBeCloseTo(p2 - 1, 5);
    expect(fixed).not.toBe(0);
  });
});

describe('every case shows its numbers', () => {
  it('the state schema offers exactly the five cases, in the widget’s order', () => {
    expect(ZERO_CASES_STATE.zero.values).toEqual([...ZERO_CASES]);
  });

  it.each(ZERO_CASES)('%s: a label, code, a trace of finite numbers whose estimate row reads "0 (exactly)", and a reason', (id) => {
    const c = zeroCase(id);
    expect(c.label.length).toBeGreaterThan(0);
    expect(c.code.length).toBeGreaterThan(1);
    expect(c.steps.every((s) => Number.isFinite(s.value))).toBe(true);
    const estimate = c.steps.find((s) => s.label.startsWith('estimate'));
    expect(estimate && zeroStepText(estimate, c.precision)).toBe('0 (exactly)');
    expect(c.steps.map((s) => zeroStepText(s, c.precision)).join(' ')).not.toMatch(/NaN|undefined/);
    expect(zeroCaseWhy(c)).not.toMatch(/NaN|undefined/);
  });

  it('the integer case says how far off the central difference is: −41596.9, about 5.5 × 10⁴ times', () => {
    const why = zeroCaseWhy(zeroCase('integer'));
    expect(why).toContain('(f(3) − f(2)) / (2h) = −41596.9');
    expect(why).toContain('about 5.5 × 10⁴ times the true −0.7553');
    // NumPy's rule: assigning into the int64 array truncates (z[1] += h too); an in-place operator on an array or slice raises
    expect(why).toContain('NumPy truncates without a word whenever it assigns into the int64 array (z[1] = z[1] + h, z[:] = z + h, and z[1] += h');
    expect(why).toContain('an in-place operator on an array or a slice (z += h, z[1:2] += h) raises a UFuncTypeError');
  });

  it('the constant and aliasing cases give their numbers and their cure', () => {
    expect(zeroCaseWhy(zeroCase('constant'))).toContain('s(3 + h) and s(3 − h) both come out as 1');
    expect(zeroCaseWhy(zeroCase('constant'))).toContain('its estimate is 0 where the true derivative is −0.7553');
    // forward: p₂ − 1 + (h/2)·p₂(1 − p₂) = −0.7552706…, against −0.7552715…
    expect(zeroCaseWhy(zeroCase('alias'))).toContain('xp = x.copy(), which gives −0.755271 (forward, h = 10⁻⁵): the true −0.755272');
  });

  it('roughly writes a ratio to two significant digits in a power of ten', () => {
    expect(roughly(55075.5)).toBe('5.5 × 10⁴');
    expect(roughly(-0.0123)).toBe('−1.2 × 10⁻²');
    expect(roughly(3)).toBe('3.0');
  });
});

/**
 * The code each case shows is real NumPy: run it after a prelude that defines the functions it names,
 * printing each quotient line (a line starting with "("), and compare with the estimates the trace shows.
 */
const PRELUDE = [
  'import numpy as np',
  'def softmax(z):',
  '    e = np.exp(z - z.max())',
  '    return e / e.sum()',
  'def cross_entropy(z, y):',
  '    return -np.sum(y * np.log(softmax(z)))',
  'L = lambda z: cross_entropy(z, np.array([0.0, 1.0, 0.0]))   # true class t = 2',
  'f = lambda x: L(np.array([2.0, x, 4.0]))',
  'x = 3.0',
];

function runCase(c: ZeroCase): number[] {
  const body = c.code.map((line) => (line.startsWith('(') ? `print(repr(float(${line.split('#')[0]?.trim()})))` : line));
  const run = spawnSync('python3', ['-W', 'error', '-c', [...PRELUDE, ...body].join('\n')], { encoding: 'utf8', timeout: 20_000 });
  if (run.error || run.status !== 0) throw new Error(`python3 with numpy failed (.ci/run installs python3-numpy): ${run.error?.message ?? run.stderr}`);
  return run.stdout.trim().split('\n').map(Number);
}

describe('the NumPy lines each case shows compute the numbers it shows', () => {
  it.each(ZERO_CASES)('%s', (id) => {
    const c = zeroCase(id);
    const shown = id === 'integer' ? [c.trace.estimate, c.central?.estimate] : id === 'constant' ? [c.trace.estimate, c.unlabelled?.estimate] : [c.trace.estimate];
    const printed = runCase(c);
    expect(printed.length).toBe(shown.length);
    printed.forEach((v, i) => {
      const want = shown[i] as number;
      if (want === 0) expect(v).toBe(0);
      else expect(Math.abs(v - want)).toBeLessThan(1e-9 * Math.abs(want));
    });
  });
});
