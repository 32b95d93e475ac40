import { useCallback, useMemo } from 'react';
import { useWidgetState } from '../../state/useWidgetState';
import { LiveFormula } from '../../math/LiveFormula';
import { BACKWARD_PASS_STATE } from './backpropState';
import { useThrottledBackprop } from './BackpropContext';
import { backwardShapesTex, backwardShapesText, decimalsForAll, outputRowTex, outputRowText, type BackwardShapes } from './backwardPassFormula';
import { asRows, backwardPass, hiddenWeightChain, outer, outputWeightChain, sampleRows } from './backwardPassMath';
import { weightDifferenceCheck } from './weightDifferenceCheck';
import { BackwardPassHiddenChain, BackwardPassOutputChain } from './BackwardPassChain';
import { BackwardPassRows } from './BackwardPassRows';
import { BackwardPassSamplePicker } from './BackwardPassSamplePicker';
import { BackwardPassHiddenWeights, BackwardPassOutputWeights } from './BackwardPassWeights';
import './backprop-matrix.css';

/** how often the explorer follows a playing trainer */
const REFRESH_MS = 400;

const clampIndex = (v: number, size: number) => Math.min(Math.max(0, size - 1), Math.max(0, v));

/**
 * The backward pass in matrix form, on the chapter's live run: the store's current weights, data set
 * and reduction go through one forward and backward pass of the core, and the explorer shows every
 * line with the run's shapes, the chosen sample's row of each matrix, dW₂ as a sum of per-sample
 * outer products, and for a selected weight of W₂ or W₁ its gradient as a product of chain-rule
 * factors, checked against the backward pass and a central difference. The sample and the two
 * selected weights are this widget's own state, in the address (counted from 1, as shown).
 */
export function BackwardPassExplorer() {
  // the run at most every 400 ms while the trainer plays: redoing the whole pass every frame cost
  // about 40% of the main thread; when paused, at once
  const { network, dataset, reduction } = useThrottledBackprop(REFRESH_MS);
  const [choice, update] = useWidgetState(BACKWARD_PASS_STATE);
  const setSample = useCallback((i: number) => update({ sample: i + 1 }), [update]);
  const selectW2 = useCallback((j: number, k: number) => update({ w2h: j + 1, w2k: k + 1 }), [update]);
  const selectW1 = useCallback((r: number, j: number) => update({ w1x: r + 1, w1h: j + 1 }), [update]);

  const pass = useMemo(() => (dataset.m > 0 ? backwardPass(network, dataset, reduction) : null), [network, dataset, reduction]);
  const { inputs, hidden, outputs } = network.shape;
  // the data set or the network may have shrunk under a choice: show the nearest that exists
  const sample = clampIndex(choice.sample - 1, dataset.m);
  const w2: [number, number] = [clampIndex(choice.w2h - 1, hidden), clampIndex(choice.w2k - 1, outputs)];
  const w1: [number, number] = [clampIndex(choice.w1x - 1, inputs), clampIndex(choice.w1h - 1, hidden)];

  const matrices = useMemo(() => {
    if (!pass) return null;
    const rows = sampleRows(pass, sample);
    return {
      rows,
      share: outer(rows.a1, rows.dz2),
      dW2: asRows(pass.ws.grads.w2, hidden, outputs),
      dW1: asRows(pass.ws.grads.w1, inputs, hidden),
    };
  }, [pass, sample, inputs, hidden, outputs]);

  if (!pass || !matrices) {
    return (
      <section className="widget bp-matrix-widget backward-pass-explorer" aria-label="The backward pass in matrix form">
        <p className="notice">There are no points in the data set: add some in the training widget above, and the backward pass appears here.</p>
      </section>
    );
  }

  const { m } = pass;
  const { rows } = matrices;
  const shapes: BackwardShapes = { m, inputs, hidden, outputs, reduction, activation: network.shape.activation };
  const outputChain = outputWeightChain(pass, w2[0], w2[1], sample);
  const hiddenChain = hiddenWeightChain(pass, w1[0], w1[1], sample);

  return (
    <section className="widget bp-matrix-widget backward-pass-explorer" aria-label="The backward pass in matrix form">
      <BackwardPassSamplePicker index={sample} m={m} x={rows.x} label={rows.label} p={rows.p} onIndex={setSample} />

      <h3 className="bp-heading">The backward pass with this run&rsquo;s shapes</h3>
      <LiveFormula testId="bp-shapes-formula" label={`Live formulas: ${backwardShapesText(shapes)}`} lines={backwardShapesTex(shapes)} />

      <h3 className="bp-heading">Sample {sample + 1}&rsquo;s rows</h3>
      <LiveFormula testId="bp-output-row-formula" label={`Live formula: ${outputRowText(rows, m, reduction)}`} lines={[outputRowTex(rows, m, reduction)]} />
      <BackwardPassRows rows={rows} db2={pass.ws.grads.b2} db1={pass.ws.grads.b1} m={m} reduction={reduction} />

      <h3 className="bp-heading">dW₂: one outer product per sample, summed</h3>
      <p className="hint">Click a cell, or move with the arrow keys, to see that weight&rsquo;s gradient as a product of chain-rule factors.</p>
      <BackwardPassOutputWeights share={matrices.share} total={matrices.dW2} sample={sample} m={m} selected={w2} onSelect={selectW2} />
      <BackwardPassOutputChain chain={outputChain} digits={decimalsForAll(pass.ws.grads.w2)} difference={weightDifferenceCheck(pass, 2, w2[0] * outputs + w2[1])} m={m} reduction={reduction} />

      <h3 className="bp-heading">dW₁: the longer chain, back through a hidden unit</h3>
      <BackwardPassHiddenWeights total={matrices.dW1} m={m} selected={w1} onSelect={selectW1} />
      <BackwardPassHiddenChain chain={hiddenChain} digits={decimalsForAll(pass.ws.grads.w1)} difference={weightDifferenceCheck(pass, 1, w1[0] * hidden + w1[1])} m={m} />
    </section>
  );
}
