import { lstmCell, lstmSequenceGradient, type LstmParams } from '../../core';
import { createRandom } from '../../core/random';
import { figuresText } from '../../exercises/grading';
import { distinctOnGrid } from '../../exercises/drawNumbers';
import type { ExerciseSpec } from '../../exercises/exerciseSpec';
import { CELL_PATH_ENTRY, CELL_UPDATE_ENTRY, FORGET_POWER_ENTRY } from './index';
import { gradientText } from './lstmFormula';
import { flowCurves, flowModel } from './lstmMath';
import { FLOW_STATE } from './lstmState';

/**
 * Chapter 13's exercises: one step of the cell state from given gate values; the factor a gradient
 * keeps along the cell path through T steps of a constant forget gate; and a detach in the wrong place.
 * Every truth comes from the core's lstmCell and lstmSequenceGradient.
 */

const signed = (v: number) => String(v).replace('-', '−');
const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';
/** 50 as "₅₀". */
const subscriptDigits = (n: number) => String(n).replace(/\d/g, (d) => SUBSCRIPT_DIGITS[Number(d)] as string);
/** The pre-activation whose σ is p: ln(p/(1 − p)). */
const logit = (p: number) => Math.log(p / (1 - p));

/** One unit, zero weights: the gates are σ/tanh of the biases alone, whatever x and h are. */
function biasOnly(a: readonly [number, number, number, number]): LstmParams {
  return { weightIh: [[0], [0], [0], [0]], weightHh: [[0], [0], [0], [0]], biasIh: [...a], biasHh: [0, 0, 0, 0] };
}

export interface CellUpdateNumbers {
  f: number;
  i: number;
  g: number;
  c: number;
  /** c′ = f·c + i·g, by the core's lstmCell at the pre-activations whose activations are f, i, g */
  next: number;
}

/** The smallest |c′| drawn: three significant figures of it are then far above the core's rounding. */
export const MIN_NEXT = 0.01;

export const CELL_UPDATE_EXERCISE: ExerciseSpec<CellUpdateNumbers> = {
  entry: CELL_UPDATE_ENTRY,
  seedKey: 'cu',
  make(seed) {
    const rng = createRandom(seed);
    // c = 0 or g = 0 makes a term vanish (and several mistakes equal the answer); a c′ near 0 is
    // rounding in the core's last bits, not a number to three figures. Either is drawn again.
    for (;;) {
      const [f, i] = distinctOnGrid(rng, 2, 0.05, 0.95, 0.05) as [number, number];
      const g = distinctOnGrid(rng, 1, -0.9, 0.9, 0.05)[0] as number;
      const c = distinctOnGrid(rng, 1, -2, 2, 0.1)[0] as number;
      if (c === 0 || g === 0 || Math.abs(f * c + i * g) < MIN_NEXT) continue;
      const r = lstmCell([0], [0], [c], biasOnly([logit(i), logit(f), Math.atanh(g), 0]));
      return { f, i, g, c, next: r.c[0] as number };
    }
  },
  answer: {
    kind: 'number',
    label: 'c′',
    figures: 3,
    truth: ({ next }) => next,
    mistakes: ({ f, i, g, c }) => [
      { value: f * c, says: 'that is f·c alone: what the cell keeps, without what the input gate writes, i·g' },
      { value: i * g, says: 'that is i·g alone: the forget gate keeps f·c of the old cell state too' },
      { value: f * c + g, says: 'that adds the whole candidate g: the input gate scales it first, i·g' },
      { value: c + i * g, says: 'that keeps all of c: the forget gate scales it first, f·c' },
      { value: (1 - f) * c + i * g, says: 'that scales c by 1 − f: f is the fraction kept, not the fraction forgotten' },
    ],
  },
  hints: ({ f, c }) => [
    'The new cell state is what is kept of the old one plus what is written: c′ = f·c + i·g.',
    `Kept: f·c = ${f} × ${signed(c)}. Now add the written part, i times g.`,
  ],
  worked: ({ f, i, g, c, next }) =>
    `c′ = f·c + i·g = ${f} × ${signed(c)} + ${i} × ${signed(g)} = ${figuresText(f * c, 4)} + ${figuresText(i * g, 4)} = ${figuresText(next, 3)}.`,
  truthText: ({ next }) => `c′ = ${figuresText(next, 3)}`,
};

export interface ForgetPowerNumbers {
  f: number;
  steps: number;
  /** ∂L/∂c₀ ÷ ∂L/∂c_T from the core's backward pass, with i = 0 and no path through h: f^T */
  factor: number;
}

const FORGETS = [0.8, 0.9, 0.95, 0.99] as const;
const STEP_COUNTS = [10, 20, 50, 100] as const;

export const FORGET_POWER_EXERCISE: ExerciseSpec<ForgetPowerNumbers> = {
  entry: FORGET_POWER_ENTRY,
  seedKey: 'fp',
  make(seed) {
    const rng = createRandom(seed);
    const f = FORGETS[rng.int(FORGETS.length)] as number;
    const steps = STEP_COUNTS[rng.int(STEP_COUNTS.length)] as number;
    // a_i = −40 shuts the input gate (i ≈ 4 × 10⁻¹⁸) and weightHh = 0 leaves the cell path alone
    const xs = Array.from({ length: steps }, () => [0]);
    const g = lstmSequenceGradient(xs, [0], [0.5], biasOnly([-40, logit(f), 0, 0]), [1]);
    return { f, steps, factor: (g.dc[0]?.[0] as number) / (g.dc[steps]?.[0] as number) };
  },
  answer: {
    kind: 'number',
    // the subscript as Unicode digits (c₅₀): a field label is plain text, where c_T would show its underscore
    label: ({ steps }) => `∂L/∂c₀ ÷ ∂L/∂c${subscriptDigits(steps)}`,
    figures: 3,
    truth: ({ factor }) => factor,
    mistakes: ({ f, steps }) => [
      { value: f * steps, says: `that is f·T: the factors multiply, one per step, so it is f to the power T` },
      { value: f ** (steps - 1), says: `that is f^(T − 1): there are T steps between c₀ and c_T, each with its own f` },
      { value: f ** -steps, says: `that is 1/f^T, ∂L/∂c${subscriptDigits(steps)} ÷ ∂L/∂c₀ upside down: the gradient at c₀ is the smaller one, so the quotient is f^T, below 1` },
      { value: 0.25 ** steps, says: 'that is (1/4)^T, the bound through a sigmoid’s slope: the cell path multiplies by f itself, not by σ′' },
    ],
  },
  hints: ({ steps }) => [
    'Along the cell path one step gives c_t = f·c_{t−1} + i·g, so ∂c_t/∂c_{t−1} = f.',
    `The chain rule multiplies ${steps} such factors, one per step.`,
  ],
  worked: ({ f, steps, factor }) =>
    `Each step multiplies the gradient by ∂c_t/∂c_{t−1} = f = ${f}; over T = ${steps} steps that is f^T = ${f}^${steps} = ${gradientText(factor)}.`,
  truthText: ({ f, steps, factor }) => `${f}^${steps} = ${gradientText(factor)}`,
};

/** Which state the learner's loop detaches: the cell state (the bug the chapter warns of) or the hidden state. */
export type DetachVariant = 'cell' | 'hidden';

export interface CellPathNumbers {
  variant: DetachVariant;
  /** ‖∂L/∂h₀‖ at the explorer's start (T = 50), with the cell path and without it, from the core */
  full: number;
  cut: number;
}

const CELL_PATH_ANSWERS: Readonly<Record<DetachVariant, string>> = {
  cell: 'only through h and the gates, so it vanishes like a plain RNN’s, or faster',
  hidden: 'only along the cell path c, so f still carries it back',
};

export const CELL_PATH_EXERCISE: ExerciseSpec<CellPathNumbers> = {
  entry: CELL_PATH_ENTRY,
  seedKey: 'cp',
  make(seed) {
    const rng = createRandom(seed);
    const variant: DetachVariant = rng.int(2) === 0 ? 'cell' : 'hidden';
    const { steps, bf, hidden, scale } = { steps: FLOW_STATE.steps.default, bf: FLOW_STATE.bf.default, hidden: FLOW_STATE.hidden.default, scale: FLOW_STATE.scale.default };
    const curves = flowCurves(flowModel({ hidden, scale, forgetBias: bf, seed: FLOW_STATE.seed.default }), steps);
    return { variant, full: curves.hidden[0] as number, cut: curves.cut[0] as number };
  },
  answer: {
    kind: 'choice',
    legend: 'How does the gradient of the loss reach the early steps in this loop?',
    options: () => [
      { value: 'cell', label: 'Only through h and the gates, so it vanishes like a plain RNN’s, or faster' },
      { value: 'hidden', label: 'Only along the cell path c, so f still carries it back' },
      { value: 'none', label: 'Not at all: .detach() stops every gradient to the weights' },
      { value: 'same', label: 'As before: .detach() only saves memory and changes no gradient' },
    ],
    right: ({ variant }) => [variant],
    mistakes: ({ variant }) => ({
      none: 'the weights still get a gradient at the last step and through the path that is left; .detach() cuts one path between steps, not all of them',
      same: '.detach() makes the value a constant for autograd: no gradient flows back through it, so the path through it is gone',
      ...(variant === 'cell'
        ? { hidden: 'that would be so if h were detached; here c is, so the additive path c_{t−1} → c_t is the one cut' }
        : { cell: 'that would be so if c were detached; here h is, so the gates no longer pass anything back and the cell path is what remains' }),
    }),
  },
  hints: ({ variant }) => [
    'A detached tensor is a constant to autograd: the path through it carries no gradient back.',
    variant === 'cell'
      ? 'Which path between steps goes through c? What is left once it is cut?'
      : 'Which path between steps goes through h (the gates read it)? What is left once it is cut?',
  ],
  worked: ({ variant, full, cut }) =>
    variant === 'cell'
      ? `c.detach() makes c_{t−1} a constant in c_t = f·c_{t−1} + i·g, so the additive path carries nothing back; what remains goes through h and the gates, with a σ′ ≤ 1/4 or a tanh′ at every step. In the explorer's network (T = 50, b_f = 1) ‖∂L/∂h₀‖ is ${gradientText(full)} with the cell path and ${gradientText(cut)} without it. So the answer is: ${CELL_PATH_ANSWERS.cell}.`
      : `h.detach() makes h_{t−1} a constant for the gates of step t, so nothing flows back through them; c_{t−1} still enters c_t = f·c_{t−1} + i·g, and the gradient follows it back, multiplied by f at every step. So the answer is: ${CELL_PATH_ANSWERS.hidden}.`,
  truthText: ({ variant }) => `the gradient reaches the early steps ${CELL_PATH_ANSWERS[variant]}`,
};
