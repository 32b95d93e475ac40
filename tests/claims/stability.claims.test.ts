// @vitest-environment jsdom
// (the backward pass's table is rendered, so that the columns the chapter names are read as a learner sees them)
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, expect } from 'vitest';
import prerendered from 'virtual:prerendered-tex/all';
import { numericalGradient } from '../../src/core/finiteDifference';
import { createWorkspace, forward, initNetwork, trainStep, type Network } from '../../src/core/network';
import {
  chainGradient,
  epsilonCrossEntropy,
  epsilonLossError,
  exponential,
  FLT_MAX,
  fusedGradient,
  naiveCrossEntropy,
  naiveSoftmax,
  OVERFLOW_THRESHOLD,
  softmaxBackwardChain,
  stableCrossEntropy,
  stableSoftmax,
} from '../../src/core/naive';
import { formatNumber, texNumber } from '../../src/format/formatNumber';
import { TermScope } from '../../src/math/TermScope';
import { registerPrerendered } from '../../src/math/texRuntime';
import { createLabStore } from '../../src/state/createLabStore';
import { LabProvider } from '../../src/state/LabContext';
import { initialBackpropInputs, shapeOf } from '../../src/chapters/backprop/backpropStore';
import { BACKPROP_LIMITS } from '../../src/chapters/backprop/backpropLimits';
import { datasetOf } from '../../src/chapters/backprop/backpropData';
import { runTraining, trainingRequest, type TrainingSnapshot } from '../../src/chapters/backprop/trainingSession';
import { backwardVerdict, FusedBackward } from '../../src/chapters/stability/FusedBackward';
import { createStabilityStore, StabilityProvider } from '../../src/chapters/stability/StabilityContext';
import { EPSILONS, logitRule, PRESETS, STABILITY_LIMITS } from '../../src/chapters/stability/stabilityInputs';
import { parseTypedNumber } from '../../src/controls/parseTypedNumber';
import { backwardAt, comparison, epsilonAt, formatResult, labelLogitFor, PRECISIONS, texResult, type ComparisonCell } from '../../src/chapters/stability/stabilityMath';
import { big, div, exp as bigExp, log as bigLog, add, sub, mul, sumOf, toNumber, LN2 } from '../core/reference/bigFloat';
import { fc } from '../core/helpers';
import { describeClaims } from './chapterClaims';

/*
 * Chapter 10's claims, section by section. Every number is replayed with the widgets' pure logic
 * (stabilityMath, stabilityInputs), the core's naive.ts, chapter 8's own trainer (its store's starting
 * state and its slice function runTraining) and, for what the backward pass's table shows, the widget
 * itself rendered in jsdom. The reference values come from closed forms in 200-bit arithmetic
 * (tests/core/reference/bigFloat.ts), from the definition of the formats, from the He initialisation's
 * expectation, or from an independent plain-loop forward pass written here.
 */

const cellOf = (z: readonly number[], label: number, form: 'naive' | 'stable', precision: 'float32' | 'float64'): ComparisonCell => {
  const c = comparison(z, label).find((x) => x.form === form && x.precision === precision);
  if (!c) throw new Error('no such cell');
  return c;
};
const finite = (c: ComparisonCell) => Number.isFinite(c.loss) && c.probabilities.every(Number.isFinite);
/** ln of an exact positive number given as big float, to a double */
const ln = (x: ReturnType<typeof big>) => toNumber(bigLog(x));
const KINDS = ['blobs', 'rings', 'spirals'] as const;

/** Chapter 8's starting network and data (data seed 1), for a weight seed: its logits, row after row. */
function chapterEightLogits(kind: (typeof KINDS)[number], seed: number, scale = 1): Float64Array {
  const { dataSeed, hidden, activation } = initialBackpropInputs();
  const data = datasetOf(kind, dataSeed);
  const shape = shapeOf(hidden, activation);
  const net = initNetwork(shape, seed);
  const ws = createWorkspace(shape, data.m);
  forward(net, data.x.map((v) => v * scale), data.labels, data.m, ws);
  return ws.z2.slice(0, data.m * shape.outputs);
}

/** Root mean square over the first 100 weight seeds, and the largest |z|. */
function initialLogitStats(kind: (typeof KINDS)[number], scale = 1) {
  let squares = 0;
  let count = 0;
  let largest = 0;
  for (let seed = 0; seed < 100; seed++) {
    for (const z of chapterEightLogits(kind, seed, scale)) {
      squares += z * z;
      count++;
      largest = Math.max(largest, Math.abs(z));
    }
  }
  return { rms: Math.sqrt(squares / count), largest };
}

/**
 * What He initialisation makes the logits' mean square, in expectation over the weights: with
 * w1 ~ N(0, 2/2), a ReLU keeps half of E[(w·x)²] = |x|², and w2 ~ N(0, 2/H) over H units doubles it
 * back, so E[z²] = |x|²: the expected RMS is the inputs' RMS length (times the scale).
 */
function heExpectedRms(kind: (typeof KINDS)[number], scale = 1): number {
  const data = datasetOf(kind, initialBackpropInputs().dataSeed);
  let sum = 0;
  for (let r = 0; r < data.m; r++) sum += (data.x[2 * r] as number) ** 2 + (data.x[2 * r + 1] as number) ** 2;
  return scale * Math.sqrt(sum / data.m);
}

/** An independent forward pass, plain loops: 2 inputs → H ReLU units → 3 logits per point. */
function plainLogits(net: Network, x: Float64Array, m: number): number[][] {
  const { inputs, hidden, outputs } = net.shape;
  const { w1, b1, w2, b2 } = net.params;
  const rows: number[][] = [];
  for (let r = 0; r < m; r++) {
    const h: number[] = [];
    for (let j = 0; j < hidden; j++) {
      let a = b1[j] as number;
      for (let i = 0; i < inputs; i++) a += (x[r * inputs + i] as number) * (w1[i * hidden + j] as number);
      h.push(Math.max(0, a));
    }
    const z: number[] = [];
    for (let k = 0; k < outputs; k++) {
      let a = b2[k] as number;
      for (let j = 0; j < hidden; j++) a += (h[j] as number) * (w2[j * outputs + k] as number);
      z.push(a);
    }
    rows.push(z);
  }
  return rows;
}

/** Chapter 8's trainer from its starting state at η = 10, pressed Step n times: the network and snapshot after each. */
function trainerAtTopRate(presses: number) {
  const start = initialBackpropInputs({ learningRate: BACKPROP_LIMITS.learningRate.max });
  let network: Network = start.network;
  let step = 0;
  const after: { network: Network; snapshot: TrainingSnapshot | null }[] = [{ network, snapshot: null }];
  for (let n = 0; n < presses; n++) {
    const answer = runTraining(
      trainingRequest(1, network, start.dataset, { learningRate: start.learningRate, reduction: start.reduction, steps: 1, startStep: step, gridSize: 2, extent: BACKPROP_LIMITS.extent }),
    );
    if (answer.type !== 'snapshot') throw new Error(answer.message);
    network = { shape: network.shape, params: answer.params };
    step = answer.step;
    after.push({ network, snapshot: answer });
  }
  return { start, after };
}

/** The logit that makes p₁ = p at z = [z₁, 0, 0]: p = e^{z₁}/(e^{z₁} + 2), so z₁ = ln(2p/(1 − p)). */
const logitForP1 = (p: number) => Math.log((2 * p) / (1 - p));

/** The backward pass as the chapter shows it: the widget alone, in its own chapter store, in jsdom. */
registerPrerendered(prerendered);
afterEach(() => {
  cleanup();
  window.location.hash = '';
});
function renderBackward() {
  const store = createStabilityStore();
  const ui = createElement(LabProvider, {
    store: createLabStore(),
    children: createElement(StabilityProvider, { store, children: createElement(TermScope, { children: createElement(FusedBackward) }) }),
  });
  return { store, ...render(ui) };
}
/** One column of the backward table, by its heading, as the three cells read. */
function column(heading: string): string[] {
  const table = screen.getByRole('table');
  const headings = within(table).getAllByRole('columnheader').map((h) => (h.textContent ?? '').trim());
  const at = headings.indexOf(heading);
  if (at < 0) throw new Error(`no column "${heading}" in ${headings.join(' | ')}`);
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => (row.querySelectorAll('th, td')[at]?.textContent ?? '').trim());
}

/** How many times a backward pass reads the entries of its C inputs (all 1/C). */
function readsOf(C: number, backward: (v: ArrayLike<number>) => unknown): number {
  let count = 0;
  const values = Array.from({ length: C }, () => 1 / C);
  const v = new Proxy(values, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) count++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  backward(v);
  return count;
}

/** Source files under a folder, recursively. */
const HERE = import.meta.url;
function sourcesUnder(folder: string): string[] {
  const root = fileURLToPath(new URL(folder, HERE));
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => `${root}${f}`);
}
/** The text inside a file's string literals (template holes and comments removed) that would reach the page. */
function literalText(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
  return (code.match(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? []).map((lit) => lit.replace(/\$\{[^}]*\}/g, ''));
}

describeClaims('stability', (claim) => {
  // ── the opening ──
  claim(String.raw`in float32 it overflows to $\infty$ for $z > 88.72$ and rounds to 0 for $z < -103.97$ (in float64, for $z > 709.78$ and $z < -745.13$)`, () => {
    // the thresholds in 200 bits: ln FLT_MAX, and ln 2⁻¹⁵⁰, half the smallest positive float32 2⁻¹⁴⁹
    // (round to nearest: e^z below half of it rounds to 0, above it to 2⁻¹⁴⁹); the same for float64
    const over32 = toNumber(add(mul(big(127), LN2), bigLog(big(2 - 2 ** -23))));
    const under32 = toNumber(mul(big(-150), LN2));
    const over64 = toNumber(add(mul(big(1023), LN2), bigLog(big(2 - 2 ** -52))));
    const under64 = toNumber(mul(big(-1075), LN2));
    expect([over32, under32, over64, under64].map((v) => v.toFixed(2))).toEqual(['88.72', '-103.97', '709.78', '-745.13']);
    for (const [precision, over, under] of [['float32', over32, under32], ['float64', over64, under64]] as const) {
      expect(exponential(over - 0.005, precision)).toBeLessThan(Infinity);
      expect(exponential(over + 0.005, precision)).toBe(Infinity);
      expect(exponential(under + 0.005, precision)).toBeGreaterThan(0);
      expect(exponential(under - 0.005, precision)).toBe(0);
    }
    // not the point where e^z is the smallest positive number itself (ln 2⁻¹⁴⁹ ≈ −103.28): below that it still rounds up to it
    expect(exponential(-103.5, 'float32')).toBe(2 ** -149);
    expect(exponential(-745, 'float64')).toBe(2 ** -1074);
  });
  claim("Logits like these are far beyond a healthy network's, but easy to reach, as the next section shows.", () => {
    // healthy: chapter 8's network at the start (100 weight seeds) and after 2000 steps at the trainer's defaults
    const { dataSeed, hidden, activation, initialSeed, learningRate, reduction } = initialBackpropInputs();
    for (const kind of KINDS) {
      expect(initialLogitStats(kind).largest, kind).toBeLessThan(OVERFLOW_THRESHOLD.float32 / 20);
      const data = datasetOf(kind, dataSeed);
      const net = initNetwork(shapeOf(hidden, activation), initialSeed);
      const ws = createWorkspace(net.shape, data.m);
      for (let step = 0; step < 2000; step++) trainStep(net, data.x, data.labels, data.m, ws, learningRate, reduction);
      const largest = Math.max(...plainLogits(net, data.x, data.m).flat().map(Math.abs));
      expect(largest, kind).toBeLessThan(OVERFLOW_THRESHOLD.float32 / 4);
    }
    // easy to reach: the next section's first cause, four presses of chapter 8's Step at its top rate
    const { after } = trainerAtTopRate(4);
    expect(Math.max(...plainLogits(after[4]!.network, initialBackpropInputs().dataset.x, 150).flat())).toBeGreaterThan(OVERFLOW_THRESHOLD.float64);
  });
  claim('in two precisions: float32, the usual one for training (mixed-precision training does most of its arithmetic in float16 or bfloat16, but PyTorch\'s keeps softmax and the loss in float32), and float64.', () => {
    // the two precisions every widget offers and the table compares
    expect([...PRECISIONS].sort()).toEqual(['float32', 'float64']);
    expect(comparison([2, 3, 4], 0).map((c) => c.precision).sort()).toEqual(['float32', 'float32', 'float64', 'float64']);
    // and float32 is the one with the 88.72 threshold: e^z in float16 would overflow already above ln 65504 ≈ 11.09
    expect(Math.log(65504)).toBeCloseTo(11.09, 2);
    expect(Math.log(65504)).toBeLessThan(OVERFLOW_THRESHOLD.float32 / 8);
  });
  claim('Here, and only here, the widgets print NaN ("not a number").', () => {
    // every other widget writes numbers through the shared formatter, which never prints NaN …
    expect(formatNumber(NaN)).toBe('undefined');
    expect(texNumber(NaN)).not.toContain('NaN');
    expect(formatNumber(Infinity)).toBe('∞');
    // … and none of them has NaN in the text it renders: string literals (not a `?? NaN` fallback) and JSX text
    const printing = ['../../src/chapters/', '../../src/plots/', '../../src/controls/', '../../src/tools/'].flatMap((dir) => sourcesUnder(dir)).filter((file) => {
      const source = readFileSync(file, 'utf8');
      return literalText(source).some((t) => /\bNaN\b/.test(t)) || /(?<![=-])>[^<>{}()=;]*\bNaN\b[^<>{}()=;]*</.test(source);
    });
    expect(printing.length).toBeGreaterThan(0);
    expect(printing.filter((f) => !f.includes('/stability/')), 'widgets outside chapter 10 that print NaN').toEqual([]);
    // this chapter's formatter does print it
    expect(formatResult(NaN)).toBe('NaN');
    expect(texResult(NaN)).toBe('\\text{NaN}');
  });

  // ── where e^z runs out ──
  claim(String.raw`$\mathrm{FLT\_MAX} = (2 - 2^{-23})\cdot 2^{127} \approx 3.40 \times 10^{38}$`, () => {
    expect(FLT_MAX).toBe((2 - 2 ** -23) * 2 ** 127);
    expect(Math.fround(FLT_MAX)).toBe(FLT_MAX);
    expect(Math.fround(2 ** 128)).toBe(Infinity);
    expect(FLT_MAX / 1e38).toBeCloseTo(3.4, 2);
  });
  claim(String.raw`$\mathrm{DBL\_MAX} = (2 - 2^{-52})\cdot 2^{1023} \approx 1.80 \times 10^{308}$`, () => {
    expect(Number.MAX_VALUE).toBe((2 - 2 ** -52) * 2 ** 1023);
    expect(Number.MAX_VALUE / 1e308).toBeCloseTo(1.8, 2);
  });
  claim(String.raw`z > \ln \mathrm{FLT\_MAX} \approx 88.72 \ \text{(float32)}`, () => {
    // ln((2 − 2⁻²³)·2¹²⁷) = 127 ln 2 + ln(2 − 2⁻²³), in 200 bits
    const reference = toNumber(add(mul(big(127), LN2), bigLog(big(2 - 2 ** -23))));
    expect(reference).toBeCloseTo(88.72, 2);
    expect(OVERFLOW_THRESHOLD.float32).toBeCloseTo(reference, 12);
    expect(exponential(88.72, 'float32')).toBeLessThan(Infinity);
    expect(exponential(88.73, 'float32')).toBe(Infinity);
  });
  claim(String.raw`z > \ln \mathrm{DBL\_MAX} \approx 709.78 \ \text{(float64)}`, () => {
    const reference = toNumber(add(mul(big(1023), LN2), bigLog(big(2 - 2 ** -52))));
    expect(reference).toBeCloseTo(709.78, 2);
    expect(OVERFLOW_THRESHOLD.float64).toBeCloseTo(reference, 11);
    expect(Math.exp(709.78)).toBeLessThan(Infinity);
    expect(Math.exp(709.79)).toBe(Infinity);
  });
  claim("Chapter 8's network, with its He initialisation and inputs of size about 1, starts with logits whose root mean square over the first 100 weight seeds (data seed 1) is about 0.55 on each of its three data sets (0.26 to 0.97 seed by seed), all of them between −5 and 5.", () => {
    // seed by seed: each seed's own root mean square, on each data set, lies in 0.26 to 0.97 (to two digits)
    const perSeed = KINDS.flatMap((kind) =>
      Array.from({ length: 100 }, (_, seed) => {
        const z = chapterEightLogits(kind, seed, 1);
        return Math.sqrt(z.reduce((s, v) => s + v * v, 0) / z.length);
      }),
    );
    expect(Math.min(...perSeed)).toBeGreaterThanOrEqual(0.255);
    expect(Math.min(...perSeed)).toBeLessThan(0.265);
    expect(Math.max(...perSeed)).toBeGreaterThanOrEqual(0.965);
    expect(Math.max(...perSeed)).toBeLessThan(0.975);
    expect(initialBackpropInputs()).toMatchObject({ dataSeed: 1, hidden: 16, activation: 'relu' });
    for (const kind of KINDS) {
      // inputs of size about 1: the points' root mean square length
      const inputs = heExpectedRms(kind);
      expect(inputs, kind).toBeGreaterThan(0.5);
      expect(inputs, kind).toBeLessThan(1);
      const { rms, largest } = initialLogitStats(kind);
      // about 0.55 (the three sets give 0.54, 0.58, 0.54): neither 0.5 nor 0.6
      expect(rms, kind).toBeGreaterThan(0.52);
      expect(rms, kind).toBeLessThan(0.59);
      // and within 10% of He's expectation, the inputs' RMS length (0.57, 0.62, 0.57)
      expect(Math.abs(rms / inputs - 1), kind).toBeLessThan(0.1);
      expect(largest, kind).toBeLessThan(5);
      expect(largest, kind).toBeGreaterThan(3); // a real spread, not all zeros
    }
  });

  // Training that blows up: chapter 8's trainer from its starting state (blobs, data seed 1, weight seed 1,
  // 16 ReLU units, the mean) with its slider at the top, Step pressed four times
  claim("In chapter 8's trainer, set the learning rate to the top of its slider, $\\eta = 10$, and press Step four times on the blobs. Every step overshoots; the first still lowers the loss, and from the second on it rises, while the largest logit grows from 0.99 to 14.0, 59.5, 237 and 1510.", () => {
    expect(BACKPROP_LIMITS.learningRate.max).toBe(10);
    const { start, after } = trainerAtTopRate(4);
    expect(start).toMatchObject({ datasetKind: 'blobs', learningRate: 10, reduction: 'mean' });
    // the loss (stable, as the trainer computes it) falls once, then rises at every step: 1.66, 0.92, 21.7, 77.2, 726
    const losses = after.map(({ network }) => {
      const z = plainLogits(network, start.dataset.x, start.dataset.m);
      return z.reduce((sum, row, r) => sum + stableCrossEntropy(row, start.dataset.labels[r] as number), 0) / start.dataset.m;
    });
    expect(losses[1]).toBeLessThan(losses[0] as number);
    for (const n of [2, 3, 4]) expect(losses[n], `step ${n}`).toBeGreaterThan(2 * (losses[n - 1] as number));
    // every step overshoots: along its own line, from the weights before it (t = 0) to where it lands (t = 1),
    // the loss is still rising at t = 1, and a shorter step along the same line lands lower
    const lossAt = (network: Network) => {
      const z = plainLogits(network, start.dataset.x, start.dataset.m);
      return z.reduce((sum, row, r) => sum + stableCrossEntropy(row, start.dataset.labels[r] as number), 0) / start.dataset.m;
    };
    for (let n = 1; n <= 4; n++) {
      const [from, to] = [after[n - 1]!.network.params, after[n]!.network.params];
      const along = (t: number): Network => ({
        shape: after[n]!.network.shape,
        params: {
          w1: from.w1.map((w, q) => w + t * (to.w1[q]! - w)),
          b1: from.b1.map((w, q) => w + t * (to.b1[q]! - w)),
          w2: from.w2.map((w, q) => w + t * (to.w2[q]! - w)),
          b2: from.b2.map((w, q) => w + t * (to.b2[q]! - w)),
        },
      });
      const landed = lossAt(along(1));
      expect(landed - lossAt(along(1 - 1e-4)), `step ${n}: rising where it lands`).toBeGreaterThan(1e-6 * landed);
      expect(Math.min(...[0.05, 0.1, 0.2, 0.4, 0.6, 0.8].map((t) => lossAt(along(t)))), `step ${n}`).toBeLessThan(0.9 * landed);
    }
    // the largest of the 150 × 3 logits, from an independent forward pass of the trainer's weights, to the digits shown
    const largest = after.map(({ network }) => Math.max(...plainLogits(network, start.dataset.x, start.dataset.m).flat()));
    const shown: [number, number][] = [[0.99, 0.005], [14.0, 0.05], [59.5, 0.05], [237, 0.5], [1510, 5]];
    shown.forEach(([value, half], n) => expect(Math.abs((largest[n] as number) - value), `after ${n} steps`).toBeLessThanOrEqual(half));
  });
  claim('After three steps 111 of the 150 points have a logit above 88.72, and the naive float32 loss would be NaN; after four, the naive float64 loss would be $\\infty$.', () => {
    const { start, after } = trainerAtTopRate(4);
    const { x, m, labels } = start.dataset;
    const rows = (n: number) => plainLogits(after[n]!.network, x, m);
    const above = (n: number, threshold: number) => rows(n).filter((z) => Math.max(...z) > threshold).length;
    expect(above(2, OVERFLOW_THRESHOLD.float32)).toBe(0);
    expect(above(3, OVERFLOW_THRESHOLD.float32)).toBe(111);
    const naiveMean = (n: number, precision: 'float32' | 'float64') => rows(n).reduce((s, z, r) => s + naiveCrossEntropy(z, labels[r] as number, precision), 0) / m;
    expect(Number.isFinite(naiveMean(2, 'float32'))).toBe(true);
    expect(Number.isNaN(naiveMean(3, 'float32'))).toBe(true);
    expect(Number.isFinite(naiveMean(3, 'float64'))).toBe(true);
    // after four steps some logits pass ln DBL_MAX: their e^z is ∞, the true class's p is finite/∞ = 0 and −ln 0 = ∞, and no row is NaN
    expect(above(4, OVERFLOW_THRESHOLD.float64)).toBeGreaterThan(0);
    expect(naiveMean(4, 'float64')).toBe(Infinity);
  });
  claim('The trainer shows 77.2 and 726 because its core takes the stable route this chapter builds.', () => {
    const { start, after } = trainerAtTopRate(4);
    for (const [n, shown, half] of [[3, 77.2, 0.05], [4, 726, 0.5]] as const) {
      const snapshot = after[n]!.snapshot!;
      expect(Math.abs(snapshot.loss - shown)).toBeLessThanOrEqual(half);
      // the trainer's number is the mean of LSE(z) − z_t over the rows, to rounding
      const z = plainLogits(after[n]!.network, start.dataset.x, start.dataset.m);
      const stable = z.reduce((s, row, r) => s + stableCrossEntropy(row, start.dataset.labels[r] as number), 0) / start.dataset.m;
      expect(Math.abs(snapshot.loss - stable) / stable).toBeLessThan(1e-12);
    }
  });

  claim('The blow-up lasts those few steps: after the fifth the loss is back to 5.0, and from the seventh on it swings between about 1.1 and 2.3 without settling, with no logit larger than 3.2 in size.', () => {
    // Step pressed 3000 times; each loss and logit from the independent forward pass, not the trainer's numbers
    const { start, after } = trainerAtTopRate(3000);
    const { x, m, labels } = start.dataset;
    const losses: number[] = [];
    const largest: number[] = [];
    for (const { network } of after) {
      const z = plainLogits(network, x, m);
      losses.push(z.reduce((s, row, r) => s + stableCrossEntropy(row, labels[r] as number), 0) / m);
      largest.push(Math.max(...z.flat().map(Math.abs)));
    }
    // the fifth step brings it back down from 726, to 5.0 (4.99)
    expect(losses[4]).toBeGreaterThan(700);
    expect(Math.abs((losses[5] as number) - 5.0)).toBeLessThan(0.05);
    // from the seventh step on: between about 1.1 and 2.3 (1.107 and 2.255), the logits within ±3.2 (3.12 at most)
    const bounce = losses.slice(7);
    expect(Math.min(...bounce)).toBeGreaterThan(1.05);
    expect(Math.min(...bounce)).toBeLessThan(1.15);
    expect(Math.max(...bounce)).toBeGreaterThan(2.25);
    expect(Math.max(...bounce)).toBeLessThan(2.35);
    expect(Math.max(...largest.slice(7))).toBeLessThanOrEqual(3.2);
    expect(Math.max(...largest.slice(7))).toBeGreaterThan(3);
    // without settling: over the last 500 steps it still swings by more than 1, and never by so little
    // from one step to the next as to be resting (no run of ten steps within 10⁻³ of each other)
    const last = losses.slice(-500);
    expect(Math.max(...last) - Math.min(...last)).toBeGreaterThan(1);
    for (let k = 0; k + 10 <= last.length; k++) {
      const run = last.slice(k, k + 10);
      expect(Math.max(...run) - Math.min(...run), `steps ${2500 + k} to ${2510 + k}`).toBeGreaterThan(1e-3);
    }
  }, 60_000);

  // Inputs that were never normalised: the same network and data, every input times 255
  claim("While its biases are 0, a ReLU network's logits grow in proportion to its input, so chapter 8's network would give logits 255 times too large, with a root mean square near 140.", () => {
    for (const kind of KINDS) {
      for (let seed = 0; seed < 100; seed++) {
        const plain = chapterEightLogits(kind, seed);
        const raw = chapterEightLogits(kind, seed, 255);
        plain.forEach((z, i) => expect(Math.abs((raw[i] as number) - 255 * z)).toBeLessThan(1e-12 * 255 * Math.max(1, Math.abs(z))));
      }
      // 137.9, 148.0, 137.4: near 140, not 130 or 150 and more; within 10% of 255 × He's expectation
      const { rms } = initialLogitStats(kind, 255);
      expect(rms, kind).toBeGreaterThan(135);
      expect(rms, kind).toBeLessThan(149);
      expect(Math.abs(rms / heExpectedRms(kind, 255) - 1), kind).toBeLessThan(0.1);
      expect(rms, kind).toBeGreaterThan(OVERFLOW_THRESHOLD.float32);
    }
  });
  claim(String.raw`$\operatorname{softmax}(\mathbf z / T)$ with $T = 0.01$ turns a logit of 1 into 100`, () => {
    expect(1 / 0.01).toBe(100);
    // and 100 is past float32's threshold: the naive float32 softmax of [1, 0, 0] / 0.01 is NaN in class 1
    expect(Number.isNaN(naiveSoftmax([1 / 0.01, 0, 0], 'float32').probabilities[0])).toBe(true);
  });
  claim(String.raw`p_i = \frac{\infty}{\infty} = \text{NaN}, \qquad L = -\ln \text{NaN} = \text{NaN}.`, () => {
    const c = cellOf([1000, 0, 0], 0, 'naive', 'float64');
    expect(Number.isNaN(c.probabilities[0])).toBe(true);
    expect(Number.isNaN(c.loss)).toBe(true);
    expect(c.flags.map((f) => f.text)).toContain('L = −ln p₁ = −ln NaN = NaN.');
  });
  claim(String.raw`The other classes get $e^{z_k}/\infty = 0$, and if the true class is one of them, the loss is $-\ln 0 = \infty$.`, () => {
    const c = cellOf([1000, 0, 0], 1, 'naive', 'float64');
    expect([c.probabilities[1], c.probabilities[2], c.loss]).toEqual([0, 0, Infinity]);
    expect(c.flags.map((f) => f.text)).toContain('L = −ln 0 = ∞.');
  });
  claim(String.raw`$e^{-1000}$ is smaller than the smallest positive float64 and rounds to 0, so $z = [-1000, -1000, -1000]$ gives $0/0 = \text{NaN}$ even though its softmax is plainly $[\tfrac13, \tfrac13, \tfrac13]$.`, () => {
    // the smallest positive double is 2⁻¹⁰⁷⁴, and ln 2⁻¹⁰⁷⁴ ≈ −744.4 > −1000
    expect(-1074 * Math.LN2).toBeGreaterThan(-1000);
    expect(Math.exp(-1000)).toBe(0);
    const naive = naiveSoftmax([-1000, -1000, -1000]);
    expect(naive.sum).toBe(0);
    expect(Array.from(naive.probabilities).every(Number.isNaN)).toBe(true);
    for (const p of stableSoftmax([-1000, -1000, -1000]).probabilities) expect(p).toBeCloseTo(1 / 3, 15);
  });

  // ── the max shift and log-sum-exp ──
  claim(String.raw`so every $e^{z_i - z_{\max}}$ is at most 1 and nothing can overflow. The largest term is $e^{0} = 1$, so the sum is at least 1 and nothing divides by 0.`, () => {
    const logits = fc.array(fc.double({ min: STABILITY_LIMITS.min, max: STABILITY_LIMITS.max, noNaN: true }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(logits, (z) => {
        for (const precision of ['float32', 'float64'] as const) {
          const s = stableSoftmax(z, precision);
          expect(s.exponentials.every((e) => e <= 1)).toBe(true);
          expect(s.sum).toBeGreaterThanOrEqual(1);
          expect(s.probabilities.every(Number.isFinite)).toBe(true);
        }
      }),
      { seed: 10 },
    );
  });
  claim(String.raw`L = \ln\bigl(1 + e^{-1} + e^{-2}\bigr) = \ln 1.5032 \approx 0.408,`, () => {
    const sum = sumOf([big(1), bigExp(big(-1)), bigExp(big(-2))]);
    expect(toNumber(sum)).toBeCloseTo(1.5032, 4);
    const reference = ln(sum);
    expect(reference).toBeCloseTo(0.408, 3);
    expect(stableCrossEntropy([1000, 999, 998], 0)).toBeCloseTo(reference, 13);
    expect(stableCrossEntropy([1000, 999, 998], 0, 'float32')).toBeCloseTo(reference, 5);
  });
  claim('while the naive form gives NaN in both precisions', () => {
    for (const precision of ['float32', 'float64'] as const) expect(Number.isNaN(naiveCrossEntropy([1000, 999, 998], 0, precision))).toBe(true);
  });

  // ── the explorer's presets and inputs ──
  claim('type any logit from −1000 to 1000 into the boxes under the table', () => {
    expect(parseTypedNumber('−1000', logitRule('z1'))).toEqual({ ok: true, value: -1000 });
    expect(parseTypedNumber('1000', logitRule('z1'))).toEqual({ ok: true, value: 1000 });
    expect(parseTypedNumber('1000.1', logitRule('z1')).ok).toBe(false);
    expect(parseTypedNumber('88.7', logitRule('z1'))).toEqual({ ok: true, value: 88.7 });
  });
  claim(String.raw`Every $\infty$ and NaN in the table comes with the reason it appeared.`, () => {
    const cases = [...PRESETS.map((p) => [...p.logits]), [88.7, 88.7, 88.7], [2, 3, 1000], [-1000, 0, 0], [710, 700, -1000]];
    for (const z of cases) {
      for (let label = 0; label < 3; label++) {
        for (const cell of comparison(z, label)) {
          const kinds = cell.flags.map((f) => f.kind);
          if (cell.probabilities.some(Number.isNaN) || Number.isNaN(cell.loss)) expect(kinds, `${z} ${cell.form} ${cell.precision}`).toContain('nan');
          if (cell.loss === Infinity) expect(kinds).toContain('infinite');
          if (cell.form === 'stable') expect(finite(cell)).toBe(true);
        }
      }
    }
  });
  claim(String.raw`$z = [89, 0, 0]$: $e^{89} \approx 4.5 \times 10^{38}$ overflows in float32 but not in float64. The naive float32 cell shows NaN for $p_1$ and 0 for the others, and the float64 cells are fine.`, () => {
    expect(toNumber(bigExp(big(89))) / 1e38).toBeCloseTo(4.5, 1);
    expect(PRESETS.map((p) => p.logits.join())).toContain('89,0,0');
    expect(exponential(89, 'float32')).toBe(Infinity);
    expect(exponential(89, 'float64')).toBeLessThan(Infinity);
    const n32 = cellOf([89, 0, 0], 0, 'naive', 'float32');
    expect(Number.isNaN(n32.probabilities[0])).toBe(true);
    expect([n32.probabilities[1], n32.probabilities[2]]).toEqual([0, 0]);
    expect(finite(cellOf([89, 0, 0], 0, 'naive', 'float64'))).toBe(true);
    expect(finite(cellOf([89, 0, 0], 0, 'stable', 'float64'))).toBe(true);
  });
  claim('$z = [710, 0, 0]$: now float64 overflows too. The stable cells are finite in both precisions.', () => {
    expect(PRESETS.map((p) => p.logits.join())).toContain('710,0,0');
    expect(exponential(710, 'float64')).toBe(Infinity);
    expect(Number.isNaN(cellOf([710, 0, 0], 0, 'naive', 'float64').probabilities[0])).toBe(true);
    for (const label of [0, 1]) {
      for (const precision of ['float32', 'float64'] as const) expect(finite(cellOf([710, 0, 0], label, 'stable', precision))).toBe(true);
    }
  });
  claim(String.raw`$z = [-1000, 0, 1000]$: the naive form gets $p = [0, 0, \text{NaN}]$. In the stable form $p_1$ underflows to 0 as well, since it is $e^{-2000}$, yet the loss stays finite: $L = 2000$.`, () => {
    expect(PRESETS.map((p) => p.logits.join())).toContain('-1000,0,1000');
    for (const precision of ['float32', 'float64'] as const) {
      const naive = cellOf([-1000, 0, 1000], 0, 'naive', precision);
      expect(naive.probabilities[0]).toBe(0);
      expect(naive.probabilities[1]).toBe(0);
      expect(Number.isNaN(naive.probabilities[2])).toBe(true);
      const stable = cellOf([-1000, 0, 1000], 0, 'stable', precision);
      expect(stable.probabilities[0]).toBe(0);
      // L = LSE − z₁ = 1000 + ln(1 + e⁻¹⁰⁰⁰ + e⁻²⁰⁰⁰) + 1000 = 2000 to double precision
      expect(stable.loss).toBe(2000);
    }
  });
  claim(String.raw`Type $z = [88.7, 88.7, 88.7]$: in float32 each $e^{88.7}$ is finite, but their sum overflows, so the naive probabilities all come out as $\text{finite}/\infty = 0$.`, () => {
    const steps = naiveSoftmax([88.7, 88.7, 88.7], 'float32');
    expect(steps.exponentials.every((e) => Number.isFinite(e) && e > FLT_MAX / 2)).toBe(true);
    expect(steps.sum).toBe(Infinity);
    expect(Array.from(steps.probabilities)).toEqual([0, 0, 0]);
    expect(cellOf([88.7, 88.7, 88.7], 0, 'naive', 'float32').flags.map((f) => f.text)).toContain('Each e^z is finite, but their sum overflowed to ∞.');
  });

  // ── the 1e-8 inside the log ──
  claim("This $\\varepsilon$ is a constant you choose, not chapter 9's machine epsilon.", () => {
    // the choices the widgets offer: 0, 10⁻⁸ and the like, none of them float64's or float32's machine
    // epsilon (the gap between 1 and the next number, 2⁻⁵² and 2⁻²³)
    expect(EPSILONS).toContain(1e-8);
    expect(EPSILONS.length).toBeGreaterThan(1);
    expect(1 + 2 ** -52).toBeGreaterThan(1);
    expect(Math.fround(1 + 2 ** -23)).toBeGreaterThan(1);
    for (const eps of EPSILONS) expect([2 ** -52, 2 ** -23]).not.toContain(eps);
    // and 10⁻⁸ is far from both: 45 million times float64's, a twelfth of float32's
    expect(1e-8 / 2 ** -52).toBeGreaterThan(4e7);
    expect(1e-8 / 2 ** -23).toBeLessThan(0.1);
  });
  claim(String.raw`For $p_t \gg \varepsilon$ the error is about $-\varepsilon/p_t$, far too small to matter.`, () => {
    for (const p of [0.5, 1e-3, 1e-5]) expect(epsilonLossError(Math.log(p), 1e-8) / (-1e-8 / p)).toBeCloseTo(1, 2);
    expect(Math.abs(epsilonLossError(Math.log(0.1), 1e-8))).toBeLessThan(1e-6);
  });
  claim(String.raw`At $p_t = \varepsilon$ it is $-\ln 2 \approx -0.693$.`, () => {
    expect(epsilonLossError(Math.log(1e-8), 1e-8)).toBeCloseTo(-Math.LN2, 14);
    expect(-Math.LN2).toBeCloseTo(-0.693, 3);
  });
  claim(String.raw`$L_\varepsilon$ stops growing at about $-\ln \varepsilon = 8 \ln 10 \approx 18.42$, however wrong the model is.`, () => {
    expect(8 * Math.LN10).toBeCloseTo(18.42, 2);
    let previous = 0;
    for (const z1 of [0, -10, -20, -30, -100, -1000]) {
      const trick = epsilonCrossEntropy([z1, 0, 0], 0, 1e-8);
      expect(trick).toBeGreaterThanOrEqual(previous);
      expect(trick).toBeLessThanOrEqual(-Math.log(1e-8) + 1e-12);
      previous = trick;
    }
    expect(previous).toBeCloseTo(-Math.log(1e-8), 12);
  });
  claim(String.raw`At $z = [-1000, 0, 0]$ the true loss is $1000 + \ln 2 \approx 1000.69$. The trick reports 18.42.`, () => {
    // L = LSE − z₁ = ln(e⁻¹⁰⁰⁰ + 2) + 1000
    const reference = toNumber(add(bigLog(add(bigExp(big(-1000)), big(2))), big(1000)));
    expect(reference).toBeCloseTo(1000.69, 2);
    const e = epsilonAt([-1000, 0, 0], 0, 1e-8);
    expect(e.trueLoss).toBeCloseTo(reference, 10);
    expect(e.trickLoss).toBeCloseTo(18.42, 2);
  });
  claim(String.raw`\frac{\partial L_\varepsilon}{\partial \mathbf z} = \frac{p_t}{p_t + \varepsilon}\,(\mathbf p - \mathbf y).`, () => {
    for (const [z, eps] of [
      [[-16, 1, 2], 1e-8],
      [[-5, 0, 0], 1e-4],
      [[2, 3, 4], 1e-2],
    ] as const) {
      const p = stableSoftmax(z).probabilities;
      const factor = (p[0] as number) / ((p[0] as number) + eps);
      const numeric = numericalGradient((v) => epsilonCrossEntropy(v, 0, eps), z);
      numeric.forEach((g, j) => expect(g).toBeCloseTo(factor * ((p[j] as number) - (j === 0 ? 1 : 0)), 8));
    }
  });
  claim(String.raw`The true gradient $\mathbf p - \mathbf y$ is scaled by $p_t/(p_t + \varepsilon)$: by $\tfrac12$ at $p_t = \varepsilon$, by $\tfrac{1}{11}$ at $p_t = \varepsilon/10$, and ever closer to 0 below that.`, () => {
    // the widget's own backward pass, unfused chain over fused p − y in the true class, at the logit that puts
    // p₁ where the sentence says (z = [ln(2p/(1 − p)), 0, 0]); by hand the ratio is p/(p + ε)
    const kept = (p: number, eps: number, precision: 'float32' | 'float64' = 'float64') => {
      const b = backwardAt([logitForP1(p), 0, 0], 0, eps, precision);
      return (b.chain[0] as number) / (b.fused[0] as number);
    };
    for (const eps of [1e-4, 1e-8, 1e-12]) {
      expect(Math.abs(kept(eps, eps) - 1 / 2), `ε = ${eps}`).toBeLessThan(1e-9);
      expect(Math.abs(kept(eps / 10, eps) - 1 / 11), `ε = ${eps}`).toBeLessThan(1e-9);
      // not ⅓ or ⅒: the points are told apart by far more than rounding
      expect(Math.abs(kept(eps / 10, eps) - 1 / 10)).toBeGreaterThan(1e-3);
      // ever closer to 0: a thousandth below ε keeps 1/1001, a millionth 1/1000001, each less than the last
      const further = [1, 10, 1e3, 1e6].map((d) => kept(eps / d, eps));
      further.slice(1).forEach((v, i) => expect(v).toBeLessThan((further[i] as number) / 5));
      expect(Math.abs((further[3] as number) - 1 / 1000001)).toBeLessThan(1e-12);
    }
    // the same factor in every class, and in float32 too (ε = 10⁻⁸ there: p₁ = ε is a normal float32)
    const b = backwardAt([logitForP1(1e-8), 0, 0], 0, 1e-8, 'float64');
    b.chain.forEach((g, j) => expect(Math.abs(g / (b.fused[j] as number) - 0.5)).toBeLessThan(1e-9));
    expect(Math.abs(kept(1e-8, 1e-8, 'float32') - 0.5)).toBeLessThan(1e-6);
    // what the verdict under the table says at z = [−20, 0, 0]: p₁ = e⁻²⁰/(e⁻²⁰ + 2) ≈ 1.03 × 10⁻⁹, so 9.3% is left
    const p20 = Math.exp(-20) / (Math.exp(-20) + 2);
    expect(formatNumber((100 * p20) / (p20 + 1e-8), 1)).toBe('9.3');
    expect(backwardVerdict(backwardAt([-20, 0, 0], 0, 1e-8, 'float64'), 1e-8, 0)).toContain('The unfused gradient has shrunk to 9.3% of p − y');
  });
  claim(String.raw`so $-8$ means $p_t = 10^{-8}$`, () => {
    const z = [0, 3, 4];
    z[0] = labelLogitFor(-8, z, 0);
    expect(epsilonAt(z, 0, 1e-8).log10P).toBeCloseTo(-8, 10);
    expect(stableSoftmax(z).probabilities[0]).toBeCloseTo(1e-8, 20);
  });

  // ── the fused backward ──
  claim(String.raw`\frac{\partial L}{\partial z_j} = p_j - y_j .`, () => {
    const numeric = numericalGradient((v) => stableCrossEntropy(v, 0), [2, 3, 4]);
    const e = [2, 3, 4].map(Math.exp);
    const s = (e[0] as number) + (e[1] as number) + (e[2] as number);
    const byHand = e.map((v, j) => v / s - (j === 0 ? 1 : 0));
    fusedGradient([2, 3, 4], 0).forEach((g, j) => {
      expect(g).toBeCloseTo(byHand[j] as number, 15);
      expect(numeric[j]).toBeCloseTo(byHand[j] as number, 9);
    });
  });
  claim(String.raw`Every term is finite for finite logits, and once $\mathbf p$ is known the gradient costs one subtraction per class.`, () => {
    const logits = fc.array(fc.double({ min: STABILITY_LIMITS.min, max: STABILITY_LIMITS.max, noNaN: true }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(logits, fc.nat(2), (z, label) => {
        for (const precision of ['float32', 'float64'] as const) expect(fusedGradient(z, label, precision).every(Number.isFinite)).toBe(true);
      }),
      { seed: 10 },
    );
  });
  // p_t − 1 in the fused column, at z = [10, −10, −10] with true class 1
  claim('like PyTorch, the column "fused p − y" below forms it as $\\exp(\\ln p_t) - 1$', () => {
    // PyTorch's log_softmax backward, grad − exp(output)·Σgrad with grad = −1 at t (nll_loss's), written out
    // here by hand in each precision: out = z − max − ln Σ e^{z − max}, then −1 + e^{out_t}
    for (const precision of PRECISIONS) {
      const r = precision === 'float32' ? Math.fround : (v: number) => v;
      for (const [z, t] of [[[10, -10, -10], 0], [[2, 3, 4], 1], [[5, -5, 0.5], 2], [[0.3, 0.2, -0.1], 0]] as const) {
        const top = Math.max(...z);
        const sum = z.reduce((acc, v) => r(acc + r(Math.exp(r(v - top)))), 0);
        const out = r(r(z[t] - top) - r(Math.log(sum)));
        const torch = r(-1 + r(Math.exp(out)));
        const fused = backwardAt([...z], t, 1e-8, precision).fused[t] as number;
        // equal but for the last bit of an exp or a log: within a few spacings of the numbers just below 1
        const spacing = precision === 'float32' ? 2 ** -24 : 2 ** -53;
        expect(Math.abs(fused - torch), `${precision} at [${z.join(', ')}]`).toBeLessThanOrEqual(4 * spacing);
      }
    }
    // a subtraction from 1, not the core's −(p₂ + p₃): at [10, −10, −10] it lands on the grid of the doubles
    // below 1 (a whole multiple of 2⁻⁵³), which −(p₂ + p₃) = −4.1223072278837…·10⁻⁹ does not
    const confident = backwardAt([10, -10, -10], 0, 1e-8, 'float64').fused[0] as number;
    expect(Number.isInteger(confident / 2 ** -53)).toBe(true);
    const summed = -2 * (stableSoftmax([10, -10, -10]).probabilities[1] as number);
    expect(Number.isInteger(summed / 2 ** -53)).toBe(false);
    expect(Number.isInteger(Math.fround(backwardAt([10, -10, -10], 0, 1e-8, 'float32').fused[0] as number) / 2 ** -24)).toBe(true);
  });
  claim(String.raw`Type $\mathbf z = [10, -10, -10]$ into the boxes above, with true class 1: the column reads $-4.12 \times 10^{-9}$ in float64, a number right to only about 8 of its 16 digits, and 0 in float32, where $p_1$ rounds to exactly 1.`, () => {
    // the boxes take both numbers, and the widget's true class 1 is its default
    expect(parseTypedNumber('10', logitRule('z₁'))).toEqual({ ok: true, value: 10 });
    expect(parseTypedNumber('−10', logitRule('z₂'))).toEqual({ ok: true, value: -10 });
    const { store } = renderBackward();
    act(() => store.getState().setLogits([10, -10, -10]));
    expect(store.getState()).toMatchObject({ logits: [10, -10, -10], label: 0, precision: 'float64' });
    // p₁ − 1 = −2e⁻²⁰/(1 + 2e⁻²⁰), exact in 200-bit arithmetic
    const small = bigExp(big(-20));
    const exact = -toNumber(div(add(small, small), sumOf([big(1), small, small])));
    expect(column('fused p − y')[0]).toBe('−4.12 × 10⁻⁹');
    expect(formatNumber(exact, 3)).toBe('−4.12 × 10⁻⁹');
    const shown = Number(screen.getByTestId('fused-1').getAttribute('data-value'));
    // about 8 of 16 digits: a relative error near 10⁻⁸ (1.1 × 10⁻⁸), not 10⁻¹⁶ and not 10⁻⁶
    const error = Math.abs(shown - exact) / Math.abs(exact);
    expect(error).toBeGreaterThan(3e-9);
    expect(error).toBeLessThan(3e-8);
    // the core's −(p₂ + p₃) has all of them, so the loss of digits is the subtraction's
    expect(Math.abs(-(2 * Math.exp(-20)) / (1 + 2 * Math.exp(-20)) - exact) / Math.abs(exact)).toBeLessThan(1e-15);
    fireEvent.click(screen.getByRole('radio', { name: 'float32' }));
    expect(column('fused p − y')[0]).toBe('0.000');
    expect(screen.getByTestId('fused-1').getAttribute('data-value')).toBe('0');
    // p₁ = 1/(1 + 2e⁻²⁰) is within 2⁻²⁶ of 1, below half the float32 spacing under 1 (2⁻²⁵): it rounds to 1
    expect(-exact).toBeLessThan(2 ** -25);
    expect(column('p')[0]).toBe('1.000');
    expect(stableSoftmax([10, -10, -10], 'float32').probabilities[0]).toBe(1);
  });
  claim(String.raw`First it differentiates the loss in $\mathbf p$ as it was written, $L_\varepsilon = -\sum_k y_k \ln(p_k + \varepsilon)$, one logarithm per class: $u_k = -y_k/(p_k + \varepsilon)$, one division per class. For a one-hot $\mathbf y$ that is $u_t = -1/(p_t + \varepsilon)$ in the true class and 0 in the others, as long as no $p_k + \varepsilon$ is 0.`, () => {
    // the chain's upstream against −y_k/(p_k + ε) by hand, and against central differences of L_ε in p
    const p = [0.2, 0.3, 0.5];
    for (const eps of [0, 1e-8, 1e-2]) {
      const { upstream } = softmaxBackwardChain(p, 1, eps);
      expect(upstream[1]).toBeCloseTo(-1 / (0.3 + eps), 14);
      expect([upstream[0] as number, upstream[2] as number].map(Math.abs)).toEqual([0, 0]);
      const numeric = numericalGradient((q) => -Math.log((q[1] as number) + eps), p);
      upstream.forEach((u, k) => expect(u).toBeCloseTo(numeric[k] as number, 8));
    }
    // where some p_k + ε is 0 the division is 0/0 in that class, although its y_k is 0
    expect(Number.isNaN(softmaxBackwardChain([0, 0, 1], 2, 0).upstream[0])).toBe(true);
    expect(Math.abs(softmaxBackwardChain([0, 0, 1], 2, 1e-8).upstream[0] as number)).toBe(0);
  });
  claim(String.raw`= p_j \bigl(u_j - \langle \mathbf u, \mathbf p \rangle\bigr) = \frac{p_t}{p_t + \varepsilon}\,(p_j - y_j),`, () => {
    const logits = fc.array(fc.double({ min: -8, max: 8, noNaN: true }), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(logits, fc.nat(), fc.constantFrom(0, 1e-8, 1e-2), (z, seed, eps) => {
        const t = seed % z.length;
        const p = stableSoftmax(z).probabilities;
        const autograd = softmaxBackwardChain(p, t, eps);
        const matrix = chainGradient(p, t, eps).gradient; // Σ_k u_k J_kj with the C×C Jacobian
        const factor = (p[t] as number) / ((p[t] as number) + eps);
        autograd.gradient.forEach((g, j) => {
          expect(g).toBeCloseTo(matrix[j] as number, 13);
          expect(g).toBeCloseTo(factor * ((p[j] as number) - (j === t ? 1 : 0)), 13);
        });
      }),
      { seed: 10 },
    );
  });
  claim('one dot product and one multiply-subtract per class: $O(C)$, the same order of work as the fused form.', () => {
    // count the reads of p: the autograd chain reads each p_k a fixed number of times, the C×C product C times as often
    const fast = (C: number) => readsOf(C, (p) => softmaxBackwardChain(p, 0, 1e-8));
    const matrix = (C: number) => readsOf(C, (p) => chainGradient(p, 0, 1e-8));
    expect(fast(100) / fast(10)).toBeCloseTo(10, 0);
    expect(matrix(100) / matrix(10)).toBeGreaterThan(50);
    // and the widget's unfused column is the O(C) one
    const b = backwardAt([2, 3, 4], 0, 1e-8, 'float64');
    expect(Array.from(b.chain)).toEqual(Array.from(softmaxBackwardChain(stableSoftmax([2, 3, 4]).probabilities, 0, 1e-8).gradient));
  });
  claim('So the unfused route is no slower in order; its problem is not speed but fragility.', () => {
    // the same order: both read their input a number of times proportional to C (the fused one reads the logits)
    const fused = (C: number) => readsOf(C, (z) => fusedGradient(z, 0));
    const chain = (C: number) => readsOf(C, (p) => softmaxBackwardChain(p, 0, 0));
    for (const count of [fused, chain]) expect(count(1000) / count(10)).toBeCloseTo(100, 0);
    // fragility: where p₁ underflows the chain is NaN, the fused gradient finite
    expect(Array.from(backwardAt([-1000, 0, 1000], 0, 0, 'float64').chain).every(Number.isNaN)).toBe(true);
    expect(Array.from(backwardAt([-1000, 0, 1000], 0, 0, 'float64').fused).every(Number.isFinite)).toBe(true);
  });
  claim(String.raw`When $p_t$ has underflowed to 0, it computes $u_t = -1/0 = -\infty$, and the dot product $\langle \mathbf u, \mathbf p \rangle$ contains $u_t p_t = -\infty \times 0 = \text{NaN}$`, () => {
    for (const precision of ['float32', 'float64'] as const) {
      const b = backwardAt([-1000, 0, 1000], 0, 0, precision);
      expect(b.probabilities[0]).toBe(0);
      expect(b.upstream).toBe(-Infinity);
      expect(Number.isNaN(b.dot)).toBe(true);
    }
  });
  claim('The NaN then reaches every class.', () => {
    for (const precision of ['float32', 'float64'] as const) {
      expect(Array.from(backwardAt([-1000, 0, 1000], 0, 0, precision).chain).every(Number.isNaN)).toBe(true);
    }
  });
  claim("With $\\varepsilon = 0$ the same happens when any other class's $p_k$ underflows: `torch.log`'s backward divides the upstream 0 by $p_k = 0$, and $0/0$ is NaN, although the loss $-\\ln p_t$ that `nn.NLLLoss` picks out is finite. (Summed literally, $-\\sum_k y_k \\ln p_k$ would be NaN already in the forward pass, from $0 \\cdot (-\\infty)$.)", () => {
    // the literal sum: 0 · ln 0 = 0 · (−∞) = NaN in the forward pass, while −ln p_t, picked out, is finite
    expect(0 * Math.log(0)).toBeNaN();
    const pLiteral = [1, 0, 0];
    expect(-pLiteral.reduce((s, _, k) => s + (k === 0 ? 1 : 0) * Math.log(pLiteral[k] ?? NaN), 0)).toBeNaN();
    expect(Number.isFinite(-Math.log(pLiteral[0] ?? NaN))).toBe(true);
    // autograd's two steps by hand: NLLLoss's backward hands log p the upstream −y_k (0 off the true class),
    // and log's backward divides it by its input, p_k
    expect(Number.isNaN(-0 / 0)).toBe(true);
    for (const [z, t] of [[[1000, 0, -1000], 0], [[-1000, 0, 1000], 2]] as const) {
      for (const precision of ['float32', 'float64'] as const) {
        const b = backwardAt(z, t, 0, precision);
        // p_t survived (it is 1), so it is not the −∞ × 0 of the true class
        expect(b.probabilities[t]).toBe(1);
        expect(b.upstream).toBe(-1);
        // another class's p_k is 0, its u_k = −0/0 = NaN, and the NaN reaches every class
        const chain = softmaxBackwardChain(b.probabilities, t, 0, precision);
        const zeros = [0, 1, 2].filter((k) => k !== t && b.probabilities[k] === 0);
        expect(zeros.length).toBeGreaterThan(0);
        for (const k of zeros) expect(Number.isNaN(chain.upstream[k])).toBe(true);
        expect(Array.from(b.chain).every(Number.isNaN)).toBe(true);
        // while the loss, LSE(z) − z_t = ln(1 + e⁻¹⁰⁰⁰ + e⁻²⁰⁰⁰) = 0 to double precision, and p − y are finite
        expect(Math.abs(stableCrossEntropy(z, t, precision))).toBe(0);
        expect(Array.from(b.fused).map(Math.abs)).toEqual([0, 0, 0]);
      }
    }
  });

  // What the backward pass's table shows: the widget rendered, its columns read by their headings
  claim('(or with the presets and the true class here)', () => {
    renderBackward();
    expect(screen.getByRole('button', { name: /^z = \[−1000, 0, 1000\]/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^z = \[−1000, 0, 1000\]/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'true class 3' }));
    expect(screen.getByRole('table').querySelector('caption')?.textContent).toContain('z = [−1000, 0, 1000], true class 3');
  });
  claim(String.raw`Press $\mathbf z = [-1000, 0, 1000]$ with true class 1: the column "fused p − y" reads $[-1, 0, 1]$, and "chain, stable p" reads NaN at $\varepsilon = 0$ and 0 in every class at $\varepsilon = 10^{-8}$, where $p_1/(p_1 + \varepsilon) = 0$ scales the whole gradient away.`, () => {
    const { store } = renderBackward();
    fireEvent.click(screen.getByRole('button', { name: /^z = \[−1000, 0, 1000\]/ }));
    expect(store.getState()).toMatchObject({ logits: [-1000, 0, 1000], label: 0, epsilon: 1e-8 });
    expect(column('fused p − y')).toEqual(['−1.000', '0.000', '1.000']);
    expect(column('chain, stable p')).toEqual(['0.000', '0.000', '0.000']);
    // 0 in every class because p₁ = e⁻²⁰⁰⁰ = 0 makes the factor 0, not a small number shown as 0.000
    const b = backwardAt([-1000, 0, 1000], 0, 1e-8, 'float64');
    expect(b.probabilities[0]).toBe(0);
    expect(Array.from(b.chain).map(Math.abs)).toEqual([0, 0, 0]);
    fireEvent.click(screen.getByRole('radio', { name: /^ε = 0/ }));
    expect(column('chain, stable p')).toEqual(['NaN', 'NaN', 'NaN']);
    expect(column('fused p − y')).toEqual(['−1.000', '0.000', '1.000']);
    // the same in float32
    fireEvent.click(screen.getByRole('radio', { name: 'float32' }));
    expect(column('chain, stable p')).toEqual(['NaN', 'NaN', 'NaN']);
    expect(column('fused p − y')).toEqual(['−1.000', '0.000', '1.000']);
  });
  claim('"chain, naive p" is NaN at both, since there $p_3 = \\infty/\\infty$ is already NaN.', () => {
    renderBackward();
    fireEvent.click(screen.getByRole('button', { name: /^z = \[−1000, 0, 1000\]/ }));
    expect(column('chain, naive p')).toEqual(['NaN', 'NaN', 'NaN']);
    fireEvent.click(screen.getByRole('radio', { name: /^ε = 0/ }));
    expect(column('chain, naive p')).toEqual(['NaN', 'NaN', 'NaN']);
    // the naive softmax's own numbers: e¹⁰⁰⁰ = ∞ and the sum ∞, so p₃ = ∞/∞
    const naive = naiveSoftmax([-1000, 0, 1000]);
    expect([naive.exponentials[2], naive.sum]).toEqual([Infinity, Infinity]);
    expect(Number.isNaN(naive.probabilities[2])).toBe(true);
  });
  claim('Then pick true class 3: $p = [0, 0, 1]$, the loss is 0 and $\\mathbf p - \\mathbf y = [0, 0, 0]$, yet at $\\varepsilon = 0$ the chain is NaN in every class, from the $0/0$ of $p_1 = p_2 = 0$.', () => {
    const { store } = renderBackward();
    fireEvent.click(screen.getByRole('button', { name: /^z = \[−1000, 0, 1000\]/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'true class 3' }));
    fireEvent.click(screen.getByRole('radio', { name: /^ε = 0/ }));
    expect(store.getState()).toMatchObject({ label: 2, epsilon: 0 });
    expect(column('p')).toEqual(['0.000', '0.000', '1.000']);
    // exactly: e⁻¹⁰⁰⁰ and e⁻²⁰⁰⁰ underflow in both precisions
    const b = backwardAt([-1000, 0, 1000], 2, 0, 'float64');
    expect(Array.from(b.probabilities)).toEqual([0, 0, 1]);
    expect(Math.abs(stableCrossEntropy([-1000, 0, 1000], 2))).toBe(0);
    expect(column('fused p − y')).toEqual(['0.000', '0.000', '0.000']);
    expect(column('chain, stable p')).toEqual(['NaN', 'NaN', 'NaN']);
    expect(screen.getByTestId('backward-verdict').textContent).toContain('p1 underflowed to 0, so u1 = −0/(0 + 0) = 0/0 = NaN');
    act(() => store.getState().setEpsilon(1e-8));
    expect(column('chain, stable p')).toEqual(['0.000', '0.000', '0.000']);
  });

  // ── in PyTorch ──
  claim(String.raw`the backward pass gives each example $\mathbf p - \mathbf y$ (divided by $m$ under the default mean)`, () => {
    // a batch of m = 3 examples, loss = mean of LSE(z_n) − z_{n,t_n}: central differences in every logit against (p_n − y_n)/m
    const Z = [[2, 3, 4], [-1, 0.5, 0], [10, -3, 1]];
    const t = [0, 2, 1];
    const m = Z.length;
    const flat = Z.flat();
    const mean = (v: Float64Array) => [0, 1, 2].reduce((s, n) => s + stableCrossEntropy(v.subarray(3 * n, 3 * n + 3), t[n] as number), 0) / m;
    const numeric = numericalGradient(mean, flat);
    Z.forEach((z, n) => {
      const e = z.map(Math.exp);
      const sum = e.reduce((a, b) => a + b, 0);
      z.forEach((_, j) => {
        const byHand = ((e[j] as number) / sum - (j === t[n] ? 1 : 0)) / m;
        expect(numeric[3 * n + j]).toBeCloseTo(byHand, 9);
        // and per example it is the fused p − y
        expect((fusedGradient(z, t[n] as number)[j] as number) / m).toBeCloseTo(byHand, 15);
      });
    });
  });

  // ── what to take away ──
  claim(String.raw`$e^{z}$ overflows above $z \approx 88.72$ in float32 and $709.78$ in float64.`, () => {
    expect(OVERFLOW_THRESHOLD.float32).toBeCloseTo(88.72, 2);
    expect(OVERFLOW_THRESHOLD.float64).toBeCloseTo(709.78, 2);
    expect(toNumber(sub(bigLog(big(Number.MAX_VALUE)), big(709.78)))).toBeGreaterThan(0);
  });
  claim(String.raw`$-\ln(p_t + 10^{-8})$ caps the loss near 18.42 and scales the gradient by $p_t/(p_t + \varepsilon)$.`, () => {
    expect(epsilonCrossEntropy([-1000, 0, 0], 0, 1e-8)).toBeCloseTo(18.42, 2);
    expect(epsilonAt([-1000, 0, 0], 0, 1e-8).gradientFactor).toBe(0);
    // the widget's backward pass at random logits: chain = p_t/(p_t + ε) · (p − y) in every class, with p by hand
    const logits = fc.array(fc.double({ min: -25, max: 25, noNaN: true }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(logits, fc.nat(2), (z, t) => {
        const e = z.map((v) => Math.exp(v - Math.max(...z)));
        const sum = e.reduce((a, b) => a + b, 0);
        const p = e.map((v) => v / sum);
        const factor = (p[t] as number) / ((p[t] as number) + 1e-8);
        const b = backwardAt(z, t, 1e-8, 'float64');
        b.chain.forEach((g, j) => expect(Math.abs(g - factor * ((p[j] as number) - (j === t ? 1 : 0)))).toBeLessThan(1e-12));
      }),
      { seed: 10 },
    );
  });
  claim('the unfused chain costs the same order, $O(C)$, but divides by $p_t$.', () => {
    const chain = (C: number) => readsOf(C, (p) => softmaxBackwardChain(p, 0, 0));
    expect(chain(1000) / chain(10)).toBeCloseTo(100, 0);
    // the division: u_t = −1/(p_t + ε), so p_t = 0 with ε = 0 is −1/0
    expect(softmaxBackwardChain([0, 0.5, 0.5], 0, 0).upstream[0]).toBe(-Infinity);
    expect(softmaxBackwardChain([0.25, 0.25, 0.5], 0, 0).upstream[0]).toBe(-4);
  });
});
