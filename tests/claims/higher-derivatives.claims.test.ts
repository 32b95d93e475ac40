// @vitest-environment jsdom
// (the explorers are rendered, so that what the chapter says they show is read off them as a learner sees it)
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { createElement } from 'react';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, vi } from 'vitest';
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
import { slice, tensorChecks, TENSOR_TERMS } from '../../src/chapters/higher-derivatives/tensorMath';
import { einsumExpression } from '../../src/chapters/higher-derivatives/einsumProgram';
import { HessianExplorer } from '../../src/chapters/higher-derivatives/HessianExplorer';
import { QuadraticModelPlot } from '../../src/chapters/higher-derivatives/QuadraticModelPlot';
import { TensorExplorer } from '../../src/chapters/higher-derivatives/TensorExplorer';
import { curvatureAt } from '../../src/chapters/logistic-regression/logisticCurvature';
import { presetPoints } from '../../src/chapters/logistic-regression/logisticDescent';
import type { Weights } from '../../src/chapters/logistic-regression/logisticDescent';
import { renderWithLab } from '../components/renderWithLab';
import { runPython } from '../unit/chapters/higher-derivatives/pythonRun';
import { chapterProse, describeClaims, normaliseProse } from './chapterClaims';

/*
 * Chapter 12, "Beyond the gradient". Each check replays what the widgets compute (hessianMath,
 * quadraticModel, tensorMath, all on the core) on the sliders' own grid, logits in [−10, 10] in steps
 * of 0.1, two to eight classes. Reference numbers at the worked example z = [2, 3, 4] come from mpmath
 * at 40 digits (p = e^z/Σe^z, eigsy of diag(p) − ppᵀ, L(z + td) = ln Σ e^{z+td} − (z + td)_t), written
 * here with the digits the prose rounds them to; the rest are closed forms.
 */

/** this file's URL in a constant, so that Vite does not turn `new URL(…, import.meta.url)` into an asset import under jsdom */
const HERE = import.meta.url;
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

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '#/');
});

/** The texts of every cell of the Hessian explorer's three heatmaps, in order. */
const heatmapTexts = () => screen.getAllByRole('button').filter((b) => /^(H|diag\(p\)|p p transpose), row/.test(b.getAttribute('aria-label') ?? '')).map((b) => b.textContent);
const quadraticPlot = () => screen.getByRole('slider', { name: /^step s along d/ });
const quadraticLabel = () => quadraticPlot().getAttribute('aria-label') ?? '';
const readout = (id: string) => screen.getByTestId(id).textContent ?? '';
/** the quadratic-model widget with its direction and step in the URL, as a link opens it */
function renderQuadratic(query = '') {
  window.history.replaceState(null, '', `#/higher-derivatives${query}`);
  return renderWithLab(createElement(QuadraticModelPlot));
}
/** the third derivative built in NumPy by the chapter's five einsum lines, at z */
const numpyT = (z: readonly number[]) =>
  ['import numpy as np', `z = np.array(${JSON.stringify(z)})`, 'p = np.exp(z - z.max()); p /= p.sum()', 'I = np.eye(len(p))', einsumExpression()].join('\n');

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

  claim('Its target control changes the loss and the gradient; the heatmaps do not move.', () => {
    renderWithLab(createElement(HessianExplorer));
    const before = heatmapTexts();
    // 9 cells in each of H, diag(p) and ppᵀ
    expect(before).toHaveLength(27);
    const target = () => readout('hessian-target-readout');
    // z = [2, 3, 4], true class 2: L = ln(e² + e³ + e⁴) − 3, g₂ = p₂ − 1, by hand
    const S = Math.exp(2) + Math.exp(3) + Math.exp(4);
    expect(target()).toContain(`L = ${(Math.log(S) - 3).toFixed(3)}`);
    expect(target()).toContain(`−${(1 - Math.exp(3) / S).toFixed(3)}`);
    const first = target();
    fireEvent.click(screen.getByRole('radio', { name: 'true class 3' }));
    expect(target()).toContain(`L = ${(Math.log(S) - 4).toFixed(3)}`);
    expect(target()).toContain(`−${(1 - Math.exp(4) / S).toFixed(3)}]`);
    expect(heatmapTexts()).toEqual(before);
    fireEvent.click(screen.getByRole('button', { name: 'Uniform target' }));
    expect(target()).not.toBe(first);
    expect(heatmapTexts()).toEqual(before);
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

  claim('So one eigenvalue is always 0, with eigenvector $\\mathbf 1$, and the explorer\'s bars mark it.', () => {
    // the bars as drawn: the λ of (1, …, 1) labelled so, at the worked example and at z = [0.7, −3, 1.2, 5]
    for (const logits of [Z, [0.7, -3, 1.2, 5]]) {
      const { unmount } = renderWithLab(createElement(HessianExplorer), { logits, labels: logits.map((_, k) => (k === 0 ? 1 : 0)) });
      const marked = screen.getAllByText('0, along (1, …, 1)');
      expect(marked).toHaveLength(1);
      expect(screen.getByRole('img', { name: /^Eigenvalues of H/ }).getAttribute('aria-label')).toContain('λ1 = 0 (eigenvector (1, …, 1))');
      unmount();
    }
  });

  claim('The bars\' dashed line is this bound.', () => {
    // at z = [0.7, 0.7] λmax = ½ exactly (H = ¼[[1, −1], [−1, 1]]): its bar reaches the dashed line, no further
    const { container } = renderWithLab(createElement(HessianExplorer), { logits: [0.7, 0.7], labels: [1, 0] });
    const line = container.querySelector('.eigenvalue-bars .bound-line');
    const bars = [...container.querySelectorAll('.eigenvalue-bars rect.bar')];
    expect(line?.getAttribute('y1')).toBe(line?.getAttribute('y2'));
    expect(bars[1]?.getAttribute('y')).toBe(line?.getAttribute('y1'));
    expect(container.querySelector('.eigenvalue-bars .bound-label')?.textContent).toBe('bound ½');
    // and with three classes every bar stays below it
    cleanup();
    const three = renderWithLab(createElement(HessianExplorer), { logits: [10, 10, -10], labels: [1, 0, 0] });
    const y = Number(three.container.querySelector('.eigenvalue-bars .bound-line')?.getAttribute('y1'));
    for (const bar of three.container.querySelectorAll('.eigenvalue-bars rect.bar')) expect(Number(bar.getAttribute('y'))).toBeGreaterThan(y - 1e-9);
  });

  claim('the variance of the values $v_i$ when class $i$ has probability $p_i$.', () => {
    const v = (n: number) => fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n });
    property(sliderLogits().chain((z) => fc.tuple(fc.constant(z), v(z.length))), ([z, vec]) => {
      const H = crossEntropyHessian(z);
      const p = softmax(z);
      const quad = vec.reduce((s, vi, i) => s + vi * vec.reduce((t, vj, j) => t + (H[i]?.[j] as number) * vj, 0), 0);
      // the variance by hand: E[v²] − E[v]², and by its definition E[(v − E v)²]
      const mean = vec.reduce((s, vi, i) => s + (p[i] as number) * vi, 0);
      const variance = vec.reduce((s, vi, i) => s + (p[i] as number) * (vi - mean) ** 2, 0);
      const moments = vec.reduce((s, vi, i) => s + (p[i] as number) * vi * vi, 0) - mean * mean;
      expect(Math.abs(quad - variance)).toBeLessThan(1e-12 * (1 + variance));
      expect(Math.abs(moments - variance)).toBeLessThan(1e-12 * (1 + variance));
    });
  });

  claim('Write the variance as a sum over pairs, $\\mathbf v^{\\mathsf T} H \\mathbf v = \\tfrac12 \\sum_{i,j} p_i p_j (v_i - v_j)^2$, and use $(v_i - v_j)^2 \\le 2(v_i^2 + v_j^2)$', () => {
    const v = (n: number) => fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n });
    property(sliderLogits().chain((z) => fc.tuple(fc.constant(z), v(z.length))), ([z, vec]) => {
      const H = crossEntropyHessian(z);
      const p = softmax(z);
      const quad = vec.reduce((s, vi, i) => s + vi * vec.reduce((t, vj, j) => t + (H[i]?.[j] as number) * vj, 0), 0);
      let pairs = 0;
      let bound = 0;
      vec.forEach((vi, i) => vec.forEach((vj, j) => {
        pairs += 0.5 * (p[i] as number) * (p[j] as number) * (vi - vj) ** 2;
        if (i !== j) bound += (p[i] as number) * (p[j] as number) * (vi * vi + vj * vj);
      }));
      const norm2 = vec.reduce((s, x) => s + x * x, 0);
      expect(Math.abs(quad - pairs)).toBeLessThan(1e-12 * (1 + pairs));
      // the chain of the display: ≤ Σ_{i≠j} … = 2Σ p_i(1 − p_i)v_i² ≤ ½|v|²
      const middle = 2 * vec.reduce((s, x, i) => s + (p[i] as number) * (1 - (p[i] as number)) * x * x, 0);
      expect(quad).toBeLessThanOrEqual(bound * (1 + 1e-12) + 1e-15);
      expect(Math.abs(bound - middle)).toBeLessThan(1e-12 * (1 + middle));
      expect(middle).toBeLessThanOrEqual(0.5 * norm2 * (1 + 1e-12));
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
    // … where it comes within 10⁻⁸: along (1, −1, 0) λ = p₁ = 1/(2 + e^{−20}) = ½ − 5·10⁻¹⁰, by hand
    expect(lambdaMax([10, 10, -10])).toBeGreaterThan(0.5 - 1e-8);
    expect(lambdaMax([10, 10, -10])).toBeCloseTo(1 / (2 + Math.exp(-20)), 15);
  });

  // ---- The quadratic model ----

  claim('a parabola whose curvature $\\mathbf d^{\\mathsf T} H \\mathbf d / \\lVert \\mathbf d \\rVert^2$ lies between the smallest and the largest eigenvalue.', () => {
    const v = (n: number) => fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n });
    property(sliderLogits().chain((z) => fc.tuple(fc.constant(z), v(z.length))), ([z, d]) => {
      const norm2 = d.reduce((s, x) => s + x * x, 0);
      if (norm2 < 1e-6) return;
      const view = hessianView(z, z.map((_, k) => (k === 0 ? 1 : 0)));
      const m = quadraticModel(z, z.map((_, k) => (k === 0 ? 1 : 0)), Float64Array.from(d), view);
      expect(m.curvature).toBeGreaterThanOrEqual((view.eigenvalues[0] as number) - 1e-14);
      expect(m.curvature).toBeLessThanOrEqual(view.lambdaMax + 1e-14);
    });
  });

  claim('The plot draws the true loss and this model over $s$ from $-4$ to 4, with $\\mathbf d$ a unit vector, and also the cubic model of the last section', () => {
    renderQuadratic();
    const plot = quadraticPlot();
    expect([plot.getAttribute('aria-valuemin'), plot.getAttribute('aria-valuemax')]).toEqual(['-4', '4']);
    expect(quadraticLabel()).toContain('L(z + s·d), its quadratic model and its cubic model against s from −4 to 4');
    // every direction it offers is a unit vector, read off the hint to two decimals and exactly from direction()
    const view = hessianView(Z, Y2);
    for (const [dir, k] of [['top', 0], ['ones', 0], ['coord', 0], ['coord', 2]] as const) {
      const d = direction(dir, k, view);
      expect(Math.abs(d.reduce((s, x) => s + x * x, 0) - 1)).toBeLessThan(1e-14);
    }
    const shownD = /d = \(([^)]*)\)/.exec(readout('quadratic-direction'))?.[1]?.split(', ').map((x) => Number(x.replace('−', '-'))) ?? [];
    expect(Math.abs(shownD.reduce((s, x) => s + x * x, 0) - 1)).toBeLessThan(0.02);
  });

  claim('It starts on the eigenvector of $\\lambda_{\\max}$ at the worked example, with true class 2: the curvature is 0.371, and the model is above the true loss at both ends, by 0.398 at $s = -4$ and by 1.686 at $s = 4$.', () => {
    // the widget as it opens: its default direction is the top eigenvector, mpmath's (−0.107, −0.648, 0.755)
    renderQuadratic();
    expect(readout('quadratic-direction')).toContain('d = (−0.11, −0.65, 0.75)');
    expect(screen.getByRole('radio', { name: 'the eigenvector of λmax' })).toHaveProperty('checked', true);
    expect(readout('quadratic-curvature')).toBe('0.371');
    // mpmath: 0.39848624442898595 and 1.6864836329759987
    expect(readout('quadratic-error-low')).toBe('0.398');
    expect(readout('quadratic-error-high')).toBe('1.686');
    const view = hessianView(Z, Y2);
    const m = quadraticModel(Z, Y2, direction('top', 0, view), view);
    expect(m.model(-4) - m.truth(-4)).toBeCloseTo(0.39848624442898595, 12);
    expect(m.model(4) - m.truth(4)).toBeCloseTo(1.6864836329759987, 12);
  });

  claim('far out, $-\\ln p_t$ grows no faster than a straight line, while the parabola keeps turning up.', () => {
    // |∂L/∂s| = |gᵀd| ≤ |p − y| ≤ √2 for a unit d: L(z + sd) ≤ L(z) + √2|s|, out to s = 1000; the model outgrows that line
    const view = hessianView(Z, Y2);
    for (const [dir, k] of [['top', 0], ['coord', 0], ['coord', 2]] as const) {
      const m = quadraticModel(Z, Y2, direction(dir, k, view), view);
      for (const s of [-1000, -100, -10, 10, 100, 1000]) {
        expect(m.truth(s)).toBeLessThanOrEqual(m.loss + Math.SQRT2 * Math.abs(s) + 1e-9);
        if (Math.abs(s) >= 100) expect(m.model(s)).toBeGreaterThan(m.loss + Math.SQRT2 * Math.abs(s));
      }
    }
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

  claim('Choose the axis of $z_1$: the curvature is $p_1(1 - p_1) = 0.082$, and now the model is above the loss on the left (by 0.388 at $s = -4$) but below it on the right (by 0.747 at $s = 4$).', () => {
    renderQuadratic('?dir=coord&dk=0');
    expect(readout('quadratic-curvature')).toBe('0.082');
    expect(readout('quadratic-error-low')).toBe('0.388');
    expect(readout('quadratic-error-high')).toBe('−0.747');
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

  claim('On chapter 6\'s overlapping points $\\lambda_{\\max}\\big(\\tfrac1m \\sum_n \\tilde{\\mathbf x}_n\\tilde{\\mathbf x}_n^{\\mathsf T}\\big) = 4.094$, so that safe rate is 1.95, while the threshold itself is 4.73 at the start $(-4, 3)$ and 25.1 at the bottom: the bound is safe, but there about 13 times too cautious.', () => {
    // NumPy (eigvalsh, Newton to the minimum) on the preset written out: λmax(M) = 4.0937511793522825,
    // 8/λmax(M) = 1.9541979103052785; λmax(H) = 0.42296386373277883 at (−4, 3, 0), 0.07952658741731253 at the
    // bottom (2.18720784, 1.13880081, 1.15827287); 25.14882211033502 / 1.9541979103052785 = 12.87
    const points = presetPoints('overlapping');
    const m = points.length;
    const M = [0, 1, 2].map((a) => [0, 1, 2].map((b) => points.reduce((s, q) => s + ([q.x1, q.x2, 1][a] as number) * ([q.x1, q.x2, 1][b] as number), 0) / m));
    const top = symmetricEigenvalues(M)[2] as number;
    expect(top).toBeCloseTo(4.0937511793522825, 12);
    expect(top.toFixed(3)).toBe('4.094');
    expect((8 / top).toFixed(2)).toBe('1.95');
    const start = curvatureAt(points, [-4, 3, 0] as unknown as Weights, true);
    expect(start?.threshold.toFixed(2)).toBe('4.73');
    const bottom = curvatureAt(points, [2.18720784, 1.13880081, 1.15827287] as unknown as Weights, true);
    expect(bottom?.lambdaMax).toBeCloseTo(0.07952658741731253, 8);
    expect(bottom?.threshold.toFixed(1)).toBe('25.1');
    expect(Math.round((bottom?.threshold ?? NaN) / (8 / top))).toBe(13);
  });

  claim('The readout under chapter 6\'s learning-rate slider shows the actual $\\lambda_{\\max}$, which is never above this bound.', () => {
    // the readout itself (curvatureAt), on the preset's points, b learned (3 × 3) or held (its 2 × 2 block), at weights all over the map
    const points = presetPoints('overlapping');
    const m = points.length;
    const M = [0, 1, 2].map((a) => [0, 1, 2].map((b) => points.reduce((s, q) => s + ([q.x1, q.x2, 1][a] as number) * ([q.x1, q.x2, 1][b] as number), 0) / m));
    const bound = 0.25 * (symmetricEigenvalues(M)[2] as number);
    const weights = fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }));
    property(fc.tuple(weights, fc.boolean()), ([w, learnBias]) => {
      const c = curvatureAt(points, (learnBias ? w : [w[0], w[1], 0]) as unknown as Weights, learnBias);
      expect(c?.lambdaMax).toBeLessThanOrEqual(bound * (1 + 1e-12));
      expect(c?.threshold).toBeGreaterThanOrEqual((2 / bound) * (1 - 1e-12));
    }, 300);

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

  claim('for a linear layer, the same bound times $\\lVert \\mathbf x \\rVert^2$ caps the curvature in the weights, and so puts a floor under chapter 6\'s threshold: $2/\\lambda_{\\max} \\ge 8/\\lambda_{\\max}\\big(\\tfrac1m \\sum_n \\tilde{\\mathbf x}_n\\tilde{\\mathbf x}_n^{\\mathsf T}\\big)$.', () => {
    // a floor, not a cap: the readout's 2/λmax is at least 8/λmax(M) and, at the bottom of the overlapping points, far above it
    const points = presetPoints('overlapping');
    const m = points.length;
    const M = [0, 1, 2].map((a) => [0, 1, 2].map((b) => points.reduce((s, q) => s + ([q.x1, q.x2, 1][a] as number) * ([q.x1, q.x2, 1][b] as number), 0) / m));
    const floor = 8 / (symmetricEigenvalues(M)[2] as number);
    for (const w of [[-4, 3, 0], [0, 0, 0], [2.18720784, 1.13880081, 1.15827287], [9, -9, 4]]) {
      const c = curvatureAt(points, w as unknown as Weights, true);
      expect(c?.threshold).toBeGreaterThanOrEqual(floor);
    }
  });

  claim('(along $z_1$ only beyond $s \\approx 19$, off the plot)', () => {
    // mpmath: model − L along z₁ at [2, 3, 4], true class 2, changes sign at s = 19.1445732…
    const view = hessianView(Z, Y2);
    const m = quadraticModel(Z, Y2, direction('coord', 0, view), view);
    for (let s = 0.5; s <= 19.1; s += 0.2) expect(m.model(s)).toBeLessThan(m.truth(s));
    expect(m.model(19.2)).toBeGreaterThan(m.truth(19.2));
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

  claim('Every letter of these five reappears after the arrow, so nothing is summed: each line is an outer product.', () => {
    for (const t of TENSOR_TERMS) {
      const [inputs = '', output = ''] = /'([a-z,]+)->([a-z]*)'/.exec(t.einsum)?.slice(1) ?? [];
      for (const letter of inputs.replace(/,/g, '')) expect(output).toContain(letter);
    }
  });

  claim('Slice $k$, the matrix of the $T_{ijk}$ with $k$ held, is $\\partial H / \\partial z_k$ (in NumPy, which counts from 0, it is `T[:, :, k - 1]`)', () => {
    // in NumPy: T[:, :, 0] is the central difference of H = diag(p) − ppᵀ in z₁, the first logit
    const program = [
      numpyT(Z),
      'def H(z):',
      '    q = np.exp(z - z.max()); q /= q.sum()',
      '    return np.diag(q) - np.outer(q, q)',
      'h = 1e-5; e = np.array([1.0, 0.0, 0.0])',
      "print('err0 =', float(np.abs(T[:, :, 0] - (H(z + h * e) - H(z - h * e)) / (2 * h)).max()))",
      "print('err1 =', float(np.abs(T[:, :, 1] - (H(z + h * e) - H(z - h * e)) / (2 * h)).max()))",
    ].join('\n');
    const out = runPython(program);
    expect(out.get('err0') as number).toBeLessThan(1e-9);
    // T[:, :, 1] is slice 2, not 1: it misses by the size of the entries
    expect(out.get('err1') as number).toBeGreaterThan(1e-2);
  }, 30_000);

  claim('hover or focus a term of the formula and its heatmap lights up', async () => {
    const { store, container } = renderWithLab(createElement(TensorExplorer));
    for (const n of [1, 2, 3, 4, 5]) {
      const piece = await waitFor(() => {
        const el = screen.getByTestId('tensor-formula').querySelector(`[data-term="Tt-${n}"]`);
        if (!el) throw new Error('the formula is not typeset yet');
        return el;
      });
      fireEvent.focus(piece);
      expect(store.getState().focus).toBe(`Tt-${n}`);
      expect(container.querySelector('style')?.textContent ?? '').toContain(`[data-term="Tt-${n}"]`);
      // the cells that carry the id are term n's heatmap, all 9 of them
      const cells = [...container.querySelectorAll(`button[data-term="Tt-${n}"]`)];
      expect(cells).toHaveLength(9);
      for (const c of cells) expect(c.getAttribute('aria-label')).toMatch(new RegExp(`^term ${n}, `));
      fireEvent.blur(piece);
      fireEvent.pointerOver(piece);
      expect(store.getState().focus).toBe(`Tt-${n}`);
    }
  });

  claim('"Copy as a NumPy program" gives the same check in NumPy, with your logits.', async () => {
    const writeText = vi.fn((_: string) => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const logits = [0.4, -2.3, 1.7, 6.1];
    renderWithLab(createElement(TensorExplorer), { logits });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy as a NumPy program' })));
    const program = writeText.mock.calls[0]?.[0] ?? '';
    expect(program).toContain('z = np.array([0.4, -2.3, 1.7, 6.1])');
    const out = runPython(program);
    // the same check: central differences of the Hessian with h = 10⁻⁵, all C³ entries, better than 10⁻⁸
    expect(out.get('max_error') as number).toBeLessThan(1e-8);
    const T = out.get('T') as number[][][];
    crossEntropyThirdDerivative(logits).forEach((plane, i) => plane.forEach((line, j) => line.forEach((v, k) => expect(Math.abs((T[i]?.[j]?.[k] ?? NaN) - v)).toBeLessThan(1e-15))));
  }, 30_000);

  claim('on every setting of the sliders they agree to better than $10^{-8}$.', () => {
    property(sliderLogits(), (z) => {
      expect(tensorChecks(z, crossEntropyThirdDerivative(z)).fdError).toBeLessThan(1e-8);
    }, 120);
  });

  claim('Along a unit direction $\\mathbf d$ the next term of the expansion is $\\tfrac16 s^3 \\sum_{ijk} T_{ijk}\\, d_i d_j d_k$.', () => {
    // what the quadratic model misses, odd part: (r(s) − r(−s))/2 = ⅙s³ΣTddd + O(s⁵), r = L − model; at s = 0.05
    const rng = createRandom(SEED + 2);
    for (let run = 0; run < 50; run++) {
      const z = Array.from({ length: 2 + rng.int(5) }, () => (rng.next() - 0.5) * 8);
      const raw = z.map(() => rng.next() - 0.5);
      const norm = Math.hypot(...raw);
      const d = Float64Array.from(raw, (x) => x / norm);
      const y = z.map((_, k) => (k === 0 ? 1 : 0));
      const view = hessianView(z, y);
      const m = quadraticModel(z, y, d, view);
      const s = 0.05;
      const odd = ((m.truth(s) - m.model(s)) - (m.truth(-s) - m.model(-s))) / 2;
      // T along d by hand from the three closed forms' sum: Σ_i p_i d_i³ − 3(Σ p_i d_i²)(Σ p_i d_i) + 2(Σ p_i d_i)³
      const p = softmax(z);
      const mom = (k: number) => d.reduce((acc, x, i) => acc + (p[i] as number) * x ** k, 0);
      const third = mom(3) - 3 * mom(2) * mom(1) + 2 * mom(1) ** 3;
      expect(m.third).toBeCloseTo(third, 14);
      expect(Math.abs(odd - (s ** 3 * third) / 6)).toBeLessThan(1e-7);
    }
  });

  claim('np.einsum(\'ijk,i,j,k->\', T, d, d, d)  # the sum of T_ijk d_i d_j d_k', () => {
    // the chapter's two contractions, run as printed (comments and all) after the five lines, at z = [2, 3, 4]
    const block = /d = np\.array\(\[1\.0, 0\.0, 0\.0\]\)[^`]*/.exec(readFileSync(new URL('../../content/higher-derivatives.mdx', HERE), 'utf8'))?.[0] ?? '';
    const lines = block.trim().split('\n');
    expect(lines).toHaveLength(3);
    const program = [numpyT(Z), lines[0], `print('sum =', float(${lines[1]?.split('#')[0]?.trim()}))`, `print('dH =', (${lines[2]?.split('#')[0]?.trim()}).tolist())`].join('\n');
    const out = runPython(program);
    const p = softmax(Z);
    // T₁₁₁ = p₁(1 − p₁)(1 − 2p₁); ∂H along e₁ is slice 1
    expect(out.get('sum') as number).toBeCloseTo((p[0] as number) * (1 - (p[0] as number)) * (1 - 2 * (p[0] as number)), 15);
    const dH = out.get('dH') as number[][];
    slice(crossEntropyThirdDerivative(Z), 0).forEach((row, i) => row.forEach((v, j) => expect(dH[i]?.[j]).toBeCloseTo(v, 15)));
  }, 30_000);

  claim('At the worked example the first gives 0.0672 along the axis of $z_1$, and the cubic term $\\tfrac16 \\cdot 4^3 \\cdot 0.0672 = 0.717$ takes the model\'s error at $s = 4$ from $-0.747$ to $-0.030$.', () => {
    // mpmath: Σ T d d d = 0.06717354722; ⅙·64·that = 0.7165178; cubic − L at s = 4: −0.03019937295
    const view = hessianView(Z, Y2);
    const m = quadraticModel(Z, Y2, direction('coord', 0, view), view);
    expect(m.third.toFixed(4)).toBe('0.0672');
    expect(((64 * m.third) / 6).toFixed(3)).toBe('0.717');
    expect((m.cubic(4) - m.truth(4)).toFixed(3)).toBe('-0.030');
    expect(m.cubic(4) - m.truth(4)).toBeCloseTo(-0.03019937295, 10);
    // and the widget reads the same
    renderQuadratic('?dir=coord&dk=0&t=4');
    expect(readout('quadratic-third')).toBe('0.067');
    expect(readout('cubic-error-high')).toBe('−0.030');
    expect(readout('quadratic-error-high')).toBe('−0.747');
  });

  claim('Along the eigenvector of $\\lambda_{\\max}$ the sum is $-0.189$: there the curvature falls as $s$ grows.', () => {
    // mpmath: −0.1894708751 (the review's "−0.190" rounds it wrongly)
    const view = hessianView(Z, Y2);
    const d = direction('top', 0, view);
    const m = quadraticModel(Z, Y2, d, view);
    expect(m.third).toBeCloseTo(-0.1894708751, 9);
    expect(m.third.toFixed(3)).toBe('-0.189');
    const curvature = (s: number) => {
      const H = crossEntropyHessian(Z.map((v, i) => v + s * (d[i] as number)));
      return d.reduce((acc, di, i) => acc + di * d.reduce((t, dj, j) => t + (H[i]?.[j] as number) * dj, 0), 0);
    };
    for (let s = -0.5; s < 0.5; s += 0.1) expect(curvature(s + 0.1)).toBeLessThan(curvature(s));
  });

  claim('The quadratic-model plot draws this cubic model too. It is still a local model: at $s = -4$ along $z_1$ it is off by $-0.329$, about as much as the parabola.', () => {
    // mpmath: cubic − L = −0.3287057733 at s = −4, the parabola +0.3878120636
    renderQuadratic('?dir=coord&dk=0');
    expect(readout('cubic-error-low')).toBe('−0.329');
    expect(readout('quadratic-error-low')).toBe('0.388');
    expect(quadraticLabel()).toContain('cubic model − L = −0.329 at s = −4');
    expect(document.querySelectorAll('.quadratic-model path.curve')).toHaveLength(3);
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
