import { defineState, stateControls, type IntegerField, type FlagField, type StateSchema } from './stateSchema';

/**
 * Every widget of every chapter, as something that can be embedded and shared: its stable id, the
 * lab inputs it reads, the schema of its own state (these two, and only these, go into its URL) and
 * the controls a lecturer may hide or lock. Pure data: importing it loads no widget code (a state
 * schema is a small object in a file of its own), so the lecturer page and the share toolbar stay
 * small. A unit test checks it against the chapters' component maps, so a widget added to a chapter
 * and forgotten here fails the build.
 */

/** The lab inputs a widget can read: logits z, temperature T, labels y, binary logit bz, binary target bt. */
export type LabField = 'z' | 'T' | 'y' | 'bz' | 'bt';

/**
 * The shared controls a lecturer may hide or lock, each named after the input it sets:
 * - 'logits': the logit sliders, the add/remove class buttons and the shift buttons (they all move z)
 * - 'temperature': the temperature slider
 * - 'labels': the true-class picker (hard or softened y)
 * - 'binary-logit': the binary logit slider
 * - 'binary-target': the binary label t = 1 / t = 0
 */
export const CONTROL_IDS = ['logits', 'temperature', 'labels', 'binary-logit', 'binary-target'] as const;
export type ControlId = (typeof CONTROL_IDS)[number];

export interface EmbeddableWidget {
  /** `${chapter}/${key}`, e.g. 'softmax/SoftmaxExplorer': stable, it is in lecturers' pages */
  readonly id: string;
  /** the chapter slug */
  readonly chapter: string;
  /** the key in the chapter page module's component map */
  readonly key: string;
  /** for messages: 'the softmax explorer' */
  readonly name: string;
  /** for iframe titles and the lecturer page: 'Softmax explorer' */
  readonly title: string;
  /** the lab inputs it reads, written to its URL */
  readonly fields: readonly LabField[];
  /** its own state (useWidgetState), written to its URL under the schema's keys */
  readonly state?: StateSchema;
  /** the control ids a lecturer may hide or lock: shared controls (ControlId), then its state's */
  readonly controls: readonly string[];
  /** an exercise (predict, then check): counted in the learner's progress */
  readonly exercise?: true;
}

export function widget(
  chapter: string,
  key: string,
  name: string,
  title: string,
  fields: readonly LabField[],
  controls: readonly ControlId[],
  state?: StateSchema,
): EmbeddableWidget {
  return { id: `${chapter}/${key}`, chapter, key, name, title, fields, state, controls: [...controls, ...stateControls(state)] };
}

/** The range of an exercise's seed: the numbers it draws, kept in the address as `<key>=`. */
export const EXERCISE_SEEDS = { min: 1, max: 99999 } as const;

/**
 * An exercise's own state: the seed of its numbers under `key` (a lecturer may lock it, so a class
 * shares one set of numbers) and, under `<key>hints`, whether hints are offered (a lecturer may hide
 * them, or write `<key>hints=0`).
 */
export function exerciseState<K extends string>(key: K): Readonly<Record<K, IntegerField> & Record<`${K}hints`, FlagField>> {
  const seed: IntegerField = { kind: 'integer', ...EXERCISE_SEEDS, default: 1, control: 'the exercise’s numbers (its seed)' };
  const hints: FlagField = { kind: 'flag', default: true, control: 'the exercise’s hints' };
  return defineState({ [key]: seed, [`${key}hints`]: hints } as Record<K, IntegerField> & Record<`${K}hints`, FlagField>);
}

/** An exercise, embeddable like any widget, whose seed is `<seedKey>=` in its address. */
export function exercise(chapter: string, key: string, title: string, seedKey: string): EmbeddableWidget {
  const state = exerciseState(seedKey);
  return { ...widget(chapter, key, `the exercise “${title}”`, `Exercise: ${title}`, [], [], state), exercise: true };
}

export function isControlId(id: string): id is ControlId {
  return (CONTROL_IDS as readonly string[]).includes(id);
}

/** The keys of a widget's own state, as they may appear in its URL. */
export function stateKeys(widget: EmbeddableWidget): string[] {
  return widget.state ? Object.keys(widget.state) : [];
}

/** What the lecturer form calls a control of this widget, or undefined for a shared one. */
export function stateControlName(widget: EmbeddableWidget | undefined, id: string): string | undefined {
  return widget?.state?.[id]?.control;
}
