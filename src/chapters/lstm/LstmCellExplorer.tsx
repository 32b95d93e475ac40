import { useCallback, useMemo } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { LiveFormula } from '../../math/LiveFormula';
import { LecturerControl } from '../../controls/LecturerControl';
import { RangeSlider } from '../../controls/RangeSlider';
import { useWidgetState } from '../../state/useWidgetState';
import { CellDiagram } from './CellDiagram';
import { GateCurve } from './GateCurve';
import { CELL_DIGITS, cellTex, cellText } from './lstmFormula';
import { cellView, GATE_NAMES, GATES, snapTo, type CellInputs, type Gate } from './lstmMath';
import { CELL_LIMITS, CELL_STATE, PRE_ACTIVATION_LIMITS } from './lstmState';

/** The cards in the diagram's order, left to right: f, i, g, o (the sliders keep PyTorch's row index). */
const CARD_ORDER: readonly Gate[] = ['f', 'i', 'g', 'o'];
const KEY: Readonly<Record<Gate, 'ai' | 'af' | 'ag' | 'ao'>> = { i: 'ai', f: 'af', g: 'ag', o: 'ao' };
const v = (x: number | undefined) => formatNumber(x ?? NaN, CELL_DIGITS);

/**
 * Chapter 13's cell explorer: one LSTM cell of hidden size 1, driven by its four gate pre-activations
 * and the previous cell state (its own state in the address, lstmState.ts), computed by the core's
 * lstmCell. The diagram carries every number on its wires; each gate's card shows its activation with
 * the slope at the current point, so σ′ ≤ 1/4 can be seen where it bites.
 */
export function LstmCellExplorer() {
  const [state, update] = useWidgetState(CELL_STATE);
  const inputs: CellInputs = useMemo(
    () => ({ a: { i: state.ai, f: state.af, g: state.ag, o: state.ao }, c: state.c }),
    [state.ai, state.af, state.ag, state.ao, state.c],
  );
  const view = useMemo(() => cellView(inputs), [inputs]);
  const setGate = useCallback(
    (value: number, index: number) => {
      const gate = GATES[index] as Gate;
      const key = KEY[gate];
      update({ [key]: snapTo(PRE_ACTIVATION_LIMITS, value, CELL_STATE[key].default) });
    },
    [update],
  );
  const setCell = useCallback((value: number) => update({ c: snapTo(CELL_LIMITS, value, CELL_STATE.c.default) }), [update]);
  const f = view.f[0] ?? NaN;

  return (
    <section className="widget lstm-widget lstm-cell-explorer" aria-label="The LSTM cell, gate by gate">
      <figure className="cell-figure">
        <CellDiagram view={view} c={inputs.c} />
        <figcaption>The heavy line along the top is the cell state; the forget gate, outlined in its colour, is the one gate that acts on it.</figcaption>
      </figure>

      <LiveFormula label={`Live formula: ${cellText(inputs, view)}`} lines={cellTex(inputs, view)} />

      <fieldset className="controls">
        <legend>Previous cell state</legend>
        <LecturerControl ids={['c']}>
          <RangeSlider
            label="previous cell state c"
            symbol="c"
            value={inputs.c}
            min={CELL_LIMITS.min}
            max={CELL_LIMITS.max}
            step={CELL_LIMITS.step}
            digits={1}
            term={term.lstmCellPrev()}
            onValue={setCell}
          />
        </LecturerControl>
      </fieldset>

      <div className="gate-cards">
        {CARD_ORDER.map((gate) => {
          const index = GATES.indexOf(gate);
          const { name, activation } = GATE_NAMES[gate];
          const value = view[gate][0];
          const slope = view.slope[gate];
          return (
            <fieldset key={gate} className={`gate-card gate-${gate}`}>
              <legend>
                {name} {gate} = {activation === 'sigmoid' ? 'σ' : 'tanh'}(a<sub>{gate}</sub>) = {v(value)}
              </legend>
              <GateCurve activation={activation} a={inputs.a[gate]} slope={slope} term={term.lstmGate(gate)} />
              <LecturerControl ids={[KEY[gate]]}>
                <RangeSlider
                  label={`pre-activation of the ${name}, a ${gate}`}
                  symbol="a"
                  value={inputs.a[gate]}
                  min={PRE_ACTIVATION_LIMITS.min}
                  max={PRE_ACTIVATION_LIMITS.max}
                  step={PRE_ACTIVATION_LIMITS.step}
                  digits={1}
                  term={term.lstmGate(gate)}
                  index={index}
                  onValue={setGate}
                />
              </LecturerControl>
              <p className="gate-slope-text" data-testid={`slope-${gate}`}>
                {activation === 'sigmoid' ? 'σ′' : 'tanh′'}(a<sub>{gate}</sub>) = {formatNumber(slope, 3)}{' '}
                {activation === 'sigmoid' ? '≤ 1/4' : '≤ 1'}
              </p>
            </fieldset>
          );
        })}
      </div>

      <div className="step-factors" aria-live="polite">
        <p>
          Back through this step, along the cell path: ∂c′/∂c = f = <strong data-testid="cell-factor">{v(f)}</strong>. No σ′ in it:
          f itself, which is near 1 when a<sub>f</sub> is large.
        </p>
        <p>
          Through the forget gate instead, the path leaves the cell line: the gates read h<sub>t−1</sub> = o<sub>t−1</sub>·tanh(c), not c. Its first
          factor is ∂c′/∂a<sub>f</sub> = c · σ′(a<sub>f</sub>) = <strong data-testid="gate-factor">{v(inputs.c * view.slope.f)}</strong>, never more
          than |c|/4 = {v(Math.abs(inputs.c) / 4)}; back to c it is multiplied by the forget row’s weight on h and by o<sub>t−1</sub>·tanh′(c) ≤ 1.
        </p>
      </div>
    </section>
  );
}
