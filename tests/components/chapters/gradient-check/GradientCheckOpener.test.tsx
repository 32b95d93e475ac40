import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { GradientCheckOpener } from '../../../../src/chapters/gradient-check/GradientCheckOpener';
import { GradientCheckExplorer } from '../../../../src/chapters/gradient-check/GradientCheckExplorer';
import { renderWithLab } from '../../renderWithLab';

const E = Math.E;
const slider = () => screen.getByRole('slider', { name: 'step h of the opening plot, as a power of ten' });
const read = (id: string) => screen.getByTestId(id).textContent ?? '';
/** "−0.7552715289" → −0.7552715289, "2.1 × 10⁻¹⁰" → 2.1e-10 */
function parse(text: string): number {
  const sup: Record<string, string> = { '⁻': '-', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
  const [mantissa = '', power] = text.replace('−', '-').split(' × 10');
  const exponent = power ? Number([...power].map((c) => sup[c] ?? c).join('')) : 0;
  return Number(mantissa) * 10 ** exponent;
}

// By hand, at the lab's start z = [2, 3, 4], y = [0, 1, 0], the loss in z₂ is f(z₂) = ln(e² + e^z₂ + e⁴) − z₂:
// f′ = p₂ − 1 with p₂ = e/(1 + e + e²), f‴ = p₂(1 − p₂)(1 − 2p₂), and the central difference's truncation
// error is f‴h²/6 + O(h⁴), a relative error of |f‴|h²/(6|f′|).
const p2 = E / (1 + E + E * E);
const exact = p2 - 1;
const third = p2 * (1 - p2) * (1 - 2 * p2);
const truncation = (h: number) => (Math.abs(third) * h * h) / (6 * Math.abs(exact));

describe('<GradientCheckOpener>', () => {
  it('is a figure named "The step of a finite difference at a glance" whose first control is its h slider', () => {
    renderWithLab(<GradientCheckOpener />);
    const figure = screen.getByRole('figure', { name: 'The step of a finite difference at a glance' });
    expect(figure.querySelector('input, button, [tabindex="0"]')).toBe(slider());
    expect(slider().getAttribute('aria-valuetext')).toBe('1.00 × 10⁻⁴');
  });

  it('starts at h = 10⁻⁴ with the exact ∂L/∂z₂ = p₂ − 1 and a central difference within 10⁻⁹ of it', () => {
    renderWithLab(<GradientCheckOpener />);
    expect(read('opener-exact')).toBe(`−${(-exact).toFixed(10)}`);
    expect(Math.abs(parse(read('opener-estimate')) - exact)).toBeLessThan(1e-9);
    // truncation alone at h = 10⁻⁴ is about 2 × 10⁻¹⁰; rounding adds no more than ε|f|/(h|f′|) ≈ 4 × 10⁻¹²
    expect(parse(read('opener-error'))).toBeCloseTo(truncation(1e-4), 11);
    expect(screen.getByRole('img', { name: /^Relative error of the central difference of ∂L\/∂z₂/ }).getAttribute('aria-label')).toContain(
      `exact −${(-exact).toFixed(10)}`,
    );
  });

  it('its text alternative at h = 10⁻⁴ states estimate −0.7552715288, exact −0.7552715289, relative error 2.1 × 10⁻¹⁰', () => {
    renderWithLab(<GradientCheckOpener />);
    // The estimate by hand: f′ + f‴h²/6 = −0.75527152894520 + 1.5728 × 10⁻¹⁰ = −0.75527152878792 (the h⁴
    // term is 10⁻¹⁸); a 50-digit mpmath central difference gives the same 14 digits. Float64 rounding moves
    // it by at most ε|f|/h ≈ 3 × 10⁻¹², far from the 3.8 × 10⁻¹¹ that would change the tenth decimal, and
    // the relative error by about 4 × 10⁻¹², well inside 2.08 × 10⁻¹⁰'s two shown digits.
    const estimate = exact + (third * 1e-8) / 6;
    expect([estimate.toFixed(10), exact.toFixed(10)]).toEqual(['-0.7552715288', '-0.7552715289']);
    expect(truncation(1e-4).toExponential(2)).toBe('2.08e-10');
    expect(screen.getByRole('img', { name: /^Relative error of the central difference/ }).getAttribute('aria-label')).toContain(
      'At h = 1.00 × 10⁻⁴: estimate −0.7552715288, exact −0.7552715289, relative error 2.1 × 10⁻¹⁰.',
    );
  });

  it('moving h down from 10⁻¹ to 10⁻¹⁶: the error falls with h², then climbs back to 1 when the step is lost', () => {
    renderWithLab(<GradientCheckOpener />);
    fireEvent.change(slider(), { target: { value: '-1' } });
    const large = parse(read('opener-error'));
    // at h = 0.1 the h⁴ term is 10⁻⁴ of the h² one: two shown digits of the closed form
    expect(large / truncation(0.1)).toBeCloseTo(1, 1);
    fireEvent.change(slider(), { target: { value: '-4' } });
    const middle = parse(read('opener-error'));
    expect(middle).toBeLessThan(large / 1e5);
    fireEvent.change(slider(), { target: { value: '-16' } });
    // 3 ± 10⁻¹⁶ rounds back to 3 in float64 (the spacing there is 2⁻⁵¹ ≈ 4.4 × 10⁻¹⁶): f(x + h) − f(x − h) = 0
    expect(3 + 1e-16).toBe(3);
    expect(read('opener-estimate')).toBe('0 (exactly)');
    expect(parse(read('opener-error'))).toBe(1);
    expect(slider().getAttribute('aria-valuetext')).toBe('1.00 × 10⁻¹⁶');
  });

  it('differentiates at the lab’s logits: z = [0, 0, 0] makes the exact derivative 1/3 − 1', () => {
    renderWithLab(<GradientCheckOpener />, { logits: [0, 0, 0] });
    expect(read('opener-exact')).toBe('−0.6666666667');
  });

  it('shares the logits with the explorer below but keeps its own h', () => {
    const { store } = renderWithLab(
      <>
        <GradientCheckOpener />
        <GradientCheckExplorer />
      </>,
    );
    act(() => store.getState().setLogit(1, 2));
    // z = [2, 2, 4]: p₂ = e²/(2e² + e⁴) = 1/(2 + e²)
    expect(read('opener-exact')).toBe(`−${(1 - 1 / (2 + E * E)).toFixed(10)}`);
    fireEvent.change(slider(), { target: { value: '-10' } });
    expect(screen.getByRole('slider', { name: 'step h, as a power of ten' }).getAttribute('aria-valuetext')).toBe('−4.00');
  });
});
