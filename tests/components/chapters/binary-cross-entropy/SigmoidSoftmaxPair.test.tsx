import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { SigmoidSoftmaxPair } from '../../../../src/chapters/binary-cross-entropy/SigmoidSoftmaxPair';
import { renderWithLab } from '../../renderWithLab';

const E = Math.E;

describe('<SigmoidSoftmaxPair>', () => {
  it('at z = −1, softmax([z, 0])₁ and σ(z) both read 1/(1 + e), and differ by 0', () => {
    renderWithLab(<SigmoidSoftmaxPair />);
    const first = screen.getByTestId('pair-check-1');
    const v = (1 / (1 + E)).toFixed(6);
    expect(first.textContent).toContain(`softmax([z, 0])₁ = ${v} and σ(z) = ${v}`);
    expect(first.getAttribute('data-ok')).toBe('true');
    expect(screen.getByTestId('pair-check-2').textContent).toContain(`= ${(E / (1 + E)).toFixed(6)}`);
  });

  it('the bars carry softmax([z, 0]) and σ(±z) with their exact values', () => {
    const { container } = renderWithLab(<SigmoidSoftmaxPair />, { binaryLogit: 2 });
    const bar = (id: string) => Number(container.querySelector(`svg [data-term="${id}"]`)?.getAttribute('data-value'));
    const s = 1 / (1 + Math.exp(-2));
    expect(bar('q-1')).toBeCloseTo(s, 15);
    expect(bar('y-hat')).toBeCloseTo(s, 15);
    expect(bar('q-2')).toBeCloseTo(1 - s, 15);
    expect(bar('one-minus-y-hat')).toBeCloseTo(1 - s, 15);
    expect(screen.getByRole('img', { name: /q₁ = 0.881, σ\(z\) = 0.881, q₂ = 0.119, 1 − σ\(z\) = 0.119/ })).toBeTruthy();
  });

  it('its own slider moves the shared binary logit, and the check still holds', () => {
    const { store } = renderWithLab(<SigmoidSoftmaxPair />);
    fireEvent.change(screen.getByRole('slider', { name: 'binary logit z, beside the two-class softmax' }), { target: { value: '7.5' } });
    expect(store.getState().binaryLogit).toBe(7.5);
    expect(screen.getByTestId('pair-check-1').getAttribute('data-ok')).toBe('true');
    expect(screen.getByTestId('pair-check-1').textContent).toContain(`σ(z) = ${(1 / (1 + Math.exp(-7.5))).toFixed(6)}`);
  });
});
