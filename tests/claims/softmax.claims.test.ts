import { spawnSync } from 'node:child_process';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import fc from 'fast-check';
import { expect } from 'vitest';
import { centralDifference, logSumExp, softmax } from '../../src/core';
import { formatNumber } from '../../src/format/formatNumber';
import { createLabStore } from '../../src/state/createLabStore';
import { clampLogit, clampTemperature, defaultInputs, LIMITS } from '../../src/state/labInputs';
import { softmaxNumpy, softmaxTorch } from '../../src/widgets/copyAsCode/programs';
import { SoftmaxChecks } from '../../src/widgets/SoftmaxChecks';
import { softmaxFractionTex, workedExampleText } from '../../src/widgets/softmaxFormula';
import { shiftNote, smoothMaximum, softmaxChecks } from '../../src/widgets/softmaxMath';
import { big, mul, toNumber } from '../core/reference/bigFloat';
import { referenceLogSumExp, referenceNegLogSoftmax, referenceSoftmax } from '../core/reference/reference';
import { describeClaims } from './chapterClaims';

/*
 * Chapter 2, "Softmax". Every check replays what the explorer computes (the core's softmax, the
 * explorer's checks in softmaxMath, the worked example's text, the store's shift and restore) on the
 * sliders' own grid: logits in [−10, 10] in steps of 0.1, two to eight classes, T in [0.1, 5] in steps
 * of 0.05. Reference values come from closed forms (e, e², ln) or the 60-digit BigFloat, never from
 * the code under test.
 */

const E = Math.E;
const SEED = 20240610;
const { min: Z_MIN, max: Z_MAX } = LIMITS.logit;

/** Logits as the sliders and the store hold them: the 0.1 grid of [−10, 10], two to eight classes. */
const sliderLogits = (minLength: number = LIMITS.minClasses) =>
  fc.array(
    fc.integer({ min: Z_MIN * 10, max: Z_MAX * 10 }).map((k) => clampLogit(k / 10)),
    { minLength, maxLength: LIMITS.maxClasses },
  );
/** The temperature slider's grid: 0.1 to 5 in steps of 0.05. */
const sliderTemperature = fc.integer({ min: 2, max: 100 }).map((k) => clampTemperature(k * 0.05));
const property = <T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => void, numRuns = 300) =>
  fc.assert(fc.property(arbitrary, check), { seed: SEED, numRuns });

/** The worked example by hand: p = [1, e, e²] / (1 + e + e²). */
const S = 1 + E + E * E;
const WORKED = [1 / S, E / S, (E * E) / S];
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const argmaxOneHot = (z: readonly number[]) => z.map((v) => (v === Math.max(...z) ? 1 : 0));

/** The explorer's live checks as the learner reads them (SoftmaxChecks has no store: props in, list out). */
function checksText(logits: number[], temperature: number): string[] {
  const html = renderToStaticMarkup(createElement(SoftmaxChecks, { logits, temperature, probabilities: softmax(logits, temperature) }));
  return [...html.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'"));
}

/** Runs a program with python3 (NumPy installed, as for tests/unit/copyAsCodeNumpy.test.ts) and reads `name = [..]`. */
function runPython(program: string): Record<string, number[]> {
  const run = spawnSync('python3', ['-c', program], { encoding: 'utf8', timeout: 30_000 });
  expect(run.status, run.stderr).toBe(0);
  return Object.fromEntries(
    run.stdout
      .trim()
      .split('\n')
      .map((line) => {
        const [name, value] = line.split(' = ');
        return [name ?? '', JSON.parse(value ?? '[]') as number[]];
      }),
  );
}

describeClaims('softmax', (claim) => {
  // ---- The formula ----

  claim('Each $p_i$ lies strictly between 0 and 1 (for finite logits), and $\\sum_i p_i = 1$ by construction.', () => {
    // on the sliders (T = 1 in this section) even the extremes stay inside: e⁻²⁰/(1 + 7e⁻²⁰) > 0, 1 − 2e⁻²⁰ < 1
    property(sliderLogits(), (z) => {
      const p = softmax(z);
      for (const pi of p) {
        expect(pi).toBeGreaterThan(0);
        expect(pi).toBeLessThan(1);
      }
      const checks = softmaxChecks(z, 1, p);
      expect(checks.sumGap).toBeLessThan(1e-15);
    });
    expect(softmax([10, -10, -10])[0]).toBeLessThan(1);
    expect(softmax([-10, 10, 10, 10, 10, 10, 10, 10])[0]).toBeGreaterThan(0);
  });

  claim('a larger logit always gets a larger probability: softmax keeps the order of the scores and changes only their spacing', () => {
    // the explorer's order check, at every temperature too (the ratio of two neighbours is at least e^{0.1/5})
    property(fc.tuple(sliderLogits(), sliderTemperature), ([z, t]) => {
      const p = softmax(z, t);
      expect(softmaxChecks(z, t, p).sameOrder).toBe(true);
      z.forEach((zi, i) => z.forEach((zj, j) => zi > zj && expect(p[i]).toBeGreaterThan(p[j] ?? NaN)));
    });
  });

  // ---- Try it ----

  claim('Hover a number in the live formula to see which bar it belongs to', () => {
    // every number of the fraction carries the term id its bar carries (z-1 … on the logit bars, p-k on
    // the probability bar), which is what lights both up together
    const logits = [2, 3, 4];
    const exponentials = logits.map(Math.exp);
    const sum = exponentials.reduce((a, b) => a + b);
    const tex = softmaxFractionTex({ logits, temperature: 1, probabilities: softmax(logits), exponentials, sum, shown: 2 });
    for (const id of ['z-1', 'z-2', 'z-3']) expect(tex.powers).toContain(`\\term{${id}}{`);
    expect(tex.values).toContain('\\term{p-3}{0.665}');
  });

  // ---- Try it: copy as code ----

  claim('"Copy as NumPy" and "Copy as PyTorch" give you a short float64 program that recomputes the probabilities on screen from exactly the logits and temperature you set, and prints them with every digit', () => {
    const state = { logits: [2.9, -1.3, 0.1, 7.4], temperature: 0.35 };
    const numpy = softmaxNumpy(state);
    const torch = softmaxTorch(state);
    for (const program of [numpy, torch]) {
      expect(program.split('\n').length).toBeLessThan(15);
      expect(program).toContain('[2.9, -1.3, 0.1, 7.4]');
      expect(program).toContain('T = 0.35');
    }
    expect(torch).toContain('dtype=torch.float64');
    // NumPy's default dtype is float64; what it prints is every digit (repr), and it is the softmax
    const printed = runPython(numpy).p ?? [];
    const reference = referenceSoftmax(state.logits, state.temperature);
    printed.forEach((v, i) => expect(relative(v, reference[i] ?? NaN)).toBeLessThan(1e-14));
    // and the numbers on screen are these, to the digits shown
    Array.from(softmax(state.logits, state.temperature)).forEach((v, i) => expect(formatNumber(v, 3)).toBe(formatNumber(printed[i] ?? NaN, 3)));
  });

  claim('The NumPy version writes the stable softmax out, max shift included (see below); the PyTorch version calls `torch.softmax`.', () => {
    const state = { logits: [2, 3, 4], temperature: 1 };
    expect(softmaxNumpy(state)).toContain('np.exp((z - z.max()) / T)');
    expect(softmaxTorch(state)).toContain('torch.softmax(z / T, dim=0)');
  });

  // ---- A worked example ----

  claim('Take three classes with logits $\\mathbf z = [2, 3, 4]$ (the example the explorer starts from, and the one the "Restore the worked example" button brings back).', () => {
    expect(defaultInputs().logits).toEqual([2, 3, 4]);
    expect(defaultInputs().temperature).toBe(1);
    const store = createLabStore({ logits: [-1, 5, 0.5, 2], temperature: 3 });
    store.getState().restoreWorkedExample();
    expect(store.getState().logits).toEqual([2, 3, 4]);
    expect(store.getState().temperature).toBe(1);
  });

  claim('Exponentiate, add up, divide:', () => {
    // the lines <WorkedExample /> shows, against e², e³, e⁴ and their sum worked out by hand:
    // e² = 7.389056…, e³ = 20.085537…, e⁴ = 54.598150…, sum 82.072743…, p = [0.090031, 0.244728, 0.665241]
    expect(workedExampleText()).toEqual([
      'e^2 = 7.389, e^3 = 20.086, e^4 = 54.598',
      'the sum of e^z_k is e^2 + e^3 + e^4 = 82.073',
      'p = [7.389 / 82.073, 20.086 / 82.073, 54.598 / 82.073]',
      '= [0.090, 0.245, 0.665]',
    ]);
    const p = softmax([2, 3, 4]);
    const reference = referenceSoftmax([2, 3, 4]);
    p.forEach((v, i) => {
      expect(relative(v, reference[i] ?? NaN)).toBeLessThan(3e-16);
      expect(relative(v, WORKED[i] ?? NaN)).toBeLessThan(1e-15);
    });
  });

  claim('The largest logit, 4, is only one unit above the next, yet it takes about two thirds of the mass.', () => {
    const p3 = softmax([2, 3, 4])[2] ?? NaN;
    // e²/(1 + e + e²) = 0.6652: two thirds to within 0.002, and not, say, 0.6 or 0.7
    expect(Math.abs(p3 - 2 / 3)).toBeLessThan(0.002);
    expect(Math.abs(p3 - (E * E) / S)).toBeLessThan(1e-15);
  });

  claim('so each extra unit of logit multiplies the odds by $e \\approx 2.718$. That is why $p_3 / p_2$ and $p_2 / p_1$ are the same here: both pairs are one unit apart.', () => {
    const [p1, p2, p3] = Array.from(softmax([2, 3, 4]));
    expect(relative((p3 ?? NaN) / (p2 ?? NaN), E)).toBeLessThan(1e-15);
    expect(relative((p2 ?? NaN) / (p1 ?? NaN), E)).toBeLessThan(1e-15);
    expect(Math.abs(E - 2.718)).toBeLessThan(0.0005);
    // anywhere on the sliders: a unit apart is a ratio of e
    property(fc.tuple(sliderLogits(), fc.nat()), ([z, k]) => {
      const i = k % z.length;
      if ((z[i] ?? 0) + 1 > Z_MAX) return;
      const raised = z.map((v, j) => (j === i ? clampLogit(v + 1) : v));
      const before = softmax(z);
      const after = softmax(raised);
      const odds = (p: Float64Array) => (p[i] ?? NaN) / (1 - (p[i] ?? NaN));
      // p_i / p_j for j ≠ i grows by exactly e: the other classes' shares are all divided by the same number
      const j = (i + 1) % z.length;
      expect(relative((after[i] ?? NaN) / (after[j] ?? NaN) / ((before[i] ?? NaN) / (before[j] ?? NaN)), E)).toBeLessThan(1e-12);
      expect(relative(odds(after) / odds(before), E)).toBeLessThan(1e-6);
    });
  });

  // ---- Why "soft" max ----

  claim('Asked which class has the largest logit, argmax answers with a one-hot vector: for $[2, 3, 4]$ it answers $[0, 0, 1]$, all the mass on class 3.', () => {
    expect(argmaxOneHot([2, 3, 4])).toEqual([0, 0, 1]);
    // softmax is the smooth version: at the smallest temperature it is within 5 × 10⁻⁵ of that answer
    const p = softmax([2, 3, 4], LIMITS.temperature.min);
    p.forEach((v, i) => expect(Math.abs(v - ([0, 0, 1][i] ?? NaN))).toBeLessThan(5e-5));
  });

  claim('The maximum itself, $\\max(\\mathbf z) = 4$, is a number, not a distribution.', () => {
    expect(smoothMaximum([2, 3, 4], 1).max).toBe(4);
  });

  claim('Pull one logit far above the others in the explorer and the distribution approaches that one-hot answer; pull them together and it flattens towards uniform.', () => {
    // z3 dragged to the top of its slider, then the others to the bottom of theirs
    expect(softmax([2, 3, 10])[2]).toBeGreaterThan(0.998);
    const extreme = softmax([-10, -10, 10]);
    expect(1 - (extreme[2] ?? NaN)).toBeLessThan(5e-9);
    expect(formatNumber(extreme[2] ?? NaN, 3)).toBe('1.000');
    // pulled together: equal logits give exactly the uniform 1/C, whatever the common value
    for (let c = LIMITS.minClasses; c <= LIMITS.maxClasses; c++) {
      for (const v of [-10, 0.3, 10]) expect(Array.from(softmax(Array<number>(c).fill(v)))).toEqual(Array<number>(c).fill(1 / c));
    }
  });

  claim('one slider step of 0.1 moves no probability by more than 0.025', () => {
    // |∂p_i/∂z_j| ≤ ¼ everywhere (next chapter), so one step moves p_i by at most 0.1/4
    let largest = 0;
    property(fc.tuple(sliderLogits(), fc.nat(), fc.boolean()), ([z, k, up]) => {
      const j = k % z.length;
      const moved = clampLogit((z[j] ?? 0) + (up ? 0.1 : -0.1));
      const p = softmax(z);
      const q = softmax(z.map((v, i) => (i === j ? moved : v)));
      p.forEach((v, i) => {
        const change = Math.abs(v - (q[i] ?? NaN));
        largest = Math.max(largest, change);
        expect(change).toBeLessThanOrEqual(0.025);
      });
    }, 2000);
    // the bound is nearly reached: two equal logits, one stepped up, move by σ(0.1) − ½ = 0.02498
    const step = (softmax([0.1, 0])[0] ?? NaN) - 0.5;
    expect(step).toBeCloseTo(1 / (1 + Math.exp(-0.1)) - 0.5, 15);
    expect(step).toBeGreaterThan(0.0249);
    expect(largest).toBeGreaterThan(0);
  });

  claim('\\max(\\mathbf z) \\;<\\; \\operatorname{LSE}(\\mathbf z) \\;\\le\\; \\max(\\mathbf z) + \\ln C', () => {
    property(sliderLogits(), (z) => {
      const lse = referenceLogSumExp(z);
      const m = Math.max(...z);
      expect(lse).toBeGreaterThan(m);
      expect(lse).toBeLessThanOrEqual(m + Math.log(z.length) + 1e-15 * Math.abs(m));
      // and the core's LSE, and the explorer's check, agree with the 60-digit value
      expect(Math.abs(logSumExp(z) - lse)).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(lse)));
      expect(softmaxChecks(z, 1, softmax(z)).smoothOk).toBe(true);
    });
  });

  claim('at most $C\\,e^{\\max(\\mathbf z)}$, the latter only when all the logits are equal', () => {
    for (let c = LIMITS.minClasses; c <= LIMITS.maxClasses; c++) {
      const s = smoothMaximum(Array<number>(c).fill(2.5), 1);
      expect(relative(s.gap, Math.log(c))).toBeLessThan(1e-15);
    }
    // one logit 0.1 apart is already below the bound
    const s = smoothMaximum([2.5, 2.5, 2.4], 1);
    expect(s.gap).toBeLessThan(Math.log(3) - 0.02);
  });

  claim('$\\operatorname{LSE}([2, 3, 4]) = 4 + \\ln(1 + e^{-1} + e^{-2}) \\approx 4.408$, a little above the maximum 4.', () => {
    const byHand = 4 + Math.log1p(Math.exp(-1) + Math.exp(-2)); // 4.40760596…
    expect(Math.abs(byHand - 4.408)).toBeLessThan(0.0005);
    expect(Math.abs(referenceLogSumExp([2, 3, 4]) - byHand)).toBeLessThan(1e-15);
    expect(Math.abs(logSumExp([2, 3, 4]) - byHand)).toBeLessThan(1e-15);
    expect(Math.abs(smoothMaximum([2, 3, 4], 1).value - byHand)).toBeLessThan(1e-15);
  });

  claim('And its gradient is softmax:', () => {
    property(sliderLogits(), (z) => {
      const p = softmax(z);
      z.forEach((_, i) => {
        const slope = centralDifference((h) => logSumExp(z.map((v, k) => (k === i ? v + h : v))), 0);
        expect(Math.abs(slope - (p[i] ?? NaN))).toBeLessThan(1e-8);
      });
    }, 100);
  });

  claim('just as the gradient of $\\max$ (where one logit is the largest) is the one-hot argmax.', () => {
    const z = [2, 3, 4];
    const slopes = z.map((_, i) => centralDifference((h) => Math.max(...z.map((v, k) => (k === i ? v + h : v))), 0));
    slopes.forEach((s, i) => expect(s).toBeCloseTo([0, 0, 1][i] ?? NaN, 9));
  });

  claim("The explorer's last check shows LSE beside $\\max(\\mathbf z)$ as you move the logits.", () => {
    const lines = checksText([2, 3, 4], 1);
    expect(lines).toHaveLength(4);
    // ln(1 + e + e²) + 2 = 4.408, max 4, gap 0.408, ln 3 = 1.099, all by hand
    expect(lines[3]).toBe('Smooth maximum: ln Σₖ exp(zₖ) = 4.408, above max z = 4.000 by 0.408 (at most ln 3 = 1.099).');
    const moved = checksText([2, 3, 6.5], 1)[3];
    const gap = Math.log1p(Math.exp(-4.5) + Math.exp(-3.5));
    expect(moved).toBe(
      `Smooth maximum: ln Σₖ exp(zₖ) = ${(6.5 + gap).toFixed(3)}, above max z = 6.500 by ${gap.toFixed(3)} (at most ln 3 = 1.099).`,
    );
  });

  // ---- Adding a constant changes nothing ----

  claim('Use the "Add 1 to every logit" and "Subtract 1 from every logit" buttons: every logit bar moves, the probability bars do not.', () => {
    property(fc.tuple(sliderLogits(), sliderTemperature, fc.boolean()), ([z, t, up]) => {
      const c = up ? 1 : -1;
      const store = createLabStore({ logits: z, temperature: t, labels: Array<number>(z.length).fill(1 / z.length) });
      const before = softmax(z, t);
      store.getState().shiftLogits(c);
      const shifted = store.getState().logits;
      if (shifted === z) return; // refused: a logit would leave [−10, 10]
      shifted.forEach((v, i) => expect(v).toBeCloseTo((z[i] ?? NaN) + c, 12));
      const after = softmax(shifted, t);
      // not always bit for bit: 2.1 + 1 rounds to the double nearest 3.1, which is not exactly 1 above
      // the double nearest 2.1; the change is in the last bits, far below a pixel or a shown digit
      after.forEach((v, i) => {
        expect(Math.abs(v - (before[i] ?? NaN))).toBeLessThan(1e-14);
        expect(formatNumber(v, 3)).toBe(formatNumber(before[i] ?? NaN, 3));
      });
      expect(shiftNote(c, before, after)).toMatch(/the probabilities did not change/);
    });
    // the worked example moves by exact integers, so its probabilities are bit for bit the same
    expect(shiftNote(1, softmax([2, 3, 4]), softmax([3, 4, 5]))).toBe('Added 1 to every logit: the probabilities did not change.');
  });

  claim('it subtracts the largest logit before exponentiating, so that no $e^{z}$ can overflow.', () => {
    expect(Math.exp(1000)).toBe(Infinity);
    const p = softmax([1000, 999, 998]);
    const reference = referenceSoftmax([2, 1, 0]);
    p.forEach((v, i) => expect(relative(v, reference[i] ?? NaN)).toBeLessThan(3e-16));
  });

  // ---- Temperature ----

  claim('the distribution sharpens towards the one-hot argmax as $T \\to 0$ (when one logit is the largest; tied largest logits share the mass equally).', () => {
    const distance = (p: Float64Array, target: number[]) => Math.max(...Array.from(p, (v, i) => Math.abs(v - (target[i] ?? NaN))));
    const temperatures = [1, 0.5, 0.25, 0.1, 0.01, 0.001];
    const gaps = temperatures.map((t) => distance(softmax([2, 3, 4], t), [0, 0, 1]));
    gaps.slice(1).forEach((g, k) => expect(g).toBeLessThan(gaps[k] ?? NaN));
    expect(gaps[3]).toBeLessThan(5e-5); // T = 0.1, the slider's end
    expect(gaps[5]).toBe(0); // T = 0.001: e^{−1000} is below the smallest double
    // a tie for the largest logit: the tied classes share equally, the rest fades
    const tie = softmax([3, 3, 1], 0.1);
    expect(tie[0]).toBe(tie[1]);
    expect(Math.abs((tie[0] ?? NaN) - 0.5)).toBeLessThan(1e-8);
    expect(tie[2]).toBeLessThan(1e-8);
  });

  claim('With $T > 1$ they shrink, and it spreads towards the uniform $1/C$ as $T \\to \\infty$.', () => {
    const spread = (t: number) => Math.max(...Array.from(softmax([2, 3, 4], t), (v) => Math.abs(v - 1 / 3)));
    const temperatures = [1, 2, 5, 100, 1e6];
    temperatures.slice(1).forEach((t, k) => expect(spread(t)).toBeLessThan(spread(temperatures[k] ?? NaN)));
    expect(spread(1e6)).toBeLessThan(1e-6);
  });

  claim('for the worked example, $T = 0.1$ gives $\\mathbf p \\approx [2.1 \\times 10^{-9},\\ 4.5 \\times 10^{-5},\\ 0.99995]$', () => {
    // z/T = [20, 30, 40]: p = [e⁻²⁰, e⁻¹⁰, 1] / (1 + e⁻¹⁰ + e⁻²⁰)
    const d = 1 + Math.exp(-10) + Math.exp(-20);
    const byHand = [Math.exp(-20) / d, Math.exp(-10) / d, 1 / d];
    const p = softmax([2, 3, 4], 0.1);
    p.forEach((v, i) => expect(relative(v, byHand[i] ?? NaN)).toBeLessThan(1e-14));
    // each as stated, to the last digit written (2.06e-9, 4.54e-5, 0.9999546)
    expect(Math.abs((p[0] ?? NaN) - 2.1e-9)).toBeLessThan(0.05e-9);
    expect(Math.abs((p[1] ?? NaN) - 4.5e-5)).toBeLessThan(0.05e-5);
    expect(Math.abs((p[2] ?? NaN) - 0.99995)).toBeLessThan(0.000005);
  });

  claim('$T = 5$ gives $\\mathbf p \\approx [0.269, 0.329, 0.402]$.', () => {
    const w = [0.4, 0.6, 0.8].map(Math.exp);
    const d = w.reduce((a, b) => a + b);
    const p = softmax([2, 3, 4], 5);
    [0.269, 0.329, 0.402].forEach((stated, i) => {
      expect(relative(p[i] ?? NaN, (w[i] ?? NaN) / d)).toBeLessThan(1e-15);
      expect(Math.abs((p[i] ?? NaN) - stated)).toBeLessThan(0.0005);
    });
  });

  claim('At temperature $T$ it is $T \\operatorname{LSE}(\\mathbf z / T)$, which lies between $\\max(\\mathbf z)$ and $\\max(\\mathbf z) + T \\ln C$ and so tends to $\\max(\\mathbf z)$ as $T \\to 0$', () => {
    property(fc.tuple(sliderLogits(), sliderTemperature), ([z, t]) => {
      const s = smoothMaximum(z, t);
      // T·LSE(z/T) − max z = T·ln Σ e^{(z_k − max)/T}, to 60 digits
      const m = Math.max(...z);
      const negLog = referenceNegLogSoftmax(z, t)[z.indexOf(m)];
      if (!negLog) throw new Error('no reference');
      const gap = toNumber(mul(big(t), negLog));
      expect(relative(s.gap, gap)).toBeLessThan(1e-13);
      expect(s.gap).toBeGreaterThan(0);
      expect(s.gap).toBeLessThanOrEqual(t * Math.log(z.length) * (1 + 1e-15));
      expect(softmaxChecks(z, t, softmax(z, t)).smoothOk).toBe(true);
    });
    const gaps = [1, 0.5, 0.1, 0.01].map((t) => smoothMaximum([2, 3, 4], t).gap);
    gaps.slice(1).forEach((g, k) => expect(g).toBeLessThan(gaps[k] ?? NaN));
  });

  claim("at $T = 0.1$ the worked example's is above 4 by only $4.5 \\times 10^{-6}$. Move $T$ and watch the explorer's last check.", () => {
    const byHand = 0.1 * Math.log1p(Math.exp(-10) + Math.exp(-20)); // 4.540096…e-6
    const s = smoothMaximum([2, 3, 4], 0.1);
    expect(relative(s.gap, byHand)).toBeLessThan(1e-14);
    expect(Math.abs(s.gap - 4.5e-6)).toBeLessThan(0.05e-6);
    expect(checksText([2, 3, 4], 0.1)[3]).toBe(
      'Smooth maximum: 0.10 ln Σₖ exp(zₖ/0.10) = 4.000, above max z = 4.000 by 4.54 × 10⁻⁶ (at most 0.10 ln 3 = 0.110).',
    );
  });

  claim('scaling the logits does change the answer, because the ratios $e^{(z_i - z_j)/T}$ depend on $T$.', () => {
    for (const t of [0.5, 2, 5]) {
      const p = softmax([2, 3, 4], t);
      expect(relative((p[2] ?? NaN) / (p[1] ?? NaN), Math.exp(1 / t))).toBeLessThan(1e-14);
      expect(Math.abs((p[2] ?? NaN) - (WORKED[2] ?? NaN))).toBeGreaterThan(0.1);
    }
  });
});
