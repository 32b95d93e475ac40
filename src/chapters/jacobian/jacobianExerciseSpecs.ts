import { createRandom } from '../../core/random';
import { softmax } from '../../core/softmax';
import { softmaxJacobian } from '../../core/jacobian';
import { figuresText } from '../../exercises/grading';
import { distinctOnGrid } from '../../exercises/drawNumbers';
import type { ExerciseSpec } from '../../exercises/exerciseSpec';
import { DIAGONAL_ONLY_ENTRY, OFF_DIAGONAL_ENTRY, ROW_SIGNS_ENTRY } from './index';

/**
 * Chapter 3's exercises. Each draws three or four logits from its seed, on a grid of 0.1 in [−2, 2]
 * (no two equal), so they can be typed into a calculator or set on the explorer's sliders as shown.
 * Every probability and every entry of J comes from the core (softmax, softmaxJacobian).
 */

const SUB = ['₁', '₂', '₃', '₄'] as const;
const sub = (k: number) => SUB[k] ?? String(k + 1);
/** the entry in row i, column j, as the page writes it: J₂₃ */
const entry = (i: number, j: number) => `J${sub(i)}${sub(j)}`;
const minus = (text: string) => text.replace('-', '−');
const list = (z: readonly number[]) => `(${z.map((v) => minus(String(v))).join(', ')})`;
const at = (m: readonly Float64Array[], i: number, j: number) => m[i]?.[j] as number;
/** "a, b and c" */
const and = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/**
 * Three or four distinct logits on the 0.1 grid in [−2, 2], and the generator, to draw what else the
 * exercise needs. Each exercise has its own stream (seed + 100000 × stream, past the seeds' range), so
 * one page's exercises at the same seed show different logits and one's worked answer gives away no other's.
 */
function drawLogits(seed: number, stream: 0 | 1 | 2) {
  const rng = createRandom(seed + 100000 * stream);
  const z = distinctOnGrid(rng, 3 + rng.int(2), -2, 2, 0.1);
  return { z, rng };
}

export interface JacobianNumbers {
  z: readonly number[];
  p: Float64Array;
  J: Float64Array[];
}

const numbers = (z: readonly number[]): JacobianNumbers => ({ z, p: softmax(z), J: softmaxJacobian(z) });

/* ---------------------------------------------------------------------------------------------- */

export interface RowSignsNumbers extends JacobianNumbers {
  /** the row asked about: a class whose logit is neither the largest nor the smallest */
  i: number;
}

/** the columns j ≠ i whose logit is above (or below) z_i: the sign read off the logits' order, a known mistake */
const columnsWhere = (q: RowSignsNumbers, keep: (zj: number, zi: number) => boolean) =>
  q.z.map((_, j) => j).filter((j) => j !== q.i && keep(q.z[j] as number, q.z[q.i] as number));
const key = (columns: readonly number[]) => columns.map(String).sort().join(',');

export const ROW_SIGNS_EXERCISE: ExerciseSpec<RowSignsNumbers> = {
  entry: ROW_SIGNS_ENTRY,
  seedKey: 'js',
  make(seed) {
    const { z, rng } = drawLogits(seed, 0);
    const middle = z.map((_, k) => k).filter((k) => z.some((v) => v > (z[k] as number)) && z.some((v) => v < (z[k] as number)));
    return { ...numbers(z), i: middle[rng.int(middle.length)] as number };
  },
  answer: {
    kind: 'choices',
    legend: 'Which entries of the row are negative? Tick every one.',
    options: ({ z, i }) => z.map((_, j) => ({ value: String(j), label: `${entry(i, j)} = ∂p${sub(i)}/∂z${sub(j)}` })),
    right: ({ J, i }) => J.map((_, j) => j).filter((j) => at(J, i, j) < 0).map(String),
    mistakes: (q) => {
      const { z, i } = q;
      const all = z.map((_, j) => j);
      const above = columnsWhere(q, (zj, zi) => zj > zi);
      const below = columnsWhere(q, (zj, zi) => zj < zi);
      const order = `the sign does not follow the order of the logits: raising any other logit, larger or smaller, takes probability from p${sub(i)}, so every entry off the diagonal, −p${sub(i)}p_j, is negative`;
      return {
        [key(all)]: `${entry(i, i)} = p${sub(i)}(1 − p${sub(i)}) is positive: raising z${sub(i)} raises p${sub(i)} itself`,
        [key([i])]: `that is the signs the other way round: ${entry(i, i)} is the only positive entry of the row`,
        [key(above)]: `those are the classes whose logit is above z${sub(i)}; ${order}`,
        [key(below)]: `those are the classes whose logit is below z${sub(i)}; ${order}`,
      };
    },
  },
  hints: ({ i }) => [
    `Row ${i + 1} is p${sub(i)}’s row: ${entry(i, 0)}, ${entry(i, 1)}, … say how p${sub(i)} moves when z${sub(0)}, z${sub(1)}, … go up.`,
    `Raise one logit and its own probability grows; the probabilities still sum to 1, so what happens to every other one, p${sub(i)} among them?`,
  ],
  worked: ({ J, i }) => {
    const off = J.map((_, j) => j).filter((j) => j !== i);
    return (
      `${entry(i, i)} = p${sub(i)}(1 − p${sub(i)}) = ${figuresText(at(J, i, i), 3)}, positive: raising z${sub(i)} raises p${sub(i)}. ` +
      `Every other entry is −p${sub(i)}p_j, never positive: ${and(off.map((j) => `${entry(i, j)} = ${figuresText(at(J, i, j), 3)}`))}. ` +
      `So the negative entries are ${and(off.map((j) => entry(i, j)))}.`
    );
  },
  truthText: ({ J, i }) => `the negative entries of row ${i + 1} are ${and(J.map((_, j) => j).filter((j) => j !== i).map((j) => entry(i, j)))}, every one off the diagonal`,
  explore: ({ z }) => ({ what: 'the Jacobian explorer', inputs: { logits: [...z] } }),
};

/* ---------------------------------------------------------------------------------------------- */

export interface OffDiagonalNumbers extends JacobianNumbers {
  /** the entry asked about: row i, column j, i ≠ j */
  i: number;
  j: number;
}

export const OFF_DIAGONAL_EXERCISE: ExerciseSpec<OffDiagonalNumbers> = {
  entry: OFF_DIAGONAL_ENTRY,
  seedKey: 'jo',
  make(seed) {
    const { z, rng } = drawLogits(seed, 1);
    const i = rng.int(z.length);
    const j = (i + 1 + rng.int(z.length - 1)) % z.length;
    return { ...numbers(z), i, j };
  },
  answer: {
    kind: 'number',
    label: ({ i, j }) => entry(i, j),
    figures: 3,
    truth: ({ J, i, j }) => at(J, i, j),
    mistakes: ({ z, p, J, i, j }) => [
      { value: at(J, i, i), says: `that is p${sub(i)}(1 − p${sub(i)}), the diagonal’s formula: off the diagonal δ${sub(i)}${sub(j)} = 0, so the entry is −p${sub(i)}p${sub(j)}` },
      { value: -at(J, i, j), says: `that is +p${sub(i)}p${sub(j)}: the sign is dropped; raising z${sub(j)} takes probability from p${sub(i)}, so ${entry(i, j)} is negative` },
      { value: (p[i] as number) + at(J, i, j), says: `that is p${sub(i)}(1 − p${sub(j)}): δ${sub(i)}${sub(j)} taken as 1, but i ≠ j, so δ${sub(i)}${sub(j)} = 0` },
      { value: -(z[i] as number) * (z[j] as number), says: `that is −z${sub(i)}z${sub(j)}: the logits in place of the probabilities; take the softmax first` },
    ],
  },
  hints: ({ i, j }) => [
    `First the probabilities, p = softmax(z), keeping 4 significant figures in them: rounded to 3 before multiplying, the product can miss its third figure. Row ${i + 1}, column ${j + 1} is off the diagonal: what is δ${sub(i)}${sub(j)}?`,
    `δ${sub(i)}${sub(j)} = 0, so ${entry(i, j)} = p${sub(i)}(0 − p${sub(j)}) = −p${sub(i)}p${sub(j)}.`,
  ],
  worked: ({ p, J, i, j }) =>
    `p = softmax(z) = (${Array.from(p, (v) => figuresText(v, 4)).join(', ')}). ` +
    `Row ${i + 1}, column ${j + 1} is off the diagonal, so δ${sub(i)}${sub(j)} = 0 and ` +
    `${entry(i, j)} = p${sub(i)}(0 − p${sub(j)}) = −${figuresText(p[i] as number, 4)} × ${figuresText(p[j] as number, 4)} = ${figuresText(at(J, i, j), 3)}.`,
  truthText: ({ J, i, j }) => `${entry(i, j)} = −p${sub(i)}p${sub(j)} = ${figuresText(at(J, i, j), 3)}`,
  explore: ({ z }) => ({ what: 'the Jacobian explorer', inputs: { logits: [...z] } }),
};

/* ---------------------------------------------------------------------------------------------- */

/** The options of the spot-the-bug exercise; `rows` is the right one. */
const BUG_OPTIONS = {
  diagonal: 'Its diagonal is wrong: it should be p, not p(1 − p).',
  small: 'Nothing that matters: the entries it leaves out are too small to change a gradient.',
  rows: 'Its rows no longer sum to 0, so it says that adding the same number to every logit changes p.',
  symmetry: 'It is no longer symmetric.',
  singular: 'It gains an eigenvalue of 0, so it can no longer be inverted.',
} as const;
export type BugOption = keyof typeof BUG_OPTIONS;

export const DIAGONAL_ONLY_EXERCISE: ExerciseSpec<JacobianNumbers> = {
  entry: DIAGONAL_ONLY_ENTRY,
  seedKey: 'jb',
  make(seed) {
    return numbers(drawLogits(seed, 2).z);
  },
  answer: {
    kind: 'choice',
    legend: 'What goes wrong?',
    options: () => (Object.keys(BUG_OPTIONS) as BugOption[]).map((value) => ({ value, label: BUG_OPTIONS[value] })),
    right: () => ['rows'],
    mistakes: ({ J }) => {
      const off = J.map((_, j) => j).filter((j) => j !== 0);
      return {
        diagonal: `the diagonal p_i(1 − p_i) is right (${entry(0, 0)} = ${figuresText(at(J, 0, 0), 3)} on your numbers); it is the entries off the diagonal that are missing`,
        small: `they are as large as what it keeps: in every row they add up to minus the diagonal entry; on your numbers row 1’s are ${and(off.map((j) => figuresText(at(J, 0, j), 3)))}, together −${entry(0, 0)} = ${figuresText(-at(J, 0, 0), 3)}`,
        symmetry: `a diagonal matrix is symmetric: every entry off its diagonal is 0 on both sides`,
        singular: `it is the other way round: the true J has the eigenvalue 0 (J·1 = 0); diag(p(1 − p)) has only the positive eigenvalues p_i(1 − p_i), so it is invertible, as J never is`,
      };
    },
  },
  hints: () => [
    'Compare it with J = diag(p) − p pᵀ entry by entry: which entries does it keep, and which does it set to 0?',
    'It drops every −p_i p_j. Add up one row of the true J, then the same row of this matrix.',
  ],
  worked: ({ J }) => {
    const row = J[0] as Float64Array;
    return (
      `np.diag(p * (1 - p)) keeps the diagonal p_i(1 − p_i), which is right, and sets every −p_i p_j to 0. ` +
      `Row 1 of the true J is (${Array.from(row, (v) => figuresText(v, 3)).join(', ')}), and sums to 0; ` +
      `row 1 of this matrix sums to p₁(1 − p₁) = ${figuresText(at(J, 0, 0), 3)}. ` +
      `So this matrix times the vector of ones is not 0: it says that adding the same number to every logit changes p, which softmax never does.`
    );
  },
  truthText: ({ J }) => `its rows sum to p_i(1 − p_i), not 0 (row 1 to ${figuresText(at(J, 0, 0), 3)})`,
  explore: ({ z }) => ({ what: 'the Jacobian explorer', inputs: { logits: [...z] } }),
};

export { list as logitList, sub as classSubscript, entry as jacobianEntry, BUG_OPTIONS };
