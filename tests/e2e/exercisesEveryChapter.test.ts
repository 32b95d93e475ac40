/**
 * Predict, then check, in every chapter but softmax (exercises.test.ts has that one):
 * one exercise per chapter is solved from the numbers its region shows. The answer is computed here with
 * plain Math from those numbers, never with the site's code, so that it is an independent reference; a
 * known mistake, computed here too, is named; and after a reload the exercise is still solved and the
 * chapter's kicker counts it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { expectNoErrors, launch, openRoute } from './browser';

let browser: LaunchedChromium;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/* ---- reading the numbers an exercise shows ------------------------------------------------------ */

/** A number as the page writes it, with the true minus sign U+2212. */
function readNumber(text: string): number {
  const value = Number(text.trim().replace('\u2212', '-'));
  if (!Number.isFinite(value)) throw new Error(`"${text}" is not a number`);
  return value;
}

/** The captures of `pattern` in `text`; a prompt without it fails the test with the text it read. */
function captures(text: string, pattern: RegExp): string[] {
  const found = pattern.exec(text);
  if (!found) throw new Error(`${pattern} not found in the exercise's text:\n${text}`);
  return found.slice(1).map((group) => group ?? '');
}

/** The first capture of `pattern` in `text`. */
function capture(text: string, pattern: RegExp): string {
  return captures(text, pattern)[0] ?? '';
}

/** A capture group for a signed decimal as the page writes it, "−1.5". */
const NUMBER = '([\u2212\\d.]+)';
const numberAt = (text: string, pattern: RegExp) => readNumber(capture(text, pattern));

/** A list such as "(0.2, −1.5, 3)" after `name = `. */
function listAfter(text: string, name: string): number[] {
  return capture(text, new RegExp(`${name} = \\(([^)]*)\\)`)).split(', ').map(readNumber);
}

/** A class named from 1 in the text, as an index from 0. */
const classAt = (text: string, pattern: RegExp) => Number(capture(text, pattern)) - 1;

const SUBSCRIPTS = '₁₂₃₄';
/** A subscript digit, ₁ to ₄, as an index from 0. */
const subscriptAt = (text: string, pattern: RegExp) => SUBSCRIPTS.indexOf(capture(text, new RegExp(`${pattern.source}([${SUBSCRIPTS}])`)));
const sub = (index: number) => SUBSCRIPTS[index] ?? '?';

/* ---- the math, by hand ------------------------------------------------------------------------- */

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/** ln Σ e^(z_k), shifted by the largest logit so that logits near 1000 do not overflow. */
function logSumExp(z: readonly number[]): number {
  const max = Math.max(...z);
  return max + Math.log(z.reduce((sum, v) => sum + Math.exp(v - max), 0));
}
const softmax = (z: readonly number[]) => z.map((v) => Math.exp(v - logSumExp(z)));
/** −ln p_t = LSE(z) − z_t */
const crossEntropy = (z: readonly number[], t: number) => logSumExp(z) - (z[t] as number);
const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/* ---- one exercise per chapter ------------------------------------------------------------------ */

interface Solution {
  /** the field's accessible name: its label and " =" */
  field: string;
  answer: number;
  /** a known mistake's value on these numbers, and a stable part of the words that name it */
  mistake: number;
  says: RegExp;
}

interface ChapterExercise {
  slug: string;
  seedKey: string;
  seed: number;
  title: string;
  /** how many exercises the chapter has, for its kicker "Exercises: 1 of N solved" */
  total: number;
  solve(text: string): Solution;
}

const CHAPTERS: readonly ChapterExercise[] = [
  {
    // H(y, p) in bits for a one-hot y: −log₂ p_t. The mistake: the same in nats, −ln p_t.
    slug: 'information',
    seedKey: 'ce',
    seed: 7,
    title: 'a cross-entropy in bits',
    total: 3,
    solve(text) {
      const p = listAfter(text, 'predicts p');
      const t = classAt(text, /the true class is (\d)/);
      expect(listAfter(text, 'y'), 'y is one-hot at the true class').toEqual(p.map((_, i) => (i === t ? 1 : 0)));
      const pt = p[t] as number;
      return { field: 'H(y, p) =', answer: -Math.log2(pt), mistake: -Math.log(pt), says: /the answer in nats/ };
    },
  },
  {
    // J_ij = −p_i p_j off the diagonal, p = softmax(z). The mistake: the diagonal's p_i(1 − p_i).
    slug: 'jacobian',
    seedKey: 'jo',
    seed: 11,
    title: 'an entry off the diagonal',
    total: 3,
    solve(text) {
      const z = listAfter(text, 'z');
      const i = classAt(text, /row (\d), column \d/);
      const j = classAt(text, /row \d, column (\d)/);
      const p = softmax(z);
      const [pi, pj] = [p[i] as number, p[j] as number];
      return { field: `J${sub(i)}${sub(j)} =`, answer: -pi * pj, mistake: pi * (1 - pi), says: /the diagonal’s formula/ };
    },
  },
  {
    // ∂L/∂z_k = p_k − y_k for a one-hot y at the true class. The mistake: the sign flipped, y_k − p_k.
    slug: 'softmax-cross-entropy',
    seedKey: 'gk',
    seed: 23,
    title: 'one entry of the gradient',
    total: 3,
    solve(text) {
      const z = listAfter(text, 'z');
      const t = classAt(text, /the true class is class (\d)/);
      const k = subscriptAt(text, /What is the entry ∂L\/∂z/);
      const gradient = (softmax(z)[k] as number) - (k === t ? 1 : 0);
      return { field: `∂L/∂z${sub(k)} =`, answer: gradient, mistake: -gradient, says: /the sign is flipped/ };
    },
  },
  {
    // L = −ln σ(z) for t = 1, −ln(1 − σ(z)) for t = 0, in nats. The mistake: the same in bits.
    slug: 'binary-cross-entropy',
    seedKey: 'bl',
    seed: 5,
    title: 'the loss of one logit',
    total: 3,
    solve(text) {
      const z = numberAt(text, new RegExp(`the logit z = ${NUMBER},`));
      const t = numberAt(text, /its label is t = ([01])/);
      const loss = t === 1 ? -Math.log(sigmoid(z)) : -Math.log(1 - sigmoid(z));
      return { field: 'L =', answer: loss, mistake: loss / Math.LN2, says: /the loss with log base 2/ };
    },
  },
  {
    // ∂L/∂w_k = mean over the points of (σ(w₁x₁ + w₂x₂ + b) − t)·x_k (x = 1 for b). The mistake: the sum, not the mean.
    slug: 'logistic-regression',
    seedKey: 'gr',
    seed: 13,
    title: 'one component of the gradient',
    total: 3,
    solve(text) {
      const w1 = numberAt(text, new RegExp(`w₁ = ${NUMBER},`));
      const w2 = numberAt(text, new RegExp(`w₂ = ${NUMBER},`));
      const b = numberAt(text, new RegExp(`b = ${NUMBER},`));
      const points = [...text.matchAll(new RegExp(`point \\d: x₁ = ${NUMBER}, x₂ = ${NUMBER}, class t = ([01])`, 'g'))].map(
        ([, x1 = '', x2 = '', t = '']) => ({ x1: readNumber(x1), x2: readNumber(x2), t: Number(t) }),
      );
      expect(points.length, 'points listed').toBe(Number(capture(text, /and the (\d) points are/)));
      const component = capture(text, /What is ∂L\/∂(w₁|w₂|b),/);
      const input = (x: { x1: number; x2: number }) => (component === 'w₁' ? x.x1 : component === 'w₂' ? x.x2 : 1);
      const gradient = mean(points.map((x) => (sigmoid(w1 * x.x1 + w2 * x.x2 + b) - x.t) * input(x)));
      return { field: `∂L/∂${component} =`, answer: gradient, mistake: points.length * gradient, says: /that is the sum over the \d points/ };
    },
  },
  {
    // ∂L_SE/∂z = (ŷ − t)·ŷ(1 − ŷ), ŷ = σ(z), for L_SE = ½(ŷ − t)². The mistake: ŷ − t alone, cross-entropy's gradient.
    slug: 'squared-error-vs-cross-entropy',
    seedKey: 'sg',
    seed: 17,
    title: 'the squared-error gradient, confidently wrong',
    total: 2,
    solve(text) {
      const t = numberAt(text, /of class t = ([01])/);
      const z = numberAt(text, new RegExp(`the logit z = ${NUMBER}:`));
      const y = sigmoid(z);
      // 1 − ŷ as σ(−z), its own exponential: 1 minus a ŷ near 1 would lose digits
      return { field: '∂L_SE/∂z =', answer: (y - t) * y * sigmoid(-z), mistake: y - t, says: /that is ŷ − t alone, cross-entropy’s gradient/ };
    },
  },
  {
    // A 2-2-3 ReLU net with W₂ = 0: Z₁ = XW₁ (W₁'s rows are indexed by input, as the chapter's Z₁ = XW₁ + 1b₁
    // above the exercise says), A₁ = max(0, Z₁), every row of P is (1/3, 1/3, 1/3), and
    // (∂L/∂W₂)_jk = Σᵢ A₁[i][j]·(P − Y)[i][k] / m over the m = 2 samples. The mistake: the sum, not divided by m.
    // At this seed W₁ is not symmetric, so reading its rows as hidden units would give another answer,
    // and the ReLU zeroes one sample's unit.
    slug: 'backprop',
    seedKey: 'gw',
    seed: 61,
    title: 'one entry of ∂L/∂W₂ by hand',
    total: 2,
    solve(text) {
      const w1 = captures(text, /W₁ with rows \(([^)]*)\) and \(([^)]*)\)/).map((row) => row.split(', ').map(readNumber));
      const samples = [0, 1].map((i) => ({
        x: listAfter(text, `x${sub(i)}`),
        label: classAt(text, new RegExp(`x${sub(i)} = \\([^)]*\\) of class (\\d)`)),
      }));
      const j = classAt(text, /the entry \((\d), \d\) of ∂L\/∂W₂/);
      const k = classAt(text, /the entry \(\d, (\d)\) of ∂L\/∂W₂/);
      const terms = samples.map(({ x, label }) => {
        const z1j = (x[0] as number) * (w1[0]?.[j] as number) + (x[1] as number) * (w1[1]?.[j] as number);
        return Math.max(0, z1j) * (1 / 3 - (label === k ? 1 : 0));
      });
      const sum = terms.reduce((s, v) => s + v, 0);
      return { field: '∂L/∂W₂ entry =', answer: sum / 2, mistake: sum, says: /that is the sum over the two samples/ };
    },
  },
  {
    // (L(z_k + h) − L(z_k − h)) / (2h) for L = −ln p_t = LSE(z) − z_t. The mistake: the forward difference.
    slug: 'gradient-check',
    seedKey: 'cd',
    seed: 31,
    title: 'a central difference by hand',
    total: 2,
    solve(text) {
      const t = classAt(text, /with true class t = (\d)/);
      const z = listAfter(text, 'the logits z');
      const h = numberAt(text, new RegExp(`the step h = ${NUMBER},`));
      const k = subscriptAt(text, /the central difference estimate for ∂L\/∂z/);
      const lossAt = (shift: number) => crossEntropy(z.map((v, i) => (i === k ? v + shift : v)), t);
      return {
        field: 'estimate =',
        answer: (lossAt(h) - lossAt(-h)) / (2 * h),
        mistake: (lossAt(h) - lossAt(0)) / h,
        says: /that is the forward difference/,
      };
    },
  },
  {
    // L = LSE(z) − z_t with LSE(z) = z_max + ln Σ e^(z_k − z_max). The mistake: every e^(z_k − z_max) taken as 1.
    slug: 'stability',
    seedKey: 'ls',
    seed: 37,
    title: 'a loss from logits near 1000',
    total: 2,
    solve(text) {
      const z = listAfter(text, 'z');
      const t = classAt(text, /the true class is t = (\d)/);
      const zt = z[t] as number;
      return { field: 'L =', answer: crossEntropy(z, t), mistake: Math.log(3) + Math.max(...z) - zt, says: /every e\^\(z_k − z_max\) taken as 1/ };
    },
  },
  {
    // nn.CrossEntropyLoss(weight=w) with reduction='mean': Σ w[tₙ]·ℓₙ over the kept samples divided by Σ w[tₙ]
    // over the same samples. The mistake: the weighted sum divided by N, every sample counted.
    slug: 'pytorch-loss',
    seedKey: 'wm',
    seed: 7,
    title: 'the weighted mean of a batch',
    total: 2,
    solve(text) {
      const targets = capture(text, /targets t = \[([^\]]*)\]/).split(', ').map((v) => Number(v.replace('\u2212', '-')));
      const w = capture(text, /class weights w = \[([^\]]*)\]/).split(', ').map(readNumber);
      const losses = capture(text, /ℓ = \[([^\]]*)\]/).split(', ').map((v) => (v.includes('ignored') ? 0 : readNumber(v)));
      const kept = targets.flatMap((t, n) => (t === -100 ? [] : [n]));
      const weighted = kept.reduce((s, n) => s + (w[targets[n] as number] as number) * (losses[n] as number), 0);
      const weights = kept.reduce((s, n) => s + (w[targets[n] as number] as number), 0);
      return { field: 'L =', answer: weighted / weights, mistake: weighted / targets.length, says: /divided by N = 4/ };
    },
  },
  {
    // Two classes: H = p₁p₂ [[1, −1], [−1, 1]], whose eigenvalues are 0 and λmax = 2p₁p₂, so 2/λmax = 1/(p₁p₂).
    // The mistake: 1/λmax, where steps start to zigzag, not where they start to grow.
    slug: 'higher-derivatives',
    seedKey: 'hr',
    seed: 1,
    title: 'the largest stable learning rate',
    total: 3,
    solve(text) {
      const [p1, p2] = softmax(listAfter(text, 'logits z')) as [number, number];
      const lambdaMax = 2 * p1 * p2;
      return { field: '2/λmax =', answer: 2 / lambdaMax, mistake: 1 / lambdaMax, says: /that is 1\/λmax/ };
    },
  },
  {
    // Along the cell path alone ∂c_t/∂c_(t−1) = f, so T steps multiply the gradient by f^T. The mistake: f·T.
    slug: 'lstm',
    seedKey: 'fp',
    seed: 1,
    title: 'a gradient through T forget gates',
    total: 3,
    solve(text) {
      const steps = Number(capture(text, /runs T = (\d+) steps/));
      const f = numberAt(text, new RegExp(`forget gate at f = ${NUMBER}`));
      const cT = [...String(steps)].map((d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]).join('');
      return { field: `∂L/∂c₀ ÷ ∂L/∂c${cT} =`, answer: f ** steps, mistake: f * steps, says: /that is f·T/ };
    },
  },
];

/** The figures the exercise judges to, as its field's help says: "to 3 significant figures". */
const figuresAt = (text: string) => Number(capture(text, /to (\d+) significant figures/));

describe('an exercise in every chapter, solved from the numbers it shows', () => {
  for (const chapter of CHAPTERS) {
    const route = `#/${chapter.slug}?${chapter.seedKey}=${chapter.seed}`;
    it(`${route}: '${chapter.title}' names a known mistake, takes the right answer, and is still solved after a reload`, async () => {
      const { page, errors } = await openRoute(browser, route, { waitFor: 'main h1' });
      try {
        const region = page.getByRole('region', { name: `Exercise: ${chapter.title}` });
        await region.waitFor({ timeout: 15_000 });
        const text = (await region.textContent()) ?? '';
        const { field: name, answer, mistake, says } = chapter.solve(text);
        const figures = figuresAt(text);
        const field = region.getByRole('textbox', { name, exact: true });
        const status = region.getByRole('status');
        const check = region.getByRole('button', { name: 'Check' });

        await field.fill(mistake.toPrecision(figures));
        await check.click();
        await expect.poll(() => status.textContent()).toMatch(/^Not quite: /);
        expect(await status.textContent()).toMatch(says);

        await field.fill(answer.toPrecision(figures));
        await check.click();
        await expect.poll(() => status.textContent()).toMatch(/^Right/);
        await expect.poll(() => page.getByTestId('chapter-progress').textContent()).toBe(`Exercises: 1 of ${chapter.total} solved`);

        await page.reload({ waitUntil: 'load' });
        await region.waitFor({ timeout: 15_000 });
        expect(await region.getByText('Solved', { exact: true }).count()).toBe(1);
        expect(await page.getByTestId('chapter-progress').textContent()).toBe(`Exercises: 1 of ${chapter.total} solved`);
        expectNoErrors(errors);
      } finally {
        await page.evaluate(() => localStorage.clear());
        await page.close();
      }
    });
  }
});
