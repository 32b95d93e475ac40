import { describe, expect, it } from 'vitest';
import {
  lstmCell,
  lstmCellBackward,
  lstmSequence,
  lstmSequenceGradient,
  lstmSequenceGradients,
  lstmSequenceGradientWithoutCellPath,
  type LstmParams,
} from '../../src/core';
import { centralDifference } from '../../src/core/finiteDifference';
import reference from './reference/lstmCell.json';
import { expectGradientMatches, expectRelClose, fc, GRADIENT_CHECK } from './helpers';
import { badSequenceCases } from './sequenceInputCases';

interface ReferenceCase {
  name: string;
  x: number[];
  h: number[];
  c: number[];
  params: LstmParams;
  expected: Record<'h' | 'c' | 'i' | 'f' | 'g' | 'o', string[]>;
}

const cases = (reference as { cases: ReferenceCase[] }).cases;
const KEYS = ['h', 'c', 'i', 'f', 'g', 'o'] as const;

/** The tolerance: 1e-12 of the exact value, or 1e-15 absolute near zero. */
const allowed = (exact: number) => Math.max(1e-12 * Math.abs(exact), 1e-15);

/** A small, hand-made params object: weights and biases from rows of numbers. */
function params(weightIh: number[][], weightHh: number[][], biasIh: number[], biasHh: number[]): LstmParams {
  return { weightIh, weightHh, biasIh, biasHh };
}

describe('lstmCell against the mpmath reference', () => {
  // tests/core/reference/lstmCell.py: nn.LSTMCell's formulas evaluated literally at 50 digits (checked at
  // 90), written to 30 digits; Number(text) is the exact value rounded once.
  it('the reference covers H = 1, H = 3 with I = 2, pre-activations near ±1e4, zeros and a cancelling sum', () => {
    expect(cases.map((c) => c.params.biasIh.length / 4)).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(cases.some((c) => c.params.weightIh.flat().some((w) => Math.abs(w) >= 9990))).toBe(true);
  });

  for (const c of cases) {
    it(`lstmCell(x, h, c, params) is within 1e-12 relative (or 1e-15 absolute) of the reference: ${c.name}`, () => {
      const result = lstmCell(c.x, c.h, c.c, c.params);
      let worst = 0;
      for (const key of KEYS) {
        const exact = c.expected[key].map(Number);
        expect(result[key].length).toBe(exact.length);
        result[key].forEach((value, k) => {
          const e = exact[k] as number;
          const error = Math.abs(value - e);
          if (!(error <= allowed(e))) throw new Error(`${key}[${k}]: ${value} vs exact ${e} (error ${error})`);
          if (e !== 0 && Math.abs(e) >= 2 ** -1022) worst = Math.max(worst, error / Math.abs(e));
        });
      }
      // Where the exact value is a normal double, the module comment's "a few ulp" holds: 16·2^-53 ≈ 1.8e-15.
      expect(worst).toBeLessThanOrEqual(16 * 2 ** -53);
    });
  }
});

describe('lstmCell by hand', () => {
  it('lstmCell([1], [0], [0.5], params) with a = (0, 2, 1, 0) gives c′ = σ(2)/2 + tanh(1)/2 and h′ = tanh(c′)/2', () => {
    // weightIh = (0, 2, 1, −1)ᵀ, weightHh = 0, biasHh = (0, 0, 0, 1): with x = 1, h = 0 the pre-activations
    // are a_i = 0, a_f = 2, a_g = 1, a_o = −1 + 1 = 0, so
    //   i = σ(0) = 1/2,  f = σ(2) = 1/(1 + e^-2) ≈ 0.880797,  g = tanh 1 ≈ 0.761594,  o = 1/2,
    //   c′ = f·0.5 + i·g ≈ 0.440399 + 0.380797 = 0.821196,  h′ = o·tanh c′ ≈ 0.5·0.675720 = 0.337860.
    const r = lstmCell([1], [0], [0.5], params([[0], [2], [1], [-1]], [[0], [0], [0], [0]], [0, 0, 0, 0], [0, 0, 0, 1]));
    const f = 1 / (1 + Math.exp(-2));
    const cNext = f * 0.5 + 0.5 * Math.tanh(1);
    expect(r.i).toEqual([0.5]);
    expect(r.o).toEqual([0.5]);
    expectRelClose(r.f, [f], 1e-15);
    expectRelClose(r.g, [Math.tanh(1)], 1e-15);
    expectRelClose(r.c, [cNext], 1e-15);
    expectRelClose(r.h, [0.5 * Math.tanh(cNext)], 1e-15);
    expectRelClose(r.c, [0.821196], 1e-6);
    expectRelClose(r.h, [0.33786], 1e-5);
  });

  it('lstmCell(x, h, c, params) with f = 1, i = 0 keeps c', () => {
    // a_f = 1e4 gives σ = 1 exactly in float64 and a_i = −1e4 gives e^-1e4, which rounds to 0.
    const c = [0.3, -7.25];
    const r = lstmCell([1], [0.1, 0.2], c, params(
      [[-1e4], [-1e4], [1e4], [1e4], [0.5], [-0.5], [0], [0]],
      Array.from({ length: 8 }, () => [0, 0]),
      [0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0],
    ));
    expect(r.c).toEqual(c);
    expect(r.h).toEqual(c.map((ck) => 0.5 * Math.tanh(ck)));
  });

  it('lstmCell(x, h, c, params) with all-zero weights has every gate 1/2, g = 0 and c′ = c/2', () => {
    const zeros = (n: number) => Array.from({ length: n }, () => 0);
    const r = lstmCell([5, -3], [1, 2, 3], [4, -2, 0], params(
      Array.from({ length: 12 }, () => zeros(2)),
      Array.from({ length: 12 }, () => zeros(3)),
      zeros(12),
      zeros(12),
    ));
    expect([...r.i, ...r.f, ...r.o]).toEqual(Array.from({ length: 9 }, () => 0.5));
    expect(r.g).toEqual([0, 0, 0]);
    expect(r.c).toEqual([2, -1, 0]);
  });

  it('lstmCell(x, h, c, params) where f·c and i·g cancel to f·2^-40 keeps every digit of c′', () => {
    // a = (1, 1, 1, 0): i = f = σ(1), g = tanh 1, o = 1/2. With c = 2^-40 − tanh 1 (exact: tanh 1 lies in
    // [1/2, 1), where doubles are spaced 2^-53), f·c + i·g = f·(c + g) = f·2^-40 exactly, a double. Its
    // products f·c and i·g are each off by up to 2^-54 once rounded, 2^-13 of the answer: only the exact
    // products, kept to the end, give it.
    const g = Math.tanh(1);
    const c = 2 ** -40 - g;
    const r = lstmCell([1], [0], [c], params([[1], [1], [1], [0]], [[0], [0], [0], [0]], [0, 0, 0, 0], [0, 0, 0, 0]));
    expectRelClose(r.f, [1 / (1 + Math.exp(-1))], 1e-15);
    expect(r.i).toEqual(r.f);
    expect(r.g).toEqual([g]);
    expect(r.o).toEqual([0.5]);
    const f = r.f[0] as number;
    expect(r.c).toEqual([f * 2 ** -40]);
    expect(r.h).toEqual([0.5 * Math.tanh(f * 2 ** -40)]);
  });
});

const small = (min = -1, max = 1) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const vector = (n: number, min = -1, max = 1) => fc.array(small(min, max), { minLength: n, maxLength: n });
const matrix = (rows: number, cols: number, min = -1, max = 1) =>
  fc.array(vector(cols, min, max), { minLength: rows, maxLength: rows });

/** x, h, c, params, and two weight vectors a, b for the loss L = a·h′ + b·c′; H and I in 1..3. */
const cellInputs = (weightRange = 1) =>
  fc
    .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
    .chain(([hidden, input]) =>
      fc.record({
        x: vector(input, -2, 2),
        h: vector(hidden),
        c: vector(hidden, -2, 2),
        params: fc.record({
          weightIh: matrix(4 * hidden, input, -weightRange, weightRange),
          weightHh: matrix(4 * hidden, hidden, -weightRange, weightRange),
          biasIh: vector(4 * hidden, -weightRange, weightRange),
          biasHh: vector(4 * hidden, -weightRange, weightRange),
        }),
        a: vector(hidden),
        b: vector(hidden),
      }),
    );

describe('lstmCellBackward against central differences', () => {
  // L = a·h′ + b·c′ through lstmCell, so ∂L/∂h′ = a and ∂L/∂c′ = b. Each input entry is moved by
  // ±GRADIENT_CHECK.step (1e-5). With weights in [−1, 1] and inputs in [−2, 2], L is at most about 6 and
  // its third derivatives are O(10), so the central difference is off by about h²·|L'''|/6 ≈ 2e-9 of
  // truncation plus ε·|L|/h ≈ 1e-10 of rounding. Accepted: 1e-6 relative + 1e-8 absolute. A dropped
  // factor or a wrong sign changes an entry by its own size, so it fails unless the entry is below 1e-8.
  const dot = (u: number[], v: number[]) => u.reduce((s, uk, k) => s + uk * (v[k] as number), 0);

  it('lstmCellBackward(x, h, c, params, a, b) matches central differences of a·h′ + b·c′ in every input', () => {
    fc.assert(
      fc.property(cellInputs(), ({ x, h, c, params: p, a, b }) => {
        const loss = (xs: number[], hs: number[], cs: number[], q: LstmParams) => {
          const r = lstmCell(xs, hs, cs, q);
          return dot(a, r.h) + dot(b, r.c);
        };
        const grads = lstmCellBackward(x, h, c, p, a, b);
        const numericOf = (values: number[], rebuild: (changed: number[]) => number) =>
          values.map((v, k) =>
            centralDifference((t) => rebuild(values.map((u, m) => (m === k ? t : u))), v, GRADIENT_CHECK.step),
          );
        const check = (analytic: number[], numeric: number[]) => expectGradientMatches(analytic, numeric, 1e-8);
        check(grads.dx, numericOf(x, (v) => loss(v, h, c, p)));
        check(grads.dh, numericOf(h, (v) => loss(x, v, c, p)));
        check(grads.dc, numericOf(c, (v) => loss(x, h, v, p)));
        check(grads.dBiasIh, numericOf(p.biasIh, (v) => loss(x, h, c, { ...p, biasIh: v })));
        check(grads.dBiasHh, numericOf(p.biasHh, (v) => loss(x, h, c, { ...p, biasHh: v })));
        p.weightIh.forEach((row, r) => {
          const replaced = (v: number[]) => ({ ...p, weightIh: p.weightIh.map((old, s) => (s === r ? v : old)) });
          check(grads.dWeightIh[r] as number[], numericOf(row, (v) => loss(x, h, c, replaced(v))));
        });
        p.weightHh.forEach((row, r) => {
          const replaced = (v: number[]) => ({ ...p, weightHh: p.weightHh.map((old, s) => (s === r ? v : old)) });
          check(grads.dWeightHh[r] as number[], numericOf(row, (v) => loss(x, h, c, replaced(v))));
        });
      }),
      { numRuns: 100 },
    );
  });

  it('lstmCellBackward(x, h, c, params, dh, 0) at a saturated output gate, a_o = 40, keeps σ′ = e^-40, not 0', () => {
    // 1 − σ(40) rounds to 2^-53·something coarse; σ(40)·σ(−40) = e^-40/(1 + e^-40)² ≈ 4.248e-18 exactly.
    const g = lstmCellBackward([1], [0], [1], params([[0], [0], [0], [40]], [[0], [0], [0], [0]], [0, 0, 0, 0], [0, 0, 0, 0]), [1], [0]);
    // c′ = σ(0)·1 + σ(0)·tanh 0 = 1/2, so da_o = 1·tanh(1/2)·σ′(40).
    const sigmaPrime = Math.exp(-40) / (1 + Math.exp(-40)) ** 2;
    expectRelClose([g.dBiasIh[3] as number], [Math.tanh(0.5) * sigmaPrime], 1e-14);
  });

  it('lstmCellBackward(x, h, c, params, dh, dc).dBiasIh and .dBiasHh are equal but separate arrays', () => {
    // Both are da (the two biases enter a alike); writing into one must leave the other as it was.
    const g = lstmCellBackward([1], [0.5], [0.25], params([[0.5], [-0.3], [0.8], [0.2]], [[0.4], [0.7], [-0.6], [0.9]], [0, 1, 0, 0], [0.1, 0, 0, -0.1]), [1], [0.5]);
    expect(g.dBiasHh).toEqual(g.dBiasIh);
    const before = g.dBiasHh.slice();
    g.dBiasIh[0] = 99;
    expect(g.dBiasHh).toEqual(before);
  });
});

describe('lstmCell far from zero', () => {
  it('lstmCell(x, h, c, params) is finite, with gates in [0, 1] and |h′| ≤ 1, for pre-activations up to ±1e4', () => {
    fc.assert(
      fc.property(cellInputs(2500), ({ x, h, c, params: p, a, b }) => {
        // |a| ≤ 2500·(|x|₁ + |h|₁ + 2) ≤ 2500·(6 + 3 + 2) < 3e4: past the ±1e4 the issue asks for.
        const r = lstmCell(x, h, c, p);
        for (const v of [...r.i, ...r.f, ...r.o]) expect(v >= 0 && v <= 1).toBe(true);
        for (const v of [...r.g, ...r.h]) expect(Math.abs(v) <= 1).toBe(true);
        for (const v of r.c) expect(Number.isFinite(v)).toBe(true);
        const grads = lstmCellBackward(x, h, c, p, a, b);
        const all = [grads.dx, grads.dh, grads.dc, grads.dBiasIh, grads.dBiasHh, ...grads.dWeightIh, ...grads.dWeightHh].flat();
        for (const v of all) expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('lstmCell and lstmCellBackward refuse bad input with a message naming the value', () => {
  // H = 2, I = 1, every shape right: each case below breaks one thing.
  const rowsOf = (n: number, row: number[]) => Array.from({ length: n }, () => row.slice());
  const good = () => params(rowsOf(8, [1]), rowsOf(8, [1, 0]), new Array<number>(8).fill(0), new Array<number>(8).fill(0));
  const x = [1];
  const h = [0, 0];
  const c = [0, 0];
  const notArray = (v: unknown) => v as number[];
  const withRow = (rows: number[][], r: number, row: number[]) => rows.map((old, s) => (s === r ? row : old));
  const paramsMessage = (fn: string) => `${fn}: params must be { weightIh, weightHh, biasIh, biasHh }`;
  const cases: [string, () => unknown, string][] = [];
  for (const [fn, run] of [
    ['lstmCell', (xs: number[], hs: number[], cs: number[], p: LstmParams) => lstmCell(xs, hs, cs, p)],
    ['lstmCellBackward', (xs: number[], hs: number[], cs: number[], p: LstmParams) => lstmCellBackward(xs, hs, cs, p, [1, 1], [0, 0])],
  ] as const) {
    cases.push(
      [`${fn}(x, h, c, null)`, () => run(x, h, c, null as unknown as LstmParams), paramsMessage(fn)],
      [`${fn}(x, h, c, 5)`, () => run(x, h, c, 5 as unknown as LstmParams), paramsMessage(fn)],
      [`${fn}(5, h, c, params)`, () => run(notArray(5), h, c, good()), `${fn}: x must be an array`],
      [`${fn}(x, null, c, params)`, () => run(x, notArray(null), c, good()), `${fn}: h must be an array`],
      [`${fn}(x, h, 'ab', params)`, () => run(x, h, notArray('ab'), good()), `${fn}: c must be an array`],
      [`${fn} with biasIh missing`, () => run(x, h, c, { ...good(), biasIh: notArray(undefined) }), `${fn}: params.biasIh must be an array`],
      [`${fn} with biasHh = 0`, () => run(x, h, c, { ...good(), biasHh: notArray(0) }), `${fn}: params.biasHh must be an array`],
      [`${fn} with weightIh an array-like object`, () => run(x, h, c, { ...good(), weightIh: { length: 8 } as unknown as number[][] }), `${fn}: params.weightIh must be an array`],
      [`${fn} with weightHh = null`, () => run(x, h, c, { ...good(), weightHh: null as unknown as number[][] }), `${fn}: params.weightHh must be an array`],
    );
  }
  const p = good();
  cases.push(
    ['lstmCell with biasIh of length 3', () => lstmCell(x, h, c, { ...p, biasIh: [0, 0, 0] }), 'lstmCell: params.biasIh has length 3 but must have length 4H for a hidden size H ≥ 1'],
    ['lstmCell([1], [], [], all empty)', () => lstmCell(x, [], [], params([], [], [], [])), 'lstmCell: params.biasIh has length 0 but must have length 4H for a hidden size H ≥ 1'],
    ['lstmCell([], h, c, params)', () => lstmCell([], h, c, p), 'lstmCell: x is empty, but it needs at least one input'],
    ['lstmCell with biasHh of length 4', () => lstmCell(x, h, c, { ...p, biasHh: [0, 0, 0, 0] }), 'lstmCell: params.biasHh has length 4 but 4H is 8'],
    ['lstmCell(x, [0], c, params)', () => lstmCell(x, [0], c, p), 'lstmCell: h has length 1 but H is 2'],
    ['lstmCell(x, h, [0, 0, 0], params)', () => lstmCell(x, h, [0, 0, 0], p), 'lstmCell: c has length 3 but H is 2'],
    ['lstmCell with weightIh ragged', () => lstmCell(x, h, c, { ...p, weightIh: withRow(p.weightIh, 1, [2, 3]) }), 'lstmCell: params.weightIh row 1 has length 2 but row 0 has length 1 (ragged rows)'],
    ['lstmCell with weightHh ragged', () => lstmCell(x, h, c, { ...p, weightHh: withRow(p.weightHh, 2, [1]) }), 'lstmCell: params.weightHh row 2 has length 1 but row 0 has length 2 (ragged rows)'],
    ['lstmCell with weightIh 4 × 1', () => lstmCell(x, h, c, { ...p, weightIh: rowsOf(4, [1]) }), 'lstmCell: params.weightIh is 4 × 1 but must be 4H × I = 8 × 1'],
    ['lstmCell([1, 2], h, c, params)', () => lstmCell([1, 2], h, c, p), 'lstmCell: params.weightIh is 8 × 1 but must be 4H × I = 8 × 2'],
    ['lstmCell with weightHh 4 × 2', () => lstmCell(x, h, c, { ...p, weightHh: rowsOf(4, [1, 0]) }), 'lstmCell: params.weightHh is 4 × 2 but must be 4H × H = 8 × 2'],
    ['lstmCell with weightHh 8 × 1', () => lstmCell(x, h, c, { ...p, weightHh: rowsOf(8, [1]) }), 'lstmCell: params.weightHh is 8 × 1 but must be 4H × H = 8 × 2'],
    ['lstmCell([NaN], h, c, params)', () => lstmCell([NaN], h, c, p), 'lstmCell: x[0] = NaN is not finite'],
    ['lstmCell(x, [0, Infinity], c, params)', () => lstmCell(x, [0, Infinity], c, p), 'lstmCell: h[1] = Infinity is not finite'],
    ['lstmCell(x, h, [-Infinity, 0], params)', () => lstmCell(x, h, [-Infinity, 0], p), 'lstmCell: c[0] = -Infinity is not finite'],
    ['lstmCell with biasIh[5] = NaN', () => lstmCell(x, h, c, { ...p, biasIh: [0, 0, 0, 0, 0, NaN, 0, 0] }), 'lstmCell: params.biasIh[5] = NaN is not finite'],
    ['lstmCell with biasHh[2] = Infinity', () => lstmCell(x, h, c, { ...p, biasHh: [0, 0, Infinity, 0, 0, 0, 0, 0] }), 'lstmCell: params.biasHh[2] = Infinity is not finite'],
    ['lstmCell with weightIh[1][0] = NaN', () => lstmCell(x, h, c, { ...p, weightIh: withRow(p.weightIh, 1, [NaN]) }), 'lstmCell: params.weightIh[1][0] = NaN is not finite'],
    ['lstmCell with weightHh[6][1] = -Infinity', () => lstmCell(x, h, c, { ...p, weightHh: withRow(p.weightHh, 6, [1, -Infinity]) }), 'lstmCell: params.weightHh[6][1] = -Infinity is not finite'],
    [
      'lstmCell with weights so large that +∞ meets −∞',
      () => lstmCell([10, 10], [10], [0], params([[1e308, 1e308], [0, 0], [0, 0], [0, 0]], [[-1e308], [0], [0], [0]], [0, 0, 0, 0], [0, 0, 0, 0])),
      'lstmCell: the pre-activation of gate row 0 is ∞ − ∞ (weights too large)',
    ],
    ['lstmCellBackward(x, h, c, params, 5, dc)', () => lstmCellBackward(x, h, c, p, notArray(5), [0, 0]), 'lstmCellBackward: dh must be an array'],
    ['lstmCellBackward(x, h, c, params, dh, null)', () => lstmCellBackward(x, h, c, p, [1, 1], notArray(null)), 'lstmCellBackward: dc must be an array'],
    ['lstmCellBackward(x, h, c, params, [1, 2, 3], dc)', () => lstmCellBackward(x, h, c, p, [1, 2, 3], [0, 0]), 'lstmCellBackward: dh has length 3 but H is 2'],
    ['lstmCellBackward(x, h, c, params, dh, [0])', () => lstmCellBackward(x, h, c, p, [1, 1], [0]), 'lstmCellBackward: dc has length 1 but H is 2'],
    ['lstmCellBackward(x, h, c, params, [1, Infinity], dc)', () => lstmCellBackward(x, h, c, p, [1, Infinity], [0, 0]), 'lstmCellBackward: dh[1] = Infinity is not finite'],
    ['lstmCellBackward(x, h, c, params, dh, [NaN, 0])', () => lstmCellBackward(x, h, c, p, [1, 1], [NaN, 0]), 'lstmCellBackward: dc[0] = NaN is not finite'],
    ['lstmCellBackward([1, 2], h, c, params, dh, dc)', () => lstmCellBackward([1, 2], h, c, p, [1, 1], [0, 0]), 'lstmCellBackward: params.weightIh is 8 × 1 but must be 4H × I = 8 × 2'],
  );
  for (const [shown, call, message] of cases) {
    it(`${shown} throws RangeError('${message}')`, () => {
      expect(call).toThrow(new RangeError(message));
    });
  }
});

describe('lstmSequenceGradient against central differences', () => {
  /**
   * The sequence run step by step through lstmCell, with δ added to c_t once it is computed (and h_t
   * recomputed as o_t ⊙ tanh(c_t + δ) for t ≥ 1), returning L = w·h_T: the definition of ∂L/∂c_t in the
   * module comment of src/core/lstmSequence.ts, written out independently of the backward pass.
   */
  function perturbedLoss(xs: number[][], h0: number[], c0: number[], p: LstmParams, w: number[], t: number, k: number, delta: number): number {
    let h = h0;
    let c = c0.map((v, m) => (t === 0 && m === k ? v + delta : v));
    xs.forEach((x, step) => {
      const r = lstmCell(x, h, c, p);
      c = r.c;
      h = r.h;
      if (step + 1 === t) {
        c = c.map((v, m) => (m === k ? v + delta : v));
        h = c.map((v, m) => (r.o[m] as number) * Math.tanh(v));
      }
    });
    return w.reduce((s, wk, m) => s + wk * (h[m] as number), 0);
  }

  const sequenceInputs = fc
    .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 6 }))
    .chain(([hidden, input, steps]) =>
      fc.record({
        xs: matrix(steps, input, -2, 2),
        h0: vector(hidden),
        c0: vector(hidden, -2, 2),
        params: fc.record({
          weightIh: matrix(4 * hidden, input),
          weightHh: matrix(4 * hidden, hidden),
          biasIh: vector(4 * hidden),
          biasHh: vector(4 * hidden),
        }),
        w: vector(hidden),
      }),
    );

  it('lstmSequenceGradient(xs, h0, c0, params, w) matches central differences of w·h_T in h0, c0 and every c_t', () => {
    // Step and tolerance as for lstmCellBackward above: L = w·h_T is at most 3 in size and as smooth,
    // for up to 6 steps with weights in [−1, 1], so the estimate is good to about 1e-9.
    fc.assert(
      fc.property(sequenceInputs, ({ xs, h0, c0, params: p, w }) => {
        const g = lstmSequenceGradient(xs, h0, c0, p, w);
        const steps = xs.length;
        expect(g.dc.length).toBe(steps + 1);
        expect(g.dc0).toEqual(g.dc[0]);
        expectRelClose([g.loss], [perturbedLoss(xs, h0, c0, p, w, -1, 0, 0)], 1e-14, 1e-15);
        const numericDh0 = h0.map((v, k) =>
          centralDifference((t) => perturbedLoss(xs, h0.map((u, m) => (m === k ? t : u)), c0, p, w, -1, 0, 0), v, GRADIENT_CHECK.step),
        );
        expectGradientMatches(g.dh0, numericDh0, 1e-8);
        for (let t = 0; t <= steps; t++) {
          const numeric = c0.map((_, k) => centralDifference((d) => perturbedLoss(xs, h0, c0, p, w, t, k, d), 0, GRADIENT_CHECK.step));
          expectGradientMatches(g.dc[t] as number[], numeric, 1e-8);
          expectRelClose([g.dcNorms[t] as number], [Math.hypot(...(g.dc[t] as number[]))], 0);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('lstmSequenceGradient(xs, h0, c0, params, w) with f = 1, i = 0 and weightHh = 0 carries ∂L/∂c back unchanged', () => {
    // a_f = 1e4 gives f = 1, a_i = −1e4 gives i = 0, a_o = 0 gives o = 1/2: c_t = c_0 and h_t = tanh(c_0)/2
    // at every step. With weightHh = 0 nothing flows back through h, so every ∂L/∂c_t equals
    // ∂L/∂c_T = w·o·(1 − tanh²c_0), for any number of steps: the cell state does not let it vanish.
    const p = params([[-1e4], [1e4], [1], [0]], [[0], [0], [0], [0]], [0, 0, 0, 0], [0, 0, 0, 0]);
    const xs = Array.from({ length: 50 }, () => [1]);
    const seq = lstmSequence(xs, [0.3], [0.7], p);
    expect(seq.c.length).toBe(51);
    expect(seq.c.every((ct) => ct[0] === 0.7)).toBe(true);
    const g = lstmSequenceGradient(xs, [0.3], [0.7], p, [2]);
    const expected = 2 * 0.5 * (1 - Math.tanh(0.7) ** 2);
    g.dc.forEach((dct) => expectRelClose(dct, [expected], 1e-14));
    expect(g.dh0).toEqual([0]);
  });

  it('lstmSequence(xs, h0, c0, params).h[0] and .c[0] are copies: writing to them leaves h0 and c0 as they were', () => {
    const p = params([[1], [2], [3], [4]], [[1], [1], [1], [1]], [0, 0, 0, 0], [0, 0, 0, 0]);
    const h0 = [0.25];
    const c0 = [0.5];
    const seq = lstmSequence([[1]], h0, c0, p);
    (seq.h[0] as number[])[0] = 99;
    (seq.c[0] as number[])[0] = 99;
    expect(h0).toEqual([0.25]);
    expect(c0).toEqual([0.5]);
  });

  it('lstmSequenceGradient and lstmSequenceGradientWithoutCellPath return dh[T] as a copy of w: writing to it leaves w as it was', () => {
    const p = params([[1], [2], [3], [4]], [[1], [1], [1], [1]], [0, 0, 0, 0], [0, 0, 0, 0]);
    const w = [2];
    (lstmSequenceGradient([[1], [0]], [0], [0], p, w).dh[2] as number[])[0] = 99;
    (lstmSequenceGradientWithoutCellPath([[1], [0]], [0], [0], p, w).dh[2] as number[])[0] = 99;
    expect(w).toEqual([2]);
  });
});

describe('lstmSequenceGradients: both gradients from one forward pass', () => {
  /** Every number in a result, in order, so two results compare bit for bit (Object.is tells −0 from 0). */
  const numbers = (value: unknown): number[] =>
    typeof value === 'number' ? [value] : Array.isArray(value) ? value.flatMap(numbers) : Object.values(value as object).flatMap(numbers);

  it('lstmSequenceGradients(xs, h0, c0, params, w) is lstmSequenceGradient and lstmSequenceGradientWithoutCellPath of the same inputs, bit for bit', () => {
    const inputs = fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 6 }))
      .chain(([hidden, input, steps]) =>
        fc.record({
          xs: fc.array(vector(input, -2, 2), { minLength: steps, maxLength: steps }),
          h0: vector(hidden),
          c0: vector(hidden, -2, 2),
          w: vector(hidden),
          params: fc.record({
            weightIh: matrix(4 * hidden, input, -2, 2),
            weightHh: matrix(4 * hidden, hidden, -2, 2),
            biasIh: vector(4 * hidden, -2, 2),
            biasHh: vector(4 * hidden, -2, 2),
          }),
        }),
      );
    fc.assert(
      fc.property(inputs, ({ xs, h0, c0, w, params: p }) => {
        const both = lstmSequenceGradients(xs, h0, c0, p, w);
        const full = lstmSequenceGradient(xs, h0, c0, p, w);
        const cut = lstmSequenceGradientWithoutCellPath(xs, h0, c0, p, w);
        expect(Object.keys(both.withCellPath).sort()).toEqual(Object.keys(full).sort());
        expect(Object.keys(both.withoutCellPath).sort()).toEqual(Object.keys(cut).sort());
        const same = (a: unknown, b: unknown) => {
          const [x, y] = [numbers(a), numbers(b)];
          return x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
        };
        expect(same(both.withCellPath, full)).toBe(true);
        expect(same(both.withoutCellPath, cut)).toBe(true);
      }),
    );
  });

  it('lstmSequenceGradients refuses bad input with its own name: weights [1, 1] for H = 1', () => {
    const p = params([[1], [2], [3], [4]], [[1], [1], [1], [1]], [0, 0, 0, 0], [0, 0, 0, 0]);
    expect(() => lstmSequenceGradients([[1]], [0], [0], p, [1, 1])).toThrow(new RangeError('lstmSequenceGradients: weights has length 2 but H is 1'));
  });
});

describe('lstmSequence and its gradients refuse bad input with a message naming the value', () => {
  const p = params([[1], [2], [3], [4]], [[1], [1], [1], [1]], [0, 0, 0, 0], [0, 0, 0, 0]);
  const cases: [string, () => unknown, string][] = [];
  for (const [fn, run] of [
    ['lstmSequence', (xs: number[][], h0: number[]) => lstmSequence(xs, h0, [0], p)],
    ['lstmSequenceGradient', (xs: number[][], h0: number[]) => lstmSequenceGradient(xs, h0, [0], p, [1])],
    ['lstmSequenceGradientWithoutCellPath', (xs: number[][], h0: number[]) => lstmSequenceGradientWithoutCellPath(xs, h0, [0], p, [1])],
  ] as const) {
    cases.push(...badSequenceCases(fn, run));
  }
  for (const [fn, gradient] of [
    ['lstmSequenceGradient', lstmSequenceGradient],
    ['lstmSequenceGradientWithoutCellPath', lstmSequenceGradientWithoutCellPath],
  ] as const) {
    cases.push(
      [`${fn}(xs, h0, c0, params, 5)`, () => gradient([[1]], [0], [0], p, 5 as unknown as number[]), `${fn}: weights must be an array`],
      [`${fn}(xs, h0, c0, params, [1, 1])`, () => gradient([[1]], [0], [0], p, [1, 1]), `${fn}: weights has length 2 but H is 1`],
      [`${fn}(xs, h0, c0, params, [Infinity])`, () => gradient([[1]], [0], [0], p, [Infinity]), `${fn}: weights[0] = Infinity is not finite`],
    );
  }
  for (const [shown, call, message] of cases) {
    it(`${shown} throws RangeError('${message}')`, () => {
      expect(call).toThrow(new RangeError(message));
    });
  }
});
