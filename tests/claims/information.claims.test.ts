import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import fc from 'fast-check';
import { expect } from 'vitest';
import { crossEntropy, distributionCrossEntropy, entropy, informationContent, klDivergence, softmax } from '../../src/core';
import { formatNumber } from '../../src/format/formatNumber';
import { createLabStore } from '../../src/state/createLabStore';
import { clampLogit, defaultInputs, LIMITS } from '../../src/state/labInputs';
import { normalizeLabels } from '../../src/state/labels';
import { InformationChecks } from '../../src/widgets/InformationChecks';
import { informationTex, informationText } from '../../src/widgets/informationFormula';
import {
  informationChecks,
  informationMeasures,
  logitsForDistribution,
  matchPrediction,
  withEntry,
  type InformationUnit,
} from '../../src/widgets/informationMath';
import { add, big, div, exp, log, LN2, mul, sumOf, toNumber } from '../core/reference/bigFloat';
import { describeClaims } from './chapterClaims';

/*
 * Chapter 1, "Information and cross-entropy". Every check replays what the explorer computes: the
 * measures and checks of informationMath, its live formula, its "Make p equal y", its bars (withEntry
 * and logitsForDistribution) and the store's buttons, with y and p as the learner can set them (logits
 * on the 0.1 grid of [−10, 10], two to eight classes). Reference values come from closed forms, by-hand
 * sums of the definitions, or the 60-digit BigFloat, never from the code under test.
 */

const SEED = 20240612;
const E = Math.E;
const { min: Z_MIN, max: Z_MAX } = LIMITS.logit;
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

const sliderLogits = (length: number) =>
  fc.array(
    fc.integer({ min: Z_MIN * 10, max: Z_MAX * 10 }).map((k) => clampLogit(k / 10)),
    { minLength: length, maxLength: length },
  );
/** A target y as the store holds it: non-negative weights normalised to sum to 1, zeros allowed. */
const target = (length: number) =>
  fc
    .array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 }), fc.double({ min: 1e-6, max: 1, noNaN: true })), {
      minLength: length,
      maxLength: length,
    })
    .map((w) => normalizeLabels(w))
    .filter((y): y is number[] => y !== undefined);
/** A learner's y and logits, two to eight classes. */
const state = fc.integer({ min: LIMITS.minClasses, max: LIMITS.maxClasses }).chain((c) => fc.tuple(target(c), sliderLogits(c)));
const property = <T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => void, numRuns = 300) =>
  fc.assert(fc.property(arbitrary, check), { seed: SEED, numRuns });

/** The definitions summed by hand, in bits or nats: H(y) = −Σ y log y, H(y, p) = −Σ y log p, KL = Σ y log(y/p). */
const logOf = (unit: InformationUnit) => (unit === 'bits' ? Math.log2 : Math.log);
const byHandEntropy = (y: number[], unit: InformationUnit) => -y.reduce((s, yi) => (yi > 0 ? s + yi * logOf(unit)(yi) : s), 0);
const byHandCross = (y: number[], p: ArrayLike<number>, unit: InformationUnit) =>
  -y.reduce((s, yi, i) => (yi > 0 ? s + yi * logOf(unit)(p[i] ?? NaN) : s), 0);

/** The explorer's live checks as the learner reads them (InformationChecks: props in, list out). */
function checksRendered(labels: number[], logits: number[], unit: InformationUnit): { ok: string; text: string }[] {
  const probabilities = Array.from(softmax(logits));
  const measures = informationMeasures(labels, probabilities, unit);
  const html = renderToStaticMarkup(createElement(InformationChecks, { labels, probabilities, unit, measures }));
  return [...html.matchAll(/<li data-ok="(\w+)">(.*?)<\/li>/g)].map((m) => ({ ok: m[1] ?? '', text: (m[2] ?? '').replace(/<!-- -->/g, '') }));
}

/** S = 1 + e + e², so softmax([2, 3, 4]) = [1, e, e²]/S: the chapter's starting p. */
const S = 1 + E + E * E;

describeClaims('information', (claim) => {
  // ---- Information: how surprised should you be? ----

  claim('A fair coin landing heads has $p = \\tfrac12$, so it carries $-\\log_2 \\tfrac12 = 1$ bit', () => {
    expect(informationContent(0.5, 2)).toBe(1);
  });

  claim('One outcome out of eight equally likely ones carries $-\\log_2 \\tfrac18 = 3$ bits', () => {
    expect(informationContent(1 / 8, 2)).toBe(3);
  });

  claim('A certain event carries $-\\log_2 1 = 0$ bits, and as $p \\to 0$ the information grows without bound.', () => {
    expect(informationContent(1, 2)).toBe(0);
    for (const k of [10, 100, 1000, 1074]) expect(informationContent(2 ** -k, 2)).toBe(k);
    expect(informationContent(0, 2)).toBe(Infinity);
  });

  claim('The rarer the event, the more bits it carries.', () => {
    property(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), ([a, b]) => {
      if (a < b) expect(informationContent(a, 2)).toBeGreaterThan(informationContent(b, 2));
    }, 1000);
    // and the explorer's check, on every p it can show
    property(state, ([y, z]) => {
      const p = softmax(z);
      expect(informationChecks(y, p, informationMeasures(y, p, 'bits')).rarerMore).toBe(true);
    });
  });

  claim('-\\log_2 (p\\,q) \\;=\\; (-\\log_2 p) + (-\\log_2 q).', () => {
    property(fc.tuple(fc.double({ min: 1e-6, max: 1, noNaN: true }), fc.double({ min: 1e-6, max: 1, noNaN: true })), ([p, q]) => {
      expect(informationContent(p * q, 2)).toBeCloseTo(informationContent(p, 2) + informationContent(q, 2), 12);
    });
  });

  claim('Two fair coins: $\\tfrac14$, so 2 bits.', () => {
    expect(informationContent(0.5 * 0.5, 2)).toBe(2);
  });

  // ---- Entropy: the average surprise ----

  claim('a one-hot $\\mathbf y$ (the outcome is certain) has $H(\\mathbf y) = 0$', () => {
    for (let c = LIMITS.minClasses; c <= LIMITS.maxClasses; c++) {
      for (let t = 0; t < c; t++) expect(entropy(Array.from({ length: c }, (_, i) => (i === t ? 1 : 0)), 2)).toBe(0);
    }
  });

  claim('the uniform $\\mathbf y$ (every class equally likely) has the largest entropy, $H(\\mathbf y) = \\log_2 C$', () => {
    for (let c = LIMITS.minClasses; c <= LIMITS.maxClasses; c++) {
      const uniform = normalizeLabels(Array<number>(c).fill(1)) ?? [];
      expect(relative(entropy(uniform, 2), Math.log2(c))).toBeLessThan(1e-15);
    }
    property(state, ([y]) => {
      expect(entropy(y, 2)).toBeLessThanOrEqual(Math.log2(y.length) * (1 + 1e-15));
    });
  });

  claim('a coin that lands heads 90% of the time has $H = -0.9 \\log_2 0.9 - 0.1 \\log_2 0.1 \\approx 0.47$ bits, less than the fair coin\'s 1 bit.', () => {
    // −0.9 log₂ 0.9 − 0.1 log₂ 0.1 = 0.468996 (60 digits: −(0.9 ln 0.9 + 0.1 ln 0.1)/ln 2)
    const term = (q: number) => mul(big(q), div(log(big(q)), LN2));
    const reference = -toNumber(add(term(0.9), term(0.1)));
    expect(Math.abs(reference - 0.4689955935892812)).toBeLessThan(1e-15);
    const h = entropy([0.9, 0.1], 2);
    expect(Math.abs(h - reference)).toBeLessThan(1e-15);
    expect(Math.abs(h - 0.47)).toBeLessThan(0.005);
    expect(h).toBeLessThan(entropy([0.5, 0.5], 2));
  });

  // ---- Cross-entropy ----

  claim('Classes with $y_i = 0$ cost nothing, whatever $\\mathbf p$ says; a class with $y_i > 0$ that $\\mathbf p$ calls impossible ($p_i = 0$) costs infinitely many bits.', () => {
    expect(distributionCrossEntropy([0, 1], [0, 1], 2)).toBe(0);
    expect(distributionCrossEntropy([0, 1], [0.99, 0.01], 2)).toBe(informationContent(0.01, 2));
    expect(distributionCrossEntropy([0.5, 0.5], [1, 0], 2)).toBe(Infinity);
    expect(informationMeasures([0.5, 0.5, 0], [1, 0, 0], 'bits').contributions).toEqual([0, Infinity, 0]);
  });

  // ---- Try it ----

  claim('the other bars of the same distribution share what is left, so each stays a distribution', () => {
    property(fc.tuple(state, fc.nat(), fc.integer({ min: 0, max: 100 })), ([[y], k, v]) => {
      const i = k % y.length;
      const dragged = withEntry(y, i, v / 100);
      expect(dragged[i]).toBe(v / 100);
      expect(Math.abs(dragged.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-14);
      const rest = y.reduce((sum, yj, j) => (j === i ? sum : sum + yj), 0);
      // in their old proportions, or equally when they had nothing
      dragged.forEach((d, j) => {
        if (j === i) return;
        const expected = rest > 1e-12 ? ((y[j] ?? NaN) / rest) * (1 - v / 100) : (1 - v / 100) / (y.length - 1);
        expect(d).toBeCloseTo(expected, 12);
      });
    });
  });

  claim('The table lists the bits per event, $-\\log_2 p_i$, for every class, and the terms $y_i \\cdot (-\\log_2 p_i)$ that add up to $H(\\mathbf y, \\mathbf p)$.', () => {
    property(state, ([y, z]) => {
      const p = softmax(z);
      const m = informationMeasures(y, p, 'bits');
      m.information.forEach((v, i) => expect(v).toBeCloseTo(-Math.log2(p[i] ?? NaN), 12));
      const sum = m.contributions.reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - m.crossEntropy)).toBeLessThan(1e-13 * Math.max(1, m.crossEntropy));
      expect(Math.abs(m.crossEntropy - byHandCross(y, p, 'bits'))).toBeLessThan(1e-12 * Math.max(1, m.crossEntropy));
    });
  });

  claim('Hover a number in the formula to see which bar it belongs to.', () => {
    // y_i and p_i in the written-out sum carry the term ids of their bars (y-2 on the target bar, p-2 on the prediction bar)
    const y = [0.2, 0.3, 0.5];
    const p = Array.from(softmax([2, 3, 4]));
    const tex = informationTex({ labels: y, probabilities: p, unit: 'bits', measures: informationMeasures(y, p, 'bits') });
    for (const i of [1, 2, 3]) {
      expect(tex.crossEntropy[1]).toContain(`\\term{y-${i}}{${y[i - 1]?.toFixed(3)}}`);
      expect(tex.crossEntropy[1]).toContain(`\\term{p-${i}}{${p[i - 1]?.toFixed(3)}}`);
    }
  });

  claim('Drag a $\\mathbf p$ bar down and watch its information, $-\\log_2 p_i$, climb: rarer means more bits.', () => {
    // p₃ of the starting p, dragged from 0.6 down to 0.01 a step at a time, as the bar sets the logits
    let logits = defaultInputs().logits;
    let last = -Infinity;
    for (const value of [0.6, 0.4, 0.2, 0.1, 0.05, 0.01]) {
      logits = logitsForDistribution(withEntry(Array.from(softmax(logits)), 2, value), logits);
      const info = informationMeasures([0, 1, 0], softmax(logits), 'bits').information[2] ?? NaN;
      expect(info).toBeGreaterThan(last);
      last = info;
    }
    expect(last).toBeGreaterThan(6); // p₃ ≈ 0.01: about log₂ 100 = 6.6 bits
  });

  claim('Press "Make y uniform": with three classes, $H(\\mathbf y) = \\log_2 3$, the most any $\\mathbf y$ over three classes can have.', () => {
    const store = createLabStore();
    store.getState().setLabels(store.getState().labels.map(() => 1)); // what the button does
    const y = store.getState().labels;
    expect(relative(informationMeasures(y, softmax(store.getState().logits), 'bits').entropy, Math.log2(3))).toBeLessThan(1e-15);
    expect(Math.abs(Math.log2(3) - 1.585)).toBeLessThan(0.0005);
    property(target(3), (other) => {
      expect(entropy(other, 2)).toBeLessThanOrEqual(Math.log2(3) * (1 + 1e-15));
    });
  });

  claim('Press a "one-hot" button: $H(\\mathbf y)$ drops to 0.', () => {
    const store = createLabStore({ labels: [0.2, 0.3, 0.5] });
    for (const t of [0, 1, 2]) {
      store.getState().setLabelClass(t);
      expect(informationMeasures(store.getState().labels, softmax(store.getState().logits), 'bits').entropy).toBe(0);
    }
  });

  claim('Move $\\mathbf p$ away from $\\mathbf y$ and back: $H(\\mathbf y, \\mathbf p)$ never goes below $H(\\mathbf y)$, and is smallest when $\\mathbf p$ matches $\\mathbf y$.', () => {
    property(state, ([y, z]) => {
      const p = softmax(z);
      const m = informationMeasures(y, p, 'nats');
      expect(m.crossEntropy).toBeGreaterThanOrEqual(byHandEntropy(y, 'nats') - 1e-12);
      expect(informationChecks(y, p, m).gibbs).toBe(true);
      // matched as closely as the sliders allow, it is within the grid's remainder of H(y), and no
      // random p does better than that by more than the same remainder
      const matched = matchPrediction(y, z, 'nats').logits;
      const best = informationMeasures(y, softmax(matched), 'nats').crossEntropy;
      expect(best - m.entropy).toBeLessThan(0.0013);
      expect(m.crossEntropy).toBeGreaterThan(best - 0.0013);
    });
  });

  claim('Dragging a $\\mathbf p$ bar therefore sets the logits, $z_i = \\ln p_i$ plus a constant that softmax ignores.', () => {
    // targets whose ratios fit in e²⁰ (nothing clamped at ±10): z_i − ln p_i is one constant, to the 0.05 of rounding
    property(fc.tuple(state, fc.nat(), fc.integer({ min: 1, max: 99 })), ([[, z], k, v]) => {
      const i = k % z.length;
      const wanted = withEntry(Array.from(softmax(z)), i, v / 100);
      const logs = wanted.map(Math.log);
      if (Math.max(...logs) - Math.min(...logs) > 19.8) return;
      const set = logitsForDistribution(wanted, z);
      const offsets = set.map((zi, j) => zi - (logs[j] ?? NaN));
      expect(Math.max(...offsets) - Math.min(...offsets)).toBeLessThanOrEqual(0.1 + 1e-9);
    });
  });

  claim('The logits move in steps of 0.1, so $\\mathbf p$ follows your hand only to that resolution.', () => {
    property(fc.tuple(state, fc.nat(), fc.integer({ min: 1, max: 99 })), ([[, z], k, v]) => {
      const i = k % z.length;
      const wanted = withEntry(Array.from(softmax(z)), i, v / 100);
      const logs = wanted.map(Math.log);
      if (Math.max(...logs) - Math.min(...logs) > 19.8) return;
      const set = logitsForDistribution(wanted, z);
      for (const zi of set) expect(Math.abs(zi * 10 - Math.round(zi * 10))).toBeLessThan(1e-9);
      // each log-ratio is off by at most 0.1, so p_i/wanted_i lies in [e^−0.1, e^0.1]
      const p = softmax(set);
      p.forEach((pi, j) => expect(Math.abs(Math.log(pi / (wanted[j] ?? NaN)))).toBeLessThanOrEqual(0.1 + 1e-9));
    });
    // so a bar dragged to 0.5 can land beside it: p₃ of [2, 3, 4] → z₃ = 3.3, p₃ = e^{3.3}/(e² + e³ + e^{3.3}) ≈ 0.4967
    const z = logitsForDistribution(withEntry(Array.from(softmax([2, 3, 4])), 2, 0.5), [2, 3, 4]);
    expect(z).toEqual([2, 3, 3.3]);
    const landed = softmax(z)[2] ?? NaN;
    expect(landed).toBeCloseTo(Math.exp(3.3) / (E ** 2 + E ** 3 + Math.exp(3.3)), 14);
    expect(Math.abs(landed - 0.4967)).toBeLessThan(0.00005);
  });

  // ---- KL divergence ----

  claim('The explorer computes KL on its own, straight from its definition, and checks that the two sides agree.', () => {
    property(state, ([y, z]) => {
      const p = softmax(z);
      for (const unit of ['bits', 'nats'] as const) {
        const m = informationMeasures(y, p, unit);
        // Σ y_i log(y_i/p_i), summed by hand
        const byHand = y.reduce((s, yi, i) => (yi > 0 ? s + yi * logOf(unit)(yi / (p[i] ?? NaN)) : s), 0);
        expect(Math.abs(m.kl - byHand)).toBeLessThan(1e-12 * Math.max(1, m.crossEntropy));
        expect(informationChecks(y, p, m).sumOk).toBe(true);
      }
    });
  });

  claim('So $\\mathrm{KL}(\\mathbf y \\,\\|\\, \\mathbf p) \\ge 0$, that is $H(\\mathbf y, \\mathbf p) \\ge H(\\mathbf y)$, with equality only when $p_i = y_i$ for every class.', () => {
    property(state, ([y, z]) => {
      const p = Array.from(softmax(z));
      expect(klDivergence(y, p)).toBeGreaterThanOrEqual(0);
      expect(klDivergence(y, y)).toBe(0);
      // any other p is above 0 by about ½Σ(p − y)²/y, far past rounding
      const far = Math.max(...p.map((pi, i) => Math.abs(pi - (y[i] ?? NaN))));
      if (far > 1e-3) expect(klDivergence(y, p)).toBeGreaterThan(1e-8);
    });
  });

  // ---- Bits or nats ----

  claim('H_{\\text{bits}} \\;=\\; \\frac{H_{\\text{nats}}}{\\ln 2} \\;\\approx\\; 1.443 \\, H_{\\text{nats}}', () => {
    const factor = 1 / Math.LN2; // 1.442695…
    expect(Math.abs(factor - 1.443)).toBeLessThan(0.0005);
    expect(relative(factor, toNumber(div(big(1), LN2)))).toBeLessThan(1e-16);
  });

  claim('every amount of information on it (the table\'s last two columns, $H(\\mathbf y)$, $H(\\mathbf y, \\mathbf p)$ and KL) is rescaled by that same factor, while $\\mathbf y$ and $\\mathbf p$ stay as they are, and the check "Bits are nats ÷ ln 2" confirms it.', () => {
    property(state, ([y, z]) => {
      const p = softmax(z);
      const bits = informationMeasures(y, p, 'bits');
      const nats = informationMeasures(y, p, 'nats');
      const same = (b: number, n: number) => (n === 0 ? expect(b).toBe(0) : expect(relative(b, n / Math.LN2)).toBeLessThan(1e-14));
      bits.information.forEach((b, i) => same(b, nats.information[i] ?? NaN));
      bits.contributions.forEach((b, i) => same(b, nats.contributions[i] ?? NaN));
      same(bits.entropy, nats.entropy);
      same(bits.crossEntropy, nats.crossEntropy);
      expect(Math.abs(bits.kl - nats.kl / Math.LN2)).toBeLessThan(1e-14 * Math.max(1e-300, nats.kl / Math.LN2) + 1e-300);
    }, 100);
    for (const unit of ['bits', 'nats'] as const) {
      const check = checksRendered([0, 1, 0], [2, 3, 4], unit).find((c) => c.text.startsWith('Bits are nats ÷ ln 2'));
      expect(check?.ok).toBe('true');
      // ln((1 + e + e²)/e) = 1.408 nats, ÷ ln 2 = 2.031 bits, by hand
      expect(check?.text).toBe(
        `Bits are nats ÷ ln 2: H(y, p) = ${Math.log(S / E).toFixed(3)} nats ÷ 0.6931 = ${Math.log2(S / E).toFixed(3)} bits, and in bits directly ${Math.log2(S / E).toFixed(3)} (differing by 0.00).`,
      );
    }
  });

  // ---- When can p equal y? ----

  claim('"Make p equal y" sets the logits to $z_i = \\ln y_i$ (shifted to fit the sliders), the logits whose softmax is $\\mathbf y$.', () => {
    const y = [0.2, 0.3, 0.5];
    const { logits } = matchPrediction(y, [2, 3, 4], 'bits');
    const offsets = logits.map((zi, i) => zi - Math.log(y[i] ?? NaN));
    expect(Math.max(...offsets) - Math.min(...offsets)).toBeLessThanOrEqual(0.1 + 1e-9);
    for (const zi of logits) expect(Math.abs(zi)).toBeLessThanOrEqual(10);
  });

  claim('For a uniform $\\mathbf y$ the logits come out equal and KL is exactly 0.', () => {
    for (let c = LIMITS.minClasses; c <= LIMITS.maxClasses; c++) {
      const store = createLabStore({ logits: Array.from({ length: c }, (_, i) => i - 3), labels: Array<number>(c).fill(1 / c) });
      store.getState().setLabels(Array<number>(c).fill(1)); // "Make y uniform"
      const match = matchPrediction(store.getState().labels, store.getState().logits, 'bits');
      expect(new Set(match.logits).size).toBe(1);
      expect(match.kl).toBe(0);
      expect(match.note).toBe('p is now as close to y as the logits allow: KL(y ‖ p) = 0.000 bits.');
    }
  });

  claim('For another soft $\\mathbf y$, KL drops to almost 0: the 0.1 steps of the logits leave a small remainder, under 0.0013 nats (0.002 bits) whatever $\\mathbf y$ is.', () => {
    // Each logit is ln y_i + c rounded to the 0.1 grid, off by δ_i ∈ [−0.05, 0.05], and then
    // KL = ln Σ y_i e^{δ_i} − Σ y_i δ_i ≤ (0.1)²/8 = 0.00125 nats (Hoeffding's lemma): the bound stated.
    let largest = 0;
    property(state, ([y, z]) => {
      if (y.filter((v) => v > 0).length < 2) return; // one-hot: the next claim
      const nats = matchPrediction(y, z, 'nats').kl;
      const bits = matchPrediction(y, z, 'bits').kl;
      largest = Math.max(largest, nats);
      expect(nats).toBeLessThan(0.0013);
      expect(bits).toBeLessThan(0.002);
    }, 3000);
    expect(largest).toBeGreaterThan(1e-4); // a remainder, not 0
    const soft = matchPrediction([0.2, 0.3, 0.5], [2, 3, 4], 'bits');
    expect(soft.kl).toBeGreaterThan(0);
    expect(soft.note).toMatch(/steps of 0\.1/);
  });

  claim('Softmax never outputs an exact 0, since $p_i = e^{z_i} / \\sum_k e^{z_k}$ and $e^{z_i} > 0$ for every finite $z_i$, so it never outputs an exact 1 either.', () => {
    // on the sliders, even at their extremes, in float64 too
    for (let c = LIMITS.minClasses; c <= LIMITS.maxClasses; c++) {
      const p = softmax([Z_MAX, ...Array<number>(c - 1).fill(Z_MIN)]);
      expect(p[0]).toBeLessThan(1);
      expect(Math.min(...p)).toBeGreaterThan(0);
      const q = softmax([Z_MIN, ...Array<number>(c - 1).fill(Z_MAX)]);
      expect(q[0]).toBeGreaterThan(0);
    }
  });

  claim('&= \\ln\\!\\Big(1 + \\sum_{j \\ne t} e^{\\,z_j - z_t}\\Big) \\;>\\; 0,', () => {
    property(fc.integer({ min: LIMITS.minClasses, max: LIMITS.maxClasses }).chain((c) => fc.tuple(sliderLogits(c), fc.nat({ max: c - 1 }))), ([z, t]) => {
      const y = z.map((_, i) => (i === t ? 1 : 0));
      const byHand = Math.log1p(z.reduce((s, zj, j) => (j === t ? s : s + Math.exp(zj - (z[t] ?? NaN))), 0));
      const kl = klDivergence(y, softmax(z));
      expect(kl).toBeGreaterThan(0);
      expect(relative(kl, byHand)).toBeLessThan(1e-13);
      expect(relative(kl, -Math.log(softmax(z)[t] ?? NaN))).toBeLessThan(1e-6); // −ln p_t, to the digits p_t keeps
    });
  });

  claim('The sliders stop at $\\pm 10$, so the best the explorer can do is $z_t = 10$ and every other logit at $-10$', () => {
    for (let c = LIMITS.minClasses; c <= LIMITS.maxClasses; c++) {
      for (let t = 0; t < c; t++) {
        const y = Array.from({ length: c }, (_, i) => (i === t ? 1 : 0));
        const { logits } = matchPrediction(y, Array.from({ length: c }, (_, i) => i - 2), 'nats');
        expect(logits).toEqual(y.map((yi) => (yi === 1 ? Z_MAX : Z_MIN)));
      }
    }
  });

  claim('KL becomes $\\ln(1 + (C - 1)\\,e^{-20})$, about $4 \\times 10^{-9}$ nats for three classes ($5.95 \\times 10^{-9}$ bits, as the explorer shows it), tiny but not 0.', () => {
    for (let c = LIMITS.minClasses; c <= LIMITS.maxClasses; c++) {
      const y = Array.from({ length: c }, (_, i) => (i === 1 ? 1 : 0));
      const exact = toNumber(log(sumOf([big(1), ...Array.from({ length: c - 1 }, () => exp(big(-20)))])));
      expect(relative(matchPrediction(y, Array<number>(c).fill(0), 'nats').kl, exact)).toBeLessThan(1e-7);
    }
    const nats = matchPrediction([0, 1, 0], [2, 3, 4], 'nats');
    const bits = matchPrediction([0, 1, 0], [2, 3, 4], 'bits');
    // ln(1 + 2e⁻²⁰) = 4.1223 × 10⁻⁹ nats = 5.9472 × 10⁻⁹ bits
    expect(Math.abs(nats.kl - 4e-9)).toBeLessThan(0.5e-9);
    expect(formatNumber(bits.kl, 3)).toBe('5.95 × 10⁻⁹');
    expect(bits.note).toBe(
      'p is now as close to y as the logits allow: KL(y ‖ p) = 5.95 × 10⁻⁹ bits. y is one-hot, and softmax never gives exactly 0 or 1, so KL gets close to 0 but never reaches it.',
    );
    expect(nats.kl).toBeGreaterThan(0);
  });

  // ---- The link to the loss ----

  claim('Then $H(\\mathbf y) = 0$, every term of the sum but one vanishes', () => {
    property(fc.integer({ min: LIMITS.minClasses, max: LIMITS.maxClasses }).chain((c) => fc.tuple(sliderLogits(c), fc.nat({ max: c - 1 }))), ([z, t]) => {
      const y = z.map((_, i) => (i === t ? 1 : 0));
      const m = informationMeasures(y, softmax(z), 'bits');
      expect(m.entropy).toBe(0);
      expect(m.contributions.filter((v) => v !== 0)).toHaveLength(1);
    });
  });

  claim('&= -\\log_2 p_t \\ \\text{bits} \\\\ &= -\\ln p_t \\ \\text{nats}.', () => {
    property(fc.integer({ min: LIMITS.minClasses, max: LIMITS.maxClasses }).chain((c) => fc.tuple(sliderLogits(c), fc.nat({ max: c - 1 }))), ([z, t]) => {
      const y = z.map((_, i) => (i === t ? 1 : 0));
      const p = softmax(z);
      expect(informationMeasures(y, p, 'bits').crossEntropy).toBe(-Math.log2(p[t] ?? NaN));
      expect(informationMeasures(y, p, 'nats').crossEntropy).toBe(-Math.log(p[t] ?? NaN));
    });
  });

  claim('In nats, $L = -\\ln p_t$ is the cross-entropy loss of the chapters that follow', () => {
    property(fc.integer({ min: LIMITS.minClasses, max: LIMITS.maxClasses }).chain((c) => fc.tuple(sliderLogits(c), fc.nat({ max: c - 1 }))), ([z, t]) => {
      const y = z.map((_, i) => (i === t ? 1 : 0));
      const loss = crossEntropy([z], [t]);
      expect(Math.abs(informationMeasures(y, softmax(z), 'nats').crossEntropy - loss)).toBeLessThan(1e-15 * Math.max(1, loss) + 2e-16);
    });
  });

  claim('A model that gives the true class probability 1 has loss 0', () => {
    expect(distributionCrossEntropy([0, 1, 0], [0, 1, 0])).toBe(0);
  });

  claim('The explorer starts with exactly this situation, $\\mathbf y = [0, 1, 0]$ and $\\mathbf z = [2, 3, 4]$: its formula collapses to a single term, $-\\log_2 p_2 \\approx 2.031$ bits.', () => {
    const { labels, logits } = defaultInputs();
    expect(labels).toEqual([0, 1, 0]);
    expect(logits).toEqual([2, 3, 4]);
    const p = Array.from(softmax(logits));
    const measures = informationMeasures(labels, p, 'bits');
    const tex = informationTex({ labels, probabilities: p, unit: 'bits', measures });
    // one product y₂ log₂ p₂, no sum: "= −1.000 log₂ 0.245"
    expect(tex.crossEntropy[1]).toBe('\\displaystyle {} = -\\term{y-2}{1.000}\\,\\log_2 \\term{p-2}{0.245}');
    expect(informationText({ labels, probabilities: p, unit: 'bits', measures })).toContain('= −(1.000 × log₂ 0.245) = 2.031 bits');
    // −log₂ p₂ = log₂((1 + e + e²)/e) = 2.0307, by hand
    expect(Math.abs(measures.crossEntropy - Math.log2(S / E))).toBeLessThan(1e-15);
    expect(Math.abs(measures.crossEntropy - 2.031)).toBeLessThan(0.0005);
  });

  claim('Switch to nats and it reads $-\\ln p_2 \\approx 1.408$, the loss PyTorch reports for these logits and class.', () => {
    const { labels, logits } = defaultInputs();
    const p = Array.from(softmax(logits));
    const measures = informationMeasures(labels, p, 'nats');
    expect(informationText({ labels, probabilities: p, unit: 'nats', measures })).toContain('= −(1.000 × ln 0.245) = 1.408 nats');
    // ln((1 + e + e²)/e) = 1.40761, by hand; the core's cross-entropy has PyTorch's semantics
    // (F.cross_entropy(torch.tensor([[2., 3., 4.]]), torch.tensor([1])) = 1.4076)
    expect(Math.abs(measures.crossEntropy - Math.log(S / E))).toBeLessThan(1e-15);
    expect(Math.abs(measures.crossEntropy - 1.408)).toBeLessThan(0.0005);
    expect(Math.abs(crossEntropy([logits], [1]) - measures.crossEntropy)).toBeLessThan(1e-15);
  });
});
