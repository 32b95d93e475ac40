import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { OverflowExplorer } from '../../src/widgets/stability/OverflowExplorer';
import { EpsilonTrickExplorer } from '../../src/widgets/stability/EpsilonTrickExplorer';
import { FusedBackward } from '../../src/widgets/stability/FusedBackward';
import { createStabilityStore, StabilityProvider } from '../../src/widgets/stability/StabilityContext';
import { createLabStore } from '../../src/state/createLabStore';
import { LabProvider } from '../../src/state/LabContext';
import { TermScope } from '../../src/math/TermScope';
import { formatNumber } from '../../src/format/formatNumber';

/** Render the chapter's widgets as the chapter does: one stability store, inside a lab and a term scope. */
function renderStability(ui: ReactElement) {
  const store = createStabilityStore();
  const result = render(
    <LabProvider store={createLabStore()}>
      <StabilityProvider store={store}>
        <TermScope>{ui}</TermScope>
      </StabilityProvider>
    </LabProvider>,
  );
  return { store, ...result };
}
const text = (id: string) => (screen.getByTestId(id).textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<OverflowExplorer>', () => {
  it('starts at z = [2, 3, 4]: every cell finite, L = log(1 + e + e²) in all four', () => {
    renderStability(<OverflowExplorer />);
    const loss = Math.log(1 + Math.E + Math.E ** 2).toFixed(3);
    for (const id of ['naive-float32', 'naive-float64', 'stable-float32', 'stable-float64']) {
      expect(screen.getByTestId(`cell-${id}`).getAttribute('data-finite')).toBe('true');
      expect(text(`${id}-loss`)).toBe(loss);
    }
  });

  it('"logit z1" at 1000 shows NaN naively in both precisions, finite stably', () => {
    renderStability(<OverflowExplorer />);
    fireEvent.change(screen.getByRole('slider', { name: 'logit z1' }), { target: { value: '1000' } });
    expect(text('naive-float64-p-1')).toBe('NaN');
    expect(text('naive-float32-loss')).toBe('NaN');
    expect(text('stable-float64-loss')).toBe('0.000');
    expect(screen.getByTestId('naive-float64-p-1').className).toContain('result-nan');
    expect(text('readout-naive-loss')).toBe('NaN');
  });

  it('the preset z = [89, 0, 0] breaks float32 only, and the plot text says e^89 is ∞ in float32', () => {
    renderStability(<OverflowExplorer />);
    fireEvent.click(screen.getByRole('button', { name: /^z = \[89, 0, 0\]/ }));
    expect(screen.getByTestId('cell-naive-float32').getAttribute('data-finite')).toBe('false');
    expect(screen.getByTestId('cell-naive-float64').getAttribute('data-finite')).toBe('true');
    const plot = screen.getByRole('img', { name: /e to the z on a log scale/ }).getAttribute('aria-label') ?? '';
    expect(plot).toContain('z1 = 89.0: e^z is 4.49 × 10³⁸, ∞ in float32, finite in float64.');
  });

  it('a typed "abc" or "2000" is refused with a message and the logit stays; "-1000" is taken', () => {
    const { store } = renderStability(<OverflowExplorer />);
    const box = screen.getByRole('textbox', { name: 'type logit z2' });
    fireEvent.change(box, { target: { value: 'abc' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(text('typed-message')).toBe('z2: “abc” is not a number. z2 stays 3.');
    fireEvent.change(box, { target: { value: '2000' } });
    fireEvent.blur(box);
    expect(text('typed-message')).toBe('z2: 2000 is outside −1000 to 1000. z2 stays 3.');
    expect(store.getState().logits).toEqual([2, 3, 4]);
    fireEvent.change(box, { target: { value: '-1000' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(store.getState().logits).toEqual([2, -1000, 4]);
    expect(text('typed-message')).toBe('Type a logit from −1000 to 1000 and press Enter.');
  });

  it('the bars are keyboard sliders: End on bar z2 sets it to 1000', () => {
    const { store } = renderStability(<OverflowExplorer />);
    fireEvent.keyDown(screen.getByRole('slider', { name: 'logit z2 bar' }), { key: 'End' });
    expect(store.getState().logits).toEqual([2, 1000, 4]);
  });

  it('the true-class radios change which p the loss takes: class 3 at [2, 3, 4] gives L = log(1 + e⁻¹ + e⁻²)', () => {
    renderStability(<OverflowExplorer />);
    fireEvent.click(screen.getByRole('radio', { name: 'true class 3' }));
    expect(text('stable-float64-loss')).toBe(Math.log(1 + Math.exp(-1) + Math.exp(-2)).toFixed(3));
  });
});

describe('<EpsilonTrickExplorer> and <FusedBackward>', () => {
  it('at [−1000, 0, 1000] the trick loss is −ln 10⁻⁸ = 18.421 and keeps 0.0% of the gradient', () => {
    const { store } = renderStability(<EpsilonTrickExplorer />);
    fireEvent.click(screen.getByRole('button', { name: /^z = \[−1000, 0, 1000\]/ }));
    expect(store.getState().logits).toEqual([-1000, 0, 1000]);
    expect(text('epsilon-trick-loss')).toBe((8 * Math.LN10).toFixed(3));
    expect(text('epsilon-true-loss')).toBe('2000.000');
    expect(text('epsilon-gradient-kept')).toBe('0.0');
    const plot = screen.getByRole('slider', { name: /^true-class logit z1 on the error plot/ });
    expect(plot.getAttribute('aria-label')).toContain('log₁₀ p1 = −868.59 (left of the plot');
  });

  it('ε = 10⁻⁴ raises the error at [2, 3, 4]: −log(1 + 10⁻⁴/p₁) by hand', () => {
    renderStability(<EpsilonTrickExplorer />);
    fireEvent.click(screen.getByRole('radio', { name: 'ε = 10⁻⁴' }));
    const p = Math.exp(2) / (Math.exp(2) + Math.exp(3) + Math.exp(4));
    // −log(1 + 1e-4/0.0900) ≈ −1.11 × 10⁻³, shown as −0.001; the element carries the full value
    expect(text('epsilon-error')).toBe('−0.001');
    expect(Number(screen.getByTestId('epsilon-error').getAttribute('data-value'))).toBeCloseTo(-Math.log1p(1e-4 / p), 12);
  });

  it('the error plot handle moves the true-class logit: PageDown lowers z1 by 1', () => {
    const { store } = renderStability(<EpsilonTrickExplorer />);
    fireEvent.keyDown(screen.getByRole('slider', { name: /on the error plot/ }), { key: 'PageDown' });
    expect(store.getState().logits[0]).toBe(1);
  });

  it('FusedBackward at [2, 3, 4] agrees with p − y; at [−1000, 0, 1000] with ε = 0 the chain is NaN and the fused gradient [−1, 0, 1]', () => {
    renderStability(<FusedBackward />);
    const e = [Math.exp(2), Math.exp(3), Math.exp(4)];
    const s = e[0]! + e[1]! + e[2]!;
    expect(text('fused-1')).toBe(`−${(1 - e[0]! / s).toFixed(3)}`);
    expect(text('chain-1')).toBe(text('fused-1'));
    expect(text('backward-verdict')).toMatch(/^Both agree to/);
    fireEvent.click(screen.getByRole('button', { name: /^z = \[−1000, 0, 1000\]/ }));
    fireEvent.click(screen.getByRole('radio', { name: /^ε = 0/ }));
    expect(['fused-1', 'fused-2', 'fused-3'].map(text)).toEqual(['−1.000', '0.000', '1.000']);
    expect(['chain-1', 'chain-2', 'chain-3'].map(text)).toEqual(['NaN', 'NaN', 'NaN']);
    expect(text('backward-verdict')).toMatch(/^The unfused gradient is NaN/);
    expect(screen.getByTestId('backward-formula').getAttribute('aria-label')).toContain('Fused: ∂L/∂z = p − y = [−1.000, 0.000, 1.000]');
  });

  it('FusedBackward in float32 at [−30, 0, 0] with ε = 10⁻⁸: the chain has shrunk to nothing', () => {
    const { store } = renderStability(<FusedBackward />);
    fireEvent.click(screen.getByRole('radio', { name: 'float32' }));
    expect(store.getState().precision).toBe('float32');
    act(() => store.getState().setLogits([-30, 0, 0]));
    // float32: p₁ = e^{-30}/2 ≈ 4.7 × 10⁻¹⁴ ≪ ε: the chain keeps p₁/(p₁ + ε) ≈ 4.7 × 10⁻⁶ of the gradient
    const p = Math.exp(-30) / (Math.exp(-30) + 2);
    expect(text('backward-verdict')).toContain(`The unfused gradient has shrunk to ${formatNumber(100 * (p / (p + 1e-8)), 1)}% of p − y`);
    expect(formatNumber(100 * (p / (p + 1e-8)), 1)).toBe('5 × 10⁻⁴');
  });
});
