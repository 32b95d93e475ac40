import { useMemo, useState } from 'react';
import { term } from '../../format/terms';
import { RangeSlider } from '../../controls/RangeSlider';
import { CurveLegend } from '../../plots/CurveLegend';
import { useMeasuredWidth } from '../../plots/useMeasuredWidth';
import { Opener } from '../Opener';
import { FLOW_CURVES } from './flowText';
import { GradientFlowPlot, type FlowCurve } from './GradientFlowPlot';
import { gradientText } from './lstmFormula';
import { flowCurves, flowModel, snapTo } from './lstmMath';
import { FLOW_STATE, FORGET_BIAS_LIMITS } from './lstmState';

const SHOWN = FLOW_CURVES.filter((c) => c.key === 'cell' || c.key === 'rnn');

/**
 * Chapter 13 opens with the whole story in one slider: the gradient of the loss after 50 steps, back
 * at every earlier step, for the LSTM's cell state and for a plain RNN's hidden state. Raising the
 * forget gate's bias lifts the LSTM's curve by orders of magnitude; the RNN has no such knob. The
 * network is the explorer's starting one; b_f is kept here, locally.
 */
export function LstmOpener() {
  const [bias, setBias] = useState<number>(FLOW_STATE.bf.default);
  const [box, width] = useMeasuredWidth<HTMLDivElement>(640);
  const { steps, hidden, scale, seed } = { steps: FLOW_STATE.steps.default, hidden: FLOW_STATE.hidden.default, scale: FLOW_STATE.scale.default, seed: FLOW_STATE.seed.default };
  const model = useMemo(() => flowModel({ hidden, scale, forgetBias: bias, seed }), [hidden, scale, bias, seed]);
  const curves = useMemo(() => flowCurves(model, steps), [model, steps]);
  const plotCurves: FlowCurve[] = useMemo(
    () => SHOWN.map((c) => ({ id: c.key, term: term.gradientFlow(c.key), colour: c.colour, dashed: c.dashed, values: curves[c.key] })),
    [curves],
  );
  const cell0 = gradientText(curves.cell[0] ?? NaN);
  const rnn0 = gradientText(curves.rnn[0] ?? NaN);
  const label =
    `Gradient norms against the step t, 0 to ${steps}, log scale, with forget-gate bias ${bias}. ` +
    `At t = 0: LSTM cell state ${cell0}, tanh RNN hidden state ${rnn0}.`;
  return (
    <Opener
      name="The gradient through time at a glance"
      caption={
        <>
          Raise the forget gate’s bias: the LSTM’s gradient 50 steps back climbs by orders of magnitude, up to b<sub>f</sub> = 3.5, and then eases
          off; the RNN’s stays where it is.
        </>
      }
    >
      <div className="lstm-widget lstm-opener" ref={box}>
        <GradientFlowPlot label={label} curves={plotCurves} steps={steps} height={width < 500 ? 150 : 180} />
        <CurveLegend items={SHOWN.map((c) => ({ colour: c.colour, text: c.name, dashed: c.dashed }))} />
        <RangeSlider
          label="forget gate bias b f of the opening plot"
          symbol="b"
            subscript="f"
          value={bias}
          min={FORGET_BIAS_LIMITS.min}
          max={FORGET_BIAS_LIMITS.max}
          step={FORGET_BIAS_LIMITS.step}
          digits={1}
          term={term.lstmGate('f')}
          onValue={(v) => setBias(snapTo(FORGET_BIAS_LIMITS, v, FLOW_STATE.bf.default))}
        />
        <p className="opener-readout" aria-live="polite">
          At t = 0: LSTM ‖∂L/∂c₀‖ <span data-testid="opener-cell">{cell0}</span>
          {' · '}RNN ‖∂L/∂h₀‖ <span data-testid="opener-rnn">{rnn0}</span>
        </p>
      </div>
    </Opener>
  );
}
