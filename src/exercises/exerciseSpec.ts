import type { EmbeddableWidget } from '../url/widgetEntry';
import type { NumberMistake } from './grading';

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

export interface ExerciseSpec<Q> {
  /** the exercise's entry in its chapter's index: id, title, its seed's key */
  entry: EmbeddableWidget;
  seedKey: string;
  /** the exercise's numbers from a seed: the same seed always gives the same numbers */
  make(seed: number): Q;
  answer: NumberAnswer<Q> | ChoiceAnswer<Q>;
  /** the hint ladder, first to last: each gives away a little more */
  hints(q: Q): readonly string[];
  /** the worked answer, in words and numbers */
  worked(q: Q): string;
  /** the truth as the learner sees it once solved or worked: "p₃ = 0.665" */
  truthText(q: Q): string;
}
