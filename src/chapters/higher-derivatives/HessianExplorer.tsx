import { useMemo } from 'react';
import { softmaxJacobianParts } from '../../core';
import { DIGITS, formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { MatrixHeatmap } from '../../plots/MatrixHeatmap';
import { useLab } from '../../state/LabContext';
import { useWidgetState } from '../../state/useWidgetState';
import { LogitControls } from '../../controls/LogitSliders';
import { LiveFormula } from '../../math/LiveFormula';
import { EigenvalueBars, eigenvalueText } from './EigenvalueBars';
import { HessianChecks } from './HessianChecks';
import { TargetPicker } from './TargetPicker';
import { hessianCellTex, hessianCellText } from './higherDerivativesFormula';
import { hessianView, onesIndex } from './hessianMath';
import { topIsRepeated } from './quadraticModel';
import { HESSIAN_STATE } from './higherDerivativesState';

/** The cell a focus id points at ("H-2-3", "HD-2-3" or "HO-2-3" → [1, 2]), if any. */
function focusedCell(focus: string | null, n: number): [number, number] | undefined {
  const m = focus && /^H[DO]?-(\d+)-(\d+)$/.exec(focus);
  if (!m) return undefined;
  const cell: [number, number] = [Number(m[1]) - 1, Number(m[2]) - 1];
  return cell[0] < n && cell[1] < n ? cell : undefined;
}

const rowLabel = (i: number) => `z${i + 1}`;
/** a target's entries as the target control writes them: 0 and 1, or two decimals */
const labelText = (v: number) => (Number.isInteger(v) ? String(v) : formatNumber(v, 2));
const list = (values: ArrayLike<number>) => `[${Array.from(values, (v) => formatNumber(v, DIGITS.value)).join(', ')}]`;

/**
 * The Hessian of cross-entropy in the logits, live: H = diag(p) − ppᵀ as a heatmap beside its two
 * parts, the entry under the pointer written out, its eigenvalues as bars (the 0 of (1, …, 1) marked),
 * and a target control that moves the loss and the gradient but leaves H as it is. The entry chosen
 * is the widget's state, `hi` and `hj` in its URL.
 */
export function HessianExplorer() {
  const logits = useLab((s) => s.logits);
  const labels = useLab((s) => s.labels);
  const focus = useLab((s) => s.focus);
  const [selected, update] = useWidgetState(HESSIAN_STATE);

  const n = logits.length;
  const view = useMemo(() => hessianView(logits, labels), [logits, labels]);
  const { diagonal, outer } = useMemo(() => softmaxJacobianParts(logits), [logits]);
  // shown as ppᵀ after a minus sign, not as −ppᵀ after a plus: H = diag(p) − ppᵀ reads with one sign
  const product = useMemo(() => outer.map((row) => Array.from(row, (v) => -v)), [outer]);
  const ones = onesIndex(view.eigenvectors);
  const scaleMax = Math.max(...Array.from(view.p));

  const chosen: [number, number] = [Math.min(selected.hi, n - 1), Math.min(selected.hj, n - 1)];
  const cell = focusedCell(focus, n) ?? chosen;
  const formula = { probabilities: view.p, value: view.H[cell[0]]?.[cell[1]] ?? NaN, i: cell[0], j: cell[1] };
  const select = (i: number, j: number) => update({ hi: i, hj: j });

  const heatmap = (caption: string, matrix: readonly ArrayLike<number>[], id: (i: number, j: number) => string, what: string) => (
    <MatrixHeatmap
      caption={caption}
      matrix={matrix}
      rowLabel={rowLabel}
      columnLabel={rowLabel}
      cellName={(i, j, v) => `${what}, row ${i + 1}, column ${j + 1}: ${v}`}
      cellTerm={id}
      scaleMax={scaleMax}
      selected={chosen}
      onSelect={select}
    />
  );

  return (
    <section className="widget hessian-explorer" aria-label="Hessian explorer">
      <div className="matrix-main">{heatmap('H = ∂²L/∂z²', view.H, term.hessian, 'H')}</div>
      <div className="matrix-sum">
        <span className="matrix-operator" aria-hidden="true">
          =
        </span>
        {heatmap('diag(p)', diagonal, term.hessianDiagonal, 'diag(p)')}
        <span className="matrix-operator" aria-hidden="true">
          −
        </span>
        {heatmap('p pᵀ', product, term.hessianOuter, 'p p transpose')}
      </div>

      <LiveFormula label={`Live formula: ${hessianCellText(formula)}`} lines={[hessianCellTex(formula)]} />

      <p className="hd-target-readout" data-testid="hessian-target-readout" aria-live="polite">
        With y = [{labels.map(labelText).join(', ')}]: L = {formatNumber(view.loss, DIGITS.value)} and ∂L/∂z = p − y = {list(view.gradient)}. Change
        y and both change; H, made of p alone, does not.
      </p>

      <div className="plots-pair">
        <figure>
          <EigenvalueBars eigenvalues={view.eigenvalues} onesIndex={ones} />
          <figcaption>
            Eigenvalues of H. λ{ones + 1} = {eigenvalueText(view.eigenvalues[ones] ?? NaN)} belongs to (1, …, 1); the largest is λmax ={' '}
            {formatNumber(view.lambdaMax, 3)}, at most ½ (the dashed line).
            {topIsRepeated(view) ? ' Here λmax is repeated (equal logits), so its eigenvector is not unique: any unit vector of its eigenspace will do.' : ''}
          </figcaption>
        </figure>
        <div>
          <LogitControls />
          <TargetPicker />
        </div>
      </div>

      <HessianChecks logits={logits} labels={labels} view={view} />
    </section>
  );
}
