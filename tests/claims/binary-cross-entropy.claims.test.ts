// @vitest-environment jsdom
import { createElement, type ReactElement } from 'react';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect } from 'vitest';
import prerendered from 'virtual:prerendered-tex/all';
import { readFileSync } from 'node:fs';
import {
  binaryCrossEntropy,
  binaryCrossEntropyLossZ,
  binaryCrossEntropyWithLogits,
  binaryCrossEntropyWithLogitsGrad,
  crossEntropy,
  crossEntropyGrad,
  sigmoid,
  sigmoidGrad,
  softmax,
  softplus,
} from '../../src/core';
import { App } from '../../src/app/App';
import { formatNumber } from '../../src/format/formatNumber';
import { registerPrerendered } from '../../src/math/texRuntime';
import { TermScope } from '../../src/math/TermScope';
import { createLabStore } from '../../src/state/createLabStore';
import { LabProvider } from '../../src/state/LabContext';
import { LIMITS, WORKED_EXAMPLE, type LabInputs } from '../../src/url/labInputs';
import { BinaryCrossEntropyExplorer } from '../../src/chapters/binary-cross-entropy/BinaryCrossEntropyExplorer';
import { bceGradPrediction, binaryChecks, binaryState, logit, type BinaryTarget } from '../../src/chapters/binary-cross-entropy/binaryCrossEntropyMath';
import { binaryFormulas } from '../../src/chapters/binary-cross-entropy/binaryCrossEntropyFormula';
import { SigmoidSoftmaxPair } from '../../src/chapters/binary-cross-entropy/SigmoidSoftmaxPair';
import { add, big, div, exp, LN2, log, mul, neg, ONE, toNumber, type BigFloat } from '../core/reference/bigFloat';
import { describeClaims } from './chapterClaims';

/*
 * Chapter 5, "Sigmoid and binary cross-entropy". Every check replays what the explorer computes (its
 * state and its live checks, binaryState and binaryChecks) over the slider's own grid, or the core's
 * function the widget calls; reference values come from closed forms or from the arbitrary-precision
 * BigFloat, never from the code under test. Sentences about what the widgets draw and print are checked
 * on the widgets themselves, rendered in jsdom: the curves are read back from their SVG paths through
 * the plots' own tick marks and compared with closed forms.
 */

/** This file's URL (held in a constant, so that Vite does not turn `new URL(…, import.meta.url)` into an import). */
const HERE = import.meta.url;

// the build-time formulas a chapter page registers, so that the live formulas are typeset here too
registerPrerendered(prerendered);
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

/** The explorer's slider: z from −10 to 10 in steps of 0.1, as the store snaps it. */
const { min, max, step } = LIMITS.binaryLogit;
const SLIDER = Array.from({ length: Math.round((max - min) / step) + 1 }, (_, k) => Number((min + k * step).toFixed(10)));
const TARGETS = [1, 0] as const;

/** σ(z), 1 − σ(z) = σ(−z) and softplus(x) = ln(1 + eˣ) to 60 digits, from BigFloat alone. */
const bigSigmoid = (z: number): BigFloat => div(ONE, add(ONE, exp(neg(big(z)))));
const refSoftplus = (x: number) => toNumber(log(add(ONE, exp(big(x)))));
/** The exact binary cross-entropy −(t ln σ(z) + (1 − t) ln(1 − σ(z))) of one logit, to double precision:
 * −ln σ(z) = ln(1 + e^{−z}), taken in that form so that it keeps its digits where σ(z) is within 2⁻²⁰⁰ of 1. */
const refLoss = (z: number, t: BinaryTarget) => refSoftplus(t === 1 ? -z : z);
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** Closed forms in plain Math, for reading the plots back: σ, σ′ = e^{−z}/(1 + e^{−z})², L, ∂L/∂ŷ, ∂L/∂z. */
const closed = {
  sigma: (z: number) => 1 / (1 + Math.exp(-z)),
  slope: (z: number) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2,
  loss: (t: BinaryTarget) => (z: number) => Math.log(1 + Math.exp(t === 1 ? -z : z)),
  gradPrediction: (t: BinaryTarget) => (p: number) => (t === 1 ? -1 / p : 1 / (1 - p)),
  gradLogit: (t: BinaryTarget) => (z: number) => 1 / (1 + Math.exp(-z)) - t,
};

/** One widget inside the lab store and term scope a chapter page gives it. */
function renderInLab(widget: () => ReactElement, initial: Partial<LabInputs> = {}) {
  const store = createLabStore(initial);
  const view = render(createElement(LabProvider, { store, children: createElement(TermScope, { children: widget() }) }));
  return { store, ...view };
}
const renderExplorer = (initial: Partial<LabInputs> = {}) => renderInLab(() => createElement(BinaryCrossEntropyExplorer), initial);

interface DrawnCurve {
  solid: boolean;
  colour: string;
  /** the path's vertices in data units */
  points: [number, number][];
}
interface DrawnDot {
  term: string;
  main: boolean;
  colour: string;
  /** where the dot sits, in data units */
  at: [number, number];
}

/**
 * One of the explorer's plots as drawn: its curves and dots in data units, read back from the SVG with
 * the plot's own tick marks (each tick line stands at its labelled value), not with the plot's code.
 */
function readPlot(svg: Element): { curves: DrawnCurve[]; dots: DrawnDot[]; xPixel: (x: number) => number } {
  const ticks = [...svg.querySelectorAll('g.tick')].map((g) => {
    const line = g.querySelector('line') as Element;
    const a = (name: string) => Number(line.getAttribute(name));
    return { horizontal: a('y1') === a('y2'), px: a('y1') === a('y2') ? a('y1') : a('x1'), value: Number((g.querySelector('text')?.textContent ?? '').replace('−', '-')) };
  });
  const scale = (horizontal: boolean) => {
    const axis = ticks.filter((t) => t.horizontal === horizontal);
    const [a, b] = [axis[0], axis.at(-1)] as [(typeof axis)[0], (typeof axis)[0]];
    return { toData: (px: number) => a.value + ((px - a.px) * (b.value - a.value)) / (b.px - a.px), toPx: (v: number) => a.px + ((v - a.value) * (b.px - a.px)) / (b.value - a.value) };
  };
  const [x, y] = [scale(false), scale(true)];
  const colourOf = (el: Element, property: string) => new RegExp(`${property}:\\s*([^;]+)`).exec(el.getAttribute('style') ?? '')?.[1]?.trim() ?? '';
  const curves = [...svg.querySelectorAll('path.curve')].map((path) => ({
    solid: path.classList.contains('curve-main') && !path.classList.contains('curve-other'),
    colour: colourOf(path, 'stroke'),
    points: [...(path.getAttribute('d') ?? '').matchAll(/[ML](-?[\d.e+-]+),(-?[\d.e+-]+)/g)].map(
      (m) => [x.toData(Number(m[1])), y.toData(Number(m[2]))] as [number, number],
    ),
  }));
  const dots = [...svg.querySelectorAll('circle.marker')].map((c) => ({
    term: c.getAttribute('data-term') ?? '',
    main: c.classList.contains('marker-main'),
    colour: colourOf(c, 'fill'),
    at: [x.toData(Number(c.getAttribute('cx'))), y.toData(Number(c.getAttribute('cy')))] as [number, number],
  }));
  return { curves, dots, xPixel: x.toPx };
}
const plotsOf = (container: HTMLElement) => [...container.querySelectorAll('.bce-plots svg.curve-plot')];

/** The largest gap between a drawn curve and f, over the vertices inside the plot's y range [lo, hi]. */
function offBy(curve: DrawnCurve, f: (x: number) => number, [lo, hi]: readonly [number, number]): number {
  const inside = curve.points.filter(([, v]) => v >= lo && v <= hi);
  expect(inside.length).toBeGreaterThan(40);
  return Math.max(...inside.map(([x, v]) => Math.abs(v - f(x))));
}

/** The y ranges of the four plots, as their tick labels state them. */
const Y_RANGES = [[0, 1], [0, 10], [-10, 10], [-1, 1]] as const;
/** A vertex is drawn to 0.001 px on a plot 186 px tall: its value is good to about 10⁻⁵ of the y range. */
const DRAWN = (range: readonly [number, number]) => 1e-4 * (range[1] - range[0]);

describeClaims('binary-cross-entropy', (claim) => {
  // ---- One logit, one probability ----

  claim('It is $\\tfrac12$ at $z = 0$, close to 1 for large positive $z$ and close to 0 for large negative $z$, and it is symmetric about its midpoint: $1 - \\sigma(z) = \\sigma(-z)$.', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(10)).toBeGreaterThan(0.9999);
    expect(sigmoid(-10)).toBeLessThan(1e-4);
    for (const z of SLIDER) {
      // the symmetry, against the 60-digit reference of σ(−z): 1 − σ(z) in float64 is off by at most
      // the rounding of σ(z) and of the subtraction, about 2 × 10⁻¹⁶ in all
      expect(Math.abs(1 - sigmoid(z) - toNumber(bigSigmoid(-z)))).toBeLessThan(2.5e-16);
      expect(relative(sigmoid(-z), toNumber(bigSigmoid(-z)))).toBeLessThan(4e-16);
    }
  });

  claim('solve for $z$ and you get $z = \\ln \\frac{\\hat y}{1 - \\hat y}$', () => {
    for (const z of SLIDER) expect(logit(sigmoid(z))).toBeCloseTo(z, 9);
  });

  claim('Every unit of $z$ multiplies the odds $\\hat y / (1 - \\hat y)$ by $e$', () => {
    const odds = (z: number) => sigmoid(z) / sigmoid(-z);
    for (const z of [-9, -3.3, 0, 2.5, 8]) expect(relative(odds(z + 1) / odds(z), Math.E)).toBeLessThan(1e-14);
  });

  // ---- The loss: binary cross-entropy ----

  claim('for $t = 1$ the loss is $-\\ln \\hat y$, for $t = 0$ it is $-\\ln(1 - \\hat y)$', () => {
    for (const p of [0.02, 0.5, 0.9]) {
      expect(relative(binaryCrossEntropy([p], [1]), -Math.log(p))).toBeLessThan(1e-15);
      expect(relative(binaryCrossEntropy([p], [0]), -Math.log(1 - p))).toBeLessThan(1e-15);
    }
  });

  claim('A perfect prediction costs nothing', () => {
    expect(binaryCrossEntropy([1], [1])).toBe(0);
    expect(binaryCrossEntropy([0], [0])).toBe(0);
  });

  claim('a prediction of $\\hat y = 0.5$ costs $\\ln 2 \\approx 0.693$ whatever the label', () => {
    for (const t of TARGETS) {
      const loss = binaryState(0, t).loss;
      expect(loss).toBe(toNumber(neg(log(big(0.5)))));
      expect(Math.abs(loss - 0.693)).toBeLessThan(0.0005);
      expect(binaryCrossEntropy([0.5], [t])).toBe(loss);
    }
  });

  claim('as the probability of the true answer goes to zero the loss grows without bound', () => {
    // L(z, 1) = softplus(−z) > −z: past any bound B once z < −B
    for (const bound of [10, 100, 700, 1e6]) expect(binaryCrossEntropyLossZ(-bound, 1)).toBeGreaterThanOrEqual(bound);
  });

  // ---- It is cross-entropy with two classes ----

  claim('which is binary cross-entropy, term for term', () => {
    // the core's categorical cross-entropy of the logits [z, 0] (p = [ŷ, 1 − ŷ]) against y = [t, 1 − t]
    for (const z of [-10, -2.5, 0, 0.1, 7]) {
      for (const t of TARGETS) {
        const categorical = crossEntropy([[z, 0]], [[t, 1 - t]]);
        expect(relative(categorical, refLoss(z, t))).toBeLessThan(1e-13);
        expect(relative(binaryState(z, t).loss, refLoss(z, t))).toBeLessThan(1e-15);
      }
    }
  });

  // ---- Where both come from: the likelihood of the labels ----

  claim('Since $t$ is 0 or 1, one expression, the Bernoulli probability, covers both', () => {
    // ŷ^t (1 − ŷ)^{1 − t} is the probability the model gave the label that came up, σ(z) for t = 1 and
    // σ(−z) for t = 0 (60-digit reference); and its −ln is the loss the core computes from ŷ. Swapping
    // the exponents would be off by far more than the rounding of 1 − ŷ (at most 3 × 10⁻¹² relative
    // here, where σ(−z) is as small as 4.5 × 10⁻⁵).
    for (const z of SLIDER) {
      const yHat = sigmoid(z);
      for (const t of TARGETS) {
        const bernoulli = yHat ** t * (1 - yHat) ** (1 - t);
        const given = toNumber(bigSigmoid(t === 1 ? z : -z));
        expect(relative(bernoulli, given), `z = ${z}, t = ${t}`).toBeLessThan(3e-12);
        expect(relative(binaryCrossEntropy([yHat], [t]), -Math.log(bernoulli))).toBeLessThan(1e-12);
      }
    }
  });

  /** Twenty examples with logits and labels drawn by hand, as a model might give them. */
  const batch = {
    z: [-3.1, 2.2, 0.4, -0.7, 5, -6.2, 1.1, 0, -1.9, 3.3, 0.05, -0.05, 4.4, -2.8, 1.6, -0.3, 2.9, -4.7, 0.9, -1.2],
    t: [0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 0, 1, 0, 0, 0, 1, 1] as BinaryTarget[],
  };

  claim("the sum of the examples' binary cross-entropies", () => {
    // −ln of the product of the Bernoulli probabilities, computed as a product, against Σ L(ŷ_n, t_n)
    let likelihood = 1;
    batch.z.forEach((z, n) => {
      const yHat = sigmoid(z);
      const t = batch.t[n] as BinaryTarget;
      likelihood *= yHat ** t * (1 - yHat) ** (1 - t);
    });
    const sumOfLosses = batch.z.reduce((s, z, n) => s + refLoss(z, batch.t[n] as BinaryTarget), 0);
    expect(relative(-Math.log(likelihood), sumOfLosses)).toBeLessThan(1e-13);
    expect(relative(binaryCrossEntropy(batch.z.map(sigmoid), batch.t, { reduction: 'sum' }), sumOfLosses)).toBeLessThan(1e-14);
  });

  claim('Dividing by $m$ moves no minimum', () => {
    // a one-weight model z_n = w·x_n: the sum and the mean of the losses are smallest at the same grid w
    const x = [-1.5, -0.4, 0.3, 1.2, 2.0, -2.2];
    const t: BinaryTarget[] = [0, 1, 0, 1, 1, 0];
    const sum = (w: number) => x.reduce((s, xn, n) => s + binaryCrossEntropyLossZ(w * xn, t[n] as BinaryTarget), 0);
    const grid = Array.from({ length: 801 }, (_, k) => -4 + k * 0.01);
    const argmin = (f: (w: number) => number) => grid.reduce((best, w) => (f(w) < f(best) ? w : best));
    const bySum = argmin(sum);
    expect(argmin((w) => sum(w) / x.length)).toBe(bySum);
    expect(bySum).toBeGreaterThan(-4);
    expect(bySum).toBeLessThan(4); // an interior minimum, not the edge of the grid
  });

  claim('The likelihood of 1100 labels that were each given probability ½ is $2^{-1100}$, which is 0 in float64; its logarithm, $-1100 \\ln 2 \\approx -762.5$, is an ordinary number.', () => {
    let product = 1;
    let logSum = 0;
    for (let n = 0; n < 1100; n++) {
      product *= 0.5;
      logSum += Math.log(0.5);
    }
    expect(product).toBe(0);
    // the smallest positive double is 2⁻¹⁰⁷⁴: 2⁻¹¹⁰⁰ is below it
    expect(2 ** -1074).toBeGreaterThan(0);
    const reference = -1100 * toNumber(log(big(2)));
    expect(Math.abs(reference - -762.5)).toBeLessThan(0.05);
    expect(relative(logSum, reference)).toBeLessThan(1e-13);
  });

  claim('That mean is what log loss means: the average of $-\\ln$ (the probability the model gave the true label) over a set of examples.', () => {
    const byHand = batch.z.reduce((s, z, n) => s - Math.log(batch.t[n] === 1 ? sigmoid(z) : 1 - sigmoid(z)), 0) / batch.z.length;
    expect(relative(binaryCrossEntropy(batch.z.map(sigmoid), batch.t), byHand)).toBeLessThan(1e-13);
  });

  claim('(every other factor is $p_i^0 = 1$)', () => {
    // the lab's worked example: z = [2, 3, 4], true class t = 2 (index 1), one-hot y = [0, 1, 0]
    const p = softmax(WORKED_EXAMPLE.logits);
    const y = WORKED_EXAMPLE.labels;
    const product = Array.from(p).reduce((acc, pi, i) => acc * pi ** (y[i] as number), 1);
    expect(product).toBe(p[1]);
    // −ln p₂ = −ln(e³ / (e² + e³ + e⁴)) = ln(1 + e + e²) − 1, by hand
    const byHand = Math.log(1 + Math.E + Math.E ** 2) - 1;
    expect(relative(-Math.log(product), byHand)).toBeLessThan(1e-14);
    expect(relative(crossEntropy([WORKED_EXAMPLE.logits], [y]), byHand)).toBeLessThan(1e-14);
    expect(relative(crossEntropy([WORKED_EXAMPLE.logits], [1]), byHand)).toBeLessThan(1e-14);
  });

  claim('with $C = 2$ the two are the same calculation (label $t = 1$ is class 1 of $\\mathbf p = [\\hat y, 1 - \\hat y]$, and $t = 0$ is class 2).', () => {
    // the core's categorical cross-entropy of the logits [z, 0], whose softmax is p = [ŷ, 1 − ŷ], with the
    // true class given as an index (0-based: class 1 is index 0): class 1 for t = 1, class 2 for t = 0
    const classIndex = (t: BinaryTarget) => (t === 1 ? 0 : 1);
    for (const z of [-10, -2.5, -0.1, 0.1, 3, 10]) {
      for (const t of TARGETS) {
        expect(relative(crossEntropy([[z, 0]], [classIndex(t)]), refLoss(z, t)), `z = ${z}, t = ${t}`).toBeLessThan(1e-13);
      }
      // taking the label itself as the class index would score t = 0 as class 1, −ln ŷ: the other loss
      expect(relative(crossEntropy([[z, 0]], [0]), refLoss(z, 0))).toBeGreaterThan(0.1);
    }
  });

  // ---- Try it ----

  claim('The slider sets the logit $z$ and the radio buttons the label $t$; you can also drag across any of the four plots, or focus one and use the arrow keys.', () => {
    const { store, container } = renderExplorer();
    fireEvent.change(screen.getByRole('slider', { name: 'binary logit z' }), { target: { value: '2.5' } });
    expect(store.getState().binaryLogit).toBe(2.5);
    fireEvent.click(screen.getByRole('radio', { name: 't = 0 (negative)' }));
    expect(store.getState().binaryTarget).toBe(0);
    fireEvent.click(screen.getByRole('radio', { name: 't = 1 (positive)' }));
    expect(store.getState().binaryTarget).toBe(1);
    const plots = plotsOf(container);
    expect(plots).toHaveLength(4);
    plots.forEach((svg, k) => {
      // a keyboard handle: focusable, named, and the arrow keys step z by 0.1 either way
      expect(svg.getAttribute('role')).toBe('slider');
      expect(svg.getAttribute('tabindex')).toBe('0');
      expect(svg.getAttribute('aria-label')).toMatch(/^binary logit z, on the plot of/);
      act(() => store.getState().setBinaryLogit(-1));
      fireEvent.keyDown(svg, { key: 'ArrowRight' });
      expect(store.getState().binaryLogit, `ArrowRight on plot ${k + 1}`).toBeCloseTo(-0.9, 10);
      fireEvent.keyDown(svg, { key: 'ArrowLeft' });
      fireEvent.keyDown(svg, { key: 'ArrowLeft' });
      expect(store.getState().binaryLogit, `ArrowLeft on plot ${k + 1}`).toBeCloseTo(-1.1, 10);
      // a drag: press where z = 3 is drawn (ŷ = σ(3) on the third plot), move to where z = −4 is
      // (jsdom has no screen matrix, so client coordinates are the plot's own units)
      const { xPixel } = readPlot(svg);
      const at = (z: number) => xPixel(k === 2 ? closed.sigma(z) : z);
      fireEvent.pointerDown(svg, { clientX: at(3), clientY: 100, pointerId: 1 });
      expect(store.getState().binaryLogit, `pressing plot ${k + 1}`).toBeCloseTo(3, 10);
      fireEvent.pointerMove(svg, { clientX: at(-4), clientY: 100, pointerId: 1 });
      expect(store.getState().binaryLogit, `dragging across plot ${k + 1}`).toBeCloseTo(-4, 10);
      fireEvent.pointerUp(svg, { pointerId: 1 });
      fireEvent.pointerMove(svg, { clientX: at(6), clientY: 100, pointerId: 1 });
      expect(store.getState().binaryLogit, 'no drag once released').toBeCloseTo(-4, 10);
    });
  });

  claim("The first plot draws $\\sigma(z)$, solid, and its slope $\\sigma'(z)$, dashed. Each of the other three draws its curve for both labels: solid for the label you chose, dashed for the other.", () => {
    // what is drawn solid and dashed: the stylesheet dashes .curve-other and not .curve-main
    const css = readFileSync(new URL('../../src/styles/widgets.css', HERE), 'utf8');
    const rule = (selector: string) => new RegExp(`${selector.replace(/[.]/g, '\\.')}\\s*\\{([^}]*)\\}`).exec(css)?.[1] ?? '';
    expect(rule('.curve-plot .curve-other')).toMatch(/stroke-dasharray:\s*\d/);
    expect(rule('.curve-plot .curve-main')).not.toMatch(/stroke-dasharray/);
    for (const z of [-1, 2.5]) {
      for (const t of TARGETS) {
        const { container } = renderExplorer({ binaryLogit: z, binaryTarget: t });
        const other: BinaryTarget = t === 1 ? 0 : 1;
        const [first, loss, gradPrediction, gradLogit] = plotsOf(container).map(readPlot);
        // each plot: one solid and one dashed curve, each the closed form of what the sentence says it is
        const expected: [ReturnType<typeof readPlot> | undefined, (x: number) => number, (x: number) => number][] = [
          [first, closed.sigma, closed.slope],
          [loss, closed.loss(t), closed.loss(other)],
          [gradPrediction, closed.gradPrediction(t), closed.gradPrediction(other)],
          [gradLogit, closed.gradLogit(t), closed.gradLogit(other)],
        ];
        expected.forEach(([plot, solid, dashed], k) => {
          const range = Y_RANGES[k] as readonly [number, number];
          const curves = plot?.curves ?? [];
          expect(curves.map((c) => c.solid).sort(), `plot ${k + 1}`).toEqual([false, true]);
          const [main, rest] = [curves.find((c) => c.solid), curves.find((c) => !c.solid)] as DrawnCurve[];
          expect(offBy(main as DrawnCurve, solid, range), `solid curve of plot ${k + 1}, z = ${z}, t = ${t}`).toBeLessThan(DRAWN(range));
          expect(offBy(rest as DrawnCurve, dashed, range), `dashed curve of plot ${k + 1}, z = ${z}, t = ${t}`).toBeLessThan(DRAWN(range));
          // and not the other way round: the two curves are far apart somewhere on every plot
          expect(offBy(main as DrawnCurve, dashed, range)).toBeGreaterThan(0.1 * (range[1] - range[0]));
        });
      }
    }
  });

  claim("A dot marks where you are on every curve, and hovering (or tapping) $\\hat y$, $\\sigma'$, $L$ or a derivative in the formulas lights up its dot.", async () => {
    for (const [z, t] of [[-1, 1], [0, 0], [2.5, 0], [-7.3, 1]] as const) {
      cleanup();
      const { container, store } = renderExplorer({ binaryLogit: z, binaryTarget: t });
      plotsOf(container).map(readPlot).forEach((plot, k) => {
        // one dot per curve, in the curve's colour, at the current point (x = ŷ on the third plot, z on
        // the others), on the curve: at its value, or on the plot's edge when the value is off the plot
        expect(plot.dots, `plot ${k + 1}`).toHaveLength(plot.curves.length);
        const range = Y_RANGES[k] as readonly [number, number];
        const x = k === 2 ? closed.sigma(z) : z;
        for (const curve of plot.curves) {
          const dot = plot.dots.find((d) => d.colour === curve.colour) as DrawnDot;
          expect(dot, `the dot of a curve on plot ${k + 1}`).toBeDefined();
          expect(dot.main).toBe(curve.solid);
          expect(Math.abs(dot.at[0] - x)).toBeLessThan(1e-9 * 20);
          const near = curve.points.reduce((a, b) => (Math.abs(b[0] - x) < Math.abs(a[0] - x) ? b : a));
          const onCurve = Math.min(Math.max(near[1], range[0]), range[1]);
          // the nearest vertex is at most half a sample away: within the curve's change over that step
          expect(Math.abs(dot.at[1] - onCurve), `dot on plot ${k + 1} at z = ${z}, t = ${t}`).toBeLessThan(0.02 * (range[1] - range[0]));
        }
      });
      // the formulas tag ŷ, σ′, L, ∂L/∂ŷ and ∂L/∂z with the ids their dots carry; hovering each lights up
      // every element of that id, the dot included
      const ids = ['y-hat', 'sigma-prime', `bce-t${t}`, `dbce-dyhat-t${t}`, `dbce-dz-t${t}`];
      const tex = binaryFormulas(binaryState(z, t)).flatMap((f) => f.pieces).join(' ');
      const formula = container.querySelector('.bce-formula') as HTMLElement;
      for (const id of ids) {
        expect(tex).toContain(`\\term{${id}}{`);
        const inFormula = await waitFor(() => {
          const el = formula.querySelector(`[data-term="${id}"]`);
          if (!el) throw new Error(`${id} is not typeset yet`);
          return el;
        });
        fireEvent.pointerOver(inFormula);
        expect(store.getState().focus).toBe(id);
        expect(container.querySelector('style')?.textContent).toContain(`[data-term="${id}"]`);
        expect(container.querySelector(`.bce-plots svg circle[data-term="${id}"]`), `the dot of ${id}`).not.toBeNull();
        fireEvent.pointerOut(inFormula);
      }
    }
  });

  claim('The checks under the formulas are recomputed at every step.', () => {
    // step z with the keyboard, across the whole slider for t = 1 and from −1 to 1 for t = 0: after every
    // step each check prints the numbers binaryChecks gives for the new z (and holds)
    const { container, store } = renderExplorer({ binaryLogit: -10 });
    const plot = plotsOf(container)[0] as Element;
    for (const [t, from, to] of [[1, -10, 10], [0, -1, 1]] as const) {
      act(() => store.getState().setBinaryTarget(t));
      act(() => store.getState().setBinaryLogit(from));
      for (let k = 0; k <= Math.round((to - from) / step); k += 1) {
        const z = store.getState().binaryLogit;
        const c = binaryChecks(binaryState(z, t));
        const items = [...container.querySelectorAll('.checks li')];
        expect(items.map((li) => li.getAttribute('data-ok')), `z = ${z}, t = ${t}`).toEqual(Array(5).fill('true'));
        expect(items[0]?.textContent).toContain(`= ${formatNumber(c.chain, 6)}, and ŷ − t = ${formatNumber(binaryState(z, t).gradLogit, 6)}`);
        expect(items[1]?.textContent).toContain(`≈ ${formatNumber(c.lossEstimate, 6)}`);
        expect(items[3]?.textContent).toContain(`is ${formatNumber(c.fromProbability, 6)}; from z, with softplus, it is ${formatNumber(c.fromLogit, 6)}`);
        fireEvent.keyDown(plot, { key: 'ArrowRight' });
      }
      expect(store.getState().binaryLogit).toBeCloseTo(Math.min(to + step, max), 10);
    }
  });


  const lossCurve = (t: BinaryTarget) => SLIDER.map((z) => binaryState(z, t).loss);
  const gradCurve = (t: BinaryTarget) => SLIDER.map((z) => binaryState(z, t).gradLogit);
  const increasing = (values: number[]) => values.every((v, k) => k === 0 || v > (values[k - 1] as number));

  claim('Set $t = 1$ and move $z$ from $-10$ to $10$: the loss falls from about 10 to almost 0', () => {
    const loss = lossCurve(1);
    expect(Math.abs((loss[0] as number) - 10)).toBeLessThan(0.001); // softplus(10) = 10.0000454
    expect(loss.at(-1)).toBeLessThan(1e-4); // softplus(−10) = 4.54 × 10⁻⁵
    expect(increasing(loss.slice().reverse())).toBe(true);
  });

  claim('the gradient $\\partial L / \\partial z$ climbs from almost $-1$ to almost 0', () => {
    const grad = gradCurve(1);
    expect(grad[0]).toBeGreaterThan(-1);
    expect(grad[0]).toBeLessThan(-0.9999);
    expect(grad.at(-1)).toBeLessThan(0);
    expect(grad.at(-1)).toBeGreaterThan(-1e-4);
    expect(increasing(grad)).toBe(true);
  });

  claim('the loss curve is the mirror image in $z = 0$, and the gradient is the mirror image turned upside down, climbing from almost 0 to almost 1', () => {
    for (const z of SLIDER) {
      expect(binaryState(z, 0).loss).toBe(binaryState(-z, 1).loss);
      expect(binaryState(z, 0).gradLogit).toBe(-binaryState(-z, 1).gradLogit);
    }
    const grad = gradCurve(0);
    expect(grad[0]).toBeGreaterThan(0);
    expect(grad[0]).toBeLessThan(1e-4);
    expect(grad.at(-1)).toBeGreaterThan(0.9999);
    expect(increasing(grad)).toBe(true);
  });

  claim('At $z = 0$ both labels give the same loss, $\\ln 2$, and gradients of the same size, $\\pm\\tfrac12$.', () => {
    expect(binaryState(0, 1).loss).toBe(binaryState(0, 0).loss);
    expect(binaryState(0, 1).loss).toBe(toNumber(log(big(2))));
    expect(binaryState(0, 1).gradLogit).toBe(-0.5);
    expect(binaryState(0, 0).gradLogit).toBe(0.5);
  });

  // ---- The derivative, in two steps ----

  claim('For $t = 1$ the derivative is always negative (raising $\\hat y$ lowers the loss) and it blows up as $\\hat y \\to 0$, the confidently wrong end. For $t = 0$ it is always positive and blows up as $\\hat y \\to 1$.', () => {
    const ps = Array.from({ length: 99 }, (_, k) => (k + 1) / 100);
    for (const p of ps) {
      expect(bceGradPrediction(p, 1)).toBeLessThan(0);
      expect(bceGradPrediction(p, 0)).toBeGreaterThan(0);
    }
    expect(bceGradPrediction(1e-9, 1)).toBeLessThan(-1e8);
    expect(bceGradPrediction(1 - 1e-9, 0)).toBeGreaterThan(1e8);
  });

  claim('The third plot draws both against $\\hat y$, one curve per label; near its wrong end each curve leaves the plot.', () => {
    // the drawn curves, read back from the SVG: −1/ŷ (t = 1) and 1/(1 − ŷ) (t = 0), each running past
    // the plot's edge at ±10 on its wrong end (ŷ → 0 for t = 1, ŷ → 1 for t = 0) and inside it elsewhere
    const { container } = renderExplorer();
    const plot = readPlot(plotsOf(container)[2] as Element);
    expect(plot.curves).toHaveLength(2);
    for (const t of TARGETS) {
      const f = closed.gradPrediction(t);
      const curve = plot.curves.find((c) => offBy(c, f, Y_RANGES[2]) < DRAWN(Y_RANGES[2])) as DrawnCurve;
      expect(curve, `the curve for t = ${t}`).toBeDefined();
      const wrongEnd = curve.points.filter(([p]) => (t === 1 ? p < 0.05 : p > 0.95));
      expect(Math.max(...wrongEnd.map(([, v]) => Math.abs(v)))).toBeGreaterThan(10);
      const rightHalf = curve.points.filter(([p]) => (t === 1 ? p >= 0.5 : p <= 0.5));
      expect(Math.max(...rightHalf.map(([, v]) => Math.abs(v)))).toBeLessThanOrEqual(2 + 1e-3);
    }
  });

  claim('The slope is largest, $\\tfrac14$, at $z = 0$, and it goes to zero at both ends, where the sigmoid is flat (the dashed curve of the first plot).', () => {
    expect(sigmoidGrad(0)).toBe(0.25);
    for (const z of SLIDER) if (z !== 0) expect(sigmoidGrad(z)).toBeLessThan(0.25);
    // σ′(±10) = e¹⁰ / (1 + e¹⁰)² ≈ 4.54 × 10⁻⁵, by hand
    const atTen = Math.exp(10) / (1 + Math.exp(10)) ** 2;
    expect(relative(sigmoidGrad(10), atTen)).toBeLessThan(1e-14);
    expect(sigmoidGrad(-10)).toBe(sigmoidGrad(10));
    expect(atTen).toBeLessThan(5e-5);
    // the first plot's dashed curve is σ′, read back from the SVG; its solid one, σ, is nowhere near it
    const { container } = renderExplorer();
    const dashed = readPlot(plotsOf(container)[0] as Element).curves.filter((c) => !c.solid);
    expect(dashed).toHaveLength(1);
    expect(offBy(dashed[0] as DrawnCurve, closed.slope, Y_RANGES[0])).toBeLessThan(DRAWN(Y_RANGES[0]));
    expect(offBy(dashed[0] as DrawnCurve, closed.sigma, Y_RANGES[0])).toBeGreaterThan(0.5);
  });

  claim('What is left is bounded between $-1$ and $1$, it is never zero unless the prediction is exactly right, and it is largest when the prediction is most wrong: a confidently wrong sigmoid gets a gradient of almost $\\pm 1$, not a vanishing one.', () => {
    for (const z of SLIDER) {
      for (const t of TARGETS) {
        const g = binaryState(z, t).gradLogit;
        expect(Math.abs(g)).toBeLessThan(1);
        expect(g).not.toBe(0);
      }
    }
    expect(binaryState(-10, 1).gradLogit).toBeLessThan(-0.9999);
    expect(binaryState(10, 0).gradLogit).toBeGreaterThan(0.9999);
  });

  claim('The explorer checks it twice at every step: by multiplying the two factors, and against a central difference of the loss itself.', () => {
    for (const z of SLIDER) {
      for (const t of TARGETS) {
        const c = binaryChecks(binaryState(z, t));
        expect(c.ok.chain, `chain rule at z = ${z}, t = ${t}`).toBe(true);
        expect(c.ok.loss, `central difference at z = ${z}, t = ${t}`).toBe(true);
        expect(c.ok.slope).toBe(true);
      }
    }
  });

  claim('This is the same $p - y$ that cross-entropy through softmax gives, now with one logit.', () => {
    // the gradient of cross-entropy through softmax in the first of the logits [z, 0], with y = [t, 1 − t]
    for (const z of [-10, -1, 0, 2.5, 10]) {
      for (const t of TARGETS) {
        const [row] = crossEntropyGrad([[z, 0]], [[t, 1 - t]]);
        expect(Math.abs((row?.[0] as number) - binaryState(z, t).gradLogit)).toBeLessThan(1e-15);
      }
    }
  });

  // ---- Numerics: why frameworks offer "BCE with logits" ----

  /**
   * The frameworks' formulas, transcribed from their source for float64 replay:
   * - PyTorch, aten/src/ATen/native/Loss.cpp, binary_cross_entropy_out_cpu (F.binary_cross_entropy):
   *   (t − 1)·max(log1p(−x), −100) − t·max(log(x), −100); older releases wrote log(1 − x) for log1p(−x).
   *   The BCELoss docs: "BCELoss clamps its log function outputs to be greater than or equal to -100".
   * - PyTorch, same file, binary_cross_entropy_with_logits: (1 − t)·x − log_sigmoid(x), with
   *   log_sigmoid(x) = min(x, 0) − log1p(exp(−|x|)) (aten/src/ATen/native/cpu/Activation.cpp).
   * - TensorFlow, python/ops/nn_impl.py, sigmoid_cross_entropy_with_logits:
   *   max(x, 0) − x·z + log1p(exp(−|x|)) (x the logits, z the labels).
   */
  const torchBce = (p: number, t: number) => (t - 1) * Math.max(Math.log1p(-p), -100) - t * Math.max(Math.log(p), -100);
  const torchLogSigmoid = (x: number) => Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x)));
  const torchWithLogits = (x: number, t: number) => (1 - t) * x - torchLogSigmoid(x);
  const tfWithLogits = (x: number, t: number) => Math.max(x, 0) - x * t + Math.log1p(Math.exp(-Math.abs(x)));

  claim('In float64, $\\sigma(40) \\approx {1 - 4.2 \\times 10^{-18}}$ rounds to exactly 1', () => {
    const gap = toNumber(bigSigmoid(-40)); // 1 − σ(40) = σ(−40) = e⁻⁴⁰/(1 + e⁻⁴⁰) = 4.248 × 10⁻¹⁸
    expect(Math.abs(gap - 4.2e-18)).toBeLessThan(0.05e-18); // 4.2 to two digits, not 4 or 4.3
    expect(gap).toBeLessThan(2 ** -54); // less than half the spacing of the doubles just below 1
    expect(sigmoid(40)).toBe(1);
  });

  claim('so $\\ln(1 - \\hat y) = \\ln 0 = -\\infty$, and the loss for $t = 0$ is lost, though its true value is about 40', () => {
    expect(Math.log(1 - sigmoid(40))).toBe(-Infinity);
    expect(Math.log1p(-sigmoid(40))).toBe(-Infinity);
    // the true value, −ln σ(−40) = 40 + ln(1 + e⁻⁴⁰), from the reference
    expect(refLoss(40, 0)).toBeCloseTo(40, 12);
    expect(binaryCrossEntropyLossZ(40, 0)).toBeCloseTo(40, 12);
  });

  claim("PyTorch's `binary_cross_entropy` clamps each log at $-100$ to avoid the infinity, which gives a finite but wrong 100 (the last check in the explorer computes both).", () => {
    // PyTorch's kernel, replayed from its source (above), against the core's binaryCrossEntropy
    expect(torchBce(sigmoid(40), 0)).toBe(100);
    expect(torchBce(0, 1)).toBe(100);
    expect(binaryCrossEntropy([sigmoid(40)], [0])).toBe(torchBce(sigmoid(40), 0));
    for (const p of [1e-300, 1e-50, 0.3, 0.5, 0.999]) {
      for (const t of TARGETS) expect(relative(binaryCrossEntropy([p], [t]), torchBce(p, t))).toBeLessThan(1e-15);
    }
    // the last check: from ŷ, 100; from z, the true value (reference: 40 + ln(1 + e⁻⁴⁰))
    const c = binaryChecks(binaryState(0, 1));
    expect(c.farProbability).toBe(100);
    expect(relative(c.farLogit, refLoss(40, 0))).toBeLessThan(1e-15);
    expect(c.ok.far).toBe(true);
  });

  claim('L(z, t) \\;=\\; t\\,\\operatorname{softplus}(-z) \\;+\\; (1 - t)\\,\\operatorname{softplus}(z).', () => {
    for (const z of [...SLIDER, -40, 40, -700, 700]) {
      for (const t of TARGETS) {
        const viaSoftplus = t * softplus(-z) + (1 - t) * softplus(z);
        expect(relative(viaSoftplus, refLoss(z, t))).toBeLessThan(1e-15);
      }
    }
  });

  claim('$\\operatorname{softplus}(v) = \\max(v, 0) + \\ln\\big(1 + e^{-|v|}\\big)$: the exponential is never larger than 1, and both terms are non-negative.', () => {
    for (const x of [-745, -700, -40, -10, -1, -1e-9, 0, 1e-9, 1, 10, 40, 700, 1e300]) {
      const e = Math.exp(-Math.abs(x));
      expect(e).toBeLessThanOrEqual(1);
      expect(Math.log1p(e)).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(softplus(x))).toBe(true);
      if (Math.abs(x) <= 700) expect(relative(softplus(x), refSoftplus(x))).toBeLessThan(4e-16);
    }
  });

  claim('For the second term the core calls `log1p`, which computes $\\ln(1 + u)$ without forming $1 + u$: in float64, $1 + e^{-|v|}$ itself rounds to exactly 1 once $|v| > 36.74$ (once $e^{-|v|} \\le 2^{-53}$, half the spacing of the doubles just above 1), and the logarithm of that 1 would turn a small loss such as $\\operatorname{softplus}(-40) \\approx {4.2 \\times 10^{-18}}$ into 0.', () => {
    // the doubles just above 1 are 1 and 1 + 2⁻⁵²: a u up to half that spacing rounds back to 1, the tie
    // u = 2⁻⁵³ included (to even, and 1 is the even one); the next double above 2⁻⁵³ rounds up
    expect(1 + 2 ** -52).toBeGreaterThan(1);
    expect(1 + 2 ** -53).toBe(1);
    expect(1 + (2 ** -53 + 2 ** -105)).toBe(1 + 2 ** -52);
    // e^{−x} ≤ 2⁻⁵³ exactly when x ≥ 53 ln 2 = 36.73680056967710…, to 40 digits, so past 36.74
    const threshold = toNumber(mul(big(53), LN2));
    expect(threshold).toBeGreaterThan(36.7368);
    expect(threshold).toBeLessThan(36.7369);
    for (let x = 36.74; x <= 745; x += 0.001) expect(1 + Math.exp(-x), `x = ${x}`).toBe(1);
    // and not before: Math.exp on either side of 53 ln 2 (the double nearest it, and its neighbours)
    const below = threshold - 2 ** -47; // 36.7368… is in [32, 64), where doubles are 2⁻⁴⁷ apart
    expect(Math.exp(-below)).toBeGreaterThan(2 ** -53);
    expect(1 + Math.exp(-below)).toBeGreaterThan(1);
    expect(1 + Math.exp(-36.7367)).toBeGreaterThan(1);
    expect(Math.exp(-(threshold + 2 ** -47))).toBeLessThanOrEqual(2 ** -53);
    expect(1 + Math.exp(-(threshold + 2 ** -47))).toBe(1);
    expect(Math.log(1 + Math.exp(-40))).toBe(0);
    const reference = refSoftplus(-40); // ln(1 + e⁻⁴⁰) = 4.248 × 10⁻¹⁸
    expect(Math.abs(reference - 4.2e-18)).toBeLessThan(0.05e-18);
    // the core's softplus keeps every digit of such small losses
    for (const x of [-36.8, -40, -100, -700]) expect(relative(softplus(x), refSoftplus(x)), `x = ${x}`).toBeLessThan(1e-15);
  });

  claim('Logit Lab\'s core computes the loss this way, and its gradient as $(1 - t)\\,\\sigma(z) - t\\,\\sigma(-z)$, which is $\\hat y - t$ without a subtraction from 1, with no division by $\\hat y$ or $1 - \\hat y$ on the way.', () => {
    // the gradient against σ(z) − t from the reference, where the route through ŷ breaks down
    // σ(z) − t from the reference, taken as −σ(−z) for t = 1 so that it keeps its digits where σ(z) ≈ 1
    const refGrad = (z: number, t: BinaryTarget) => toNumber(t === 1 ? neg(bigSigmoid(-z)) : bigSigmoid(z));
    for (const z of [...SLIDER, -40, 40, -700, 700]) {
      for (const t of TARGETS) {
        const [g] = binaryCrossEntropyWithLogitsGrad([z], [t], { reduction: 'sum' });
        expect(relative(g as number, refGrad(z, t)), `z = ${z}, t = ${t}`).toBeLessThan(1e-15);
        expect(relative(binaryCrossEntropyWithLogits([z], [t]), refLoss(z, t))).toBeLessThan(1e-15);
      }
    }
    // "without a subtraction from 1": at z = 30, t = 1, σ(z) − 1 by subtraction is off in the third digit,
    // while the core's −σ(−z) keeps them all
    const [g30] = binaryCrossEntropyWithLogitsGrad([30], [1], { reduction: 'sum' });
    expect(relative(sigmoid(30) - 1, refGrad(30, 1))).toBeGreaterThan(1e-4);
    expect(relative(g30 as number, refGrad(30, 1))).toBeLessThan(1e-15);
    // through ŷ: ∂L/∂ŷ · σ′ with ŷ = σ(40) = 1 is 1/0 times 0, not a number
    const yHat = sigmoid(40);
    expect(bceGradPrediction(yHat, 0) * yHat * (1 - yHat)).toBeNaN();
  });

  claim("TensorFlow's `sigmoid_cross_entropy_with_logits` computes $\\max(z, 0) - z\\,t + \\ln\\big(1 + e^{-|z|}\\big)$, and PyTorch's `BCEWithLogitsLoss` computes $(1 - t)\\,z - \\ln \\sigma(z)$ with the same bounded exponential. Neither ever forms $\\hat y$", () => {
    // both, replayed from their source, are the binary cross-entropy: on the slider, and at z = ±40,
    // where the route through ŷ gives 100 instead of 40. TensorFlow's to a few ulp of the loss; PyTorch's
    // to a few ulp of z, the size of its two terms (the next claim is about that difference)
    for (const z of [...SLIDER, -40, 40]) {
      for (const t of TARGETS) {
        const reference = refLoss(z, t);
        expect(relative(tfWithLogits(z, t), reference), `TensorFlow, z = ${z}, t = ${t}`).toBeLessThan(1e-14);
        expect(Math.abs(torchWithLogits(z, t) - reference), `PyTorch, z = ${z}, t = ${t}`).toBeLessThan(1e-15 * Math.max(1, Math.abs(z)));
      }
    }
    expect(torchWithLogits(40, 0)).toBeCloseTo(40, 12);
    expect(tfWithLogits(40, 0)).toBeCloseTo(40, 12);
    // −log_sigmoid(z) is −ln σ(z) = softplus(−z), and its exponential e^{−|z|} is never above 1
    for (const z of [-700, -40, -1, 0, 1, 40, 700]) {
      expect(Math.exp(-Math.abs(z))).toBeLessThanOrEqual(1);
      expect(relative(-torchLogSigmoid(z), refSoftplus(-z))).toBeLessThan(1e-15);
    }
  });

  claim('PyTorch\'s two terms nearly cancel when $t = 0$ and $z < 0$, so a tiny loss there can lose its digits (at $z = -40$ its formula gives 0 where the core gives ${4.2 \\times 10^{-18}}$); the core keeps to the form above, which never cancels.', () => {
    // (1 − t)z = z and −ln σ(z) = −z + ln(1 + e^{z}): their sum is tiny next to either term
    expect(torchWithLogits(-40, 0)).toBe(0);
    const reference = refLoss(-40, 0);
    expect(Math.abs(reference - 4.2e-18)).toBeLessThan(0.05e-18);
    expect(relative(binaryCrossEntropyWithLogits([-40], [0]), reference)).toBeLessThan(1e-15);
    // losing digits: at z = −20, PyTorch's formula is off in the seventh digit, the core in none
    expect(relative(torchWithLogits(-20, 0), refLoss(-20, 0))).toBeGreaterThan(1e-8);
    // the core's loss has full relative accuracy wherever PyTorch's cancels: t = 0, z from −700 to 0
    for (let z = -700; z <= 0; z += 3.7) expect(relative(binaryCrossEntropyWithLogits([z], [0]), refLoss(z, 0)), `z = ${z}`).toBeLessThan(1e-15);
  });

  claim('The explorer\'s fourth check compares the loss from $z$ with the loss computed from $\\hat y$: across the slider\'s range the two agree to every digit shown.', () => {
    for (const z of SLIDER) {
      for (const t of TARGETS) {
        const c = binaryChecks(binaryState(z, t));
        expect(c.ok.route, `z = ${z}, t = ${t}`).toBe(true);
        expect(formatNumber(c.fromProbability, 6)).toBe(formatNumber(c.fromLogit, 6));
        expect(formatNumber(c.fromLogit, 6)).toBe(formatNumber(refLoss(z, t), 6));
      }
    }
  });

  claim('Beyond it the route through $\\hat y$ loses digits as $z$ grows (for $t = 0$ at $z = 30$ it gives 30.0010 instead of 30.0000), and in the last check, at $z = 40$, it fails outright.', () => {
    // the loss from ŷ as the explorer computes it (the core's binaryCrossEntropy of σ(z)), against the reference
    const fromPrediction = (z: number) => binaryCrossEntropy([sigmoid(z)], [0]);
    const error = (z: number) => Math.abs(fromPrediction(z) - refLoss(z, 0));
    const errors = [12, 15, 20, 25, 30, 35].map(error);
    errors.forEach((e, k) => k > 0 && expect(e, `the error grows from step ${k}`).toBeGreaterThan(10 * (errors[k - 1] as number)));
    expect(formatNumber(fromPrediction(30), 4)).toBe('30.0010');
    expect(formatNumber(refLoss(30, 0), 4)).toBe('30.0000');
    // at z = 40 (the last check): 100 against a true 40
    const c = binaryChecks(binaryState(0, 0));
    expect(c.farProbability).toBe(100);
    expect(Math.abs(c.farProbability - refLoss(40, 0))).toBeGreaterThan(59);
  });

  // ---- Softmax over two classes is the sigmoid ----

  claim('and the second is $1 - \\sigma(z)$', () => {
    for (const z of SLIDER) {
      const q = softmax([z, 0]);
      expect(relative(q[0] as number, toNumber(bigSigmoid(z)))).toBeLessThan(4e-16);
      expect(relative(q[1] as number, toNumber(bigSigmoid(-z)))).toBeLessThan(4e-16);
    }
  });

  claim('any pair $[z_1, z_2]$ gives $\\sigma(z_1 - z_2)$', () => {
    for (const [z1, z2] of [[3, 1], [-2, 5], [0.5, 0.5], [9, -1]] as const) {
      expect(relative(softmax([z1, z2])[0] as number, toNumber(bigSigmoid(z1 - z2)))).toBeLessThan(1e-15);
    }
  });

  claim("Below, the bars come from the core's `softmax` and `sigmoid` separately, and the difference between them is printed: 0, or one step in the last binary digit where the two routes round differently.", () => {
    // the widget itself, at every position of the slider: each check prints "equal to the last bit" or
    // "they differ by" the gap, and the gap is one unit in the last place (ulp) of the two numbers
    const ulp = (v: number) => 2 ** (Math.floor(Math.log2(Math.abs(v))) - 52);
    const { store } = renderInLab(() => createElement(SigmoidSoftmaxPair));
    const seen = { equal: 0, differ: 0 };
    for (const z of SLIDER) {
      act(() => store.getState().setBinaryLogit(z));
      const q = softmax([z, 0]);
      const pairs = [[q[0] as number, sigmoid(z)], [q[1] as number, sigmoid(-z)]] as const;
      pairs.forEach(([a, b], k) => {
        const text = screen.getByTestId(`pair-check-${k + 1}`).textContent ?? '';
        const gap = Math.abs(a - b);
        // both routes are within a rounding of the true value (60-digit reference)
        const exact = toNumber(bigSigmoid(k === 0 ? z : -z));
        expect(relative(a, exact)).toBeLessThan(4e-16);
        expect(relative(b, exact)).toBeLessThan(4e-16);
        if (gap === 0) {
          seen.equal += 1;
          expect(text, `z = ${z}`).toContain('they are equal to the last bit.');
        } else {
          seen.differ += 1;
          expect([ulp(a), ulp(b)], `z = ${z}: one step in the last binary digit`).toContain(gap);
          expect(text, `z = ${z}`).toContain(`they differ by ${formatNumber(gap, 2)}.`);
        }
      });
    }
    // both cases are on the slider
    expect(seen.equal).toBeGreaterThan(0);
    expect(seen.differ).toBeGreaterThan(0);
  });

  // ---- Multi-class or multi-label? ----

  claim('The softmax bars always sum to 1; raise one logit and the others\' probabilities fall. The sigmoid bars move independently: raising $z_1$ changes $\\sigma(z_1)$ and nothing else.', () => {
    const z = WORKED_EXAMPLE.logits;
    const raised = [(z[0] as number) + 1, ...z.slice(1)];
    const [p, q] = [softmax(z), softmax(raised)];
    expect(Math.abs(Array.from(p).reduce((a, b) => a + b) - 1)).toBeLessThan(1e-15);
    expect(q[0]).toBeGreaterThan(p[0] as number);
    for (const i of [1, 2]) expect(q[i]).toBeLessThan(p[i] as number);
    expect(sigmoid(raised[0] as number)).toBeGreaterThan(sigmoid(z[0] as number));
    for (const i of [1, 2]) expect(sigmoid(raised[i] as number)).toBe(sigmoid(z[i] as number));
  });

  claim('The sigmoids do not sum to 1, and they should not', () => {
    // z = [2, 3, 4]: σ sums to about 2.8
    const total = WORKED_EXAMPLE.logits.reduce((s, z) => s + 1 / (1 + Math.exp(-z)), 0);
    expect(total).toBeGreaterThan(2.8);
    expect(total).toBeLessThan(2.9);
    expect(Math.abs(WORKED_EXAMPLE.logits.map(sigmoid).reduce((a, b) => a + b) - total)).toBeLessThan(1e-15);
  });

  claim('(so, unlike elsewhere in the lab, this $\\mathbf y$ need not sum to 1)', () => {
    // a cat and a dog, no bird: y = [1, 1, 0] sums to 2, and the loss is one BCE per class, summed
    const z = [1.5, -0.5, -2];
    const y = [1, 1, 0];
    expect(y.reduce((a, b) => a + b)).toBe(2);
    const total = binaryCrossEntropyWithLogits(z, y, { reduction: 'sum' });
    const byHand = Math.log(1 + Math.exp(-1.5)) + Math.log(1 + Math.exp(0.5)) + Math.log(1 + Math.exp(-2));
    expect(relative(total, byHand)).toBeLessThan(1e-15);
  });

  claim("The explorer below reads the lab's logits (the same ones as in the softmax chapter) both ways.", async () => {
    // the app as a learner uses it: set z₁ = 5 in the softmax chapter, then open this chapter; the
    // comparison reads z = [5, 3, 4] as one softmax and as three sigmoids
    // both chapters' chunks loaded first (each typesets its formulas on import, which jsdom takes a
    // while over), so that the pages' lazy imports are ready when the hash changes
    await import('../../src/chapters/softmax/SoftmaxChapter');
    await import('../../src/chapters/binary-cross-entropy/BinaryCrossEntropyChapter');
    window.location.hash = '#/softmax';
    render(createElement(App));
    await act(async () => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    const z1 = (await screen.findAllByRole('slider', { name: 'logit z1' }, { timeout: 10_000 }))[0] as HTMLElement;
    fireEvent.change(z1, { target: { value: '5' } });
    await act(async () => {
      window.location.hash = '#/binary-cross-entropy';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    // found inside its widget's slot (in the prose from the start): a role query over the whole
    // chapter, repeated while the page draws, takes jsdom long enough to starve the drawing
    const slot = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('[data-widget-slot="MultiLabelComparison"]');
      if (!found) throw new Error('no slot for the comparison yet');
      return found;
    });
    const sums = await within(slot).findByRole('list', { name: 'Sums and losses' }, { timeout: 30_000 });
    const s = (v: number) => 1 / (1 + Math.exp(-v));
    const n = (v: number) => formatNumber(v, 3);
    expect(within(sums).getByTestId('sigmoid-sum').textContent).toContain(`Σ σ(zᵢ) = ${n(s(5) + s(3) + s(4))}`);
    expect(within(sums).getByTestId('softmax-sum').textContent).toContain('Σ pᵢ = 1.000');
    // the lab's label y = [0, 1, 0]: −ln p₂ = ln(e⁵ + e³ + e⁴) − 3, by hand
    expect(within(sums).getByTestId('multiclass-loss').textContent).toContain(`= ${n(Math.log(Math.exp(5) + Math.exp(3) + Math.exp(4)) - 3)}`);
  }, 180_000);
});
