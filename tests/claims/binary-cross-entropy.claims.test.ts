import { expect } from 'vitest';
import {
  binaryCrossEntropy,
  binaryCrossEntropyLossZ,
  crossEntropy,
  crossEntropyGrad,
  sigmoid,
  sigmoidGrad,
  softmax,
  softplus,
} from '../../src/core';
import { formatNumber } from '../../src/format/formatNumber';
import { LIMITS, WORKED_EXAMPLE } from '../../src/state/labInputs';
import { bceGradPrediction, binaryChecks, binaryState, logit, type BinaryTarget } from '../../src/widgets/binaryCrossEntropyMath';
import { add, big, div, exp, log, neg, ONE, toNumber, type BigFloat } from '../core/reference/bigFloat';
import { describeClaims } from './chapterClaims';

/*
 * Chapter 5, "Sigmoid and binary cross-entropy". Every check replays what the explorer computes (its
 * state and its live checks, binaryState and binaryChecks) over the slider's own grid, or the core's
 * function the widget calls; reference values come from closed forms or from the arbitrary-precision
 * BigFloat, never from the code under test.
 */

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
    for (const yHat of [0.01, 0.3, 0.5, 0.97]) {
      expect(yHat ** 1 * (1 - yHat) ** 0).toBe(yHat);
      expect(yHat ** 0 * (1 - yHat) ** 1).toBe(1 - yHat);
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

  // ---- Try it ----

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

  claim('The third plot shows both branches against $\\hat y$; near the wrong end the curve leaves the plot.', () => {
    // the plot's y axis runs from −10 to 10 and its curves are sampled on ŷ ∈ [0.005, 0.995]
    expect(bceGradPrediction(0.005, 1)).toBeCloseTo(-200, 9);
    expect(bceGradPrediction(0.995, 0)).toBeCloseTo(200, 9);
    // and both branches are inside the plot away from the wrong end
    expect(bceGradPrediction(0.5, 1)).toBe(-2);
    expect(bceGradPrediction(0.5, 0)).toBe(2);
  });

  claim('The slope is largest, $\\tfrac14$, at $z = 0$, and it goes to zero at both ends', () => {
    expect(sigmoidGrad(0)).toBe(0.25);
    for (const z of SLIDER) if (z !== 0) expect(sigmoidGrad(z)).toBeLessThan(0.25);
    // σ′(±10) = e¹⁰ / (1 + e¹⁰)² ≈ 4.54 × 10⁻⁵, by hand
    const atTen = Math.exp(10) / (1 + Math.exp(10)) ** 2;
    expect(relative(sigmoidGrad(10), atTen)).toBeLessThan(1e-14);
    expect(sigmoidGrad(-10)).toBe(sigmoidGrad(10));
    expect(atTen).toBeLessThan(5e-5);
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

  claim('In float64, $\\sigma(40) = 1 - 4 \\times 10^{-18}$ rounds to exactly 1', () => {
    const gap = toNumber(bigSigmoid(-40)); // 1 − σ(40) = σ(−40) = e⁻⁴⁰/(1 + e⁻⁴⁰) ≈ 4.25 × 10⁻¹⁸
    expect(gap).toBeGreaterThan(3.5e-18);
    expect(gap).toBeLessThan(4.5e-18);
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
    // PyTorch's docs for BCELoss (the module form of F.binary_cross_entropy): "BCELoss clamps its log
    // function outputs to be greater than or equal to -100". The core follows it; the last check shows it.
    expect(binaryCrossEntropy([sigmoid(40)], [0])).toBe(100);
    expect(binaryCrossEntropy([0], [1])).toBe(100);
    const c = binaryChecks(binaryState(0, 1));
    expect(c.farProbability).toBe(100);
    expect(c.farLogit).toBeCloseTo(40, 12);
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

  claim('$\\operatorname{softplus}(x) = \\max(x, 0) + \\ln\\big(1 + e^{-|x|}\\big)$: the exponential is never larger than 1, and both terms are non-negative.', () => {
    for (const x of [-745, -700, -40, -10, -1, -1e-9, 0, 1e-9, 1, 10, 40, 700, 1e300]) {
      const e = Math.exp(-Math.abs(x));
      expect(e).toBeLessThanOrEqual(1);
      expect(Math.log1p(e)).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(softplus(x))).toBe(true);
      if (Math.abs(x) <= 700) expect(relative(softplus(x), refSoftplus(x))).toBeLessThan(4e-16);
    }
  });

  claim('The explorer\'s fourth check compares it with the loss computed from $\\hat y$: across the slider\'s range the two agree to every digit shown, and only beyond it, in the last check at $z = 40$, does the route through $\\hat y$ fail.', () => {
    for (const z of SLIDER) {
      for (const t of TARGETS) {
        const c = binaryChecks(binaryState(z, t));
        expect(c.ok.route, `z = ${z}, t = ${t}`).toBe(true);
        expect(formatNumber(c.fromProbability, 6)).toBe(formatNumber(c.fromLogit, 6));
      }
    }
    const c = binaryChecks(binaryState(0, 0));
    expect(Math.abs(c.farProbability - c.farLogit)).toBeGreaterThan(59);
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

  claim("Below, the bars come from the core's `softmax` and `sigmoid` separately, and the difference between them is printed.", () => {
    // the widget prints "equal to the last bit" or the gap, and marks the check held when the gap ≤ 1e-15
    for (const z of SLIDER) {
      const q = softmax([z, 0]);
      expect(Math.abs((q[0] as number) - sigmoid(z))).toBeLessThanOrEqual(1e-15);
      expect(Math.abs((q[1] as number) - sigmoid(-z))).toBeLessThanOrEqual(1e-15);
    }
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
});
