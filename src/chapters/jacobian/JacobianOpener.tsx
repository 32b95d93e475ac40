import { useMemo, useState } from 'react';
import { softmaxJacobian } from '../../core';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { LogitBars } from '../../plots/LogitBars';
import { MatrixHeatmap } from '../../plots/MatrixHeatmap';
import { LIMITS } from '../../url/labInputs';
import { useLab, useLabStore } from '../../state/LabContext';
import { Opener, OpenerPair } from '../Opener';

/** Chapter 3 opens with the matrix it derives: drag a logit and watch every sensitivity ∂pᵢ/∂zⱼ change. */
export function JacobianOpener() {
  const logits = useLab((s) => s.logits);
  const { setLogit } = useLabStore().getState();
  const jacobian = useMemo(() => softmaxJacobian(logits), [logits]);
  const n = logits.length;
  // the opener's own choice of cell (the explorer below keeps its own, in its link)
  const [picked, setPicked] = useState<[number, number]>([0, 0]);
  const cell: [number, number] = [Math.min(picked[0], n - 1), Math.min(picked[1], n - 1)];
  const [i, j] = cell;
  const value = jacobian[i]?.[j] ?? 0;
  const { min, max, step } = LIMITS.logit;
  return (
    <Opener
      name="The softmax Jacobian at a glance"
      caption={
        <>
          Drag a logit bar: each row i of J says how p<sub>i</sub> responds to every logit. Move a logit and watch
          the signs of the entries, and what each row adds up to. Choose a cell with the arrow keys to read it.
        </>
      }
    >
      <OpenerPair
        rightFits
        left={(width, height) => (
          <LogitBars logits={logits} domain={[min, max]} step={step} onChange={setLogit} width={width} height={height} />
        )}
        right={() => (
          <MatrixHeatmap
            caption="J = ∂p/∂z"
            matrix={jacobian}
            rowLabel={(r) => `p${r + 1}`}
            columnLabel={(c) => `z${c + 1}`}
            cellName={(r, c, v) => `∂p${r + 1}/∂z${c + 1} = ${v}`}
            cellTerm={(r, c) => term.jacobian(r, c)}
            scaleMax={0.25}
            digits={2}
            selected={cell}
            onSelect={(r, c) => setPicked([r, c])}
          />
        )}
      />
      <p className="opener-readout" data-testid="opener-readout">
        ∂p{i + 1}/∂z{j + 1} = {formatNumber(value, 3)}
      </p>
    </Opener>
  );
}
