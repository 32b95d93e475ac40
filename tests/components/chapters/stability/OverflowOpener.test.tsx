import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { OverflowOpener } from '../../../../src/chapters/stability/OverflowOpener';
import { OverflowExplorer } from '../../../../src/chapters/stability/OverflowExplorer';
import { describeExponential } from '../../../../src/chapters/stability/ExponentialPlot';
import { createStabilityStore, StabilityProvider } from '../../../../src/chapters/stability/StabilityContext';
import { createLabStore } from '../../../../src/state/createLabStore';
import { LabProvider } from '../../../../src/state/LabContext';
import { TermScope } from '../../../../src/math/TermScope';

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

describe('describeExponential', () => {
  it('writes an e^z beyond float64 as a mantissa times an integer power of ten: e^1000 = 1.9700711140170 × 10⁴³⁴ → "about 1.97 × 10⁴³⁴"', () => {
    expect(describeExponential(1000)).toBe('about 1.97 × 10⁴³⁴');
    // e^−1000 = 1 / (1.9700711 × 10⁴³⁴) = 5.0759589 × 10⁻⁴³⁵ (float64 underflows it to 0)
    expect(Math.exp(-1000)).toBe(0);
    expect(describeExponential(-1000)).toBe('about 5.08 × 10⁻⁴³⁵');
  });

  it('keeps a value float64 holds to full precision: e^709 = 8.2184 × 10³⁰⁷, e^2 = 7.389', () => {
    expect(describeExponential(709)).toBe('8.22 × 10³⁰⁷');
    expect(describeExponential(2)).toBe('7.389');
  });

  it('writes a subnormal e^z from its logarithm: e^−744 = 7.6719 × 10⁻³²⁴, which float64 rounds to 2 × 4.94 × 10⁻³²⁴', () => {
    // below e^−708.40 = 2.2 × 10⁻³⁰⁸ a double has fewer than 53 bits; at 10⁻³²³ only a few are left
    expect(Math.exp(-744)).toBe(2 * Number.MIN_VALUE);
    expect(describeExponential(-744)).toBe('about 7.67 × 10⁻³²⁴');
  });

  it('carries a mantissa that rounds to 10 into the power: e^(400 ln 10 − 10⁻⁴) = 9.9990 × 10³⁹⁹ → "about 1.00 × 10⁴⁰⁰"', () => {
    expect(describeExponential(400 * Math.LN10 - 1e-4)).toBe('about 1.00 × 10⁴⁰⁰');
  });
});

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

  it('its plot’s text alternative starts with e² = 7.389, e³ = 20.086, e⁴ = 54.598 and the thresholds ln(FLT_MAX) = 88.72, ln(DBL_MAX) = 709.78', () => {
    renderStability(<OverflowOpener />);
    // FLT_MAX = (2 − 2⁻²³)·2¹²⁷: ln = 88.7228; DBL_MAX = (2 − 2⁻⁵²)·2¹⁰²³ (Number.MAX_VALUE): ln = 709.7827
    expect([Math.log((2 - 2 ** -23) * 2 ** 127).toFixed(2), Math.log(Number.MAX_VALUE).toFixed(2)]).toEqual(['88.72', '709.78']);
    // e² = 7.38906, e³ = 20.08554, e⁴ = 54.59815
    expect([Math.E ** 2, Math.E ** 3, Math.E ** 4].map((v) => v.toFixed(3))).toEqual(['7.389', '20.086', '54.598']);
    expect(screen.getByRole('img', { name: /^e to the z/ }).getAttribute('aria-label')).toBe(
      'e to the z on a log scale against z from −1000 to 1000, a straight line. ' +
        'It overflows to infinity above ln(FLT_MAX) = 88.72 in float32 and above ln(DBL_MAX) = 709.78 in float64. ' +
        'z1 = 2.0: e^z is 7.389, finite in both. z2 = 3.0: e^z is 20.086, finite in both. z3 = 4.0: e^z is 54.598, finite in both.',
    );
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
    // e^1000 = 10^(1000 log₁₀ e) = 10^434.294… = 1.9700711140170 × 10⁴³⁴
    expect(screen.getByRole('img', { name: /^e to the z/ }).getAttribute('aria-label')).toContain('z1 = 1000.0: e^z is about 1.97 × 10⁴³⁴, ∞ in float32 and in float64.');
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
