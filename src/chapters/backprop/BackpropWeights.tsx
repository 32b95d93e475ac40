import { useState } from 'react';
import type { NetworkParams } from '../../core/network';
import { formatInTable, tableNotation } from '../../format/formatNumber';
import { MatrixHeatmap } from '../../plots/MatrixHeatmap';
import { term } from '../../format/terms';
import { useThrottledBackprop } from './BackpropContext';

/** While training plays, the tables follow at most this often: 300 buttons a frame would cost the page its frame rate. */
const REFRESH_MS = 250;

const rowsOf = (flat: Float64Array, count: number, width: number) => Array.from({ length: count }, (_, r) => flat.subarray(r * width, (r + 1) * width));
const maxAbs = (...arrays: Float64Array[]) => arrays.reduce((m, a) => a.reduce((mm, v) => Math.max(mm, Math.abs(v)), m), 0);

interface Pane {
  name: 'W1' | 'W2' | 'dW1' | 'dW2';
  caption: string;
  matrix: Float64Array[];
  rowLabel(i: number): string;
  columnLabel(j: number): string;
  cellName(i: number, j: number, v: string): string;
  scaleMax: number;
}

/**
 * A weight and its gradient share one term id (the chain-rule cell of the backward-pass explainer), so
 * focusing either lights up both and the factors of its chain rule.
 *
 * The two weight matrices and the gradient of the loss with respect to each, as heatmaps in one
 * diverging scale per kind (weights share one, gradients another), so that a cell's colour compares
 * across the two layers. They follow the training as it runs.
 */
export function BackpropWeights() {
  const { network, gradients } = useThrottledBackprop(REFRESH_MS);
  const [selected, setSelected] = useState<Record<string, readonly [number, number]>>({});
  const H = network.shape.hidden;
  const p = network.params;
  const g: NetworkParams = gradients ?? { w1: new Float64Array(2 * H), b1: new Float64Array(H), w2: new Float64Array(3 * H), b2: new Float64Array(3) };
  const wMax = maxAbs(p.w1, p.w2);
  const gMax = maxAbs(g.w1, g.w2);
  // One notation per kind, shared by both layers' tables as the colour scale is: three significant
  // digits of the largest, the same decimals in every cell. Below 0.1 the gradients share a power of
  // ten, said once in the title ("entries × 10⁻²": −4.90, 0.31), so no cell is wider than "−0.123"
  // and the 2 × 16 table fits the figure column at 1280 px.
  const weightNotation = tableNotation([wMax]);
  const gradientNotation = tableNotation([gMax], { minDecimals: 2, maxDecimals: 3 });
  const input = (i: number) => `x${i + 1}`;
  const unit = (j: number) => `h${j + 1}`;
  // columns of W₂ are the classes k, labelled k1 to k3 as in the backward-pass explorer (z is the
  // site's name for the logits themselves, not for an index)
  const output = (k: number) => `k${k + 1}`;

  const panes: Pane[] = [
    { name: 'W1', caption: `W1, 2 × ${H}: input → hidden unit`, matrix: rowsOf(p.w1, 2, H), rowLabel: input, columnLabel: unit, cellName: (i, j, v) => `W1 from x${i + 1} to h${j + 1} = ${v}`, scaleMax: wMax },
    { name: 'dW1', caption: `∂L/∂W1, 2 × ${H}`, matrix: rowsOf(g.w1, 2, H), rowLabel: input, columnLabel: unit, cellName: (i, j, v) => `∂L/∂W1 from x${i + 1} to h${j + 1} = ${v}`, scaleMax: gMax },
    { name: 'W2', caption: `W2, ${H} × 3: hidden unit → logit of class k`, matrix: rowsOf(p.w2, H, 3), rowLabel: unit, columnLabel: output, cellName: (j, k, v) => `W2 from h${j + 1} to k${k + 1} = ${v}`, scaleMax: wMax },
    { name: 'dW2', caption: `∂L/∂W2, ${H} × 3`, matrix: rowsOf(g.w2, H, 3), rowLabel: unit, columnLabel: output, cellName: (j, k, v) => `∂L/∂W2 from h${j + 1} to k${k + 1} = ${v}`, scaleMax: gMax },
  ];

  return (
    <section className="widget backprop-widget backprop-weights" aria-label="Weights and gradients">
      <p className="hint">
        Blue cells are positive, red negative; the stronger the colour, the larger the value. Weights: strongest at |w| = {formatInTable(wMax, weightNotation)}. Gradients:
        strongest at {formatInTable(gMax, gradientNotation)}.
      </p>
      <div className="weights-grid">
        {panes.map((pane) => {
          const cell = selected[pane.name] ?? [0, 0];
          const at: readonly [number, number] = [Math.min(cell[0], pane.matrix.length - 1), Math.min(cell[1], (pane.matrix[0]?.length ?? 1) - 1)];
          return (
            <div key={pane.name} className={`weights-pane pane-${pane.name}`} data-testid={`bp-heatmap-${pane.name}`}>
              <MatrixHeatmap
                caption={pane.caption}
                matrix={pane.matrix}
                rowLabel={pane.rowLabel}
                columnLabel={pane.columnLabel}
                cellName={pane.cellName}
                cellTerm={(i, j) => (pane.name.endsWith('W1') ? term.backpropW1(i, j) : term.backpropW2(i, j))}
                scaleMax={pane.scaleMax}
                notation={pane.name.startsWith('d') ? gradientNotation : weightNotation}
                selected={at}
                onSelect={(i, j) => setSelected((s) => ({ ...s, [pane.name]: [i, j] }))}
              />
            </div>
          );
        })}
      </div>
    </section>
  );
}
