import { softmax, softmaxTerms } from '../core';
import { WORKED_EXAMPLE } from '../state/labInputs';
import { softmaxFractionTex, workedExampleTex } from '../widgets/softmaxFormula';

/**
 * The live formulas of every chapter's starting state, typeset at build time so that a chapter
 * needs KaTeX's runtime only once a number moves. Pure: it runs in the build (node) as well.
 */
export function prerenderedFormulas(): { tex: string; display: boolean }[] {
  const { logits, temperature } = WORKED_EXAMPLE;
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
