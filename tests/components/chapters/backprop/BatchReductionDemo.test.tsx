import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { EmbedContext } from '../../../../src/state/embedContext';
import { BatchReductionDemo } from '../../../../src/chapters/backprop/BatchReductionDemo';
import type { ReactElement, ReactNode } from 'react';
import { createBackpropStore, type BackpropStore } from '../../../../src/chapters/backprop/backpropStore';
import { BackpropProvider } from '../../../../src/chapters/backprop/BackpropContext';
import { renderWithLab as renderWithLabAlone } from '../../renderWithLab';

/** The chapter's store for this test: each test starts from a fresh run. */
let backpropStore: BackpropStore = createBackpropStore();
const InRun = ({ children }: { children: ReactNode }) => <BackpropProvider store={backpropStore}>{children}</BackpropProvider>;
const renderWithLab = (ui: ReactElement) => renderWithLabAlone(<InRun>{ui}</InRun>);

beforeEach(() => {
  backpropStore = createBackpropStore();
});

const cell = (reduction: 'mean' | 'sum', m: number) => screen.getByTestId(`bp-final-${reduction}-${m}`).textContent ?? '';
const allDone = () => waitFor(() => expect(screen.getByTestId('bp-batch-progress').textContent).toMatch(/^All 10 runs done/), { timeout: 40_000 });
const number = (text: string) => Number(text.replace('−', '-'));

describe('<BatchReductionDemo>', () => {
  it('at η = 0.1 the mean learns at every m, the sum at m = 10 and blows up at m = 1000, and nothing reads NaN', async () => {
    const { container } = renderWithLab(<BatchReductionDemo />);
    expect(screen.getByTestId('bp-batch-progress').textContent).toMatch(/^Training: 0 of 10 runs done/);
    await allDone();
    for (const m of [10, 30, 100, 300, 1000]) {
      // three separated blobs: far below ln 3 ≈ 1.10, the loss of a uniform guess
      expect(number(cell('mean', m))).toBeLessThan(0.1);
    }
    expect(number(cell('sum', 10))).toBeLessThan(0.1);
    expect(cell('sum', 1000)).toMatch(/^blew up \(ends at [\d.]+, peak [\d.]+/);
    expect(container.textContent).not.toMatch(/NaN|undefined/);
    const plot = screen.getByRole('img', { name: /^Final loss per sample after 300 steps/ });
    expect(plot.getAttribute('aria-label')).toContain('m = 1000: blew up');
    // the mean's spread over m, from the cells above: smallest and largest and their ratio
    const finals = [10, 30, 100, 300, 1000].map((m) => ({ m, loss: number(cell('mean', m)) }));
    const low = finals.reduce((a, b) => (b.loss < a.loss ? b : a));
    const high = finals.reduce((a, b) => (b.loss > a.loss ? b : a));
    const spread = screen.getByTestId('bp-batch-spread').textContent ?? '';
    expect(spread).toContain(`runs from ${cell('mean', low.m)} (m = ${low.m}) to ${cell('mean', high.m)} (m = ${high.m})`);
    expect(spread).toContain(`a factor of ${(high.loss / low.loss).toFixed(1)}`);
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

  it('a ten times smaller η moves the breaking point: at η = 0.01 the sum learns at m = 100, where it blew up at η = 0.1', async () => {
    renderWithLab(<BatchReductionDemo />);
    await allDone();
    expect(cell('sum', 100)).toMatch(/^blew up/);
    fireEvent.change(screen.getByRole('combobox', { name: 'Learning rate η of every run' }), { target: { value: '0.01' } });
    expect(screen.getByTestId('bp-batch-progress').textContent).toMatch(/^Training: 0 of 10/);
    await allDone();
    expect(number(cell('sum', 100))).toBeLessThan(0.1);
  }, 90_000);
});

describe('<BatchReductionDemo> and its address', () => {
  afterEach(() => vi.useRealTimers());
  const select = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;

  it('#/backprop?m=30&runLr=0.01 shows m = 30 and trains every run at η = 0.01', () => {
    window.history.replaceState(null, '', '#/backprop?m=30&runLr=0.01');
    renderWithLab(<BatchReductionDemo />);
    expect(select('Batch size m').value).toBe('30');
    expect(select('Learning rate η of every run').value).toBe('0.01');
    expect(screen.getByTestId('bp-batch-readout').textContent).toContain('at m = 30,');
    expect(screen.getByRole('table').querySelector('caption')?.textContent).toBe('Loss per sample after 300 steps at η = 0.01');
    // the live check at m = 30: the sum's gradient is 30 times the mean's
    expect(within(screen.getByTestId('bp-batch-checks')).getByRole('listitem').textContent).toContain('a ratio of 30.000000 = m');
  });

  it('refused values keep their defaults: m=50 and runLr=0.10 are not among the choices, so m = 300 and η = 0.1', () => {
    window.history.replaceState(null, '', '#/backprop?m=50&runLr=0.10');
    renderWithLab(<BatchReductionDemo />);
    expect(select('Batch size m').value).toBe('300');
    expect(select('Learning rate η of every run').value).toBe('0.1');
  });

  it('a choice is written to the address once the learner pauses: m = 1000 and η = 0.3 give m=1000&runLr=0.3', () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '#/backprop');
    renderWithLab(<BatchReductionDemo />);
    fireEvent.change(select('Batch size m'), { target: { value: '1000' } });
    fireEvent.change(select('Learning rate η of every run'), { target: { value: '0.3' } });
    act(() => vi.advanceTimersByTime(300));
    expect(window.location.hash).toBe('#/backprop?m=1000&runLr=0.3');
  });

  it('locked (lock=m) the batch size is disabled and η is not; hidden (hide=runLr) the rate’s select is gone', () => {
    renderWithLab(
      <EmbedContext.Provider value={{ embedded: true, hidden: new Set(['runLr']), locked: new Set(['m']) }}>
        <BatchReductionDemo />
      </EmbedContext.Provider>,
    );
    expect(screen.getByRole('group', { name: 'Set by your lecturer' })).toBeTruthy();
    expect(select('Batch size m').matches(':disabled')).toBe(true);
    expect(screen.queryByRole('combobox', { name: 'Learning rate η of every run' })).toBeNull();
    // the reduction switch is the trainer's setting, not this widget's: it stays
    expect(screen.getByRole('radio', { name: /^sum/ }).matches(':disabled')).toBe(false);
  });
});
