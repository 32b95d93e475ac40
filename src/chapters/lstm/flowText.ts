import { gradientText, ratioText } from './lstmFormula';
import type { FlowCurves, FlowInputs } from './lstmMath';

/** The figure's curves in the order of its legend, with what each is called. */
export const FLOW_CURVES = [
  { key: 'cell', name: 'LSTM ‖∂L/∂cₜ‖', short: 'LSTM cell state', colour: 'var(--class-1)', dashed: false },
  { key: 'hidden', name: 'LSTM ‖∂L/∂hₜ‖', short: 'LSTM hidden state', colour: 'var(--class-3)', dashed: false },
  { key: 'cut', name: 'LSTM ‖∂L/∂hₜ‖ without the cell path', short: 'LSTM hidden state, cell path cut', colour: 'var(--class-3)', dashed: true },
  { key: 'rnn', name: 'RNN ‖∂L/∂hₜ‖', short: 'tanh RNN hidden state', colour: 'var(--class-2)', dashed: false },
] as const;

export type FlowKey = (typeof FLOW_CURVES)[number]['key'];

/**
 * The text alternative: what is drawn and each curve's value at t = 0, with how far the LSTM's cell
 * gradient is above the RNN's.
 */
export function flowLabel(curves: FlowCurves, { steps, forgetBias, hidden, scale, seed }: FlowInputs): string {
  const at0 = FLOW_CURVES.map((c) => `${c.name}: ${gradientText(curves[c.key][0] ?? NaN)}`).join('; ');
  const ratio = (curves.cell[0] ?? NaN) / (curves.rnn[0] ?? NaN);
  return (
    `Gradient norms of L, the sum of the last hidden state, against the step t from 0 to T = ${steps}, log scale, for an LSTM and a ` +
    `tanh RNN with H = ${hidden}, weight scale ${scale}, weights no. ${seed} and forget-gate bias ${forgetBias}. At t = 0: ${at0}. ` +
    `The LSTM's cell-state gradient at t = 0 is ${ratioText(ratio)} times the RNN's.`
  );
}
