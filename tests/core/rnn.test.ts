import { describe, expect, it } from 'vitest';
import { lstmCell, lstmSequence, lstmSequenceGradient, lstmSequenceGradientWithoutCellPath, rnnCell, rnnSequence, rnnSequenceGradient, type LstmParams, type RnnParams } from '../../src/core';
import { centralDifference } from '../../src/core/finiteDifference';
import { expectGradientMatches, expectRelClose, fc, GRADIENT_CHECK } from './helpers';

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

  it('rnnCell with mismatched shapes or non-finite values throws a RangeError naming the value', () => {
    const p: RnnParams = { weightIh: [[1]], weightHh: [[1]], biasIh: [0], biasHh: [0] };
    expect(() => rnnCell([], [0], p)).toThrow(/rnnCell: x is empty/);
    expect(() => rnnCell([1], [0, 0], p)).toThrow(/rnnCell: h has length 2 but H is 1/);
    expect(() => rnnCell([1, 2], [0], p)).toThrow(/params.weightIh is 1 × 1 but must be H × I = 1 × 2/);
    expect(() => rnnCell([1], [0], { ...p, weightHh: [[1, 1]] })).toThrow(/params.weightHh is 1 × 2 but must be H × H = 1 × 1/);
    expect(() => rnnCell([NaN], [0], p)).toThrow(/x\[0\] = NaN is not finite/);
    expect(() => rnnCell([1], [0], { ...p, biasHh: [Infinity] })).toThrow(/params.biasHh\[0\] = Infinity is not finite/);
    expect(() => rnnCell([1], [0], { ...p, biasIh: [] })).toThrow(/rnnCell: params.biasIh is empty/);
    expect(() => rnnCell([1], [0], { ...p, weightIh: [[1e308]], weightHh: [[-1e308]] })).not.toThrow();
    expect(() => rnnCell([10], [10], { ...p, weightIh: [[1e308]], weightHh: [[-1e308]] })).toThrow(/∞ − ∞/);
  });
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

  it('rnnSequence and rnnSequenceGradient with empty, ragged or non-finite xs or wrong weights throw a RangeError', () => {
    const p: RnnParams = { weightIh: [[1]], weightHh: [[1]], biasIh: [0], biasHh: [0] };
    expect(() => rnnSequence([], [0], p)).toThrow(/rnnSequence: xs is empty/);
    expect(() => rnnSequence([[1], [1, 2]], [0], p)).toThrow(/rnnSequence: xs\[1\] has length 2 but I/);
    expect(() => rnnSequence([[1], [NaN]], [0], p)).toThrow(/xs\[1\]\[0\] = NaN is not finite/);
    expect(() => rnnSequenceGradient([[1]], [0], p, [1, 1])).toThrow(/rnnSequenceGradient: weights has length 2 but H is 1/);
    expect(() => rnnSequenceGradient([[1]], [0], p, [NaN])).toThrow(/weights\[0\] = NaN is not finite/);
  });
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

  it('lstmSequenceGradientWithoutCellPath with wrong weights or empty xs throws a RangeError', () => {
    const p: LstmParams = { weightIh: [[1], [2], [3], [4]], weightHh: [[1], [1], [1], [1]], biasIh: [0, 0, 0, 0], biasHh: [0, 0, 0, 0] };
    expect(() => lstmSequenceGradientWithoutCellPath([], [0], [0], p, [1])).toThrow(/lstmSequenceGradientWithoutCellPath: xs is empty/);
    expect(() => lstmSequenceGradientWithoutCellPath([[1]], [0], [0], p, [1, 2])).toThrow(/weights has length 2 but H is 1/);
    expect(() => lstmSequenceGradientWithoutCellPath([[1]], [0], [0], p, [Infinity])).toThrow(/weights\[0\] = Infinity is not finite/);
  });
});
