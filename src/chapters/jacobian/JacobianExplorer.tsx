import { useMemo } from 'react';
import { softmax, softmaxJacobian, softmaxJacobianParts } from '../../core';
import { useWidgetState } from '../../state/useWidgetState';
import { term } from '../../format/terms';
import { MatrixHeatmap } from '../../plots/MatrixHeatmap';
import { ProbabilityBars } from '../../plots/ProbabilityBars';
import { useLab } from '../../state/LabContext';
import { LogitControls } from '../../controls/LogitSliders';
import { JacobianChecks } from './JacobianChecks';
import { jacobianCellTex, jacobianCellText } from './jacobianFormula';
import { LiveFormula } from '../../math/LiveFormula';
import { CopyAsCode } from '../../tools/copyAsCode/CopyAsCode';
import { JACOBIAN_STATE } from './jacobianState';

// The programs' text is fetched when the learner points at "Copy as …", not with the chapter.
const loadPrograms = () => import('../../tools/copyAsCode/programs');

/** The cell a focus id points at ("J-2-3", "D-2-3" or "O-2-3" → [1, 2]), if any. */
function focusedCell(focus: string | null, n: number): [number, number] | undefined {
  const m = focus && /^[JDO]-(\d+)-(\d+)$/.exec(focus);
  if (!m) return undefined;
  const cell: [number, number] = [Number(m[1]) - 1, Number(m[2]) - 1];
  return cell[0] < n && cell[1] < n ? cell : undefined;
}

const rowLabel = (i: number) => `p${i + 1}`;
const columnLabel = (j: number) => `z${j + 1}`;

/**
 * The softmax Jacobian, live: J = diag(p) − ppᵀ as a heatmap beside its two parts, the entry under the
 * pointer (or keyboard) written out as p_i(δ_ij − p_j), and its properties checked on the spot.
 *
 * The entry chosen (clicked, or reached with the arrow keys) is this widget's state, in its URL as
 * `i` and `j`. The heatmaps both show J and choose the entry, so a lecturer's hide or lock of i or j
 * does not remove them: the hook drops the change and the entry stays where the link put it.
 */
export function JacobianExplorer() {
  const logits = useLab((s) => s.logits);
  const focus = useLab((s) => s.focus);
  const [selected, update] = useWidgetState(JACOBIAN_STATE);

  const n = logits.length;
  const probabilities = useMemo(() => softmax(logits), [logits]);
  const jacobian = useMemo(() => softmaxJacobian(logits), [logits]);
  const { diagonal, outer } = useMemo(() => softmaxJacobianParts(logits), [logits]);
  const scaleMax = Math.max(...Array.from(probabilities));

  // A link's entry (read up to the eighth class) or one chosen before "Remove a class": the nearest one that exists.
  const chosen: [number, number] = [Math.min(selected.i, n - 1), Math.min(selected.j, n - 1)];
  const cell = focusedCell(focus, n) ?? chosen;
  const value = jacobian[cell[0]]?.[cell[1]] ?? NaN;
  const formula = { probabilities, value, i: cell[0], j: cell[1] };
  const select = (i: number, j: number) => update({ i, j });

  const heatmap = (caption: string, matrix: readonly Float64Array[], id: (i: number, j: number) => string, what: string) => (
    <MatrixHeatmap
      caption={caption}
      matrix={matrix}
      rowLabel={rowLabel}
      columnLabel={columnLabel}
      cellName={(i, j, v) => `${what}, row ${i + 1}, column ${j + 1}: ${v}`}
      cellTerm={id}
      scaleMax={scaleMax}
      selected={chosen}
      onSelect={select}
    />
  );

  return (
    <section className="widget jacobian-explorer" aria-label="Jacobian explorer">
      <div className="matrix-main">{heatmap('J = ∂p/∂z', jacobian, term.jacobian, 'J')}</div>
      <div className="matrix-sum">
        <span className="matrix-operator" aria-hidden="true">
          =
        </span>
        {heatmap('diag(p)', diagonal, term.jacobianDiagonal, 'diag(p)')}
        <span className="matrix-operator" aria-hidden="true">
          +
        </span>
        {heatmap('−p pᵀ', outer, term.jacobianOuter, 'minus p p transpose')}
      </div>

      <LiveFormula label={`Live formula: ${jacobianCellText(formula)}`} lines={[jacobianCellTex(formula)]} />

      <JacobianChecks logits={logits} jacobian={jacobian} cell={cell} />

      <div className="plots-pair">
        <figure>
          <ProbabilityBars probabilities={probabilities} />
          <figcaption>p = softmax(z): the cell under focus lights up p{cell[0] + 1} and p{cell[1] + 1}.</figcaption>
        </figure>
        <LogitControls />
      </div>

      <CopyAsCode
        subject="the softmax Jacobian"
        programs={loadPrograms}
        numpy={(p) => p.jacobianNumpy({ logits })}
        torch={(p) => p.jacobianTorch({ logits })}
      />
    </section>
  );
}
