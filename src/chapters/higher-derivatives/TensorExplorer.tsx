import { useId, useMemo } from 'react';
import { softmax } from '../../core';
import { tableNotation } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { MatrixHeatmap } from '../../plots/MatrixHeatmap';
import { useLab } from '../../state/LabContext';
import { useWidgetState } from '../../state/useWidgetState';
import { LogitControls } from '../../controls/LogitSliders';
import { LiveFormula } from '../../math/LiveFormula';
import { EinsumCode } from './EinsumCode';
import { TensorChecks } from './TensorChecks';
import { tensorCellTex, tensorCellText } from './higherDerivativesFormula';
import { slice, TENSOR_TERMS, termSlice, thirdDerivative } from './tensorMath';
import { TENSOR_STATE } from './higherDerivativesState';

const label = (i: number) => `z${i + 1}`;

/** The entry of the shown slice a focus id points at ("Tc-2-3-1" in slice 1 → [1, 2]), if any. */
function focusedCell(focus: string | null, n: number, k: number): [number, number] | undefined {
  const m = focus && /^Tc-(\d+)-(\d+)-(\d+)$/.exec(focus);
  if (!m || Number(m[3]) - 1 !== k) return undefined;
  const cell: [number, number] = [Number(m[1]) - 1, Number(m[2]) - 1];
  return cell[0] < n && cell[1] < n ? cell : undefined;
}

/**
 * The third derivative T_ijk = ∂³L/∂z_i∂z_j∂z_k, one slice k (T[:, :, k − 1] in NumPy) at a time: the core's slice as
 * a heatmap, the five terms of its decomposition as heatmaps beside it (hover a term of the formula
 * and its heatmap lights up, and the reverse), the chosen entry written out term by term, the same
 * sum as einsum code to copy, and live checks against central differences of the Hessian. The slice
 * and the entry are its state (`tk`, `ti`, `tj`).
 */
export function TensorExplorer() {
  const logits = useLab((s) => s.logits);
  const focus = useLab((s) => s.focus);
  const [state, update] = useWidgetState(TENSOR_STATE);
  const name = useId();
  const C = logits.length;
  const k = Math.min(state.tk, C - 1);
  const cell: [number, number] = [Math.min(state.ti, C - 1), Math.min(state.tj, C - 1)];
  const [i, j] = focusedCell(focus, C, k) ?? cell;

  const tensor = useMemo(() => thirdDerivative(logits), [logits]);
  const p = useMemo(() => softmax(logits), [logits]);
  const main = useMemo(() => slice(tensor, k), [tensor, k]);
  const parts = useMemo(() => TENSOR_TERMS.map((t) => termSlice(t, p, k)), [p, k]);
  // one notation for the slice and its five terms, so their columns read alike
  const notation = useMemo(() => tableNotation([...main.flat(), ...parts.flat(2)]), [main, parts]);
  const scaleMax = Math.max(1e-300, ...main.flat().map(Math.abs), ...parts.flat(2).map(Math.abs));
  const select = (r: number, c: number) => update({ ti: r, tj: c });

  // the formula's numbers with as many decimals as the heatmaps show
  const formula = { i, j, k, terms: TENSOR_TERMS.map((t) => t.value(p, i, j, k)), value: main[i]?.[j] ?? NaN, ...(notation.exponent === 0 ? { digits: notation.decimals } : {}) };

  return (
    <section className="widget tensor-explorer" aria-label="Third-derivative explorer">
      <fieldset className="controls hd-slice">
        <legend>Slice k of T</legend>
        <div className="hd-choices">
          {logits.map((_, m) => (
            <label key={m} className="hd-choice">
              <input type="radio" name={name} checked={k === m} onChange={() => update({ tk: m })} />
              k = {m + 1}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="matrix-main">
        <MatrixHeatmap
          caption={`slice k = ${k + 1}: ∂H/∂z${k + 1} (T[:, :, ${k}] in NumPy)`}
          matrix={main}
          rowLabel={label}
          columnLabel={label}
          cellName={(r, c, v) => `T, row ${r + 1}, column ${c + 1}, slice ${k + 1}: ${v}`}
          cellTerm={(r, c) => term.tensorCell(r, c, k)}
          scaleMax={scaleMax}
          notation={notation}
          selected={cell}
          onSelect={select}
        />
      </div>
      <div className="matrix-sum hd-terms">
        <span className="matrix-operator" aria-hidden="true">
          =
        </span>
        {TENSOR_TERMS.map((t, n) => (
          <div key={t.n} className="hd-term">
            <MatrixHeatmap
              caption={`term ${t.n}: ${t.text}`}
              matrix={parts[n] ?? []}
              rowLabel={label}
              columnLabel={label}
              cellName={(r, c, v) => `term ${t.n}, ${t.text}, row ${r + 1}, column ${c + 1}: ${v}`}
              cellTerm={() => term.tensorTerm(t.n)}
              scaleMax={scaleMax}
              notation={notation}
              selected={cell}
              onSelect={select}
            />
            <p className="hd-term-shape">{t.shape}</p>
          </div>
        ))}
      </div>

      <LiveFormula label={`Live formula: ${tensorCellText(formula)}`} lines={tensorCellTex(formula)} testId="tensor-formula" />

      <TensorChecks logits={logits} tensor={tensor} />

      <EinsumCode logits={logits} />

      <LogitControls />
    </section>
  );
}
