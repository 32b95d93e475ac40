import { useCallback, useMemo } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { LecturerControl } from '../../controls/LecturerControl';
import { RangeSlider } from '../../controls/RangeSlider';
import { CurveLegend } from '../../plots/CurveLegend';
import { useHeldDuringInput } from '../../state/useHeldDuringInput';
import { useWidgetState } from '../../state/useWidgetState';
import { CellPathCheck } from './CellPathCheck';
import { FLOW_CURVES, flowLabel } from './flowText';
import { GradientFlowPlot, type FlowCurve } from './GradientFlowPlot';
import { gradientText, ratioText } from './lstmFormula';
import { cellCheck, flowCurves, flowModel, rnnFlow, snapTo, type FlowModel } from './lstmMath';
import { FLOW_STATE, FORGET_BIAS_LIMITS, HIDDEN_LIMITS, SCALE_LIMITS, STEPS_LIMITS } from './lstmState';

interface CheckInputs {
  model: FlowModel;
  steps: number;
  analytic: number;
}
const sameCheckInputs = (a: CheckInputs, b: CheckInputs) => a.model === b.model && a.steps === b.steps && Object.is(a.analytic, b.analytic);

/**
 * Chapter 13's gradient through time: ‖∂L/∂c_t‖ and ‖∂L/∂h_t‖ of a small LSTM, the same with its cell
 * path cut, and ‖∂L/∂h_t‖ of a tanh RNN of the same size, for L = Σ h_T, on a log axis. Every number is
 * the core's backward pass; the live check below holds one of them against a central difference.
 * T, b_f, H, the weights' scale and seed are the widget's state in the address (lstmState.ts).
 */
export function GradientFlowExplorer() {
  const [state, update] = useWidgetState(FLOW_STATE);
  const { steps, bf, hidden, scale, seed } = state;
  const model = useMemo(() => flowModel({ hidden, scale, forgetBias: bf, seed }), [hidden, scale, bf, seed]);
  // The RNN's weights do not depend on b_f (see flowModel), so neither does its curve: a step of b_f,
  // the chapter's main slider, runs the LSTM's two backward passes and not the RNN's.
  const rnnModel = useMemo(() => flowModel({ hidden, scale, forgetBias: 0, seed }), [hidden, scale, seed]);
  const rnn = useMemo(() => rnnFlow(rnnModel, steps), [rnnModel, steps]);
  const curves = useMemo(() => flowCurves(model, steps, rnn), [model, steps, rnn]);
  // The check restates one number of the curves, with three more forward passes: while a slider moves
  // it waits for the pause, like a formula (useHeldDuringInput).
  const checked = useHeldDuringInput({ model, steps, analytic: curves.dc0[0] ?? NaN }, sameCheckInputs);
  const check = useMemo(() => cellCheck(checked.model, checked.steps, checked.analytic), [checked.model, checked.steps, checked.analytic]);
  const label = useHeldDuringInput(flowLabel(curves, { steps, forgetBias: bf, hidden, scale, seed }));
  const plotCurves: FlowCurve[] = useMemo(
    () => FLOW_CURVES.map((c) => ({ id: c.key, term: term.gradientFlow(c.key), colour: c.colour, dashed: c.dashed, values: curves[c.key] })),
    [curves],
  );

  const setSteps = useCallback((v: number) => update({ steps: snapTo(STEPS_LIMITS, v, FLOW_STATE.steps.default) }), [update]);
  const setBias = useCallback((v: number) => update({ bf: snapTo(FORGET_BIAS_LIMITS, v, FLOW_STATE.bf.default) }), [update]);
  const setHidden = useCallback((v: number) => update({ hidden: snapTo(HIDDEN_LIMITS, v, FLOW_STATE.hidden.default) }), [update]);
  const setScale = useCallback((v: number) => update({ scale: snapTo(SCALE_LIMITS, v, FLOW_STATE.scale.default) }), [update]);
  const ratio = (curves.cell[0] ?? NaN) / (curves.rnn[0] ?? NaN);

  return (
    <section className="widget lstm-widget gradient-flow-explorer" aria-label="The gradient through time: LSTM against RNN">
      <figure className="flow-figure">
        <GradientFlowPlot label={label} curves={plotCurves} steps={steps} />
        <figcaption>
          <CurveLegend items={FLOW_CURVES.map((c) => ({ colour: c.colour, text: c.name, dashed: c.dashed }))} />
        </figcaption>
      </figure>

      <table className="flow-table" data-testid="flow-table">
        <caption>At t = 0, {steps} steps before the loss</caption>
        <thead>
          <tr>
            <th scope="col">gradient</th>
            <th scope="col">norm</th>
          </tr>
        </thead>
        <tbody>
          {FLOW_CURVES.map((c) => (
            <tr key={c.key} data-term={term.gradientFlow(c.key)}>
              <th scope="row">{c.name.replace('ₜ', '₀')}</th>
              <td data-testid={`flow-${c.key}`}>{gradientText(curves[c.key][0] ?? NaN)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint" aria-live="polite" data-testid="flow-ratio">
        The LSTM’s cell-state gradient at t = 0 is {ratioText(ratio)} times the RNN’s.
      </p>

      <fieldset className="controls">
        <legend>Sequence and weights</legend>
        <LecturerControl ids={['steps']}>
          <RangeSlider label="number of steps T" symbol="T" value={steps} min={STEPS_LIMITS.min} max={STEPS_LIMITS.max} step={1} digits={0} term={term.gradientFlow('cell')} onValue={setSteps} />
        </LecturerControl>
        <LecturerControl ids={['bf']}>
          <RangeSlider
            label="forget gate bias b f"
            symbol="b"
            subscript="f"
            value={bf}
            min={FORGET_BIAS_LIMITS.min}
            max={FORGET_BIAS_LIMITS.max}
            step={FORGET_BIAS_LIMITS.step}
            digits={1}
            term={term.lstmGate('f')}
            onValue={setBias}
          />
        </LecturerControl>
        <LecturerControl ids={['hidden']}>
          <RangeSlider label="hidden size H" symbol="H" value={hidden} min={HIDDEN_LIMITS.min} max={HIDDEN_LIMITS.max} step={1} digits={0} term={term.gradientFlow('hidden')} onValue={setHidden} />
        </LecturerControl>
        <LecturerControl ids={['scale']}>
          <RangeSlider
            label="weight scale"
            symbol="scale"
            value={scale}
            min={SCALE_LIMITS.min}
            max={SCALE_LIMITS.max}
            step={SCALE_LIMITS.step}
            digits={2}
            term={term.gradientFlow('rnn')}
            onValue={setScale}
          />
        </LecturerControl>
        <LecturerControl ids={['seed']}>
          <p className="seed-row">
            <span data-testid="seed">Weights no. {seed}</span>{' '}
            <button type="button" onClick={() => update({ seed: (seed % FLOW_STATE.seed.max) + 1 })}>
              Draw new weights
            </button>
          </p>
        </LecturerControl>
        <p className="hint">
          Weights uniform in ±{formatNumber(scale / Math.sqrt(hidden), 3)} (scale/√H; scale 1 is PyTorch’s default), inputs standard normal,
          h₀ = c₀ = 0.
        </p>
      </fieldset>

      <CellPathCheck check={check} />
    </section>
  );
}
