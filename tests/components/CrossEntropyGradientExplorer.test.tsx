import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { CrossEntropyGradientExplorer } from '../../src/widgets/CrossEntropyGradientExplorer';
import { renderWithLab } from './renderWithLab';

// z = [2, 3, 4]: p = [1, e, e²] / (1 + e + e²); with y = [0, 1, 0], ∂L/∂z = [p1, p2 − 1, p3], by hand
const E = Math.E;
const D = 1 + E + E * E;
const P = [1 / D, E / D, (E * E) / D];
const p = (i: number) => P[i] ?? NaN;
const six = (v: number) => (v < 0 ? `−${(-v).toFixed(6)}` : v.toFixed(6));
const three = (v: number) => (v < 0 ? `−${(-v).toFixed(3)}` : v.toFixed(3));

const gradientTexts = () => [1, 2, 3].map((j) => screen.getByTestId(`g-text-${j}`).textContent);
const formula = () => screen.getByTestId('live-formula').getAttribute('aria-label') ?? '';
const checks = (container: HTMLElement) =>
  [...container.querySelectorAll('[aria-label="Live checks"] li')].map((li) => li.getAttribute('data-ok'));

describe('<CrossEntropyGradientExplorer>', () => {
  it('starts at the worked example: the true class 2 gets p2 − 1, the others get p1 and p3', () => {
    renderWithLab(<CrossEntropyGradientExplorer />);
    expect(gradientTexts()).toEqual([six(p(0)), six(p(1) - 1), six(p(2))]);
  });

  it('the gradient bars carry p − y exactly and state it in their text alternative', () => {
    const { container } = renderWithLab(<CrossEntropyGradientExplorer />);
    const bars = [1, 2, 3].map((j) => Number(container.querySelector(`svg [data-term="g-${j}"]`)?.getAttribute('data-value')));
    [p(0), p(1) - 1, p(2)].forEach((g, i) => expect(bars[i]).toBeCloseTo(g, 14));
    expect(
      screen.getByRole('img', { name: `Gradient ∂L/∂z = p − y: ∂L/∂z1 = ${three(p(0))}, ∂L/∂z2 = ${three(p(1) - 1)}, ∂L/∂z3 = ${three(p(2))}` }),
    ).toBeTruthy();
  });

  it('every live check holds at the worked example', () => {
    const { container } = renderWithLab(<CrossEntropyGradientExplorer />);
    expect(checks(container)).toEqual(['true', 'true', 'true', 'true', 'true']);
  });

  it('"Next step" and "Previous step" move through the five lines, stopping at either end', () => {
    renderWithLab(<CrossEntropyGradientExplorer />);
    const next = screen.getByRole('button', { name: 'Next step' });
    const previous = screen.getByRole('button', { name: 'Previous step' });
    expect(screen.getByTestId('step-count').textContent).toBe('Step 1 of 5: The loss');
    expect(previous.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(previous);
    expect(screen.getByTestId('step-count').textContent).toBe('Step 1 of 5: The loss');
    for (let k = 0; k < 6; k++) fireEvent.click(next);
    expect(screen.getByTestId('step-count').textContent).toBe('Step 5 of 5: The cancellation');
    expect(next.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(previous);
    expect(screen.getByTestId('step-count').textContent).toBe('Step 4 of 5: Their product: the chain rule');
  });

  it('each line is evaluated at the current numbers: L = −log p2, then −1/p2, then p2 − y2', () => {
    renderWithLab(<CrossEntropyGradientExplorer />);
    const next = screen.getByRole('button', { name: 'Next step' });
    expect(formula()).toContain(`= ${three(-Math.log(p(1)))}`);
    fireEvent.click(next);
    expect(formula()).toContain(`= [0.000, ${three(-1 / p(1))}, 0.000]`);
    fireEvent.click(next);
    // column 2 of J: p_i(δ_i2 − p2)
    expect(formula()).toContain(`[${three(-p(0) * p(1))}, ${three(p(1) * (1 - p(1)))}, ${three(-p(2) * p(1))}]`);
    fireEvent.click(next);
    fireEvent.click(next);
    expect(formula()).toContain(`p2 − y2 = ${three(p(1) - 1)}`);
  });

  it('"write out ∂L/∂z3" switches the product to class 3, which gets p3', () => {
    renderWithLab(<CrossEntropyGradientExplorer />);
    const next = screen.getByRole('button', { name: 'Next step' });
    for (let k = 0; k < 4; k++) fireEvent.click(next);
    fireEvent.click(screen.getByRole('button', { name: 'write out ∂L/∂z3' }));
    expect(formula()).toContain(`p3 − y3 = ${three(p(2))}`);
  });

  it('choosing "class 1" as the true class makes y one-hot at 1 and the gradient [p1 − 1, p2, p3]', () => {
    const { store } = renderWithLab(<CrossEntropyGradientExplorer />);
    fireEvent.click(screen.getByRole('radio', { name: 'class 1' }));
    expect(store.getState().labels).toEqual([1, 0, 0]);
    expect(gradientTexts()).toEqual([six(p(0) - 1), six(p(1)), six(p(2))]);
  });

  it('"Soften the label" gives y = 0.9·y + 0.1/3, and the gradient is still p − y', () => {
    const { store, container } = renderWithLab(<CrossEntropyGradientExplorer />);
    fireEvent.click(screen.getByRole('button', { name: /^Soften the label/ }));
    const y = [0.1 / 3, 0.9 + 0.1 / 3, 0.1 / 3];
    store.getState().labels.forEach((v, i) => expect(v).toBeCloseTo(y[i] ?? NaN, 15));
    expect(gradientTexts()).toEqual([0, 1, 2].map((i) => six(p(i) - (y[i] ?? NaN))));
    expect(screen.queryByRole('radio', { checked: true })).toBeNull();
    expect(checks(container)).toEqual(['true', 'true', 'true', 'true']);
  });

  it('moving "logit z3" to 0 recomputes the gradient: [p1, p2 − 1, p3] of z = [2, 3, 0]', () => {
    renderWithLab(<CrossEntropyGradientExplorer />);
    fireEvent.change(screen.getByRole('slider', { name: 'logit z3' }), { target: { value: '0' } });
    const d = E ** 2 + E ** 3 + 1;
    expect(gradientTexts()).toEqual([six(E ** 2 / d), six(E ** 3 / d - 1), six(1 / d)]);
  });

  it('with a confident true class the fused p − 1 and the subtraction differ, and the checks still hold', () => {
    const { container } = renderWithLab(<CrossEntropyGradientExplorer />, { logits: [-10, 10, -10] });
    // p2 − 1 = −2e⁻²⁰ / (1 + 2e⁻²⁰)
    const fused = (-2 * Math.exp(-20)) / (1 + 2 * Math.exp(-20));
    expect(screen.getByTestId('g-text-2').textContent).toBe(
      `−${(-fused / 1e-9).toFixed(5)} × 10⁻⁹`,
    );
    expect(checks(container)).toEqual(['true', 'true', 'true', 'true', 'true']);
  });

  it('focusing "logit z1" writes out component 1 and lights up z-1', () => {
    const { store } = renderWithLab(<CrossEntropyGradientExplorer />);
    const next = screen.getByRole('button', { name: 'Next step' });
    for (let k = 0; k < 4; k++) fireEvent.click(next);
    fireEvent.focus(screen.getByRole('slider', { name: 'logit z1' }));
    expect(store.getState().focus).toBe('z-1');
    expect(formula()).toContain(`p1 − y1 = ${three(p(0))}`);
  });
});
