import fc from 'fast-check';
import { expect } from 'vitest';
import {
  crossEntropyGrad,
  crossEntropyHessian,
  crossEntropyThirdDerivative,
  softmax,
  symmetricEigenvalues,
} from '../../src/core';
import { createRandom } from '../../src/core/random';
import { logisticCrossEntropyHessian } from '../../src/core/logisticRegression';
import { clampLogit, LIMITS } from '../../src/url/labInputs';
import { FD_TOLERANCE, hessianChecks, hessianView, lossAt } from '../../src/chapters/higher-derivatives/hessianMath';
import { direction, quadraticModel } from '../../src/chapters/higher-derivatives/quadraticModel';
import { tensorChecks } from '../../src/chapters/higher-derivatives/tensorMath';
import { einsumExpression } from '../../src/chapters/higher-derivatives/einsumProgram';
import { chapterProse, describeClaims, normaliseProse } from './chapterClaims';

/*
 * Chapter 12, "Beyond the gradient". Each check replays what the widgets compute (hessianMath,
 * quadraticModel, tensorMath, all on the core) on the sliders' own grid, logits in [−10, 10] in steps
 * of 0.1, two to eight classes. Reference numbers at the worked example z = [2, 3, 4] come from mpmath
 * at 40 digits (p = e^z/Σe^z, eigsy of diag(p) − ppᵀ, L(z + td) = ln Σ e^{z+td} − (z + td)_t), written
 * here with the digits the prose rounds them to; the rest are closed forms.
 */

const SEED = 42;
const Z = [2, 3, 4];
const Y2 = [0, 1, 0];
const sliderLogits = (minLength: number = LIMITS.minClasses) =>
  fc.array(fc.integer({ min: LIMITS.logit.min * 10, max: LIMITS.logit.max * 10 }).map((k) => clampLogit(k / 10)), {
    minLength,
    maxLength: LIMITS.maxClasses,
  });
const softTarget = (n: number) => fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((w) => {
  const s = w.reduce((a, b) => a + b, 0);
  return w.map((v) => v / s);
});
const property = <T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => void, numRuns = 200) =>
  fc.assert(fc.property(arbitrary, check), { seed: SEED, numRuns });
const shown = (v: number, digits = 3) => v.toFixed(digits);
const lambdaMax = (z: readonly number[]) => {
  const v = symmetricEigenvalues(crossEntropyHessian(z));
  return v[v.length - 1] as number;
};

describeClaims('higher-derivatives', (claim) => {
  // ---- The Hessian is the Jacobian again ----

  claim('The Hessian of the loss is the softmax Jacobian, and it does not depend on $\\mathbf y$ at all: a one-hot target, a soft one, the uniform one, all give the same $H$.', () => {
    // central differences of the core's gradient p − y, with the target drawn, against p_i(δ_ij − p_j)
    property(sliderLogits().chain((z) => fc.tuple(fc.constant(z), softTarget(z.length))), ([z, y]) => {
      const p = softmax(z);
      const h = 1e-5;
      z.forEach((_, j) => {
        const up = crossEntropyGrad([z.map((v, k) => (k === j ? v + h : v))], [y])[0] as Float64Array;
        const down = crossEntropyGrad([z.map((v, k) => (k === j ? v - h : v))], [y])[0] as Float64Array;
        z.forEach((__, i) => {
          const byHand = (p[i] as number) * ((i === j ? 1 : 0) - (p[j] as number));
          expect(Math.abs(((up[i] as number) - (down[i] as number)) / (2 * h) - byHand)).toBeLessThan(1e-8);
        });
      });
    }, 60);
  });

  claim('At the worked example $\\mathbf z = [2, 3, 4]$ with true class 2 the loss is 1.408; pick true class 3 and it drops by exactly 1, to 0.408, since $\\ln p_3 - \\ln p_2 = z_3 - z_2 = 1$, while every entry of $H$ stays as it was.', () => {
    // L₂ = ln(1 + e + e²) − 1 + 1 … by hand: −ln p₂ = ln(e² + e³ + e⁴) − 3
    const byHand = Math.log(Math.exp(2) + Math.exp(3) + Math.exp(4)) - 3;
    expect(shown(byHand)).toBe('1.408');
    expect(shown(lossAt(Z, Y2))).toBe('1.408');
    expect(shown(lossAt(Z, [0, 0, 1]))).toBe('0.408');
    expect(lossAt(Z, Y2) - lossAt(Z, [0, 0, 1])).toBeCloseTo(1, 14);
    expect(hessianView(Z, [0, 0, 1]).H).toEqual(hessianView(Z, Y2).H);
  });

  claim('The first live check estimates every entry of $H$ by central differences of the gradient $\\mathbf p - \\mathbf y$, with your target, and the formula $\\operatorname{diag}(\\mathbf p) - \\mathbf p\\mathbf p^{\\mathsf T}$, which never saw $\\mathbf y$, agrees with it.', () => {
    property(sliderLogits().chain((z) => fc.tuple(fc.constant(z), softTarget(z.length))), ([z, y]) => {
      expect(hessianChecks(z, y, hessianView(z, y)).fdError).toBeLessThanOrEqual(FD_TOLERANCE);
    }, 100);
  });

  // ---- Convex in the logits ----

  claim('So one eigenvalue is always 0, with eigenvector $\\mathbf 1$, and the explorer\'s bars mark it.', () => {
    property(sliderLogits(), (z) => {
      const view = hessianView(z, z.map((_, k) => (k === 0 ? 1 : 0)));
      // H·1 = 0 exactly up to rounding, and no other eigenvalue is 0 (every p_i > 0 on the sliders)
      view.H.forEach((row) => expect(Math.abs(row.reduce((a, b) => a + b, 0))).toBeLessThan(1e-15));
      expect(view.eigenvalues.filter((v) => Math.abs(v) <= 1e-15)).toHaveLength(1);
      expect(view.eigenvalues[0]).toBeGreaterThanOrEqual(-1e-15);
    });
  });

  claim('At the worked example the eigenvalues are 0, 0.119 and 0.371.', () => {
    // mpmath: 0, 0.11855330012513701, 0.3709036419844583
    const { eigenvalues } = hessianView(Z, Y2);
    expect(Math.abs(eigenvalues[0] as number)).toBeLessThan(1e-15);
    expect(shown(eigenvalues[1] as number)).toBe('0.119');
    expect(shown(eigenvalues[2] as number)).toBe('0.371');
    expect(eigenvalues[2]).toBeCloseTo(0.3709036419844583, 14);
  });

  claim('With a one-hot target the loss $-\\ln p_t$ is positive and falls towards 0 as $z_t$ grows without end', () => {
    const losses = [0, 10, 20, 40, 80].map((zt) => lossAt([zt, 3, 4], [1, 0, 0]));
    for (const [a, b] of losses.slice(1).map((v, k) => [losses[k] as number, v])) expect(b).toBeLessThan(a as number);
    for (const v of losses) expect(v).toBeGreaterThan(0);
    // −ln p₁ = ln(1 + e^{3−80} + e^{4−80}) ≈ e^{-76} + e^{-77}
    expect(losses[4]).toBeCloseTo(Math.exp(-77) + Math.exp(-76), 40);
  });

  claim('So $\\lambda_{\\max} = \\max_{\\lVert\\mathbf v\\rVert = 1} \\mathbf v^{\\mathsf T} H \\mathbf v \\le \\tfrac12$, whatever the logits and however many classes.', () => {
    property(sliderLogits(), (z) => {
      expect(lambdaMax(z)).toBeLessThanOrEqual(0.5);
    });
    // also off the sliders' grid, and with many classes
    const rng = createRandom(SEED);
    for (let n = 0; n < 200; n++) {
      const z = Array.from({ length: 2 + rng.int(30) }, () => (rng.next() - 0.5) * 6);
      expect(lambdaMax(z)).toBeLessThanOrEqual(0.5 + 1e-15);
    }
  });

  claim('The bound is reached with two classes at $p_1 = p_2 = \\tfrac12$, along $(1, -1)/\\sqrt 2$.', () => {
    const H = crossEntropyHessian([0.7, 0.7]);
    expect(lambdaMax([0.7, 0.7])).toBe(0.5);
    // H(1, −1)ᵀ = ½(1, −1)ᵀ by hand: H = ¼[[1, −1], [−1, 1]]
    expect(H).toEqual([[0.25, -0.25], [-0.25, 0.25]]);
  });

  claim('With three or more classes it never quite is', () => {
    property(sliderLogits(3), (z) => {
      expect(lambdaMax(z)).toBeLessThan(0.5);
    });
    // even at the best three-class setting, two logits equal and the third far below: p₃ = e^{-20}/(2 + e^{-20})
    expect(lambdaMax([10, 10, -10])).toBeLessThan(0.5);
  });

  // ---- The quadratic model ----

  claim('It starts on the eigenvector of $\\lambda_{\\max}$ at the worked example, with true class 2: the curvature is 0.371, and the model is above the true loss at both ends, by 0.398 at $t = -4$ and by 1.686 at $t = 4$.', () => {
    const view = hessianView(Z, Y2);
    const m = quadraticModel(Z, Y2, direction('top', 0, view), view);
    expect(shown(m.curvature)).toBe('0.371');
    // mpmath: 0.39848624442898595 and 1.6864836329759987
    expect(shown(m.model(-4) - m.truth(-4))).toBe('0.398');
    expect(shown(m.model(4) - m.truth(4))).toBe('1.686');
  });

  claim('Choose $(1, \\dots, 1)$ and the model is exact: slope 0, curvature 0, and a flat line, since shifting every logit changes nothing.', () => {
    property(sliderLogits().chain((z) => fc.tuple(fc.constant(z), softTarget(z.length), fc.double({ min: -4, max: 4, noNaN: true }))), ([z, y, t]) => {
      const view = hessianView(z, y);
      const m = quadraticModel(z, y, direction('ones', 0, view), view);
      expect(Math.abs(m.slope)).toBeLessThan(1e-14);
      expect(Math.abs(m.curvature)).toBeLessThan(1e-14);
      expect(Math.abs(m.truth(t) - m.loss)).toBeLessThan(1e-12 * Math.max(1, m.loss));
    }, 100);
  });

  claim('Choose the axis of $z_1$: the curvature is $p_1(1 - p_1) = 0.082$, and now the model is above the loss on the left (by 0.388 at $t = -4$) but below it on the right (by 0.747 at $t = 4$).', () => {
    const view = hessianView(Z, Y2);
    const m = quadraticModel(Z, Y2, direction('coord', 0, view), view);
    const p1 = 1 / (1 + Math.E + Math.E ** 2);
    expect(shown(p1 * (1 - p1))).toBe('0.082');
    expect(shown(m.curvature)).toBe('0.082');
    // mpmath: +0.38781206361755305 and −0.7467172099104377
    expect(shown(m.model(-4) - m.truth(-4))).toBe('0.388');
    expect(shown(m.model(4) - m.truth(4))).toBe('-0.747');
  });

  claim('The curvature along $z_1$ does not stay put: it grows as $z_1$ rises, until $p_1 = \\tfrac12$, where it is ¼.', () => {
    // p₁(1 − p₁) along z = [s, 3, 4]: rising while p₁ < ½, i.e. while e^s < e³ + e⁴, at ¼ there
    const at = (s: number) => crossEntropyHessian([s, 3, 4])[0]?.[0] as number;
    const half = Math.log(Math.exp(3) + Math.exp(4));
    for (let s = 2; s < half - 0.01; s += 0.1) expect(at(s + 0.01)).toBeGreaterThan(at(s));
    expect(at(half)).toBeCloseTo(0.25, 14);
    expect(at(half + 0.5)).toBeLessThan(0.25);
  });

  // ---- A learning rate too large, again ----

  claim('With two classes the Hessian is $p_1 p_2 \\begin{pmatrix} 1 & -1 \\\\ -1 & 1 \\end{pmatrix}$, with eigenvalues 0 and $\\lambda_{\\max} = 2 p_1 p_2$, so $2/\\lambda_{\\max} = 1/(p_1 p_2)$.', () => {
    property(sliderLogits(2).map((z) => z.slice(0, 2)), (z) => {
      const d = (z[0] as number) - (z[1] as number);
      // p₁p₂ = 1/(2 + 2cosh d) by hand
      const product = 1 / (2 + 2 * Math.cosh(d));
      const v = symmetricEigenvalues(crossEntropyHessian(z));
      expect(Math.abs(v[0] as number)).toBeLessThan(1e-15);
      expect(Math.abs((v[1] as number) - 2 * product) / (2 * product)).toBeLessThan(1e-12);
    });
  });

  claim('any $\\eta < 4$ passes this test at every $\\mathbf z$.', () => {
    property(sliderLogits(), (z) => {
      expect(2 / lambdaMax(z)).toBeGreaterThanOrEqual(4);
    });
  });

  claim('More than that: as no curvature anywhere exceeds ½, every such step lowers the loss, near a minimum or not', () => {
    property(
      sliderLogits().chain((z) => fc.tuple(fc.constant(z), softTarget(z.length), fc.double({ min: 0.05, max: 3.99, noNaN: true }))),
      ([z, y, eta]) => {
        const g = crossEntropyGrad([z], [y])[0] as Float64Array;
        const norm2 = g.reduce((s, v) => s + v * v, 0);
        if (norm2 < 1e-12) return;
        const before = lossAt(z, y);
        const after = lossAt(z.map((v, k) => v - eta * (g[k] as number)), y);
        // the descent lemma: L(z − ηg) ≤ L(z) − η(1 − η/4)|g|², curvature at most ½
        expect(after).toBeLessThanOrEqual(before - eta * (1 - eta / 4) * norm2 + 1e-12);
      },
      300,
    );
  });

  claim('At the worked example, $2/\\lambda_{\\max} = 5.39$.', () => {
    // mpmath: 5.39223607861959
    expect((2 / lambdaMax(Z)).toFixed(2)).toBe('5.39');
  });

  claim('the Hessian of one example\'s loss in $W$ is $H$ combined with $\\mathbf x\\mathbf x^{\\mathsf T}$ (a Kronecker product), whose largest eigenvalue is $\\lambda_{\\max}(H)\\,\\lVert \\mathbf x \\rVert^2 \\le \\tfrac12 \\lVert \\mathbf x \\rVert^2$.', () => {
    // the Hessian in W (C × D, row-major) by central differences of the core's gradient (p − y)xᵀ, against H ⊗ xxᵀ
    const rng = createRandom(SEED);
    for (let run = 0; run < 20; run++) {
      const C = 2 + rng.int(3);
      const D = 1 + rng.int(3);
      const W = Array.from({ length: C * D }, () => (rng.next() - 0.5) * 2);
      const x = Array.from({ length: D }, () => (rng.next() - 0.5) * 4);
      const y = Array.from({ length: C }, (_, k) => (k === 0 ? 1 : 0));
      const logits = (w: readonly number[]) => Array.from({ length: C }, (_, c) => x.reduce((s, xd, d) => s + (w[c * D + d] as number) * xd, 0));
      const gradW = (w: readonly number[]) => {
        const g = crossEntropyGrad([logits(w)], [y])[0] as Float64Array;
        return w.map((_, a) => (g[Math.floor(a / D)] as number) * (x[a % D] as number));
      };
      const h = 1e-5;
      const HW = W.map((_, b) => {
        const up = gradW(W.map((v, a) => (a === b ? v + h : v)));
        const down = gradW(W.map((v, a) => (a === b ? v - h : v)));
        return up.map((u, a) => (u - (down[a] as number)) / (2 * h));
      });
      const symmetric = HW.map((row, a) => row.map((v, b) => (v + (HW[b]?.[a] as number)) / 2));
      const values = symmetricEigenvalues(symmetric);
      const norm2 = x.reduce((s, v) => s + v * v, 0);
      const expected = lambdaMax(logits(W)) * norm2;
      expect(Math.abs((values[values.length - 1] as number) - expected)).toBeLessThan(1e-7 * Math.max(1, norm2));
      expect(expected).toBeLessThanOrEqual(0.5 * norm2);
    }
  });

  claim('its loss has second derivative $\\sigma(z)(1 - \\sigma(z)) \\le \\tfrac14$ in $z$: the two-class softmax with logits $(z, 0)$, moved along one axis, where the curvature is $p_1 p_2$ rather than the $2p_1p_2$ of the direction $(1, -1)$.', () => {
    property(sliderLogits(2).map((z) => z[0] as number), (z) => {
      const H = crossEntropyHessian([z, 0]);
      const s = 1 / (1 + Math.exp(-z));
      expect(H[0]?.[0]).toBeCloseTo(s * (1 - s), 15);
      expect(H[0]?.[0]).toBeLessThanOrEqual(0.25);
      // along (1, −1)/√2: ½(H₁₁ − 2H₁₂ + H₂₂) = 2p₁p₂
      const along = 0.5 * ((H[0]?.[0] as number) - 2 * (H[0]?.[1] as number) + (H[1]?.[1] as number));
      expect(along).toBeCloseTo(2 * s * (1 - s), 15);
    });
  });

  claim('The readout under chapter 6\'s learning-rate slider shows the actual $\\lambda_{\\max}$, which is never above this bound.', () => {
    // random point sets and weights: λmax of the cost's Hessian ≤ ¼ λmax(mean of x̃x̃ᵀ), so 2/λmax ≥ 8/λmax(…)
    const rng = createRandom(SEED + 1);
    for (let run = 0; run < 200; run++) {
      const m = 1 + rng.int(20);
      const X = Float64Array.from({ length: 2 * m }, () => (rng.next() - 0.5) * 12);
      const w = [(rng.next() - 0.5) * 12, (rng.next() - 0.5) * 12, (rng.next() - 0.5) * 6];
      const H = logisticCrossEntropyHessian(w, X);
      const M = [0, 1, 2].map((a) => [0, 1, 2].map((b) => {
        let s = 0;
        for (let n = 0; n < m; n++) {
          const xt = [X[2 * n] as number, X[2 * n + 1] as number, 1];
          s += (xt[a] as number) * (xt[b] as number);
        }
        return s / m;
      }));
      const top = (A: ArrayLike<ArrayLike<number>>) => symmetricEigenvalues(A)[2] as number;
      expect(top(H)).toBeLessThanOrEqual(0.25 * top(M) * (1 + 1e-12));
      expect(2 / top(H)).toBeGreaterThanOrEqual((8 / top(M)) * (1 - 1e-12));
    }
  });

  // ---- The third derivative ----

  claim('Sorting the indices, the sum takes three forms: $p_a(1 - p_a)(1 - 2p_a)$ when $i = j = k = a$, $-p_a p_b (1 - 2p_a)$ when two indices are $a$ and the third is $b$, and $2p_ip_jp_k$ when all three differ.', () => {
    property(sliderLogits(), (z) => {
      const T = crossEntropyThirdDerivative(z);
      const p = Array.from(softmax(z));
      const n = z.length;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) {
        const [pi, pj, pk] = [p[i] as number, p[j] as number, p[k] as number];
        let form: number;
        if (i === j && j === k) form = pi * (1 - pi) * (1 - 2 * pi);
        else if (i === j) form = -pi * pk * (1 - 2 * pi);
        else if (i === k) form = -pi * pj * (1 - 2 * pi);
        else if (j === k) form = -pj * pi * (1 - 2 * pj);
        else form = 2 * pi * pj * pk;
        expect(Math.abs((T[i]?.[j]?.[k] as number) - form)).toBeLessThan(1e-15);
      }
    }, 60);
  });

  claim('$T$ does not change when its indices are permuted, and every line of it, along any index, sums to 0, because every row of $H$ does at every $\\mathbf z$.', () => {
    property(sliderLogits(), (z) => {
      const T = crossEntropyThirdDerivative(z);
      const n = z.length;
      for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) {
        let line = [0, 0, 0];
        for (let c = 0; c < n; c++) {
          const v = T[a]?.[b]?.[c] as number;
          for (const w of [T[a]?.[c]?.[b], T[b]?.[a]?.[c], T[b]?.[c]?.[a], T[c]?.[a]?.[b], T[c]?.[b]?.[a]]) expect(w).toBe(v);
          line = [line[0]! + v, line[1]! + (T[a]?.[c]?.[b] as number), line[2]! + (T[c]?.[a]?.[b] as number)];
        }
        for (const s of line) expect(Math.abs(s)).toBeLessThan(1e-15);
      }
    }, 60);
  });

  claim('At the worked example $T_{111} = 0.067$, $T_{123} = 0.029$ and $T_{333} = -0.074$, and the largest entry in size is 0.094.', () => {
    // mpmath: 0.06717354721510453, 0.0293145671904599, −0.0735968102545256, max 0.09436696461080075
    const T = crossEntropyThirdDerivative(Z);
    expect(shown(T[0]?.[0]?.[0] as number)).toBe('0.067');
    expect(shown(T[0]?.[1]?.[2] as number)).toBe('0.029');
    expect(shown(T[2]?.[2]?.[2] as number)).toBe('-0.074');
    expect(shown(Math.max(...T.flat(2).map(Math.abs)))).toBe('0.094');
  });

  claim('Every term of it carries the factor $p_k$.', () => {
    // slice k = p_k (e_k e_kᵀ − diag(p) − e_k pᵀ − p e_kᵀ + 2ppᵀ), the bracket written out by hand from the five terms
    property(sliderLogits(), (z) => {
      const T = crossEntropyThirdDerivative(z);
      const p = Array.from(softmax(z));
      const n = z.length;
      for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
        const bracket = (i === k && j === k ? 1 : 0) - (i === j ? p[i]! : 0) - (i === k ? p[j]! : 0) - (j === k ? p[i]! : 0) + 2 * p[i]! * p[j]!;
        expect(Math.abs((T[i]?.[j]?.[k] as number) - p[k]! * bracket)).toBeLessThan(1e-15);
      }
    }, 60);
  });

  claim('T = (np.einsum(\'i,ij,ik->ijk\', p, I, I)', () => {
    // the code block of the chapter is the widget's own expression, line for line
    const block = einsumExpression();
    for (const line of block.split('\n')) expect(chapterProse('higher-derivatives')).toContain(normaliseProse(line));
  });

  claim('on every setting of the sliders they agree to better than $10^{-8}$.', () => {
    property(sliderLogits(), (z) => {
      expect(tensorChecks(z, crossEntropyThirdDerivative(z)).fdError).toBeLessThan(1e-8);
    }, 120);
  });

  claim('Along the axis of $z_1$ that sum is $T_{111} = p_1(1 - p_1)(1 - 2p_1)$, positive while $p_1 < \\tfrac12$', () => {
    property(sliderLogits(), (z) => {
      const p1 = softmax(z)[0] as number;
      const t111 = crossEntropyThirdDerivative(z)[0]?.[0]?.[0] as number;
      expect(Math.abs(t111 - p1 * (1 - p1) * (1 - 2 * p1))).toBeLessThan(1e-15);
      if (p1 < 0.499) expect(t111).toBeGreaterThan(0);
    });
  });
});
