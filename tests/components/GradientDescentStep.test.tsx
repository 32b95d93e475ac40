import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { GradientDescentStep } from '../../src/widgets/GradientDescentStep';
import { renderWithLab } from './renderWithLab';

const E = Math.E;
const three = (v: number) => (v < 0 ? `−${(-v).toFixed(3)}` : v.toFixed(3));
/** −log softmax(z)_t, by hand */
const loss = (z: number[], t: number) => Math.log(z.reduce((s, v) => s + Math.exp(v), 0)) - (z[t] ?? NaN);
const softmax = (z: number[]) => {
  const d = z.reduce((s, v) => s + Math.exp(v), 0);
  return z.map((v) => Math.exp(v) / d);
};
const status = () => screen.getByTestId('descent-status').textContent;

describe('<GradientDescentStep>', () => {
  it('starts at the sliders’ logits with L = −log p2 = log(1 + e + e²) − 1', () => {
    renderWithLab(<GradientDescentStep />);
    expect(status()).toBe(`At the sliders' logits: L = ${three(Math.log(1 + E + E * E) - 1)}. Take a step.`);
  });

  it('"Take one gradient step" at η = 1 moves z to z − (p − y) and the loss falls', () => {
    const { store } = renderWithLab(<GradientDescentStep />);
    fireEvent.click(screen.getByRole('button', { name: 'Take one gradient step' }));
    const p = softmax([2, 3, 4]);
    const z = [2 - (p[0] ?? 0), 3 - ((p[1] ?? 0) - 1), 4 - (p[2] ?? 0)];
    expect(status()).toBe(`Step 1: the loss went from ${three(loss([2, 3, 4], 1))} to ${three(loss(z, 1))}.`);
    expect(loss(z, 1)).toBeLessThan(loss([2, 3, 4], 1));
    // the store's logits are the sliders': the steps do not move them
    expect(store.getState().logits).toEqual([2, 3, 4]);
  });

  it('a learning rate of 3 takes a step three times as long', () => {
    renderWithLab(<GradientDescentStep />);
    fireEvent.change(screen.getByRole('slider', { name: 'learning rate η' }), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Take one gradient step' }));
    const p = softmax([2, 3, 4]);
    const z = [2 - 3 * (p[0] ?? 0), 3 - 3 * ((p[1] ?? 0) - 1), 4 - 3 * (p[2] ?? 0)];
    expect(status()).toContain(`to ${three(loss(z, 1))}.`);
  });

  it('the loss plot lists every loss so far, and stops after 20 steps', () => {
    renderWithLab(<GradientDescentStep />);
    const take = screen.getByRole('button', { name: 'Take one gradient step' });
    for (let k = 0; k < 25; k++) fireEvent.click(take);
    const label = screen.getByRole('img', { name: /^Loss after each step:/ }).getAttribute('aria-label') ?? '';
    expect(label.split(', ')).toHaveLength(21);
    expect(status()).toContain('That is 20 steps: start again to take more.');
    const losses = [...label.matchAll(/(\d+\.\d{3})/g)].map((m) => Number(m[1]));
    losses.slice(1).forEach((v, k) => expect(v).toBeLessThanOrEqual(losses[k] ?? NaN));
  });

  it('"Start again from the sliders", or moving a slider, starts the run again', () => {
    const { store } = renderWithLab(<GradientDescentStep />);
    fireEvent.click(screen.getByRole('button', { name: 'Take one gradient step' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start again from the sliders' }));
    expect(status()).toMatch(/^At the sliders' logits/);
    fireEvent.click(screen.getByRole('button', { name: 'Take one gradient step' }));
    act(() => store.getState().setLogit(0, 0));
    expect(status()).toBe(`At the sliders' logits: L = ${three(loss([0, 3, 4], 1))}. Take a step.`);
  });

  it('the next step is written out: z1 falls by p1, z2 rises by 1 − p2, z3 falls by p3', () => {
    renderWithLab(<GradientDescentStep />);
    const p = softmax([2, 3, 4]);
    expect(screen.getByText(`The next step: z1 falls by ${three(p[0] ?? 0)}, z2 rises by ${three(1 - (p[1] ?? 0))}, z3 falls by ${three(p[2] ?? 0)}.`)).toBeTruthy();
  });
});
