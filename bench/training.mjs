// @ts-check
/**
 * The training path of the core against TensorFlow.js on its plain-JavaScript CPU backend, on the
 * chapter-8 network: 2-16-3, ReLU, softmax cross-entropy (mean), full batch of 300 blobs points,
 * plain SGD. Both start from the same initial weights (the core's, copied into tf.Variables), see the
 * same data and learning rate, and take the same number of steps; their final losses must agree (tfjs
 * computes in float32, the core in float64, so to about 1e-4, not to the last bit) before any speed is
 * compared. Prints steps per second of each (median of a few timed repetitions after a warm-up), their
 * ratio (goal: the core ≥ 10× tfjs), timed in CPU seconds (wall-clock alongside), and the core's floating-point rate as a fraction of this
 * machine's scalar rate, measured here with a loop of independent multiply-adds.
 *
 * Runs in Node (V8, the engine of Chromium). Standalone: `node bench/training.mjs` (no build needed:
 * the core's TypeScript is bundled in memory by Vite's build API). Figures, not verdicts: nothing here
 * fails on a time.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { REPO_ROOT } from './lib/paths.mjs';

export const TRAINING_GOAL_RATIO = 10;

const SHAPE = /** @type {const} */ ({ inputs: 2, hidden: 16, outputs: 3, activation: 'relu' });
const POINTS = 300;
const LEARNING_RATE = 0.5;
const DATA_SEED = 8;
const INIT_SEED = 8;
/** Steps of the agreement run, and of every timed repetition of either library. */
const STEPS = 500;
const REPETITIONS = 5;
/** |core − tfjs| of the final loss allowed, relative to the loss (float32 against float64 over 500 steps). */
const LOSS_TOLERANCE = 1e-3;

/**
 * Bundles src/core/network.ts and datasets.ts with Vite (as the site does) into a temporary directory
 * and imports them, so this file runs in plain Node without a prior build.
 * @returns {Promise<{ network: any, minibatch: any, datasets: any, random: any }>}
 */
export async function loadCore() {
  const result = await build({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: {
        entry: { network: 'src/core/network.ts', minibatch: 'src/core/minibatch.ts', datasets: 'src/core/datasets.ts', random: 'src/core/random.ts' },
        formats: ['es'],
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  const dir = await mkdtemp(join(tmpdir(), 'logit-lab-training-'));
  try {
    for (const chunk of outputs) {
      if (chunk.type === 'chunk') await writeFile(join(dir, chunk.fileName), chunk.code);
    }
    const load = (/** @type {string} */ name) => import(pathToFileURL(join(dir, `${name}.js`)).href);
    const [network, minibatch, datasets, random] = await Promise.all(['network', 'minibatch', 'datasets', 'random'].map(load));
    return { network, minibatch, datasets, random };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs `work` and returns its wall-clock and CPU seconds. CPU time (user + system of this process, so
 * including V8's compiler and garbage-collector threads) is the figure used below: on a shared machine
 * wall-clock time also counts the time other processes held the cores, CPU time only what this did.
 * @param {() => unknown} work
 */
function timed(work) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  work();
  const wallSeconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { wallSeconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? /** @type {number} */ (sorted[mid]) : (/** @type {number} */ (sorted[mid - 1]) + /** @type {number} */ (sorted[mid])) / 2;
}

/**
 * Floating-point operations of one full-batch step of an I-H-K network on m rows, counting each
 * multiply, add, subtract and divide as one (JavaScript has no fused multiply-add), as the core does them:
 * forward z1 2IH, z2 2HK, softmax 4K + 1 (shift, running sum, normalise; the K exponentials not counted),
 * loss 3 (one log not counted); backward dz2 and db2 3K, dW2 and da1 4HK, db1 H (ReLU′ is a comparison),
 * dW1 2IH; then the SGD update 2 per parameter. Comparisons and the max are not counted.
 * @param {number} I @param {number} H @param {number} K @param {number} m
 */
export function flopsPerStep(I, H, K, m) {
  const perRow = 2 * I * H + 2 * H * K + 4 * K + 1 + 3 + 3 * K + 4 * H * K + H + 2 * I * H;
  const parameters = I * H + H + H * K + K;
  return m * perRow + 2 * parameters;
}

/**
 * The machine's scalar float64 rate in this engine: 8 independent chains of a = a·b + c (a multiply and
 * an add each, 2 flops) so that the loop is bound by the floating-point units' throughput, not by one
 * chain's latency; the chains start from a Float64Array and end in it so nothing can be folded away.
 * Also a streaming variant (8 independent dot-product accumulators over two L1-resident Float64Arrays),
 * closer to what a matrix loop can reach. The best of REPETITIONS runs of each, flops per CPU second.
 */
function measureScalarRate() {
  // Every constant a loop uses is a local of that loop: V8 re-reads a captured variable from its
  // closure's context at each use, which makes such a loop about 7× slower here.
  const state = new Float64Array(8).map((_, i) => 1 + i / 8);
  const registerLoop = (/** @type {number} */ iterations) => {
    const b = 0.999999;
    const c = 1e-7;
    let a0 = state[0] ?? 0, a1 = state[1] ?? 0, a2 = state[2] ?? 0, a3 = state[3] ?? 0;
    let a4 = state[4] ?? 0, a5 = state[5] ?? 0, a6 = state[6] ?? 0, a7 = state[7] ?? 0;
    for (let i = 0; i < iterations; i++) {
      a0 = a0 * b + c; a1 = a1 * b + c; a2 = a2 * b + c; a3 = a3 * b + c;
      a4 = a4 * b + c; a5 = a5 * b + c; a6 = a6 * b + c; a7 = a7 * b + c;
    }
    state[0] = a0; state[1] = a1; state[2] = a2; state[3] = a3;
    state[4] = a4; state[5] = a5; state[6] = a6; state[7] = a7;
    return 16 * iterations;
  };
  const xs = new Float64Array(1024).map((_, i) => Math.sin(i));
  const ys = new Float64Array(1024).map((_, i) => Math.cos(i));
  const sink = new Float64Array(1);
  const streamLoop = (/** @type {number} */ sweeps) => {
    const x = xs;
    const y = ys;
    const n = 1024;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    for (let sweep = 0; sweep < sweeps; sweep++) {
      for (let i = 0; i < n; i += 8) {
        s0 += (x[i] ?? 0) * (y[i] ?? 0); s1 += (x[i + 1] ?? 0) * (y[i + 1] ?? 0);
        s2 += (x[i + 2] ?? 0) * (y[i + 2] ?? 0); s3 += (x[i + 3] ?? 0) * (y[i + 3] ?? 0);
        s4 += (x[i + 4] ?? 0) * (y[i + 4] ?? 0); s5 += (x[i + 5] ?? 0) * (y[i + 5] ?? 0);
        s6 += (x[i + 6] ?? 0) * (y[i + 6] ?? 0); s7 += (x[i + 7] ?? 0) * (y[i + 7] ?? 0);
      }
    }
    sink[0] = s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
    return 2 * n * sweeps;
  };
  /** @param {(k: number) => number} loop @param {number} size */
  const rate = (loop, size) => {
    // Warm-up by many short calls, so that V8 optimises the function itself (not only a loop inside
    // one long call), then the best of the timed runs: the rate the machine can reach.
    for (let w = 0; w < 50; w++) loop(size / 100);
    let best = 0;
    for (let r = 0; r < REPETITIONS; r++) {
      let flops = 0;
      const { cpuSeconds } = timed(() => (flops = loop(size)));
      best = Math.max(best, flops / cpuSeconds);
    }
    return best;
  };
  const register = rate(registerLoop, 20_000_000);
  const stream = rate(streamLoop, 100_000);
  return { registerFlopsPerSecond: register, streamFlopsPerSecond: stream, sink: (sink[0] ?? 0) + (state[0] ?? 0) };
}

/**
 * @typedef {{
 *   engine: string, node: string, cpu: string, shape: string, points: number, learningRate: number,
 *   steps: number, repetitions: number,
 *   coreFinalLoss: number, tfjsFinalLoss: number, lossDifference: number, lossesAgree: boolean,
 *   coreAccuracy: number, tfjsAccuracy: number,
 *   coreStepsPerSecond: number, tfjsStepsPerSecond: number, ratio: number, goalRatio: number,
 *   coreWallStepsPerSecond: number, tfjsWallStepsPerSecond: number, wallRatio: number,
 *   flopsPerStep: number, coreFlopsPerSecond: number, scalarFlopsPerSecond: number,
 *   streamFlopsPerSecond: number, fractionOfScalar: number, fractionOfStream: number
 * }} TrainingRun
 */

/** @returns {Promise<TrainingRun>} */
export async function measureTraining() {
  // The machine's rate first, while this process runs nothing else: CPU time counts every thread of
  // the process, and Vite's build and tfjs leave work for V8's collector threads.
  const scalar = measureScalarRate();
  const { network, datasets } = await loadCore();
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-cpu');
  // Production mode: tfjs skips its debug-time correctness checks (the fast setting, fair to it), and
  // stops printing its advice to install the native Node backend (a browser has none).
  tf.enableProdMode();
  await tf.setBackend('cpu');
  await tf.ready();

  const data = datasets.makeDataset('blobs', POINTS, DATA_SEED);
  const initial = network.initNetwork(SHAPE, INIT_SEED);
  const { inputs: I, hidden: H, outputs: K } = SHAPE;

  // The core: a fresh copy of the initial network per run, one workspace for the whole batch.
  const ws = network.createWorkspace(SHAPE, POINTS);
  /** @param {number} steps */
  const coreRun = (steps) => {
    const net = network.cloneNetwork(initial);
    const time = timed(() => {
      for (let s = 0; s < steps; s++) network.trainStep(net, data.x, data.labels, POINTS, ws, LEARNING_RATE, 'mean');
    });
    return { net, ...time };
  };

  // TensorFlow.js: the same maths as tensor ops, in float32 (its only CPU float type). The backward
  // pass is written out with tf ops, as the core's is: tfjs-core's Node bundle registers no gradient
  // functions for tf.variableGrads (they come with the full @tensorflow/tfjs package), and the explicit
  // form is also the cheaper one for tfjs. Each step computes the loss too, as trainStep does; tf.tidy
  // frees each step's intermediates.
  const X = tf.tensor2d(Array.from(data.x), [POINTS, I]);
  const Y = tf.cast(tf.oneHot(tf.tensor1d(Array.from(data.labels), 'int32'), K), 'float32');
  const params = initial.params;
  const variables = () => ({
    w1: tf.variable(tf.tensor2d(Array.from(params.w1), [I, H])),
    b1: tf.variable(tf.tensor1d(Array.from(params.b1))),
    w2: tf.variable(tf.tensor2d(Array.from(params.w2), [H, K])),
    b2: tf.variable(tf.tensor1d(Array.from(params.b2))),
  });
  /** @typedef {ReturnType<typeof variables>} TfVariables */
  /** @param {TfVariables} v */
  const tfForward = (v) => {
    const z1 = tf.add(tf.matMul(X, v.w1), v.b1);
    const a1 = tf.relu(z1);
    const z2 = tf.add(tf.matMul(a1, v.w2), v.b2);
    return { z1, a1, z2 };
  };
  /** @param {import('@tensorflow/tfjs-core').Tensor} z2 */
  const tfLoss = (z2) => tf.losses.softmaxCrossEntropy(Y, z2);
  /** @param {TfVariables} v */
  const tfStep = (v) => {
    const { z1, a1, z2 } = tfForward(v);
    const loss = tfLoss(z2);
    const dz2 = tf.mul(tf.sub(tf.softmax(z2), Y), 1 / POINTS);
    const dw2 = tf.matMul(a1, dz2, true, false);
    const db2 = tf.sum(dz2, 0);
    const dz1 = tf.mul(tf.matMul(dz2, v.w2, false, true), tf.step(z1));
    const dw1 = tf.matMul(X, dz1, true, false);
    const db1 = tf.sum(dz1, 0);
    v.w1.assign(tf.sub(v.w1, tf.mul(LEARNING_RATE, dw1)));
    v.b1.assign(tf.sub(v.b1, tf.mul(LEARNING_RATE, db1)));
    v.w2.assign(tf.sub(v.w2, tf.mul(LEARNING_RATE, dw2)));
    v.b2.assign(tf.sub(v.b2, tf.mul(LEARNING_RATE, db2)));
    return loss;
  };
  /** @param {number} steps */
  const tfRun = (steps) => {
    const v = variables();
    const time = timed(() => {
      for (let s = 0; s < steps; s++) tf.tidy(() => void tfStep(v));
    });
    return { v, ...time };
  };
  const tfFinal = (/** @type {TfVariables} */ v) =>
    tf.tidy(() => {
      const { z2 } = tfForward(v);
      const loss = tfLoss(z2).dataSync()[0] ?? NaN;
      const predicted = tf.argMax(z2, 1).dataSync();
      let correct = 0;
      for (let r = 0; r < POINTS; r++) if (predicted[r] === data.labels[r]) correct++;
      return { loss, accuracy: correct / POINTS };
    });
  const dispose = (/** @type {{ v: TfVariables }} */ run) => {
    for (const t of Object.values(run.v)) t.dispose();
  };

  // Agreement: same start, same steps; the loss after the last step (a fresh forward pass) must match.
  const coreAgreement = coreRun(STEPS);
  const coreFinalLoss = network.forward(coreAgreement.net, data.x, data.labels, POINTS, ws, 'mean');
  const coreAccuracy = network.accuracy(coreAgreement.net, data.x, data.labels, POINTS, ws);
  const tfAgreement = tfRun(STEPS);
  const { loss: tfjsFinalLoss, accuracy: tfjsAccuracy } = tfFinal(tfAgreement.v);
  dispose(tfAgreement);
  const lossDifference = Math.abs(coreFinalLoss - tfjsFinalLoss);
  const lossesAgree = lossDifference <= LOSS_TOLERANCE * Math.max(coreFinalLoss, tfjsFinalLoss, 1e-3);

  // Timing: warm-up (the agreement runs above, and one more), then the median of REPETITIONS runs;
  // the core's runs all before tfjs's, so that tfjs's garbage is not collected on the core's time.
  const coreTimes = [];
  const tfTimes = [];
  const coreWall = [];
  const tfWall = [];
  coreRun(STEPS);
  for (let r = 0; r < REPETITIONS; r++) {
    const core = coreRun(STEPS);
    coreTimes.push(core.cpuSeconds);
    coreWall.push(core.wallSeconds);
  }
  dispose(tfRun(50));
  for (let r = 0; r < REPETITIONS; r++) {
    const run = tfRun(STEPS);
    tfTimes.push(run.cpuSeconds);
    tfWall.push(run.wallSeconds);
    dispose(run);
  }
  X.dispose();
  Y.dispose();
  const coreStepsPerSecond = STEPS / median(coreTimes);
  const tfjsStepsPerSecond = STEPS / median(tfTimes);
  const coreWallStepsPerSecond = STEPS / median(coreWall);
  const tfjsWallStepsPerSecond = STEPS / median(tfWall);

  const flops = flopsPerStep(I, H, K, POINTS);
  const coreFlopsPerSecond = flops * coreStepsPerSecond;
  return {
    engine: `V8 ${process.versions.v8}`,
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    shape: `${I}-${H}-${K} ${SHAPE.activation}`,
    points: POINTS,
    learningRate: LEARNING_RATE,
    steps: STEPS,
    repetitions: REPETITIONS,
    coreFinalLoss,
    tfjsFinalLoss,
    lossDifference,
    lossesAgree,
    coreAccuracy,
    tfjsAccuracy,
    coreStepsPerSecond,
    tfjsStepsPerSecond,
    ratio: coreStepsPerSecond / tfjsStepsPerSecond,
    coreWallStepsPerSecond,
    tfjsWallStepsPerSecond,
    wallRatio: coreWallStepsPerSecond / tfjsWallStepsPerSecond,
    goalRatio: TRAINING_GOAL_RATIO,
    flopsPerStep: flops,
    coreFlopsPerSecond,
    scalarFlopsPerSecond: scalar.registerFlopsPerSecond,
    streamFlopsPerSecond: scalar.streamFlopsPerSecond,
    fractionOfScalar: coreFlopsPerSecond / scalar.registerFlopsPerSecond,
    fractionOfStream: coreFlopsPerSecond / scalar.streamFlopsPerSecond,
  };
}

export const MINIBATCH_GOAL_RATIO = 0.9;
/** Epochs of the bit-for-bit check, and of each timed run (per batch size, so each run takes ~0.1–0.5 s). */
const CHECK_EPOCHS = 7;
const TIMED_EPOCHS = 600;
const SHUFFLE_SEED = 8;

/**
 * Minibatch SGD on the chapter-8 network written as the plain loop anyone would write, independent of
 * the core: one row at a time through Float64Arrays, the gradient zeroed before each batch, each row's
 * contribution added to it, then params −= η·grad. ReLU, mean over the batch's rows (as 1/rows times
 * P − Y). The order of epoch e is the core's documented shuffle (shuffleOrder in src/core/minibatch.ts:
 * Fisher–Yates on the identity by createRandom(seed XOR (e + 1)·0x9e3779b9)), written out again here;
 * a batch of all m rows is taken unshuffled. Every sum is accumulated in the order the maths is
 * written in (bias first, then inputs in order; rows in batch order), so it must give the core's
 * weights to the last bit. Updates `params` in place.
 * @param {{ w1: Float64Array, b1: Float64Array, w2: Float64Array, b2: Float64Array }} params
 * @param {Float64Array} x @param {Int32Array} labels @param {number} m
 * @param {{ I: number, H: number, K: number }} dims
 * @param {{ batchSize: number, learningRate: number, seed: number, steps: number }} settings
 * @param {(seed: number) => { int(n: number): number }} createRandom
 */
export function plainMinibatchSgd(params, x, labels, m, dims, settings, createRandom) {
  const { I, H, K } = dims;
  const { batchSize: B, learningRate: lr, seed, steps } = settings;
  const { w1, b1, w2, b2 } = params;
  const gw1 = new Float64Array(I * H);
  const gb1 = new Float64Array(H);
  const gw2 = new Float64Array(H * K);
  const gb2 = new Float64Array(K);
  const z1 = new Float64Array(H);
  const a1 = new Float64Array(H);
  const z2 = new Float64Array(K);
  const p = new Float64Array(K);
  const dz2 = new Float64Array(K);
  const dz1 = new Float64Array(H);
  const order = new Int32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  const perEpoch = Math.ceil(m / B);
  const seed32 = Number(BigInt.asIntN(32, BigInt(seed)));
  for (let s = 0; s < steps; s++) {
    const epoch = Math.floor(s / perEpoch);
    const batch = s - epoch * perEpoch;
    if (B < m && batch === 0) {
      const random = createRandom((seed32 ^ Math.imul(epoch + 1, 0x9e3779b9)) | 0);
      for (let i = 0; i < m; i++) order[i] = i;
      for (let i = m - 1; i > 0; i--) {
        const j = random.int(i + 1);
        const t = order[i] ?? 0;
        order[i] = order[j] ?? 0;
        order[j] = t;
      }
    }
    gw1.fill(0);
    gb1.fill(0);
    gw2.fill(0);
    gb2.fill(0);
    const from = batch * B;
    const rows = Math.min(B, m - from);
    const scale = 1 / rows;
    for (let r = 0; r < rows; r++) {
      const row = order[from + r] ?? 0;
      const xo = row * I;
      const label = labels[row] ?? 0;
      for (let j = 0; j < H; j++) {
        let sum = b1[j] ?? 0;
        for (let i = 0; i < I; i++) sum += (x[xo + i] ?? 0) * (w1[i * H + j] ?? 0);
        z1[j] = sum;
        a1[j] = sum > 0 ? sum : 0;
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        let sum = b2[k] ?? 0;
        for (let j = 0; j < H; j++) sum += (a1[j] ?? 0) * (w2[j * K + k] ?? 0);
        z2[k] = sum;
        if (sum > max) max = sum;
      }
      let total = 0;
      for (let k = 0; k < K; k++) {
        const e = Math.exp((z2[k] ?? 0) - max);
        p[k] = e;
        total += e;
      }
      const inv = 1 / total;
      for (let k = 0; k < K; k++) {
        const g = ((p[k] ?? 0) * inv - (k === label ? 1 : 0)) * scale;
        dz2[k] = g;
        gb2[k] = (gb2[k] ?? 0) + g;
      }
      for (let j = 0; j < H; j++) {
        const q = a1[j] ?? 0;
        let d = 0;
        for (let k = 0; k < K; k++) {
          const g = dz2[k] ?? 0;
          gw2[j * K + k] = (gw2[j * K + k] ?? 0) + q * g;
          d += (w2[j * K + k] ?? 0) * g;
        }
        const g1 = (z1[j] ?? 0) > 0 ? d : 0;
        dz1[j] = g1;
        gb1[j] = (gb1[j] ?? 0) + g1;
      }
      for (let i = 0; i < I; i++) {
        const c = x[xo + i] ?? 0;
        for (let j = 0; j < H; j++) gw1[i * H + j] = (gw1[i * H + j] ?? 0) + c * (dz1[j] ?? 0);
      }
    }
    for (let i = 0; i < w1.length; i++) w1[i] = (w1[i] ?? 0) - lr * (gw1[i] ?? 0);
    for (let i = 0; i < b1.length; i++) b1[i] = (b1[i] ?? 0) - lr * (gb1[i] ?? 0);
    for (let i = 0; i < w2.length; i++) w2[i] = (w2[i] ?? 0) - lr * (gw2[i] ?? 0);
    for (let i = 0; i < b2.length; i++) b2[i] = (b2[i] ?? 0) - lr * (gb2[i] ?? 0);
  }
}

/** @param {Float64Array} a @param {Float64Array} b */
function sameBits(a, b) {
  const ua = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const ub = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return ua.length === ub.length && ua.every((v, i) => v === ub[i]);
}

/**
 * @typedef {{ batchSize: number, coreExamplesPerSecond: number, plainExamplesPerSecond: number, ratio: number, sameWeights: boolean }} MinibatchSize
 * @typedef {{ shape: string, points: number, learningRate: number, checkEpochs: number, timedEpochs: number, repetitions: number,
 *   sizes: MinibatchSize[], sameWeights: boolean, goalRatio: number }} MinibatchRun
 */

/**
 * The core's trainMinibatches against plainMinibatchSgd at batch sizes 1, 10 and m: first the same
 * weights to the last bit after CHECK_EPOCHS epochs from the same start, then examples per CPU second
 * of each (median of REPETITIONS runs of TIMED_EPOCHS epochs, the two alternating so that drift of the
 * machine hits both alike, after a warm-up).
 * @returns {Promise<MinibatchRun>}
 */
export async function measureMinibatches() {
  const { network, minibatch, datasets, random } = await loadCore();
  const data = datasets.makeDataset('blobs', POINTS, DATA_SEED);
  const initial = network.initNetwork(SHAPE, INIT_SEED);
  const dims = { I: SHAPE.inputs, H: SHAPE.hidden, K: SHAPE.outputs };
  const ws = minibatch.createMinibatchWorkspace(SHAPE, POINTS);
  /** @type {MinibatchSize[]} */
  const sizes = [];
  for (const batchSize of [1, 10, POINTS]) {
    const perEpoch = Math.ceil(POINTS / batchSize);
    /** @param {number} epochs */
    const core = (epochs) => {
      const net = network.cloneNetwork(initial);
      const settings = { batchSize, learningRate: LEARNING_RATE, reduction: 'mean', seed: SHUFFLE_SEED, startStep: 0, steps: epochs * perEpoch };
      const time = timed(() => minibatch.trainMinibatches(net, data.x, data.labels, POINTS, ws, settings));
      return { params: net.params, ...time };
    };
    /** @param {number} epochs */
    const plain = (epochs) => {
      const params = network.cloneNetwork(initial).params;
      const settings = { batchSize, learningRate: LEARNING_RATE, seed: SHUFFLE_SEED, steps: epochs * perEpoch };
      const time = timed(() => plainMinibatchSgd(params, data.x, data.labels, POINTS, dims, settings, random.createRandom));
      return { params, ...time };
    };
    const a = core(CHECK_EPOCHS);
    const b = plain(CHECK_EPOCHS);
    const sameWeights = ['w1', 'b1', 'w2', 'b2'].every((name) => sameBits(a.params[name], b.params[name]));
    for (let w = 0; w < 3; w++) {
      core(TIMED_EPOCHS / 10);
      plain(TIMED_EPOCHS / 10);
    }
    const coreTimes = [];
    const plainTimes = [];
    for (let r = 0; r < REPETITIONS; r++) {
      coreTimes.push(core(TIMED_EPOCHS).cpuSeconds);
      plainTimes.push(plain(TIMED_EPOCHS).cpuSeconds);
    }
    const examples = TIMED_EPOCHS * POINTS;
    const coreExamplesPerSecond = examples / median(coreTimes);
    const plainExamplesPerSecond = examples / median(plainTimes);
    sizes.push({ batchSize, coreExamplesPerSecond, plainExamplesPerSecond, ratio: coreExamplesPerSecond / plainExamplesPerSecond, sameWeights });
  }
  return {
    shape: `${SHAPE.inputs}-${SHAPE.hidden}-${SHAPE.outputs} ${SHAPE.activation}`,
    points: POINTS,
    learningRate: LEARNING_RATE,
    checkEpochs: CHECK_EPOCHS,
    timedEpochs: TIMED_EPOCHS,
    repetitions: REPETITIONS,
    sizes,
    sameWeights: sizes.every((s) => s.sameWeights),
    goalRatio: MINIBATCH_GOAL_RATIO,
  };
}

/** @param {MinibatchRun} run */
export function formatMinibatches(run) {
  const k = (/** @type {number} */ v) => `${(v / 1e6).toFixed(2)} M`.padStart(9);
  return [
    `minibatch SGD, ${run.shape}, ${run.points} blobs points reshuffled each epoch, lr ${run.learningRate}, mean over each batch`,
    `  core trainMinibatches (src/core/minibatch.ts) against a plain Float64Array loop written in the bench; median of ${run.repetitions} runs of ${run.timedEpochs} epochs, CPU time`,
    `  batch size   examples/s core   examples/s plain   core / plain   same weights after ${run.checkEpochs} epochs`,
    ...run.sizes.map(
      (s) =>
        `  ${String(s.batchSize).padStart(10)}   ${k(s.coreExamplesPerSecond)}         ${k(s.plainExamplesPerSecond)}          ${s.ratio.toFixed(2).padStart(5)}×        ${s.sameWeights ? 'yes, bit for bit' : 'NO: THE WEIGHTS DIFFER'}`,
    ),
    `  goal: core / plain ≥ ${run.goalRatio}× at every batch size → ${run.sizes.every((s) => s.ratio >= run.goalRatio) ? 'met' : 'not met'}`,
  ].join('\n');
}

/** @param {TrainingRun} run */
export function formatTraining(run) {
  const g = (/** @type {number} */ flops) => `${(flops / 1e9).toFixed(2)} GFLOP/s`;
  return [
    `training, ${run.shape}, full batch of ${run.points} blobs points, SGD lr ${run.learningRate}, mean cross-entropy`,
    `  in Node ${run.node} (${run.engine}, the engine of Chromium), ${run.cpu}; median of ${run.repetitions} runs of ${run.steps} steps after warm-up`,
    `  same start, ${run.steps} steps: final loss core ${run.coreFinalLoss.toPrecision(6)} (float64), tfjs ${run.tfjsFinalLoss.toPrecision(6)} (float32), ` +
      `|Δ| ${run.lossDifference.toExponential(1)} → ${run.lossesAgree ? 'agree' : 'DO NOT AGREE: the comparison below is not like for like'}; accuracy ${run.coreAccuracy.toFixed(3)} / ${run.tfjsAccuracy.toFixed(3)}`,
    `                                   steps per CPU second   (wall-clock)`,
    `  core (src/core/network.ts)        ${run.coreStepsPerSecond.toFixed(0).padStart(8)}              (${run.coreWallStepsPerSecond.toFixed(0)})`,
    `  tfjs-core + tfjs-backend-cpu      ${run.tfjsStepsPerSecond.toFixed(0).padStart(8)}              (${run.tfjsWallStepsPerSecond.toFixed(0)})`,
    `  ratio core / tfjs                 ${run.ratio.toFixed(1).padStart(7)}×              (${run.wallRatio.toFixed(1)}×)   goal ≥ ${run.goalRatio}×`,
    `  core: ${run.flopsPerStep} flops/step × steps/CPU s = ${g(run.coreFlopsPerSecond)}; scalar rate of this machine ${g(run.scalarFlopsPerSecond)} ` +
      `(independent multiply-adds in registers) → ${(100 * run.fractionOfScalar).toFixed(1)}%; ` +
      `streaming Float64Array multiply-adds ${g(run.streamFlopsPerSecond)} → ${(100 * run.fractionOfStream).toFixed(1)}%`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `--minibatch`: only the minibatch comparison (no tfjs), a few seconds
  if (!process.argv.includes('--minibatch')) console.log(formatTraining(await measureTraining()));
  const minibatch = await measureMinibatches();
  console.log(formatMinibatches(minibatch));
  if (!minibatch.sameWeights) process.exitCode = 1;
}
