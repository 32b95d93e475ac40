import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { BinaryCrossEntropyExplorer } from '../../../../src/chapters/binary-cross-entropy/BinaryCrossEntropyExplorer';
import { renderWithLab } from '../../renderWithLab';

// By hand: σ(z) = 1/(1 + e^{−z}); at z = −1, ŷ = 1/(1 + e), 1 − ŷ = e/(1 + e).
const E = Math.E;
const shown = (v: number) => (v < 0 ? `−${(-v).toFixed(3)}` : v.toFixed(3));
const text = (id: string) => screen.getByTestId(id).textContent;
const checks = (container: HTMLElement) => [...container.querySelectorAll('.checks li')].map((li) => li.getAttribute('data-ok'));

describe('<BinaryCrossEntropyExplorer>', () => {
  it('starts at z = −1, t = 1: ŷ = 1/(1 + e), L = ln(1 + e), ∂L/∂ŷ = −(1 + e), ∂L/∂z = ŷ − 1', () => {
    renderWithLab(<BinaryCrossEntropyExplorer />);
    expect(text('bce-y-hat')).toBe(`ŷ = σ(z) = ${shown(1 / (1 + E))}`);
    expect(text('bce-loss')).toBe(`L = ${shown(Math.log(1 + E))}`);
    expect(text('bce-grad-y-hat')).toBe(`∂L/∂ŷ = ${shown(-(1 + E))}`);
    expect(text('bce-grad-z')).toBe(`∂L/∂z = ŷ − t = ${shown(1 / (1 + E) - 1)}`);
  });

  it('has the slider "binary logit z" and the radio group "label t" with t = 1 and t = 0', () => {
    renderWithLab(<BinaryCrossEntropyExplorer />);
    expect(screen.getByRole('slider', { name: 'binary logit z' }).getAttribute('value')).toBe('-1');
    const group = screen.getByRole('radiogroup', { name: 'label t' });
    expect(group).toBeTruthy();
    expect((screen.getByRole('radio', { name: 't = 1 (positive)' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 't = 0 (negative)' }) as HTMLInputElement).checked).toBe(false);
  });

  it('choosing t = 0 gives L = ln(1 + e⁻¹), ∂L/∂ŷ = 1/(1 − ŷ) and ∂L/∂z = ŷ', () => {
    const { store } = renderWithLab(<BinaryCrossEntropyExplorer />);
    fireEvent.click(screen.getByRole('radio', { name: 't = 0 (negative)' }));
    expect(store.getState().binaryTarget).toBe(0);
    expect(text('bce-loss')).toBe(`L = ${shown(Math.log(1 + 1 / E))}`);
    expect(text('bce-grad-y-hat')).toBe(`∂L/∂ŷ = ${shown((1 + E) / E)}`);
    expect(text('bce-grad-z')).toBe(`∂L/∂z = ŷ − t = ${shown(1 / (1 + E))}`);
  });

  it('moving "binary logit z" to 0 gives ŷ = ½, L = log 2 and ∂L/∂z = −½', () => {
    const { store } = renderWithLab(<BinaryCrossEntropyExplorer />);
    fireEvent.change(screen.getByRole('slider', { name: 'binary logit z' }), { target: { value: '0' } });
    expect(store.getState().binaryLogit).toBe(0);
    expect(text('bce-y-hat')).toBe('ŷ = σ(z) = 0.500');
    expect(text('bce-loss')).toBe(`L = ${shown(Math.LN2)}`);
    expect(text('bce-grad-y-hat')).toBe('∂L/∂ŷ = −2.000');
    expect(text('bce-grad-z')).toBe('∂L/∂z = ŷ − t = −0.500');
  });

  it('every live check holds across the slider range, for both labels', () => {
    const { container, store } = renderWithLab(<BinaryCrossEntropyExplorer />);
    for (const t of [0, 1] as const) {
      for (const z of [-10, -7.3, -1, 0, 0.1, 2.5, 9.9, 10]) {
        store.getState().setBinaryTarget(t);
        fireEvent.change(screen.getByRole('slider', { name: 'binary logit z' }), { target: { value: String(z) } });
        expect(checks(container), `z = ${z}, t = ${t}`).toEqual(['true', 'true', 'true', 'true', 'true']);
      }
    }
  });

  it('each plot is a keyboard handle on z: ArrowRight adds 0.1, Home goes to −10', () => {
    const { store } = renderWithLab(<BinaryCrossEntropyExplorer />);
    const plots = screen.getAllByRole('slider', { name: /^binary logit z, on the plot of/ });
    expect(plots).toHaveLength(4);
    fireEvent.keyDown(plots[0] as Element, { key: 'ArrowRight' });
    expect(store.getState().binaryLogit).toBe(-0.9);
    fireEvent.keyDown(plots[3] as Element, { key: 'Home' });
    expect(store.getState().binaryLogit).toBe(-10);
  });

  it('marks the current z on every curve: the markers carry ŷ, L and the derivatives for both labels', () => {
    const { container } = renderWithLab(<BinaryCrossEntropyExplorer />);
    const marker = (id: string) => Number(container.querySelector(`svg circle[data-term="${id}"]`)?.getAttribute('data-value'));
    const yHat = 1 / (1 + E);
    expect(marker('y-hat')).toBeCloseTo(yHat, 14);
    expect(marker('sigma-prime')).toBeCloseTo(yHat * (1 - yHat), 14);
    expect(marker('bce-t1')).toBeCloseTo(Math.log(1 + E), 14);
    expect(marker('bce-t0')).toBeCloseTo(Math.log(1 + 1 / E), 14);
    expect(marker('dbce-dyhat-t1')).toBeCloseTo(-(1 + E), 13);
    expect(marker('dbce-dyhat-t0')).toBeCloseTo((1 + E) / E, 13);
    expect(marker('dbce-dz-t1')).toBeCloseTo(yHat - 1, 14);
    expect(marker('dbce-dz-t0')).toBeCloseTo(yHat, 14);
  });

  it('focusing a formula term lights up the marker with the same id', async () => {
    const { container, store } = renderWithLab(<BinaryCrossEntropyExplorer />);
    const inFormula = await waitFor(() => {
      const el = container.querySelector('[data-testid="live-formula"] [data-term="bce-t1"]');
      if (!el) throw new Error('the formula is not typeset yet');
      return el;
    });
    fireEvent.pointerOver(inFormula);
    expect(store.getState().focus).toBe('bce-t1');
    expect(container.querySelector('style')?.textContent).toContain('[data-term="bce-t1"]');
    expect(container.querySelector('svg circle[data-term="bce-t1"]')).not.toBeNull();
  });

  it('the live formulas state their numbers in words', () => {
    renderWithLab(<BinaryCrossEntropyExplorer />);
    const label = screen.getByTestId('live-formula').getAttribute('aria-label') ?? '';
    expect(label).toContain(`ŷ = σ(z) = 1 / (1 + e^(−z)) = 1 / (1 + e^(−(−1.00))) = ${shown(1 / (1 + E))}`);
    expect(label).toContain(`∂L/∂ŷ = −t/ŷ + (1 − t)/(1 − ŷ) = −1/ŷ = −1 / ${shown(1 / (1 + E))} = ${shown(-(1 + E))}`);
    expect(label).toContain(`= ŷ − t = ${shown(1 / (1 + E))} − 1 = ${shown(1 / (1 + E) - 1)}`);
  });

  it('the plots state their numbers as text', () => {
    renderWithLab(<BinaryCrossEntropyExplorer />);
    const names = screen.getAllByRole('slider', { name: /^binary logit z, on the plot of/ }).map((p) => p.getAttribute('aria-label'));
    expect(names[0]).toContain(`at z = −1.00, σ(z) = ${shown(1 / (1 + E))}`);
    expect(names[1]).toContain(`L = ${shown(Math.log(1 + E))} for t = 1 and ${shown(Math.log(1 + 1 / E))} for t = 0`);
  });

  it('never prints NaN or "undefined", even at the ends of the range', () => {
    const { container } = renderWithLab(<BinaryCrossEntropyExplorer />, { binaryLogit: 10, binaryTarget: 0 });
    expect(container.textContent).not.toMatch(/NaN|undefined/);
    expect(text('bce-loss')).toBe(`L = ${shown(10 + Math.log1p(Math.exp(-10)))}`);
  });
});
