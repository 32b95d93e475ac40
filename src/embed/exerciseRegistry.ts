import type { EmbeddableWidget } from '../url/widgetEntry';
import { exercises as information } from '../chapters/information/exercises';
import { exercises as softmax } from '../chapters/softmax/exercises';
import { exercises as jacobian } from '../chapters/jacobian/exercises';
import { exercises as softmaxCrossEntropy } from '../chapters/softmax-cross-entropy/exercises';
import { exercises as binaryCrossEntropy } from '../chapters/binary-cross-entropy/exercises';
import { exercises as logisticRegression } from '../chapters/logistic-regression/exercises';
import { exercises as squaredErrorVsCrossEntropy } from '../chapters/squared-error-vs-cross-entropy/exercises';
import { exercises as backprop } from '../chapters/backprop/exercises';
import { exercises as gradientCheck } from '../chapters/gradient-check/exercises';
import { exercises as stability } from '../chapters/stability/exercises';
import { exercises as pytorchLoss } from '../chapters/pytorch-loss/exercises';
import { exercises as higherDerivatives } from '../chapters/higher-derivatives/exercises';
import { exercises as lstm } from '../chapters/lstm/exercises';

/**
 * Every chapter's exercises, for what the site shows on every page (the contents' "1 of 3 solved",
 * the chapter's kicker): the exercises' own files, not the chapters' indexes, so a chapter's first
 * load carries no other chapter's state schemas. The full list (widgetRegistry.ts) is for the pages
 * that need it, each a chunk of its own; a unit test checks the two agree.
 */
const BY_CHAPTER = new Map<string, readonly EmbeddableWidget[]>([
  ['information', information],
  ['softmax', softmax],
  ['jacobian', jacobian],
  ['softmax-cross-entropy', softmaxCrossEntropy],
  ['binary-cross-entropy', binaryCrossEntropy],
  ['logistic-regression', logisticRegression],
  ['squared-error-vs-cross-entropy', squaredErrorVsCrossEntropy],
  ['backprop', backprop],
  ['gradient-check', gradientCheck],
  ['stability', stability],
  ['pytorch-loss', pytorchLoss],
  ['higher-derivatives', higherDerivatives],
  ['lstm', lstm],
]);
const NONE: readonly EmbeddableWidget[] = [];

/** A chapter's exercises: the same array on every call. */
export function exercisesOf(chapter: string): readonly EmbeddableWidget[] {
  return BY_CHAPTER.get(chapter) ?? NONE;
}
