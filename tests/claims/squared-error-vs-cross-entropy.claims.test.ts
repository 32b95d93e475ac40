import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import {
  accuracy,
  binaryCrossEntropy,
  binaryCrossEntropyGradZ,
  binaryCrossEntropyLossZ,
  createRandom,
  logisticLoss,
  logisticLossGrad,
  logisticStep,
  sigmoid,
  sigmoidGrad,
  squaredErrorGradZ,
  squaredErrorLoss,
  type LogisticLossKind,
} from '../../src/core';
import { formatNumber } from '../../src/format/formatNumber';
import { RACE_POINTS, RACE_SEED } from '../../src/chapters/squared-error-vs-cross-entropy/LossRace';
import { advanceRace, makeRaceData, makeRaceDataWith, RACE_STARTS, startRace, type RaceState } from '../../src/chapters/squared-error-vs-cross-entropy/lossRaceMath';
import { confidentlyWrongRegion, gradientsAt, logit, saturationChecks, Z_LIMITS, type Target } from '../../src/chapters/squared-error-vs-cross-entropy/saturationMath';
import { headToHead, INIT_SCALE, runSeed, SEED_SETTINGS, summarize, type SeedInit, type SeedResult } from '../../src/chapters/squared-error-vs-cross-entropy/seedRuns';
import { RACE_CAP, SEED_EXPERIMENT_STATE, STEP_BUDGETS } from '../../src/chapters/squared-error-vs-cross-entropy/squaredErrorState';
import { add, big, div, exp, log, mul, neg, ONE, sub, toNumber } from '../core/reference/bigFloat';
import { describeClaims } from './chapterClaims';

/*
 * Chapter 7, "Squared error vs cross-entropy". The gradient claims replay the explorer's own math
 * (gradientsAt, saturationChecks) over its slider's grid; the race replays lossRaceMath with the
 * widget's seed and starts; the many-seed claims replay runSeed exactly as the page's workers run it
 * (seeds 1 to N, SEED_SETTINGS with the chosen init and steps), and runSeed itself is held to a
 * hand-written gradient-descent loop (createRandom and closed forms only) before its counts are trusted.
 * Reference values come from closed forms, the arbitrary-precision BigFloat, or (for the counts, the
 * medians and the step numbers) an independent Python replay of the seeded generator and training,
 * bit-for-bit equal to this code, which a reviewer ran.
 */

const SLIDER = Array.from({ length: Math.round((Z_LIMITS.max - Z_LIMITS.min) / Z_LIMITS.step) + 1 }, (_, k) =>
  Number((Z_LIMITS.min + k * Z_LIMITS.step).toFixed(10)),
);
const TARGETS = [1, 0] as const;
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
/** σ(z) to 60 digits, from BigFloat alone */
const refSigmoid = (z: number) => div(ONE, add(ONE, exp(neg(big(z)))));

/* ---- The race, replayed step by step as the widget takes them ---- */

const raceData = makeRaceData(RACE_SEED, RACE_POINTS);
/** Every state of a race from `start` at rate η, steps 0 to the cap. */
function raceHistory(start: keyof typeof RACE_STARTS, rate: number): RaceState[] {
  const states = [startRace(raceData, RACE_STARTS[start])];
  while ((states.at(-1) as RaceState).step < RACE_CAP) states.push(advanceRace(states.at(-1) as RaceState, raceData, rate, 1, RACE_CAP));
  return states;
}
const logitsOf = (w: ArrayLike<number>) =>
  Array.from({ length: RACE_POINTS }, (_, n) => (w[0] as number) * (raceData.X[2 * n] as number) + (w[1] as number) * (raceData.X[2 * n + 1] as number) + (w[2] as number));

/* ---- The many-seed experiment, as the page runs it: seeds 1…N, SEED_SETTINGS with the chosen init and steps ---- */

const cache = new Map<string, SeedResult[]>();
/** The first `count` seeds' results for one setting (computed once, for 200 seeds, the largest choice). */
function seedResults(init: SeedInit, steps: number, count: number): SeedResult[] {
  const key = `${init}/${steps}`;
  if (!cache.has(key)) cache.set(key, Array.from({ length: 200 }, (_, i) => runSeed(i + 1, { ...SEED_SETTINGS, init, steps })));
  return (cache.get(key) as SeedResult[]).slice(0, count);
}
/** A seed's data set and starting weights, drawn exactly as runSeed draws them. */
function seedStart(seed: number, init: SeedInit) {
  const random = createRandom(seed);
  const data = makeRaceDataWith(random, SEED_SETTINGS.points);
  const s = INIT_SCALE[init];
  const w0 = [s * random.normal(), s * random.normal(), s * random.normal()];
  const z = Array.from({ length: SEED_SETTINGS.points }, (_, n) => (w0[0] as number) * (data.X[2 * n] as number) + (w0[1] as number) * (data.X[2 * n + 1] as number) + (w0[2] as number));
  return { data, w0, z };
}
const onAccuracy = (results: SeedResult[]) => headToHead(results, (o) => o.accuracy, true);
const norm = (v: ArrayLike<number>) => Math.hypot(...Array.from(v));
/** ‖∇L_SE‖ / ‖∇L_CE‖ of a whole batch at w: the ratio of the two full-batch updates' lengths at one rate. */
const batchRatio = (w: ArrayLike<number>, X: Float64Array, t: Float64Array) =>
  norm(logisticLossGrad(w, X, t, 'squared-error')) / norm(logisticLossGrad(w, X, t, 'cross-entropy'));
/** A seed's weights after `steps` steps of one loss, trained as runSeed trains them (logisticStep at η = 1). */
function seedWeights(seed: number, init: SeedInit, loss: LogisticLossKind, steps: number) {
  const { data, w0 } = seedStart(seed, init);
  let w: ArrayLike<number> = w0;
  for (let k = 0; k < steps; k++) w = logisticStep(w, data.X, data.t, loss, SEED_SETTINGS.learningRate);
  return { data, w };
}
/** How many of a data set's points are confidently wrong (|ŷ − t| > 0.9) at weights w. */
function confidentlyWrong(w: ArrayLike<number>, data: { X: Float64Array; t: Float64Array }) {
  let count = 0;
  for (let n = 0; n < data.t.length; n++) {
    const z = (w[0] as number) * (data.X[2 * n] as number) + (w[1] as number) * (data.X[2 * n + 1] as number) + (w[2] as number);
    if (Math.abs(sigmoid(z) - (data.t[n] as number)) > 0.9) count++;
  }
  return count;
}
/** The first step (at most `cap`) after which a run of `loss` at rate η from w0 is more than 90% accurate. */
function stepsTo(accuracyAbove: number, data: { X: Float64Array; t: Float64Array }, w0: ArrayLike<number>, loss: LogisticLossKind, rate: number, cap: number) {
  let w = w0;
  for (let k = 0; k <= cap; k++) {
    if (accuracy(w, data.X, data.t) >= accuracyAbove) return k;
    w = logisticStep(w, data.X, data.t, loss, rate);
  }
  return Infinity;
}
/** The table's percent, as SeedSummaryTable prints it (one decimal). */
const tablePercent = (v: number) => `${formatNumber(100 * v, 1)}%`;

describeClaims('squared-error-vs-cross-entropy', (claim) => {
  claim('Before the next plot shows it, try one:', () => {
    // the opener above already plots both gradients, so the lead-in can only mean the plot after the
    // exercise: the first widget after <HardestPushExercise /> is the explorer's plot
    const mdx = readFileSync(new URL('../../content/squared-error-vs-cross-entropy.mdx', import.meta.url), 'utf8');
    expect(mdx).not.toContain('Before the plot shows it');
    expect(mdx.indexOf('<Opener />')).toBeLessThan(mdx.indexOf('Before the next plot shows it'));
    const after = mdx.slice(mdx.indexOf('<HardestPushExercise />') + '<HardestPushExercise />'.length);
    expect(/<([A-Z]\w*) \/>/.exec(after)?.[1]).toBe('SaturationExplorer');
  });

  // ---- Introduction ----

  claim('Both are 0 when $\\hat y = t$ and grow as the prediction moves away from the target', () => {
    for (const t of TARGETS) {
      // ŷ = t exactly: the logit is +∞ for t = 1 and −∞ for t = 0; the project's losses (the race's
      // per-point losses, and cross-entropy on a probability) are exactly 0 there
      const zAtTarget = t === 1 ? Infinity : -Infinity;
      expect(squaredErrorLoss(zAtTarget, t)).toBe(0);
      expect(binaryCrossEntropyLossZ(zAtTarget, t)).toBe(0);
      expect(binaryCrossEntropy([t], [t])).toBe(0);
      // moving ŷ away from t, in steps of 0.1 (ŷ = 0.9, 0.8, … for t = 1): both rise at every step, and
      // agree with the formulas ½(ŷ − t)² and −ln(probability of t) worked by hand
      const away = Array.from({ length: 9 }, (_, k) => (t === 1 ? 1 - (k + 1) / 10 : (k + 1) / 10));
      const se = away.map((p) => squaredErrorLoss(logit(p), t));
      const ce = away.map((p) => binaryCrossEntropyLossZ(logit(p), t));
      away.forEach((p, k) => {
        expect(se[k]).toBeCloseTo(0.5 * (p - t) ** 2, 14);
        expect(ce[k]).toBeCloseTo(-Math.log(t === 1 ? p : 1 - p), 14);
        expect(binaryCrossEntropy([p], [t])).toBeCloseTo(ce[k] as number, 14);
        if (k > 0) {
          expect(se[k]).toBeGreaterThan(se[k - 1] as number);
          expect(ce[k]).toBeGreaterThan(ce[k - 1] as number);
        }
      });
      expect(se[0]).toBeGreaterThan(0);
      expect(ce[0]).toBeGreaterThan(0);
    }
  });

  // ---- Two gradients by the chain rule ----

  claim('With cross-entropy, the derivative of the sigmoid goes away. The two gradients differ by exactly that one factor', () => {
    for (const z of SLIDER) {
      for (const t of TARGETS) {
        const g = gradientsAt(z, t);
        // against the closed forms from the 60-digit σ(z): (ŷ − t) and (ŷ − t)ŷ(1 − ŷ)
        const y = refSigmoid(z);
        const error = sub(y, big(t));
        const e = exp(neg(big(z)));
        const slope = div(e, mul(add(ONE, e), add(ONE, e))); // σ′(z) = e^{−z} / (1 + e^{−z})²
        expect(relative(g.crossEntropy, toNumber(error))).toBeLessThan(1e-15);
        expect(relative(g.squaredError, toNumber(mul(error, slope)))).toBeLessThan(1e-15);
        expect(relative(g.squaredError, g.crossEntropy * g.slope)).toBeLessThan(3e-16);
      }
    }
  });

  claim('with equality only at $\\hat y = \\tfrac12$, that is at $z = 0$', () => {
    expect(sigmoidGrad(0)).toBe(0.25);
    for (const z of SLIDER) if (z !== 0) expect(sigmoidGrad(z)).toBeLessThan(0.25);
  });

  claim("Squared error's factor $\\hat y(1 - \\hat y)$ is always between 0 and 0.25. So each point's squared-error gradient in $z$ is at most a quarter of its cross-entropy gradient: exactly a quarter with the unit sitting at $z = 0$, a smaller share anywhere else.", () => {
    for (const t of TARGETS) {
      expect(gradientsAt(0, t).squaredError / gradientsAt(0, t).crossEntropy).toBe(0.25);
      for (const z of SLIDER) {
        const g = gradientsAt(z, t);
        expect(g.slope).toBeGreaterThan(0);
        expect(g.slope).toBeLessThanOrEqual(0.25);
        if (z !== 0) expect(g.squaredError / g.crossEntropy).toBeLessThan(0.25);
      }
    }
  });

  claim("A whole batch's squared-error update is about one-fourth as large as the cross-entropy update when every point sits near $z = 0$, as at the race's neutral start below.", () => {
    // at w = 0 every σ′ is ¼ exactly, so the batch's ratio is ¼ to the last bit
    expect(batchRatio([0, 0, 0], raceData.X, raceData.t)).toBe(0.25);
    // and with every |z_n| below 0.2 (σ′ between 0.2475 and 0.25) it stays within 1% of ¼
    const random = createRandom(7);
    for (let k = 0; k < 20; k++) {
      const w = [0.015 * random.normal(), 0.015 * random.normal(), 0.015 * random.normal()];
      expect(Math.max(...logitsOf(w).map(Math.abs))).toBeLessThan(0.2);
      expect(Math.abs(batchRatio(w, raceData.X, raceData.t) - 0.25)).toBeLessThan(0.0025);
    }
  });

  claim("so the batch's ratio is not held below ¼: at the weights cross-entropy reaches after 300 steps of that race, squared error's gradient is 0.375 times as long as cross-entropy's", () => {
    // the race as it opens: the confidently wrong start at η = 1 (an independent replay gave 0.37517)
    const w = (raceHistory('confidently-wrong', 1).at(-1) as RaceState).crossEntropy.w;
    const ratio = batchRatio(w, raceData.X, raceData.t);
    expect(Math.abs(ratio - 0.375)).toBeLessThan(0.0005);
    // while every single point's ratio there is below ¼, as the bound says
    for (const [n, z] of logitsOf(w).entries()) expect(Math.abs(squaredErrorGradZ(z, raceData.t[n] as number) / binaryCrossEntropyGradZ(z, raceData.t[n] as number))).toBeLessThan(0.25);
  });

  claim('The plot below draws both gradients against $z$, with $\\sigma\'$ dashed and its ceiling of ¼ dotted.', () => {
    // the plot draws σ′ as the curve of kind 'slope' and the ceiling as .quarter-line at y = 0.25; the
    // chapter's stylesheet dashes the one (long dashes) and dots the other (dashes shorter than its gaps)
    const css = readFileSync(new URL('../../src/chapters/squared-error-vs-cross-entropy/squared-error-vs-cross-entropy.css', import.meta.url), 'utf8');
    const dashes = (selector: string) => {
      const rule = css.slice(css.indexOf(selector)).split('}')[0] as string;
      return (/stroke-dasharray:\s*([\d.]+)\s+([\d.]+)/.exec(rule) ?? []).slice(1).map(Number);
    };
    const [slopeDash = 0, slopeGap = 0] = dashes('.curve-slope {');
    const [quarterDash = 0, quarterGap = 0] = dashes('.quarter-line {');
    expect(slopeDash).toBeGreaterThan(slopeGap);
    expect(quarterDash).toBeLessThan(quarterGap);
    expect(gradientsAt(0, 1).slope).toBe(0.25);
  });

  claim('The checks underneath recompute the claims of this section at your $z$, including a central-difference check of both derivatives.', () => {
    for (const z of SLIDER) {
      for (const t of TARGETS) {
        const c = saturationChecks(gradientsAt(z, t));
        expect(c.ok, `z = ${z}, t = ${t}`).toEqual({ slope: true, product: true, share: true, centralDifference: true });
      }
    }
  });

  // ---- Confidently wrong, and stuck ----

  claim('Then $\\hat y = \\sigma(z) \\approx e^{z}$ is tiny, and so is the slope $\\hat y(1 - \\hat y) \\approx e^{z}$.', () => {
    for (const z of [-6, -7, -8]) {
      const g = gradientsAt(z, 1);
      expect(relative(g.prediction, Math.exp(z))).toBeLessThan(3e-3);
      expect(relative(g.slope, Math.exp(z))).toBeLessThan(5e-3);
    }
  });

  claim("Move $z$ to $-8$ in the explorer and squared error's gradient is about $-3 \\times 10^{-4}$, while cross-entropy's reads $-1.000$.", () => {
    expect(Z_LIMITS.min).toBe(-8);
    const g = gradientsAt(-8, 1);
    // by hand: σ(−8) = 1/(1 + e⁸) ≈ 3.353 × 10⁻⁴, so (σ − 1)σ(1 − σ) ≈ −3.351 × 10⁻⁴
    const s = 1 / (1 + Math.exp(8));
    expect(relative(g.squaredError, (s - 1) * s * (1 - s))).toBeLessThan(1e-12);
    expect(g.squaredError).toBeGreaterThan(-3.5e-4);
    expect(g.squaredError).toBeLessThan(-2.5e-4);
    expect(formatNumber(g.squaredError, 3)).toBe('−3.35 × 10⁻⁴'); // the readout shows it so
    expect(formatNumber(g.crossEntropy, 3)).toBe('−1.000');
  });

  claim('for $t = 1$ that is $z < \\ln(1/9) \\approx -2.2$, and for $t = 0$ its mirror image $z > 2.2$', () => {
    const edge = confidentlyWrongRegion(1)[1];
    expect(relative(edge, -toNumber(log(big(9))))).toBeLessThan(1e-15);
    expect(Math.abs(edge - -2.2)).toBeLessThan(0.05);
    expect(confidentlyWrongRegion(0)[0]).toBeCloseTo(-edge, 14);
    // the readout calls a point confidently wrong exactly there
    for (const z of SLIDER) {
      expect(gradientsAt(z, 1).confidentlyWrong).toBe(z < edge);
      expect(gradientsAt(z, 0).confidentlyWrong).toBe(z > -edge);
    }
  });

  claim("Everywhere in it, cross-entropy's gradient is at least 0.9 in size, and squared error's at most $0.9 \\times 0.1 \\times 0.9 = 0.081$, and falling fast.", () => {
    for (const t of TARGETS) {
      const inside = SLIDER.filter((z) => gradientsAt(z, t).confidentlyWrong);
      expect(inside.length).toBeGreaterThan(50);
      // ordered from the band's edge outwards
      const outwards = t === 1 ? inside.slice().reverse() : inside;
      const se = outwards.map((z) => Math.abs(gradientsAt(z, t).squaredError));
      for (const z of inside) expect(Math.abs(gradientsAt(z, t).crossEntropy)).toBeGreaterThan(0.9);
      expect(Math.max(...se)).toBeLessThanOrEqual(0.081);
      se.forEach((v, k) => k > 0 && expect(v).toBeLessThan(se[k - 1] as number));
      // and at the band's edge itself, ŷ = 0.1 (or 0.9), it is 0.081 to the last digits
      const edge = gradientsAt(t === 1 ? confidentlyWrongRegion(1)[1] : confidentlyWrongRegion(0)[0], t);
      expect(Math.abs(edge.squaredError)).toBeCloseTo(0.081, 14);
      // "falling fast": from 0.081 at the edge to 3.35 × 10⁻⁴ at the end of the slider, 240 times smaller
      expect((se[0] as number) / (se.at(-1) as number)).toBeGreaterThan(100);
    }
  });

  claim("Notice that squared error's gradient is small at both ends.", () => {
    for (const t of TARGETS) {
      expect(Math.abs(gradientsAt(-8, t).squaredError)).toBeLessThan(4e-4);
      expect(Math.abs(gradientsAt(8, t).squaredError)).toBeLessThan(4e-4);
    }
  });

  claim('The trouble is that it fades on the wrong side too: like $e^{-|z|}$ there, and faster, like $e^{-2|z|}$, on the right side.', () => {
    for (const t of TARGETS) {
      for (const size of [5, 6, 7, 8]) {
        const wrongSide = t === 1 ? -size : size;
        // |(ŷ − t)ŷ(1 − ŷ)| ≈ e^{−|z|} on the wrong side and ≈ e^{−2|z|} on the right side, both to within 3%
        const wrongRatio = Math.abs(gradientsAt(wrongSide, t).squaredError) * Math.exp(size);
        const rightRatio = Math.abs(gradientsAt(-wrongSide, t).squaredError) * Math.exp(2 * size);
        expect(wrongRatio).toBeGreaterThan(0.97);
        expect(wrongRatio).toBeLessThanOrEqual(1);
        expect(rightRatio).toBeGreaterThan(0.97);
        expect(rightRatio).toBeLessThanOrEqual(1);
      }
    }
    // so the two tails are not alike: at z = −8 (wrong, for t = 1) about e⁸ ≈ 3000 times the gradient at z = +8 (right)
    expect(gradientsAt(-8, 1).squaredError / gradientsAt(8, 1).squaredError).toBeCloseTo(Math.exp(8), -1);
  });

  claim("Both are tiny next to cross-entropy's, whose $\\hat y - t$ is small only when the prediction is right.", () => {
    for (const t of TARGETS) {
      for (const size of [5, 6, 7, 8]) {
        const wrong = gradientsAt(t === 1 ? -size : size, t);
        const right = gradientsAt(t === 1 ? size : -size, t);
        // squared error's is under 1% of cross-entropy's in both tails
        expect(Math.abs(wrong.squaredError / wrong.crossEntropy)).toBeLessThan(0.01);
        expect(Math.abs(right.squaredError / right.crossEntropy)).toBeLessThan(0.01);
        // cross-entropy's is near full size when wrong and small when right
        expect(Math.abs(wrong.crossEntropy)).toBeGreaterThan(0.99);
        expect(Math.abs(right.crossEntropy)).toBeLessThan(0.01);
      }
    }
  });

  // ---- A race ----

  const wrong = raceHistory('confidently-wrong', 1);

  claim('The data are 40 points in two clouds that come close, class 1 up and to the right; a line can separate these 40, but the nearest two of opposite classes are only 0.42 apart.', () => {
    expect(RACE_POINTS).toBe(40);
    const mean = (label: number, k: 0 | 1) => {
      let s = 0;
      for (let n = 0; n < RACE_POINTS; n++) if (raceData.t[n] === label) s += raceData.X[2 * n + k] as number;
      return s / 20;
    };
    expect(raceData.t.filter((t) => t === 1).length).toBe(20);
    for (const k of [0, 1] as const) {
      expect(mean(1, k)).toBeGreaterThan(0.5);
      expect(mean(0, k)).toBeLessThan(-0.5);
    }
    // separable: this line (found by linear programming in the independent replay) puts every point on its
    // own side, with |z| ≥ 3.9
    const line = [10.46, 29.19, -18.23];
    logitsOf(line).forEach((z, n) => expect((raceData.t[n] === 1 ? z : -z)).toBeGreaterThan(3.9));
    expect(accuracy(line, raceData.X, raceData.t)).toBe(1);
    // and the runs at η = 2 and 4 find such a line too: cross-entropy ends at 100%
    for (const rate of [2, 4]) expect((raceHistory('confidently-wrong', rate).at(-1) as RaceState).crossEntropy.accuracies[RACE_CAP]).toBe(1);
    // close: the nearest pair of opposite classes is 0.42 apart (the centres are 2√2 ≈ 2.83 apart)
    let nearest = Infinity;
    for (let i = 0; i < RACE_POINTS; i++) {
      for (let j = 0; j < RACE_POINTS; j++) {
        if (raceData.t[i] === 1 && raceData.t[j] === 0) {
          nearest = Math.min(nearest, Math.hypot((raceData.X[2 * i] as number) - (raceData.X[2 * j] as number), (raceData.X[2 * i + 1] as number) - (raceData.X[2 * j + 1] as number)));
        }
      }
    }
    expect(Math.abs(nearest - 0.42)).toBeLessThan(0.005);
  });

  claim('the centres of the clouds sit at $z = \\mp 8$, far out on the wrong flat tail of the sigmoid, and 39 of the 40 points start on the wrong side', () => {
    const [w1, w2, b] = RACE_STARTS['confidently-wrong'];
    expect(w1 * 1 + w2 * 1 + b).toBe(-8); // class 1's centre (1, 1)
    expect(w1 * -1 + w2 * -1 + b).toBe(8); // class 0's centre (−1, −1)
    expect(sigmoidGrad(8)).toBeLessThan(4e-4);
    expect(wrong[0]?.crossEntropy.accuracies[0]).toBe(1 / 40);
  });

  claim("cross-entropy's loss falls steeply from the first step and by the fourth its accuracy has jumped above 90%", () => {
    const ce = (wrong[4] as RaceState).crossEntropy;
    expect((ce.losses[0] as number) - (ce.losses[1] as number)).toBeGreaterThan(2); // 9.12 → 6.53
    expect(ce.accuracies[3]).toBeLessThan(0.5);
    expect(ce.accuracies[4]).toBeGreaterThan(0.9);
  });

  claim("while squared error's loss changes only in its fourth decimal", () => {
    const se = (wrong[4] as RaceState).squaredError.losses;
    // what the table shows (four decimals) for steps 0 to 4: the same first three decimals throughout
    const shown = se.map((v) => formatNumber(v, 4));
    expect(new Set(shown.map((s) => s.slice(0, 5)))).toEqual(new Set(['0.479']));
    expect(new Set(shown).size).toBeGreaterThan(1); // but the fourth does move
    expect((se[0] as number) - (se[4] as number)).toBeGreaterThan(1e-4);
    expect((se[0] as number) - (se[4] as number)).toBeLessThan(5e-4);
  });

  claim("compare the lengths of the last steps: squared error's is about two hundred times shorter", () => {
    for (let k = 1; k <= 4; k++) {
      const race = wrong[k] as RaceState;
      const ratio = race.crossEntropy.lastStep / race.squaredError.lastStep;
      expect(ratio, `step ${k}`).toBeGreaterThan(180);
      expect(ratio, `step ${k}`).toBeLessThan(250);
    }
  });

  claim('Press Play to run to 300 steps.', () => {
    expect(RACE_CAP).toBe(300);
    expect(wrong.at(-1)?.step).toBe(300);
  });

  claim("At $\\eta = 1$ squared error's loss is still above 0.44 after 200 steps (it started at 0.48); it drops only in the last hundred, and the race ends with fewer than half of the points right.", () => {
    const se = (wrong.at(-1) as RaceState).squaredError;
    expect(Math.abs((se.losses[0] as number) - 0.48)).toBeLessThan(0.005);
    expect(se.losses[200]).toBeGreaterThan(0.44);
    // the first 200 steps take off less than 0.04; the last 100 more than 0.2
    expect((se.losses[0] as number) - (se.losses[200] as number)).toBeLessThan(0.04);
    expect((se.losses[200] as number) - (se.losses[300] as number)).toBeGreaterThan(0.2);
    expect(se.accuracies[300]).toBeLessThan(0.5);
  });

  claim("Reset, raise $\\eta$ to 2 or 4 and run again: squared error does escape, after a long plateau and then a sudden drop, once a few points have crossed into the sigmoid's steep middle.", () => {
    const steep = (w: ArrayLike<number>) => logitsOf(w).filter((z) => Math.abs(z) < 2.2).length;
    for (const rate of [2, 4]) {
      const race = raceHistory('confidently-wrong', rate);
      const se = (race.at(-1) as RaceState).squaredError;
      expect(se.accuracies[300], `η = ${rate}`).toBeGreaterThan(0.9);
      // a long plateau: a tenth of the way down after 50 steps at most
      expect((se.losses[0] as number) - (se.losses[50] as number)).toBeLessThan(0.05);
      // then a sudden drop: the steepest step takes off over ten times what the first did
      const drops = se.losses.slice(1).map((v, k) => (se.losses[k] as number) - v);
      const steepest = drops.indexOf(Math.max(...drops)) + 1;
      expect(drops[steepest - 1]).toBeGreaterThan(10 * (drops[0] as number));
      // and by then more points sit in the steep middle, |z| < 2.2, than at the start
      const startCount = steep(RACE_STARTS['confidently-wrong']);
      const weightsThen = raceHistory('confidently-wrong', rate)[steepest]?.squaredError.w as Float64Array;
      expect(steep(weightsThen), `η = ${rate}, step ${steepest}`).toBeGreaterThan(startCount + 2);
    }
  });

  claim("squared error's first step is exactly one quarter of cross-entropy's, because every point's gradient is exactly a quarter of its cross-entropy one, and both models are above 90% accurate after that one step", () => {
    // at w = 0 every z_n is 0, where each point's squared-error gradient is its cross-entropy one times ¼
    for (const [n, z] of logitsOf([0, 0, 0]).entries()) {
      expect(z).toBe(0);
      expect(squaredErrorGradZ(z, raceData.t[n] as number)).toBe(binaryCrossEntropyGradZ(z, raceData.t[n] as number) / 4);
    }
    const after = raceHistory('neutral', 1)[1] as RaceState;
    const ws = after.squaredError.w;
    const wc = after.crossEntropy.w;
    // from w = 0 the step is the new weights themselves; σ′(0) = ¼ exactly, so it is a quarter to the last bit
    for (let k = 0; k < 3; k++) expect(ws[k]).toBe((wc[k] as number) / 4);
    expect(Math.hypot(...Array.from(wc))).toBeGreaterThan(0.1);
    expect(after.squaredError.accuracies[1]).toBeGreaterThan(0.9);
    expect(after.crossEntropy.accuracies[1]).toBeGreaterThan(0.9);
    // and at w = 0 every ŷ is ½: squared error ½ × ¼ and cross-entropy ln 2
    expect(after.squaredError.losses[0]).toBe(0.125);
    expect(after.crossEntropy.losses[0]).toBe(toNumber(log(big(2))));
  });

  // ---- Many seeds ----

  claim('each seed draws its own 40 points and its own random starting weights, and both losses train from that same start for a fixed number of steps at $\\eta = 1$', () => {
    expect(SEED_SETTINGS.points).toBe(40);
    expect(SEED_SETTINGS.learningRate).toBe(1);
    // two seeds, two data sets and two starts
    const a = seedStart(1, 'large');
    const b = seedStart(2, 'large');
    expect(a.w0).not.toEqual(b.w0);
    expect(Array.from(a.data.X)).not.toEqual(Array.from(b.data.X));

    // runSeed, the runner behind every count below, against a loop written out here from the chapter's
    // formulas alone: the generator, then the points (alternately class 1 around (1, 1) and class 0 around
    // (−1, −1), spread 0.9), the weights, and gradient descent with σ(z) = 1/(1 + e^{−z}),
    // g_n = ŷ_n − t_n or (ŷ_n − t_n)ŷ_n(1 − ŷ_n), w ← w − η (1/m) Σ g_n x̃_n. Seeds 30 and 66 (large)
    // sit on plateaus, seed 3 (small) trains normally.
    const byHand = (seed: number, init: SeedInit, steps: number) => {
      const random = createRandom(seed);
      const X: number[][] = [];
      const t: number[] = [];
      for (let n = 0; n < 40; n++) {
        const label = n % 2 === 0 ? 1 : 0;
        const centre = label === 1 ? 1 : -1;
        const x1 = centre + 0.9 * random.normal();
        X.push([x1, centre + 0.9 * random.normal()]);
        t.push(label);
      }
      const scale = init === 'large' ? 4 : 0.5;
      const w0 = [scale * random.normal(), scale * random.normal(), scale * random.normal()];
      const s = (z: number) => 1 / (1 + Math.exp(-z));
      const zs = (w: number[]) => X.map(([x1, x2]) => (w[0] as number) * (x1 as number) + (w[1] as number) * (x2 as number) + (w[2] as number));
      const train = (squared: boolean) => {
        let w = w0.slice();
        for (let k = 0; k < steps; k++) {
          let g1 = 0;
          let g2 = 0;
          let gb = 0;
          zs(w).forEach((z, n) => {
            // ŷ − t written without cancellation (1 − ŷ = σ(−z)), and ŷ(1 − ŷ) = σ(z)σ(−z)
            const error = t[n] === 1 ? -s(-z) : s(z);
            const g = squared ? error * s(z) * s(-z) : error;
            const [x1, x2] = X[n] as [number, number];
            g1 += g * x1;
            g2 += g * x2;
            gb += g;
          });
          // η = 1, and the mean over the m = 40 points
          w = [(w[0] as number) - g1 / 40, (w[1] as number) - g2 / 40, (w[2] as number) - gb / 40];
        }
        const z = zs(w);
        // log loss −ln(probability of the true label), as ln(1 + e^{∓z}) written to survive large |z|
        const minusLogP = (zn: number, tn: number) => {
          const m = tn === 1 ? -zn : zn;
          return Math.max(m, 0) + Math.log1p(Math.exp(-Math.abs(m)));
        };
        return {
          loss: z.reduce((acc, zn, n) => acc + (squared ? 0.5 * (t[n] === 1 ? s(-zn) : s(zn)) ** 2 : minusLogP(zn, t[n] as number)), 0) / 40,
          logLoss: z.reduce((acc, zn, n) => acc + minusLogP(zn, t[n] as number), 0) / 40,
          accuracy: z.filter((zn, n) => (zn >= 0) === (t[n] === 1)).length / 40,
        };
      };
      return { squaredError: train(true), crossEntropy: train(false) };
    };
    for (const [seed, init] of [[30, 'large'], [66, 'large'], [3, 'small']] as const) {
      const hand = byHand(seed, init, 300);
      const r = runSeed(seed, { ...SEED_SETTINGS, init, steps: 300 });
      for (const loss of ['squaredError', 'crossEntropy'] as const) {
        expect(r[loss].accuracy, `seed ${seed}, ${loss}`).toBe(hand[loss].accuracy);
        expect(relative(r[loss].loss, hand[loss].loss), `seed ${seed}, ${loss}`).toBeLessThan(1e-9);
        expect(relative(r[loss].logLoss, hand[loss].logLoss), `seed ${seed}, ${loss}`).toBeLessThan(1e-9);
      }
    }
  });

  claim("the final log loss, the mean cross-entropy on the same points (chapter 5's negative log-likelihood per point), one yardstick for both models", () => {
    // with 0 steps both models are still at the seed's start: its log loss is −ln of the probability of
    // each true label, averaged, computed here by hand
    for (const seed of [3, 17]) {
      const { data, z } = seedStart(seed, 'large');
      const byHand = z.reduce((s, zn, n) => s - Math.log(data.t[n] === 1 ? sigmoid(zn) : 1 - sigmoid(zn)), 0) / z.length;
      const r = runSeed(seed, { ...SEED_SETTINGS, init: 'large', steps: 0 });
      expect(relative(r.crossEntropy.logLoss, byHand)).toBeLessThan(1e-9);
      expect(r.squaredError.logLoss).toBe(r.crossEntropy.logLoss);
    }
  });

  /** The seeds (of the first 100, large weights) on which at least a quarter of the points start confidently wrong. */
  const saturatedSeeds = () => Array.from({ length: 100 }, (_, i) => i + 1).filter((seed) => {
    const { data, w0 } = seedStart(seed, 'large');
    return confidentlyWrong(w0, data) >= 10;
  });
  /** The seeds squared error leaves below 60% after the default 300 steps from large weights. */
  const tail = () => seedResults('large', 300, 100).filter((r) => r.squaredError.accuracy < 0.6).map((r) => r.seed);

  claim('on 60 of the first 100, at least a quarter of the points start confidently wrong', () => {
    expect(saturatedSeeds().length).toBe(60);
  });

  claim('Squared error falls behind on 44 of those 60', () => {
    const results = seedResults('large', 300, 100);
    const behind = saturatedSeeds().filter((seed) => {
      const r = results[seed - 1] as SeedResult;
      return r.squaredError.accuracy < r.crossEntropy.accuracy;
    });
    expect(behind.length).toBe(44);
  });

  claim('its accuracy grows a long tail of seeds stuck on a plateau: after the default 300 steps, ten of the 100 seeds end below 60% with squared error, none with cross-entropy.', () => {
    expect(SEED_EXPERIMENT_STATE.seeds.default).toBe('100');
    expect(SEED_EXPERIMENT_STATE.steps.default).toBe('300');
    expect(SEED_EXPERIMENT_STATE.init.default).toBe('large');
    const results = seedResults('large', 300, 100);
    expect(tail()).toEqual([20, 30, 42, 48, 66, 81, 83, 85, 88, 98]);
    expect(results.filter((r) => r.crossEntropy.accuracy < 0.6).length).toBe(0);
    // a long tail: the rest of squared error's seeds sit far above these ten (its median is 92.5%)
    expect(summarize(results.map((r) => r.squaredError.accuracy)).median).toBeGreaterThan(0.9);
  });

  claim('On each of those ten, squared error still has at least 18 of the 40 points confidently wrong, and on five of them it has reached a second plateau, where the model calls every point the same class and is confidently wrong on all 20 points of the other class.', () => {
    const sameClass: number[] = [];
    for (const seed of tail()) {
      const { data, w } = seedWeights(seed, 'large', 'squared-error', 300);
      expect(confidentlyWrong(w, data), `seed ${seed}`).toBeGreaterThanOrEqual(18);
      const logits = Array.from({ length: 40 }, (_, n) => (w[0] as number) * (data.X[2 * n] as number) + (w[1] as number) * (data.X[2 * n + 1] as number) + (w[2] as number));
      if (logits.every((z) => z >= 0) || logits.every((z) => z < 0)) {
        sameClass.push(seed);
        // the other class's 20 points all confidently wrong, so the loss is about ½ × ½ × 1 = 0.25
        expect(confidentlyWrong(w, data), `seed ${seed}`).toBe(20);
        expect(Math.abs(logisticLoss(w, data.X, data.t, 'squared-error') - 0.25)).toBeLessThan(0.005);
        // a plateau: the next 100 steps take less than 0.005 off the loss
        let later: ArrayLike<number> = w;
        for (let k = 0; k < 100; k++) later = logisticStep(later, data.X, data.t, 'squared-error', 1);
        expect(logisticLoss(w, data.X, data.t, 'squared-error') - logisticLoss(later, data.X, data.t, 'squared-error'), `seed ${seed}`).toBeLessThan(0.005);
      }
    }
    expect(sameClass).toEqual([20, 30, 66, 83, 88]);
  });

  claim('cross-entropy is ahead on accuracy on 58 of the 100, more often than not, but not on every seed; squared error wins 13 outright, and 29 are tied', () => {
    expect(onAccuracy(seedResults('large', 300, 100))).toEqual({ crossEntropy: 58, squaredError: 13, ties: 29 });
  });

  claim('where most predictions start between 0.2 and 0.8, on the sigmoid\'s steep middle', () => {
    let inMiddle = 0;
    for (let seed = 1; seed <= 100; seed++) inMiddle += seedStart(seed, 'small').z.filter((zn) => sigmoid(zn) >= 0.2 && sigmoid(zn) <= 0.8).length;
    expect(inMiddle / (100 * SEED_SETTINGS.points)).toBeGreaterThan(0.75); // 83%
  });

  claim('with 100 seeds and 300 steps, most end in a tie on accuracy (77), and squared error wins a few more of the rest than cross-entropy does (14 to 9)', () => {
    expect(onAccuracy(seedResults('small', 300, 100))).toEqual({ crossEntropy: 9, squaredError: 14, ties: 77 });
  });

  claim("Give both losses 3000 steps instead of 300 and the count turns round: most of squared error's stragglers catch up, and it ends ahead on accuracy more often than cross-entropy, on 29 seeds against 14 from large weights and on 28 against 2 from small ones.", () => {
    expect(STEP_BUDGETS).toContain(3000);
    const at300 = seedResults('large', 300, 100);
    const at3000 = seedResults('large', 3000, 100);
    expect(onAccuracy(at3000)).toEqual({ crossEntropy: 14, squaredError: 29, ties: 57 });
    // the stragglers: seeds where squared error was behind after 300 steps; most are level or ahead after 3000
    const stragglers = at300.filter((r) => r.squaredError.accuracy < r.crossEntropy.accuracy).map((r) => r.seed);
    const caughtUp = stragglers.filter((seed) => {
      const r = at3000[seed - 1] as SeedResult;
      return r.squaredError.accuracy >= r.crossEntropy.accuracy;
    });
    expect(stragglers.length).toBe(58);
    expect(caughtUp.length / stragglers.length).toBeGreaterThan(0.5); // 44 of 58
    expect(onAccuracy(seedResults('small', 3000, 100))).toEqual({ crossEntropy: 2, squaredError: 28, ties: 70 });
  }, 240_000);

  claim('On log loss, meanwhile, cross-entropy wins every seed, whatever the settings.', () => {
    // every choice the widget offers: both inits, every budget, up to 200 seeds (the others are prefixes)
    for (const init of ['large', 'small'] as const) {
      for (const steps of STEP_BUDGETS) {
        const results = seedResults(init, steps, 200);
        expect(headToHead(results, (o) => o.logLoss, false), `${init}, ${steps} steps`).toEqual({ crossEntropy: 200, squaredError: 0, ties: 0 });
      }
    }
  }, 240_000);

  // ---- Why the experiments are inconclusive ----

  claim('over the first 100 seeds it averages 0.21', () => {
    let total = 0;
    for (let seed = 1; seed <= 100; seed++) total += seedStart(seed, 'small').z.reduce((s, zn) => s + sigmoidGrad(zn), 0);
    const mean = total / (100 * SEED_SETTINGS.points);
    expect(Math.abs(mean - 0.21)).toBeLessThan(0.005);
  });

  claim("and squared error's first step is about a fifth as long as cross-entropy's. It is slower, not stuck: it reaches 90% accuracy in a median of 4 steps, cross-entropy in 1, and after 300 steps no seed is left below 60%.", () => {
    const ratios: number[] = [];
    const seSteps: number[] = [];
    const ceSteps: number[] = [];
    for (let seed = 1; seed <= 100; seed++) {
      const { data, w0 } = seedStart(seed, 'small');
      // at one rate, the two first steps' lengths are in the ratio of the two batch gradients' lengths
      ratios.push(batchRatio(w0, data.X, data.t));
      seSteps.push(stepsTo(0.9, data, w0, 'squared-error', 1, 300));
      ceSteps.push(stepsTo(0.9, data, w0, 'cross-entropy', 1, 300));
    }
    // about a fifth (0.213 in the median, every seed between 0.09 and ¼)
    expect(Math.abs(summarize(ratios).median - 0.2)).toBeLessThan(0.02);
    expect(Math.max(...ratios)).toBeLessThan(0.25);
    expect(summarize(seSteps).median).toBe(4);
    expect(summarize(ceSteps).median).toBe(1);
    expect(seedResults('small', 300, 100).filter((r) => r.squaredError.accuracy < 0.6 || r.crossEntropy.accuracy < 0.6)).toEqual([]);
  });

  claim('Where every $\\sigma\'(z_n)$ is close to ¼, a step "about one-fourth as large" at $\\eta$ is about the same step at $4\\eta$', () => {
    // near w = 0 (every |z_n| < 0.2) squared error's step at 4η is within 1% of cross-entropy's at η
    const random = createRandom(11);
    for (let k = 0; k < 20; k++) {
      const w = [0.015 * random.normal(), 0.015 * random.normal(), 0.015 * random.normal()];
      expect(Math.max(...logitsOf(w).map(Math.abs))).toBeLessThan(0.2);
      const se = logisticLossGrad(w, raceData.X, raceData.t, 'squared-error').map((g) => 4 * g);
      const ce = logisticLossGrad(w, raceData.X, raceData.t, 'cross-entropy');
      expect(norm(se.map((g, i) => g - (ce[i] as number))) / norm(ce)).toBeLessThan(0.01);
    }
  });

  claim("The neutral start shows it: from $\\mathbf w = 0$, squared error's first step at $\\eta = 4$ is exactly cross-entropy's at $\\eta = 1$ (after that the $\\sigma'(z_n)$ move away from ¼ and the two paths part).", () => {
    // to the last bit, and so in the table's digits: (0.522, 0.612, 0.000) both
    const zero = [0, 0, 0];
    const se = Array.from(logisticStep(zero, raceData.X, raceData.t, 'squared-error', 4));
    const ce = Array.from(logisticStep(zero, raceData.X, raceData.t, 'cross-entropy', 1));
    expect(se).toEqual(ce);
    expect(se.map((v) => formatNumber(v, 3))).toEqual(['0.522', '0.612', '0.000']);
    // after it, the σ′(z_n) are no longer ¼ …
    expect(Math.min(...logitsOf(se).map(sigmoidGrad))).toBeLessThan(0.2);
    // … and after 300 steps the two runs are far apart: (1.94, 3.09, −1.19) against (2.82, 4.16, −1.49)
    const fast = raceHistory('neutral', 4).at(-1)?.squaredError.w as Float64Array;
    const slow = raceHistory('neutral', 1).at(-1)?.crossEntropy.w as Float64Array;
    expect(norm(Array.from(fast, (v, i) => v - (slow[i] as number)))).toBeGreaterThan(1);
  });

  claim("From the confidently wrong start no factor of 4 makes up a slope of $3 \\times 10^{-4}$: at $\\eta = 4$ squared error's accuracy stays below 20% for its first 66 steps and first passes 90% at step 87, where cross-entropy at $\\eta = 1$ needs 4.", () => {
    // the slope at the clouds' centres, z = ∓8: σ′(8) = e⁸/(1 + e⁸)² ≈ 3.35 × 10⁻⁴
    expect(Math.abs(sigmoidGrad(8) - Math.exp(8) / (1 + Math.exp(8)) ** 2)).toBeLessThan(1e-18);
    expect(Math.abs(sigmoidGrad(8) - 3e-4)).toBeLessThan(0.5e-4);
    const se = (raceHistory('confidently-wrong', 4).at(-1) as RaceState).squaredError.accuracies;
    expect(Math.max(...se.slice(0, 67))).toBeLessThan(0.2);
    expect(se[67]).toBeGreaterThanOrEqual(0.2);
    expect(se.findIndex((a) => a > 0.9)).toBe(87);
    expect((wrong.at(-1) as RaceState).crossEntropy.accuracies.findIndex((a) => a > 0.9)).toBe(4);
  });

  claim("Squared error's plateaus end eventually: of the ten seeds it left below 60% after 300 steps, eight reach 90% within 3000 steps and the last two by step 21 000.", () => {
    const reach = tail().map((seed) => {
      const { data, w0 } = seedStart(seed, 'large');
      return stepsTo(0.9, data, w0, 'squared-error', 1, 21_000);
    });
    expect(reach.filter((k) => k <= 3000).length).toBe(8);
    expect(reach.every((k) => k <= 21_000)).toBe(true);
    // seed 88 at step 3683, seed 30 at step 20 959 in the independent replay
    expect(reach.filter((k) => k > 3000).sort((a, b) => a - b)).toEqual([3683, 20_959]);
  }, 60_000);

  claim('Whether a comparison calls that a loss, a tie or even a win depends on when it stops counting: with 3000 steps squared error is ahead more often, because it minimises a different quantity, closer to the count of training errors', () => {
    // a loss at 300 steps from large weights, a tie more often than anything from small ones, a win at 3000
    const short = onAccuracy(seedResults('large', 300, 100));
    const small = onAccuracy(seedResults('small', 300, 100));
    const long = onAccuracy(seedResults('large', 3000, 100));
    expect(short.crossEntropy).toBeGreaterThan(short.squaredError);
    expect(small.ties).toBeGreaterThan(small.crossEntropy + small.squaredError);
    expect(long.squaredError).toBeGreaterThan(long.crossEntropy);
  });

  claim("On every seed where it ends ahead, the point it gets most wrong lies further beyond its line than any point lies beyond cross-entropy's.", () => {
    /** How far the worst misclassified point lies beyond the line w (distance in the plane; 0 if none). */
    const worst = (w: ArrayLike<number>, data: { X: Float64Array; t: Float64Array }) => {
      let d = 0;
      for (let n = 0; n < data.t.length; n++) {
        const z = (w[0] as number) * (data.X[2 * n] as number) + (w[1] as number) * (data.X[2 * n + 1] as number) + (w[2] as number);
        const wrongBy = (data.t[n] === 1 ? -z : z) / Math.hypot(w[0] as number, w[1] as number);
        d = Math.max(d, wrongBy);
      }
      return d;
    };
    for (const init of ['large', 'small'] as const) {
      const ahead = seedResults(init, 3000, 100).filter((r) => r.squaredError.accuracy > r.crossEntropy.accuracy);
      expect(ahead.length).toBe(init === 'large' ? 29 : 28);
      for (const { seed } of ahead) {
        const se = seedWeights(seed, init, 'squared-error', 3000);
        const ce = seedWeights(seed, init, 'cross-entropy', 3000);
        expect(worst(se.w, se.data), `${init} seed ${seed}`).toBeGreaterThan(worst(ce.w, ce.data));
      }
    }
  }, 240_000);

  claim('Cross-entropy has long settled by then: its accuracy after 3000 steps is the same as after 300 on 93 of the 100 seeds.', () => {
    const at300 = seedResults('large', 300, 100);
    const at3000 = seedResults('large', 3000, 100);
    expect(at300.filter((r, i) => r.crossEntropy.accuracy === at3000[i]?.crossEntropy.accuracy).length).toBe(93);
  }, 240_000);

  claim('Log loss is the quantity cross-entropy training minimises', () => {
    const w = [0.7, -0.2, 0.1];
    expect(logisticLoss(w, raceData.X, raceData.t, 'cross-entropy')).toBeCloseTo(
      logitsOf(w).reduce((s, z, n) => s + binaryCrossEntropyLossZ(z, raceData.t[n] as Target), 0) / RACE_POINTS,
      14,
    );
    // a cross-entropy step from there lowers it
    const next = logisticStep(w, raceData.X, raceData.t, 'cross-entropy', 1);
    expect(logisticLoss(next, raceData.X, raceData.t, 'cross-entropy')).toBeLessThan(logisticLoss(w, raceData.X, raceData.t, 'cross-entropy'));
  });

  claim('Even on one measure, counting wins, medians and means can disagree: from large weights after 3000 steps, squared error wins more seeds and has the higher median accuracy (97.5% against 95.0%) but the lower mean (95.0% against 95.5%), because two of its seeds are still at 50%.', () => {
    const results = seedResults('large', 3000, 100);
    const wins = onAccuracy(results);
    expect(wins.squaredError).toBeGreaterThan(wins.crossEntropy);
    const se = summarize(results.map((r) => r.squaredError.accuracy));
    const ce = summarize(results.map((r) => r.crossEntropy.accuracy));
    // as the summary table prints them
    expect([tablePercent(se.median), tablePercent(ce.median)]).toEqual(['97.5%', '95.0%']);
    expect([tablePercent(se.mean), tablePercent(ce.mean)]).toEqual(['95.0%', '95.5%']);
    // the two seeds at 50% (30 and 88): without them squared error's mean would be the higher one
    const stuck = results.filter((r) => r.squaredError.accuracy === 0.5).map((r) => r.seed);
    expect(stuck).toEqual([30, 88]);
    const rest = results.filter((r) => !stuck.includes(r.seed));
    expect(summarize(rest.map((r) => r.squaredError.accuracy)).mean).toBeGreaterThan(summarize(rest.map((r) => r.crossEntropy.accuracy)).mean);
  }, 240_000);

  claim('And all these yardsticks are measured on the training points: none says which model generalises better.', () => {
    // runSeed's accuracy and log loss are those of the final weights on the very points it trained on
    for (const seed of [5, 30]) {
      const r = runSeed(seed, { ...SEED_SETTINGS, init: 'large', steps: 300 });
      const { data, w } = seedWeights(seed, 'large', 'squared-error', 300);
      expect(r.squaredError.accuracy).toBe(accuracy(w, data.X, data.t));
      expect(r.squaredError.logLoss).toBe(logisticLoss(w, data.X, data.t, 'cross-entropy'));
    }
  });

  claim('A point costs it at most ½, however wrong', () => {
    for (const z of [-1e3, -40, -8, 0, 8, 40, 1e3]) {
      for (const t of TARGETS) expect(squaredErrorLoss(z, t)).toBeLessThanOrEqual(0.5);
    }
    expect(squaredErrorLoss(-1e3, 1)).toBe(0.5);
    // while cross-entropy's cost of the same point grows without limit
    expect(binaryCrossEntropyLossZ(-1e3, 1)).toBeGreaterThanOrEqual(1e3);
  });
  claim("If the race's five class-1 points furthest up and to the right were labelled 0, then after 3000 steps from $\\mathbf w = 0$ at $\\eta = 1$ cross-entropy's line would get four of the 40 points wrong by their true labels, squared error's one.", () => {
    // the five class-1 points with the largest x₁ + x₂, relabelled 0
    const classOne = Array.from({ length: RACE_POINTS }, (_, n) => n).filter((n) => raceData.t[n] === 1);
    const along = (n: number) => (raceData.X[2 * n] as number) + (raceData.X[2 * n + 1] as number);
    const flipped = classOne.sort((a, b) => along(b) - along(a)).slice(0, 5);
    const noisy = Float64Array.from(raceData.t);
    for (const n of flipped) noisy[n] = 0;
    const train = (loss: LogisticLossKind) => {
      let w: ArrayLike<number> = [0, 0, 0];
      for (let k = 0; k < 3000; k++) w = logisticStep(w, raceData.X, noisy, loss, 1);
      return w;
    };
    const wrongByTrueLabels = (w: ArrayLike<number>) => Math.round(RACE_POINTS * (1 - accuracy(w, raceData.X, raceData.t)));
    expect(wrongByTrueLabels(train('cross-entropy'))).toBe(4);
    expect(wrongByTrueLabels(train('squared-error'))).toBe(1);
    // with the true labels both lines would get at most one wrong: the four are the mislabelling's doing
    const clean = (loss: LogisticLossKind) => {
      let w: ArrayLike<number> = [0, 0, 0];
      for (let k = 0; k < 3000; k++) w = logisticStep(w, raceData.X, raceData.t, loss, 1);
      return wrongByTrueLabels(w);
    };
    expect(clean('cross-entropy')).toBeLessThanOrEqual(1);
    expect(clean('squared-error')).toBeLessThanOrEqual(1);
  });

  claim("Momentum adds up past gradients, so a factor of ¼ on every gradient passes straight through it; Adam divides each step by a running average of the gradient's size, which cancels a constant factor (all but the small constant, often $10^{-8}$, that Adam adds to avoid dividing by 0) but not the differences in $\\sigma'$ from point to point.", () => {
    type Grad = (w: number[]) => ArrayLike<number>;
    const ce: Grad = (w) => logisticLossGrad(w, raceData.X, raceData.t, 'cross-entropy');
    const quarter: Grad = (w) => Array.from(ce(w), (g) => g / 4);
    const se: Grad = (w) => logisticLossGrad(w, raceData.X, raceData.t, 'squared-error');
    /** Heavy-ball momentum: v ← βv + g, w ← w − ηv. */
    const momentum = (grad: Grad, w0: readonly number[], rate: number, steps: number, beta = 0.9) => {
      const w = [...w0];
      const v = [0, 0, 0];
      for (let k = 0; k < steps; k++) {
        const g = grad(w);
        for (let i = 0; i < 3; i++) {
          v[i] = beta * (v[i] as number) + (g[i] as number);
          w[i] = (w[i] as number) - rate * (v[i] as number);
        }
      }
      return w;
    };
    /** Adam (Kingma and Ba), with its defaults β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸. */
    const adam = (grad: Grad, w0: readonly number[], rate: number, steps: number, eps = 1e-8) => {
      const w = [...w0];
      const m = [0, 0, 0];
      const s = [0, 0, 0];
      for (let k = 1; k <= steps; k++) {
        const g = grad(w);
        for (let i = 0; i < 3; i++) {
          const gi = g[i] as number;
          m[i] = 0.9 * (m[i] as number) + 0.1 * gi;
          s[i] = 0.999 * (s[i] as number) + 0.001 * gi * gi;
          const mHat = (m[i] as number) / (1 - 0.9 ** k);
          const sHat = (s[i] as number) / (1 - 0.999 ** k);
          w[i] = (w[i] as number) - (rate * mHat) / (Math.sqrt(sHat) + eps);
        }
      }
      return w;
    };
    const start = RACE_STARTS['confidently-wrong'];
    // momentum: a quarter of every gradient is the same path as the whole gradient at a quarter of the
    // rate, to the last bit: the factor is still there, as a smaller learning rate
    expect(momentum(quarter, start, 0.1, 200)).toEqual(momentum(ce, start, 0.025, 200));
    expect(norm(momentum(quarter, start, 0.1, 200).map((v, i) => v - (momentum(ce, start, 0.1, 200)[i] as number)))).toBeGreaterThan(0.1);
    // Adam: a quarter of every gradient gives the same path as the whole gradient, but for its small constant
    const a = adam(quarter, start, 0.1, 200);
    const b = adam(ce, start, 0.1, 200);
    expect(norm(a.map((v, i) => v - (b[i] as number))) / norm(b)).toBeLessThan(1e-6);
    expect(adam(quarter, start, 0.1, 200, 0)).toEqual(adam(ce, start, 0.1, 200, 0));
    // the constant is there because a gradient entry can be 0 from the start: without it Adam's first step
    // divides 0 by √0 and gives NaN; with the 10⁻⁸ that PyTorch and Kingma and Ba take by default, it stays put
    const flat: Grad = (w) => [0, ...Array.from(ce(w)).slice(1)];
    expect(adam(flat, start, 0.1, 1, 0)[0]).toBeNaN();
    expect(adam(flat, start, 0.1, 1)[0]).toBe(start[0]);
    // but squared error's gradient is not a constant multiple of cross-entropy's (each point has its own
    // σ′), so under Adam the two still take different paths
    const gSe = se([...start]);
    const gCe = ce([...start]);
    const cosine = Array.from(gSe).reduce((acc, g, i) => acc + g * (gCe[i] as number), 0) / (norm(gSe) * norm(gCe));
    expect(cosine).toBeLessThan(0.99);
    expect(norm(adam(se, start, 0.1, 300).map((v, i) => v - (adam(ce, start, 0.1, 300)[i] as number)))).toBeGreaterThan(1);
  });
});
