import { softmax, softmaxJacobian, softmaxTerms } from '../core';
import { workedExample } from '../url/labInputs';
import { jacobianCellTex } from '../chapters/jacobian/jacobianFormula';
import { softmaxFractionTex, workedExampleTex } from '../chapters/softmax/softmaxFormula';
import { binaryCrossEntropyStartFormulas } from '../chapters/binary-cross-entropy/binaryCrossEntropyFormula';
import { informationStartFormulas } from '../chapters/information/informationFormula';
import { softmaxCrossEntropyStartFormulas } from '../chapters/softmax-cross-entropy/crossEntropyFormula';
import { saturationStartFormulas } from '../chapters/squared-error-vs-cross-entropy/saturationFormula';
import { logisticStartFormulas } from '../chapters/logistic-regression/logisticFormula';
import { gradientCheckStartFormulas } from '../chapters/gradient-check/gradientCheckFormula';
import { backpropStartFormulas } from '../chapters/backprop/backpropFormula';
import { backwardPassStartFormulas } from '../chapters/backprop/backwardPassFormula';
import { stabilityStartFormulas } from '../chapters/stability/stabilityFormula';
import { pytorchLossStartFormulas } from '../chapters/pytorch-loss/pytorchLossFormula';
import { higherDerivativesStartFormulas } from '../chapters/higher-derivatives/higherDerivativesStartFormulas';
import { lstmStartFormulas } from '../chapters/lstm/lstmFormula';

type Formula = { tex: string; display: boolean };

/**
 * The live formulas of each chapter's starting state, by route slug: typeset at build time with the
 * templates of their shapes (virtual:prerendered-tex/<slug>, loaded by that chapter's page module
 * only), so that a chapter needs KaTeX's runtime only once a formula changes shape. Pure: it runs in
 * the build (node) as well.
 */
export const PRERENDERED: Readonly<Record<string, () => Formula[]>> = {
  information: informationStartFormulas,
  softmax: softmaxChapter,
  jacobian: jacobianChapter,
  'softmax-cross-entropy': softmaxCrossEntropyStartFormulas,
  'binary-cross-entropy': binaryCrossEntropyStartFormulas,
  'squared-error-vs-cross-entropy': saturationStartFormulas,
  'logistic-regression': logisticStartFormulas,
  'gradient-check': gradientCheckStartFormulas,
  // chapter 8: the trainer's formulas, then the backward-pass explorer's
  backprop: () => [...backpropStartFormulas(), ...backwardPassStartFormulas()],
  stability: stabilityStartFormulas,
  'pytorch-loss': pytorchLossStartFormulas,
  'higher-derivatives': higherDerivativesStartFormulas,
  lstm: lstmStartFormulas,
};

export function prerenderedFormulas(slug: string): Formula[] {
  if (slug === 'all') return Object.values(PRERENDERED).flatMap((formulas) => formulas());
  const formulas = PRERENDERED[slug];
  if (!formulas) throw new Error(`no prerendered formulas for "${slug}"`);
  return formulas();
}

function softmaxChapter(): Formula[] {
  const { logits, temperature } = workedExample();
  const probabilities = softmax(logits, temperature);
  const { exponentials, sum } = softmaxTerms(logits, temperature);
  const formulas = workedExampleTex().map((tex) => ({ tex, display: true }));
  // the fraction for each class: hovering a bar shows that class's fraction
  for (let shown = 0; shown < logits.length; shown++) {
    const pieces = softmaxFractionTex({ logits, temperature, probabilities, exponentials, sum, shown });
    formulas.push(...Object.values(pieces).map((tex) => ({ tex, display: false })));
  }
  return formulas;
}

function jacobianChapter(): Formula[] {
  const { logits } = workedExample();
  const probabilities = softmax(logits);
  const jacobian = softmaxJacobian(logits);
  // every cell of the starting matrix: a diagonal and an off-diagonal entry are two shapes
  return logits.flatMap((_, i) =>
    logits.flatMap((__, j) =>
      jacobianCellTex({ probabilities, value: jacobian[i]?.[j] ?? NaN, i, j }).map((tex) => ({ tex, display: false })),
    ),
  );
}
