import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { expect } from 'vitest';
import { centralDifference, crossEntropy, crossEntropyGrad, softmax } from '../../src/core';
import { chainGradient, stableSoftmax } from '../../src/core/naive';
import { formatNumber } from '../../src/format/formatNumber';
import { normalizeLabels, oneHot } from '../../src/url/labels';
import { LIMITS, workedExample } from '../../src/url/labInputs';
import { crossEntropyNumpy, crossEntropyTorch } from '../../src/tools/copyAsCode/programs';
import { DERIVATION_STEPS } from '../../src/chapters/softmax-cross-entropy/crossEntropyFormula';
import {
  chainRulePaths,
  checkGradient,
  crossEntropyGradient,
  diagonalEntryChecks,
  entryAgrees,
  GRADIENT_CHECK_TOLERANCE,
  gradientStep,
  LEARNING_RATE,
  relativeError,
} from '../../src/chapters/softmax-cross-entropy/crossEntropyGradientMath';
import { GRADIENT_DESCENT_STATE } from '../../src/chapters/softmax-cross-entropy/crossEntropyState';
import { big, div, exp, ONE, sub, sumOf, toNumber } from '../core/reference/bigFloat';
import { referenceNegLogSoftmax } from '../core/reference/reference';
import { backwardAt, PRECISIONS } from '../../src/chapters/stability/stabilityMath';
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
/** the same corners with "Soften the label" pressed once, on every class: where the check's tolerance shows */
const SOFT_CORNERS = CORNERS.filter((c) => c.y.includes(1)).flatMap(({ z }) =>
  z.map((_, t) => ({ z, y: oneHot(z.length, t).map((v) => 0.9 * v + 0.1 / z.length) })),
);

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

  claim('in the question they draw on it reads $\\partial E/\\partial o_j = -t_j/o_j$, our step one, and it is right', () => {
    // the guess is ∂L/∂p_j = −y_j/p_j, the stepper's second line: checked against central differences of
    // L(p) = −Σ y_i ln p_i in p itself (each p_i moved alone, as a partial derivative is taken)
    for (const { z, y } of [{ z: [2, 3, 4], y: [0, 1, 0] }, { z: [-1.5, 0.3, 2.2], y: [0.2, 0.5, 0.3] }]) {
      const { probabilities, lossByProbability } = crossEntropyGradient(z, y);
      const p = Array.from(probabilities);
      p.forEach((pj, j) => {
        const along = (x: number) => -y.reduce((s, yi, i) => s + (yi === 0 ? 0 : yi * Math.log(i === j ? x : at(p, i))), 0);
        const estimate = centralDifference(along, pj, 1e-6 * pj);
        expect(at(lossByProbability, j)).toBeCloseTo(-(y[j] ?? NaN) / pj, 12);
        expect(Math.abs(at(lossByProbability, j) - estimate)).toBeLessThan(1e-7 * Math.max(1, Math.abs(estimate)));
      });
    }
  });

  claim('The conflict came first from chaining the guess through that one path and stopping there', () => {
    // the guess times the diagonal ∂p_j/∂z_j = p_j(1 − p_j) is the diagonal-only result, which is not ∂E/∂z_j;
    // the question's own step, (∂E/∂z_j) ÷ (∂p_j/∂z_j), is that one-path chain rule solved for the guess
    const { lossByProbability, jacobian, diagonalOnly, gradient } = crossEntropyGradient(WORKED.logits, WORKED.labels);
    const onePath = Array.from(lossByProbability, (u, j) => u * at(jacobian[j] ?? [], j));
    onePath.forEach((v, j) => expect(v).toBe(at(diagonalOnly, j)));
    // at the worked example the one path gives [0, p2 − 1, 0] against p − y = [p1, p2 − 1, p3]
    expect(Math.abs(at(onePath, 0) - at(gradient, 0))).toBeCloseTo(at(P, 0), 12);
    expect(Math.abs(at(onePath, 2) - at(gradient, 2))).toBeCloseTo(at(P, 2), 12);
    // dividing p_j − y_j by the diagonal does not give −y_j/p_j back (here at j = 1: p1/(p1(1 − p1)) against 0)
    expect(at(gradient, 0) / at(jacobian[0] ?? [], 0)).toBeCloseTo(1 / (1 - at(P, 0)), 12);
    expect(at(lossByProbability, 0)).toBe(0);
  });

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
    // with a soft label at the corners too: every entry short of p_j − y_j by more than rounding
    for (const { z, y } of SOFT_CORNERS) {
      const { diagonalOnly } = crossEntropyGradient(z, y);
      const exact = referenceGradient(z, y);
      z.forEach((_, j) => expect(at(exact, j) - at(diagonalOnly, j)).toBeGreaterThan(1e3 * 2 ** -53 * Math.abs(at(exact, j))));
    }
    // the explorer's verdicts: for a hard label the true class passes and every other fails; no entry of a
    // soft label passes (the check lets some through at the corners, and the explorer says they are short)
    for (const { z, y } of [...HARD, ...CORNERS, ...SOFT, ...SOFT_CORNERS]) {
      const verdicts = diagonalEntryChecks(crossEntropyGradient(z, y), y).map((e) => e.verdict);
      expect(verdicts.map((v) => v === 'passes')).toEqual(y.map((v) => v === 1));
      if (y.includes(1)) expect(verdicts.filter((v) => v === 'tolerated')).toEqual([]);
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
    for (const { z, y } of [...SOFT, ...SOFT_CORNERS, ...CORNERS.filter((c) => !c.y.includes(1))]) {
      const numbers = crossEntropyGradient(z, y);
      const exact = referenceGradient(z, y);
      const p = softmax(z);
      const entries = diagonalEntryChecks(numbers, y);
      z.forEach((_, j) => {
        const off = at(p, j) * (1 - (y[j] ?? NaN));
        expect(off).toBeGreaterThan(0);
        // to rounding: every entry is at most 1 in size
        expect(Math.abs(at(exact, j) - at(numbers.diagonalOnly, j) - off)).toBeLessThan(1e-15);
        // and the explorer never calls such an entry a pass: it fails, or it is let through with its shortfall shown
        expect(entries[j]?.verdict).not.toBe('passes');
        expect(entries[j]?.short).toBeCloseTo(off, 15);
      });
    }
  });

  // ── Step through it ────────────────────────────────────────────────────────────────────────────

  claim('On the product line a table lists all $C$ paths from $z_j$ to $L$, the diagonal one marked, with their sum $p_j - y_j$ and, under it, the diagonal path alone.', () => {
    // the numbers that table shows (tests/components/chapters/softmax-cross-entropy/CrossEntropyGradientExplorer.test.tsx checks the table itself)
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
    // by hand: ‖[p1, p2, p3 − 1]‖ = 0.424 against ‖[p1, p2 − 1, p3]‖ = 1.0105
    expect(norm(three)).toBeCloseTo(Math.hypot(at(P, 0), at(P, 1), at(P, 2) - 1), 14);
    expect(norm(three)).toBeCloseTo(0.4243, 4);
    expect(norm(two)).toBeCloseTo(1.0105, 4);
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

  claim('For a correct gradient it comes out around $10^{-11}$ at the worked example and below $10^{-9}$ for any hard label (up to about $6 \\times 10^{-10}$ at the sliders\' corners, the truncation error $h^2/6$ of a step that grows with $|z_j|$).', () => {
    const worked = crossEntropyGradient(WORKED.logits, WORKED.labels);
    const atWorked = relativeError(worked.gradient, worked.numerical);
    expect(atWorked).toBeGreaterThan(3e-12);
    expect(atWorked).toBeLessThan(3e-11);
    const hardCorners = CORNERS.filter((c) => c.y.includes(1));
    const error = ({ z, y }: { z: number[]; y: number[] }) => {
      const n = crossEntropyGradient(z, y);
      return relativeError(n.gradient, n.numerical);
    };
    const errors = [...HARD, ...hardCorners].map(error);
    expect(Math.max(...errors)).toBeLessThan(1e-9);
    // the floor is the float64 central difference's, not zero
    expect(errors.filter((e) => e > 1e-12).length).toBeGreaterThan(errors.length / 2);
    // the largest is at the corners: h = 6·10⁻⁶ · 10 = 6·10⁻⁵ there, and the central difference's truncation
    // error is (h²/6)·f‴ with f‴/f′ = (1 − p)(1 − 2p) ≈ 1 for each entry (f′ = p_j, or p_t − 1): h²/6 = 6.0·10⁻¹⁰
    const truncation = (6e-5) ** 2 / 6;
    expect(truncation).toBeCloseTo(6e-10, 20);
    const atCorners = hardCorners.map(error);
    expect(Math.max(...atCorners)).toBeGreaterThan(0.9 * truncation);
    expect(Math.max(...atCorners)).toBeLessThan(1.05 * truncation);
    expect(Math.max(...errors)).toBe(Math.max(...atCorners));
    const confident = error(CONFIDENT);
    expect(Math.abs(confident / truncation - 1)).toBeLessThan(0.01);
    expect(formatNumber(confident, 2)).toBe('6.0 × 10⁻¹⁰'); // as the explorer shows it there
    // it is the step, not float64's resolution: the same point with an unscaled step h = 6·10⁻⁶ is more than
    // 10 times closer (3.5·10⁻¹¹ with the core's loss, whose rounding now dominates: h²/6 is 6·10⁻¹² there)
    const g = crossEntropyGradient(CONFIDENT.z, CONFIDENT.y).gradient;
    const unscaled = CONFIDENT.z.map((zj, j) =>
      centralDifference((x) => crossEntropy([CONFIDENT.z.map((v, k) => (k === j ? x : v))], [CONFIDENT.y]), zj, 6e-6),
    );
    expect(relativeError(g, unscaled)).toBeLessThan(truncation / 10);
  });

  claim('The check passes anything below $10^{-6}$, or a largest gap below $10^{-9}$, for a gradient so close to 0 that a relative error says little (a soft label that $\\mathbf p$ nearly matches).', () => {
    expect(GRADIENT_CHECK_TOLERANCE).toEqual({ relative: 1e-6, absolute: 1e-9 });
    expect(checkGradient([1, -1], [1 + 0.9e-6, -1]).passes).toBe(true);
    expect(checkGradient([1, -1], [1 + 1.5e-6, -1]).passes).toBe(false);
    expect(checkGradient([1e-5, -1e-5], [1e-5 + 0.9e-9, -1e-5]).passes).toBe(true);
    // a soft label that p nearly matches, which only the absolute part passes: z = [0.3, −1.2, 2] with y its own
    // softmax rounded to 6 decimals (a link can carry it: #/softmax-cross-entropy?z=0.3,-1.2,2&y=0.149319,0.033318,0.817364)
    const z = [0.3, -1.2, 2];
    const e = z.map((v) => Math.exp(v));
    const weights = e.map((v) => Number((v / e.reduce((a, b) => a + b, 0)).toFixed(6)));
    expect(weights).toEqual([0.149319, 0.033318, 0.817364]);
    const near = crossEntropyGradient(z, normalizeLabels(weights) ?? []);
    // p − y is below 10⁻⁶ in every entry, so the estimate's own error (a few 10⁻¹²) is a large part of it
    for (const g of near.gradient) expect(Math.abs(g)).toBeLessThan(1e-6);
    const check = checkGradient(near.gradient, near.numerical);
    expect(check.relative).toBeGreaterThan(GRADIENT_CHECK_TOLERANCE.relative); // 8.0 × 10⁻⁶: the relative test fails it
    expect(check.absolute).toBeLessThan(1e-11); // 4.1 × 10⁻¹²
    expect(check.passes).toBe(true);
    // and the floor still rejects the diagonal-only mistake and the sign flipped there
    expect(checkGradient(near.diagonalOnly, near.numerical).passes).toBe(false);
    expect(checkGradient(Array.from(near.gradient, (g) => -g), near.numerical).passes).toBe(false);
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
    const numbers = crossEntropyGradient(WORKED.logits, WORKED.labels);
    // classes 1 and 3 are rejected (0 against p1 and p3), class 2 passes
    expect(Array.from(numbers.diagonalOnly, (d, j) => entryAgrees(d, at(numbers.numerical, j)))).toEqual([false, true, false]);
    expect(diagonalEntryChecks(numbers, WORKED.labels).map((e) => e.verdict)).toEqual(['fails', 'passes', 'fails']);
    // everywhere: 'fails' is exactly the check's rejection
    for (const { z, y } of [...HARD, ...SOFT, ...CORNERS, ...SOFT_CORNERS]) {
      const n = crossEntropyGradient(z, y);
      diagonalEntryChecks(n, y).forEach((e, j) => expect(e.verdict === 'fails').toBe(!entryAgrees(at(n.diagonalOnly, j), at(n.numerical, j))));
    }
  });

  claim("A wrong entry whose gap is within the check's relative tolerance gets through, and the explorer says how far short it is", () => {
    let throughs = 0;
    for (const { z, y } of [...SOFT, ...SOFT_CORNERS, ...CORNERS]) {
      const n = crossEntropyGradient(z, y);
      diagonalEntryChecks(n, y).forEach((e, j) => {
        if (e.verdict !== 'tolerated') return;
        throughs++;
        // wrong: short of p_j − y_j by p_j(1 − y_j) > 0, yet its gap to the estimate is within 10⁻⁶ of its size
        const d = at(n.diagonalOnly, j);
        expect(e.short).toBeGreaterThan(0);
        expect(Math.abs(d - at(n.numerical, j))).toBeLessThanOrEqual(GRADIENT_CHECK_TOLERANCE.relative * Math.abs(d) * (1 + 1e-9));
        expect(e.short).toBeCloseTo(at(softmax(z), j) * (1 - (y[j] ?? NaN)), 20);
        expect(e.short).toBeLessThan(1e-6);
      });
    }
    // it happens (never with a hard label: its wrong entries are 0 against p_j), always by less than 10⁻⁶
    expect(throughs).toBeGreaterThan(10);
  });

  claim('at $\\mathbf z = [10, -10, -10]$ with the label of class 1 softened, classes 2 and 3 are short by only $2.0 \\times 10^{-9}$', () => {
    const y = [1, 0, 0].map((v) => 0.9 * v + 0.1 / 3); // "Soften the label", once
    const entries = diagonalEntryChecks(crossEntropyGradient(CONFIDENT.z, y), y);
    expect(entries.map((e) => e.verdict)).toEqual(['fails', 'tolerated', 'tolerated']);
    // by hand: p2 = e^{−20}/(1 + 2e^{−20}), short by p2(1 − 1/30) = 1.99 × 10⁻⁹
    const short = (Math.exp(-20) / (1 + 2 * Math.exp(-20))) * (29 / 30);
    expect(short).toBeGreaterThan(1.95e-9);
    expect(short).toBeLessThan(2.05e-9);
    expect(formatNumber(short, 2)).toBe('2.0 × 10⁻⁹');
    for (const e of entries.slice(1)) expect(e.short).toBeCloseTo(short, 20);
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

  claim('a huge number times a tiny one, to get something ordinary', () => {
    // at a gap of 700, −1/p1 is about −10³⁰⁴ and the product still comes out −1 (to 10⁻¹³) and +1
    const unfused = chainGradient(softmax([0, 700]), 0, 0);
    expect(at(unfused.upstream, 0)).toBeLessThan(-1e303);
    expect(at(unfused.gradient, 0)).toBeCloseTo(-1, 13);
    expect(at(unfused.gradient, 1)).toBeCloseTo(1, 13);
  });

  claim('once $p_i < 2^{-1024} \\approx 5.6 \\times 10^{-309}$, which for two classes is a logit gap of 709.8, while $p_i$ reaches 0 only at a gap of 745.1', () => {
    // 1/p is finite up to the largest double, 2^1024(1 − 2^−53): p below 2^−1024 overflows it
    expect(formatNumber(2 ** -1024, 2)).toBe('5.6 × 10⁻³⁰⁹');
    expect(1 / 2 ** -1024).toBe(Infinity);
    expect(1 / (2 ** -1024 + 2 ** -1074)).toBeLessThan(Infinity); // the next double up: 2^−1024 is subnormal
    // for two classes p1 = 1/(1 + e^gap) ≈ e^−gap: below 2^−1024 past a gap of 1024 ln 2, to 0 past 1075 ln 2
    expect(1024 * Math.LN2).toBeCloseTo(709.78, 2);
    expect(1075 * Math.LN2).toBeCloseTo(745.13, 2);
    const upstream = (gap: number) => at(chainGradient(softmax([0, gap]), 0, 0).upstream, 0);
    expect(upstream(709.7)).toBeGreaterThan(-Infinity);
    expect(upstream(709.9)).toBe(-Infinity);
    expect(at(softmax([0, 745.1]), 0)).toBeGreaterThan(0);
    expect(at(softmax([0, 745.2]), 0)).toBe(0);
  });

  claim('From there the product is $\\pm\\infty$, and once $p_i$ is 0 it is $-\\infty \\cdot 0$, which is NaN ("not a number", what floating point gives where arithmetic has no answer).', () => {
    // ∞ · 0 has no value, and IEEE 754 answers it with NaN, which is equal to nothing, itself included
    const undefinedProduct = -Infinity * 0;
    expect(undefinedProduct).toBeNaN();
    expect([undefinedProduct].indexOf(undefinedProduct)).toBe(-1); // indexOf compares with ===
    // between the two gaps: −∞ times p1(1 − p1) > 0 and times −p1 p2 < 0
    expect(Array.from(chainGradient(softmax([0, 720]), 0, 0).gradient)).toEqual([-Infinity, Infinity]);
    // past 745.1: −∞ · 0
    const unfused = chainGradient(softmax([0, 800]), 0, 0);
    expect(at(unfused.upstream, 0)).toBe(-Infinity);
    expect(at(unfused.gradient, 0)).toBeNaN();
    // where the fused gradient is [−1, 1] throughout
    for (const gap of [700, 720, 800]) expect(Array.from(crossEntropyGrad([[0, gap]], [[1, 0]])[0] ?? [])).toEqual([-1, 1]);
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

  claim('in float32 (single precision, with about 7 significant digits, the usual precision for training networks), $p_t$ rounds to exactly 1 and $p_t - 1$ is exactly 0', () => {
    // single precision: a 24-bit significand, so 24·log₁₀2 = 7.2 digits; the floats next to 1 are 2⁻²⁴ below
    // and 2⁻²³ above it, and 1 + 10⁻⁷ is a float other than 1 while 1 + 10⁻⁸ is not
    expect(24 * Math.log10(2)).toBeCloseTo(7.22, 2);
    expect(Math.fround(1 - 2 ** -24)).toBe(1 - 2 ** -24);
    expect(Math.fround(1 - 2 ** -25)).toBe(1);
    expect(Math.fround(1 + 1e-7)).toBeGreaterThan(1);
    expect(Math.fround(1 + 1e-8)).toBe(1);
    // 1 − p_t ≈ 4.1 × 10⁻⁹ is below half of 2⁻²⁴, so p_t rounds up to 1
    expect(-CONFIDENT_EXACT).toBeLessThan(2 ** -25);
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

  claim("\"Copy as NumPy\" there computes $\\mathbf p - \\mathbf y$ by subtraction, as most code does, and its true class's entry agrees with the core's $-\\sum_{j \\ne t} p_j$ to 7 or 8 digits.", () => {
    const program = crossEntropyNumpy({ logits: CONFIDENT.z, labels: CONFIDENT.y });
    expect(program).toContain('grad = p - y');
    const numpy = (runPython(program).get('grad') as number[])[0] ?? NaN;
    const fused = at(crossEntropyGrad([CONFIDENT.z], [CONFIDENT.y])[0] ?? [], 0);
    const gap = relative(numpy, fused);
    expect(gap).toBeGreaterThan(1e-9); // not 9 digits
    expect(gap).toBeLessThan(1e-7); // but 7
  });

  claim('PyTorch\'s fused backward forms $\\exp(\\ln p_t) - 1$, so it shows the same $10^{-8}$ gap in float64 (as does "Copy as PyTorch") and gives exactly 0 in float32.', () => {
    // F.cross_entropy is log_softmax then nll_loss. nll_loss's backward hands log_softmax's the gradient
    // −1 at t (mean over one example) and 0 elsewhere; log_softmax's backward (aten SoftMaxKernel.cpp,
    // _vec_host_softmax_backward_lastdim) is grad − exp(output)·Σ grad, so at t it is −1 + exp(ln p_t).
    // The forward's ln p_t is z_t − max − ln Σ exp(z − max), in that order. Both replayed in NumPy, step by step:
    const emulate = (dtype: 'float64' | 'float32') =>
      runPython(
        [
          'import numpy as np',
          `z = np.array([10, -10, -10], dtype=np.${dtype})`,
          'm = z.max()',
          'out = z - m - np.log(np.exp(z - m).sum())  # log_softmax',
          `g = np.array([-1, 0, 0], dtype=np.${dtype})  # nll_loss backward, class 1`,
          'grad = g - np.exp(out) * g.sum()  # log_softmax backward',
          "print('grad =', [float(v) for v in grad])",
        ].join('\n'),
      ).get('grad') as number[];
    const f64 = emulate('float64');
    const core = at(crossEntropyGrad([CONFIDENT.z], [CONFIDENT.y])[0] ?? [], 0);
    const gap = relative(at(f64, 0), core);
    expect(gap).toBeGreaterThan(1e-8);
    expect(gap).toBeLessThan(1e-7);
    // the same 10⁻⁸ whatever exp and log PyTorch's vector code uses: a double near 1, minus 1, is a multiple
    // of 2⁻⁵³, and the nearest multiple to the exact −4.1223…·10⁻⁹ is 1.1·10⁻⁸ of it away (bigFloat)
    const k = toNumber(div(big(CONFIDENT_EXACT), big(2 ** -53)));
    const nearest = Math.min(k - Math.floor(k), Math.ceil(k) - k);
    expect((nearest * 2 ** -53) / Math.abs(CONFIDENT_EXACT)).toBeGreaterThan(1e-8);
    // the other entries are p_j, as the core's
    expect(relative(at(f64, 1), Math.exp(-20) / (1 + 2 * Math.exp(-20)))).toBeLessThan(1e-14);
    // float32: 1 + 2e^{−20} rounds to 1, ln 1 = 0, exp 0 = 1, and −1 + 1 = 0
    expect(emulate('float32')[0]).toBe(0);
    // "Copy as PyTorch" runs exactly that in float64 (a class index as the target)
    const torch = crossEntropyTorch({ logits: CONFIDENT.z, labels: CONFIDENT.y });
    for (const line of ['dtype=torch.float64', 'y = torch.tensor([0])', 'loss = F.cross_entropy(z.unsqueeze(0), y)', 'loss.backward()']) expect(torch).toContain(line);
  });

  claim("Chapter 10's table of the fused backward forms it the same way, in the precision you choose.", () => {
    // chapter 10's "fused p − y" column (backwardAt, as FusedBackward calls it), in each precision its radios
    // offer, against PyTorch's log_softmax backward replayed in NumPy: −1 + exp(ln p_t) at the true class
    expect(PRECISIONS).toEqual(['float32', 'float64']);
    const torchLike = (dtype: 'float32' | 'float64') =>
      (
        runPython(
          [
            'import numpy as np',
            `z = np.array([10, -10, -10], dtype=np.${dtype})`,
            'm = z.max()',
            'out = z - m - np.log(np.exp(z - m).sum())',
            `g = np.array([-1, 0, 0], dtype=np.${dtype})`,
            "print('grad =', [float(v) for v in g - np.exp(out) * g.sum()])",
          ].join('\n'),
        ).get('grad') as number[]
      )[0] ?? NaN;
    // float64: both are a subtraction from 1, off the exact −4.1223…·10⁻⁹ by about 10⁻⁸ of it, and within
    // a spacing or two of each other (the two exp and log may differ in their last bit)
    const f64 = at(backwardAt(CONFIDENT.z, 0, 0, 'float64').fused, 0);
    expect(relative(f64, CONFIDENT_EXACT)).toBeGreaterThan(1e-8);
    expect(relative(f64, CONFIDENT_EXACT)).toBeLessThan(1e-7);
    expect(Math.abs(f64 - torchLike('float64'))).toBeLessThanOrEqual(2 * 2 ** -53);
    // float32: exactly 0, like PyTorch's
    expect(at(backwardAt(CONFIDENT.z, 0, 0, 'float32').fused, 0)).toBe(0);
    expect(torchLike('float32')).toBe(0);
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

  claim("Keeping only the Jacobian's diagonal gives $-y_j(1 - p_j)$: with a hard label right for the true class, wrong for every other; a central-difference check catches it.", () => {
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
