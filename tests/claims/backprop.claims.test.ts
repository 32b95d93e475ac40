// @vitest-environment jsdom
import { createElement, type ReactElement } from 'react';
import { readFileSync } from 'node:fs';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, expect, vi } from 'vitest';
import prerendered from 'virtual:prerendered-tex/all';
import { accuracy, backward, classify, createWorkspace, forward, initNetwork, trainStep, type Activation, type BatchReduction, type Network } from '../../src/core/network';
import type { Dataset, DatasetKind } from '../../src/core/datasets';
import { createRandom } from '../../src/core/random';
import { backpropFormulaLabel, backpropTex } from '../../src/chapters/backprop/backpropFormula';
import { createBackpropStore, initialBackpropInputs, type BackpropStore, type TrainingPoint } from '../../src/chapters/backprop/backpropStore';
import { BACKPROP_LIMITS } from '../../src/chapters/backprop/backpropLimits';
import { BackpropProvider } from '../../src/chapters/backprop/BackpropContext';
import { activationSlope, backwardPass, hiddenWeightChain, outer, outputWeightChain, sampleRows, type BackwardPass } from '../../src/chapters/backprop/backwardPassMath';
import { allowedDifferenceGap, DIFFERENCE_CHECK, differenceAgrees, weightDifferenceCheck, type DifferenceCheck } from '../../src/chapters/backprop/weightDifferenceCheck';
import {
  advanceBatchRun,
  BATCH_SIZES,
  DEMO_STEPS,
  BLEW_UP_ABOVE,
  gradientNorms,
  LEARNED_BELOW,
  LEARNING_RATES,
  runOutcome,
  startBatchRun,
  type BatchRun,
  type RunOutcome,
} from '../../src/chapters/backprop/batchReductionMath';
import { meanSpread, runKey, type RunResult } from '../../src/chapters/backprop/batchReductionRuns';
import { inlineTrainer, startTrainingLoop } from '../../src/chapters/backprop/trainingLoop';
import { shuffleOrder } from '../../src/core/minibatch';
import { gridPoints, runTraining, trainingRequest, type TrainingSnapshot } from '../../src/chapters/backprop/trainingSession';
import { weightsFile } from '../../src/chapters/backprop/weightsJson';
import { formatNumber } from '../../src/format/formatNumber';
import { registerPrerendered } from '../../src/math/texRuntime';
import { backwardShapesTex, decimalsFor } from '../../src/chapters/backprop/backwardPassFormula';
import { TermScope } from '../../src/math/TermScope';
import { createLabStore } from '../../src/state/createLabStore';
import { LabProvider } from '../../src/state/LabContext';
import { BackpropTrainer } from '../../src/chapters/backprop/BackpropTrainer';
import { BackpropWeights } from '../../src/chapters/backprop/BackpropWeights';
import { BackwardPassExplorer } from '../../src/chapters/backprop/BackwardPassExplorer';
import { BatchReductionDemo } from '../../src/chapters/backprop/BatchReductionDemo';
import { add, big, exp, log, mul, sub, toNumber, ZERO, type BigFloat } from '../core/reference/bigFloat';
import { describeClaims, normaliseProse } from './chapterClaims';

/*
 * Chapter 8, "Backpropagation through a network". Every check replays what the learner sees: the
 * trainer's runs through its own slice function (runTraining, what the worker runs) from the store's
 * own starting state (initialBackpropInputs: blobs of 150 points from data seed 1, initial seed 1,
 * 16 ReLU units, η = 0.3, the mean), the explorer's numbers through backwardPassMath, the demo's runs
 * through batchReductionMath. Reference values come from an independent plain-loop forward and
 * backward pass written here (which also counts its multiply-adds), from closed forms, from the loss in
 * 200-bit arithmetic (BigFloat), or from an exhaustive search, never from the code under test.
 * Sentences about what the widgets show and how they are worked (the heatmaps' colours, clicking and
 * dragging points, the explorer's shapes and checks, the controls of the η = 10 run) are checked on the
 * widgets themselves, rendered in jsdom as the chapter renders them.
 */

// ---------------------------------------------------------------------------------------------
// Replays and references

/** This file's URL (held in a constant, so that Vite does not turn `new URL(…, import.meta.url)` into an import). */
const HERE = import.meta.url;
const LN3 = Math.log(3);
const ACTIVATION_LIST = ['relu', 'tanh', 'sigmoid'] as const;
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

interface RunSettings {
  kind?: DatasetKind;
  hidden?: number;
  activation?: Activation;
  learningRate?: number;
  seed?: number;
}

/** The store's starting state with these settings changed, as the trainer's controls would. */
function trainerStart(s: RunSettings = {}) {
  return initialBackpropInputs({
    ...(s.kind ? { datasetKind: s.kind } : {}),
    ...(s.hidden ? { hidden: s.hidden } : {}),
    ...(s.activation ? { activation: s.activation } : {}),
    ...(s.learningRate ? { learningRate: s.learningRate } : {}),
    ...(s.seed !== undefined ? { initialSeed: s.seed } : {}),
  });
}

/**
 * The trainer's run, slice by slice, through runTraining (what its worker runs for Play and Step):
 * `slice(n)` takes n steps and answers as the trainer's snapshot does.
 */
function trainerRun(s: RunSettings = {}, gridSize = 2) {
  const start = trainerStart(s);
  let network: Network = start.network;
  let step = 0;
  const slice = (steps: number): TrainingSnapshot => {
    const answer = runTraining(
      trainingRequest(1, network, start.dataset, { learningRate: start.learningRate, reduction: start.reduction, steps, startStep: step, gridSize, extent: BACKPROP_LIMITS.extent }),
    );
    if (answer.type !== 'snapshot') throw new Error(answer.message);
    network = { shape: network.shape, params: answer.params };
    step = answer.step;
    return answer;
  };
  return { start, dataset: start.dataset, slice, network: () => network };
}

/** The curves as Play draws them: the snapshot after every slice of stepsPerFrame steps, step 0 first. */
function playCurve(s: RunSettings, until: number): TrainingPoint[] {
  const run = trainerRun(s);
  const points: TrainingPoint[] = [];
  const first = run.slice(0);
  points.push({ step: 0, loss: first.loss, accuracy: first.accuracy });
  while (points[points.length - 1]!.step < until) {
    const a = run.slice(BACKPROP_LIMITS.stepsPerFrame);
    points.push({ step: a.step, loss: a.loss, accuracy: a.accuracy });
  }
  return points;
}
const at = (curve: readonly TrainingPoint[], step: number) => {
  const p = curve.find((q) => q.step === step);
  if (!p) throw new Error(`no point at step ${step}`);
  return p;
};

type Matrix = number[][];

/** A matrix product that counts its multiply-adds. */
function product(a: Matrix, b: Matrix, count: { n: number }): Matrix {
  const rows = a.length;
  const inner = b.length;
  const cols = b[0]!.length;
  expect(a[0]!.length).toBe(inner);
  const out = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) {
    let s = 0;
    for (let k = 0; k < inner; k++) s += a[i]![k]! * b[k]![j]!;
    out[i]![j] = s;
  }
  count.n += rows * inner * cols;
  return out;
}
const transpose = (a: Matrix): Matrix => a[0]!.map((_, j) => a.map((row) => row[j]!));
const matrix = (flat: ArrayLike<number>, rows: number, cols: number): Matrix => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (__, c) => flat[r * cols + c]!));
const f = (act: Activation, z: number) => (act === 'relu' ? Math.max(0, z) : act === 'tanh' ? Math.tanh(z) : 1 / (1 + Math.exp(-z)));
const fPrime = (act: Activation, z: number) => (act === 'relu' ? (z > 0 ? 1 : 0) : act === 'tanh' ? 1 - Math.tanh(z) ** 2 : f(act, z) * (1 - f(act, z)));

/** Mean, unbiased variance (divided by n − 1) and the shares within one and two standard deviations σ = √σ² of 0. */
function sampleStats(values: readonly number[], variance: number) {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const unbiased = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  const sd = Math.sqrt(variance);
  return {
    n,
    mean,
    unbiased,
    withinOne: values.filter((v) => Math.abs(v) <= sd).length / n,
    withinTwo: values.filter((v) => Math.abs(v) <= 2 * sd).length / n,
  };
}

/**
 * Every product of A (shape a) and B (shape b), either transposed or not, one of each, that multiplies out
 * to the shape `want`: "Aᵀ B" for AᵀB, and so on.
 */
function productsOfShape(a: [number, number], b: [number, number], want: [number, number]): string[] {
  const forms = (s: [number, number], name: string) => [{ name, s }, { name: `${name}ᵀ`, s: [s[1], s[0]] as [number, number] }];
  const found: string[] = [];
  for (const first of [...forms(a, 'A'), ...forms(b, 'B')]) for (const second of [...forms(a, 'A'), ...forms(b, 'B')]) {
    if (first.name[0] === second.name[0]) continue;
    if (first.s[1] === second.s[0] && first.s[0] === want[0] && second.s[1] === want[1]) found.push(`${first.name} ${second.name}`);
  }
  return found;
}

/** W₁ b₁ W₂ b₂ of `net`'s shape from one flat list in the core's order. */
function paramsOf(net: Network, theta: readonly number[]): Network['params'] {
  const { hidden: H, outputs: C } = net.shape;
  const cut = [2 * H, 3 * H, 6 * H, 6 * H + C];
  return {
    w1: Float64Array.from(theta.slice(0, cut[0])),
    b1: Float64Array.from(theta.slice(cut[0], cut[1])),
    w2: Float64Array.from(theta.slice(cut[1], cut[2])),
    b2: Float64Array.from(theta.slice(cut[2], cut[3])),
  };
}

/** The reference pass's whole gradient, W₁ b₁ W₂ b₂ in the core's order, at the parameters `theta`. */
function referenceGradient(net: Network, data: Dataset, theta: readonly number[]): number[] {
  const ref = referencePass({ shape: net.shape, params: paramsOf(net, theta) }, data, 'mean');
  return [...ref.dW1.flat(), ...ref.db1, ...ref.dW2.flat(), ...ref.db2];
}

/**
 * A lower bound on the largest eigenvalue λmax of the loss's Hessian at `net`: the Hessian by central
 * differences (step h) of the plain-loop reference gradient, symmetrised, then the Rayleigh quotient
 * vᵀHv/vᵀv of a vector that power iteration (on H + I, so that no negative eigenvalue leads) has turned
 * toward the top eigenvector. Any v gives λmax ≥ vᵀHv/vᵀv, so 2/λmax ≤ 2/quotient. Also returns the
 * largest asymmetry of the differenced Hessian (a difference across a kink would show there).
 */
function curvatureLowerBound(net: Network, data: Dataset, h = 1e-6) {
  const theta = [...net.params.w1, ...net.params.b1, ...net.params.w2, ...net.params.b2];
  const n = theta.length;
  const hessian = theta.map((_, q) => {
    const up = theta.slice();
    const down = theta.slice();
    up[q] = up[q]! + h;
    down[q] = down[q]! - h;
    const [gu, gd] = [referenceGradient(net, data, up), referenceGradient(net, data, down)];
    return gu.map((g, r) => (g - gd[r]!) / (2 * h));
  });
  let asymmetry = 0;
  for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) asymmetry = Math.max(asymmetry, Math.abs(hessian[a]![b]! - hessian[b]![a]!));
  const H = hessian.map((row, a) => row.map((v, b) => (v + hessian[b]![a]!) / 2));
  const times = (v: number[]) => H.map((row) => row.reduce((acc, x, b) => acc + x * v[b]!, 0));
  let v = Array.from({ length: n }, (_, q) => 1 + ((q * 7919) % 13) / 13);
  for (let it = 0; it < 500; it++) {
    const w = times(v).map((x, q) => x + v[q]!);
    const norm = Math.hypot(...w);
    v = w.map((x) => x / norm);
  }
  const Hv = times(v);
  const quotient = v.reduce((acc, x, q) => acc + x * Hv[q]!, 0) / v.reduce((acc, x) => acc + x * x, 0);
  return { quotient, asymmetry };
}

/**
 * The chapter's forward pass and seven backward lines in plain loops, written from the prose, with the
 * multiply-adds of each matrix product counted: the independent reference for the core and the widgets.
 */
function referencePass(net: Network, data: Dataset, reduction: BatchReduction) {
  const { hidden: H, outputs: C, activation } = net.shape;
  const m = data.m;
  const X = matrix(data.x, m, 2);
  const W1 = matrix(net.params.w1, 2, H);
  const W2 = matrix(net.params.w2, H, C);
  const forwardCount = { n: 0 };
  const Z1 = product(X, W1, forwardCount).map((row) => row.map((v, j) => v + net.params.b1[j]!));
  const A1 = Z1.map((row) => row.map((z) => f(activation, z)));
  const Z2 = product(A1, W2, forwardCount).map((row) => row.map((v, k) => v + net.params.b2[k]!));
  const P = Z2.map((row) => {
    // shifted by the row's largest logit, so that the logits of a run that blew up (in the thousands) do not overflow
    const top = Math.max(...row);
    const e = row.map((z) => Math.exp(z - top));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  });
  const t = Array.from(data.labels);
  const Y = t.map((c) => [0, 1, 2].map((k) => (k === c ? 1 : 0)));
  const total = -t.reduce((s, c, i) => s + Math.log(P[i]![c]!), 0);
  const scale = reduction === 'mean' ? 1 / m : 1;
  const backwardCount = { n: 0 };
  const dZ2 = P.map((row, i) => row.map((p, k) => scale * (p - Y[i]![k]!)));
  const dW2 = product(transpose(A1), dZ2, backwardCount);
  const dA1 = product(dZ2, transpose(W2), backwardCount);
  const dZ1 = dA1.map((row, i) => row.map((d, j) => d * fPrime(activation, Z1[i]![j]!)));
  const dW1 = product(transpose(X), dZ1, backwardCount);
  const db1 = W1[0]!.map((_, j) => dZ1.reduce((s, row) => s + row[j]!, 0));
  const db2 = [0, 1, 2].map((k) => dZ2.reduce((s, row) => s + row[k]!, 0));
  return { X, Z1, A1, P, Y, t, dZ2, dA1, dZ1, dW1, dW2, db1, db2, W1, loss: total * scale, forwardCount: forwardCount.n, backwardCount: backwardCount.n };
}

/** The core's gradients as the trainer and the heatmaps get them. */
function coreGradients(net: Network, data: Dataset, reduction: BatchReduction) {
  const ws = createWorkspace(net.shape, data.m);
  const loss = forward(net, data.x, data.labels, data.m, ws, reduction);
  backward(net, data.x, data.labels, data.m, ws, reduction);
  return { loss, ws };
}

/** The trainer's network after `steps` steps of the default run (or one with these settings). */
function trainedNetwork(s: RunSettings, steps: number): Network {
  const run = trainerRun(s);
  while (steps > 0) {
    const n = Math.min(1000, steps);
    run.slice(n);
    steps -= n;
  }
  return run.network();
}

/**
 * The most of the data set's points that any strips can classify: regions bounded by parallel lines,
 * each class at most one strip. Exhaustive: along a direction θ the order of the points' projections
 * changes only where two points project alike, so one θ between each pair of neighbouring critical
 * directions sees every order; for each order, every arrangement of the three classes into up to three
 * consecutive runs is scored by prefix counts.
 */
function bestStrips(data: Dataset) {
  const m = data.m;
  const x = (i: number) => data.x[2 * i]!;
  const y = (i: number) => data.x[2 * i + 1]!;
  const critical: number[] = [];
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) {
    const theta = Math.atan2(y(j) - y(i), x(j) - x(i)) + Math.PI / 2;
    critical.push(((theta % Math.PI) + Math.PI) % Math.PI);
  }
  critical.sort((a, b) => a - b);
  const orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] as const;
  let best = { count: -1, theta: 0, order: orders[0] as readonly number[], cuts: [0, 0], sorted: [] as number[] };
  for (let a = 0; a < critical.length; a++) {
    const next = a + 1 < critical.length ? critical[a + 1]! : critical[0]! + Math.PI;
    const theta = (critical[a]! + next) / 2;
    const u = (i: number) => Math.cos(theta) * x(i) + Math.sin(theta) * y(i);
    const sorted = Array.from({ length: m }, (_, i) => i).sort((p, q) => u(p) - u(q));
    for (const order of orders) {
      const [c1, c2, c3] = order;
      const total3 = sorted.filter((i) => data.labels[i] === c3).length;
      let n1 = 0;
      let n2 = 0;
      let n3 = 0;
      let bestPrefix = { value: 0, cut: 0 };
      for (let j = 0; j <= m; j++) {
        if (n1 - n2 > bestPrefix.value) bestPrefix = { value: n1 - n2, cut: j };
        const count = bestPrefix.value + n2 - n3 + total3;
        if (count > best.count) best = { count, theta, order, cuts: [bestPrefix.cut, j], sorted };
        if (j < m) {
          const label = data.labels[sorted[j]!];
          if (label === c1) n1++;
          if (label === c2) n2++;
          if (label === c3) n3++;
        }
      }
    }
  }
  return best;
}

/** A 2-1-3 ReLU network whose strips are the given arrangement: built by hand, scored by the core. */
function stripNetwork(data: Dataset, strips: ReturnType<typeof bestStrips>): Network {
  const { theta, order, cuts, sorted } = strips;
  const u = (i: number) => Math.cos(theta) * data.x[2 * i]! + Math.sin(theta) * data.x[2 * i + 1]!;
  const first = u(sorted[0]!);
  const last = u(sorted[sorted.length - 1]!);
  const offset = first - 1; // a = u − offset ≥ 1 on every point: the ramp is on
  const cutAt = (c: number) => (c === 0 ? first - 0.5 : c === sorted.length ? last + 0.5 : (u(sorted[c - 1]!) + u(sorted[c]!)) / 2) - offset;
  const [a1, a2] = [cutAt(cuts[0]!), cutAt(cuts[1]!)];
  // logits in a: 0 for the first strip's class, a − a1 for the second's, 2a − a1 − a2 for the third's
  const w2 = new Float64Array(3);
  const b2 = new Float64Array(3);
  w2[order[1]!] = 1;
  b2[order[1]!] = -a1;
  w2[order[2]!] = 2;
  b2[order[2]!] = -a1 - a2;
  return {
    shape: { inputs: 2, hidden: 1, outputs: 3, activation: 'relu' },
    params: { w1: Float64Array.from([Math.cos(theta), Math.sin(theta)]), b1: Float64Array.from([-offset]), w2, b2 },
  };
}

/** The classes met walking the trainer's region grid in order of x₁(W₁)₁₁ + x₂(W₁)₂₁, runs of one class merged. */
function classRunsAcrossLines(net: Network, regions: Uint8Array): number[] {
  const size = BACKPROP_LIMITS.grid;
  const grid = gridPoints(size, BACKPROP_LIMITS.extent);
  const [w11, w21] = [net.params.w1[0]!, net.params.w1[1]!];
  const u = (i: number) => w11 * grid[2 * i]! + w21 * grid[2 * i + 1]!;
  const cells = Array.from({ length: size * size }, (_, i) => i).sort((p, q) => u(p) - u(q));
  const runs: number[] = [];
  for (const c of cells) if (runs[runs.length - 1] !== regions[c]) runs.push(regions[c]!);
  return runs;
}

/** Does the trainer's picture show class `c` reaching the edge of the plotted square? */
function touchesEdge(regions: Uint8Array, c: number): boolean {
  const n = BACKPROP_LIMITS.grid;
  for (let i = 0; i < n; i++) {
    if ([regions[i], regions[(n - 1) * n + i], regions[i * n], regions[i * n + n - 1]].includes(c)) return true;
  }
  return false;
}

/** The trainer's picture after `steps` steps. */
function regionsAfter(s: RunSettings, steps: number) {
  const run = trainerRun(s, BACKPROP_LIMITS.grid);
  let answer = run.slice(0);
  while (answer.step < steps) answer = run.slice(Math.min(1000, steps - answer.step));
  return { regions: answer.regions, accuracy: answer.accuracy, network: run.network() };
}

/** The page's animation frames by hand, 40 ms apart by default: each may send a slice. */
function manualFrames(frameMs = 40) {
  const queue: (() => void)[] = [];
  let time = 0;
  return {
    clock: { frame: (cb: () => void) => queue.push(cb), cancelFrame: () => {}, now: () => time },
    async run(frames: number) {
      for (let i = 0; i < frames; i++) {
        time += frameMs;
        queue.splice(0).forEach((cb) => cb());
        await new Promise((r) => setTimeout(r, 0));
      }
    },
  };
}

/** Play on a store until at least `steps` steps, then pause and let the last answer land. */
async function playOn(store: BackpropStore, frames: ReturnType<typeof manualFrames>, steps: number) {
  store.getState().setRunning(true);
  while (store.getState().step < steps) await frames.run(1);
  store.getState().setRunning(false);
  await frames.run(3);
}

/** The demo's 50 runs (5 rates × 5 batch sizes × 2 reductions), trained once. */
let demoRuns: Map<string, { run: BatchRun; outcome: RunOutcome }> | null = null;
function demo(rate: number, reduction: BatchReduction, m: number) {
  if (!demoRuns) {
    demoRuns = new Map();
    for (const r of LEARNING_RATES) for (const red of ['mean', 'sum'] as const) for (const size of BATCH_SIZES) {
      const run = startBatchRun(size, red, r);
      while (!advanceBatchRun(run, 100));
      demoRuns.set(`${r}/${red}/${size}`, { run, outcome: runOutcome(run) });
    }
  }
  return demoRuns.get(`${rate}/${reduction}/${m}`)!;
}
/** η·m as the table writes it (0.03 · 100 is 3.0000000000000004 in floating point). */
const etaM = (rate: number, m: number) => Math.round(rate * m * 1e6) / 1e6;
/** The smallest batch at which the sum blows up at this rate (∞ if none). */
const breakingPoint = (rate: number) => BATCH_SIZES.find((m) => demo(rate, 'sum', m).outcome.verdict === 'blewUp') ?? Infinity;

// ---------------------------------------------------------------------------------------------
// The explorer's numerical check (finding: a nudge across ReLU's kink is no derivative)

/** Trained networks, memoised: several claims look at the same states. */
const trainedMemo = new Map<string, Network>();
function trainedAt(s: RunSettings, steps: number): Network {
  const key = JSON.stringify([s, steps]);
  if (!trainedMemo.has(key)) trainedMemo.set(key, trainedNetwork(s, steps));
  return trainedMemo.get(key)!;
}
/** The explorer's pass on the trainer's run after `steps` steps. */
const explorerPass = (s: RunSettings, steps: number, reduction: BatchReduction = 'mean') => backwardPass(trainedAt(s, steps), trainerStart(s).dataset, reduction);

/**
 * The states the check is replayed at: the three data sets with the default settings up to step 3000,
 * both reductions; tanh and sigmoid; a network of 3 units; and the η = 10 run that blows up (steps 1–4).
 */
const CHECK_STATES: { s: RunSettings; steps: number; reduction: BatchReduction }[] = [
  ...(['blobs', 'rings', 'spirals'] as const).flatMap((kind) =>
    [0, 140, 300, 360, 660, 1000, 3000].flatMap((steps) => (['mean', 'sum'] as const).map((reduction) => ({ s: { kind }, steps, reduction })))),
  ...(['tanh', 'sigmoid'] as const).flatMap((activation) => [0, 300].map((steps) => ({ s: { kind: 'rings' as const, activation }, steps, reduction: 'mean' as const }))),
  { s: { kind: 'spirals', hidden: 3 }, steps: 500, reduction: 'mean' },
  ...[1, 2, 3, 4].map((steps) => ({ s: { learningRate: 10 }, steps, reduction: 'mean' as const })),
];

interface CheckedWeight {
  state: (typeof CHECK_STATES)[number];
  layer: 1 | 2;
  index: number;
  gradient: number;
  /** the plain-loop reference pass's gradient */
  reference: number;
  check: DifferenceCheck;
  pass: BackwardPass;
}
/** Every weight of W₁ and W₂ at every state, checked as the explorer checks it. */
let checkedMemo: CheckedWeight[] | null = null;
function everyCheck(): CheckedWeight[] {
  if (checkedMemo) return checkedMemo;
  checkedMemo = [];
  for (const state of CHECK_STATES) {
    const pass = explorerPass(state.s, state.steps, state.reduction);
    const ref = referencePass(pass.net, pass.data, state.reduction);
    for (const layer of [1, 2] as const) {
      const grads = layer === 1 ? pass.ws.grads.w1 : pass.ws.grads.w2;
      const reference = layer === 1 ? ref.dW1.flat() : ref.dW2.flat();
      for (let index = 0; index < grads.length; index++) {
        checkedMemo.push({ state, layer, index, gradient: grads[index]!, reference: reference[index]!, check: weightDifferenceCheck(pass, layer, index), pass });
      }
    }
  }
  return checkedMemo;
}

/** Sample i's pre-activation in unit j with (W₁)ᵣⱼ set to w, in plain arithmetic. */
function preActivation(net: Network, data: Dataset, i: number, j: number, r: number, w: number): number {
  const H = net.shape.hidden;
  const weight = (q: number) => (q === r ? w : net.params.w1[q * H + j]!);
  return data.x[2 * i]! * weight(0) + data.x[2 * i + 1]! * weight(1) + net.params.b1[j]!;
}

/**
 * The loss of a ReLU network to 200 bits (BigFloat, independent of the core): −ln p_t by log-sum-exp
 * for each sample, summed, with weight `index` of W₁ or W₂ set to `w`. Returned unreduced.
 */
function bigLoss(net: Network, data: Dataset, layer: 1 | 2, index: number, w: number): BigFloat {
  const { hidden: H, outputs: C } = net.shape;
  const w1 = Array.from(net.params.w1);
  const w2 = Array.from(net.params.w2);
  (layer === 1 ? w1 : w2)[index] = w;
  let total = ZERO;
  for (let i = 0; i < data.m; i++) {
    const a = Array.from({ length: H }, (_, j) => {
      const z = add(add(mul(big(data.x[2 * i]!), big(w1[j]!)), mul(big(data.x[2 * i + 1]!), big(w1[H + j]!))), big(net.params.b1[j]!));
      return z.m > 0n ? z : ZERO;
    });
    const logits = Array.from({ length: C }, (_, k) => a.reduce((acc, aj, j) => add(acc, mul(aj, big(w2[j * C + k]!))), big(net.params.b2[k]!)));
    const lse = log(logits.reduce((acc, z) => add(acc, exp(z)), ZERO));
    total = add(total, sub(lse, logits[data.labels[i]!]!));
  }
  return total;
}
/** The exact central difference over the same two doubles w ± h as the check took. */
function exactDifference(pass: BackwardPass, layer: 1 | 2, index: number, step: number): number {
  const w = (layer === 1 ? pass.net.params.w1 : pass.net.params.w2)[index]!;
  const [up, down] = [w + step, w - step];
  const scale = pass.reduction === 'mean' ? pass.m : 1;
  return toNumber(sub(bigLoss(pass.net, pass.data, layer, index, up), bigLoss(pass.net, pass.data, layer, index, down))) / scale / (up - down);
}

/** The six states where the review found a nudge across the kink: data set, step, (W₁)ᵣⱼ counted from 1. */
const KINK_CASES = [
  { kind: 'blobs', steps: 360, r: 2, j: 9 },
  { kind: 'blobs', steps: 1000, r: 1, j: 6 },
  { kind: 'blobs', steps: 3000, r: 1, j: 6 },
  { kind: 'rings', steps: 660, r: 1, j: 6 },
  { kind: 'spirals', steps: 140, r: 2, j: 1 },
  { kind: 'spirals', steps: 3000, r: 2, j: 12 },
] as const;

// ---------------------------------------------------------------------------------------------
// Widgets rendered in jsdom, as the chapter page renders them

// jsdom has no 2-D canvas: the regions are not painted, everything else runs
vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
registerPrerendered(prerendered);
/** The chapter's run for this test: each test starts from a fresh one. */
let backpropStore: BackpropStore = createBackpropStore();
afterEach(() => {
  cleanup();
  window.location.hash = '';
  backpropStore = createBackpropStore();
});

/** Widgets inside the lab store, the chapter's run and the term scope a chapter page gives them. */
function renderInChapter(...widgets: ReactElement[]) {
  const store = createLabStore({});
  const inRun = createElement(BackpropProvider, { store: backpropStore, children: createElement(TermScope, { children: widgets }) });
  return render(createElement(LabProvider, { store, children: inRun }));
}
/** The chapter's store at a network trained `steps` steps with these settings, its gradient and regions computed. */
function storeAt(s: RunSettings, steps: number) {
  const start = trainerStart(s);
  const network = trainedAt(s, steps);
  const answer = runTraining(trainingRequest(1, network, start.dataset, { learningRate: start.learningRate, reduction: start.reduction, steps: 0, startStep: steps, gridSize: BACKPROP_LIMITS.grid, extent: BACKPROP_LIMITS.extent }));
  if (answer.type !== 'snapshot') throw new Error(answer.message);
  backpropStore.setState({ ...start, network, step: steps, gradients: answer.gradients, regions: answer.regions, history: [{ step: steps, loss: answer.loss, accuracy: answer.accuracy }] });
  return { network, dataset: start.dataset };
}
/** A number as formatNumber writes it, "−0.0123" or "4.5 × 10⁻⁶", and the unit of its last digit. */
function readShown(text: string): { value: number; unit: number } {
  const plain = text.replace(/−/g, '-').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]/g, (c) => String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c) >= 0 ? '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c) : '-'));
  const [mantissa, power] = plain.split(' × 10') as [string, string | undefined];
  const exponent = power === undefined ? 0 : Number(power);
  const decimals = mantissa.split('.')[1]?.length ?? 0;
  return { value: Number(mantissa) * 10 ** exponent, unit: 10 ** (exponent - decimals) };
}

/** The trainer's loss as its readout holds it (NaN while the step is not evaluated yet). */
function shownLoss(): number {
  const value = screen.getByTestId('bp-loss').getAttribute('data-value');
  return value === null ? NaN : Number(value);
}
/** A hex colour's hue in degrees. */
function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((q) => parseInt(hex.slice(q, q + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

describeClaims('backprop', (claim) => {
  // -------------------------------------------------------------------------------------------
  // The network

  claim('its pre-activation $u_j = x_1 (W_1)_{1j} + x_2 (W_1)_{2j} + (b_1)_j$', () => {
    // (W₁)_{rj} is row r, column j of W₁ (2 × H, the core's w1[r·H + j]); the core's Z₁ holds exactly
    // these sums, and the explorer's (W₁)₂,₅ is that entry
    const net = trainedAt({}, 300);
    const { dataset } = trainerStart();
    const ws = createWorkspace(net.shape, 150);
    forward(net, dataset.x, dataset.labels, 150, ws);
    const W = (r: number, j: number) => net.params.w1[(r - 1) * 16 + (j - 1)]!;
    for (const i of [0, 41, 149]) for (let j = 1; j <= 16; j++) {
      const u = dataset.x[2 * i]! * W(1, j) + dataset.x[2 * i + 1]! * W(2, j) + net.params.b1[j - 1]!;
      expect(Math.abs(ws.z1[i * 16 + j - 1]! - u)).toBeLessThanOrEqual(4 * Number.EPSILON * (Math.abs(u) + 1));
    }
    const chain = hiddenWeightChain(backwardPass(net, dataset, 'mean'), 1, 4, 0);
    expect(chain.x).toBe(dataset.x[1]); // (W₁)₂,₅ multiplies x₂
    expect(chain.backprop).toBe(coreGradients(net, dataset, 'mean').ws.grads.w1[16 + 4]);
  });

  claim("In this chapter $i$ counts the points (the notation box's $n$), $j$ the hidden units and $k$ the classes.", () => {
    const box = readFileSync(new URL('../../content/shared/notation.mdx', HERE), 'utf8');
    expect(box).toContain('$t_n$ is the true class of example $n$');
    // the widgets name them so: sample i, hidden units h1 …, classes k1 … k3, in the trainer's W₂ as in the explorer
    storeAt({}, 0);
    renderInChapter(createElement(BackpropWeights), createElement(BackwardPassExplorer));
    const headers = (testId: string) => within(screen.getByTestId(testId)).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers('bp-heatmap-W2')).toEqual(['k1', 'k2', 'k3']);
    expect(headers('bp-heatmap-dW2')).toEqual(['k1', 'k2', 'k3']);
    expect(headers('bp-heatmap-W1')).toEqual(Array.from({ length: 16 }, (_, j) => `h${j + 1}`));
    expect(screen.getByRole('button', { name: /^W2 from h3 to k2 = / })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^dW2, row 3, column 2:/ })).toBeTruthy();
    const explorerW2 = screen.getByRole('table', { name: /^dW₂ = A₁ᵀ dZ₂/ });
    expect(within(explorerW2).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['k1', 'k2', 'k3']);
    expect(screen.getByRole('textbox', { name: 'Sample i' })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\bz[123]\b/);
  });

  claim('one-hot target, $-\\ln p_t$ for a point of class $t$', () => {
    const { network, dataset } = trainerStart();
    for (const i of [0, 1, 2, 77]) {
      const one: Dataset = { x: dataset.x.slice(2 * i, 2 * i + 2), labels: dataset.labels.slice(i, i + 1), m: 1, classes: 3 };
      const ref = referencePass(network, one, 'mean');
      const t = dataset.labels[i]!;
      expect(relative(coreGradients(network, one, 'mean').loss, -Math.log(ref.P[0]![t]!))).toBeLessThan(1e-13);
    }
  });

  // -------------------------------------------------------------------------------------------
  // The forward pass in matrix form

  claim("With $m$ points and $H$ hidden units ($H$ here, not chapter 6's Hessian; 16 unless you change it)", () => {
    // chapter 6 names its Hessian H
    const chapter6 = normaliseProse(readFileSync(new URL('../../content/logistic-regression.mdx', HERE), 'utf8'));
    expect(chapter6).toContain('with $H$ the Hessian at the minimum');
    // the trainer starts with 16, and its slider named H sets how many units the network has
    expect(initialBackpropInputs().hidden).toBe(16);
    expect(initialBackpropInputs().network.shape.hidden).toBe(16);
    renderInChapter(createElement(BackpropTrainer, { trainer: inlineTrainer }));
    const slider = screen.getByRole('slider', { name: 'hidden units H' });
    expect((slider as HTMLInputElement).value).toBe('16');
    fireEvent.change(slider, { target: { value: '5' } });
    const { network } = backpropStore.getState();
    expect(network.shape.hidden).toBe(5);
    expect([network.params.w1.length, network.params.b1.length, network.params.w2.length]).toEqual([2 * 5, 5, 5 * 3]);
  });

  claim("$Z_1$ holds the hidden layer's pre-activations, not logits; only $Z_2$ holds logits, the notation box's $Z$", () => {
    const net = trainedAt({ kind: 'rings' }, 300);
    const { dataset } = trainerStart({ kind: 'rings' });
    const ref = referencePass(net, dataset, 'mean');
    const { ws, loss } = coreGradients(net, dataset, 'mean');
    let negative = 0;
    for (let i = 0; i < 150; i++) {
      // Z₁: the weighted sums X W₁ + b₁ themselves, before the activation (so some are negative)
      for (let j = 0; j < 16; j++) {
        expect(Math.abs(ws.z1[16 * i + j]! - ref.Z1[i]![j]!)).toBeLessThanOrEqual(1e-14 * (1 + Math.abs(ref.Z1[i]![j]!)));
        if (ws.z1[16 * i + j]! < 0) negative++;
      }
      // Z₂: what softmax turns into P, row by row: the logits
      const z = Array.from(ws.z2.subarray(3 * i, 3 * i + 3));
      const e = z.map((v) => Math.exp(v - Math.max(...z)));
      e.forEach((v, k) => expect(Math.abs(v / e.reduce((a, b) => a + b, 0) - ws.p[3 * i + k]!)).toBeLessThan(1e-15));
    }
    expect(negative).toBeGreaterThan(100);
    // the loss is −ln p_t of the softmax of Z₂'s rows
    expect(relative(loss, ref.loss)).toBeLessThan(1e-13);
    const box = readFileSync(new URL('../../content/shared/notation.mdx', HERE), 'utf8');
    expect(box).toContain('the **logits**');
    expect(box).toContain('stacks them as the rows of $Z$, $P$ and $Y$');
  });

  claim('L = -\\frac{1}{m} \\sum_{i=1}^{m} \\ln P_{i,\\,t_i}.', () => {
    // the trainer's step-0 loss is the mean of −ln P[i, t_i]; its live formula writes t_i and ln
    const { start, slice } = trainerRun();
    const ref = referencePass(start.network, start.dataset, 'mean');
    expect(relative(slice(0).loss, ref.loss)).toBeLessThan(1e-13);
    const tex = backpropTex({ m: 150, hidden: 16, reduction: 'mean', loss: ref.loss, step: 0 }).flat().join(' ');
    expect(tex).toContain('\\ln P_{i,\\,t_i}');
    expect(tex).not.toMatch(/y_i|\\log/);
    expect(backpropFormulaLabel({ m: 150, hidden: 16, reduction: 'mean', loss: ref.loss, step: 0 })).toMatch(/minus ln P\(i, t_i\)/);
  });

  claim('The network has $2H + H + 3H + 3 = 6H + 3$ parameters: 99 with sixteen hidden units.', () => {
    for (let h = BACKPROP_LIMITS.hidden.min; h <= BACKPROP_LIMITS.hidden.max; h++) {
      const { w1, b1, w2, b2 } = trainerStart({ hidden: h }).network.params;
      expect([w1.length, b1.length, w2.length, b2.length]).toEqual([2 * h, h, 3 * h, 3]);
      expect(w1.length + b1.length + w2.length + b2.length).toBe(6 * h + 3);
    }
    expect(6 * 16 + 3).toBe(99);
  });

  claim("each drawn from a normal distribution with mean 0 and variance $2/n_{\\text{in}}$ for ReLU (He initialisation) or $2/(n_{\\text{in}} + n_{\\text{out}})$ for tanh and the sigmoid (Glorot initialisation), where $n_{\\text{in}}$ and $n_{\\text{out}}$ count the inputs and outputs of the weight's layer: 2 and $H$ for $W_1$, $H$ and 3 for $W_2$. The biases start at 0.", () => {
    // one network has few weights (32 in W₁ at H = 16), so pool the draws of many seeds: about 64 000
    // weights per matrix. The unbiased variance then has a relative standard error of √(2/n) ≈ 0.6 %;
    // 3 % is five of those, and He and Glorot differ by 16 % or more at these sizes.
    const he = (fanIn: number) => 2 / fanIn;
    const glorot = (fanIn: number, fanOut: number) => 2 / (fanIn + fanOut);
    for (const hidden of [3, 16]) {
      const seeds = Math.ceil(64_000 / (2 * hidden));
      for (const activation of ACTIVATION_LIST) {
        const w1: number[] = [];
        const w2: number[] = [];
        for (let seed = 1; seed <= seeds; seed++) {
          const { params } = initNetwork({ inputs: 2, hidden, outputs: 3, activation }, seed);
          w1.push(...params.w1);
          w2.push(...params.w2);
          expect([...params.b1, ...params.b2].every((b) => b === 0)).toBe(true);
          expect([params.b1.length, params.b2.length]).toEqual([hidden, 3]);
        }
        const expected = activation === 'relu' ? [he(2), he(hidden)] : [glorot(2, hidden), glorot(hidden, 3)];
        const other = activation === 'relu' ? [glorot(2, hidden), glorot(hidden, 3)] : [he(2), he(hidden)];
        [w1, w2].forEach((values, layer) => {
          const variance = expected[layer]!;
          const stats = sampleStats(values, variance);
          expect(Math.abs(stats.unbiased / variance - 1), `${activation} H = ${hidden} W${layer + 1}`).toBeLessThan(0.03);
          expect(Math.abs(other[layer]! / variance - 1)).toBeGreaterThan(0.06); // the other scheme would fail
          expect(Math.abs(stats.mean)).toBeLessThan(5 * Math.sqrt(variance / stats.n));
          // normal: 68.27 % within one standard deviation and 95.45 % within two (erf(1/√2), erf(√2))
          expect(Math.abs(stats.withinOne - 0.6826894921370859)).toBeLessThan(0.01);
          expect(Math.abs(stats.withinTwo - 0.9544997361036416)).toBeLessThan(0.005);
        });
      }
    }
    // and it is what the trainer starts from: its network for a seed is initNetwork's for that seed
    for (const seed of [1, 9]) for (const activation of ACTIVATION_LIST) {
      const start = trainerStart({ seed, activation }).network;
      const drawn = initNetwork({ inputs: 2, hidden: 16, outputs: 3, activation }, seed);
      expect(Array.from(start.params.w1)).toEqual(Array.from(drawn.params.w1));
      expect(Array.from(start.params.w2)).toEqual(Array.from(drawn.params.w2));
      expect([...start.params.b1, ...start.params.b2].every((b) => b === 0)).toBe(true);
    }
  });

  // -------------------------------------------------------------------------------------------
  // Backpropagation

  claim('the gradient with respect to the logits is $P - Y$ (divided by $m$ for the mean)', () => {
    const { network, dataset } = trainerStart();
    for (const reduction of ['mean', 'sum'] as const) {
      const { ws } = coreGradients(network, dataset, reduction);
      const ref = referencePass(network, dataset, reduction);
      const scale = reduction === 'mean' ? 1 / 150 : 1;
      for (let i = 0; i < 150; i++) for (let k = 0; k < 3; k++) {
        expect(Math.abs(ws.dz2[3 * i + k]! - scale * (ref.P[i]![k]! - ref.Y[i]![k]!))).toBeLessThan(1e-15);
      }
    }
  });

  claim("For ReLU that slope is $f'(u) = 1$ for $u > 0$ and $0$ for $u < 0$ (at the kink $u = 0$ it has none, and the code takes 0); for tanh it is $f'(u) = 1 - \\tanh^2 u$, and for the sigmoid $f'(u) = \\sigma(u)\\big(1 - \\sigma(u)\\big)$ (chapter 5).", () => {
    const act = { relu: (u: number) => Math.max(0, u), tanh: Math.tanh, sigmoid: (u: number) => 1 / (1 + Math.exp(-u)) };
    const slope = {
      relu: (u: number) => (u > 0 ? 1 : 0),
      tanh: (u: number) => 1 - Math.tanh(u) ** 2,
      sigmoid: (u: number) => act.sigmoid(u) * (1 - act.sigmoid(u)),
    };
    // against central differences of the activations themselves, away from ReLU's kink
    const h = 1e-5;
    const us = Array.from({ length: 81 }, (_, q) => -6 + 0.15 * q + 0.0123);
    for (const name of ACTIVATION_LIST) for (const u of us) {
      const difference = (act[name](u + h) - act[name](u - h)) / (2 * h);
      expect(Math.abs(difference - slope[name](u)), `${name} at ${u}`).toBeLessThan(1e-8);
    }
    // the three formulas are different functions (tanh′(0) = 1, σ′(0) = 1/4)
    expect([slope.tanh(0), slope.sigmoid(0)]).toEqual([1, 0.25]);
    // at the kink ReLU has no slope: from the left 0, from the right 1, and the central difference 1/2 is neither
    expect((act.relu(0) - act.relu(-h)) / h).toBe(0);
    expect((act.relu(h) - act.relu(0)) / h).toBe(1);
    expect((act.relu(h) - act.relu(-h)) / (2 * h)).toBe(0.5);
    // the core's backward pass: a 1-1-3 network with z₁ = u, so that dZ₁ / dA₁ is f′(u), u = 0 included
    const points = [...us, 0, -0, 1e-300, -1e-300];
    for (const activation of ACTIVATION_LIST) {
      const net: Network = {
        shape: { inputs: 1, hidden: 1, outputs: 3, activation },
        params: { w1: Float64Array.from([1]), b1: Float64Array.from([0]), w2: Float64Array.from([1, -2, 0.5]), b2: Float64Array.from([0, 0, 0]) },
      };
      const m = points.length;
      const ws = createWorkspace(net.shape, m);
      const x = Float64Array.from(points);
      const labels = new Int32Array(m);
      forward(net, x, labels, m, ws);
      backward(net, x, labels, m, ws);
      points.forEach((u, i) => {
        expect(ws.da1[i]).not.toBe(0);
        expect(Math.abs(ws.dz1[i]! / ws.da1[i]! - slope[activation](u)), `${activation} at ${u}`).toBeLessThanOrEqual(4 * Number.EPSILON);
      });
      // and the explorer's f′ column takes the same value at the kink
      expect(activationSlope(activation, 0)).toBe(slope[activation](0));
    }
    expect(activationSlope('relu', 0)).toBe(0);
    const chapter5 = readFileSync(new URL('../../content/binary-cross-entropy.mdx', HERE), 'utf8');
    expect(chapter5).toContain('&= \\sigma(z)\\,\\big(1 - \\sigma(z)\\big)');
  });

  claim('The forward pass has two, $X W_1$ and $A_1 W_2$: $2mH + 3mH = 5mH$ multiply-adds.', () => {
    for (const hidden of [1, 16, 32]) {
      const { network, dataset } = trainerStart({ hidden });
      expect(referencePass(network, dataset, 'mean').forwardCount).toBe(5 * 150 * hidden);
    }
  });

  claim('$3mH + 3mH + 2mH = 8mH$ multiply-adds, 1.6 times the forward pass. With that skipped product it would be $10mH$, exactly twice.', () => {
    // the three products give the core's whole gradient: nothing else is needed
    const net = trainedNetwork({}, 40);
    const { dataset } = trainerStart();
    const ref = referencePass(net, dataset, 'mean');
    const { ws } = coreGradients(net, dataset, 'mean');
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-13 * Math.max(1e-3, Math.abs(b)));
    ref.dW1.flat().forEach((v, q) => close(v, ws.grads.w1[q]!));
    ref.dW2.flat().forEach((v, q) => close(v, ws.grads.w2[q]!));
    ref.db1.forEach((v, q) => close(v, ws.grads.b1[q]!));
    ref.db2.forEach((v, q) => close(v, ws.grads.b2[q]!));
    const mH = 150 * 16;
    expect(ref.backwardCount).toBe(8 * mH);
    expect(ref.backwardCount / ref.forwardCount).toBe(1.6);
    // dX = dZ₁ W₁ᵀ, which nothing needs, is the first layer's second product: m × H × 2
    const dXCount = { n: 0 };
    product(ref.dZ1, transpose(ref.W1), dXCount);
    expect((ref.backwardCount + dXCount.n) / ref.forwardCount).toBe(2);
  });

  claim('one backward pass gives every one of the $6H + 3$ partial derivatives', () => {
    // the trainer's gradient (what the heatmaps show) has 99 entries, each a central difference of the loss
    const { start, slice } = trainerRun();
    const g = slice(0).gradients;
    const entries = [g.w1, g.b1, g.w2, g.b2];
    expect(entries.reduce((n, a) => n + a.length, 0)).toBe(99);
    const net = start.network;
    const loss = (params: Network['params']) => coreGradients({ shape: net.shape, params }, start.dataset, 'mean').loss;
    (['w1', 'b1', 'w2', 'b2'] as const).forEach((name, which) => {
      for (let q = 0; q < net.params[name].length; q++) {
        const nudged = (d: number) => {
          const copy = { w1: net.params.w1.slice(), b1: net.params.b1.slice(), w2: net.params.w2.slice(), b2: net.params.b2.slice() };
          copy[name][q] = copy[name][q]! + d;
          return loss(copy);
        };
        // one point's z₁ is 3.3 × 10⁻⁶ from ReLU's kink at the start: h stays below that
        const h = 1e-6;
        const difference = (nudged(h) - nudged(-h)) / (2 * h);
        expect(Math.abs(difference - entries[which]![q]!)).toBeLessThan(1e-8);
      }
    });
  });

  // -------------------------------------------------------------------------------------------
  // Train it

  claim('The heatmaps show $W_1$ and $W_2$ and the gradient of the loss with respect to each at the current weights, cell by cell, in one hue for positive values and another for negative ones', () => {
    const { network, dataset } = storeAt({ kind: 'rings' }, 300);
    const ref = referencePass(network, dataset, 'mean');
    renderInChapter(createElement(BackpropWeights));
    const panes = { W1: Array.from(network.params.w1), dW1: ref.dW1.flat(), W2: Array.from(network.params.w2), dW2: ref.dW2.flat() };
    let positive = 0;
    let negative = 0;
    for (const [name, values] of Object.entries(panes)) {
      const cells = within(screen.getByTestId(`bp-heatmap-${name}`)).getAllByRole('button');
      expect(cells).toHaveLength(values.length);
      cells.forEach((cell, q) => {
        const v = values[q]!;
        // the number is the cell's value at the current weights, to the decimals shown; a power of ten
        // the whole table shares is said once in its title, and in full in the cell's name
        const named = (cell.getAttribute('aria-label') ?? '').split(' = ').pop() ?? '';
        expect(named.split(' × 10')[0]).toBe(cell.textContent);
        const { value, unit } = readShown(named);
        expect(Math.abs(value - v)).toBeLessThanOrEqual(0.5 * unit * 1.000001);
        // and its colour is the positive or the negative hue, mixed by |value|
        const style = cell.getAttribute('style') ?? '';
        if (v > 0) positive++;
        if (v < 0) negative++;
        expect(style).toContain(v >= 0 ? 'var(--positive)' : 'var(--negative)');
      });
    }
    expect(positive).toBeGreaterThan(30);
    expect(negative).toBeGreaterThan(30);
    // two hues far apart, in the light theme and the dark one: blue and red, as the hint above them says
    const theme = readFileSync(new URL('../../src/styles/theme.css', HERE), 'utf8');
    const [light, dark] = [theme.indexOf('--positive'), theme.lastIndexOf('--positive')];
    expect(dark).toBeGreaterThan(light);
    for (const at of [light, dark]) {
      const block = theme.slice(at, at + 80);
      const [pos, neg] = [/--positive: (#[0-9a-f]{6})/.exec(block)![1]!, /--negative: (#[0-9a-f]{6})/.exec(block)![1]!];
      expect(hue(pos)).toBeGreaterThan(200);
      expect(hue(pos)).toBeLessThan(250);
      expect(Math.min(hue(neg), 360 - hue(neg))).toBeLessThan(15);
    }
    expect(screen.getByText(/^Blue cells are positive, red negative/)).toBeTruthy();
  });

  claim('Play trains in slices of 20 gradient steps, and after every slice redraws the regions and adds a point to the curves; Step takes a single step. By default each step uses all the points at once (full-batch gradient descent).', async () => {
    expect(BACKPROP_LIMITS.stepsPerFrame).toBe(20);
    const store = createBackpropStore();
    const frames = manualFrames();
    const loop = startTrainingLoop(store, inlineTrainer(), frames.clock);
    await frames.run(2);
    const pictures = new Set<Uint8Array>();
    const first = store.getState().regions;
    const unsubscribe = store.subscribe((s) => s.regions && s.regions !== first && pictures.add(s.regions));
    await playOn(store, frames, 100);
    unsubscribe();
    const history = store.getState().history;
    expect(history.map((p) => p.step)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(pictures.size).toBe(5);
    // full batch: each slice equals 20 core steps on all 150 points
    const { network, dataset } = trainerStart();
    const ws = createWorkspace(network.shape, 150);
    for (let s = 0; s < 100; s++) trainStep(network, dataset.x, dataset.labels, 150, ws, 0.3, 'mean');
    expect(Array.from(store.getState().network.params.w1)).toEqual(Array.from(network.params.w1));
    loop.step(1);
    await frames.run(3);
    expect(store.getState().step).toBe(101);
    loop.stop();
  });

  claim('Lower the batch size $B$ below the $m$ points and each step takes only the next $B$ of them, in an order reshuffled every epoch (the last step of an epoch takes the points that are left, its loss the mean over those), so that an epoch of $\\lceil m/B \\rceil$ steps uses every point once.', async () => {
    // B = 40 of the 150 blob points: ⌈150/40⌉ = 4 steps an epoch, of 40, 40, 40 and 30 points
    const store = createBackpropStore();
    store.getState().setBatchSize(40);
    const frames = manualFrames();
    const loop = startTrainingLoop(store, inlineTrainer(), frames.clock);
    await frames.run(2);
    loop.step(8);
    while (store.getState().step < 8) await frames.run(1);
    loop.stop();
    // the same two epochs by hand: each step is one full-batch trainStep on its B points alone
    const { network, dataset } = trainerStart();
    const order = new Int32Array(150);
    const ws = createWorkspace(network.shape, 40);
    const epochs: number[][] = [];
    for (let epoch = 0; epoch < 2; epoch++) {
      shuffleOrder(1, epoch, order);
      epochs.push(Array.from(order));
      for (let from = 0; from < 150; from += 40) {
        const rows = Array.from(order.subarray(from, Math.min(150, from + 40)));
        const x = Float64Array.from(rows.flatMap((r) => [dataset.x[2 * r] as number, dataset.x[2 * r + 1] as number]));
        const labels = Int32Array.from(rows.map((r) => dataset.labels[r] as number));
        trainStep(network, x, labels, rows.length, ws, 0.3, 'mean');
      }
    }
    expect(Array.from(store.getState().network.params.w1)).toEqual(Array.from(network.params.w1));
    expect(Array.from(store.getState().network.params.w2)).toEqual(Array.from(network.params.w2));
    expect(Array.from(store.getState().network.params.b1)).toEqual(Array.from(network.params.b1));
    expect(Array.from(store.getState().network.params.b2)).toEqual(Array.from(network.params.b2));
    // every point once an epoch, in another order each epoch
    for (const epoch of epochs) expect([...epoch].sort((a, b) => a - b)).toEqual(Array.from({ length: 150 }, (_, i) => i));
    expect(epochs[1]).not.toEqual(epochs[0]);
  });

  claim('How many slices a second your computer manages changes only how fast you see the run, not the run.', async () => {
    // frames 40 ms apart (a slice each) against 5 ms apart (the loop then waits 32 ms between slices)
    const runs = [];
    for (const frameMs of [40, 5]) {
      const store = createBackpropStore({ datasetKind: 'rings' });
      const frames = manualFrames(frameMs);
      const loop = startTrainingLoop(store, inlineTrainer(), frames.clock);
      await frames.run(2);
      await playOn(store, frames, 200);
      runs.push(store.getState().history.filter((p) => p.step <= 200));
      loop.stop();
    }
    expect(runs[0]!.length).toBe(11);
    expect(runs[1]).toEqual(runs[0]);
  });

  // -------------------------------------------------------------------------------------------
  // Things to try

  claim('With the default settings the accuracy is 100% from the first slice on (step 20), and the loss keeps falling: below 0.01 by step 200.', () => {
    const curve = playCurve({}, 3000);
    expect(at(curve, 0).accuracy).toBeLessThan(0.5);
    for (const p of curve.filter((q) => q.step >= 20)) expect(p.accuracy).toBe(1);
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.loss).toBeLessThan(curve[i - 1]!.loss);
    expect(at(curve, 200).loss).toBeLessThan(0.01);
    expect(at(curve, 100).loss).toBeGreaterThan(0.01);
  });

  claim('the class regions are strips between lines parallel to $x_1 (W_1)_{11} + x_2 (W_1)_{21} + (b_1)_1 = 0$, at most a band with a half-plane on either side, never a closed curve around the centre', () => {
    // walking the trainer's picture across those lines meets each class at most once: ≤ 3 strips
    for (const seed of [1, 2, 3]) for (const steps of [0, 20, 300, 2000]) {
      const { regions, network } = regionsAfter({ kind: 'rings', hidden: 1, seed }, steps);
      const runs = classRunsAcrossLines(network, regions);
      expect(runs.length).toBeLessThanOrEqual(3);
      expect(new Set(runs).size).toBe(runs.length);
    }
    // and it is what a single unit is: any 2-1-3 network's logits depend on x only through x₁(W₁)₁₁ + x₂(W₁)₂₁
    const random = createRandom(8);
    for (let n = 0; n < 50; n++) {
      const net = initNetwork({ inputs: 2, hidden: 1, outputs: 3, activation: 'relu' }, 100 + n);
      net.params.b1[0] = random.normal();
      for (let k = 0; k < 3; k++) net.params.b2[k] = random.normal();
      const answer = runTraining(trainingRequest(1, net, trainerStart().dataset, { learningRate: 0.3, reduction: 'mean', steps: 0, startStep: 0, gridSize: BACKPROP_LIMITS.grid, extent: BACKPROP_LIMITS.extent })) as TrainingSnapshot;
      const runs = classRunsAcrossLines(net, answer.regions);
      expect(runs.length).toBeLessThanOrEqual(3);
      expect(new Set(runs).size).toBe(runs.length);
    }
  });

  claim('No strips classify more than 100 of these 150 points (67%)', () => {
    const rings = trainerStart({ kind: 'rings' }).dataset;
    const best = bestStrips(rings);
    expect(best.count).toBe(100);
    // the bound is reached: a 2-1-3 ReLU network built on the best strips scores 100 by the core
    const net = stripNetwork(rings, best);
    expect(accuracy(net, rings.x, rings.labels, 150, createWorkspace(net.shape, 150)) * 150).toBe(100);
    // and no 2-1-3 network, trained or drawn at random, scores more
    const random = createRandom(2024);
    for (let n = 0; n < 2000; n++) {
      const w = initNetwork({ inputs: 2, hidden: 1, outputs: 3, activation: 'relu' }, n);
      w.params.b1[0] = random.normal();
      for (let k = 0; k < 3; k++) w.params.b2[k] = random.normal();
      expect(accuracy(w, rings.x, rings.labels, 150, createWorkspace(w.shape, 150)) * 150).toBeLessThanOrEqual(100);
    }
    expect(Math.round((100 / 150) * 100)).toBe(67);
  });

  claim('from the default start the accuracy is 40% after 20 steps and stays between 42% and 44% from step 60 to step 100 000', () => {
    expect(BACKPROP_LIMITS.maxSteps).toBe(100_000);
    const curve = playCurve({ kind: 'rings', hidden: 1 }, 100_000);
    expect(at(curve, 20).accuracy * 150).toBe(60);
    for (const p of curve.filter((q) => q.step >= 60)) {
      expect(p.accuracy * 150).toBeGreaterThanOrEqual(63); // 42.0%
      expect(p.accuracy * 150).toBeLessThanOrEqual(66); // 44.0%
    }
  }, 120_000);

  claim('Set it back to 16 and the network draws rings, with 100% of the points by step 200.', () => {
    const curve = playCurve({ kind: 'rings', hidden: 16 }, 200);
    expect(at(curve, 200).accuracy).toBe(1);
    expect(at(curve, 100).accuracy).toBeLessThan(1);
    // rings drawn: the inner ring's class is a region closed inside the picture
    const { regions } = regionsAfter({ kind: 'rings', hidden: 16 }, 200);
    expect(regions.includes(0)).toBe(true);
    expect(touchesEdge(regions, 0)).toBe(false);
  });

  claim('A region closed around the centre takes at least three units, three bends.', () => {
    // with one or two units the inner ring's class, wherever it is drawn, reaches the picture's edge
    for (const hidden of [1, 2]) for (let seed = 1; seed <= 10; seed++) {
      const { regions } = regionsAfter({ kind: 'rings', hidden, seed }, 2000);
      if (regions.includes(0)) expect(touchesEdge(regions, 0)).toBe(true);
    }
    // three can close it: from seed 2 the three bends make a closed region, and every point is right
    const three = regionsAfter({ kind: 'rings', hidden: 3, seed: 2 }, 2000);
    expect(three.accuracy).toBe(1);
    expect(touchesEdge(three.regions, 0)).toBe(false);
  }, 120_000);

  claim('With two, whatever the activation, the three logits are straight-line functions of the two hidden outputs $(a_1, a_2)$, so each class gets a piece of the $(a_1, a_2)$ plane cut out by two straight lines. Such a piece runs on to the edge of the values $(a_1, a_2)$ can take, or to infinity, and the points of the plot that land there form no bounded patch', () => {
    const random = createRandom(20240608);
    const randomNet = (hidden: number, activation: Activation): Network => ({
      shape: { inputs: 2, hidden, outputs: 3, activation },
      params: {
        w1: Float64Array.from({ length: 2 * hidden }, () => 2 * random.normal()),
        b1: Float64Array.from({ length: hidden }, () => random.normal()),
        w2: Float64Array.from({ length: 3 * hidden }, () => 3 * random.normal()),
        b2: Float64Array.from({ length: 3 }, () => random.normal()),
      },
    });
    // the classes a network predicts on a 41 × 41 grid over [−4, 4]², and at 4000 points along its border
    const inner = Array.from({ length: 41 * 41 }, (_, q) => [-4 + (8 * (q % 41)) / 40, -4 + (8 * Math.floor(q / 41)) / 40]).flat();
    const rim = Array.from({ length: 4000 }, (_, q) => {
      const t = -4 + (8 * (q % 1000)) / 999;
      return [[t, -4], [4, t], [t, 4], [-4, t]][Math.floor(q / 1000)]!;
    }).flat();
    const classesOn = (net: Network, points: number[]) => {
      const m = points.length / 2;
      const out = new Uint8Array(m);
      classify(net, Float64Array.from(points), m, createWorkspace(net.shape, m), out);
      return new Set(out);
    };
    /** a class drawn inside the square that never reaches its border: a bounded region */
    const bounded = (net: Network) => {
      const onRim = classesOn(net, rim);
      return [...classesOn(net, inner)].some((c) => !onRim.has(c));
    };
    for (const activation of ACTIVATION_LIST) {
      let closed3 = 0;
      for (let n = 0; n < 200; n++) {
        const two = randomNet(2, activation);
        // the logits are a₁(W₂)₁ₖ + a₂(W₂)₂ₖ + (b₂)ₖ: straight-line functions of (a₁, a₂)
        const ws = createWorkspace(two.shape, 3);
        forward(two, Float64Array.from([0.3, -1.2, 2, 0.5, -3, 3]), new Int32Array(3), 3, ws);
        for (let i = 0; i < 3; i++) for (let k = 0; k < 3; k++) {
          const line = ws.a1[2 * i]! * two.params.w2[k]! + ws.a1[2 * i + 1]! * two.params.w2[3 + k]! + two.params.b2[k]!;
          expect(Math.abs(ws.z2[3 * i + k]! - line)).toBeLessThanOrEqual(1e-14 * (1 + Math.abs(line)));
        }
        // and no class region of two units is bounded
        expect(bounded(two), `${activation} network ${n}`).toBe(false);
        // the same test finds the bounded regions that three units can make
        if (bounded(randomNet(3, activation))) closed3++;
      }
      expect(closed3).toBeGreaterThanOrEqual(1); // 13 of 200 for ReLU, 3 for tanh and for sigmoid
    }
  }, 120_000);

  claim('From the default start, two units stall at 49%, three at about 70% and five at 79%; four reach 100% by step 1000, and every $H$ from 6 to 32 within 300 steps.', () => {
    const stall = (hidden: number, low: number, high: number) => {
      const curve = playCurve({ kind: 'rings', hidden }, 20_000);
      for (const p of curve.filter((q) => q.step >= 1000)) {
        expect(p.accuracy * 150).toBeGreaterThanOrEqual(low);
        expect(p.accuracy * 150).toBeLessThanOrEqual(high);
      }
    };
    stall(2, 73, 74); // 48.7% to 49.3%
    stall(3, 104, 106); // 69.3% to 70.7%
    stall(5, 118, 118); // 78.7%
    const four = playCurve({ kind: 'rings', hidden: 4 }, 5000);
    for (const p of four.filter((q) => q.step >= 1000)) expect(p.accuracy).toBe(1);
    for (let hidden = 6; hidden <= 32; hidden++) expect(at(playCurve({ kind: 'rings', hidden }, 300), 300).accuracy).toBe(1);
  }, 120_000);

  claim('(the same random draws for the initial weights, scaled for each activation)', () => {
    // He's scale √(2/fan-in) for ReLU, Glorot's √(2/(fan-in + fan-out)) for tanh and sigmoid, over one
    // sequence of standard normal draws from the seed: W₁'s 2H first, then W₂'s 3H; biases 0
    for (const seed of [1, 2, 77]) for (const hidden of [1, 5, 16, 32]) {
      const draws = createRandom(seed);
      const normal = Array.from({ length: 5 * hidden }, () => draws.normal());
      const scales = { relu: [Math.sqrt(2 / 2), Math.sqrt(2 / hidden)], tanh: [Math.sqrt(2 / (2 + hidden)), Math.sqrt(2 / (hidden + 3))], sigmoid: [Math.sqrt(2 / (2 + hidden)), Math.sqrt(2 / (hidden + 3))] };
      for (const activation of ACTIVATION_LIST) {
        const { w1, b1, w2, b2 } = trainerStart({ seed, hidden, activation }).network.params;
        const [s1, s2] = scales[activation];
        w1.forEach((w, q) => expect(Math.abs(w - s1! * normal[q]!)).toBeLessThanOrEqual(1e-15 * Math.abs(w)));
        w2.forEach((w, q) => expect(Math.abs(w - s2! * normal[2 * hidden + q]!)).toBeLessThanOrEqual(1e-15 * Math.abs(w)));
        expect([...b1, ...b2].every((b) => b === 0)).toBe(true);
      }
    }
  });

  claim("The sigmoid's slope is at most $1/4$", () => {
    expect(activationSlope('sigmoid', 0)).toBe(0.25);
    for (let z = -20; z <= 20; z += 0.01) expect(activationSlope('sigmoid', z)).toBeLessThanOrEqual(0.25);
  });

  claim("from step 10 on the sigmoid network's loss is above the ReLU network's at every step, on each of the three data sets. On the rings, ReLU passes 90% accuracy by step 100, sigmoid only after 2000 steps.", () => {
    const perStep = (kind: DatasetKind, activation: Activation) => {
      const { network, dataset } = trainerStart({ kind, activation });
      const ws = createWorkspace(network.shape, 150);
      return Array.from({ length: 5001 }, () => trainStep(network, dataset.x, dataset.labels, 150, ws, 0.3, 'mean'));
    };
    for (const kind of ['blobs', 'rings', 'spirals'] as const) {
      const relu = perStep(kind, 'relu');
      const sigmoid = perStep(kind, 'sigmoid');
      for (let s = 10; s <= 5000; s++) expect(sigmoid[s]!).toBeGreaterThan(relu[s]!);
    }
    expect(at(playCurve({ kind: 'rings' }, 100), 100).accuracy).toBeGreaterThan(0.9);
    const sigmoid = playCurve({ kind: 'rings', activation: 'sigmoid' }, 2200);
    for (const p of sigmoid.filter((q) => q.step <= 2000)) expect(p.accuracy).toBeLessThanOrEqual(0.9);
    expect(at(sigmoid, 2200).accuracy).toBeGreaterThan(0.9);
  });

  claim('Set the trainer back to its defaults (blobs, ReLU, 16 hidden units, seed 1) and press Replay to start again from step 0. Then push the learning rate to the top of its slider, $\\eta = 10$, and press Step four times: the loss goes from 1.66 to 0.92, then 21.7, 77.2 and 726.', async () => {
    expect(BACKPROP_LIMITS.learningRate.max).toBe(10);
    const shown = [1.66, 0.92, 21.7, 77.2, 726];
    const matches = (losses: number[]) => shown.every((v, s) => Math.abs(losses[s]! - v) <= (s < 2 ? 0.005 : s < 4 ? 0.05 : 0.5));
    // the run itself, through the trainer's slice function from the defaults at η = 10
    const run = trainerRun({ learningRate: 10 });
    expect(matches([run.slice(0).loss, run.slice(1).loss, run.slice(1).loss, run.slice(1).loss, run.slice(1).loss])).toBe(true);

    // and on the trainer's own controls, from where the bullet before leaves a learner: sigmoid on the
    // rings, 200 steps played, and (say) a seed drawn with Reset
    storeAt({ kind: 'rings', activation: 'sigmoid', seed: 3 }, 200);
    renderInChapter(createElement(BackpropTrainer, { trainer: inlineTrainer }));
    const loss = () => shownLoss();
    const step = () => Number(screen.getByTestId('bp-step').textContent);
    const stepFour = async () => {
      const losses = [loss()];
      for (let n = 1; n <= 4; n++) {
        const before = step();
        fireEvent.click(screen.getByRole('button', { name: 'Step' }));
        await vi.waitFor(() => {
          expect(step()).toBe(before + 1);
          expect(Number.isFinite(loss())).toBe(true);
        });
        losses.push(loss());
      }
      return losses;
    };
    const lr = screen.getByRole('slider', { name: 'learning rate η (logarithmic slider)' });
    // the slider alone does not restart the run: from there the four steps go elsewhere
    fireEvent.change(lr, { target: { value: lr.getAttribute('max') } });
    expect(backpropStore.getState().learningRate).toBe(10);
    expect(matches(await stepFour())).toBe(false);
    // the defaults, Replay, the top of the slider, four Steps
    fireEvent.change(screen.getByLabelText('Data'), { target: { value: 'blobs' } });
    fireEvent.change(screen.getByLabelText('Activation'), { target: { value: 'relu' } });
    fireEvent.change(screen.getByRole('slider', { name: 'hidden units H' }), { target: { value: '16' } });
    const seed = screen.getByLabelText('Seed of the initial weights');
    fireEvent.change(seed, { target: { value: '1' } });
    fireEvent.keyDown(seed, { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: 'Replay' }));
    expect(step()).toBe(0);
    fireEvent.change(lr, { target: { value: lr.getAttribute('max') } });
    await vi.waitFor(() => expect(Number.isFinite(loss())).toBe(true));
    const losses = await stepFour();
    expect(step()).toBe(4);
    expect(matches(losses)).toBe(true);
  });

  claim('Every one of these steps overshoots the valley it was meant to descend: the first still lands lower than it started, and from the second on each lands higher, so the loss climbs.', () => {
    const run = trainerRun({ learningRate: 10 });
    const { dataset } = run;
    let loss = run.slice(0).loss;
    for (let step = 1; step <= 4; step++) {
      const before = run.network();
      const ref = referencePass(before, dataset, 'mean');
      const after = run.slice(1);
      // the trainer's step is −η times the plain-loop gradient
      const moved = [...after.params.w1, ...after.params.b1, ...after.params.w2, ...after.params.b2];
      const theta = [...before.params.w1, ...before.params.b1, ...before.params.w2, ...before.params.b2];
      const gradient = [...ref.dW1.flat(), ...ref.db1, ...ref.dW2.flat(), ...ref.db2];
      moved.forEach((w, q) => expect(Math.abs(w - (theta[q]! - 10 * gradient[q]!))).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(w))));
      // along the step's line the loss first falls (descent) and is rising where the step lands: it went
      // past the valley floor. The slope there is the new gradient · (−g), from the plain loops.
      const landed = referenceGradient(before, dataset, moved);
      const slopeAtStart = -gradient.reduce((acc, g) => acc + g * g, 0);
      const slopeAtLanding = -landed.reduce((acc, g, q) => acc + g * gradient[q]!, 0);
      expect(slopeAtStart, `step ${step}`).toBeLessThan(0);
      expect(slopeAtLanding / Math.abs(slopeAtStart), `step ${step}`).toBeGreaterThan(0.01);
      // and a shorter step along it lands lower than the full one
      const at = (t: number) => referencePass(
        { shape: before.shape, params: paramsOf(before, theta.map((w, q) => w - t * gradient[q]!)) },
        dataset,
        'mean',
      ).loss;
      const shorter = Math.min(...[0.5, 1, 2, 4, 6, 8].map(at));
      expect(shorter, `step ${step}`).toBeLessThan(0.9 * after.loss);
      // lower than it started at the first step, higher (more than twice) from the second on
      if (step === 1) expect(after.loss).toBeLessThan(0.6 * loss);
      else expect(after.loss).toBeGreaterThan(2 * loss);
      loss = after.loss;
    }
  });

  claim('From step 4 on the network gives every point the same class (accuracy 33.3%). A fifth step turns every ReLU unit off for every point, and from then on only the output biases still learn; at this rate even they overshoot, and a few steps later the loss swings between about 1.1 and 2.3, however long you play, never below $\\ln 3 \\approx 1.10$, the loss of a uniform guess.', () => {
    const run = trainerRun({ learningRate: 10 }, BACKPROP_LIMITS.grid);
    const { dataset } = run;
    const classes = () => {
      const P = referencePass(run.network(), dataset, 'mean').P;
      return P.map((p) => p.indexOf(Math.max(...p)));
    };
    // after three steps the points still get different classes, and some units are on for some points
    run.slice(3);
    expect(new Set(classes()).size).toBeGreaterThan(1);
    // after four: one class for all, one third right, while more than 100 (point, unit) pairs are still on
    const fourth = run.slice(1);
    expect(new Set(classes()).size).toBe(1);
    expect(fourth.accuracy).toBe(1 / 3);
    expect(referencePass(run.network(), dataset, 'mean').Z1.flat().filter((z) => z > 0).length).toBeGreaterThan(100);
    run.slice(1);
    const ws = createWorkspace(run.network().shape, 150);
    const frozen = run.network().params;
    const keep = { w1: frozen.w1.slice(), b1: frozen.b1.slice(), w2: frozen.w2.slice() };
    const late: number[] = [];
    let previousB2 = frozen.b2.slice();
    for (let step = 5; step <= 5000; step++) {
      const answer = step === 5 ? run.slice(0) : run.slice(1);
      // every ReLU unit off for every point (the plain loops agree), one class for all of them, one third right
      forward(run.network(), dataset.x, dataset.labels, 150, ws);
      expect(ws.a1.every((a) => a === 0)).toBe(true);
      if (step === 5) expect(referencePass(run.network(), dataset, 'mean').Z1.flat().every((z) => z <= 0)).toBe(true);
      expect(answer.accuracy).toBe(1 / 3);
      const p = run.network().params;
      expect([p.w1, p.b1, p.w2].map((a) => Array.from(a))).toEqual([keep.w1, keep.b1, keep.w2].map((a) => Array.from(a)));
      if (step > 5) expect(Array.from(p.b2)).not.toEqual(Array.from(previousB2));
      previousB2 = p.b2.slice();
      expect(answer.loss).toBeGreaterThan(LN3);
      if (step >= 10) late.push(answer.loss);
    }
    expect(Math.min(...late)).toBeGreaterThan(1.09);
    expect(Math.min(...late)).toBeLessThan(1.15);
    expect(Math.max(...late)).toBeGreaterThan(2.2);
    expect(Math.max(...late)).toBeLessThan(2.35);
    // it swings: the loss turns from rising to falling hundreds of times
    let turns = 0;
    for (let i = 2; i < late.length; i++) if ((late[i]! - late[i - 1]!) * (late[i - 1]! - late[i - 2]!) < 0) turns++;
    expect(turns).toBeGreaterThan(1000);
    expect(Math.abs(LN3 - 1.1)).toBeLessThan(0.005);
  });

  claim('Press Replay to start again from the same initial weights. The new run retraces the old one, drawn faintly underneath, step for step.', async () => {
    const store = createBackpropStore({ datasetKind: 'rings', initialSeed: 5 });
    const frames = manualFrames();
    const loop = startTrainingLoop(store, inlineTrainer(), frames.clock);
    await frames.run(2);
    await playOn(store, frames, 120);
    const first = store.getState().history;
    store.getState().replay();
    expect(store.getState().step).toBe(0);
    expect(store.getState().previousHistory).toEqual(first);
    await frames.run(2);
    await playOn(store, frames, 120);
    expect(store.getState().history).toEqual(first);
    loop.stop();
  });

  claim('Click the plot to add points of the chosen class, drag them, or delete them', () => {
    const { container } = renderInChapter(createElement(BackpropTrainer, { trainer: inlineTrainer }));
    // jsdom lays nothing out: the plot keeps its 400-pixel fallback, and a pixel is 3/400 of a unit
    const svg = container.querySelector<SVGSVGElement>('svg.region-points')!;
    expect(svg.getAttribute('viewBox')).toBe('0 0 400 400');
    const at = (px: number, py: number) => [-1.5 + (3 * px) / 400, 1.5 - (3 * py) / 400];
    const data = () => backpropStore.getState().dataset;
    // click: a point of the chosen class where the pointer went down
    fireEvent.click(screen.getByRole('radio', { name: 'class 3' }));
    fireEvent.pointerDown(container.querySelector('rect.region-hit')!, { button: 0, clientX: 300, clientY: 100 });
    expect(data().m).toBe(151);
    expect([data().x[300], data().x[301], data().labels[150]]).toEqual([...at(300, 100), 2]);
    expect(container.querySelectorAll('circle.data-point')).toHaveLength(151);
    // drag: down on the point, move, up; it follows the pointer and stays where it was let go
    const point = container.querySelectorAll('circle.data-point')[150]!;
    fireEvent.pointerDown(point, { button: 0, pointerId: 1, clientX: 300, clientY: 100 });
    fireEvent.pointerMove(svg, { pointerId: 1, clientX: 180, clientY: 220 });
    fireEvent.pointerMove(svg, { pointerId: 1, clientX: 100, clientY: 300 });
    fireEvent.pointerUp(svg, { pointerId: 1, clientX: 100, clientY: 300 });
    fireEvent.pointerMove(svg, { pointerId: 1, clientX: 20, clientY: 20 });
    expect([data().x[300], data().x[301], data().labels[150]]).toEqual([...at(100, 300), 2]);
    expect(data().m).toBe(151);
    // delete: the dragged point is the selected one; Delete removes it and only it
    const points = screen.getByRole('slider', { name: /The selected point/ });
    expect(points.getAttribute('aria-valuenow')).toBe('151');
    const before = Array.from(data().x.slice(0, 300));
    fireEvent.keyDown(points, { key: 'Delete' });
    expect(data().m).toBe(150);
    expect(Array.from(data().x)).toEqual(before.map((v) => Number(v.toFixed(3)) || 0));
    // the set is now the learner's own, and the plot says so in words
    expect(backpropStore.getState().datasetKind).toBe('custom');
    expect(screen.getByRole('img', { name: /^Decision regions/ }).getAttribute('aria-label')).toContain('150 points: 50 of class 1, 50 of class 2, 50 of class 3');
  });

  claim('download the weights as JSON: the shapes, the activation, every parameter, the step and the seed, enough to rebuild this exact network elsewhere', () => {
    const net = trainedNetwork({ kind: 'spirals', hidden: 7, activation: 'tanh', seed: 4 }, 137);
    const file = JSON.parse(JSON.stringify(weightsFile(net, 137, 4, 'spirals')));
    expect(file.shape).toEqual({ inputs: 2, hidden: 7, outputs: 3 });
    expect([file.activation, file.step, file.seed]).toEqual(['tanh', 137, 4]);
    const rebuilt: Network = {
      shape: { ...file.shape, activation: file.activation },
      params: { w1: Float64Array.from(file.params.w1.flat()), b1: Float64Array.from(file.params.b1), w2: Float64Array.from(file.params.w2.flat()), b2: Float64Array.from(file.params.b2) },
    };
    const data = trainerStart({ kind: 'spirals' }).dataset;
    expect(coreGradients(rebuilt, data, 'mean').loss).toBe(coreGradients(net, data, 'mean').loss);
    // and it is the run: the same seed and step count from scratch give the same weights
    expect(Array.from(rebuilt.params.w2)).toEqual(Array.from(trainedNetwork({ kind: 'spirals', hidden: 7, activation: 'tanh', seed: 4 }, 137).params.w2));
  });

  // -------------------------------------------------------------------------------------------
  // The backward pass, line by line (the explorer runs the core's pass on the trainer's run)

  claim('The explorer below runs the core\'s backward pass on the trainer\'s current network and data, with the shapes of that run written under each matrix. Pick a sample to see its rows; click a cell of $dW_2$ or $dW_1$ to see that weight\'s gradient as a product of chain-rule factors.', async () => {
    // a run other than the default: rings, 5 hidden units, 40 steps, one point deleted (m = 149)
    const { network } = storeAt({ kind: 'rings', hidden: 5 }, 40);
    act(() => backpropStore.getState().deletePoint(0));
    const dataset = backpropStore.getState().dataset;
    const ref = referencePass(network, dataset, 'mean');
    renderInChapter(createElement(BackwardPassExplorer));
    const shapes = screen.getByTestId('bp-shapes-formula');
    expect(shapes.getAttribute('aria-label')).toContain('dW₂ (5 × 3) = A₁ᵀ (5 × 149) times dZ₂ (149 × 3)');
    expect(shapes.getAttribute('aria-label')).toContain('dW₁ (2 × 5) = Xᵀ (2 × 149) times dZ₁ (149 × 5)');
    await vi.waitFor(() => expect(shapes.querySelector('.katex')).not.toBeNull());
    // as typeset: each shape is the lower limit of its matrix (KaTeX draws it at a lower vertical offset)
    const text = (shapes.textContent ?? '').replace(/\u200b/g, '');
    for (const under of ['5×3dW2', '5×149A1⊤', '149×3dZ2', '2×149X⊤', '149×5dZ1']) expect(text).toContain(under);
    const limits = Array.from(shapes.querySelectorAll<HTMLElement>('.op-limits .vlist')).map((list) =>
      Array.from(list.children as HTMLCollectionOf<HTMLElement>).map((row) => ({ top: parseFloat(row.style.top), text: row.textContent ?? '' })),
    );
    const dW2 = limits.find((rows) => rows.some((r) => r.text === '5×3') && rows.some((r) => r.text.startsWith('dW')))!;
    expect(dW2.find((r) => r.text === '5×3')!.top).toBeGreaterThan(dW2.find((r) => r.text.startsWith('dW'))!.top);
    // pick sample 7: its rows, from the plain-loop reference pass
    const sample = screen.getByRole('textbox', { name: 'Sample i' });
    fireEvent.change(sample, { target: { value: '7' } });
    fireEvent.keyDown(sample, { key: 'Enter' });
    const hiddenRows = within(screen.getByTestId('bp-hidden-rows')).getAllByRole('row').slice(1);
    expect(hiddenRows).toHaveLength(5);
    hiddenRows.forEach((row, j) => {
      const z = readShown(row.querySelectorAll('td')[0]!.textContent ?? '');
      expect(Math.abs(z.value - ref.Z1[6]![j]!)).toBeLessThanOrEqual(0.5 * z.unit * 1.000001);
    });
    // click (W₂)₂,₃ and (W₁)₁,₄: each gradient as chain-rule factors for sample 7
    const shown = (v: number) => formatNumber(v, decimalsFor(v));
    fireEvent.click(screen.getByRole('button', { name: /^dW2, row 2, column 3:/ }));
    const out = screen.getByTestId('bp-output-chain-formula').getAttribute('aria-label') ?? '';
    const pMinusY = ref.P[6]![2]! - ref.Y[6]![2]!;
    expect(out).toContain(`Sample 7: ${shown(ref.A1[6]![1]!)} × ${shown(pMinusY)} × 1/149 = ${shown((ref.A1[6]![1]! * pMinusY) / 149)}.`);
    fireEvent.click(screen.getByRole('button', { name: /^dW1, row 1, column 4:/ }));
    const hid = screen.getByTestId('bp-hidden-chain-formula').getAttribute('aria-label') ?? '';
    const term = ref.X[6]![0]! * fPrime('relu', ref.Z1[6]![3]!) * ref.dA1[6]![3]!;
    expect(hid).toContain(`Sample 7: ${shown(ref.X[6]![0]!)} × ${shown(fPrime('relu', ref.Z1[6]![3]!))} × (`);
    expect(hid).toContain(`= ${shown(term)}. All 149 samples: `);
  });

  claim('Here $\\odot$ multiplies entry by entry, and $dz_{2,i}$, $dz_{1,i}$ and, below, $a_{1,i}$ are row $i$ of $dZ_2$, $dZ_1$ and $A_1$ (the 2 and the 1 name the layer, not a logit or a class).', () => {
    const net = trainedAt({ kind: 'spirals' }, 300);
    const { dataset } = trainerStart({ kind: 'spirals' });
    const pass = backwardPass(net, dataset, 'mean');
    const ref = referencePass(net, dataset, 'mean');
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-13 * Math.max(1e-3, Math.abs(b)));
    const db2 = [0, 0, 0];
    const db1 = new Array<number>(16).fill(0);
    for (let i = 0; i < 150; i++) {
      // the explorer's rows for sample i are row i of each matrix: three entries of dZ₂, sixteen of dZ₁ and A₁
      const rows = sampleRows(pass, i);
      expect([rows.dz2.length, rows.dz1.length, rows.a1.length]).toEqual([3, 16, 16]);
      rows.dz2.forEach((v, k) => close(v, ref.dZ2[i]![k]!));
      rows.a1.forEach((v, j) => close(v, ref.A1[i]![j]!));
      // ⊙: dZ₁ = dA₁ ⊙ f′(Z₁), entry by entry
      rows.dz1.forEach((v, j) => close(v, ref.dA1[i]![j]! * fPrime('relu', ref.Z1[i]![j]!)));
      rows.dz2.forEach((v, k) => (db2[k] = db2[k]! + v));
      rows.dz1.forEach((v, j) => (db1[j] = db1[j]! + v));
    }
    // db₂ = Σᵢ dz₂,ᵢ and db₁ = Σᵢ dz₁,ᵢ: the sums of those rows are the core's bias gradients
    db2.forEach((v, k) => close(v, pass.ws.grads.b2[k]!));
    db1.forEach((v, j) => close(v, pass.ws.grads.b1[j]!));
  });

  claim('$dW_2$ must be $H \\times 3$ like $W_2$, and out of $A_1$ ($m \\times H$) and $dZ_2$ ($m \\times 3$) the only product of that shape is $A_1^{\\top} dZ_2$ (at $H = 3$, $dZ_2^{\\top} A_1$ is $3 \\times 3$ too; then the indices decide: row $j$ of $dW_2$ belongs to hidden unit $j$).', () => {
    for (let hidden = 1; hidden <= 32; hidden++) {
      expect(productsOfShape([150, hidden], [150, 3], [hidden, 3])).toEqual(hidden === 3 ? ['Aᵀ B', 'Bᵀ A'] : ['Aᵀ B']);
    }
    // at H = 3 the two 3 × 3 products differ, and the core's dW₂ is A₁ᵀ dZ₂: row j pairs unit j with each class
    const { network, dataset } = trainerStart({ hidden: 3 });
    const ref = referencePass(network, dataset, 'mean');
    const { ws } = coreGradients(network, dataset, 'mean');
    const product = (rowsOf: number[][], colsOf: number[][], r: number, c: number) => rowsOf.reduce((acc, row, i) => acc + row[r]! * colsOf[i]![c]!, 0);
    let transposedGap = 0;
    for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) {
      const right = product(ref.A1, ref.dZ2, j, k);
      expect(Math.abs(ws.grads.w2[3 * j + k]! - right)).toBeLessThanOrEqual(1e-14 * (1e-3 + Math.abs(right)));
      transposedGap = Math.max(transposedGap, Math.abs(product(ref.dZ2, ref.A1, j, k) - right));
    }
    expect(transposedGap).toBeGreaterThan(1e-3);
  });

  claim('$dW_2 = \\sum_i a_{1,i}^{\\top}\\, dz_{2,i}$, one outer product per point', () => {
    const { network, dataset } = trainerStart();
    const pass = backwardPass(network, dataset, 'mean');
    const total = Array.from({ length: 16 }, () => [0, 0, 0]);
    for (let i = 0; i < 150; i++) {
      const share = outer(sampleRows(pass, i).a1, sampleRows(pass, i).dz2);
      share.forEach((row, j) => row.forEach((v, k) => (total[j]![k]! += v)));
    }
    const ref = referencePass(network, dataset, 'mean');
    total.flat().forEach((v, q) => expect(Math.abs(v - ref.dW2.flat()[q]!)).toBeLessThan(1e-15));
  });

  claim('Each row of $dZ_2$ adds up to 0.', () => {
    for (const steps of [0, 300]) for (const reduction of ['mean', 'sum'] as const) {
      const pass = backwardPass(trainedNetwork({}, steps), trainerStart().dataset, reduction);
      for (let i = 0; i < 150; i++) {
        const { dz2, label } = sampleRows(pass, i);
        // p sums to 1 up to rounding: a few ulp of 1, times the 1/m of the mean
        expect(Math.abs(dz2[0]! + dz2[1]! + dz2[2]!)).toBeLessThanOrEqual(4 * Number.EPSILON * pass.scale);
        // the correct class pushed up exactly as much as the others pushed down
        dz2.forEach((d, k) => (k === label ? expect(d).toBeLessThan(0) : expect(d).toBeGreaterThan(0)));
      }
    }
  });

  claim("A ReLU unit that is off passes nothing back. Where sample $i$'s pre-activation $(Z_1)_{ij}$ in unit $j$ is negative, $f'\\big((Z_1)_{ij}\\big) = 0$ and $(dZ_1)_{ij} = 0$, whatever $(dA_1)_{ij}$ was: that sample teaches unit $j$'s incoming weights nothing.", () => {
    for (const steps of [0, 300]) {
      const net = trainedNetwork({}, steps);
      const { dataset } = trainerStart();
      const pass = backwardPass(net, dataset, 'mean');
      const ref = referencePass(net, dataset, 'mean');
      let off = 0;
      let offWithUpstream = 0;
      for (let i = 0; i < 150; i++) {
        const rows = sampleRows(pass, i);
        rows.z1.forEach((z, j) => {
          if (z >= 0) return;
          off++;
          if (rows.da1[j] !== 0) offWithUpstream++;
          expect(rows.slope[j]).toBe(0);
          expect(rows.dz1[j]).toBe(0);
          // the sample's share of the unit's incoming weights and bias: x_i · dz1 = 0
          expect([ref.X[i]![0]! * ref.dZ1[i]![j]!, ref.X[i]![1]! * ref.dZ1[i]![j]!, ref.dZ1[i]![j]!].every((v) => v === 0)).toBe(true);
        });
      }
      expect(off).toBeGreaterThan(100);
      expect(offWithUpstream).toBe(off);
    }
    // as the explorer shows it: sample 1's rows of Z₁, f′(Z₁) and dZ₁, where unit j is off, read 0 and 0
    storeAt({}, 0);
    renderInChapter(createElement(BackwardPassExplorer));
    const table = screen.getByTestId('bp-hidden-rows');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['unit j', 'Z₁', 'A₁', 'dA₁', 'f′(Z₁)', 'dZ₁', 'db₁ (all)']);
    const ref = referencePass(trainerStart().network, trainerStart().dataset, 'mean');
    const rows = within(table).getAllByRole('row').slice(1);
    const offUnits = ref.Z1[0]!.flatMap((z, j) => (z < 0 ? [j] : []));
    expect(offUnits.length).toBeGreaterThan(3);
    for (const j of offUnits) {
      const cells = Array.from(rows[j]!.querySelectorAll('td')).map((td) => readShown(td.textContent ?? '').value);
      expect(cells[0]).toBeLessThan(0);
      expect(cells[2]).not.toBe(0); // dA₁ came down
      expect([cells[3], cells[4]]).toEqual([0, 0]); // and stops
    }
  });

  claim('With the mean, each sample\'s share of $dW_2$ carries the factor $1/m$.', () => {
    const { network, dataset } = trainerStart();
    const pass = backwardPass(network, dataset, 'mean');
    const ref = referencePass(network, dataset, 'mean');
    for (const i of [0, 1, 22, 149]) {
      const rows = sampleRows(pass, i);
      const share = outer(rows.a1, rows.dz2);
      share.forEach((row, j) => row.forEach((v, k) => expect(Math.abs(v - (ref.A1[i]![j]! * (ref.P[i]![k]! - ref.Y[i]![k]!)) / 150)).toBeLessThan(1e-17)));
    }
  });

  claim('Click $(W_2)_{8,1}$ (row h8, column k1) at the starting weights: its positive shares add up to 0.061 and its negative ones to $-0.063$, so the total is only $-0.0022$, and the largest single share is 0.0028.', () => {
    const { network, dataset } = trainerStart();
    const ref = referencePass(network, dataset, 'mean');
    const shares = ref.A1.map((a, i) => a[7]! * ref.dZ2[i]![0]!);
    const positive = shares.filter((v) => v > 0).reduce((a, b) => a + b, 0);
    const negative = shares.filter((v) => v < 0).reduce((a, b) => a + b, 0);
    const total = positive + negative;
    const largest = Math.max(...shares.map(Math.abs));
    expect(Math.abs(positive - 0.061)).toBeLessThanOrEqual(0.0005);
    expect(Math.abs(negative + 0.063)).toBeLessThanOrEqual(0.0005);
    expect(Math.abs(total + 0.0022)).toBeLessThanOrEqual(0.00005);
    expect(Math.abs(largest - 0.0028)).toBeLessThanOrEqual(0.00005);
    // far smaller than the shares' sizes added up, even smaller than one share
    expect((positive - negative) / Math.abs(total)).toBeGreaterThan(50);
    expect(largest).toBeGreaterThan(Math.abs(total));
    // and that is what the explorer writes under the cell
    const chain = outputWeightChain(backwardPass(network, dataset, 'mean'), 7, 0, 0);
    expect(relative(chain.positiveSum, positive)).toBeLessThan(1e-12);
    expect(relative(chain.negativeSum, negative)).toBeLessThan(1e-12);
    expect(relative(chain.chainSum, total)).toBeLessThan(1e-12);
    expect(relative(Math.abs(chain.largestTerm), largest)).toBeLessThan(1e-12);
  });

  claim("the sum of the chain-rule products over all samples equals the backward pass's entry to the last few digits", () => {
    let worst = 0;
    for (const kind of ['blobs', 'rings'] as const) for (const steps of [0, 300]) for (const reduction of ['mean', 'sum'] as const) {
      const pass = explorerPass({ kind }, steps, reduction);
      for (let j = 0; j < 16; j++) for (let k = 0; k < 3; k++) {
        const c = outputWeightChain(pass, j, k, 0);
        worst = Math.max(worst, relative(c.chainSum, c.backprop));
      }
      for (let r = 0; r < 2; r++) for (let j = 0; j < 16; j++) {
        const c = hiddenWeightChain(pass, r, j, 0);
        worst = Math.max(worst, relative(c.chainSum, c.backprop));
      }
    }
    expect(worst).toBeLessThan(1e-12); // the last three or four of sixteen digits
    expect(worst).toBeGreaterThan(0); // the same sum in another order, not a copy of it
  });

  claim('a central difference of the loss, computed by running the forward pass with the weight nudged up and down by $h = 10^{-5}$, agrees with both to within a millionth of the gradient, plus the little that rounding in the loss can add (the check says how much it allows).', () => {
    expect(DIFFERENCE_CHECK.step).toBe(1e-5);
    expect(DIFFERENCE_CHECK.relativeTolerance).toBe(1e-6);
    let smooth = 0;
    for (const { state, layer, index, gradient, reference, check, pass } of everyCheck()) {
      // the kinks: ReLU's, in W₁ only (a weight of W₂ leaves Z₁ alone; tanh and sigmoid have none)
      if (layer === 2 || pass.net.shape.activation !== 'relu') expect(check.kinks).toEqual([]);
      if (check.kinks.length > 0) continue;
      smooth++;
      // the step taken, ((w + h) − (w − h))/2: 10⁻⁵ to within the spacing of doubles near w
      const w = (layer === 1 ? pass.net.params.w1 : pass.net.params.w2)[index]!;
      expect(Math.abs(check.step - 1e-5)).toBeLessThanOrEqual(Number.EPSILON * Math.max(1, Math.abs(w)));
      // the backward pass is the plain-loop reference's to rounding, and the difference agrees with both
      expect(Math.abs(gradient - reference)).toBeLessThanOrEqual(1e-12 * Math.abs(reference) + 1e-15 * (state.reduction === 'sum' ? 150 : 1));
      expect(differenceAgrees(check, gradient), `${JSON.stringify(state)} W${layer}[${index}]`).toBe(true);
      expect(Math.abs(check.value - reference)).toBeLessThanOrEqual(allowedDifferenceGap(check, reference) * 1.001);
      // the little: on the chapter's own runs (η = 0.3, the mean) rounding allows at most 10⁻⁷
      if (state.reduction === 'mean' && state.s.learningRate === undefined) expect(check.roundingAllowance).toBeLessThan(1e-7);
    }
    expect(smooth).toBeGreaterThan(3900); // of 4015 weights at 51 states
    // a millionth separates: at the start, a gradient off by ten millionths fails every entry above 10⁻³
    for (const { state, gradient, check } of everyCheck().filter((c) => c.state.steps === 0 && c.state.s.kind === 'blobs')) {
      if (Math.abs(gradient) > 1e-3 && state.reduction === 'mean') expect(differenceAgrees(check, gradient * (1 + 1e-5))).toBe(false);
    }
    // independently, in 200-bit arithmetic over the same two doubles w ± h: truncation stays below a
    // millionth of the gradient, and the double-precision quotient is off from the exact one by less
    // than the rounding the check allows
    for (const [steps, reduction, layer, index] of [[0, 'mean', 1, 0], [0, 'mean', 2, 21], [1000, 'mean', 2, 7], [300, 'sum', 1, 17]] as const) {
      const pass = explorerPass({}, steps, reduction);
      const check = weightDifferenceCheck(pass, layer, index);
      const ref = referencePass(pass.net, pass.data, reduction);
      const gradient = (layer === 1 ? ref.dW1 : ref.dW2).flat()[index]!;
      const exact = exactDifference(pass, layer, index, check.step);
      expect(Math.abs(exact - gradient)).toBeLessThanOrEqual(1e-6 * Math.abs(gradient));
      expect(Math.abs(check.value - exact)).toBeLessThanOrEqual(check.roundingAllowance);
    }
    // what the explorer prints under (W₂)₁,₁ at the start: the nudge, the gap and what the check allows
    storeAt({}, 0);
    renderInChapter(createElement(BackwardPassExplorer));
    const start = weightDifferenceCheck(explorerPass({}, 0), 2, 0);
    const g = explorerPass({}, 0).ws.grads.w2[0]!;
    const line = screen.getByTestId('bp-output-checks-difference');
    expect(line.getAttribute('data-ok')).toBe('true');
    expect(line.textContent).toContain(`with h = 1.0 × 10⁻⁵, gives ${formatNumber(start.value, decimalsFor(start.value))} (off by ${formatNumber(Math.abs(start.value - g), 2)}; allowed ${formatNumber(allowedDifferenceGap(start, g), 2)}, a millionth of the gradient plus rounding in the loss).`);
  }, 120_000);

  claim("The exception is a weight of $W_1$ whose nudge moves some sample's pre-activation across ReLU's kink at 0: a difference quotient across a kink mixes the slopes on its two sides and is not a derivative.", () => {
    for (const { kind, steps, r, j } of KINK_CASES) {
      const pass = explorerPass({ kind }, steps);
      const index = (r - 1) * 16 + (j - 1);
      const check = weightDifferenceCheck(pass, 1, index);
      const ref = referencePass(pass.net, pass.data, 'mean');
      const gradient = ref.dW1[r - 1]![j - 1]!;
      // one sample crosses: its pre-activation, in plain arithmetic, has opposite signs at w − h and w + h
      expect(check.kinks).toHaveLength(1);
      const i = check.kinks[0]!.sample;
      const w = pass.net.params.w1[index]!;
      const [down, up] = [preActivation(pass.net, pass.data, i, j - 1, r - 1, w - check.step), preActivation(pass.net, pass.data, i, j - 1, r - 1, w + check.step)];
      expect(Math.sign(down) * Math.sign(up)).toBe(-1);
      // no derivative: off by far more than the check allows, and by 0.1% of the gradient or more
      const gap = Math.abs(check.value - gradient);
      expect(gap).toBeGreaterThan(100 * allowedDifferenceGap(check, gradient));
      expect(gap).toBeGreaterThan(1e-3 * Math.abs(gradient));
      // it mixes the two slopes: beyond the kink, sample i adds (or takes away) x_ir · (dA₁)_ij, and the
      // quotient is the slopes' average weighted by how much of [w − h, w + h] lies on each side
      const z = ref.Z1[i]![j - 1]!;
      const beyond = z > 0 ? Math.max(0, -Math.min(down, up)) : Math.max(0, Math.max(down, up));
      const share = beyond / Math.abs(up - down);
      const other = gradient + (z > 0 ? -1 : 1) * ref.X[i]![r - 1]! * ref.dA1[i]![j - 1]!;
      const mixed = (1 - share) * gradient + share * other;
      expect(Math.abs(check.value - mixed)).toBeLessThan(0.01 * gap);
    }
  });

  claim("After training, a few samples can sit that close to the kink. On the blobs at step 1000, sample 96's $(Z_1)_{96,6}$ is $-3.2 \\times 10^{-6}$, and the difference for $(W_1)_{1,6}$ is off by 0.14%.", () => {
    const pass = explorerPass({}, 1000);
    const ref = referencePass(pass.net, pass.data, 'mean');
    expect(Math.abs(ref.Z1[95]![5]! + 3.2e-6)).toBeLessThan(0.05e-6);
    const check = weightDifferenceCheck(pass, 1, 5);
    expect(check.kinks.map((k) => k.sample)).toEqual([95]);
    const off = Math.abs(check.value - ref.dW1[0]![5]!) / Math.abs(ref.dW1[0]![5]!);
    expect(off).toBeGreaterThanOrEqual(0.00135);
    expect(off).toBeLessThan(0.00145);
    // a few: along the three default runs (every 20 steps to 3000), never more than four pairs of a
    // sample and a unit lie within the largest nudge h·|x| of 0, and at blobs step 1000 only sample 96's
    const within = (net: Network, data: Dataset) => {
      const r = referencePass(net, data, 'mean');
      return r.Z1.flatMap((row, i) => row.map((z, j) => ({ i, j, close: Math.abs(z) < DIFFERENCE_CHECK.step * Math.max(Math.abs(r.X[i]![0]!), Math.abs(r.X[i]![1]!)) }))).filter((p) => p.close);
    };
    expect(within(pass.net, pass.data).map((p) => [p.i, p.j])).toEqual([[95, 5]]);
    let most = 0;
    for (const kind of ['blobs', 'rings', 'spirals'] as const) {
      const run = trainerRun({ kind });
      for (let steps = 0; steps <= 3000; steps += 20) {
        most = Math.max(most, within(run.network(), run.dataset).length);
        run.slice(20);
      }
    }
    expect(most).toBeGreaterThanOrEqual(2);
    expect(most).toBeLessThanOrEqual(4);
  }, 120_000);

  claim('The check then names the sample and nudges again by less, so that every sample stays on its side, and that difference agrees.', async () => {
    // every nudge across a kink met at the replayed states, and the review's six
    const crossings = [
      ...everyCheck().filter((c) => c.check.kinks.length > 0),
      ...KINK_CASES.map(({ kind, steps, r, j }) => {
        const pass = explorerPass({ kind }, steps);
        const index = (r - 1) * 16 + (j - 1);
        return { layer: 1 as const, index, gradient: pass.ws.grads.w1[index]!, check: weightDifferenceCheck(pass, 1, index), pass };
      }),
    ];
    expect(crossings.length).toBeGreaterThan(10);
    for (const { index, gradient, check, pass } of crossings) {
      const again = check.kinkFree;
      expect(again).not.toBeNull();
      expect(again!.step).toBeLessThan(check.step);
      // every sample keeps its side over the smaller nudge, in plain arithmetic
      const [r, j] = [Math.floor(index / 16), index % 16];
      const w = pass.net.params.w1[index]!;
      for (let i = 0; i < pass.m; i++) {
        const [down, up] = [preActivation(pass.net, pass.data, i, j, r, w - again!.step), preActivation(pass.net, pass.data, i, j, r, w + again!.step)];
        expect(Math.min(down, up) < 0 && Math.max(down, up) > 0).toBe(false);
      }
      expect(differenceAgrees(again!, gradient)).toBe(true);
    }
    // at blobs step 1000, in 200-bit arithmetic: the smaller nudge's exact quotient is the derivative
    const pass = explorerPass({}, 1000);
    const check = weightDifferenceCheck(pass, 1, 5);
    const gradient = referencePass(pass.net, pass.data, 'mean').dW1[0]![5]!;
    const exact = exactDifference(pass, 1, 5, check.kinkFree!.step);
    expect(Math.abs(exact - gradient)).toBeLessThanOrEqual(1e-6 * Math.abs(gradient));
    expect(Math.abs(check.kinkFree!.value - exact)).toBeLessThanOrEqual(check.kinkFree!.roundingAllowance);
    // and what the explorer shows there for (W₁)₁,₆: the sample named, no verdict on the quotient
    // across the kink, a pass for the one beside it
    storeAt({}, 1000);
    window.location.hash = '#/backprop?w1x=1&w1h=6';
    renderInChapter(createElement(BackwardPassExplorer));
    const across = screen.getByTestId('bp-hidden-checks-difference');
    expect(across.getAttribute('data-ok')).toBe('kink');
    expect(across.textContent).toContain('sample 96’s pre-activation (Z₁)₉₆,₆ = −3.2 × 10⁻⁶ across ReLU’s kink at 0');
    const beside = screen.getByTestId('bp-hidden-checks-kink-free');
    expect(beside.getAttribute('data-ok')).toBe('true');
    expect(beside.textContent).toMatch(/^Nudged by h = 4\.7 × 10⁻⁶ instead, which keeps every sample on its side of the kink/);
  }, 120_000);

  claim('Play the trainer on the blobs for 300 steps or more: every probability of a correct class is then above 0.89 (at the start the smallest was 0.013), the rows of $dZ_2$ shrink toward 0, and so does the whole gradient, to less than a hundredth of its starting length.', () => {
    const run = trainerRun();
    const look = () => {
      const pass = backwardPass(run.network(), run.dataset, 'mean');
      const rows = Array.from({ length: 150 }, (_, i) => sampleRows(pass, i));
      const g = pass.ws.grads;
      return {
        smallestPt: Math.min(...rows.map((r) => r.p[r.label]!)),
        largestRow: Math.max(...rows.map((r) => Math.hypot(...r.pMinusY))),
        gradient: Math.hypot(...g.w1, ...g.b1, ...g.w2, ...g.b2),
      };
    };
    const start = look();
    expect(Math.abs(start.smallestPt - 0.013)).toBeLessThanOrEqual(0.0005);
    run.slice(300);
    let before = look();
    expect(before.smallestPt).toBeGreaterThan(0.89);
    expect(before.gradient).toBeLessThan(start.gradient / 100);
    expect(before.largestRow).toBeLessThan(start.largestRow / 5);
    const at300 = before.gradient;
    for (let step = 320; step <= 3000; step += 20) {
      run.slice(20);
      const now = look();
      expect(now.smallestPt).toBeGreaterThan(before.smallestPt);
      expect(now.largestRow).toBeLessThan(before.largestRow);
      expect(now.gradient).toBeLessThan(start.gradient / 100);
      before = now;
    }
    // the gradient's length wobbles by a part in a thousand here and there, but heads for 0
    expect(before.gradient).toBeLessThan(at300 / 3);
  });

  // -------------------------------------------------------------------------------------------
  // Mean or sum over the batch (the demo: blobs of m points, the same starting weights, 300 steps)

  claim('\\nabla L_{\\text{sum}} = m\\, \\nabla L_{\\text{mean}}.', () => {
    const { network, dataset } = trainerStart();
    const mean = coreGradients(network, dataset, 'mean').ws.grads;
    const sum = coreGradients(network, dataset, 'sum').ws.grads;
    (['w1', 'b1', 'w2', 'b2'] as const).forEach((name) => sum[name].forEach((v, q) => expect(Math.abs(v - 150 * mean[name][q]!)).toBeLessThan(1e-13 * Math.max(1, Math.abs(v)))));
  });

  claim('A gradient step with learning rate $\\eta$ on the sum is therefore the step $\\eta m$ on the mean', () => {
    for (const m of [10, 100]) {
      const sum = startBatchRun(m, 'sum', 0.01);
      const mean = startBatchRun(m, 'mean', 0.01 * m);
      while (!advanceBatchRun(sum, 100));
      while (!advanceBatchRun(mean, 100));
      for (let s = 0; s <= DEMO_STEPS; s++) expect(relative(sum.losses[s]!, mean.losses[s]!)).toBeLessThan(1e-9);
    }
  });

  claim('With the sum, the learning rate that suits 10 points takes a first step about a hundred times as long with 1000 points (112 times, in the demonstration below), and overshoots.', () => {
    // the first step is η∇L_sum from the demo's starting weights
    const ratio = gradientNorms(1000).sum / gradientNorms(10).sum;
    expect(Math.abs(ratio - 112)).toBeLessThan(0.5);
    expect(demo(0.1, 'sum', 10).outcome.verdict).toBe('learned');
    expect(demo(0.1, 'sum', 1000).outcome.verdict).toBe('blewUp');
  });

  claim('in full-batch descent, as here, the learning rate that suits 10 points suits 1000 as well', () => {
    for (const rate of LEARNING_RATES) for (const m of BATCH_SIZES) expect(demo(rate, 'mean', m).outcome.verdict).toBe('learned');
  });

  claim('300 full-batch steps per run, once with each reduction', () => {
    expect(DEMO_STEPS).toBe(300);
    const run = demo(0.1, 'mean', 30).run;
    expect(run.losses.length).toBe(301);
    expect(run.data.m).toBe(30);
    expect([BATCH_SIZES[0], BATCH_SIZES[BATCH_SIZES.length - 1]]).toEqual([10, 1000]);
  });

  claim("Its reduction switch is also the trainer's.", async () => {
    renderInChapter(createElement(BackpropTrainer, { trainer: inlineTrainer }), createElement(BatchReductionDemo));
    const formula = () => screen.getByTestId('bp-formula').getAttribute('aria-label') ?? '';
    expect(formula()).toContain('the mean over the 150 points');
    fireEvent.click(screen.getByRole('radio', { name: /^sum/ }));
    expect(backpropStore.getState().reduction).toBe('sum');
    expect(formula()).toContain('the sum over the 150 points');
    // and the trainer's next step descends the sum: its loss is the plain-loop reference's after one
    // step of W ← W − 0.3 ∇L_sum from the starting weights
    const { network, dataset } = trainerStart();
    const ref = referencePass(network, dataset, 'sum');
    const stepped: Network = {
      shape: network.shape,
      params: {
        w1: Float64Array.from(ref.dW1.flat(), (g, q) => network.params.w1[q]! - 0.3 * g),
        b1: Float64Array.from(ref.db1, (g, q) => network.params.b1[q]! - 0.3 * g),
        w2: Float64Array.from(ref.dW2.flat(), (g, q) => network.params.w2[q]! - 0.3 * g),
        b2: Float64Array.from(ref.db2, (g, q) => network.params.b2[q]! - 0.3 * g),
      },
    };
    const expected = referencePass(stepped, dataset, 'sum').loss;
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    await vi.waitFor(() => expect(Number(screen.getByTestId('bp-step').textContent)).toBe(1));
    await vi.waitFor(() => expect(Number.isFinite(shownLoss())).toBe(true));
    expect(relative(shownLoss(), expected)).toBeLessThan(1e-12);
    expect(relative(expected, referencePass(stepped, dataset, 'mean').loss * 150)).toBeLessThan(1e-12);
  });

  claim('It says a run blew up when its loss at some step rises above twice where it started, and learned when it ends below half its start', () => {
    expect([BLEW_UP_ABOVE, LEARNED_BELOW]).toEqual([2, 0.5]);
    const verdict = (losses: number[]) => {
      const run = startBatchRun(10, 'mean', 0.1, losses.length - 1);
      run.losses.set(losses);
      run.filled = losses.length;
      return runOutcome(run).verdict;
    };
    expect(verdict([1, 2.01, 0.1])).toBe('blewUp');
    expect(verdict([1, 1.99, 0.49])).toBe('learned');
    expect(verdict([1, 0.9, 0.51])).toBe('stalled');
    expect(verdict([1, Infinity, 0.1])).toBe('blewUp');
  });

  claim('every run here is clearly one or the other: the ones that blew up peak at 12 times their start or more, the others end at 0.3 of it or less and never rise above it.', () => {
    for (const rate of LEARNING_RATES) for (const reduction of ['mean', 'sum'] as const) for (const m of BATCH_SIZES) {
      const { run, outcome } = demo(rate, reduction, m);
      expect(outcome.verdict).not.toBe('stalled');
      if (outcome.verdict === 'blewUp') expect(outcome.peakLoss / outcome.startLoss).toBeGreaterThanOrEqual(12);
      else {
        expect(outcome.finalLoss / outcome.startLoss).toBeLessThanOrEqual(0.3);
        for (const l of run.losses) expect(l).toBeLessThanOrEqual(outcome.startLoss);
      }
    }
  });

  claim('Its final loss moves with $m$ by a factor of at most 2.2 for $\\eta \\le 0.3$, and of 3.4 at $\\eta = 1$ (0.00108 at $m = 10$, 0.00369 at $m = 300$): the line under the table says how much.', () => {
    const factor = (rate: number) => {
      const finals = BATCH_SIZES.map((m) => demo(rate, 'mean', m).outcome.finalLoss);
      return Math.max(...finals) / Math.min(...finals);
    };
    for (const rate of LEARNING_RATES.filter((r) => r <= 0.3)) expect(factor(rate)).toBeLessThanOrEqual(2.2);
    expect(factor(0.3)).toBeGreaterThan(2.1); // "at most 2.2" is reached, not a loose bound
    expect(Math.abs(factor(1) - 3.4)).toBeLessThan(0.05);
    expect(Math.abs(demo(1, 'mean', 10).outcome.finalLoss - 0.00108)).toBeLessThanOrEqual(0.000005);
    expect(Math.abs(demo(1, 'mean', 300).outcome.finalLoss - 0.00369)).toBeLessThanOrEqual(0.000005);
    // the demo's line: its smallest and largest final loss and their ratio, from the same runs
    const runs: Record<string, RunResult> = {};
    for (const m of BATCH_SIZES) {
      const { run, outcome } = demo(1, 'mean', m);
      runs[runKey('mean', m)] = { m, reduction: 'mean', losses: run.losses, filled: run.filled, outcome };
    }
    const spread = meanSpread(runs);
    expect([spread?.low.m, spread?.high.m]).toEqual([10, 300]);
    expect(Math.abs((spread?.factor ?? NaN) - 3.4)).toBeLessThan(0.05);
  });

  claim('At $\\eta = 0.1$ the sum learns at $m = 10$ and $m = 30$, faster than the mean even (its step is 10 or 30 times as long), and blows up from $m = 100$ on.', () => {
    for (const m of [10, 30]) {
      const sum = demo(0.1, 'sum', m);
      const mean = demo(0.1, 'mean', m);
      expect(sum.outcome.verdict).toBe('learned');
      for (let s = 1; s <= DEMO_STEPS; s++) expect(sum.run.losses[s]!).toBeLessThan(mean.run.losses[s]!);
    }
    for (const m of [100, 300, 1000]) expect(demo(0.1, 'sum', m).outcome.verdict).toBe('blewUp');
  });

  claim('in every case offered here, the sum learns where $\\eta m$ is at most 3 and blows up where $\\eta m$ is 9 or more. A learning rate ten times smaller moves the breaking point to a batch ten times larger.', () => {
    for (const rate of LEARNING_RATES) for (const m of BATCH_SIZES) {
      const step = etaM(rate, m);
      expect(step <= 3 || step >= 9).toBe(true); // every case offered is one of the two
      expect(demo(rate, 'sum', m).outcome.verdict).toBe(step <= 3 ? 'learned' : 'blewUp');
    }
    for (const [big, small] of [[1, 0.1], [0.3, 0.03], [0.1, 0.01]] as const) expect(breakingPoint(small)).toBe(10 * breakingPoint(big));
  });

  claim('The check under the table compares the two gradients at the starting weights: their lengths differ by the factor $m$, to rounding.', () => {
    for (const m of BATCH_SIZES) {
      const { mean, sum } = gradientNorms(m);
      expect(Math.abs(sum / mean - m)).toBeLessThanOrEqual(1e-12 * m);
    }
    // the norms themselves, against the plain-loop reference at the demo's starting weights
    const start = startBatchRun(30, 'mean', 0.1);
    const ref = referencePass(start.net, start.data, 'mean');
    const norm = Math.hypot(...ref.dW1.flat(), ...ref.db1, ...ref.dW2.flat(), ...ref.db2);
    expect(relative(gradientNorms(30).mean, norm)).toBeLessThan(1e-12);
  });

  // -------------------------------------------------------------------------------------------
  // What to take away (each bullet replayed against the widgets' runs, more briefly than above)

  claim('The forward pass in matrix form, one row per point: $Z_1 = X W_1 + \\mathbf 1 b_1$ ($m \\times H$), $A_1 = f(Z_1)$, $Z_2 = A_1 W_2 + \\mathbf 1 b_2$ ($m \\times 3$, the logits), $P = \\operatorname{softmax}(Z_2)$.', () => {
    // the core's matrices are the plain-loop ones, for each activation and another H, m and data set
    for (const activation of ACTIVATION_LIST) {
      const s: RunSettings = { kind: 'spirals', hidden: 7, activation };
      const net = trainedAt(s, 60);
      const { dataset } = trainerStart(s);
      const ref = referencePass(net, dataset, 'mean');
      const { ws } = coreGradients(net, dataset, 'mean');
      const same = (flat: Float64Array, rows: number[][], width: number) => {
        expect(rows.length).toBe(150);
        rows.forEach((row, i) => {
          expect(row.length).toBe(width);
          row.forEach((v, j) => expect(Math.abs(flat[i * width + j]! - v)).toBeLessThanOrEqual(1e-14 * (1 + Math.abs(v))));
        });
      };
      same(ws.z1, ref.Z1, 7);
      same(ws.a1, ref.A1, 7);
      same(ws.p, ref.P, 3);
      // Z₂ = A₁W₂ + 1b₂, three logits per point
      const Z2 = ref.A1.map((a) => [0, 1, 2].map((k) => a.reduce((acc, v, j) => acc + v * net.params.w2[3 * j + k]!, net.params.b2[k]!)));
      same(ws.z2, Z2, 3);
    }
  });

  claim("The backward pass is seven lines. It starts from $dZ_2 = (P - Y)/m$ for the mean and walks back through the network, multiplying by a transposed weight matrix to pass a layer and by $f'(Z_1)$, entry by entry, to pass the activation.", () => {
    const shapes = { m: 150, inputs: 2, hidden: 16, outputs: 3, reduction: 'mean' as const, activation: 'relu' as const };
    expect(backwardShapesTex(shapes)).toHaveLength(7);
    const net = trainedAt({ kind: 'rings' }, 300);
    const { dataset } = trainerStart({ kind: 'rings' });
    const ref = referencePass(net, dataset, 'mean');
    const { ws } = coreGradients(net, dataset, 'mean');
    const W2 = matrix(net.params.w2, 16, 3);
    for (let i = 0; i < 150; i++) {
      for (let k = 0; k < 3; k++) expect(Math.abs(ws.dz2[3 * i + k]! - (ref.P[i]![k]! - ref.Y[i]![k]!) / 150)).toBeLessThan(1e-17);
      for (let j = 0; j < 16; j++) {
        // back through W₂: dA₁ = dZ₂ W₂ᵀ; back through f: dZ₁ = dA₁ ⊙ f′(Z₁)
        const da = [0, 1, 2].reduce((acc, k) => acc + ws.dz2[3 * i + k]! * W2[j]![k]!, 0);
        expect(Math.abs(ws.da1[16 * i + j]! - da)).toBeLessThanOrEqual(1e-15 * (1e-3 + Math.abs(da)));
        expect(Math.abs(ws.dz1[16 * i + j]! - ws.da1[16 * i + j]! * fPrime('relu', ws.z1[16 * i + j]!))).toBe(0);
      }
    }
  });

  claim('Every gradient has the shape of its matrix, and the shapes say where the transposes go: $dW_2 = A_1^{\\top} dZ_2$ is $H \\times 3$ like $W_2$, and $dW_1 = X^{\\top} dZ_1$ is $2 \\times H$ like $W_1$ (except at $H = 3$ for $dW_2$ and $H = 2$ for $dW_1$, where the transposed product fits too and the indices decide).', () => {
    for (let hidden = BACKPROP_LIMITS.hidden.min; hidden <= BACKPROP_LIMITS.hidden.max; hidden++) {
      const { network, dataset } = trainerStart({ hidden });
      const { ws } = coreGradients(network, dataset, 'mean');
      (['w1', 'b1', 'w2', 'b2'] as const).forEach((name) => expect(ws.grads[name].length).toBe(network.params[name].length));
    }
    // of A₁ (m × H) and dZ₂ (m × 3), transposed or not, only A₁ᵀ dZ₂ multiplies out to H × 3; likewise
    // of X (m × 2) and dZ₁ (m × H), only Xᵀ dZ₁ is 2 × H (for m = 150 and every H the slider offers but 2)
    for (let hidden = 1; hidden <= 32; hidden++) {
      expect(productsOfShape([150, hidden], [150, 3], [hidden, 3])).toEqual(hidden === 3 ? ['Aᵀ B', 'Bᵀ A'] : ['Aᵀ B']);
      if (hidden !== 2) expect(productsOfShape([150, 2], [150, hidden], [2, hidden])).toEqual(['Aᵀ B']);
    }
    const ref = referencePass(trainerStart().network, trainerStart().dataset, 'mean');
    expect([ref.dW2.length, ref.dW2[0]!.length, ref.dW1.length, ref.dW1[0]!.length]).toEqual([16, 3, 2, 16]);
  });

  claim('One hidden unit draws only strips between parallel lines; a region closed around the centre takes at least three units.', () => {
    for (const seed of [1, 2]) {
      const one = regionsAfter({ kind: 'rings', hidden: 1, seed }, 300);
      const runs = classRunsAcrossLines(one.network, one.regions);
      expect(new Set(runs).size).toBe(runs.length); // each class one strip at most
      for (const hidden of [1, 2]) {
        const { regions } = regionsAfter({ kind: 'rings', hidden, seed }, 1000);
        if (regions.includes(0)) expect(touchesEdge(regions, 0)).toBe(true);
      }
    }
    const three = regionsAfter({ kind: 'rings', hidden: 3, seed: 2 }, 2000);
    expect(three.regions.includes(0)).toBe(true);
    expect(touchesEdge(three.regions, 0)).toBe(false);
  }, 120_000);

  claim("The sum's gradient is $m$ times the mean's, so with the sum the learning rate has to shrink as $1/m$; with the mean, in full-batch descent, one learning rate suits every batch size. A learning rate far past $2/\\lambda_{\\max}$, chapter 6's limit taken at the current weights ($\\lambda_{\\max}$ the largest eigenvalue of the loss's Hessian there), overshoots: at $\\eta = 10$ the trainer's loss climbs to 726 within four steps, and $2/\\lambda_{\\max}$ is below 2.5 before each of them.", () => {
    // m times: the plain-loop gradients of both reductions at the demo's starting weights
    for (const m of [10, 300]) {
      const start = startBatchRun(m, 'mean', 0.1);
      const [mean, sum] = [referencePass(start.net, start.data, 'mean'), referencePass(start.net, start.data, 'sum')];
      mean.dW2.flat().forEach((g, q) => expect(Math.abs(sum.dW2.flat()[q]! - m * g)).toBeLessThanOrEqual(1e-12 * (1e-3 + Math.abs(m * g))));
    }
    // shrink as 1/m: the sum at η learns at m = 10 and blows up at m = 1000 unless η shrinks with m
    expect(demo(0.1, 'sum', 10).outcome.verdict).toBe('learned');
    expect(demo(0.1, 'sum', 1000).outcome.verdict).toBe('blewUp');
    // η shrunk a hundredfold for a hundred times the points: the sum learns again (the mean's step at η = 0.1)
    const shrunk = startBatchRun(1000, 'sum', 0.1 / 100);
    while (!advanceBatchRun(shrunk, 100));
    expect(runOutcome(shrunk).verdict).toBe('learned');
    for (const m of BATCH_SIZES) expect(demo(0.1, 'mean', m).outcome.verdict).toBe('learned');
    // chapter 6's limit: a step can settle only while η < 2/λmax
    const chapter6 = readFileSync(new URL('../../content/logistic-regression.mdx', HERE), 'utf8');
    expect(normaliseProse(chapter6)).toContain('descent can settle at the bottom only if $\\eta < 2/\\lambda_{\\max}$');
    // at the weights before each of the four steps, λmax ≥ the quotient, so 2/λmax ≤ 2/quotient ≤ 2.5:
    // η = 10 is at least four times past it
    const run = trainerRun({ learningRate: 10 });
    let loss = run.slice(0).loss;
    for (let step = 1; step <= 4; step++) {
      const net = run.network();
      // no pre-activation within the Hessian's nudge of ReLU's kink, so the differences are derivatives
      const Z1 = referencePass(net, run.dataset, 'mean').Z1.flat();
      expect(Math.min(...Z1.map(Math.abs))).toBeGreaterThan(1e-6 * 3);
      const { quotient, asymmetry } = curvatureLowerBound(net, run.dataset);
      expect(asymmetry).toBeLessThan(1e-5);
      expect(2 / quotient, `before step ${step}`).toBeLessThan(2.5);
      loss = run.slice(1).loss;
    }
    expect(Math.abs(loss - 726)).toBeLessThan(0.5);
  }, 120_000);

  claim('The backward pass costs a small multiple of the forward pass, counted exactly here: $8mH$ multiply-adds against $5mH$, 1.6 times, and about twice in a deep network. It gives all $6H + 3$ partial derivatives at once.', () => {
    for (const hidden of [5, 16]) {
      const { network, dataset } = trainerStart({ hidden });
      const ref = referencePass(network, dataset, 'mean');
      expect([ref.forwardCount, ref.backwardCount]).toEqual([5 * 150 * hidden, 8 * 150 * hidden]);
      const { ws } = coreGradients(network, dataset, 'mean');
      expect(ws.grads.w1.length + ws.grads.b1.length + ws.grads.w2.length + ws.grads.b2.length).toBe(6 * hidden + 3);
    }
    // a deep network, 2-64-64-64-64-64-3, counted the same way: forward X W₁, A₁W₂, …; backward dWₗ = Aₗ₋₁ᵀ dZₗ
    // for every layer and dAₗ₋₁ = dZₗ Wₗᵀ for every layer but the first
    const widths = [2, 64, 64, 64, 64, 64, 3];
    const random = createRandom(5);
    const m = 150;
    const randomMatrix = (r: number, c: number) => Array.from({ length: r }, () => Array.from({ length: c }, () => random.normal()));
    const weights = widths.slice(1).map((w, l) => randomMatrix(widths[l]!, w));
    const forwardCount = { n: 0 };
    const activations = [randomMatrix(m, 2)];
    for (const W of weights) activations.push(product(activations[activations.length - 1]!, W, forwardCount));
    const backwardCount = { n: 0 };
    let dZ = randomMatrix(m, 3);
    for (let l = weights.length - 1; l >= 0; l--) {
      product(transpose(activations[l]!), dZ, backwardCount);
      if (l > 0) dZ = product(dZ, transpose(weights[l]!), backwardCount);
    }
    const ratio = backwardCount.n / forwardCount.n;
    expect(ratio).toBeGreaterThan(1.9);
    expect(ratio).toBeLessThan(2);
  });

  claim("A central difference whose nudge carries a sample's pre-activation across ReLU's kink is no derivative: it mixes the slopes on the two sides. Nudge by less, so that every sample stays on its side.", () => {
    // blobs at step 1000, (W₁)₁,₆: sample 96 crosses the kink under the nudge h = 10⁻⁵
    const pass = explorerPass({}, 1000);
    const ref = referencePass(pass.net, pass.data, 'mean');
    const check = weightDifferenceCheck(pass, 1, 5);
    const i = check.kinks[0]!.sample;
    expect(i).toBe(95);
    const gradient = ref.dW1[0]![5]!;
    // the slope with sample 96's unit on instead of off: its share x₁ (dA₁)₉₆,₆ added
    const other = gradient + ref.X[i]![0]! * ref.dA1[i]![5]!;
    expect(Math.min(gradient, other)).toBeLessThan(check.value);
    expect(check.value).toBeLessThan(Math.max(gradient, other));
    expect(differenceAgrees(check, gradient)).toBe(false);
    // a smaller nudge keeps every sample on its side, and its difference is the derivative
    const again = check.kinkFree!;
    expect(again.step).toBeLessThan(Math.abs(ref.Z1[i]![5]! / ref.X[i]![0]!));
    expect(Math.abs(again.value - gradient)).toBeLessThanOrEqual(allowedDifferenceGap(again, gradient));
  });
});
