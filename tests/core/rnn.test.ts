import { describe, expect, it } from 'vitest';
import { lstmCell, lstmSequence, lstmSequenceGradient, lstmSequenceGradientWithoutCellPath, rnnCell, rnnSequence, rnnSequenceGradient, type LstmParams, type RnnParams } from '../../src/core';
import { centralDifference } from '../../src/core/finiteDifference';
import { expectGradientMatches, expectRelClose, fc, GRADIENT_CHECK } from './helpers';
import { badSequenceCases } from './sequenceInputCases';

const small = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const vector = (n: number, min = -1, max = 1) => fc.array(small(min, max), { minLength: n, maxLength: n });
const matrix = (rows: number, cols: number, min = -1, max = 1) => fc.array(vector(cols, min, max), { minLength: rows, maxLength: rows });
const dot = (w: number[], h: number[]) => w.reduce((s, wk, k) => s + wk * (h[k] as number), 0);
const bump = (v: number[], k: number, d: number) => v.map((u, m) => (m === k ? u + d : u));

describe('rnnCell', () => {
  it('rnnCell([2], [0.5, −1], params) by hand is tanh of W_ih x + b_ih + W_hh h + b_hh', () => {
    // row 0: 0.5·2 + 0.1 + (1·0.5 + 2·(−1)) + (−0.2) = 1 + 0.1 − 1.5 − 0.2 = −0.6
    // row 1: −1·2 + 0 + (0·0.5 + 0.5·(−1)) + 0.3 = −2 − 0.5 + 0.3 = −2.2
    const p: RnnParams = { weightIh: [[0.5], [-1]], weightHh: [[1, 2], [0, 0.5]], biasIh: [0.1, 0], biasHh: [-0.2, 0.3] };
    expectRelClose(rnnCell([2], [0.5, -1], p), [Math.tanh(-0.6), Math.tanh(-2.2)], 1e-15);
  });

  it('rnnCell(x, h, params) with a pre-activation that cancels to 1e-17 keeps it (tanh a ≈ a)', () => {
    // 1e16·1 + (−1e16)·1 + 1e-17: a naive sum in the wrong order loses it; the compensated one does not.
    const p: RnnParams = { weightIh: [[1e16]], weightHh: [[-1e16]], biasIh: [1e-17], biasHh: [0] };
    expect(rnnCell([1], [1], p)).toEqual([1e-17]);
  });

  it('rnnCell(x, h, params) whose pre-activation is +∞ plus −∞ throws; a lone overflow to −∞ saturates tanh', () => {
    const p: RnnParams = { weightIh: [[1e308]], weightHh: [[-1e308]], biasIh: [0], biasHh: [0] };
    // x = 1, h = 0: a = 1e308 − 0, finite. x = h = 10: 1e309 overflows to +∞ and −1e309 to −∞.
    expect(rnnCell([1], [0], p)).toEqual([1]);
    expect(rnnCell([1], [10], { ...p, weightIh: [[0]] })).toEqual([-1]);
    expect(() => rnnCell([10], [10], p)).toThrow(new RangeError('rnnCell: the pre-activation of row 0 is ∞ − ∞ (weights too large)'));
  });
});

describe('rnnCell refuses bad input with a message naming the value', () => {
  // H = 2, I = 1, every shape right: each case below breaks one thing.
  const p: RnnParams = { weightIh: [[1], [2]], weightHh: [[1, 0], [0, 1]], biasIh: [0, 0], biasHh: [0, 0] };
  const x = [1];
  const h = [0, 0];
  const notArray = (v: unknown) => v as number[];
  const paramsMessage = 'rnnCell: params must be { weightIh, weightHh, biasIh, biasHh }';
  const cases: [string, () => unknown, string][] = [
    ['rnnCell(x, h, null)', () => rnnCell(x, h, null as unknown as RnnParams), paramsMessage],
    ['rnnCell(x, h, 5)', () => rnnCell(x, h, 5 as unknown as RnnParams), paramsMessage],
    ['rnnCell(5, h, params)', () => rnnCell(notArray(5), h, p), 'rnnCell: x must be an array'],
    ['rnnCell(x, null, params)', () => rnnCell(x, notArray(null), p), 'rnnCell: h must be an array'],
    ['rnnCell with biasIh missing', () => rnnCell(x, h, { ...p, biasIh: notArray(undefined) }), 'rnnCell: params.biasIh must be an array'],
    ["rnnCell with biasHh = 'ab'", () => rnnCell(x, h, { ...p, biasHh: notArray('ab') }), 'rnnCell: params.biasHh must be an array'],
    ['rnnCell with weightIh an array-like object', () => rnnCell(x, h, { ...p, weightIh: { 0: [1], 1: [2], length: 2 } as unknown as number[][] }), 'rnnCell: params.weightIh must be an array'],
    ['rnnCell with weightHh = 7', () => rnnCell(x, h, { ...p, weightHh: 7 as unknown as number[][] }), 'rnnCell: params.weightHh must be an array'],
    ['rnnCell with biasIh = []', () => rnnCell(x, h, { ...p, biasIh: [] }), 'rnnCell: params.biasIh is empty, but the hidden size H must be at least 1'],
    ['rnnCell([], h, params)', () => rnnCell([], h, p), 'rnnCell: x is empty, but it needs at least one input'],
    ['rnnCell with biasHh of length 1', () => rnnCell(x, h, { ...p, biasHh: [0] }), 'rnnCell: params.biasHh has length 1 but H is 2'],
    ['rnnCell(x, [0], params)', () => rnnCell(x, [0], p), 'rnnCell: h has length 1 but H is 2'],
    ['rnnCell with weightIh ragged', () => rnnCell(x, h, { ...p, weightIh: [[1], [2, 3]] }), 'rnnCell: params.weightIh row 1 has length 2 but row 0 has length 1 (ragged rows)'],
    ['rnnCell with weightHh ragged', () => rnnCell(x, h, { ...p, weightHh: [[1, 0], [0]] }), 'rnnCell: params.weightHh row 1 has length 1 but row 0 has length 2 (ragged rows)'],
    ['rnnCell with weightIh 1 × 1', () => rnnCell(x, h, { ...p, weightIh: [[1]] }), 'rnnCell: params.weightIh is 1 × 1 but must be H × I = 2 × 1'],
    ['rnnCell([1, 2], h, params)', () => rnnCell([1, 2], h, p), 'rnnCell: params.weightIh is 2 × 1 but must be H × I = 2 × 2'],
    ['rnnCell with weightHh 1 × 2', () => rnnCell(x, h, { ...p, weightHh: [[1, 0]] }), 'rnnCell: params.weightHh is 1 × 2 but must be H × H = 2 × 2'],
    ['rnnCell with weightHh 2 × 1', () => rnnCell(x, h, { ...p, weightHh: [[1], [0]] }), 'rnnCell: params.weightHh is 2 × 1 but must be H × H = 2 × 2'],
    ['rnnCell([NaN], h, params)', () => rnnCell([NaN], h, p), 'rnnCell: x[0] = NaN is not finite'],
    ['rnnCell(x, [0, Infinity], params)', () => rnnCell(x, [0, Infinity], p), 'rnnCell: h[1] = Infinity is not finite'],
    ['rnnCell with biasIh = [0, −Infinity]', () => rnnCell(x, h, { ...p, biasIh: [0, -Infinity] }), 'rnnCell: params.biasIh[1] = -Infinity is not finite'],
    ['rnnCell with biasHh = [NaN, 0]', () => rnnCell(x, h, { ...p, biasHh: [NaN, 0] }), 'rnnCell: params.biasHh[0] = NaN is not finite'],
    ['rnnCell with weightIh[1][0] = NaN', () => rnnCell(x, h, { ...p, weightIh: [[1], [NaN]] }), 'rnnCell: params.weightIh[1][0] = NaN is not finite'],
    ['rnnCell with weightHh[0][1] = Infinity', () => rnnCell(x, h, { ...p, weightHh: [[1, Infinity], [0, 1]] }), 'rnnCell: params.weightHh[0][1] = Infinity is not finite'],
  ];
  for (const [shown, call, message] of cases) {
    it(`${shown} throws RangeError('${message}')`, () => {
      expect(call).toThrow(new RangeError(message));
    });
  }
});

const rnnInputs = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 6 }))
  .chain(([hidden, input, steps]) =>
    fc.record({
      xs: matrix(steps, input, -2, 2),
      h0: vector(hidden),
      params: fc.record({ weightIh: matrix(hidden, input), weightHh: matrix(hidden, hidden, -1.5, 1.5), biasIh: vector(hidden), biasHh: vector(hidden) }),
      w: vector(hidden),
    }),
  );

describe('rnnSequence and rnnSequenceGradient', () => {
  /** The sequence run step by step through rnnCell, δ added to h_t[k] once it is computed: L = w·h_T. */
  function perturbedLoss(xs: number[][], h0: number[], p: RnnParams, w: number[], t: number, k: number, delta: number): number {
    let h = t === 0 ? bump(h0, k, delta) : h0;
    xs.forEach((x, step) => {
      h = rnnCell(x, h, p);
      if (step + 1 === t) h = bump(h, k, delta);
    });
    return dot(w, h);
  }

  it('rnnSequence(xs, h0, params) is rnnCell applied T times, with h[0] = h0', () => {
    const p: RnnParams = { weightIh: [[0.3], [-0.2]], weightHh: [[0.5, -0.4], [0.9, 0.1]], biasIh: [0, 0.1], biasHh: [0.2, 0] };
    const xs = [[1], [-1], [0.5]];
    const seq = rnnSequence(xs, [0.1, 0.2], p);
    expect(seq.h.length).toBe(4);
    expect(seq.h[0]).toEqual([0.1, 0.2]);
    let h = [0.1, 0.2];
    xs.forEach((x, t) => {
      h = rnnCell(x, h, p);
      expect(seq.h[t + 1]).toEqual(h);
    });
  });

  it('rnnSequenceGradient(xs, h0, params, w) matches central differences of w·h_T in every h_t', () => {
    // L is a composition of at most 6 tanh layers with weights ≤ 1.5: smooth, of size ≤ 3, so the central
    // difference at the project's step is good to about 1e-9 (as for lstmSequenceGradient).
    fc.assert(
      fc.property(rnnInputs, ({ xs, h0, params: p, w }) => {
        const g = rnnSequenceGradient(xs, h0, p, w);
        const steps = xs.length;
        expect(g.dh.length).toBe(steps + 1);
        expect(g.dh0).toEqual(g.dh[0]);
        expect(g.dh[steps]).toEqual(w);
        expectRelClose([g.loss], [perturbedLoss(xs, h0, p, w, -1, 0, 0)], 1e-14, 1e-15);
        for (let t = 0; t <= steps; t++) {
          const numeric = h0.map((_, k) => centralDifference((d) => perturbedLoss(xs, h0, p, w, t, k, d), 0, GRADIENT_CHECK.step));
          expectGradientMatches(g.dh[t] as number[], numeric, 1e-8);
          expect(g.dhNorms[t]).toBe(Math.hypot(...(g.dh[t] as number[])));
        }
      }),
      { numRuns: 50, seed: 42 },
    );
  });

  it('rnnSequenceGradient with H = 1, W_hh = w, zero input and bias: ∂L/∂h_0 = ∏ w(1 − h_t²)', () => {
    // h_t = tanh(0.9 h_{t−1}) from h_0 = 0.5; by the chain rule ∂h_T/∂h_0 = ∏_{t=1..T} 0.9·(1 − h_t²).
    const p: RnnParams = { weightIh: [[0]], weightHh: [[0.9]], biasIh: [0], biasHh: [0] };
    const xs = Array.from({ length: 20 }, () => [0]);
    let h = 0.5;
    let product = 1;
    for (let t = 0; t < 20; t++) {
      h = Math.tanh(0.9 * h);
      product *= 0.9 * (1 - h * h);
    }
    const g = rnnSequenceGradient(xs, [0.5], p, [1]);
    expectRelClose(g.dh0, [product], 1e-13);
    expectRelClose([g.loss], [h], 1e-15);
  });

  it('rnnSequence(xs, h0, params).h[0] is a copy of h0: writing to it leaves h0 as it was', () => {
    const p: RnnParams = { weightIh: [[1]], weightHh: [[0.5]], biasIh: [0], biasHh: [0] };
    const h0 = [0.25];
    const seq = rnnSequence([[1]], h0, p);
    (seq.h[0] as number[])[0] = 99;
    expect(h0).toEqual([0.25]);
  });

  it('rnnSequenceGradient(xs, h0, params, w).dh[T] is a copy of w: writing to it leaves w as it was', () => {
    const p: RnnParams = { weightIh: [[1]], weightHh: [[0.5]], biasIh: [0], biasHh: [0] };
    const w = [2];
    const g = rnnSequenceGradient([[1], [0]], [0.25], p, w);
    (g.dh[2] as number[])[0] = 99;
    expect(w).toEqual([2]);
  });
});

describe('rnnSequence and rnnSequenceGradient refuse bad input with a message naming the value', () => {
  const p: RnnParams = { weightIh: [[1]], weightHh: [[1]], biasIh: [0], biasHh: [0] };
  const cases: [string, () => unknown, string][] = [];
  for (const [fn, run] of [
    ['rnnSequence', (xs: number[][], h0: number[]) => rnnSequence(xs, h0, p)],
    ['rnnSequenceGradient', (xs: number[][], h0: number[]) => rnnSequenceGradient(xs, h0, p, [1])],
  ] as const) {
    cases.push(...badSequenceCases(fn, run));
  }
  cases.push(
    ['rnnSequenceGradient(xs, h0, params, 5)', () => rnnSequenceGradient([[1]], [0], p, 5 as unknown as number[]), 'rnnSequenceGradient: weights must be an array'],
    ['rnnSequenceGradient(xs, h0, params, [1, 1])', () => rnnSequenceGradient([[1]], [0], p, [1, 1]), 'rnnSequenceGradient: weights has length 2 but H is 1'],
    ['rnnSequenceGradient(xs, h0, params, [NaN])', () => rnnSequenceGradient([[1]], [0], p, [NaN]), 'rnnSequenceGradient: weights[0] = NaN is not finite'],
  );
  for (const [shown, call, message] of cases) {
    it(`${shown} throws RangeError('${message}')`, () => {
      expect(call).toThrow(new RangeError(message));
    });
  }
});

const lstmInputs = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 6 }))
  .chain(([hidden, input, steps]) =>
    fc.record({
      xs: matrix(steps, input, -2, 2),
      h0: vector(hidden),
      c0: vector(hidden, -2, 2),
      params: fc.record({ weightIh: matrix(4 * hidden, input), weightHh: matrix(4 * hidden, hidden), biasIh: vector(4 * hidden), biasHh: vector(4 * hidden) }),
      w: vector(hidden),
    }),
  );

describe("lstmSequenceGradient's ∂L/∂h_t, with and without the cell path", () => {
  /**
   * L = w·h_T with δ added to h_t[k] once it is computed, carried forward step by step. With `detached`,
   * each step's c_{t−1} is the unperturbed run's value, a constant: c_{t−1} enters c_t through a
   * stop-gradient, so a change of h_t reaches L only through the gates of the later steps.
   */
  function perturbedLoss(xs: number[][], h0: number[], c0: number[], p: LstmParams, w: number[], t: number, k: number, delta: number, detached: boolean): number {
    const base = lstmSequence(xs, h0, c0, p).c;
    let h = t === 0 ? bump(h0, k, delta) : h0;
    let c = c0;
    xs.forEach((x, step) => {
      const r = lstmCell(x, h, detached ? (base[step] as number[]) : c, p);
      h = step + 1 === t ? bump(r.h, k, delta) : r.h;
      c = r.c;
    });
    return dot(w, h);
  }

  it('lstmSequenceGradient(xs, h0, c0, params, w).dh[t] matches central differences of w·h_T in every h_t', () => {
    fc.assert(
      fc.property(lstmInputs, ({ xs, h0, c0, params: p, w }) => {
        const g = lstmSequenceGradient(xs, h0, c0, p, w);
        expect(g.dh.length).toBe(xs.length + 1);
        expect(g.dh[0]).toEqual(g.dh0);
        expect(g.dh[xs.length]).toEqual(w);
        for (let t = 0; t <= xs.length; t++) {
          const numeric = h0.map((_, k) => centralDifference((d) => perturbedLoss(xs, h0, c0, p, w, t, k, d, false), 0, GRADIENT_CHECK.step));
          expectGradientMatches(g.dh[t] as number[], numeric, 1e-8);
          expect(g.dhNorms[t]).toBe(Math.hypot(...(g.dh[t] as number[])));
        }
      }),
      { numRuns: 50, seed: 42 },
    );
  });

  it('lstmSequenceGradientWithoutCellPath(xs, h0, c0, params, w) matches central differences of the model with c detached', () => {
    fc.assert(
      fc.property(lstmInputs, ({ xs, h0, c0, params: p, w }) => {
        const g = lstmSequenceGradientWithoutCellPath(xs, h0, c0, p, w);
        expectRelClose([g.loss], [lstmSequenceGradient(xs, h0, c0, p, w).loss], 0);
        expect(g.dh[xs.length]).toEqual(w);
        for (let t = 0; t <= xs.length; t++) {
          const numeric = h0.map((_, k) => centralDifference((d) => perturbedLoss(xs, h0, c0, p, w, t, k, d, true), 0, GRADIENT_CHECK.step));
          expectGradientMatches(g.dh[t] as number[], numeric, 1e-8);
          expect(g.dhNorms[t]).toBe(Math.hypot(...(g.dh[t] as number[])));
        }
      }),
      { numRuns: 50, seed: 42 },
    );
  });

  it('without the cell path, with one step the gradient of h_0 is the full one (nothing comes back along c before step 1)', () => {
    // With T = 1 the cell path has no later step to carry anything from: dc of step 1 is 0 either way.
    const p: LstmParams = { weightIh: [[0.5], [-0.3], [0.8], [0.2]], weightHh: [[0.4], [0.7], [-0.6], [0.9]], biasIh: [0, 1, 0, 0], biasHh: [0.1, 0, 0, -0.1] };
    const full = lstmSequenceGradient([[1]], [0.3], [0.5], p, [1]);
    const cut = lstmSequenceGradientWithoutCellPath([[1]], [0.3], [0.5], p, [1]);
    expect(cut.dh0).toEqual(full.dh0);
  });

  it('without the cell path, weightHh = 0 lets nothing back to h_0, where the full model has none either', () => {
    // The gates do not see h: ∂L/∂h_0 is 0 in both models, whatever the cell carries.
    const p: LstmParams = { weightIh: [[1], [2], [3], [4]], weightHh: [[0], [0], [0], [0]], biasIh: [0, 0, 0, 0], biasHh: [0, 0, 0, 0] };
    const xs = [[1], [0.5], [-1]];
    expect(lstmSequenceGradientWithoutCellPath(xs, [0.2], [0.4], p, [1]).dh0).toEqual([0]);
    expect(lstmSequenceGradient(xs, [0.2], [0.4], p, [1]).dh0).toEqual([0]);
  });
});
