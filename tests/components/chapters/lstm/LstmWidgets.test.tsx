import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { LstmCellExplorer } from '../../../../src/chapters/lstm/LstmCellExplorer';
import { GradientFlowExplorer } from '../../../../src/chapters/lstm/GradientFlowExplorer';
import { LstmOpener } from '../../../../src/chapters/lstm/LstmOpener';
import { CellPathExercise, CellUpdateExercise, ForgetPowerExercise } from '../../../../src/chapters/lstm/LstmExercises';
import { EmbedContext } from '../../../../src/state/embedContext';
import { createWidgetFrame, WidgetFrameContext } from '../../../../src/state/widgetFrame';
import { createLabStore } from '../../../../src/state/createLabStore';
import { LabProvider } from '../../../../src/state/LabContext';
import { TermScope } from '../../../../src/math/TermScope';
import { createProgressStore, ProgressProvider } from '../../../../src/state/progressStore';
import { renderWithLab } from '../../renderWithLab';

const at = (hash: string) => window.history.replaceState(null, '', hash);
beforeEach(() => at('#/lstm'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const slider = (name: string) => screen.getByRole<HTMLInputElement>('slider', { name });
const sigma = (a: number) => 1 / (1 + Math.exp(-a));
const text = (id: string) => screen.getByTestId(id).textContent ?? '';

function renderFramed(ui: ReactElement) {
  const frame = createWidgetFrame();
  render(
    <WidgetFrameContext.Provider value={frame}>
      <LabProvider store={createLabStore()}>
        <TermScope>{ui}</TermScope>
      </LabProvider>
    </WidgetFrameContext.Provider>,
  );
  return frame;
}

describe('<LstmCellExplorer>', () => {
  it('starts at a = (1, 2, 0.5, 1), c = 1: the diagram and the formula say c′ = 1.219 and h′ = 0.614', () => {
    renderWithLab(<LstmCellExplorer />);
    const diagram = screen.getByRole('img', { name: /^LSTM cell\./ });
    // by hand: c′ = σ(2) + σ(1)·tanh(0.5) = 1.2186, h′ = σ(1)·tanh(1.2186) = 0.6135
    expect(diagram.getAttribute('aria-label')).toContain('new cell state c′ = 1.219');
    expect(diagram.getAttribute('aria-label')).toContain('h′ = o·tanh(c′) = 0.614');
    expect(screen.getByTestId('live-formula').getAttribute('aria-label')).toContain('= 1.219');
    expect(text('cell-factor')).toBe(sigma(2).toFixed(3));
    expect(text('slope-f')).toContain(`${(sigma(2) * sigma(-2)).toFixed(3)} ≤ 1/4`);
  });

  it('every slider is keyboard-usable by its name; a_f = 0 puts the forget gate at 1/2 and its slope at its largest, 1/4', () => {
    renderWithLab(<LstmCellExplorer />);
    const af = slider('pre-activation of the forget gate, a f');
    af.focus();
    fireEvent.change(af, { target: { value: '0' } });
    expect(text('cell-factor')).toBe('0.500');
    expect(text('slope-f')).toContain('0.250 ≤ 1/4');
    fireEvent.change(slider('previous cell state c'), { target: { value: '-2' } });
    // c′ = 0.5·(−2) + σ(1)·tanh(0.5)
    expect(screen.getByTestId('live-formula').getAttribute('aria-label')).toContain(`= ${(-1 + sigma(1) * Math.tanh(0.5)).toFixed(3).replace('-', '−')};`);
    for (const name of ['pre-activation of the input gate, a i', 'pre-activation of the candidate, a g', 'pre-activation of the output gate, a o']) {
      expect(slider(name)).toBeTruthy();
    }
  });

  it('reads af=-3&c=2.5 from the address, refuses af=oops with a notice to the frame and keeps the default', () => {
    at('#/lstm?af=-3&c=2.5');
    renderWithLab(<LstmCellExplorer />);
    expect(slider('pre-activation of the forget gate, a f').value).toBe('-3');
    expect(slider('previous cell state c').value).toBe('2.5');
    cleanup();
    at('#/lstm?af=oops');
    const frame = renderFramed(<LstmCellExplorer />);
    expect(slider('pre-activation of the forget gate, a f').value).toBe('2');
    expect(frame.problems().join('; ')).toContain('af');
  });

  it('writes a change to the address once the learner pauses', () => {
    vi.useFakeTimers();
    renderWithLab(<LstmCellExplorer />);
    fireEvent.change(slider('pre-activation of the output gate, a o'), { target: { value: '-1.5' } });
    act(() => vi.advanceTimersByTime(400));
    expect(window.location.hash).toBe('#/lstm?ao=-1.5');
  });
});

describe('<GradientFlowExplorer>', () => {
  it('starts at T = 50, b_f = 1: four curves, the table at t = 0, the check agreeing', () => {
    const { container } = renderWithLab(<GradientFlowExplorer />);
    expect(container.querySelectorAll('path.flow-curve').length).toBe(4);
    const plot = screen.getByRole('img', { name: /^Gradient norms of L, the sum of the last hidden state, against the step t from 0 to T = 50/ });
    expect(plot.getAttribute('aria-label')).not.toMatch(/NaN|undefined/);
    // the text alternative says the whole model: H, the weight scale, the seed and the bias
    expect(plot.getAttribute('aria-label')).toContain('H = 4, weight scale 1, weights no. 2 and forget-gate bias 1');
    expect(text('flow-cell')).toMatch(/× 10⁻⁵$/);
    expect(text('flow-rnn')).toMatch(/× 10⁻¹⁸$/);
    expect(text('check-error')).toMatch(/× 10⁻⁷/);
    expect(screen.getByTestId('cell-check').textContent).toContain('they agree');
  });

  it('b_f to 0 drops the cell gradient and the check says it is below what a difference can see; T = 10 brings it back', () => {
    renderWithLab(<GradientFlowExplorer />);
    const rnnBefore = text('flow-rnn');
    fireEvent.change(slider('forget gate bias b f'), { target: { value: '0' } });
    expect(text('flow-cell')).toMatch(/× 10⁻¹¹$/);
    expect(text('flow-rnn')).toBe(rnnBefore);
    // the note gives the quotient's rounding, ε·|L|/δ with L's largest term, 2.46 × 10⁻¹², half the gradient
    expect(screen.getByTestId('check-unresolvable').textContent).toContain('L = 0.0661');
    expect(text('check-floor')).toBe('2.46 × 10⁻¹²');
    expect(text('check-floor-ratio')).toBe('0.519');
    fireEvent.change(slider('number of steps T'), { target: { value: '10' } });
    expect(screen.queryByTestId('check-unresolvable')).toBeNull();
    expect(screen.getByTestId('cell-check').textContent).toContain('they agree');
  });

  it('"Draw new weights" moves to the next seed; H and the scale are sliders by name', () => {
    renderWithLab(<GradientFlowExplorer />);
    expect(text('seed')).toBe('Weights no. 2');
    fireEvent.click(screen.getByRole('button', { name: 'Draw new weights' }));
    expect(text('seed')).toBe('Weights no. 3');
    fireEvent.change(slider('hidden size H'), { target: { value: '8' } });
    fireEvent.change(slider('weight scale'), { target: { value: '2' } });
    expect(screen.getByRole('img', { name: /H = 8/ })).toBeTruthy();
  });

  it('reads steps=100&bf=2&hidden=8 from the address; refuses steps=500 and bf=x, keeping the rest, and names them', () => {
    at('#/lstm?steps=100&bf=2&hidden=8');
    renderWithLab(<GradientFlowExplorer />);
    expect(slider('number of steps T').value).toBe('100');
    expect(slider('forget gate bias b f').value).toBe('2');
    cleanup();
    at('#/lstm?steps=abc&bf=x&hidden=3');
    const frame = renderFramed(<GradientFlowExplorer />);
    expect(slider('number of steps T').value).toBe('50');
    expect(slider('forget gate bias b f').value).toBe('1');
    expect(slider('hidden size H').value).toBe('3');
    const problems = frame.problems().join('; ');
    expect(problems).toContain('steps');
    expect(problems).toContain('bf');
  });

  it('in an embed with lock=bf&hide=seed the bias slider is disabled and the weights button gone', () => {
    render(
      <EmbedContext.Provider value={{ embedded: true, hidden: new Set(['seed']), locked: new Set(['bf']) }}>
        <LabProvider store={createLabStore()}>
          <TermScope>
            <GradientFlowExplorer />
          </TermScope>
        </LabProvider>
      </EmbedContext.Provider>,
    );
    expect(slider('forget gate bias b f').matches(':disabled')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Draw new weights' })).toBeNull();
  });
});

describe('<LstmOpener>', () => {
  it('raising b_f lifts the cell gradient and leaves the RNN’s', () => {
    renderWithLab(<LstmOpener />);
    const rnn = text('opener-rnn');
    const before = text('opener-cell');
    fireEvent.change(slider('forget gate bias b f of the opening plot'), { target: { value: '3' } });
    expect(text('opener-rnn')).toBe(rnn);
    expect(text('opener-cell')).not.toBe(before);
    expect(text('opener-cell')).toMatch(/^0\.0/);
  });
});

describe('the exercises', () => {
  const inSite = (ui: ReactElement) => render(<ProgressProvider store={createProgressStore(null)}>{ui}</ProgressProvider>);
  const region = () => screen.getByRole('region', { name: /^Exercise/ });
  const check = (label: string, typed: string) => {
    fireEvent.change(within(region()).getByRole('textbox', { name: `${label} =` }), { target: { value: typed } });
    fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
  };
  const status = () => within(region()).getByRole('status').textContent ?? '';
  const read = (s: string) => Number(s.replace('−', '-'));

  it('CellUpdateExercise: f·c + i·g from the numbers shown is right; f·c alone is named', () => {
    inSite(<CellUpdateExercise />);
    const t = region().textContent ?? '';
    const [c, f, i, g] = [/c = (−?[\d.]*\d)/, /f = ([\d.]*\d)/, /i = ([\d.]*\d)/, /g = (−?[\d.]*\d)/].map((r) => read(r.exec(t)![1]!)) as [number, number, number, number];
    check('c′', (f * c).toPrecision(3));
    expect(status()).toMatch(/f·c alone/);
    check('c′', (f * c + i * g).toPrecision(3));
    expect(status()).toMatch(/^Right/);
  });

  it('ForgetPowerExercise: f^T from the numbers shown is right', () => {
    inSite(<ForgetPowerExercise />);
    const t = region().textContent ?? '';
    const steps = Number(/T = (\d+)/.exec(t)![1]);
    const f = Number(/f = ([\d.]*\d)/.exec(t)![1]);
    const sub = String(steps).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]!);
    check(`∂L/∂c₀ ÷ ∂L/∂c${sub}`, (f ** steps).toPrecision(3));
    expect(status()).toMatch(/^Right/);
  });

  it('CellPathExercise: the code shows one detach, and the path left standing is right', () => {
    inSite(<CellPathExercise />);
    const code = region().querySelector('pre')?.textContent ?? '';
    const cellDetached = code.includes('c.detach()');
    fireEvent.click(within(region()).getByRole('radio', { name: cellDetached ? /Only through h and the gates/ : /Only along the cell path/ }));
    fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
    expect(status()).toMatch(/^Right/);
  });
});
