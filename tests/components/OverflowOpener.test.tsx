import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { OverflowOpener } from '../../src/chapters/stability/OverflowOpener';
import { OverflowExplorer } from '../../src/chapters/stability/OverflowExplorer';
import { createStabilityStore, StabilityProvider } from '../../src/chapters/stability/StabilityContext';
import { createLabStore } from '../../src/state/createLabStore';
import { LabProvider } from '../../src/state/LabContext';
import { TermScope } from '../../src/math/TermScope';

/** As the chapter renders it: one stability store for the opener and the widgets below it. */
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

const slider = () => screen.getByRole('slider', { name: 'logit z1 of the opening plot' });
const shown = (id: string) => (screen.getByTestId(id).textContent ?? '').replace(/\s+/g, ' ');
/** p = softmax(z) by hand, to three decimals as the readout prints it */
const softmaxText = (z: number[]) => {
  const e = z.map(Math.exp);
  const sum = e.reduce((a, b) => a + b, 0);
  return `[${e.map((v) => (v / sum).toFixed(3)).join(', ')}]`;
};

describe('<OverflowOpener>', () => {
  it('is a figure named "Overflow at a glance" whose first control is the z1 slider', () => {
    renderStability(<OverflowOpener />);
    const figure = screen.getByRole('figure', { name: 'Overflow at a glance' });
    expect(figure.querySelector('input, button, [tabindex="0"]')).toBe(slider());
  });

  it('starts at z = [2, 3, 4], where the naive and the stable softmax agree', () => {
    renderStability(<OverflowOpener />);
    expect(shown('opener-naive')).toBe(softmaxText([2, 3, 4]));
    expect(shown('opener-stable')).toBe(softmaxText([2, 3, 4]));
  });

  it('z1 = 709 is still finite in float64; z1 = 710 makes the naive p1 ∞/∞, written "not a number", while the stable p1 is 1', () => {
    renderStability(<OverflowOpener />);
    // ln(DBL_MAX) ≈ 709.78: e^709 ≈ 8.2 × 10³⁰⁷ is a double, e^710 is not
    expect(Number.isFinite(Math.exp(709))).toBe(true);
    expect(Math.exp(710)).toBe(Infinity);
    fireEvent.change(slider(), { target: { value: '709' } });
    // p = [1, e^{3−709}, e^{4−709}] / (1 + …): p1 rounds to 1.000, the others are below 10⁻³⁰⁶
    expect(shown('opener-naive')).toMatch(/^\[1\.000, /);
    expect(shown('opener-naive')).not.toContain('not a number');
    fireEvent.change(slider(), { target: { value: '710' } });
    // naive: e^710 = ∞, the sum is ∞, p1 = ∞/∞ (NaN) and p2 = e³/∞ = 0, p3 = e⁴/∞ = 0
    expect(shown('opener-naive')).toBe('[not a number, 0.000, 0.000]');
    // stable: shifted by 710, p1 = 1/(1 + e^{−707} + e^{−706}) = 1
    expect(shown('opener-stable')).toMatch(/^\[1\.000, /);
    expect(screen.getByRole('figure', { name: 'Overflow at a glance' }).textContent).not.toMatch(/NaN|undefined/);
  });

  it('z1 at 1000: e^z1 is ∞ in both precisions, the stable p is [1, 0, 0], and the plot says so', () => {
    renderStability(<OverflowOpener />);
    fireEvent.change(slider(), { target: { value: '1000' } });
    expect(slider().getAttribute('aria-valuetext')).toBe('1000');
    expect(shown('opener-naive')).toBe('[not a number, 0.000, 0.000]');
    // the stable form: e^{3−1000} and e^{4−1000} underflow to 0 (below −745.13), p1 = 1/1
    expect(shown('opener-stable')).toBe('[1.000, 0.000, 0.000]');
    expect(screen.getByRole('img', { name: /^e to the z/ }).getAttribute('aria-label')).toContain('z1 = 1000.0: e^z is about 10⁴³⁴·³, ∞ in float32 and in float64.');
  });

  it('shares the chapter’s logits with the overflow explorer below, both ways', () => {
    const { store } = renderStability(
      <>
        <OverflowOpener />
        <OverflowExplorer />
      </>,
    );
    fireEvent.change(slider(), { target: { value: '1000' } });
    expect(store.getState().logits).toEqual([1000, 3, 4]);
    expect(screen.getByRole('slider', { name: 'logit z1 bar' }).getAttribute('aria-valuenow')).toBe('1000');
    act(() => store.getState().setLogits([0, 0, 0]));
    expect((slider() as HTMLInputElement).value).toBe('0');
    expect(shown('opener-naive')).toBe('[0.333, 0.333, 0.333]');
  });
});
