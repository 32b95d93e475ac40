import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SoftmaxExplorer } from '../../../../src/chapters/softmax/SoftmaxExplorer';
import { renderWithLab, shownProbabilities } from '../../renderWithLab';

// softmax([2, 3, 4]) by hand: e^2, e^3, e^4 over their sum = 1 / (1 + e + e²) · [1, e, e²]
const E = Math.E;
const WORKED = [1, E, E * E].map((v) => v / (1 + E + E * E));

describe('<SoftmaxExplorer>', () => {
  it('starts at the worked example: p1 = 0.090, p2 = 0.245, p3 = 0.665', () => {
    renderWithLab(<SoftmaxExplorer />);
    expect(screen.getByText('p1 = 0.090')).toBeTruthy();
    expect(screen.getByText('p2 = 0.245')).toBeTruthy();
    expect(screen.getByText('p3 = 0.665')).toBeTruthy();
  });

  it('has one slider per logit named "logit z1", "logit z2", …', () => {
    renderWithLab(<SoftmaxExplorer />);
    const names = ['logit z1', 'logit z2', 'logit z3'];
    for (const name of names) expect(screen.getByRole('slider', { name }).getAttribute('value')).not.toBeNull();
    expect(screen.queryByRole('slider', { name: 'logit z4' })).toBeNull();
  });

  it('moving "logit z3" changes the probabilities, which still sum to 1', () => {
    const { container, store } = renderWithLab(<SoftmaxExplorer />);
    fireEvent.change(screen.getByRole('slider', { name: 'logit z3' }), { target: { value: '0' } });
    expect(store.getState().logits).toEqual([2, 3, 0]);
    // z = [2, 3, 0]: p = [e², e³, 1] / (e² + e³ + 1)
    const d = E ** 2 + E ** 3 + 1;
    expect(shownProbabilities(container)).toEqual([E ** 2 / d, E ** 3 / d, 1 / d].map((v) => Number(v.toFixed(3))));
    const bars = [...container.querySelectorAll<SVGElement>('svg [data-term^="p-"]')];
    const total = bars.reduce((s, b) => s + Number(b.getAttribute('data-value')), 0);
    expect(Math.abs(total - 1)).toBeLessThan(1e-12);
  });

  it('the probability bars carry the exact probabilities of the worked example', () => {
    const { container } = renderWithLab(<SoftmaxExplorer />);
    const values = [1, 2, 3].map((i) => Number(container.querySelector(`svg [data-term="p-${i}"]`)?.getAttribute('data-value')));
    values.forEach((v, i) => expect(v).toBeCloseTo(WORKED[i] ?? NaN, 14));
  });

  it('"Add 1 to every logit" moves every logit and leaves every probability as it was', () => {
    const { container, store } = renderWithLab(<SoftmaxExplorer />);
    const before = shownProbabilities(container);
    fireEvent.click(screen.getByRole('button', { name: 'Add 1 to every logit' }));
    expect(store.getState().logits).toEqual([3, 4, 5]);
    expect(shownProbabilities(container)).toEqual(before);
    expect(screen.getByText(/the probabilities did not change/)).toBeTruthy();
  });

  it('the last check shows the smooth maximum ln Σₖ exp(zₖ) = 4 + ln(1 + e⁻¹ + e⁻²) beside max z, and T·LSE(z/T) at T = 0.5', () => {
    renderWithLab(<SoftmaxExplorer />);
    const gap = Math.log1p(1 / E + 1 / (E * E));
    expect(screen.getByTestId('smooth-maximum').textContent).toBe(
      `Smooth maximum: ln Σₖ exp(zₖ) = ${(4 + gap).toFixed(3)}, above max z = 4.000 by ${gap.toFixed(3)} (at most ln 3 = 1.099).`,
    );
    expect(screen.getByTestId('smooth-maximum').getAttribute('data-ok')).toBe('true');
    fireEvent.change(screen.getByRole('slider', { name: 'temperature T' }), { target: { value: '0.5' } });
    const gapHalf = 0.5 * Math.log1p(Math.exp(-2) + Math.exp(-4));
    expect(screen.getByTestId('smooth-maximum').textContent).toBe(
      `Smooth maximum: 0.50 ln Σₖ exp(zₖ/0.50) = ${(4 + gapHalf).toFixed(3)}, above max z = 4.000 by ${gapHalf.toFixed(3)} (at most 0.50 ln 3 = 0.549).`,
    );
  });

  it('"Subtract 1 from every logit" says what it did: the probabilities did not change', () => {
    renderWithLab(<SoftmaxExplorer />);
    fireEvent.click(screen.getByRole('button', { name: 'Subtract 1 from every logit' }));
    expect(screen.getByText('Subtracted 1 from every logit: the probabilities did not change.')).toBeTruthy();
  });

  it('the shift buttons are disabled when a logit would leave the range', () => {
    renderWithLab(<SoftmaxExplorer />, { logits: [9.5, 0, 1] });
    expect(screen.getByRole('button', { name: 'Add 1 to every logit' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Subtract 1 from every logit' }).hasAttribute('disabled')).toBe(false);
  });

  it('a temperature of 5 flattens the distribution towards uniform', () => {
    const { container } = renderWithLab(<SoftmaxExplorer />);
    fireEvent.change(screen.getByRole('slider', { name: 'temperature T' }), { target: { value: '5' } });
    // z / 5 = [0.4, 0.6, 0.8]
    const w = [0.4, 0.6, 0.8].map(Math.exp);
    const d = w.reduce((a, b) => a + b);
    expect(shownProbabilities(container)).toEqual(w.map((v) => Number((v / d).toFixed(3))));
  });

  it('"Add a class" and "Remove a class" change the count of sliders between 2 and 8', () => {
    renderWithLab(<SoftmaxExplorer />);
    const add = screen.getByRole('button', { name: 'Add a class' });
    for (let i = 0; i < 6; i++) fireEvent.click(add);
    expect(screen.getAllByRole('slider', { name: /^logit z\d$/ })).toHaveLength(8);
    expect(add.hasAttribute('disabled')).toBe(true);
    const remove = screen.getByRole('button', { name: 'Remove a class' });
    for (let i = 0; i < 7; i++) fireEvent.click(remove);
    expect(screen.getAllByRole('slider', { name: /^logit z\d$/ })).toHaveLength(2);
    expect(remove.hasAttribute('disabled')).toBe(true);
  });

  it('"Restore the worked example" brings back 0.090, 0.245, 0.665', () => {
    const { container } = renderWithLab(<SoftmaxExplorer />, { logits: [0, 0, 0, 0], temperature: 2 });
    fireEvent.click(screen.getByRole('button', { name: 'Restore the worked example' }));
    expect(shownProbabilities(container)).toEqual([0.09, 0.245, 0.665]);
  });

  it('a logit bar answers the arrow keys: ArrowUp adds one step of 0.1', () => {
    const { store } = renderWithLab(<SoftmaxExplorer />);
    fireEvent.keyDown(screen.getByRole('slider', { name: 'logit z1 bar' }), { key: 'ArrowUp' });
    expect(store.getState().logits[0]).toBe(2.1);
    fireEvent.keyDown(screen.getByRole('slider', { name: 'logit z1 bar' }), { key: 'End' });
    expect(store.getState().logits[0]).toBe(10);
  });

  it('focusing "logit z2" lights up the term z-2 in the formula and the plot', () => {
    const { container, store } = renderWithLab(<SoftmaxExplorer />);
    fireEvent.focus(screen.getByRole('slider', { name: 'logit z2' }));
    expect(store.getState().focus).toBe('z-2');
    const rule = container.querySelector('style')?.textContent ?? '';
    expect(rule).toContain('[data-term="z-2"]');
    // both sides carry the id the rule selects
    expect(container.querySelector('[data-testid="live-formula"] [data-term="z-2"]')).not.toBeNull();
    expect(container.querySelector('svg [data-term="z-2"]')).not.toBeNull();
  });

  it('hovering a probability shows that class’s fraction in the live formula', () => {
    const { container, store } = renderWithLab(<SoftmaxExplorer />);
    const formula = screen.getByRole('img', { name: /^Live formula:/ });
    expect(formula.getAttribute('aria-label')).toMatch(/^Live formula: p3 = /);
    fireEvent.pointerOver(container.querySelector('[data-testid="p-text-1"]') as Element);
    expect(store.getState().focus).toBe('p-1');
    // p1 = e² / (e² + e³ + e⁴), written out with the core's numbers
    expect(formula.getAttribute('aria-label')).toBe(
      'Live formula: p1 = e^(z1/T) divided by the sum over j of e^(z_j/T) = e^(2.00) / (e^(2.00) + e^(3.00) + e^(4.00)) = 7.389 / 82.073 = 0.090',
    );
    expect(container.querySelector('[data-testid="live-formula"] [data-term="p-1"]')?.textContent).toBe('0.090');
  });

  it('the live formula follows the store at every step', async () => {
    const { container } = renderWithLab(<SoftmaxExplorer />);
    const slider = screen.getByRole('slider', { name: 'logit z1' });
    for (const z of ['2.5', '3', '3.7', '3.9']) {
      fireEvent.change(slider, { target: { value: z } });
      // p3 = e⁴ / (e^z + e³ + e⁴), by hand
      const p3 = (E ** 4 / (E ** Number(z) + E ** 3 + E ** 4)).toFixed(3);
      await waitFor(() =>
        expect(container.querySelector('[data-testid="live-formula"] [data-term="p-3"]')?.textContent).toBe(p3),
      );
      expect(container.querySelector('[data-testid="live-formula"] [data-term="z-1"]')?.textContent).toBe(
        Number(z).toFixed(2),
      );
    }
  });

  it('the plots state their numbers as text', () => {
    renderWithLab(<SoftmaxExplorer />);
    expect(screen.getByRole('img', { name: /Probability bars: p1 = 0.090, p2 = 0.245, p3 = 0.665/ })).toBeTruthy();
    expect(screen.getByRole('group', { name: /Logit bars: z1 = 2.00, z2 = 3.00, z3 = 4.00/ })).toBeTruthy();
  });
});
