import { createWorkspace, forward, initNetwork, type BatchReduction } from '../../core/network';
import { makeDataset } from '../../core/datasets';
import { formatNumber, texNumber } from '../../format/formatNumber';

/**
 * Chapter 8's live formulas, built only from fixed templates and formatted numbers: the shapes of the
 * forward pass for the current m and H, and the loss at the current step. Each comes with its words.
 */

export interface RunNumbers {
  m: number;
  hidden: number;
  reduction: BatchReduction;
  loss: number;
  step: number;
}

const LOSS_DIGITS = 4;

/** Each line as pieces a phone may break between. */
export function backpropTex({ m, hidden, reduction, loss, step }: RunNumbers): string[][] {
  const mean = reduction === 'mean' ? `\\frac{1}{${m}}` : '';
  return [
    [
      `X_{${m}\\times 2}`,
      `\\xrightarrow{W_1:\\,2\\times ${hidden}} A_{1\\;${m}\\times ${hidden}}`,
      `\\xrightarrow{W_2:\\,${hidden}\\times 3} P_{${m}\\times 3}`,
    ],
    // before the first evaluation (or with no points) there is no number to show, only the definition
    Number.isFinite(loss)
      ? [`L_{${step}} = -${mean}\\sum_{i=1}^{${m}} \\ln P_{i,\\,t_i}`, `{} = ${texNumber(loss, LOSS_DIGITS)}`]
      : [`L_{${step}} = -${mean}\\sum_{i=1}^{${m}} \\ln P_{i,\\,t_i}`],
  ];
}

export function backpropFormulaLabel({ m, hidden, reduction, loss, step }: RunNumbers): string {
  const how = reduction === 'mean' ? 'mean' : 'sum';
  const value = Number.isFinite(loss) ? `is ${formatNumber(loss, LOSS_DIGITS)}` : 'is not computed yet';
  return `X is ${m} by 2, W1 is 2 by ${hidden}, A1 is ${m} by ${hidden}, W2 is ${hidden} by 3, P is ${m} by 3. The loss after step ${step}, the ${how} over the ${m} points i of minus ln P(i, t_i), the probability of point i's true class t_i, ${value}.`;
}

/** The chapter's starting formulas (blobs, seed 1, 16 ReLU units, step 0), for typesetting at build time. */
export function backpropStartFormulas(): { tex: string; display: boolean }[] {
  const m = 150;
  const data = makeDataset('blobs', m, 1);
  const net = initNetwork({ inputs: 2, hidden: 16, outputs: 3, activation: 'relu' }, 1);
  const loss = forward(net, data.x, data.labels, m, createWorkspace(net.shape, m), 'mean');
  return backpropTex({ m, hidden: 16, reduction: 'mean', loss, step: 0 }).flat().map((tex) => ({ tex, display: false }));
}
