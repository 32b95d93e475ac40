import type { EmbeddableWidget } from '../url/widgetEntry';
import { widgets as information } from '../chapters/information';
import { widgets as softmax } from '../chapters/softmax';
import { widgets as jacobian } from '../chapters/jacobian';
import { widgets as softmaxCrossEntropy } from '../chapters/softmax-cross-entropy';
import { widgets as binaryCrossEntropy } from '../chapters/binary-cross-entropy';
import { widgets as logisticRegression } from '../chapters/logistic-regression';
import { widgets as squaredErrorVsCrossEntropy } from '../chapters/squared-error-vs-cross-entropy';
import { widgets as backprop } from '../chapters/backprop';
import { widgets as gradientCheck } from '../chapters/gradient-check';
import { widgets as stability } from '../chapters/stability';
import { widgets as pytorchLoss } from '../chapters/pytorch-loss';
import { widgets as higherDerivatives } from '../chapters/higher-derivatives';
import { widgets as lstm } from '../chapters/lstm';

/**
 * Every embeddable widget of every chapter, gathered from the chapters' indexes (each lists its own,
 * src/chapters/<slug>/index.ts): the registry reads the chapters and nothing below imports it. Pure
 * data: importing it loads no widget code, so the lecturer page stays small. A unit test checks it
 * against the chapters' component maps, so a widget added to a chapter and forgotten in its index
 * fails the build.
 */
export const WIDGETS: readonly EmbeddableWidget[] = [
  ...information,
  ...softmax,
  ...jacobian,
  ...softmaxCrossEntropy,
  ...binaryCrossEntropy,
  ...logisticRegression,
  ...squaredErrorVsCrossEntropy,
  ...backprop,
  ...gradientCheck,
  ...stability,
  ...pytorchLoss,
  ...higherDerivatives,
  ...lstm,
];

const BY_ID = new Map(WIDGETS.map((w) => [w.id, w]));

/** The widget with this id, or undefined (never throws, whatever the string: it comes from URLs). */
export function findWidget(id: string): EmbeddableWidget | undefined {
  return BY_ID.get(id);
}

const BY_CHAPTER = new Map<string, readonly EmbeddableWidget[]>();
for (const w of WIDGETS) BY_CHAPTER.set(w.chapter, [...(BY_CHAPTER.get(w.chapter) ?? []), w]);
const NONE: readonly EmbeddableWidget[] = [];

/** A chapter's widgets, in the order of its component map: the same array on every call (a hook's dependency). */
export function widgetsOf(chapter: string): readonly EmbeddableWidget[] {
  return BY_CHAPTER.get(chapter) ?? NONE;
}
