import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { LossRace } from '../../src/widgets/LossRace';
import { renderWithLab } from './renderWithLab';

const cell = (id: string) => screen.getByTestId(id);
const value = (id: string) => Number(cell(id).getAttribute('data-value'));

describe('<LossRace>', () => {
  it('starts at step 0 from the confidently wrong weights, with Play, Step and Reset', () => {
    renderWithLab(<LossRace />);
    expect(cell('race-step').textContent).toBe('Step 0 of 300.');
    expect(cell('race-weights-se').textContent).toBe('[−4.000, −4.000, 0.000]');
    for (const name of ['Play', 'Step', 'Reset']) expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'learning rate η' })).toBeTruthy();
  });

  it('Step changes both losses and both weight vectors', () => {
    renderWithLab(<LossRace />);
    const before = [value('race-loss-se'), value('race-loss-ce')];
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(cell('race-step').textContent).toBe('Step 1 of 300.');
    expect(value('race-loss-se')).toBeLessThan(before[0] ?? NaN);
    expect(value('race-loss-ce')).toBeLessThan(before[1] ?? NaN);
  });

  it('the neutral start shows ½ × ¼ = 0.1250 and ln 2 = 0.6931, and one Step is a quarter as long for squared error', () => {
    renderWithLab(<LossRace />);
    fireEvent.click(screen.getByRole('radio', { name: /^neutral/ }));
    expect(cell('race-loss-se').textContent).toBe('0.1250');
    expect(cell('race-loss-ce').textContent).toBe('0.6931');
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    const se = (cell('race-weights-se').getAttribute('data-value') ?? '').split(',').map(Number);
    const ce = (cell('race-weights-ce').getAttribute('data-value') ?? '').split(',').map(Number);
    se.forEach((w, k) => expect(w).toBeCloseTo((ce[k] ?? NaN) / 4, 15));
  });

  it('Reset goes back to step 0 with the same starting losses', () => {
    renderWithLab(<LossRace />);
    const start = value('race-loss-ce');
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(cell('race-step').textContent).toBe('Step 0 of 300.');
    expect(value('race-loss-ce')).toBe(start);
  });

  it('Play turns into Pause and advances on animation frames; Pause stops it', async () => {
    renderWithLab(<LossRace />);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    const step = Number(/Step (\d+)/.exec(cell('race-step').textContent ?? '')?.[1]);
    expect(step).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    const paused = cell('race-step').textContent;
    await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
    expect(cell('race-step').textContent).toBe(paused);
  });

  it('the learning-rate slider is clamped to its range and shown with one decimal', () => {
    renderWithLab(<LossRace />);
    const slider = screen.getByRole('slider', { name: 'learning rate η' });
    fireEvent.change(slider, { target: { value: '2.5' } });
    expect(slider.getAttribute('aria-valuetext')).toBe('2.5');
  });
});
