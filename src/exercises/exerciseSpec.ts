import type { LabInputs } from '../url/labInputs';
import type { EmbeddableWidget } from '../url/widgetEntry';
import type { DragMistake, NumberMistake } from './grading';

/**
 * An exercise as pure data and functions (no React): the numbers it draws from a seed, how it is
 * answered and judged, its hints and its worked answer. The chapter's component gives it a prompt
 * (and, if it likes, a figure); the Exercise frame does the rest. Unit tests call these directly.
 */
export interface NumberAnswer<Q> {
  kind: 'number';
  /** what is asked for, as the field's label: "p₃" (or a function of the numbers, when they say which) */
  label: string | ((q: Q) => string);
  /** significant figures the answer is judged to, and said to the learner */
  figures: number;
  truth(q: Q): number;
  /** wrong answers that are a known mistake, computed from the same numbers */
  mistakes?(q: Q): readonly NumberMistake[];
}

export interface ChoiceAnswer<Q> {
  /** 'choice': one option (radio buttons); 'choices': any set of them (checkboxes), e.g. a sign pattern */
  kind: 'choice' | 'choices';
  /** what the group is called: "Which entries of ∂L/∂z are negative?" */
  legend: string;
  options(q: Q): readonly { value: string; label: string }[];
  /**
   * The options keep this order (A, B, C named in the prompt; the entries of a row). Otherwise the
   * frame shows one-answer options in an order drawn from the seed, so that the answer is not always
   * in one place.
   */
  ordered?: boolean;
  right(q: Q): readonly string[];
  /** a wrong choice (its values sorted and joined by commas) that is a known mistake, and what it is */
  mistakes?(q: Q): Readonly<Record<string, string>>;
}

/**
 * A drag: the learner sets one bar per item where they predict the value (pointer or arrow keys), and
 * each bar is judged within an absolute tolerance, said to the learner. Once the exercise is over the
 * core's values stand beside the learner's bars.
 */
export interface DragAnswer<Q> {
  kind: 'drag';
  /** what the bars are set to: "Drag each bar to the probability you predict" */
  legend: string;
  /** one bar per item, named for its slider and the text alternative: "p₁" */
  items(q: Q): readonly string[];
  /** the value axis, and one arrow-key step (the bars snap to it) */
  domain: readonly [number, number];
  step: number;
  /** where the bars start before the learner moves them */
  start(q: Q): readonly number[];
  /** each bar is right within ± tolerance of the core's value */
  tolerance: number;
  truth(q: Q): readonly number[];
  /** a set of bars that is a known mistake (each within the tolerance of its values), and what it is */
  mistakes?(q: Q): readonly DragMistake[];
}

/** The lab inputs that put a chapter's explorer on an exercise's numbers, and what that explorer is called. */
export interface ExploreLink {
  /** "the softmax explorer" */
  what: string;
  inputs: Partial<Pick<LabInputs, 'logits' | 'temperature' | 'labels' | 'binaryLogit' | 'binaryTarget'>>;
}

export interface ExerciseSpec<Q> {
  /** the exercise's entry in its chapter's index: id, title, its seed's key */
  entry: EmbeddableWidget;
  seedKey: string;
  /** the exercise's numbers from a seed: the same seed always gives the same numbers */
  make(seed: number): Q;
  answer: NumberAnswer<Q> | ChoiceAnswer<Q> | DragAnswer<Q>;
  /** the hint ladder, first to last: each gives away a little more */
  hints(q: Q): readonly string[];
  /** the worked answer, in words and numbers */
  worked(q: Q): string;
  /** the truth as the learner sees it once solved or worked: "p₃ = 0.665" */
  truthText(q: Q): string;
  /**
   * Where the exercise's numbers are the chapter explorer's inputs: once the exercise is over, a link
   * sets that explorer to them (in an embed, it opens the chapter on them), to see the answer live.
   */
  explore?(q: Q): ExploreLink;
}
