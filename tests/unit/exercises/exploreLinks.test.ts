import { describe, expect, it } from 'vitest';
import * as bce from '../../../src/chapters/binary-cross-entropy/binaryCrossEntropyExerciseSpecs';
import * as jacobian from '../../../src/chapters/jacobian/jacobianExerciseSpecs';
import * as sce from '../../../src/chapters/softmax-cross-entropy/softmaxCrossEntropyExerciseSpecs';
import * as softmax from '../../../src/chapters/softmax/softmaxExerciseSpecs';
import type { ExerciseSpec, ExploreLink } from '../../../src/exercises/exerciseSpec';
import { WIDGETS } from '../../../src/embed/widgetRegistry';
import type { LabField } from '../../../src/url/widgetEntry';

/** The lab field each input of a link is written to. */
const FIELD: Record<keyof ExploreLink['inputs'], LabField> = { logits: 'z', temperature: 'T', labels: 'y', binaryLogit: 'bz', binaryTarget: 'bt' };

type Numbers = { z: number | readonly number[]; y?: readonly number[]; T?: number; t?: number };

/** What each exercise's numbers are, read from its own fields: the link must carry exactly these. */
const LINKED: [string, ExerciseSpec<Numbers>, (q: Numbers) => ExploreLink['inputs']][] = [
  ['softmax: one probability by hand', softmax.PROBABILITY_EXERCISE as never, (q) => ({ logits: [...(q.z as number[])], temperature: 1 })],
  ['softmax: a probability at a temperature', softmax.TEMPERATURE_EXERCISE as never, (q) => ({ logits: [...(q.z as number[])], temperature: q.T })],
  ['softmax: the probabilities by eye', softmax.SHARES_EXERCISE as never, (q) => ({ logits: [...(q.z as number[])], temperature: 1 })],
  ['jacobian: the signs of one row', jacobian.ROW_SIGNS_EXERCISE as never, (q) => ({ logits: [...(q.z as number[])] })],
  ['jacobian: an entry off the diagonal', jacobian.OFF_DIAGONAL_EXERCISE as never, (q) => ({ logits: [...(q.z as number[])] })],
  ['jacobian: a diagonal-only Jacobian', jacobian.DIAGONAL_ONLY_EXERCISE as never, (q) => ({ logits: [...(q.z as number[])] })],
  ['softmax-cross-entropy: one entry of the gradient', sce.GRADIENT_EXERCISE as never, (q) => ({ logits: [...(q.z as number[])], labels: [...q.y!] })],
  ['softmax-cross-entropy: which entries are negative', sce.SIGN_PATTERN_EXERCISE as never, (q) => ({ logits: [...(q.z as number[])], labels: [...q.y!] })],
  ['binary-cross-entropy: the loss of one logit', bce.LOSS_EXERCISE as never, (q) => ({ binaryLogit: q.z as number, binaryTarget: q.t as 0 | 1 })],
  ['binary-cross-entropy: the gradient in the logit', bce.GRADIENT_EXERCISE as never, (q) => ({ binaryLogit: q.z as number, binaryTarget: q.t as 0 | 1 })],
  ['binary-cross-entropy: a loss with logits', bce.WITH_LOGITS_EXERCISE as never, (q) => ({ binaryLogit: q.z as number, binaryTarget: q.t as 0 | 1 })],
];

describe('spec.explore(q): the link that sets a chapter’s explorer to an exercise’s numbers', () => {
  it.each(LINKED)('%s: carries the exercise’s own numbers, to an explorer of its chapter that reads every one of them', (_, spec, expected) => {
    for (let seed = 1; seed <= 60; seed++) {
      const q = spec.make(seed);
      const link = spec.explore!(q);
      expect(link.inputs).toEqual(expected(q));
      const explorer = WIDGETS.find((w) => w.chapter === spec.entry.chapter && w.name === link.what);
      expect(explorer, link.what).toBeDefined();
      for (const key of Object.keys(link.inputs) as (keyof ExploreLink['inputs'])[]) expect(explorer!.fields).toContain(FIELD[key]);
    }
  });

  it('the descent-step bug has no link: the explorer on (z, y) would show the loss before the step, not the uphill step the exercise is about', () => {
    expect(sce.STEP_BUG_EXERCISE.explore).toBeUndefined();
  });
});
