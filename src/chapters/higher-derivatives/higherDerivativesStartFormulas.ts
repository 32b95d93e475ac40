import { tableNotation } from '../../format/formatNumber';
import { workedExample } from '../../url/labInputs';
import { hessianCellTex, tensorCellTex } from './higherDerivativesFormula';
import { HESSIAN_STATE, TENSOR_STATE } from './higherDerivativesState';
import { hessianView } from './hessianMath';
import { slice, TENSOR_TERMS, termSlice, thirdDerivative } from './tensorMath';

type Formula = { tex: string; display: boolean };

/**
 * The chapter's starting formulas, typeset at build time (src/build/prerenderedFormulas.ts): the
 * Hessian explorer's entry and the third-derivative explorer's, at the worked example and the states'
 * defaults, built with the same functions the explorers call, so the strings match and the first paint
 * needs no KaTeX runtime.
 */
export function higherDerivativesStartFormulas(): Formula[] {
  const { logits, labels } = workedExample();
  const view = hessianView(logits, labels);
  const [hi, hj] = [HESSIAN_STATE.hi.default, HESSIAN_STATE.hj.default];
  const hessian = hessianCellTex({ probabilities: view.p, value: view.H[hi]?.[hj] ?? NaN, i: hi, j: hj });

  const [k, i, j] = [TENSOR_STATE.tk.default, TENSOR_STATE.ti.default, TENSOR_STATE.tj.default];
  const main = slice(thirdDerivative(logits), k);
  const parts = TENSOR_TERMS.map((t) => termSlice(t, view.p, k));
  const notation = tableNotation([...main.flat(), ...parts.flat(2)]);
  const tensor = tensorCellTex({
    i,
    j,
    k,
    terms: TENSOR_TERMS.map((t) => t.value(view.p, i, j, k)),
    value: main[i]?.[j] ?? NaN,
    ...(notation.exponent === 0 ? { digits: notation.decimals } : {}),
  });
  return [...hessian, ...tensor.flat()].map((tex) => ({ tex, display: false }));
}
