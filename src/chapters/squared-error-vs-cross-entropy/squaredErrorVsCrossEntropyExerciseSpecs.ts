import { createRandom } from '../../core/random';
import { sigmoid, sigmoidGrad } from '../../core/sigmoid';
import { binaryCrossEntropyGradZ, squaredErrorGradZ } from '../../core/squaredError';
import { figuresText } from '../../exercises/grading';
import type { ExerciseSpec } from '../../exercises/exerciseSpec';
import { HARDEST_PUSH_ENTRY, SE_GRADIENT_ENTRY } from './index';

/**
 * Chapter 7's exercises, on the chapter's squared error L_SE = ½(ŷ − t)², ŷ = σ(z). The first draws a
 * target and a confidently wrong logit (|z| from 2 to 6 on the 0.1 grid, on the wrong side); the second
 * a target and four logits on the 0.5 grid, from far on the wrong side to the right one.
 */

const num = (v: number) => String(v).replace('-', '−');

export interface SquaredErrorGradientNumbers {
  z: number;
  t: 0 | 1;
}

/**
 * The digits the worked answer shows, to 4 significant figures: ŷ = σ(z) and 1 − ŷ = σ(−z), each from
 * its own exponential (1 minus a rounded ŷ near 1 would keep too few digits), ŷ − t from them (−(1 − ŷ)
 * when t = 1), and σ′ as the product of the two shown, so that every number follows from those before it.
 */
function workedDigits({ z, t }: SquaredErrorGradientNumbers) {
  const y = figuresText(sigmoid(z), 4);
  const c = figuresText(sigmoid(-z), 4);
  const read = (text: string) => Number(text.replace('−', '-'));
  return { y, c, error: t === 1 ? `−${c}` : y, slope: figuresText(read(y) * read(c), 4) };
}

export const SQUARED_ERROR_GRADIENT_EXERCISE: ExerciseSpec<SquaredErrorGradientNumbers> = {
  entry: SE_GRADIENT_ENTRY,
  seedKey: 'sg',
  make(seed) {
    const rng = createRandom(seed);
    const t = rng.int(2) as 0 | 1;
    const size = (20 + rng.int(41)) / 10;
    // the wrong side: z < 0 when the target is 1, z > 0 when it is 0
    return { t, z: t === 1 ? -size : size };
  },
  answer: {
    kind: 'number',
    label: '∂L_SE/∂z',
    figures: 3,
    truth: ({ z, t }) => squaredErrorGradZ(z, t),
    mistakes: ({ z, t }) => {
      const g = squaredErrorGradZ(z, t);
      return [
        { value: binaryCrossEntropyGradZ(z, t), says: 'that is ŷ − t alone, cross-entropy’s gradient: squared error’s keeps the sigmoid’s slope σ′(z) = ŷ(1 − ŷ) as a factor' },
        { value: 2 * g, says: 'that is twice the answer: the chapter’s squared error has the factor ½, so its derivative in ŷ is ŷ − t, not 2(ŷ − t)' },
        { value: -g, says: 'that is the right size with the sign flipped: the factor is ŷ − t, prediction minus target, not t − ŷ' },
      ];
    },
  },
  hints: ({ z }) => [
    `First ŷ = σ(${num(z)}) = 1/(1 + e^${z < 0 ? num(-z) : `−${z}`}) and 1 − ŷ = σ(${num(-z)}) = 1/(1 + e^${num(z)}), each from its own exponential: 1 minus a rounded ŷ near 1 keeps too few digits. Then the sigmoid’s slope σ′(z) = ŷ(1 − ŷ).`,
    'By the chain rule, ∂L_SE/∂z = (ŷ − t) · ŷ(1 − ŷ): prediction minus target, times the slope.',
  ],
  worked: (q) => {
    const { z, t } = q;
    const { y, c, error, slope } = workedDigits(q);
    return (
      `ŷ = σ(${num(z)}) = 1/(1 + e^${z < 0 ? num(-z) : `−${z}`}) = ${y} and 1 − ŷ = 1/(1 + e^${num(z)}) = ${c}, so ŷ − t = ${error} and ` +
      `σ′(z) = ŷ(1 − ŷ) = ${y} × ${c} = ${slope}. Their product is ∂L_SE/∂z = ${figuresText(squaredErrorGradZ(z, t), 3)}.`
    );
  },
  truthText: ({ z, t }) => `at z = ${num(z)}, t = ${t}: ∂L_SE/∂z = ${figuresText(squaredErrorGradZ(z, t), 3)}`,
};

export interface HardestPushNumbers {
  t: 0 | 1;
  /** four logits, smallest first */
  z: readonly number[];
  /** the same four logits in the order the options show them, shuffled by the seed */
  shown: readonly number[];
}

const push = (z: number, t: number) => Math.abs(squaredErrorGradZ(z, t));

/** The logit among `z` with the largest |∂L_SE/∂z|. */
function hardest({ z, t }: HardestPushNumbers): number {
  return z.reduce((best, v) => (push(v, t) > push(best, t) ? v : best));
}

export const HARDEST_PUSH_EXERCISE: ExerciseSpec<HardestPushNumbers> = {
  entry: HARDEST_PUSH_ENTRY,
  seedKey: 'hp',
  make(seed) {
    const rng = createRandom(seed);
    const t = rng.int(2) as 0 | 1;
    // the wrong side's sign: a point of class 1 is wrong at z < 0
    const wrong = t === 1 ? -1 : 1;
    const far = 4 + rng.int(7) / 2; // 4 to 7
    const mid = 2 + rng.int(3) / 2; // 2 to 3
    const near = rng.int(4) / 2; // 0 to 1.5
    const right = 1 + rng.int(7) / 2; // 1 to 4, on the right side
    const z = [wrong * far, wrong * mid, wrong * near, -wrong * right].map((v) => v + 0).sort((a, b) => a - b);
    // the options' order from a stream of its own (seed + 100000, past the seeds' range), so the right
    // answer's place does not follow from t, and drawing it leaves the logits as they were
    const order = createRandom(seed + 100000);
    const shown = [...z];
    for (let n = shown.length - 1; n > 0; n--) {
      const m = order.int(n + 1);
      [shown[n], shown[m]] = [shown[m] as number, shown[n] as number];
    }
    return { t, z, shown };
  },
  answer: {
    kind: 'choice',
    legend: 'The point squared error pushes hardest',
    options: ({ shown }) => shown.map((v) => ({ value: String(v), label: `z = ${num(v)}` })),
    right: (q) => [String(hardest(q))],
    mistakes: (q) => {
      const { z, t } = q;
      const best = hardest(q);
      const mostWrong = z.reduce((a, v) => (Math.abs(sigmoid(v) - t) > Math.abs(sigmoid(a) - t) ? v : a));
      const says: Record<string, string> = {};
      for (const v of z) {
        if (v === best) continue;
        const size = `|(ŷ − t)·σ′(z)| = ${figuresText(Math.abs(sigmoid(v) - t), 3)} × ${figuresText(sigmoidGrad(v), 3)} = ${figuresText(push(v, t), 3)}, less than ${figuresText(push(best, t), 3)} at z = ${num(best)}`;
        const right = (t === 1) === v >= 0;
        says[String(v)] =
          v === mostWrong
            ? `that is the most wrong point, the one cross-entropy pushes hardest; but there σ′(z) has almost vanished: ${size}`
            : right
              ? `that point is on its own side, with little to fix and a small slope: ${size}`
              : `that point is further wrong, but its slope σ′(z) is smaller: ${size}`;
      }
      return says;
    },
  },
  hints: () => [
    'Squared error’s push on a point is |ŷ − t| times the slope σ′(z) = ŷ(1 − ŷ). The first factor grows as the point gets more wrong; the second shrinks.',
    'Compute |ŷ − t| · ŷ(1 − ŷ) at each of the four logits and compare; the slope is largest, ¼, at z = 0 and falls fast beyond |z| = 2.',
  ],
  worked: (q) => {
    const rows = q.z.map((v) => `z = ${num(v)}: ${figuresText(Math.abs(sigmoid(v) - q.t), 3)} × ${figuresText(sigmoidGrad(v), 3)} = ${figuresText(push(v, q.t), 3)}`).join('; ');
    return `|ŷ − t| · σ′(z) at each point: ${rows}. The largest is at z = ${num(hardest(q))}.`;
  },
  truthText: (q) => `squared error pushes hardest at z = ${num(hardest(q))}, with |∂L_SE/∂z| = ${figuresText(push(hardest(q), q.t), 3)}`,
};

export { num as signedNumber };
