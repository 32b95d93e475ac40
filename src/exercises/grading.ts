import { parseTypedNumber } from '../controls/parseTypedNumber';
import { superscript } from '../format/formatNumber';

/**
 * How an exercise's answer is judged, as pure functions: the core computes the truth from the
 * exercise's own numbers, these compare the learner's answer with it, and a wrong answer that equals
 * a known mistake (computed from the same numbers) is named.
 */

/** What a check says. `mistake` names a known mistake the answer matches (only when it is wrong). */
export type Grade = { correct: true } | { correct: false; mistake?: string; refusal?: string };

/** A known mistake: what it gives on these numbers, and what the learner is told it is. */
export interface NumberMistake {
  value: number;
  /** "that is −t(1 − o): the diagonal of the Jacobian only" */
  says: string;
}

/**
 * Half a unit in the `figures`-th significant figure of `truth`: any correct rounding of the truth to
 * that many figures lies within it, and an answer outside it differs in one of those figures. For a
 * truth of 0 (no significant figures) the unit is taken at the fourth decimal place.
 */
export function halfUnit(truth: number, figures: number): number {
  if (truth === 0) return 0.5e-4;
  const exponent = Math.floor(Math.log10(Math.abs(truth)));
  return 0.5 * 10 ** (exponent - figures + 1);
}

/** Whether `answer` is `truth` to `figures` significant figures (up to a rounding of the comparison itself). */
export function sameToFigures(answer: number, truth: number, figures: number): boolean {
  const tolerance = halfUnit(truth, figures);
  return Math.abs(answer - truth) <= tolerance * (1 + 1e-9);
}

/**
 * A typed number against the truth, to `figures` significant figures; a typed value that is no number
 * is refused with the field's own words, and a wrong one that equals a known mistake is named.
 */
export function gradeNumber(typed: string, truth: number, figures: number, mistakes: readonly NumberMistake[] = []): Grade {
  if (typed.trim() === '') return { correct: false, refusal: 'Type your answer first.' };
  const read = parseTypedNumber(typed, { name: 'the answer', min: -1e9, max: 1e9 });
  if (!read.ok) return { correct: false, refusal: `Type a plain number, such as 0.125 or −2.5: ${read.message}` };
  if (sameToFigures(read.value, truth, figures)) return { correct: true };
  const named = mistakes.find((m) => Number.isFinite(m.value) && !sameToFigures(m.value, truth, figures) && sameToFigures(read.value, m.value, figures));
  return named ? { correct: false, mistake: named.says } : { correct: false };
}

/** One option, or a set of them, against the right one(s); a wrong choice with a known mistake is named. */
export function gradeChoice(chosen: readonly string[], right: readonly string[], mistakes: Readonly<Record<string, string>> = {}): Grade {
  if (chosen.length === 0) return { correct: false, refusal: 'Choose an answer first.' };
  const same = chosen.length === right.length && right.every((r) => chosen.includes(r));
  if (same) return { correct: true };
  const key = [...chosen].sort().join(',');
  const says = mistakes[key];
  return says ? { correct: false, mistake: says } : { correct: false };
}

/** A set of bars that is a known mistake: its values, and what the learner is told it is. */
export interface DragMistake {
  values: readonly number[];
  says: string;
}

const within = (values: readonly number[], target: readonly number[], tolerance: number) =>
  values.length === target.length && values.every((v, i) => Math.abs(v - (target[i] as number)) <= tolerance * (1 + 1e-9));

/**
 * Bars set by dragging against the truth: right when every bar is within ± `tolerance` of its value.
 * Bars never moved are refused (the learner has predicted nothing yet); a wrong set within the
 * tolerance of a known mistake, and not of the truth, is named.
 */
export function gradeDrag(values: readonly number[], moved: boolean, truth: readonly number[], tolerance: number, mistakes: readonly DragMistake[] = []): Grade {
  if (!moved) return { correct: false, refusal: 'Move the bars to your prediction first.' };
  if (within(values, truth, tolerance)) return { correct: true };
  const named = mistakes.find((m) => !within(m.values, truth, tolerance) && within(values, m.values, tolerance));
  return named ? { correct: false, mistake: named.says } : { correct: false };
}

/** `x` to `figures` significant figures as the page writes it: 0.0900, −2.50, with the true minus sign. */
export function figuresText(x: number, figures: number): string {
  const text = x.toPrecision(figures);
  if (/e/.test(text)) {
    const [mantissa, exponent] = text.split('e') as [string, string];
    return `${mantissa.replace('-', '−')} × 10${superscript(Number(exponent))}`;
  }
  return text.replace('-', '−');
}
