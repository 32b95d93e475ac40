// @vitest-environment jsdom
// (some claims are about what the rendered explorer shows and how it answers keys and the pointer)
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { cleanup, fireEvent, render, waitFor, within } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, expect } from 'vitest';
import prerendered from 'virtual:prerendered-tex/all';
import { crossEntropy, distributionCrossEntropy, entropy, informationContent, klDivergence, softmax } from '../../src/core';
import { formatNumber } from '../../src/format/formatNumber';
import { TermScope } from '../../src/math/TermScope';
import { registerPrerendered } from '../../src/math/texRuntime';
import { createLabStore } from '../../src/state/createLabStore';
import { LabProvider } from '../../src/state/LabContext';
import { clampLogit, defaultInputs, LIMITS } from '../../src/url/labInputs';
import { normalizeLabels } from '../../src/url/labels';
import { InformationChecks } from '../../src/chapters/information/InformationChecks';
import { InformationExplorer } from '../../src/chapters/information/InformationExplorer';
import { informationTex, informationText } from '../../src/chapters/information/informationFormula';
import {
  informationChecks,
  informationMeasures,
  logitsForDistribution,
  matchPrediction,
  withEntry,
  type InformationUnit,
} from '../../src/chapters/information/informationMath';
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

/** KL(y ‖ softmax(z)) in nats, by hand: Σ yᵢ ln yᵢ − Σ yᵢ zᵢ + ln Σ e^{zⱼ} (good to about 10⁻¹⁵). */
function klByHand(y: readonly number[], z: readonly number[]): number {
  const top = Math.max(...z);
  const lse = top + Math.log(z.reduce((s, zj) => s + Math.exp(zj - top), 0));
  return y.reduce((s, yi, i) => (yi > 0 ? s + yi * (Math.log(yi) - (z[i] ?? NaN) + lse) : s), 0);
}

/** The average codeword length of a Huffman code for these probabilities: the sum of every merged weight. */
function huffmanAverage(probabilities: readonly number[]): number {
  const queue = [...probabilities].sort((a, b) => a - b);
  let total = 0;
  while (queue.length > 1) {
    const merged = (queue.shift() ?? NaN) + (queue.shift() ?? NaN);
    total += merged;
    const at = queue.findIndex((q) => q > merged);
    queue.splice(at === -1 ? queue.length : at, 0, merged);
  }
  return total;
}

/** The explorer as a chapter shows it (its own lab store, inside a term scope), in jsdom. */
registerPrerendered(prerendered);
afterEach(() => {
  cleanup();
  window.location.hash = '';
});
function renderExplorer(initial: Parameters<typeof createLabStore>[0] = {}) {
  const store = createLabStore(initial);
  const ui: ReactElement = createElement(LabProvider, { store, children: createElement(TermScope, { children: createElement(InformationExplorer) }) });
  return { store, ...render(ui) };
}

describeClaims('information', (claim) => {
  // ---- Opening ----

  claim('and that, for a given $\\mathbf y$, is smallest exactly when $\\mathbf p = \\mathbf y$.', () => {
    // For any distribution p (not only a softmax), H(y, p) − H(y) = KL(y ‖ p) ≥ ½‖p − y‖₁² nats (Pinsker's
    // inequality): H(y, y) = H(y) is the least value, and every other p is above it by a margin we can state.
    const distribution = (c: number) =>
      fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1, noNaN: true })), { minLength: c, maxLength: c })
        .map((w) => normalizeLabels(w))
        .filter((d): d is number[] => d !== undefined);
    property(fc.integer({ min: 2, max: 8 }).chain((c) => fc.tuple(distribution(c), distribution(c))), ([y, p]) => {
      const h = byHandEntropy(y, 'nats');
      const l1 = y.reduce((s, yi, i) => s + Math.abs(yi - (p[i] ?? NaN)), 0);
      const measured = informationMeasures(y, p, 'nats');
      expect(Math.abs(informationMeasures(y, y, 'nats').crossEntropy - h)).toBeLessThan(1e-14);
      expect(measured.crossEntropy - h).toBeGreaterThanOrEqual(0.5 * l1 * l1 - 1e-12);
    }, 1000);
    // "small exactly when the two agree" would be wrong: H(y, y) for a uniform y over 3 classes is
    // log₂ 3 = 1.585 bits, more than H([0, 1, 0], [0.1, 0.8, 0.1]) = −log₂ 0.8 = 0.322 bits
    expect(distributionCrossEntropy([1 / 3, 1 / 3, 1 / 3], [1 / 3, 1 / 3, 1 / 3], 2)).toBeGreaterThan(1.58);
    expect(distributionCrossEntropy([0, 1, 0], [0.1, 0.8, 0.1], 2)).toBeLessThan(0.33);
  });

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
    // the explorer's information of pq against the right-hand side by hand, in natural logs over ln 2
    property(fc.tuple(fc.double({ min: 1e-6, max: 1, noNaN: true }), fc.double({ min: 1e-6, max: 1, noNaN: true })), ([p, q]) => {
      const right = -Math.log(p) / Math.LN2 + -Math.log(q) / Math.LN2;
      expect(Math.abs(informationContent(p * q, 2) - right)).toBeLessThan(1e-13 * Math.max(1, right));
    });
    // base 2, to the last bit: ¼ × ⅛ carries 2 + 3 = 5 bits (in nats it would be 5 ln 2 = 3.47)
    expect(informationContent(1 / 4, 2) + informationContent(1 / 8, 2)).toBe(5);
    expect(informationContent((1 / 4) * (1 / 8), 2)).toBe(5);
  });

  claim('Two fair coins: $\\tfrac14$, so 2 bits.', () => {
    expect(informationContent(0.5 * 0.5, 2)).toBe(2);
  });

  claim('A real code must use whole bits, for instance $\\lceil -\\log_2 p \\rceil$ for each codeword, so unless every probability is a power of $\\tfrac12$ (as for the coins) it can only approach the ideal on average, by coding long runs of events together.', () => {
    // powers of ½ have whole ideal lengths, and a code one event at a time reaches the entropy exactly:
    // (½, ¼, ¼) gets 1, 2, 2 bits, an average of 1.5 bits = H
    expect([0.5, 0.25, 0.25].map((p) => Math.ceil(-Math.log2(p)))).toEqual([1, 2, 2]);
    expect(0.5 * 1 + 0.25 * 2 + 0.25 * 2).toBe(byHandEntropy([0.5, 0.25, 0.25], 'bits'));
    expect(huffmanAverage([0.5, 0.25, 0.25])).toBe(1.5);
    // ⌈−log₂ p⌉ are whole lengths that a prefix code can have (Kraft: Σ 2^−ℓ ≤ 1), on average within a
    // bit of the entropy, the ideal's average
    const shannon = (probabilities: number[]) => probabilities.map((p) => Math.ceil(-Math.log2(p)));
    const coin = [0.9, 0.1];
    const h = byHandEntropy(coin, 'bits'); // 0.469 bits
    for (const dist of [coin, [0.5, 0.25, 0.125, 0.125], [0.7, 0.2, 0.1]]) {
      const lengths = shannon(dist);
      expect(lengths.reduce((s, l) => s + 2 ** -l, 0)).toBeLessThanOrEqual(1);
      const average = dist.reduce((s, p, i) => s + p * (lengths[i] ?? NaN), 0);
      expect(average).toBeGreaterThanOrEqual(byHandEntropy(dist, 'bits') - 1e-12);
      expect(average).toBeLessThan(byHandEntropy(dist, 'bits') + 1);
    }
    // "for instance": the best code for one event of (0.9, 0.1) (Huffman's) uses 1 bit for each
    // outcome, not ⌈−log₂ 0.9⌉ = 1 and ⌈−log₂ 0.1⌉ = 4
    expect(shannon(coin)).toEqual([1, 4]);
    expect(huffmanAverage(coin)).toBe(1);
    // Coding runs of n events, the best code's average per event comes down towards 0.469 bits, never
    // below it (Kraft and Gibbs), and within 1/n of it (Shannon's code for the run): an approach, on
    // average (not step by step: 1, 0.645, 0.533, 0.493, 0.480, 0.470, 0.474, … worked out in Python).
    const perRun: number[] = [];
    for (let n = 1; n <= 10; n++) {
      const runs = Array.from({ length: 2 ** n }, (_, r) => {
        const tens = r.toString(2).split('').filter((b) => b === '1').length;
        return 0.1 ** tens * 0.9 ** (n - tens);
      });
      const perEvent = huffmanAverage(runs) / n;
      expect(perEvent).toBeGreaterThanOrEqual(h - 1e-12);
      expect(perEvent).toBeLessThan(h + 1 / n);
      perRun.push(perEvent);
    }
    expect(Math.abs((perRun[1] ?? NaN) - 0.645)).toBeLessThan(1e-12); // pairs: 0.81·1 + 0.09·2 + 0.09·3 + 0.01·3 = 1.29 bits
    expect(Math.min(...perRun) - h).toBeLessThan(0.002); // runs of 6: 0.4702 bits per event, against the ideal 0.4690
    expect(1 - h).toBeGreaterThan(0.5); // one event at a time: 1 bit, more than twice the ideal
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

  claim('In the explorer below, the bars labelled $y_1, y_2, \\dots$ are the target $\\mathbf y$ and those labelled $p_1, p_2, \\dots$ the prediction $\\mathbf p$.', () => {
    // labels, not places: on a phone the two charts stack, on a desktop they stand side by side
    const { container } = renderExplorer({ labels: [0.2, 0.3, 0.5], logits: [2, 3, 4] });
    const chart = (symbol: string) => container.querySelector(`svg.distribution-${symbol}`);
    const labelsOf = (symbol: string) => [...(chart(symbol)?.querySelectorAll('.bar-label') ?? [])].map((t) => t.textContent);
    const valuesOf = (symbol: string) => [...(chart(symbol)?.querySelectorAll('[role="slider"]') ?? [])].map((b) => Number(b.getAttribute('aria-valuenow')));
    expect(labelsOf('y')).toEqual(['y1', 'y2', 'y3']);
    expect(labelsOf('p')).toEqual(['p1', 'p2', 'p3']);
    expect(valuesOf('y')).toEqual([0.2, 0.3, 0.5]);
    valuesOf('p').forEach((v, i) => expect(Math.abs(v - E ** i / S)).toBeLessThan(1e-15));
    expect(chart('y')?.closest('figure')?.querySelector('figcaption')?.textContent).toMatch(/^Target y/);
    expect(chart('p')?.closest('figure')?.querySelector('figcaption')?.textContent).toMatch(/^Prediction p = softmax\(z\)/);
  });

  claim('Drag any bar (or focus it and use the arrow keys)', () => {
    const { container, store } = renderExplorer({ labels: [0.2, 0.3, 0.5], logits: [2, 3, 4] });
    const bars = [...container.querySelectorAll('svg.distribution-y [role="slider"], svg.distribution-p [role="slider"]')];
    expect(bars).toHaveLength(6);
    for (const bar of bars) expect(bar.getAttribute('tabindex')).toBe('0');
    // ArrowUp on y₁ adds the step of 0.05: y = [0.25, 0.3 · 0.75/0.8, 0.5 · 0.75/0.8]
    const y1 = within(container).getByRole('slider', { name: 'target y1 bar' });
    y1.focus();
    expect(document.activeElement).toBe(y1);
    fireEvent.keyDown(y1, { key: 'ArrowUp' });
    [0.25, 0.28125, 0.46875].forEach((v, i) => expect(Math.abs((store.getState().labels[i] ?? NaN) - v)).toBeLessThan(1e-15));
    // ArrowDown on p₃ lowers p₃ (by 0.05, to the 0.1 grid of the logits) and leaves z₁, z₂
    const before = E * E / S;
    fireEvent.keyDown(within(container).getByRole('slider', { name: 'prediction p3 bar' }), { key: 'ArrowDown' });
    const after = softmax(store.getState().logits)[2] ?? NaN;
    expect(after).toBeLessThan(before - 0.03);
    expect(store.getState().logits.slice(0, 2)).toEqual([2, 3]);
  });

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

  claim('Hover or tap a number in the formula to see which bar it belongs to.', async () => {
    // y = [0.2, 0.3, 0.5], z = [2, 3, 4]: the written-out sum shows y₁…y₃ and p₁…p₃; each number carries
    // the term id its bar carries, and the pointer on the number highlights that bar and nothing else
    const { container, store } = renderExplorer({ labels: [0.2, 0.3, 0.5] });
    const formula = within(container).getByTestId('live-formula');
    await waitFor(() => expect(formula.querySelector('[data-term="p-3"]')).not.toBeNull());
    const p = [1, E, E * E].map((v) => v / S);
    for (const [symbol, values] of [['y', [0.2, 0.3, 0.5]], ['p', p]] as const) {
      const bars = container.querySelector(`svg.distribution-${symbol}`);
      for (const i of [1, 2, 3]) {
        const id = `${symbol}-${i}`;
        const number = formula.querySelector(`[data-term="${id}"]`);
        expect(number?.textContent).toBe((values[i - 1] ?? NaN).toFixed(3));
        const bar = bars?.querySelector(`g[data-term="${id}"]`);
        expect(bar?.getAttribute('aria-label')).toBe(`${symbol === 'y' ? 'target' : 'prediction'} ${symbol}${i} bar`);
        fireEvent.pointerOver(number as Element);
        expect(store.getState().focus).toBe(id);
        const rule = container.querySelector('style')?.textContent ?? '';
        const selector = rule.slice(0, rule.indexOf('{')).trim();
        const lit = [...container.querySelectorAll(selector)];
        expect(lit).toContain(bar?.querySelector('.bar'));
        expect(lit).toContain(number);
        const otherBar = bars?.querySelector(`g[data-term="${symbol}-${(i % 3) + 1}"] .bar`);
        expect(lit).not.toContain(otherBar);
        fireEvent.pointerOut(number as Element);
      }
    }
    // a tap: the finger lifts at once (pointerout follows), and the bar stays lit until the next tap
    const tapped = formula.querySelector('[data-term="p-2"]') as Element;
    for (const type of ['pointerOver', 'pointerDown', 'pointerUp', 'pointerOut'] as const) fireEvent[type](tapped, { pointerType: 'touch' });
    expect(store.getState().focus).toBe('p-2');
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
      expect(best - m.entropy).toBeLessThan(0.0005);
      expect(m.crossEntropy).toBeGreaterThan(best - 0.0005);
    });
  });

  claim('The prediction $\\mathbf p$ is the softmax of the logits $\\mathbf z$ of the next chapter (the sliders at the bottom of the explorer)', () => {
    const { container, store } = renderExplorer({ labels: [0.2, 0.3, 0.5], logits: [2, 3, 4] });
    const explorer = container.querySelector('section.information-explorer');
    const sliders = within(explorer as HTMLElement).getAllByRole('slider', { name: /^logit z\d$/ });
    expect(sliders.map((s) => (s as HTMLInputElement).value)).toEqual(['2', '3', '4']);
    // at the bottom: every part of the explorer comes before the first logit slider, in the order the
    // page lays out (the e2e test checks the same on screen, at desktop and phone widths), except the
    // buttons that add and remove a class, which belong to the sliders
    const first = sliders[0] as Element;
    const parts = explorer?.querySelectorAll('svg, dl, [data-testid="live-formula"], ul.checks, table, button, [data-testid="match-note"]') ?? [];
    const after = [...parts].filter((el) => first.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(after.map((el) => el.textContent)).toEqual(['Add a class', 'Remove a class']);
    // and p is their softmax: z₁ one step right gives p = [e^2.1, e³, e⁴] / (e^2.1 + e³ + e⁴)
    fireEvent.change(first, { target: { value: '2.1' } });
    expect(store.getState().logits).toEqual([2.1, 3, 4]);
    const shown = [...container.querySelectorAll('svg.distribution-p [role="slider"]')].map((b) => Number(b.getAttribute('aria-valuenow')));
    const total = Math.exp(2.1) + E ** 3 + E ** 4;
    [Math.exp(2.1), E ** 3, E ** 4].forEach((v, i) => expect(Math.abs((shown[i] ?? NaN) - v / total)).toBeLessThan(1e-15));
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

  claim('This is the Kullback–Leibler divergence $\\mathrm{KL}(\\mathbf y \\,\\|\\, \\mathbf p)$, also called the relative entropy of $\\mathbf y$ with respect to $\\mathbf p$: the extra bits per event you pay for expecting $\\mathbf p$ when the world follows $\\mathbf y$.', () => {
    // the extra bits: the average code length for p, less the one for y itself, summed by hand
    property(state, ([y, z]) => {
      const p = softmax(z);
      const extra = byHandCross(y, p, 'bits') - byHandEntropy(y, 'bits');
      expect(Math.abs(informationMeasures(y, p, 'bits').kl - extra)).toBeLessThan(1e-12 * Math.max(1, byHandCross(y, p, 'bits')));
    });
    // the order of y and p matters, which is why the chapter writes KL(y ‖ p) rather than a phrase:
    // y = (0.9, 0.1), p = (½, ½): KL(y ‖ p) = 1 − H(0.9) = 0.531 bits, KL(p ‖ y) = ½ log₂(5/9) + ½ log₂ 5 = 0.737 bits
    expect(Math.abs(klDivergence([0.9, 0.1], [0.5, 0.5], 2) - (1 - 0.4689955935892812))).toBeLessThan(1e-15);
    expect(Math.abs(klDivergence([0.5, 0.5], [0.9, 0.1], 2) - (0.5 * Math.log2(5 / 9) + 0.5 * Math.log2(5)))).toBeLessThan(1e-15);
  });

  claim('The explorer computes KL on its own, from $\\sum_i y_i \\log_2 (y_i/p_i)$ rather than as the difference, and checks that the two sides agree.', () => {
    property(state, ([y, z]) => {
      const p = softmax(z);
      for (const unit of ['bits', 'nats'] as const) {
        const m = informationMeasures(y, p, unit);
        // Σ y_i log(y_i/p_i), summed by hand
        const byHand = y.reduce((s, yi, i) => (yi > 0 ? s + yi * logOf(unit)(yi / (p[i] ?? NaN)) : s), 0);
        expect(Math.abs(m.kl - byHand)).toBeLessThan(1e-12 * Math.max(1, m.crossEntropy));
        expect(informationChecks(y, p, m).sumOk).toBe(true);
        expect(checksRendered(y, z, unit).find((c) => c.text.startsWith('H(y) + KL(y ‖ p)'))?.ok).toBe('true');
      }
    });
    // Not the difference: for y = (½, ½), p = (½ + 2⁻³⁰, ½ − 2⁻³⁰) (exact in float64, summing to 1),
    // KL = 2.5027 × 10⁻¹⁸ bits (60 digits, also in Python's decimal), while H(y, p) − H(y) is a
    // difference of two numbers near 1 bit that keeps none of those digits
    const y = [0.5, 0.5];
    const p = [0.5 + 2 ** -30, 0.5 - 2 ** -30];
    const exact = toNumber(div(add(mul(big(0.5), log(div(big(0.5), big(p[0] ?? NaN)))), mul(big(0.5), log(div(big(0.5), big(p[1] ?? NaN))))), LN2));
    expect(Math.abs(exact - 2.50268e-18)).toBeLessThan(0.00001e-18);
    const m = informationMeasures(y, p, 'bits');
    expect(relative(m.kl, exact)).toBeLessThan(1e-9);
    expect(relative(m.crossEntropy - m.entropy, exact)).toBeGreaterThan(0.5); // the difference keeps not even one digit (here it is 0)
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

  claim('and that is what PyTorch, TensorFlow and the rest of this site use', () => {
    // PyTorch: F.cross_entropy(torch.tensor([[2., 3., 4.]]), torch.tensor([1])) is 1.4076, that is
    // ln((e² + e³ + e⁴)/e³) = ln(1 + e + e²) − 1, not log₂ of it (2.031). TensorFlow/Keras, in the docs of
    // categorical_crossentropy: targets one-hot at 0, 1, 2 against [0.9, 0.05, 0.05], [0.1, 0.8, 0.1],
    // [0.2, 0.3, 0.5] give [0.10536054, 0.22314355, 0.6931472] = −ln 0.9, −ln 0.8, −ln 0.5.
    const keras = [0.10536054, 0.22314355, 0.6931472];
    [0.9, 0.8, 0.5].forEach((q, i) => {
      expect(Math.abs(-Math.log(q) - (keras[i] ?? NaN))).toBeLessThan(1e-7);
      expect(Math.abs(-Math.log2(q) - (keras[i] ?? NaN))).toBeGreaterThan(0.04);
    });
    // This site: the core's loss, which every later chapter shows, in nats on both examples
    const pytorch = Math.log((E ** 2 + E ** 3 + E ** 4) / E ** 3);
    expect(Math.abs(pytorch - 1.4076)).toBeLessThan(0.00005);
    expect(Math.abs(crossEntropy([[2, 3, 4]], [1]) - pytorch)).toBeLessThan(1e-15);
    const rows = [[0.9, 0.05, 0.05], [0.1, 0.8, 0.1], [0.2, 0.3, 0.5]].map((r) => r.map(Math.log));
    const losses = crossEntropy(rows, [0, 1, 2], { reduction: 'none' });
    keras.forEach((k, i) => expect(Math.abs((losses[i] ?? NaN) - k)).toBeLessThan(1e-7));
  });

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
      // ln((1 + e + e²)/e) = 1.408 nats, ÷ ln 2 = 2.031 bits, by hand; and 1.408 ÷ 0.6931 = 2.0315, so "="
      expect(Math.abs(1.408 / 0.6931 - 2.0315)).toBeLessThan(0.00005);
      expect(check?.text).toBe(
        `Bits are nats ÷ ln 2: H(y, p) = ${Math.log(S / E).toFixed(3)} nats ÷ 0.6931 = ${Math.log2(S / E).toFixed(3)} bits, and in bits directly ${Math.log2(S / E).toFixed(3)} (differing by 0.00).`,
      );
    }
    // On the rendered explorer: "Make p equal y" on the starting one-hot y, then the switch to nats.
    // Every amount of information is rescaled, the note under the button too (it said 5.95 × 10⁻⁹ bits:
    // log₂(1 + 2e⁻²⁰); it must now say ln(1 + 2e⁻²⁰) = 4.12 × 10⁻⁹ nats, as the summary does), while the
    // bars of y and p keep their values.
    const { container } = renderExplorer();
    const ui = within(container);
    fireEvent.click(ui.getByRole('button', { name: 'Make p equal y' }));
    const read = () => ({
      note: ui.getByTestId('match-note').textContent ?? '',
      kl: ui.getByTestId('summary-kl').textContent ?? '',
      crossEntropy: ui.getByTestId('summary-cross-entropy').textContent ?? '',
      information: [1, 2, 3].map((i) => ui.getByTestId(`information-${i}`).textContent ?? ''),
      bars: [...container.querySelectorAll('svg [role="slider"]')].map((b) => b.getAttribute('aria-valuenow')),
    });
    const inBits = read();
    const klBits = Math.log1p(2 * Math.exp(-20)) / Math.LN2;
    expect(inBits.kl).toBe('5.95 × 10⁻⁹ bits');
    expect(inBits.note).toContain('KL(y ‖ p) = 5.95 × 10⁻⁹ bits.');
    fireEvent.click(ui.getByRole('radio', { name: /^nats/ }));
    const inNats = read();
    expect(inNats.kl).toBe('4.12 × 10⁻⁹ nats');
    expect(Math.abs(klBits * Math.LN2 - 4.1223e-9)).toBeLessThan(0.0001e-9);
    expect(inNats.note).toContain('KL(y ‖ p) = 4.12 × 10⁻⁹ nats.');
    expect(inNats.note).not.toContain('bits');
    // −log₂ p of [−10, 10, −10]: 20 + log₂(1 + 2e⁻²⁰) ≈ 28.854 bits for the two small classes, ×ln 2 → 20.000 nats
    expect(inBits.information[0]).toBe(((20 + Math.log1p(2 * Math.exp(-20))) / Math.LN2).toFixed(3));
    expect(inNats.information[0]).toBe((20 + Math.log1p(2 * Math.exp(-20))).toFixed(3));
    expect(inNats.bars).toEqual(inBits.bars);
  });

  // ---- When can p equal y? ----

  claim('"Make p equal y" aims for the logits $z_i = \\ln y_i$ (shifted to fit the sliders), the logits whose softmax is $\\mathbf y$.', () => {
    // softmax(ln y + c) = y, by hand: e^{ln yᵢ + c} / Σ e^{ln yⱼ + c} = yᵢ
    const y = [0.2, 0.3, 0.5];
    const c = 2.7;
    const aimed = y.map((yi) => Math.log(yi) + c);
    const total = aimed.reduce((s, a) => s + Math.exp(a), 0);
    aimed.forEach((a, i) => expect(Math.abs(Math.exp(a) / total - (y[i] ?? NaN))).toBeLessThan(1e-15));
    // and the button lands within a step of such logits, inside the sliders
    const { logits } = matchPrediction(y, [2, 3, 4], 'bits');
    const offsets = logits.map((zi, i) => zi - Math.log(y[i] ?? NaN));
    expect(Math.max(...offsets) - Math.min(...offsets)).toBeLessThanOrEqual(0.1 + 1e-9);
    for (const zi of logits) expect(Math.abs(zi)).toBeLessThanOrEqual(10);
  });

  claim('The sliders move in steps of 0.1, so it sets them to the point of that grid with the smallest $\\mathrm{KL}(\\mathbf y \\,\\|\\, \\mathbf p)$: no other setting of the sliders brings $\\mathbf p$ closer to $\\mathbf y$.', () => {
    // In steps k = 10z, KL(y ‖ softmax(z)) = const − Σ yᵢkᵢ/10 + ln Σ e^{kᵢ/10} is L♮-convex (log-sum-exp
    // meets discrete midpoint convexity), so a grid point that no move ±0.1 of a set S of logits improves is
    // the best of the whole grid (Murota, Discrete Convex Analysis, Thm 7.14). Check that certificate by
    // hand, for every S and both directions, on the button's answer for random y and starting logits.
    const onGrid = (z: readonly number[]) => z.every((zi) => Math.abs(zi * 10 - Math.round(zi * 10)) < 1e-9 && Math.abs(zi) <= Z_MAX);
    property(state, ([y, z]) => {
      const { logits } = matchPrediction(y, z, 'nats');
      expect(onGrid(logits)).toBe(true);
      const found = klByHand(y, logits);
      for (let set = 1; set < (1 << y.length) - 1; set++) {
        for (const step of [0.1, -0.1]) {
          const moved = logits.map((zi, i) => (set & (1 << i) ? zi + step : zi));
          if (moved.some((zi) => Math.abs(zi) > Z_MAX + 1e-9)) continue;
          // the answer may miss the best by 10⁻¹⁵ nats, the by-hand sum is good to about 10⁻¹⁵
          expect(found).toBeLessThanOrEqual(klByHand(y, moved) + 3e-15);
        }
      }
    }, 200);
    // Directly, with two classes: the best of all 201² settings of the sliders
    for (const a of [0.5, 0.3, 0.123, 0.01, 1e-5]) {
      const y = [a, 1 - a];
      const found = klByHand(y, matchPrediction(y, [0, 0], 'nats').logits);
      let best = Infinity;
      for (let i = -100; i <= 100; i++) for (let j = -100; j <= 100; j++) best = Math.min(best, klByHand(y, [i / 10, j / 10]));
      expect(found).toBeLessThanOrEqual(best + 3e-15);
    }
    // The case the review found, where rounding every logit of ln y + c is not the best: moving z₄ one
    // step beats it. Best of the grid (NumPy: a fine scan of c, then every ±0.1 move of every set until
    // none helps): 2.83258 × 10⁻⁴ nats at [−10, 9, −10, 9.2, 8, 10, 10, −10]; rounding alone gave 3.600 × 10⁻⁴.
    const reviewed = [0, 0.12882, 0, 0.14665, 0.04524, 0.3337, 0.34559, 0];
    const match = matchPrediction(reviewed, Array<number>(8).fill(0), 'nats');
    expect(Math.abs(klByHand(reviewed, match.logits) - 2.83258e-4)).toBeLessThan(1e-9);
    expect(match.note).toBe('p is now as close to y as the logits allow: KL(y ‖ p) = 2.83 × 10⁻⁴ nats. The logits move in steps of 0.1, so p matches y only to that resolution.');
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

  claim('For another soft $\\mathbf y$, KL drops to almost 0: the 0.1 steps of the logits leave a small remainder, under 0.0005 nats (0.0007 bits) whatever $\\mathbf y$ is.', () => {
    // Why: with no logit at an end of the sliders, shifting ln y by c and rounding leaves each logit off by
    // δᵢ(c), uniform on [−0.05, 0.05] as c runs over a step, and KL = ln Σ yᵢe^{δᵢ} − Σ yᵢδᵢ. Averaged over c,
    // by Jensen, E[KL] ≤ ln Σ yᵢ E[e^{δᵢ}] − 0 = ln(sinh 0.05 / 0.05) = 0.000417 nats; the best grid point
    // is at most the best shift, at most that average. (Logits at −10, for zeros or ratios past e²⁰, add
    // about e⁻²⁰.) In bits 0.000601.
    const bound = Math.log(Math.sinh(0.05) / 0.05);
    expect(Math.abs(bound - 0.0004166)).toBeLessThan(0.0000001);
    let largest = 0;
    property(state, ([y, z]) => {
      if (y.filter((v) => v > 0).length < 2) return; // one-hot: the next claim
      const nats = matchPrediction(y, z, 'nats').kl;
      const bits = matchPrediction(y, z, 'bits').kl;
      largest = Math.max(largest, nats);
      expect(nats).toBeLessThan(0.0005);
      expect(bits).toBeLessThan(0.0007);
    }, 3000);
    expect(largest).toBeGreaterThan(1e-4); // a remainder, not 0
    // and 0.0005 is not loose: the worst y found in NumPy (1,500 y near the grid's worst case, each
    // matched by the same search) leaves 0.000380 nats
    const worst = [0.18784923448609664, 0.1905149586977696, 0.1795787027721938, 0.194885129604247, 0.24717197443969297];
    const left = matchPrediction(worst, [0, 0, 0, 0, 0], 'nats').kl;
    expect(Math.abs(left - 0.00038026)).toBeLessThan(0.000001);
    expect(left).toBeLessThan(bound);
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

  claim('With the true class $t$, in nats,', () => {
    // the display that follows holds for KL in nats; in bits each side is divided by ln 2
    property(fc.integer({ min: LIMITS.minClasses, max: LIMITS.maxClasses }).chain((c) => fc.tuple(sliderLogits(c), fc.nat({ max: c - 1 }))), ([z, t]) => {
      const y = z.map((_, i) => (i === t ? 1 : 0));
      const byHand = Math.log1p(z.reduce((s, zj, j) => (j === t ? s : s + Math.exp(zj - (z[t] ?? NaN))), 0));
      expect(relative(informationMeasures(y, softmax(z), 'nats').kl, byHand)).toBeLessThan(1e-13);
      expect(relative(informationMeasures(y, softmax(z), 'bits').kl, byHand / Math.LN2)).toBeLessThan(1e-13);
    }, 100);
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
    // KL = ln(1 + Σ_{j≠t} e^{z_j − z_t}) grows with every gap z_j − z_t, and on the sliders each gap is
    // at least −20, reached only at z_j = −10, z_t = 10: that one setting is the best. Check it against
    // every neighbour (one logit moved by 0.1, inside the sliders) and against random slider settings.
    const oneHotKl = (z: readonly number[], t: number) => Math.log1p(z.reduce((s, zj, j) => (j === t ? s : s + Math.exp(zj - (z[t] ?? NaN))), 0));
    for (let c = LIMITS.minClasses; c <= LIMITS.maxClasses; c++) {
      for (let t = 0; t < c; t++) {
        const y = Array.from({ length: c }, (_, i) => (i === t ? 1 : 0));
        const best = y.map((yi) => (yi === 1 ? Z_MAX : Z_MIN));
        const { logits } = matchPrediction(y, Array.from({ length: c }, (_, i) => i - 2), 'nats');
        expect(logits).toEqual(best);
        const kl = oneHotKl(best, t);
        for (let i = 0; i < c; i++) {
          for (const step of [0.1, -0.1]) {
            const near = best.map((zi, j) => (j === i ? zi + step : zi));
            if (Math.abs(near[i] ?? NaN) > Z_MAX + 1e-9) continue;
            expect(oneHotKl(near, t)).toBeGreaterThan(kl * (1 + 1e-3)); // by e^{±0.1} − 1 of a term: ~5 %
          }
        }
      }
    }
    property(fc.integer({ min: LIMITS.minClasses, max: LIMITS.maxClasses }).chain((c) => fc.tuple(sliderLogits(c), fc.nat({ max: c - 1 }))), ([z, t]) => {
      const best = z.map((_, i) => (i === t ? Z_MAX : Z_MIN));
      if (z.every((zi, i) => zi === best[i])) return;
      expect(oneHotKl(z, t)).toBeGreaterThan(oneHotKl(best, t));
    }, 1000);
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

  claim('A network has no such limit, so a loss with one-hot targets keeps pushing the true logit up for as long as it trains.', () => {
    // −ln p_t = ln(1 + Σ_{j≠t} e^{z_j − z_t}) falls all the way as z_t − z_j grows, with no floor above 0
    let last = Infinity;
    for (const gap of [1, 5, 10, 20, 30, 40]) {
      const loss = crossEntropy([[gap, 0, 0]], [0]);
      expect(Math.abs(loss - Math.log1p(2 * Math.exp(-gap)))).toBeLessThan(1e-15 * Math.max(loss, 1e-300) + 1e-300);
      expect(loss).toBeLessThan(last);
      last = loss;
    }
  });

  claim('Label smoothing, which PyTorch\'s loss offers as its option `label_smoothing`, is one answer to that.', () => {
    // nn.CrossEntropyLoss(label_smoothing=ε) aims at (1 − ε)·y + ε/C (the core has PyTorch's semantics):
    // for C = 3, ε = 0.1, p_t = 0.9 + 0.1/3 and the others 0.1/3, so z = [g, 0, 0] is best at the finite
    // gap g* = ln((0.9 + 0.1/3)/(0.1/3)) = ln 28 = 3.332; past it the loss rises again.
    const smoothed = (g: number) => crossEntropy([[g, 0, 0]], [0], { labelSmoothing: 0.1 });
    const gStar = Math.log(28);
    expect(Math.abs(gStar - 3.332)).toBeLessThan(0.0005);
    for (const g of [gStar - 1, gStar - 0.1, gStar + 0.1, gStar + 1, 10, 20]) expect(smoothed(g)).toBeGreaterThan(smoothed(gStar) + 1e-6);
    // the loss there, by hand: −(0.9333 ln p_t + 2 · 0.0333 ln p_other) with p = [28, 1, 1]/30
    const byHand = -((0.9 + 0.1 / 3) * Math.log(28 / 30) + 2 * (0.1 / 3) * Math.log(1 / 30));
    expect(Math.abs(smoothed(gStar) - byHand)).toBeLessThan(1e-14);
    // without it, the same loss only falls as g grows
    expect(crossEntropy([[20, 0, 0]], [0])).toBeLessThan(crossEntropy([[10, 0, 0]], [0]));
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
    // by hand: −ln p_t = ln Σ_j e^{z_j − z_t}, e.g. ln((e² + e³ + e⁴)/e³) = 1.4076 for z = [2, 3, 4] and the
    // second class; the explorer's H(y, p) in nats and the loss of the later chapters (the core's
    // crossEntropy) both give it
    const closed = Math.log((E ** 2 + E ** 3 + E ** 4) / E ** 3);
    expect(Math.abs(closed - 1.4076)).toBeLessThan(0.00005);
    expect(Math.abs(informationMeasures([0, 1, 0], softmax([2, 3, 4]), 'nats').crossEntropy - closed)).toBeLessThan(1e-15);
    expect(Math.abs(crossEntropy([[2, 3, 4]], [1]) - closed)).toBeLessThan(1e-15);
    property(fc.integer({ min: LIMITS.minClasses, max: LIMITS.maxClasses }).chain((c) => fc.tuple(sliderLogits(c), fc.nat({ max: c - 1 }))), ([z, t]) => {
      const y = z.map((_, i) => (i === t ? 1 : 0));
      const byHand = Math.log(z.reduce((s, zj) => s + Math.exp(zj - (z[t] ?? NaN)), 0));
      const tolerance = 1e-14 * Math.max(1, byHand) + 1e-15;
      expect(Math.abs(informationMeasures(y, softmax(z), 'nats').crossEntropy - byHand)).toBeLessThan(tolerance);
      expect(Math.abs(crossEntropy([z], [t]) - byHand)).toBeLessThan(tolerance);
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
    // printed as "≈": −log₂ 0.245 (the rounded p₂) is 2.029, so the rounded operands do not give 2.031
    expect(informationText({ labels, probabilities: p, unit: 'bits', measures })).toContain('= −(1.000 × log₂ 0.245) ≈ 2.031 bits');
    expect(Math.abs(-Math.log2(0.245) - 2.0291)).toBeLessThan(0.0001);
    // −log₂ p₂ = log₂((1 + e + e²)/e) = 2.0307, by hand
    expect(Math.abs(measures.crossEntropy - Math.log2(S / E))).toBeLessThan(1e-15);
    expect(Math.abs(measures.crossEntropy - 2.031)).toBeLessThan(0.0005);
  });

  claim('Switch to nats and it reads $-\\ln p_2 \\approx 1.408$, the loss PyTorch reports for these logits and class.', () => {
    const { labels, logits } = defaultInputs();
    const p = Array.from(softmax(logits));
    const measures = informationMeasures(labels, p, 'nats');
    expect(informationText({ labels, probabilities: p, unit: 'nats', measures })).toContain('= −(1.000 × ln 0.245) ≈ 1.408 nats');
    // ln((1 + e + e²)/e) = 1.40761, by hand; the core's cross-entropy has PyTorch's semantics
    // (F.cross_entropy(torch.tensor([[2., 3., 4.]]), torch.tensor([1])) = 1.4076)
    expect(Math.abs(measures.crossEntropy - Math.log(S / E))).toBeLessThan(1e-15);
    expect(Math.abs(measures.crossEntropy - 1.408)).toBeLessThan(0.0005);
    expect(Math.abs(crossEntropy([logits], [1]) - measures.crossEntropy)).toBeLessThan(1e-15);
  });
});
