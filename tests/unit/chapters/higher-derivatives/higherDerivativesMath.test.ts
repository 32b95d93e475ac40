import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossEntropyThirdDerivative, softmax } from '../../../../src/core';
import { clampLogit, LIMITS } from '../../../../src/url/labInputs';
import { FD_TOLERANCE, hessianChecks, hessianView, LAMBDA_BOUND, lossAt, onesIndex } from '../../../../src/chapters/higher-derivatives/hessianMath';
import { direction, quadraticModel, topIsRepeated } from '../../../../src/chapters/higher-derivatives/quadraticModel';
import { slice, TENSOR_TERMS, tensorChecks, termSlice, TERMS_TOLERANCE } from '../../../../src/chapters/higher-derivatives/tensorMath';
import { einsumLines, tensorNumpy } from '../../../../src/chapters/higher-derivatives/einsumProgram';
import { tensorCellText } from '../../../../src/chapters/higher-derivatives/higherDerivativesFormula';
import { runPython } from './pythonRun';

/*
 * Reference values at the worked example z = [2, 3, 4] from mpmath at 40 digits (eigsy of
 * diag(p) − ppᵀ; L(z + t·d) = ln Σ e^{z + td} − (z + td)_2 with the true class 2), or closed forms
 * written here; never the code's own output.
 */
const Z = [2, 3, 4];
const Y = [0, 1, 0];
const E = Math.E;
const P = [1, E, E * E].map((v) => v / (1 + E + E * E));
const p = (i: number) => P[i] as number;

const sliderLogits = fc.array(
  fc.integer({ min: LIMITS.logit.min * 10, max: LIMITS.logit.max * 10 }).map((k) => clampLogit(k / 10)),
  { minLength: LIMITS.minClasses, maxLength: LIMITS.maxClasses },
);
const oneHotFor = (z: readonly number[], t: number) => z.map((_, k) => (k === t % z.length ? 1 : 0));

describe('hessianView', () => {
  it('hessianView([2, 3, 4], y) has eigenvalues 0, 0.11855330012513701 and 0.3709036419844583 (mpmath)', () => {
    const view = hessianView(Z, Y);
    expect(Math.abs(view.eigenvalues[0] ?? NaN)).toBeLessThan(1e-16);
    expect(view.eigenvalues[1]).toBeCloseTo(0.11855330012513701, 14);
    expect(view.eigenvalues[2]).toBeCloseTo(0.3709036419844583, 14);
    expect(view.lambdaMax).toBe(view.eigenvalues[2]);
    // L = −ln p₂ = ln(1 + e + e²) − 1
    expect(view.loss).toBeCloseTo(Math.log(1 + E + E * E) - 1, 14);
  });

  it('hessianView(z, y).H is the same for every target y, and equals p_i(δ_ij − p_j)', () => {
    const views = [Y, [1, 0, 0], [0, 0, 1], [0.6, 0.1, 0.3], [0.2, 0.5, 0.3]].map((y) => hessianView(Z, y));
    for (const v of views) expect(v.H).toEqual(views[0]?.H);
    views[0]?.H.forEach((row, i) => row.forEach((h, j) => expect(h).toBeCloseTo(p(i) * ((i === j ? 1 : 0) - p(j)), 15)));
    // the loss does depend on y
    expect(new Set(views.map((v) => v.loss.toFixed(6))).size).toBe(views.length);
  });

  it('onesIndex picks the eigenvector parallel to (1, …, 1), the one whose eigenvalue is 0', () => {
    const view = hessianView([0.5, -1, 2.5, 0], [1, 0, 0, 0]);
    const k = onesIndex(view.eigenvectors);
    expect(Math.abs(view.eigenvalues[k] ?? NaN)).toBeLessThan(1e-15);
    for (const x of view.eigenvectors[k] ?? []) expect(Math.abs(x)).toBeCloseTo(0.5, 12);
  });

  it('hessianChecks hold on every setting of the sliders, with any one-hot target', () => {
    fc.assert(
      fc.property(sliderLogits, fc.nat(7), (z, t) => {
        const y = oneHotFor(z, t);
        const c = hessianChecks(z, y, hessianView(z, y));
        expect(c.fdError).toBeLessThanOrEqual(FD_TOLERANCE);
        expect(c.nullResidual).toBeLessThanOrEqual(1e-15);
        expect(c.smallest).toBeGreaterThanOrEqual(-1e-15);
        expect(c.lambdaMax).toBeLessThanOrEqual(LAMBDA_BOUND);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('hessianChecks catches a wrong Hessian: with the sign of −ppᵀ flipped, fdError is far above the tolerance', () => {
    const view = hessianView(Z, Y);
    const wrong = { ...view, H: view.H.map((row, i) => row.map((_, j) => (i === j ? p(i) : 0) + p(i) * p(j))) };
    expect(hessianChecks(Z, Y, wrong).fdError).toBeGreaterThan(0.1);
  });
});

describe('quadraticModel', () => {
  it('along (1, …, 1) the slope and curvature are 0 and the true loss is flat: the model is exact', () => {
    const view = hessianView(Z, Y);
    const m = quadraticModel(Z, Y, direction('ones', 0, view), view);
    expect(Math.abs(m.slope)).toBeLessThan(1e-15);
    expect(Math.abs(m.curvature)).toBeLessThan(1e-15);
    for (const t of [-4, -1.3, 2, 4]) expect(m.truth(t)).toBeCloseTo(m.model(t), 13);
  });

  it('along the eigenvector of λmax at [2, 3, 4], true class 2: curvature λmax, model − L = 0.398486… at t = −4 and 1.686483… at t = 4 (mpmath)', () => {
    const view = hessianView(Z, Y);
    const d = direction('top', 0, view);
    // the sign: the largest entry in size is positive (here d₃ ≈ 0.75)
    expect(d[2]).toBeGreaterThan(0.7);
    const m = quadraticModel(Z, Y, d, view);
    expect(m.curvature).toBeCloseTo(0.3709036419844583, 14);
    expect(m.slope).toBeCloseTo(0.9813396807769267, 13);
    expect(m.model(-4) - m.truth(-4)).toBeCloseTo(0.39848624442898595, 12);
    expect(m.model(4) - m.truth(4)).toBeCloseTo(1.6864836329759987, 12);
  });

  it('along the axis of z1 the curvature is p1(1 − p1) and the slope p1 − y1 = p1', () => {
    const view = hessianView(Z, Y);
    const m = quadraticModel(Z, Y, direction('coord', 0, view), view);
    expect(m.curvature).toBeCloseTo(p(0) * (1 - p(0)), 15);
    expect(m.slope).toBeCloseTo(p(0), 15);
    // L(z + t e₁) = ln(e^{2+t} + e³ + e⁴) − 3
    for (const t of [-4, 4]) expect(m.truth(t)).toBeCloseTo(Math.log(Math.exp(2 + t) + E ** 3 + E ** 4) - 3, 13);
  });

  it('the cubic model adds ⅙s³ Σ T d d d: along z1 the sum is p1(1 − p1)(1 − 2p1) and cubic − L at s = 4 is −0.0301993729… (mpmath)', () => {
    const view = hessianView(Z, Y);
    const m = quadraticModel(Z, Y, direction('coord', 0, view), view);
    expect(m.third).toBeCloseTo(p(0) * (1 - p(0)) * (1 - 2 * p(0)), 15);
    expect(m.cubic(4) - m.truth(4)).toBeCloseTo(-0.03019937295, 10);
    expect(m.cubic(-4) - m.truth(-4)).toBeCloseTo(-0.3287057733, 10);
    expect(m.cubic(0)).toBe(m.loss);
  });

  it('along the eigenvector of λmax at [2, 3, 4], Σ T d d d = −0.1894708751 (mpmath)', () => {
    const view = hessianView(Z, Y);
    const m = quadraticModel(Z, Y, direction('top', 0, view), view);
    expect(m.third).toBeCloseTo(-0.1894708751, 10);
  });

  it('topIsRepeated is true at [0, 0, 0] (λmax = 1/3 twice) and false at [2, 3, 4] and with two classes', () => {
    expect(topIsRepeated(hessianView([0, 0, 0], [1, 0, 0]))).toBe(true);
    expect(topIsRepeated(hessianView([1, 1, 1, -2], [1, 0, 0, 0]))).toBe(true);
    expect(topIsRepeated(hessianView(Z, Y))).toBe(false);
    expect(topIsRepeated(hessianView([0, 0], [1, 0]))).toBe(false);
  });

  it('direction("coord", k) past the last class is the last axis', () => {
    const view = hessianView(Z, Y);
    expect(Array.from(direction('coord', 7, view))).toEqual([0, 0, 1]);
  });
});

describe('tensorMath', () => {
  it('the five terms at (i, j, k) add up to the three closed forms of T and to the core’s tensor', () => {
    const T = crossEntropyThirdDerivative(Z);
    const sum = (i: number, j: number, k: number) => TENSOR_TERMS.reduce((s, t) => s + t.value(P, i, j, k), 0);
    // i = j = k = a: p_a(1 − p_a)(1 − 2p_a); two equal a, third b: −p_a p_b(1 − 2p_a); all different: 2p_ip_jp_k
    expect(sum(0, 0, 0)).toBeCloseTo(p(0) * (1 - p(0)) * (1 - 2 * p(0)), 15);
    expect(sum(2, 0, 2)).toBeCloseTo(-p(2) * p(0) * (1 - 2 * p(2)), 15);
    expect(sum(1, 2, 0)).toBeCloseTo(2 * p(0) * p(1) * p(2), 15);
    for (let k = 0; k < 3; k++) {
      const parts = TENSOR_TERMS.map((t) => termSlice(t, P, k));
      const main = slice(T, k);
      main.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(parts.reduce((s, m) => s + (m[i]?.[j] ?? NaN), 0) - v)).toBeLessThanOrEqual(TERMS_TOLERANCE)));
    }
  });

  it('slice k of the core’s T is p_k(e_k e_kᵀ − diag(p) − e_k pᵀ − p e_kᵀ + 2ppᵀ), written out by hand', () => {
    // T[:, :, k] = p_k (e_k e_kᵀ − diag(p) − e_k pᵀ − p e_kᵀ + 2ppᵀ), written out here
    const k = 1;
    const expected = P.map((_, i) =>
      P.map((__, j) => p(k) * ((i === k && j === k ? 1 : 0) - (i === j ? p(i) : 0) - (i === k ? p(j) : 0) - (j === k ? p(i) : 0) + 2 * p(i) * p(j))),
    );
    const T = slice(crossEntropyThirdDerivative(Z), k);
    T.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i]?.[j] ?? NaN, 15)));
  });

  it('tensorChecks hold on every setting of the sliders: central differences within 1e-8, terms within 1e-15, exact symmetry', () => {
    fc.assert(
      fc.property(sliderLogits, (z) => {
        const c = tensorChecks(z, crossEntropyThirdDerivative(z));
        expect(c.fdError).toBeLessThanOrEqual(FD_TOLERANCE);
        expect(c.termsError).toBeLessThanOrEqual(TERMS_TOLERANCE);
        expect(c.asymmetry).toBe(0);
      }),
      { seed: 42, numRuns: 60 },
    );
  });
});

describe('tensorNumpy', () => {
  it('run with python3 and NumPy, the five einsum lines give the core’s tensor, and its own check is below 1e-8', () => {
    for (const z of [Z, [0.5, -1.2, 3, 0], [10, -10], [-3.3, 1.1, 0.7, 2.2, -0.4, 9.9, -8.8, 0]]) {
      const out = runPython(tensorNumpy(z));
      const T = out.get('T') as number[][][];
      const core = crossEntropyThirdDerivative(z);
      core.forEach((plane, i) => plane.forEach((line, j) => line.forEach((v, k) => expect(Math.abs((T[i]?.[j]?.[k] ?? NaN) - v)).toBeLessThan(1e-15))));
      expect(out.get('max_error') as number).toBeLessThan(1e-8);
    }
  }, 30_000);

  it('each einsum line alone builds its own term, as TENSOR_TERMS computes it', () => {
    const z = [0.3, -1.5, 2.1];
    const program = [
      'import numpy as np',
      `z = np.array(${JSON.stringify(z)})`,
      'p = np.exp(z - z.max()); p /= p.sum()',
      'I = np.eye(3)',
      ...einsumLines().map((line, n) => `print('t${n} =', (0 ${/^[-+]/.test(line) ? '' : '+ '}${line}).tolist())`),
    ].join('\n');
    const out = runPython(program);
    const pz = softmax(z);
    TENSOR_TERMS.forEach((term, n) => {
      const built = out.get(`t${n}`) as number[][][];
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) expect(built[i]?.[j]?.[k]).toBeCloseTo(term.value(pz, i, j, k), 15);
    });
  }, 30_000);
});

describe('tensorCellText', () => {
  it('writes each term after the first with its own sign, and with the digits asked for', () => {
    const text = tensorCellText({ i: 0, j: 1, k: 0, terms: [0, 0, -0.0222, 0.0, 0.00412], value: -0.0181, digits: 4 });
    expect(text).toMatch(/T121 = 0\.0000 \+ 0\.0000 − 0\.0222 \+ 0\.0000 \+ 0\.0041 = −0\.0181$/);
    // a negative term that rounds to 0 at the heatmaps' decimals reads 0, with no sign
    expect(tensorCellText({ i: 0, j: 0, k: 0, terms: [0.1, -0.00001, 0, 0, 0], value: 0.1, digits: 4 })).toContain('0.1000 + 0.0000 + 0.0000');
  });
});

describe('lossAt', () => {
  it('lossAt([2, 3, 4], [0, 0, 1]) is 1 less than with [0, 1, 0]: ln p₃ − ln p₂ = z₃ − z₂', () => {
    expect(lossAt(Z, Y) - lossAt(Z, [0, 0, 1])).toBeCloseTo(1, 14);
  });
});
