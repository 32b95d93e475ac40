import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { expect } from 'vitest';
import { centralDifference, crossEntropy, crossEntropyGrad, softmax } from '../../src/core';
import { chainGradient, stableSoftmax } from '../../src/core/naive';
import { formatNumber } from '../../src/format/formatNumber';
import { normalizeLabels, oneHot } from '../../src/state/labels';
import { LIMITS, workedExample } from '../../src/state/labInputs';
import { crossEntropyNumpy, crossEntropyTorch } from '../../src/widgets/copyAsCode/programs';
import { DERIVATION_STEPS } from '../../src/widgets/crossEntropyFormula';
import {
  chainRulePaths,
  checkGradient,
  crossEntropyGradient,
  entryAgrees,
  GRADIENT_CHECK_TOLERANCE,
  gradientStep,
  LEARNING_RATE,
  relativeError,
} from '../../src/widgets/crossEntropyGradientMath';
import { GRADIENT_DESCENT_STATE } from '../../src/widgets/crossEntropyState';
import { big, div, exp, ONE, sub, sumOf, toNumber } from '../core/reference/bigFloat';
import { referenceNegLogSoftmax } from '../core/reference/reference';
import { describeClaims } from './chapterClaims';

/*
 * Chapter 4, "Cross-entropy through softmax": every sentence that says what a number is or what the
 * explorer, its stepper or the gradient step will show, beside the computation that makes it true.
 * The widgets' numbers come from crossEntropyGradient (the explorer and its stepper) and gradientStep
 * (the gradient step), called here exactly as the widgets call them; the reference values are by hand
 * from e, or exact in bigFloat, never the code's own output pasted back.
 */

// ---------------------------------------------------------------------------------------------------
// Lab states, as a learner can set them: 2 to 8 logits on the sliders' 0.1 grid in [−10, 10], a hard
// label, the softened label of "Soften the label", or any soft label a link can carry.

const SEED = 20240410;
const gridLogit = fc.integer({ min: -100, max: 100 }).map((k) => k / 10);
const logitsArb = fc.integer({ min: LIMITS.minClasses, max: LIMITS.maxClasses }).chain((c) => fc.array(gridLogit, { minLength: c, maxLength: c }));
const hardArb = logitsArb.chain((z) => fc.nat(z.length - 1).map((t) => ({ z, y: oneHot(z.length, t), t })));
const softenedArb = hardArb.map(({ z, y }) => ({ z, y: y.map((v) => 0.9 * v + 0.1 / z.length) }));
const weightsArb = logitsArb.chain((z) =>
  fc.array(fc.integer({ min: 0, max: 100 }), { minLength: z.length, maxLength: z.length }).map((w) => ({ z, y: normalizeLabels(w.map((v) => v / 100)) })),
);
/** soft labels whose largest entry is at most 0.99 (a link's weights, normalised) */
const softArb = fc.oneof(softenedArb, weightsArb).filter((s): s is { z: number[]; y: number[] } => !!s.y && Math.max(...s.y) <= 0.99);
const HARD = fc.sample(hardArb, { seed: SEED, numRuns: 400 });
/** the sliders' corners: one class at 10 and the rest at −10, or one at −10 and the rest at 10, every count */
const CORNERS = Array.from({ length: LIMITS.maxClasses - 1 }, (_, k) => k + 2).flatMap((c) =>
  [10, -10].flatMap((top) => {
    const z = Array.from({ length: c }, (_, i) => (i === 0 ? top : -top));
    return [{ z, y: oneHot(c, 0) }, { z, y: oneHot(c, c - 1) }, { z, y: z.map((_, i) => (i === 0 ? 0.5 : 0.5 / (c - 1))) }];
  }),
);
const SOFT = fc.sample(softArb, { seed: SEED + 1, numRuns: 400 });

const WORKED = workedExample(); // z = [2, 3, 4], y = [0, 1, 0]: class 2 is true
// p = [1, e, e²] / (1 + e + e²), by hand
const E = Math.E;
const D = 1 + E + E * E;
const P = [1 / D, E / D, (E * E) / D];
const at = (v: ArrayLike<number>, i: number) => v[i] ?? NaN;

/** p_j − y_j exactly: softmax in bigFloat from the exact logits, then y_j subtracted once. */
function referenceGradient(z: readonly number[], y: readonly number[]): number[] {
  return z.map((zj, j) => {
    const p = div(ONE, sumOf(z.map((zk) => exp(sub(big(zk), big(zj))))));
    return toNumber(sub(p, big(y[j] ?? NaN)));
  });
}

/** The gradient step's run, replayed as the widget replays it: each step z − η (p − y) from the last. */
function descend(z: readonly number[], y: readonly number[], eta: number, steps: number): number[] {
  const losses = [crossEntropy([z], [y])];
  let current = [...z];
  for (let k = 0; k < steps; k++) {
    current = gradientStep(current, y, eta);
    losses.push(crossEntropy([current], [y]));
  }
  return losses;
}

/** The learning rates on the gradient step's slider: 0.1, 0.2, …, 5. */
const RATES = Array.from({ length: Math.round((LEARNING_RATE.max - LEARNING_RATE.min) / LEARNING_RATE.step) + 1 }, (_, k) =>
  Number((LEARNING_RATE.min + k * LEARNING_RATE.step).toFixed(1)),
);
const MAX_STEPS = GRADIENT_DESCENT_STATE.run.maxLength;

/** Runs a "Copy as NumPy" program with python3 and returns its printed `name = value` lines. */
function runPython(program: string): Map<string, unknown> {
  const run = spawnSync('python3', ['-c', program], { encoding: 'utf8', timeout: 20_000 });
  if (run.error || run.status !== 0) throw new Error(`python3 failed (needs numpy): ${run.error?.message ?? run.stderr}`);
  return new Map(
    run.stdout
      .trim()
      .split('\n')
      .map((line) => {
        const m = /^(\w+) = (.+)$/.exec(line);
        if (!m?.[1] || !m[2]) throw new Error(`unexpected line "${line}"`);
        return [m[1], JSON.parse(m[2]) as unknown] as const;
      }),
  );
}

/** The confident state of the last section: z = [10, −10, −10], true class 1. */
const CONFIDENT = { z: [10, -10, -10], y: [1, 0, 0] };
/** p_1 − 1 = −(e^{−20} + e^{−20}) / (1 + e^{−20} + e^{−20}), exact in bigFloat */
const CONFIDENT_EXACT = (() => {
  const small = exp(big(-20));
  return -toNumber(div(sumOf([small, small]), sumOf([ONE, small, small])));
})();
const relative = (x: number, exact: number) => Math.abs(x - exact) / Math.abs(exact);

describeClaims('softmax-cross-entropy', (claim) => {
  // ── The opening and the loss ───────────────────────────────────────────────────────────────────

  claim('This chapter takes the chain rule one line at a time, with your numbers in every line', () => {
    // every line of the stepper, for every component, carries the learner's p (at three decimals)
    for (const { z, y } of [{ z: [2, 3, 4], y: [0, 1, 0] }, { z: [-1.5, 0.3, 2.2], y: [0.2, 0.5, 0.3] }]) {
      const numbers = crossEntropyGradient(z, y);
      for (let j = 0; j < z.length; j++) {
        // what each line ends in: L, then ∂L/∂p, then column j of J, then the product, then p_j − y_j
        const ends = [
          [numbers.loss],
          Array.from(numbers.lossByProbability),
          numbers.jacobian.map((row) => at(row, j)),
          [at(numbers.chainRule, j)],
          [at(numbers.gradient, j)],
        ];
        DERIVATION_STEPS.forEach(({ line }, step) => {
          const { text } = line({ numbers, labels: y, j });
          for (const v of ends[step] ?? []) expect(text).toContain(formatNumber(v, 3));
        });
      }
    }
  });

  claim('$L = -\\ln p_t$: the loss is the surprise, in nats, at the true class', () => {
    for (const { z, y, t } of HARD) {
      const exact = toNumber(referenceNegLogSoftmax(z)[t] ?? ONE);
      expect(Math.abs(crossEntropyGradient(z, y).loss - exact)).toBeLessThanOrEqual(4 * 2 ** -53 * Math.max(exact, 1e-300));
    }
    // the worked example by hand: ln(1 + e + e²) − 1 = 1.408
    expect(crossEntropyGradient(WORKED.logits, WORKED.labels).loss).toBeCloseTo(Math.log(D) - 1, 14);
    expect(formatNumber(Math.log(D) - 1, 3)).toBe('1.408');
  });

  // ── Step one: the loss with respect to the probabilities ─────────────────────────────────────────

  claim('For a hard label only the true class gets a nonzero entry, $-1/p_t$', () => {
    for (const { z, y, t } of HARD) {
      const { lossByProbability, probabilities } = crossEntropyGradient(z, y);
      lossByProbability.forEach((v, i) => (i === t ? expect(v).toBeCloseTo(-1 / at(probabilities, t), 12) : expect(v).toBe(0)));
    }
  });

  claim('when the network gives the true class a probability of 0.01, this entry is $-100$', () => {
    // z = [0, ln 99] gives p1 = 1/(1 + 99) = 0.01 exactly in the reals
    const { probabilities, lossByProbability } = crossEntropyGradient([0, Math.log(99)], [1, 0]);
    expect(at(probabilities, 0)).toBeCloseTo(0.01, 15);
    expect(at(lossByProbability, 0)).toBeCloseTo(-100, 10);
    expect(at(lossByProbability, 1)).toBe(0);
  });

  // ── Step two: through softmax ───────────────────────────────────────────────────────────────────

  claim('one path per probability: the diagonal path through $p_j$ itself, and $C - 1$ paths through the other probabilities', () => {
    for (const { z, y } of [...HARD.slice(0, 100), ...SOFT.slice(0, 100)]) {
      const numbers = crossEntropyGradient(z, y);
      const exact = referenceGradient(z, y);
      for (let j = 0; j < z.length; j++) {
        const paths = chainRulePaths(numbers, j);
        expect(paths).toHaveLength(z.length);
        expect(paths.filter((p) => p.diagonal).map((p) => p.i)).toEqual([j]);
        // all C of them add up to p_j − y_j
        const sum = paths.reduce((s, p) => s + p.product, 0);
        expect(Math.abs(sum - at(exact, j))).toBeLessThan(1e-15 * Math.max(1, 1 / Math.min(...numbers.probabilities)));
      }
    }
  });

  claim('In matrix form: $\\partial L/\\partial \\mathbf z = J^{\\mathsf T} (-\\mathbf y \\oslash \\mathbf p) = \\mathbf p - \\mathbf y$.', () => {
    // the explorer's first live check: the chain rule multiplied out equals the core's fused p − y
    for (const { z, y } of [...HARD, ...SOFT, ...CORNERS]) {
      const { chainRule, gradient } = crossEntropyGradient(z, y);
      const exact = referenceGradient(z, y);
      chainRule.forEach((v, j) => {
        expect(Math.abs(v - at(gradient, j))).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(at(gradient, j) - at(exact, j))).toBeLessThanOrEqual(4 * 2 ** -53 * Math.max(at(softmax(z), j), y[j] ?? NaN));
      });
    }
  });

  // ── Only the diagonal: the classic mistake ──────────────────────────────────────────────────────

  claim('It drops the $C - 1$ off-diagonal paths $i \\ne j$, each $-(y_i/p_i)(-p_i\\,p_j) = y_i\\,p_j$.', () => {
    for (const { z, y } of [...HARD.slice(0, 100), ...SOFT.slice(0, 100)]) {
      const numbers = crossEntropyGradient(z, y);
      const p = softmax(z);
      for (let j = 0; j < z.length; j++) {
        for (const path of chainRulePaths(numbers, j).filter((q) => !q.diagonal)) {
          const expected = (y[path.i] ?? NaN) * at(p, j);
          expect(Math.abs(path.product - expected)).toBeLessThanOrEqual(4e-16 * Math.abs(expected));
        }
      }
    }
  });

  claim('Together they add $p_j \\sum_{i \\ne j} y_i = p_j(1 - y_j)$, exactly what separates $-y_j(1 - p_j)$ from $p_j - y_j$.', () => {
    for (const { z, y } of [...HARD, ...SOFT]) {
      const { diagonalOnly, gradient } = crossEntropyGradient(z, y);
      const p = softmax(z);
      z.forEach((_, j) => {
        const yj = y[j] ?? NaN;
        const pj = at(p, j);
        // the diagonal-only result is −y_j(1 − p_j) …
        expect(Math.abs(at(diagonalOnly, j) + yj * (1 - pj))).toBeLessThan(1e-15);
        // … and p_j(1 − y_j) more is p_j − y_j
        expect(Math.abs(at(diagonalOnly, j) + pj * (1 - yj) - at(gradient, j))).toBeLessThan(1e-15);
      });
    }
  });

  claim('an entry of the diagonal-only result equals $p_j - y_j$ only where $y_j = 1$, the true class of a hard label, where both are $p_t - 1$', () => {
    for (const { z, y } of [...HARD, ...SOFT, ...CORNERS]) {
      const { diagonalOnly } = crossEntropyGradient(z, y);
      const exact = referenceGradient(z, y);
      z.forEach((_, j) => {
        const gap = at(exact, j) - at(diagonalOnly, j);
        if (y[j] === 1) expect(Math.abs(gap)).toBeLessThanOrEqual(4e-16 * Math.abs(at(exact, j)));
        else expect(gap).toBeGreaterThan(0);
      });
    }
    // the explorer's entry-by-entry check sees it too: for a hard label the true class passes, every other fails
    for (const { z, y } of [...HARD, ...CORNERS.filter((c) => c.y.includes(1))]) {
      const { diagonalOnly, numerical } = crossEntropyGradient(z, y);
      expect(Array.from(diagonalOnly, (d, j) => entryAgrees(d, at(numerical, j)))).toEqual(y.map((v) => v === 1));
    }
  });

  claim('a class with $y_j = 0$ gets 0 where the truth is $p_j$', () => {
    for (const { z, y } of HARD) {
      const { diagonalOnly } = crossEntropyGradient(z, y);
      const exact = referenceGradient(z, y);
      y.forEach((v, j) => {
        if (v !== 0) return;
        expect(at(diagonalOnly, j)).toBe(0);
        expect(at(exact, j)).toBeGreaterThan(0); // p_j > 0 for every logit the sliders allow
      });
    }
  });

  claim('with a soft label every entry is off, by $p_j(1 - y_j)$', () => {
    for (const { z, y } of SOFT) {
      const { diagonalOnly } = crossEntropyGradient(z, y);
      const exact = referenceGradient(z, y);
      const p = softmax(z);
      z.forEach((_, j) => {
        const off = at(p, j) * (1 - (y[j] ?? NaN));
        expect(off).toBeGreaterThan(0);
        expect(Math.abs(at(exact, j) - at(diagonalOnly, j) - off)).toBeLessThan(1e-15);
      });
    }
  });

  // ── Step through it ────────────────────────────────────────────────────────────────────────────

  claim('On the product line a table lists all $C$ paths from $z_j$ to $L$, the diagonal one marked, with their sum $p_j - y_j$ and, under it, the diagonal path alone.', () => {
    // the numbers that table shows (tests/components/CrossEntropyGradientExplorer.test.tsx checks the table itself)
    const numbers = crossEntropyGradient(WORKED.logits, WORKED.labels);
    const byHand = [
      // j = 1: only the path through p2 (y2 = 1, off the diagonal) is nonzero, y2·p1 = p1
      { j: 0, products: [0, at(P, 0), 0], sum: at(P, 0), diagonal: 0 },
      // j = 2, the true class: only the diagonal path, −y2(1 − p2)
      { j: 1, products: [0, at(P, 1) - 1, 0], sum: at(P, 1) - 1, diagonal: at(P, 1) - 1 },
      { j: 2, products: [0, at(P, 2), 0], sum: at(P, 2), diagonal: 0 },
    ];
    for (const { j, products, sum, diagonal } of byHand) {
      const paths = chainRulePaths(numbers, j);
      paths.forEach((path, i) => expect(path.product).toBeCloseTo(products[i] ?? NaN, 15));
      expect(at(numbers.chainRule, j)).toBeCloseTo(sum, 15);
      expect(at(numbers.diagonalOnly, j)).toBeCloseTo(diagonal, 15);
    }
  });

  claim('Below them the diagonal-only mistake stands beside $\\mathbf p - \\mathbf y$, entry by entry, and the same central-difference check flags it.', () => {
    for (const { z, y } of [...HARD, ...SOFT]) {
      const { diagonalOnly, gradient, numerical } = crossEntropyGradient(z, y);
      expect(checkGradient(gradient, numerical).passes).toBe(true);
      expect(checkGradient(diagonalOnly, numerical).passes).toBe(false);
    }
  });

  claim('a short float64 program that recomputes the numbers on screen', () => {
    for (const { z, y } of [
      { z: WORKED.logits, y: WORKED.labels },
      { z: [2.9, -1.3, 0.4, 7.1], y: [0.1, 0.2, 0.3, 0.4] },
    ]) {
      const numbers = crossEntropyGradient(z, y);
      const printed = runPython(crossEntropyNumpy({ logits: z, labels: y }));
      const close = (a: unknown, b: ArrayLike<number>) => (a as number[]).forEach((v, i) => expect(Math.abs(v - at(b, i))).toBeLessThan(1e-15));
      close(printed.get('p'), numbers.probabilities);
      close(printed.get('grad'), numbers.gradient);
      expect(Math.abs((printed.get('loss') as number) - numbers.loss)).toBeLessThan(1e-15);
    }
    // the PyTorch program works in float64 too
    expect(crossEntropyTorch({ logits: WORKED.logits, labels: WORKED.labels })).toContain('dtype=torch.float64');
  });

  claim('or turn its `grad = p - y` into the diagonal-only `grad = -y * (1 - p)` and compare', () => {
    const program = crossEntropyNumpy({ logits: WORKED.logits, labels: WORKED.labels });
    expect(program).toContain('grad = p - y');
    const printed = runPython(program.replace('grad = p - y', 'grad = -y * (1 - p)'));
    const { diagonalOnly } = crossEntropyGradient(WORKED.logits, WORKED.labels);
    (printed.get('grad') as number[]).forEach((v, j) => expect(Math.abs(v - at(diagonalOnly, j))).toBeLessThan(1e-15));
  });

  // ── The true class gets p − 1, the others get p ─────────────────────────────────────────────────

  claim('At the worked example $\\mathbf z = [2, 3, 4]$ with the true class 2, the gradient is $[0.090,\\, 0.245 - 1,\\, 0.665] = [0.090,\\, -0.755,\\, 0.665]$', () => {
    expect(P.map((p) => formatNumber(p, 3))).toEqual(['0.090', '0.245', '0.665']);
    const { gradient } = crossEntropyGradient(WORKED.logits, WORKED.labels);
    expect(WORKED.logits).toEqual([2, 3, 4]);
    expect(Array.from(gradient, (g) => formatNumber(g, 3))).toEqual(['0.090', '−0.755', '0.665']);
    [at(P, 0), at(P, 1) - 1, at(P, 2)].forEach((g, i) => expect(at(gradient, i)).toBeCloseTo(g, 15));
  });

  claim('\\frac{\\partial L}{\\partial z_t} = p_t - 1 \\;\\le\\; 0, \\qquad \\frac{\\partial L}{\\partial z_j} = p_j \\;\\ge\\; 0 \\quad (j \\ne t).', () => {
    for (const { z, y } of [...HARD, ...CORNERS.filter((c) => c.y.includes(1))]) {
      const t = y.indexOf(1);
      const { gradient } = crossEntropyGradient(z, y);
      const exact = referenceGradient(z, y);
      gradient.forEach((g, j) => {
        if (j === t) expect(g).toBeLessThan(0);
        else expect(g).toBeGreaterThan(0);
        expect(Math.abs(g - at(exact, j))).toBeLessThanOrEqual(4 * 2 ** -53 * Math.abs(at(exact, j)));
      });
    }
  });

  claim('the entries of $\\mathbf p - \\mathbf y$ sum to $1 - 1 = 0$', () => {
    for (const { z, y } of [...HARD, ...SOFT]) {
      const g = crossEntropyGradient(z, y).gradient;
      expect(Math.abs(Array.from(g).reduce((a, b) => a + b, 0))).toBeLessThan(1e-15);
    }
  });

  claim('never more than 1 in magnitude', () => {
    let largest = 0;
    for (const { z, y } of [...HARD, ...SOFT, { z: [-10, 10], y: [1, 0] }]) {
      for (const g of crossEntropyGradient(z, y).gradient) {
        expect(Math.abs(g)).toBeLessThanOrEqual(1);
        largest = Math.max(largest, Math.abs(g));
      }
    }
    // and the bound is the right one: a confident wrong answer comes within 10⁻⁸ of it
    expect(largest).toBeGreaterThan(1 - 1e-8);
  });

  claim('Pick class 3 as the true class in the explorer: the largest probability now belongs to the right class, and the gradient shrinks.', () => {
    const norm = (g: ArrayLike<number>) => Math.hypot(...Array.from(g));
    const two = crossEntropyGradient([2, 3, 4], [0, 1, 0]).gradient;
    const three = crossEntropyGradient([2, 3, 4], [0, 0, 1]).gradient;
    expect(P.indexOf(Math.max(...P))).toBe(2);
    // by hand: ‖[p1, p2, p3 − 1]‖ = 0.424 against ‖[p1, p2 − 1, p3]‖ = 1.009
    expect(norm(three)).toBeCloseTo(Math.hypot(at(P, 0), at(P, 1), at(P, 2) - 1), 14);
    expect(norm(three)).toBeLessThan(0.5 * norm(two));
  });

  claim('Drag $z_3$ far above the others and the true class\'s entry creeps towards 0.', () => {
    const entries = Array.from({ length: 61 }, (_, k) => 4 + k / 10).map((z3) => at(crossEntropyGradient([2, 3, z3], [0, 0, 1]).gradient, 2));
    entries.slice(1).forEach((g, k) => expect(g).toBeGreaterThan(entries[k] ?? NaN));
    // at z3 = 10: p3 − 1 = −(e² + e³)/(e² + e³ + e¹⁰)
    const exact = -(E ** 2 + E ** 3) / (E ** 2 + E ** 3 + E ** 10);
    expect(entries[60]).toBeCloseTo(exact, 15);
    expect(Math.abs(exact)).toBeLessThan(0.002);
  });

  // ── Which way is downhill: the sign ─────────────────────────────────────────────────────────────

  claim('So the true class\'s logit goes up by $\\eta\\,(1 - p_t)$ and every other logit goes down by $\\eta\\,p_j$.', () => {
    for (const { z, y, t } of HARD.slice(0, 100)) {
      const eta = 1.7;
      const next = gradientStep(z, y, eta);
      const p = softmax(z);
      next.forEach((v, j) => {
        const move = v - (z[j] ?? NaN);
        if (j === t) expect(move).toBeCloseTo(eta * (1 - at(p, j)), 12);
        else expect(move).toBeCloseTo(-eta * at(p, j), 12);
      });
    }
  });

  claim('With a hard label, a larger learning rate $\\eta$ falls faster at first', () => {
    for (const { z, y } of [{ z: WORKED.logits, y: WORKED.labels }, ...HARD.slice(0, 40)]) {
      const first = RATES.map((eta) => descend(z, y, eta, 1)[1] ?? NaN);
      first.slice(1).forEach((L, k) => expect(L).toBeLessThan(first[k] ?? NaN));
    }
    // from the worked example: 1.408 → 0.596 in one step at η = 1, → 0.204 at η = 2
    expect(descend(WORKED.logits, WORKED.labels, 1, 1)[1]).toBeCloseTo(0.596, 3);
    expect(descend(WORKED.logits, WORKED.labels, 2, 1)[1]).toBeCloseTo(0.204, 3);
  });

  claim('the loss keeps falling towards 0 without ever reaching it', () => {
    for (const eta of RATES) {
      const losses = descend(WORKED.logits, WORKED.labels, eta, MAX_STEPS);
      losses.slice(1).forEach((L, k) => {
        expect(L).toBeLessThan(losses[k] ?? NaN);
        expect(L).toBeGreaterThan(0);
      });
    }
    // at η = 5 it is below 0.004 after the 20 steps the widget allows
    expect(descend(WORKED.logits, WORKED.labels, 5, MAX_STEPS)[MAX_STEPS]).toBeLessThan(0.004);
  });

  claim('With a soft label the loss levels off above 0, at the label\'s own entropy $-\\sum_i y_i \\ln y_i$', () => {
    const y = WORKED.labels.map((v) => 0.9 * v + 0.1 / 3); // "Soften the label"
    // H(y) = −(2 · (1/30) ln(1/30) + (28/30) ln(28/30)) = 0.2911, by hand
    const entropy = (2 / 30) * Math.log(30) + (28 / 30) * Math.log(30 / 28);
    expect(entropy).toBeCloseTo(0.2911, 4);
    for (const eta of RATES) {
      for (const L of descend(WORKED.logits, y, eta, MAX_STEPS)) expect(L).toBeGreaterThan(entropy);
    }
    expect(descend(WORKED.logits, y, 4, MAX_STEPS)[MAX_STEPS]).toBeLessThan(entropy + 1e-3);
  });

  claim('from the worked example with the softened label, one step at $\\eta = 5$ ends higher than one at $\\eta = 4$', () => {
    const y = WORKED.labels.map((v) => 0.9 * v + 0.1 / 3);
    const four = descend(WORKED.logits, y, 4, 1)[1] ?? NaN;
    const five = descend(WORKED.logits, y, 5, 1)[1] ?? NaN;
    expect(five - four).toBeGreaterThan(0.04); // 0.357 against 0.307
  });

  // ── Checking it numerically ─────────────────────────────────────────────────────────────────────

  claim('$h = 6\\times10^{-6}\\cdot\\max(1, |z_j|)$ for logit $j$ (near the cube root of float64\'s precision, where a central difference is most accurate)', () => {
    expect(Math.cbrt(2 ** -52) / 6e-6).toBeCloseTo(1, 1);
    for (const { z, y } of HARD.slice(0, 50)) {
      const { numerical } = crossEntropyGradient(z, y);
      z.forEach((zj, j) => {
        const along = (x: number) => crossEntropy([z.map((v, k) => (k === j ? x : v))], [y]);
        expect(at(numerical, j)).toBe(centralDifference(along, zj, 6e-6 * Math.max(1, Math.abs(zj))));
      });
    }
  });

  claim('For a correct gradient it comes out around $10^{-11}$ at the worked example and below $10^{-9}$ for any hard label', () => {
    const worked = crossEntropyGradient(WORKED.logits, WORKED.labels);
    const atWorked = relativeError(worked.gradient, worked.numerical);
    expect(atWorked).toBeGreaterThan(3e-12);
    expect(atWorked).toBeLessThan(3e-11);
    const errors = [...HARD, ...CORNERS.filter((c) => c.y.includes(1))].map(({ z, y }) => {
      const n = crossEntropyGradient(z, y);
      return relativeError(n.gradient, n.numerical);
    });
    expect(Math.max(...errors)).toBeLessThan(1e-9);
    // the floor is the float64 central difference's, not zero
    expect(errors.filter((e) => e > 1e-12).length).toBeGreaterThan(errors.length / 2);
  });

  claim('The check passes anything below $10^{-6}$, or a largest gap below $10^{-9}$, for a gradient so close to 0 that a relative error says little (a soft label that $\\mathbf p$ nearly matches).', () => {
    expect(GRADIENT_CHECK_TOLERANCE).toEqual({ relative: 1e-6, absolute: 1e-9 });
    expect(checkGradient([1, -1], [1 + 0.9e-6, -1]).passes).toBe(true);
    expect(checkGradient([1, -1], [1 + 1.5e-6, -1]).passes).toBe(false);
    expect(checkGradient([1e-5, -1e-5], [1e-5 + 0.9e-9, -1e-5]).passes).toBe(true);
    // a soft label nearly matched: p − y is about 0.004, and its relative error grows past 10⁻⁹
    const near = crossEntropyGradient([-9.5, -7.3], normalizeLabels([0.03, 0.26]) ?? []);
    expect(Math.abs(at(near.gradient, 0))).toBeLessThan(0.005);
    const check = checkGradient(near.gradient, near.numerical);
    expect(check.relative).toBeGreaterThan(1e-9);
    expect(check.absolute).toBeLessThan(1e-10);
    // every lab state's correct gradient passes
    for (const { z, y } of [...HARD, ...SOFT, ...CORNERS]) {
      const n = crossEntropyGradient(z, y);
      expect(checkGradient(n.gradient, n.numerical).passes).toBe(true);
    }
  });

  claim('The sign flipped gives a relative error near 2.', () => {
    for (const { z, y } of [...HARD, ...SOFT]) {
      const { gradient, numerical } = crossEntropyGradient(z, y);
      expect(relativeError(gradient.map((g) => -g), numerical)).toBeCloseTo(2, 6);
    }
  });

  claim('The diagonal-only mistake gives, with a hard label, a relative error between $1/\\sqrt C$ and $1/\\sqrt 2$ (0.58 to 0.71 for three classes)', () => {
    const error = (z: number[], y: number[]) => {
      const n = crossEntropyGradient(z, y);
      return relativeError(n.diagonalOnly, n.numerical);
    };
    for (const { z, y } of HARD) {
      const e = error(z, y);
      expect(e).toBeGreaterThanOrEqual(1 / Math.sqrt(z.length) - 1e-9);
      expect(e).toBeLessThanOrEqual(1 / Math.SQRT2 + 1e-9);
    }
    expect([1 / Math.sqrt(3), 1 / Math.SQRT2].map((v) => v.toFixed(2))).toEqual(['0.58', '0.71']);
    // both ends are reached: the other classes level (1/√3), or one of them taking all (→ 1/√2)
    expect(error([0, 0, 0], [0, 1, 0])).toBeCloseTo(1 / Math.sqrt(3), 9);
    expect(error([10, 0, -10], [0, 1, 0])).toBeCloseTo(1 / Math.SQRT2, 4);
    // at the worked example: √(q / ((1 − p2)² + q)) with q = p1² + p3², by hand
    const q = at(P, 0) ** 2 + at(P, 2) ** 2;
    expect(error([2, 3, 4], [0, 1, 0])).toBeCloseTo(Math.sqrt(q / ((1 - at(P, 1)) ** 2 + q)), 9);
  });

  claim('the explorer marks each of its entries that the check rejects', () => {
    const { diagonalOnly, numerical } = crossEntropyGradient(WORKED.logits, WORKED.labels);
    // classes 1 and 3 are rejected (0 against p1 and p3), class 2 passes
    expect(Array.from(diagonalOnly, (d, j) => entryAgrees(d, at(numerical, j)))).toEqual([false, true, false]);
  });

  // ── A batch: the mean ───────────────────────────────────────────────────────────────────────────

  claim('row $n$ of the gradient is that example\'s $\\mathbf p_n - \\mathbf y_n$, divided by $m$', () => {
    const batch = [...HARD.slice(0, 3), ...SOFT.slice(0, 2)].map(({ z, y }) => ({ z: z.slice(0, 2), y: normalizeLabels(y.slice(0, 2)) ?? [1, 0] }));
    const m = batch.length;
    const rows = crossEntropyGrad(
      batch.map((b) => b.z),
      batch.map((b) => b.y),
    );
    rows.forEach((row, n) => {
      const exact = referenceGradient(batch[n]?.z ?? [], batch[n]?.y ?? []);
      row.forEach((g, j) => expect(g).toBeCloseTo(at(exact, j) / m, 15));
    });
  });

  claim("with `reduction='sum'` the $1/m$ is gone", () => {
    const Z = [WORKED.logits, [0.5, -2, 1], [9, 9.5, -3]];
    const Y = [WORKED.labels, [1, 0, 0], [0.2, 0.3, 0.5]];
    const mean = crossEntropyGrad(Z, Y);
    const sum = crossEntropyGrad(Z, Y, { reduction: 'sum' });
    sum.forEach((row, n) => row.forEach((g, j) => expect(g).toBeCloseTo(3 * at(mean[n] ?? [], j), 15)));
    referenceGradient(Z[2] ?? [], Y[2] ?? []).forEach((g, j) => expect(at(sum[2] ?? [], j)).toBeCloseTo(g, 15));
  });

  claim("The explorer's checks include a batch of your example twice: each row's gradient comes out as $(\\mathbf p - \\mathbf y)/2$.", () => {
    for (const { z, y } of [...HARD.slice(0, 50), ...SOFT.slice(0, 50)]) {
      const exact = referenceGradient(z, y);
      const p = softmax(z);
      // to a few ulp of p_j and y_j, the terms whose difference it is (they cancel where p nearly matches y)
      const ulps = (j: number) => 4 * 2 ** -53 * Math.max(at(p, j), y[j] ?? NaN);
      for (const row of crossEntropyGrad([z, z], [y, y])) row.forEach((g, j) => expect(Math.abs(g - at(exact, j) / 2)).toBeLessThanOrEqual(ulps(j)));
    }
  });

  // ── Why frameworks fuse softmax and cross-entropy ───────────────────────────────────────────────

  claim('in float64, once $z_t$ is about 745 below the largest logit', () => {
    // the smallest double, 2^−1074, is e^{−744.4}: below e^{−745.1} a probability rounds to 0
    expect(Math.log(2 ** -1074)).toBeCloseTo(-744.44, 2);
    expect(at(softmax([0, 744]), 0)).toBeGreaterThan(0);
    expect(at(softmax([0, 746]), 0)).toBe(0);
  });

  claim('For $\\mathbf z = [0, 800]$ with the true class 1, the loss taken through the probability is $-\\ln 0 = \\infty$, while from the logits it is $L = \\ln(e^{0} + e^{800}) - 0 = 800$, an ordinary number.', () => {
    const p = softmax([0, 800]);
    expect(at(p, 0)).toBe(0);
    expect(-Math.log(at(p, 0))).toBe(Infinity);
    // ln(1 + e^{800}) = 800 + ln(1 + e^{−800}), and e^{−800} is far below half an ulp of 800
    expect(crossEntropy([[0, 800]], [[1, 0]])).toBe(800);
  });

  claim('$-y_i/p_i$, which loses precision as a probability underflows towards 0 and is $-\\infty$ once it is 0', () => {
    const p = softmax([0, 800]);
    const unfused = chainGradient(p, 0, 0);
    expect(at(unfused.upstream, 0)).toBe(-Infinity);
    expect(at(crossEntropyGradient([0, 10], [1, 0]).lossByProbability, 0)).toBeLessThan(-2e4);
    // and −∞ times the Jacobian's 0 is NaN, where the fused gradient is [−1, 1]
    expect(at(unfused.gradient, 0)).toBeNaN();
    expect(Array.from(crossEntropyGrad([[0, 800]], [[1, 0]])[0] ?? [])).toEqual([-1, 1]);
  });

  claim('At $\\mathbf z = [10, -10, -10]$ with the true class 1, $p_t - 1 = -4.12 \\times 10^{-9}$', () => {
    expect(formatNumber(CONFIDENT_EXACT, 3)).toBe('−4.12 × 10⁻⁹');
  });

  claim('computed by subtraction in float64 it keeps only 7 to 8 of its 16 significant digits (a relative error of about $10^{-8}$)', () => {
    // as the explorer's check computes it: the core's p1 (correctly rounded), minus 1
    const subtracted = at(softmax(CONFIDENT.z), 0) - 1;
    expect(relative(subtracted, CONFIDENT_EXACT)).toBeGreaterThan(1e-8);
    expect(relative(subtracted, CONFIDENT_EXACT)).toBeLessThan(1e-7);
    // and as NumPy's textbook softmax does it (the "Copy as NumPy" program)
    const numpy = runPython(crossEntropyNumpy({ logits: CONFIDENT.z, labels: CONFIDENT.y }));
    const grad = numpy.get('grad') as number[];
    expect(relative(grad[0] ?? NaN, CONFIDENT_EXACT)).toBeGreaterThan(1e-8);
    expect(relative(grad[0] ?? NaN, CONFIDENT_EXACT)).toBeLessThan(1e-7);
  });

  claim('in float32, $p_t$ rounds to exactly 1 and $p_t - 1$ is exactly 0', () => {
    const p = stableSoftmax(CONFIDENT.z, 'float32').probabilities;
    expect(at(p, 0)).toBe(1);
    expect(Math.fround(at(p, 0) - 1)).toBe(0);
    // the others keep their e^{−20}: only the true class loses its push
    expect(at(p, 1)).toBeCloseTo(Math.exp(-20), 15);
  });

  claim("Logit Lab's core computes it that way, to full precision", () => {
    const fused = at(crossEntropyGrad([CONFIDENT.z], [CONFIDENT.y])[0] ?? [], 0);
    expect(relative(fused, CONFIDENT_EXACT)).toBeLessThan(4 * 2 ** -53);
  });

  claim("the check on the true class's $p - 1$ shows both versions, and their relative gap of about $10^{-8}$", () => {
    // the explorer's check: fused p − y against p_t − 1 by subtraction, |subtracted − fused| / |fused|
    const { gradient, probabilities } = crossEntropyGradient(CONFIDENT.z, CONFIDENT.y);
    const gap = relative(at(probabilities, 0) - 1, at(gradient, 0));
    expect(gap).toBeGreaterThan(3e-9);
    expect(gap).toBeLessThan(3e-8);
  });

  claim("\"Copy as NumPy\" there computes $\\mathbf p - \\mathbf y$ by subtraction, as most code does, and its true class's entry agrees with the fused one to 7 or 8 digits.", () => {
    const program = crossEntropyNumpy({ logits: CONFIDENT.z, labels: CONFIDENT.y });
    expect(program).toContain('grad = p - y');
    const numpy = (runPython(program).get('grad') as number[])[0] ?? NaN;
    const fused = at(crossEntropyGrad([CONFIDENT.z], [CONFIDENT.y])[0] ?? [], 0);
    const gap = relative(numpy, fused);
    expect(gap).toBeGreaterThan(1e-9); // not 9 digits
    expect(gap).toBeLessThan(1e-7); // but 7
  });

  // ── What to take away ──────────────────────────────────────────────────────────────────────────

  claim('$\\partial L / \\partial \\mathbf z = \\mathbf p - \\mathbf y$ for softmax followed by cross-entropy, for any target $\\mathbf y$ that sums to 1', () => {
    // against central differences of the loss itself, for hard, softened and soft targets
    for (const { z, y } of [...HARD, ...SOFT]) {
      const { gradient, numerical } = crossEntropyGradient(z, y);
      expect(checkGradient(gradient, numerical).passes).toBe(true);
    }
  });

  claim('With a hard label the true class gets $p_t - 1$ and every other class gets $p_j$; the entries sum to 0.', () => {
    for (const { z, y, t } of HARD) {
      const { gradient, probabilities } = crossEntropyGradient(z, y);
      gradient.forEach((g, j) => expect(g).toBeCloseTo(j === t ? at(probabilities, j) - 1 : at(probabilities, j), 15));
      expect(Math.abs(Array.from(gradient).reduce((a, b) => a + b, 0))).toBeLessThan(1e-15);
    }
  });

  claim("Keeping only the Jacobian's diagonal gives $-y_j(1 - p_j)$: right for the true class, wrong for every other; a central-difference check catches it.", () => {
    for (const { z, y, t } of HARD) {
      const { diagonalOnly, numerical } = crossEntropyGradient(z, y);
      expect(Array.from(diagonalOnly, (d, j) => entryAgrees(d, at(numerical, j)))).toEqual(z.map((_, j) => j === t));
      expect(checkGradient(diagonalOnly, numerical).passes).toBe(false);
    }
  });

  claim('Over a batch of $m$ with the mean reduction, the gradient is $(P - Y)/m$.', () => {
    const Z = HARD.slice(0, 6).map(({ z }) => z.slice(0, 2));
    const Y = Z.map((_, n) => oneHot(2, n % 2));
    crossEntropyGrad(Z, Y).forEach((row, n) => {
      const exact = referenceGradient(Z[n] ?? [], Y[n] ?? []);
      row.forEach((g, j) => expect(g).toBeCloseTo(at(exact, j) / Z.length, 15));
    });
  });
});
