import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render as renderAlone, screen, waitFor } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { makeDataset } from '../../../../src/core/datasets';
import { createMinibatchWorkspace, trainMinibatches } from '../../../../src/core/minibatch';
import { forward, initNetwork } from '../../../../src/core/network';
import { EmbedContext } from '../../../../src/state/embedContext';
import { BACKPROP_LIMITS } from '../../../../src/chapters/backprop/backpropLimits';
import { createBackpropStore, shapeOf, type BackpropStore } from '../../../../src/chapters/backprop/backpropStore';
import { BackpropProvider } from '../../../../src/chapters/backprop/BackpropContext';
import { BackpropTrainer } from '../../../../src/chapters/backprop/BackpropTrainer';
import { inlineTrainer } from '../../../../src/chapters/backprop/trainingLoop';

// jsdom has no 2-D canvas: the regions are not painted, everything else runs.
vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);

let backpropStore: BackpropStore = createBackpropStore();
const InRun = ({ children }: { children: ReactNode }) => <BackpropProvider store={backpropStore}>{children}</BackpropProvider>;
const render = (ui: ReactElement) => renderAlone(ui, { wrapper: InRun });
const renderTrainer = () => render(<BackpropTrainer trainer={inlineTrainer} />);

beforeEach(() => {
  backpropStore = createBackpropStore();
  window.history.replaceState(null, '', '#/backprop');
});
afterEach(() => vi.useRealTimers());

const NAME = 'batch size B (points a step)';
const batchSlider = () => screen.getByRole('slider', { name: NAME }) as HTMLInputElement;
const shownStep = () => Number(screen.getByTestId('bp-step').textContent);
const shownLoss = () => Number(screen.getByTestId('bp-loss').getAttribute('data-value'));
const shownBatch = () => screen.getByTestId('bp-batch').textContent;
const hashQuery = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');

/** The core alone: the chapter's 150 blob points (data seed 1), lr 0.3, mean, `steps` minibatch steps. */
function coreMinibatchLoss(seed: number, batchSize: number, steps: number): number {
  const data = makeDataset('blobs', 150, 1);
  const net = initNetwork(shapeOf(16, 'relu'), seed);
  const ws = createMinibatchWorkspace(net.shape, 150);
  trainMinibatches(net, data.x, data.labels, 150, ws, { batchSize, learningRate: 0.3, reduction: 'mean', seed, startStep: 0, steps });
  return forward(net, data.x, data.labels, 150, ws, 'mean');
}

describe('<BackpropTrainer> batch size', () => {
  it('is a slider named "batch size B (points a step)" from 1 to the 150 points, at 150: full batch, as the status line says', () => {
    renderTrainer();
    const slider = batchSlider();
    expect([slider.min, slider.max, slider.step, slider.value]).toEqual(['1', '150', '1', '150']);
    expect(shownBatch()).toBe('full batch');
  });

  it('moved to 10 it sets the store’s batch size and the status line says 15 steps an epoch; back at 150 it is full batch again', () => {
    renderTrainer();
    fireEvent.change(batchSlider(), { target: { value: '10' } });
    expect(backpropStore.getState().batchSize).toBe(10);
    expect(batchSlider().value).toBe('10');
    expect(shownBatch()).toBe('batches of 10 of the 150 points, 15 steps an epoch, reshuffled each epoch');
    fireEvent.change(batchSlider(), { target: { value: '150' } });
    expect(backpropStore.getState().batchSize).toBe(BACKPROP_LIMITS.maxPoints);
    expect(shownBatch()).toBe('full batch');
  });

  it('Step at batch size 1 takes one point’s step: the loss is the core’s after one minibatch step of seed 1’s shuffle', async () => {
    renderTrainer();
    fireEvent.change(batchSlider(), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    await waitFor(() => expect(shownStep()).toBe(1));
    await waitFor(() => expect(shownLoss()).toBe(coreMinibatchLoss(1, 1, 1)));
  });

  it('is written to the address once the learner pauses: batch=10; full batch leaves the key out', () => {
    vi.useFakeTimers();
    renderTrainer();
    fireEvent.change(batchSlider(), { target: { value: '10' } });
    act(() => vi.advanceTimersByTime(300));
    expect(hashQuery().get('batch')).toBe('10');
    fireEvent.change(batchSlider(), { target: { value: '150' } });
    act(() => vi.advanceTimersByTime(300));
    expect(hashQuery().has('batch')).toBe(false);
  });

  it('#/backprop?seed=7&batch=10&n=30 replays 30 steps of batches of 10, paused, to the core’s loss', async () => {
    window.history.replaceState(null, '', '#/backprop?seed=7&batch=10&n=30');
    renderTrainer();
    await waitFor(() => expect(shownStep()).toBe(30));
    expect(batchSlider().value).toBe('10');
    await waitFor(() => expect(shownLoss()).toBe(coreMinibatchLoss(7, 10, 30)));
    // and the run differs from the full-batch one: the key is not ignored
    expect(shownLoss()).not.toBe(coreMinibatchLoss(7, 150, 30));
  });

  it('locked (lock=batch) the slider is disabled; hidden (hide=batch) it is gone', () => {
    const embedded = (hidden: string[], locked: string[]) =>
      render(
        <EmbedContext.Provider value={{ embedded: true, hidden: new Set(hidden), locked: new Set(locked) }}>
          <BackpropTrainer trainer={inlineTrainer} />
        </EmbedContext.Provider>,
      );
    const first = embedded([], ['batch']);
    expect(batchSlider().matches(':disabled')).toBe(true);
    first.unmount();
    embedded(['batch'], []);
    expect(screen.queryByRole('slider', { name: NAME })).toBeNull();
  });
});
