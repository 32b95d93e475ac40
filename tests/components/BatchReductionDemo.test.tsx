import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { BatchReductionDemo } from '../../src/widgets/backprop/BatchReductionDemo';
import { backpropStore, initialBackpropInputs } from '../../src/widgets/backprop/backpropStore';
import { renderWithLab } from './renderWithLab';

beforeEach(() => {
  backpropStore.setState(initialBackpropInputs());
});

const cell = (reduction: 'mean' | 'sum', m: number) => screen.getByTestId(`bp-final-${reduction}-${m}`).textContent ?? '';
const allDone = () => waitFor(() => expect(screen.getByTestId('bp-batch-progress').textContent).toMatch(/^All 10 runs done/), { timeout: 40_000 });
const number = (text: string) => Number(text.replace('−', '-'));

describe('<BatchReductionDemo>', () => {
  it('at η = 0.1 the mean learns at every m, the sum at m = 10 and diverges at m = 1000, and nothing reads NaN', async () => {
    const { container } = renderWithLab(<BatchReductionDemo />);
    expect(screen.getByTestId('bp-batch-progress').textContent).toMatch(/^Training: 0 of 10 runs done/);
    await allDone();
    for (const m of [10, 30, 100, 300, 1000]) {
      // three separated blobs: far below ln 3 ≈ 1.10, the loss of a uniform guess
      expect(number(cell('mean', m))).toBeLessThan(0.1);
    }
    expect(number(cell('sum', 10))).toBeLessThan(0.1);
    expect(cell('sum', 1000)).toMatch(/^diverged \(ends at [\d.]+, peak [\d.]+/);
    expect(container.textContent).not.toMatch(/NaN|undefined/);
    const plot = screen.getByRole('img', { name: /^Final loss per sample after 300 steps/ });
    expect(plot.getAttribute('aria-label')).toContain('m = 1000: diverged');
  }, 60_000);

  it('the reduction switch is the trainer’s: choosing "sum" sets the chapter store’s reduction', () => {
    renderWithLab(<BatchReductionDemo />);
    expect(backpropStore.getState().reduction).toBe('mean');
    fireEvent.click(screen.getByRole('radio', { name: /^sum/ }));
    expect(backpropStore.getState().reduction).toBe('sum');
    expect(screen.getByTestId('bp-batch-readout').textContent).toContain('with the sum:');
    fireEvent.click(screen.getByRole('radio', { name: /^mean/ }));
    expect(backpropStore.getState().reduction).toBe('mean');
  });

  it('the live check: ‖∇L_sum‖ / ‖∇L_mean‖ reads m, at m = 300 and after choosing m = 30', () => {
    renderWithLab(<BatchReductionDemo />);
    const check = () => within(screen.getByTestId('bp-batch-checks')).getByRole('listitem');
    expect(check().textContent).toContain('a ratio of 300.000000 = m');
    expect(check().getAttribute('data-ok')).toBe('true');
    fireEvent.change(screen.getByRole('combobox', { name: 'Batch size m' }), { target: { value: '30' } });
    expect(check().textContent).toContain('a ratio of 30.000000 = m');
    expect(check().getAttribute('data-ok')).toBe('true');
  });

  it('a ten times smaller η moves the breaking point: at η = 0.01 the sum learns at m = 100, where it diverged at η = 0.1', async () => {
    renderWithLab(<BatchReductionDemo />);
    await allDone();
    expect(cell('sum', 100)).toMatch(/^diverged/);
    fireEvent.change(screen.getByRole('combobox', { name: 'Learning rate η of every run' }), { target: { value: '0.01' } });
    expect(screen.getByTestId('bp-batch-progress').textContent).toMatch(/^Training: 0 of 10/);
    await allDone();
    expect(number(cell('sum', 100))).toBeLessThan(0.1);
  }, 90_000);
});
