import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossEntropy, crossEntropyGrad, softmax, softmaxJacobian } from '../../../../src/core';
import { normalizeLabels, oneHot } from '../../../../src/url/labels';
import {
  crossEntropyNumpy,
  jacobianNumpy,
  softmaxNumpy,
  type CrossEntropyState,
  type JacobianState,
  type SoftmaxState,
} from '../../../../src/tools/copyAsCode/programs';
import { matrix, runPython, scalar, vector } from './runPython';

/*
 * Runs the "Copy as NumPy" programs with the real python3 and numpy (runPython.ts) and compares what
 * they print with the core, value by value.
 *
 * How close the numbers must be. The programs use the textbook stable formulas in plain float64; the
 * core carries extra precision (double-double exponent arguments, compensated sums). So the bound for
 * each value is a few ulp of the terms the NumPy formula combines, by its own error analysis:
 *   p_i = exp(q_i)/Σ, q_i = (z_i − max z)/T: rounding q_i costs |q_i| ulp through exp, the sum n ulp;
 *   J_ii = p_i − p_i²: a few ulp of p_i (not of J_ii, which cancels when p_i ≈ 1);
 *   J_ij = −p_i p_j: the relative errors of p_i and p_j;
 *   loss = −Σ y_i log p_i: a few ulp of each |log p_i| and of log Σ;
 *   grad_i = p_i − y_i: a few ulp of p_i (cancels when p_i ≈ y_i = 1).
 * For the worked example and other mild states that is ~1e-15 relative; a separate test holds those to
 * 4 ulp outright.
 */

const EPS = 2 ** -52;
/** Relative error bound of NumPy's p_i: (2|q_i| + n + 4) ulp (q_i rounded twice: the difference and /T). */
function probabilityBounds(logits: readonly number[], temperature: number): number[] {
  const max = Math.max(...logits);
  return logits.map((z) => (2 * Math.abs((z - max) / temperature) + logits.length + 4) * EPS);
}

function expectClose(actual: number, expected: number, tolerance: number, what: string): void {
  const error = Math.abs(actual - expected);
  expect(error <= tolerance, `${what}: NumPy ${actual}, core ${expected}, |Δ| = ${error} > ${tolerance}`).toBe(true);
}

function checkSoftmax(state: SoftmaxState): void {
  const out = runPython(softmaxNumpy(state));
  const core = softmax(state.logits, state.temperature);
  const printed = vector(out, 'p');
  const bounds = probabilityBounds(state.logits, state.temperature);
  expect(printed).toHaveLength(core.length);
  printed.forEach((p, i) => expectClose(p, core[i] ?? NaN, (bounds[i] ?? NaN) * (core[i] ?? NaN), `p[${i}] of ${JSON.stringify(state)}`));
}

function checkJacobian(state: JacobianState): void {
  const out = runPython(jacobianNumpy(state));
  const p = softmax(state.logits);
  const core = softmaxJacobian(state.logits);
  const rel = probabilityBounds(state.logits, 1);
  const printed = matrix(out, 'J');
  expect(printed).toHaveLength(core.length);
  printed.forEach((row, i) => {
    expect(row).toHaveLength(core.length);
    row.forEach((v, j) => {
      const expected = core[i]?.[j] ?? NaN;
      const pi = p[i] ?? NaN;
      const tolerance =
        i === j ? (3 * (rel[i] ?? NaN) + 2 * EPS) * pi : ((rel[i] ?? NaN) + (rel[j] ?? NaN) + EPS) * Math.abs(expected);
      expectClose(v, expected, tolerance, `J[${i}][${j}] of ${JSON.stringify(state)}`);
    });
  });
  vector(out, 'p').forEach((v, i) => expectClose(v, p[i] ?? NaN, (rel[i] ?? NaN) * (p[i] ?? NaN), `p[${i}]`));
}

function checkCrossEntropy(state: CrossEntropyState): void {
  const out = runPython(crossEntropyNumpy(state));
  const { logits, labels } = state;
  const n = logits.length;
  const p = softmax(logits);
  const rel = probabilityBounds(logits, 1);
  const what = JSON.stringify(state);
  vector(out, 'p').forEach((v, i) => expectClose(v, p[i] ?? NaN, (rel[i] ?? NaN) * (p[i] ?? NaN), `p[${i}] of ${what}`));

  const lossCore = crossEntropy([logits], [labels]);
  // −log p_i = (max z − z_i) + log Σ: both terms non-negative; each rounded to a few ulp.
  const max = Math.max(...logits);
  const logSum = Math.log(logits.reduce((s, z) => s + Math.exp(z - max), 0));
  const lossTolerance = labels.reduce((s, y, i) => s + y * (n + 6) * EPS * (max - (logits[i] ?? NaN) + logSum + 1), 0);
  expectClose(scalar(out, 'loss'), lossCore, lossTolerance, `loss of ${what}`);

  const gradCore = crossEntropyGrad([logits], [labels])[0] ?? new Float64Array(n);
  vector(out, 'grad').forEach((g, i) =>
    expectClose(g, gradCore[i] ?? NaN, ((rel[i] ?? NaN) * (p[i] ?? NaN)) + EPS * Math.max(Math.abs(g), labels[i] ?? 0), `grad[${i}] of ${what}`),
  );
}

// States a learner can reach: logits on the slider's 0.1 grid in [−10, 10], T on its 0.05 grid in
// [0.1, 5], 2 to 8 classes, hard or soft labels.
const logitsArb = fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 2, maxLength: 8 }).map((ks) => ks.map((k) => k / 10));
const temperatureArb = fc.integer({ min: 2, max: 100 }).map((k) => k / 20);
const crossEntropyArb = logitsArb.chain((logits) =>
  fc.oneof(
    fc.integer({ min: 0, max: logits.length - 1 }).map((k) => ({ logits, labels: oneHot(logits.length, k) })),
    fc
      .array(fc.integer({ min: 0, max: 10 }), { minLength: logits.length, maxLength: logits.length })
      .filter((ws) => ws.some((w) => w > 0))
      .map((ws) => ({ logits, labels: normalizeLabels(ws) ?? oneHot(logits.length, 0) })),
  ),
);
const GENERATED = { seed: 42, numRuns: 4 };

// Each python3 start costs about half a second alone, and several seconds on a machine shared with other
// test runs; a generated case starts four, so the default 5 s per test is too tight to mean anything.
describe('Copy as NumPy, run with python3 and numpy', { timeout: 60_000 }, () => {
  it('python3 imports numpy (CI installs python3-numpy; a missing one fails here, it does not skip)', () => {
    const out = runPython("import numpy\nprint('ok =', 1)");
    expect(out.get('ok')).toBe(1);
  });

  it('softmaxNumpy of the worked example prints softmax([2, 3, 4]) within 4 ulp', () => {
    const printed = vector(runPython(softmaxNumpy({ logits: [2, 3, 4], temperature: 1 })), 'p');
    // By hand: [1, e, e²] / (1 + e + e²), itself rounded a few times, hence 6 ulp here.
    const byHand = [1, Math.E, Math.E ** 2].map((v) => v / (1 + Math.E + Math.E ** 2));
    printed.forEach((p, i) => expectClose(p, byHand[i] ?? NaN, 6 * EPS * (byHand[i] ?? NaN), `p[${i}]`));
    const core = softmax([2, 3, 4]);
    printed.forEach((p, i) => expectClose(p, core[i] ?? NaN, 4 * EPS * (core[i] ?? NaN), `p[${i}] vs core`));
  });

  it('mild states (T = 1, logits within 3 of each other) agree with the core within 4 ulp everywhere', () => {
    const state = { logits: [0.5, -1.2, 1.7, 0.1], labels: [0, 0, 1, 0] };
    const out = runPython(crossEntropyNumpy(state));
    const p = softmax(state.logits);
    vector(out, 'p').forEach((v, i) => expectClose(v, p[i] ?? NaN, 4 * EPS * (p[i] ?? NaN), `p[${i}]`));
    const loss = crossEntropy([state.logits], [state.labels]);
    expectClose(scalar(out, 'loss'), loss, 4 * EPS * loss, 'loss');
    const g = crossEntropyGrad([state.logits], [state.labels])[0] ?? [];
    vector(out, 'grad').forEach((v, i) => expectClose(v, g[i] ?? NaN, 4 * EPS * Math.abs(g[i] ?? NaN), `grad[${i}]`));
    const J = softmaxJacobian(state.logits);
    matrix(runPython(jacobianNumpy(state)), 'J').forEach((row, i) =>
      row.forEach((v, j) => expectClose(v, J[i]?.[j] ?? NaN, 4 * EPS * Math.abs(J[i]?.[j] ?? NaN), `J[${i}][${j}]`)),
    );
  });

  it.each<SoftmaxState>([
    { logits: [2, 3, 4], temperature: 1 },
    { logits: [2.9, -0.1, 0.3], temperature: 0.35 },
    { logits: [10, -10, -10, 0, 5.5, -3.3, 7.7, 1.1], temperature: 0.1 },
    { logits: [-7.3, -7.3], temperature: 5 },
  ])('softmaxNumpy(%j) prints the core softmax', (state) => {
    checkSoftmax(state);
  });

  it('softmaxNumpy prints the core softmax for generated states', () => {
    fc.assert(fc.property(logitsArb, temperatureArb, (logits, temperature) => checkSoftmax({ logits, temperature })), GENERATED);
  });

  it.each<JacobianState>([{ logits: [2, 3, 4] }, { logits: [10, -10, 0.1] }, { logits: [1, 1, 1, 1, 1, 1, 1, 1] }])(
    'jacobianNumpy(%j) prints the core softmaxJacobian',
    (state) => {
      checkJacobian(state);
    },
  );

  it('jacobianNumpy prints the core softmaxJacobian for generated states', () => {
    fc.assert(fc.property(logitsArb, (logits) => checkJacobian({ logits })), GENERATED);
  });

  it.each<CrossEntropyState>([
    { logits: [2, 3, 4], labels: [0, 1, 0] },
    { logits: [2, 3, 4], labels: [0.25, 0.75, 0] },
    { logits: [10, -10, 0], labels: [1, 0, 0] },
    { logits: [10, -10, 0], labels: [0, 1, 0] },
    { logits: [-0.4, 0.6], labels: [1 / 3, 2 / 3] },
  ])('crossEntropyNumpy(%j) prints the core p, loss and gradient', (state) => {
    checkCrossEntropy(state);
  });

  it('crossEntropyNumpy prints the core p, loss and gradient for generated states', () => {
    fc.assert(fc.property(crossEntropyArb, (state) => checkCrossEntropy(state)), GENERATED);
  });
});
