import { spawnSync } from 'node:child_process';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import fc from 'fast-check';
import { expect } from 'vitest';
import { centralDifference, logSumExp, softmax } from '../../src/core';
import { formatNumber, texNumber } from '../../src/format/formatNumber';
import { createLabStore } from '../../src/state/createLabStore';
import { LabProvider } from '../../src/state/LabContext';
import { clampLogit, clampTemperature, defaultInputs, LIMITS } from '../../src/url/labInputs';
import { softmaxNumpy, softmaxTorch } from '../../src/tools/copyAsCode/programs';
import { SoftmaxChecks } from '../../src/chapters/softmax/SoftmaxChecks';
import { SoftmaxExplorer } from '../../src/chapters/softmax/SoftmaxExplorer';
import { softmaxFractionTex, workedExampleText } from '../../src/chapters/softmax/softmaxFormula';
import { shiftNote, smoothMaximum, softmaxChecks } from '../../src/chapters/softmax/softmaxMath';
import { big, div, exp, mul, sumOf, toNumber } from '../core/reference/bigFloat';
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

/** The explorer as the page first renders it (a chapter's own store; no DOM needed for the markup). */
function explorerMarkup(logits: number[], temperature: number): string {
  const store = createLabStore({ logits, temperature });
  return renderToStaticMarkup(createElement(LabProvider, { store, children: createElement(SoftmaxExplorer) }));
}

/**
 * The \\term{id}{…} groups of a piece of the live formula, and the numbers left outside them. A group's
 * content may hold braces of its own (2.98 \\times 10^{3}), so they are matched by counting.
 */
function termsAndLoose(tex: string): { terms: { id: string; content: string }[]; loose: string[] } {
  const terms: { id: string; content: string }[] = [];
  let rest = '';
  let i = 0;
  while (i < tex.length) {
    const m = /^\\term\{([^}]*)\}\{/.exec(tex.slice(i));
    if (!m) {
      rest += tex[i];
      i += 1;
      continue;
    }
    let depth = 1;
    let j = i + m[0].length;
    for (; depth > 0; j++) depth += tex[j] === '{' ? 1 : tex[j] === '}' ? -1 : 0;
    terms.push({ id: m[1] ?? '', content: tex.slice(i + m[0].length, j - 1) });
    rest += ' ';
    i = j;
  }
  return { terms, loose: rest.match(/\d+(?:\.\d+)?/g) ?? [] };
}

/** The largest change of any probability when one logit takes one slider step up or down, at temperature t. */
function largestStepChange(z: number[], j: number, up: boolean, t: number): number {
  const moved = clampLogit((z[j] ?? 0) + (up ? 0.1 : -0.1));
  const p = softmax(z, t);
  const q = softmax(z.map((v, i) => (i === j ? moved : v)), t);
  return Math.max(...Array.from(p, (v, i) => Math.abs(v - (q[i] ?? NaN))));
}

/** Runs a program with python3 (NumPy installed, as for tests/unit/tools/copyAsCode/copyAsCodeNumpy.test.ts) and reads `name = [..]`. */
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
    // in exact arithmetic always; in float64 on the sliders at T = 1 too (the next claim is about lower T):
    // even the extremes stay inside, e⁻²⁰/(1 + 7e⁻²⁰) > 0 and 1 − 2e⁻²⁰ < 1
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

  claim('In float64 the largest can round to exactly 1 when the others are tiny enough', () => {
    // two reachable states: z/T = [100, −100] and [20, −20, −20]; the others are e⁻²⁰⁰ and 2e⁻⁴⁰ of the largest
    expect(softmax([10, -10], 0.1)[0]).toBe(1);
    expect(Array.from(softmax([10, -10, -10], 0.5))[0]).toBe(1);
    // … while the small ones stay above 0: e⁻²⁰⁰ is 1.4 × 10⁻⁸⁷, a double like any other
    expect(relative(softmax([10, -10], 0.1)[1] ?? NaN, Math.exp(-200))).toBeLessThan(1e-13);
    // "when": 1 − p_max, the others' share, against the halfway point 2⁻⁵⁴ below 1 (the end of the Jacobian
    // chapter). Everywhere on the sliders and the temperature grid, p_max is exactly 1 when that share is
    // clearly below 2⁻⁵⁴ and below 1 when it is clearly above; only the largest ever rounds, never to 0
    let roundedToOne = 0;
    property(fc.tuple(sliderLogits(), sliderTemperature), ([z, t]) => {
      const p = softmax(z, t);
      const top = z.indexOf(Math.max(...z));
      const e = z.map((v) => exp(big((v - (z[top] ?? NaN)) / t))); // (z_k − max)/T is exact enough: 1 ulp of the exponent
      const share = toNumber(div(sumOf(e.filter((_, k) => k !== top)), sumOf(e)));
      p.forEach((v, i) => {
        expect(v).toBeGreaterThan(0);
        if (i !== top) expect(v).toBeLessThan(1);
      });
      if (share < 0.9 * 2 ** -54) expect(p[top]).toBe(1);
      if (share > 1.1 * 2 ** -54) expect(p[top]).toBeLessThan(1);
      if (p[top] === 1) roundedToOne += 1;
    }, 1000);
    expect(roundedToOne).toBeGreaterThan(10);
    // on the sliders that takes a temperature below about 0.53: two logits 20 apart need e^{−20/T} < 2⁻⁵⁴
    expect(softmax([10, -10], 0.5)[0]).toBe(1);
    expect(softmax([10, -10], 0.55)[0]).toBeLessThan(1);
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

  claim("Hover or tap a number in the live formula to see where it belongs: a logit and its exponential light up that logit's bar, the probability its own bar, the temperature its slider; only the sum, made of every logit, lights up nothing.", () => {
    // A number lights up what carries the same term id (TermScope). So: every number of the formula's
    // two numeric pieces sits in a \\term, except the sum; each id is the one its bar or slider carries
    // in the explorer's own markup. At T = 1 (worked example) and at T = 0.5 with five classes (the
    // denominator abbreviated), each class shown in turn.
    for (const [logits, temperature] of [[[2, 3, 4], 1], [[2, -1.5, 0.3, 7.1, 4], 0.5]] as const) {
      const z = [...logits];
      const probabilities = softmax(z, temperature);
      const exponentials = z.map((v) => Math.exp(v / temperature)); // e^{z_j/T}, by hand
      const sum = exponentials.reduce((a, b) => a + b);
      const markup = explorerMarkup(z, temperature);
      const carried = new Set([...markup.matchAll(/data-term="([^"]+)"/g)].map((m) => m[1]));
      // the bars are SVG elements with the ids; the temperature slider's row carries T
      z.forEach((_, j) => expect(markup).toMatch(new RegExp(`<(g|rect)[^>]*data-term="z-${j + 1}"`)));
      z.forEach((_, j) => expect(markup).toMatch(new RegExp(`<(g|rect)[^>]*data-term="p-${j + 1}"`)));
      expect(markup).toMatch(/<label class="slider-row" data-term="T">/);
      z.forEach((_, k) => {
        const tex = softmaxFractionTex({ logits: z, temperature, probabilities, exponentials, sum, shown: k });
        const powers = termsAndLoose(tex.powers);
        const values = termsAndLoose(tex.values);
        // every logit written out is in its own term; at T ≠ 1 every /T is in the temperature's
        expect(powers.loose).toEqual([]);
        for (const { id, content } of powers.terms) {
          expect(carried.has(id)).toBe(true);
          if (id === 'T') expect(content).toBe(formatNumber(temperature, 2));
          else expect(content).toBe(formatNumber(z[Number(id.slice(2)) - 1] ?? NaN, 2).replace('−', '-'));
        }
        expect(powers.terms.some((t) => t.id === 'T')).toBe(temperature !== 1);
        // e^{z_k/T} lights up logit k's bar, p_k its probability bar, and the one number left is the sum
        expect(values.terms.map((t) => t.id)).toEqual([`z-${k + 1}`, `p-${k + 1}`]);
        expect(values.loose).toEqual(termsAndLoose(texNumber(sum, 3)).loose);
        expect(values.loose.length).toBeGreaterThan(0);
      });
    }
  });

  // ---- Try it: copy as code ----

  claim('"Copy as NumPy" and "Copy as PyTorch" give you a short float64 program that recomputes the probabilities on screen from exactly the logits and temperature you set, and prints them with every digit', () => {
    // Only the NumPy program is run here. The PyTorch one is checked as text (the same literals, float64,
    // torch.softmax of z / T, printed with tolist()): the test machines have no torch.
    const state = { logits: [2.9, -1.3, 0.1, 7.4], temperature: 0.35 };
    const numpy = softmaxNumpy(state);
    const torch = softmaxTorch(state);
    for (const program of [numpy, torch]) {
      expect(program.split('\n').length).toBeLessThan(15);
      expect(program).toContain('[2.9, -1.3, 0.1, 7.4]');
      expect(program).toContain('T = 0.35');
    }
    expect(torch).toContain('dtype=torch.float64');
    expect(torch).toContain("print('p =', p.tolist())");
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

  claim('(at $T = 1$, where the explorer starts, one slider step of 0.1 moves no probability by more than 0.025; lower temperatures allow more, see below)', () => {
    // |∂p_i/∂z_j| ≤ ¼ everywhere at T = 1 (next chapter), so by the mean value theorem one step moves p_i
    // by at most 0.1/4; the 1e-12 allows for a step of the double grid being 0.1 ± 10⁻¹⁶
    expect(defaultInputs().temperature).toBe(1);
    let largest = 0;
    property(fc.tuple(sliderLogits(), fc.nat(), fc.boolean()), ([z, k, up]) => {
      const change = largestStepChange(z, k % z.length, up, 1);
      largest = Math.max(largest, change);
      expect(change).toBeLessThanOrEqual(0.025 * (1 + 1e-12));
    }, 2000);
    // the bound is nearly reached: two equal logits, one stepped up, move by σ(0.1) − ½ = 0.02498
    const step = (softmax([0.1, 0])[0] ?? NaN) - 0.5;
    expect(step).toBeCloseTo(1 / (1 + Math.exp(-0.1)) - 0.5, 15);
    expect(step).toBeGreaterThan(0.0249);
    expect(largest).toBeGreaterThan(0.02);
    // and it is a T = 1 statement: at T = 0.5 the same step moves p₁ by σ(0.2) − ½ = 0.0498
    expect(largestStepChange([0, 0], 0, true, 0.5)).toBeGreaterThan(0.049);
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

  claim("The explorer's temperature runs from 0.1 to 5", () => {
    expect(LIMITS.temperature.min).toBe(0.1);
    expect(LIMITS.temperature.max).toBe(5);
    // the slider the learner moves has those ends, and the store keeps any T inside them
    expect(explorerMarkup([2, 3, 4], 1)).toMatch(/<input type="range" min="0.1" max="5" step="0.05" aria-label="temperature T"/);
    const store = createLabStore();
    store.getState().setTemperature(0.01);
    expect(store.getState().temperature).toBe(0.1);
    store.getState().setTemperature(40);
    expect(store.getState().temperature).toBe(5);
  });

  claim('$\\partial p_i / \\partial z_j = p_i(\\delta_{ij} - p_j)/T$: the steepest slope, where two logits tie, grows to $1/(4T)$, so one slider step of 0.1 can move a probability by up to $0.025/T$ instead of 0.025', () => {
    // the chain rule: ∂/∂z_j softmax(z/T)_i = (1/T)·p_i(δ_ij − p_j), against central differences
    property(fc.tuple(sliderLogits(), sliderTemperature), ([z, t]) => {
      const p = softmax(z, t);
      z.forEach((_, j) => {
        const slope = centralDifference((h) => softmax(z.map((v, k) => (k === j ? v + h : v)), t)[0] ?? NaN, 0);
        const exact = ((p[0] ?? NaN) * ((j === 0 ? 1 : 0) - (p[j] ?? NaN))) / t;
        expect(Math.abs(slope - exact)).toBeLessThan(1e-7 / t);
      });
    }, 100);
    // so |∂p_i/∂z_j| ≤ 1/(4T), and one step moves p_i by at most 0.1/(4T) = 0.025/T (mean value theorem),
    // on the whole temperature grid; at T = 0.1 the bound is 0.25, and it is nearly reached
    const largest = new Map<number, number>();
    property(fc.tuple(sliderLogits(), fc.nat(), fc.boolean(), sliderTemperature), ([z, k, up, t]) => {
      const change = largestStepChange(z, k % z.length, up, t);
      expect(change).toBeLessThanOrEqual((0.025 / t) * (1 + 1e-12));
      largest.set(t, Math.max(largest.get(t) ?? 0, change));
    }, 3000);
    // up to 0.025/T means more than 0.025 at low T: seen on the sampled states, not only in the bound
    expect(Math.max(...[...largest].filter(([t]) => t <= 0.5).map(([, c]) => c))).toBeGreaterThan(0.05);
    // the steepest states, two equal logits (or a pair 0.1 apart) stepped apart, near the bound at every T
    for (const t of [0.1, 0.25, 0.5, 1, 2, 5]) {
      const best = Math.max(largestStepChange([0, 0], 0, true, t), largestStepChange([0, -0.1, 0], 1, true, t));
      expect(best).toBeLessThanOrEqual((0.025 / t) * (1 + 1e-12));
      expect(best).toBeGreaterThan(0.9 * (0.025 / t));
    }
  });

  claim('a small one rounds to exactly 0 only once its logit is about 745 below the largest, which these sliders never reach.', () => {
    // e^{−d} is below half the smallest double 2⁻¹⁰⁷⁴ once d > 1075 ln 2 = 745.13 (by hand)
    expect(Math.exp(-745.2)).toBe(0);
    expect(Math.exp(-745.1)).toBeGreaterThan(0);
    expect(softmax([0, 745.2])[0]).toBe(0);
    expect(softmax([0, 745.1])[0]).toBeGreaterThan(0);
    // the sliders' widest gap, 20, at the lowest temperature, 0.1, is a gap of 200 in z/T: far from 745
    expect(softmax([-10, 10], 0.1)[0]).toBeGreaterThan(0);
    expect(softmax([-10, 10, 10, 10, 10, 10, 10, 10], 0.1)[0]).toBeGreaterThan(0);
  });

  claim('Away from ties a low $T$ does the opposite: it saturates softmax, and the slopes shrink. At the worked example, $T = 0.1$ makes one step of $z_3$ move $p_3$ by about $3 \\times 10^{-5}$, where $T = 1$ moves it by 0.022.', () => {
    // by hand: p₃ = 1/(1 + e^{(z₁−z₃)/T} + e^{(z₂−z₃)/T}) at z₃ = 4 and 4.1
    const p3 = (z3: number, t: number) => 1 / (1 + Math.exp((2 - z3) / t) + Math.exp((3 - z3) / t));
    const step = (t: number) => p3(4.1, t) - p3(4, t);
    expect(step(0.1)).toBeGreaterThan(2.5e-5);
    expect(step(0.1)).toBeLessThan(3.5e-5); // 2.87 × 10⁻⁵
    expect(Math.abs(step(1) - 0.022)).toBeLessThan(0.0005); // 0.0219
    // the explorer's own numbers agree: the core's softmax at the worked example, one slider step up
    expect(Math.abs(((softmax([2, 3, clampLogit(4.1)], 0.1)[2] ?? NaN) - (softmax([2, 3, 4], 0.1)[2] ?? NaN)) - step(0.1))).toBeLessThan(1e-12);
    // shrinking slopes: at T = 0.1 the step is hundreds of times smaller than at T = 1
    expect(step(1) / step(0.1)).toBeGreaterThan(500);
  });

  claim('at $T = 0.1$, stepping $\\mathbf z = [0, 0]$ to $[0.1, 0]$ moves $p_1$ from 0.5 to 0.731.', () => {
    expect(softmax([0, 0], 0.1)[0]).toBe(0.5);
    const after = softmax([clampLogit(0 + 0.1), 0], 0.1)[0] ?? NaN;
    const byHand = 1 / (1 + Math.exp(-1)); // softmax([1, 0])₁ = σ(1) = 0.731058…
    expect(relative(after, byHand)).toBeLessThan(1e-15);
    expect(Math.abs(after - 0.731)).toBeLessThan(0.0005);
    // ten times the step at T = 1, σ(0.1) = 0.525
    expect(after - 0.5).toBeGreaterThan(9 * ((softmax([0.1, 0])[0] ?? NaN) - 0.5));
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
