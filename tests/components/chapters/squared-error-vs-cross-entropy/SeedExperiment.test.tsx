import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { EmbedContext } from '../../../../src/state/embedContext';
import { SeedExperiment } from '../../../../src/chapters/squared-error-vs-cross-entropy/SeedExperiment';
import { parseSeedRequest, runSeed } from '../../../../src/chapters/squared-error-vs-cross-entropy/seedRuns';
import type { WorkerLike } from '../../../../src/chapters/squared-error-vs-cross-entropy/seedPool';
import { renderWithLab } from '../../renderWithLab';

/** Stands in for the Web Worker in jsdom: it answers each request with the pure runner, asynchronously. */
class FakeSeedWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(message: unknown) {
    const request = parseSeedRequest(message);
    setTimeout(() => {
      if (this.terminated || !request) return;
      this.onmessage?.({ data: { type: 'result', runId: request.runId, result: runSeed(request.seed, request.settings) } } as MessageEvent);
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
}

/** Ten seeds take milliseconds, but a machine shared by many test runs can stretch that past waitFor's default second. */
const RUN_WAIT = { timeout: 10_000 };

const progress = () => screen.getByRole('progressbar', { name: 'Seeds finished' });

describe('<SeedExperiment>', () => {
  it('before a run: 0 of 100 seeds, Run enabled and Cancel disabled', () => {
    renderWithLab(<SeedExperiment createWorker={() => new FakeSeedWorker()} />);
    expect(progress().getAttribute('aria-valuenow')).toBe('0');
    expect(progress().getAttribute('aria-valuemax')).toBe('100');
    expect(screen.getByRole('button', { name: 'Run' }).hasAttribute('disabled')).toBe(false);
    expect(screen.getByRole('button', { name: 'Cancel' }).hasAttribute('disabled')).toBe(true);
  });

  it('Run with 10 seeds finishes with 10 results per loss and a summary table', async () => {
    const { container } = renderWithLab(<SeedExperiment createWorker={() => new FakeSeedWorker()} />);
    fireEvent.change(screen.getByLabelText('Seeds'), { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText('Steps per loss'), { target: { value: '100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(screen.getByTestId('seed-status').textContent).toMatch(/^Running 10 seeds/);
    await waitFor(() => expect(screen.getByTestId('seed-status').textContent).toBe('Done: 10 seeds, 100 steps from large random weights.'), RUN_WAIT);
    expect(progress().getAttribute('aria-valuenow')).toBe('10');
    expect(container.querySelectorAll('.strip-squared-error .strip-dot')).toHaveLength(20);
    expect(screen.getByTestId('seed-row-ce-accuracy')).toBeTruthy();
    expect(container.textContent).not.toMatch(/NaN/);
    // the table has a mean beside the median (they can disagree), each a column of its own
    const headers = Array.from(container.querySelectorAll('.seed-table thead th'), (th) => th.textContent);
    expect(headers).toEqual(['measure, loss', 'min', '25%', 'median', '75%', 'max', 'mean']);
    // the mean of squared error's ten accuracies, worked out here from the runner, as a percent to one decimal
    const accuracies = Array.from({ length: 10 }, (_, i) => runSeed(i + 1, { init: 'large', steps: 100, learningRate: 1, points: 40 }).squaredError.accuracy);
    const mean = accuracies.reduce((a, b) => a + b, 0) / accuracies.length;
    const cells = Array.from(screen.getByTestId('seed-row-se-accuracy').querySelectorAll('td'), (td) => td.textContent);
    expect(cells).toHaveLength(6);
    expect(cells[5]).toBe(`${(100 * mean).toFixed(1)}%`);
  });

  it('Cancel stops a run: the status says how many seeds finished', async () => {
    renderWithLab(<SeedExperiment createWorker={() => new FakeSeedWorker()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByTestId('seed-status').textContent).toMatch(/^Cancelled after \d+ of 100 seeds/));
    const done = progress().getAttribute('aria-valuenow');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(progress().getAttribute('aria-valuenow')).toBe(done);
  });

  it('a worker that fails to start is reported, not thrown', () => {
    renderWithLab(
      <SeedExperiment
        createWorker={() => {
          throw new Error('workers are blocked');
        }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(screen.getByTestId('seed-status').textContent).toBe('The experiment stopped: workers are blocked. Press Run to try again.');
  });

  it('without Web Workers (jsdom has none) Run is disabled and the page says why', () => {
    renderWithLab(<SeedExperiment />);
    expect(screen.getByRole('button', { name: 'Run' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText(/cannot run Web Workers/)).toBeTruthy();
  });
});

describe('<SeedExperiment> in the address (seeds, init, steps)', () => {
  const ROUTE = '#/squared-error-vs-cross-entropy';
  const select = (name: string) => screen.getByLabelText(name) as HTMLSelectElement;
  const initRadio = (name: 'large' | 'small') => screen.getByRole('radio', { name: new RegExp(`^${name} random weights`) }) as HTMLInputElement;
  const query = () => new URLSearchParams(window.location.hash.split('?')[1]);
  afterEach(() => vi.useRealTimers());

  it('#…?seeds=10&init=small&steps=100 opens with those settings, runs nothing, and Run uses them', async () => {
    window.history.replaceState(null, '', `${ROUTE}?seeds=10&init=small&steps=100`);
    renderWithLab(<SeedExperiment createWorker={() => new FakeSeedWorker()} />);
    expect(select('Seeds').value).toBe('10');
    expect(select('Steps per loss').value).toBe('100');
    expect(initRadio('small').checked).toBe(true);
    expect(progress().getAttribute('aria-valuemax')).toBe('10');
    expect(screen.getByTestId('seed-status').textContent).toBe('Press Run to train both losses on every seed.');
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(screen.getByTestId('seed-status').textContent).toBe('Done: 10 seeds, 100 steps from small random weights.'), RUN_WAIT);
  });

  it('refused values keep the defaults: seeds=37, init=huge and steps=300.5 give 100 seeds, large weights, 300 steps', () => {
    window.history.replaceState(null, '', `${ROUTE}?seeds=37&init=huge&steps=300.5`);
    renderWithLab(<SeedExperiment createWorker={() => new FakeSeedWorker()} />);
    expect(select('Seeds').value).toBe('100');
    expect(select('Steps per loss').value).toBe('300');
    expect(initRadio('large').checked).toBe(true);
  });

  it('a change of the settings is written once the learner pauses: seeds=50&init=small&steps=3000', () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', ROUTE);
    renderWithLab(<SeedExperiment createWorker={() => new FakeSeedWorker()} />);
    fireEvent.change(select('Seeds'), { target: { value: '50' } });
    fireEvent.change(select('Steps per loss'), { target: { value: '3000' } });
    fireEvent.click(initRadio('small'));
    act(() => vi.advanceTimersByTime(300));
    expect(query().get('seeds')).toBe('50');
    expect(query().get('steps')).toBe('3000');
    expect(query().get('init')).toBe('small');
  });

  it('lock=seeds disables the seeds menu; hide=init removes the starting weights; steps stays as it was', () => {
    window.history.replaceState(null, '', `${ROUTE}?seeds=200`);
    renderWithLab(
      <EmbedContext.Provider value={{ embedded: true, hidden: new Set(['init']), locked: new Set(['seeds']) }}>
        <SeedExperiment createWorker={() => new FakeSeedWorker()} />
      </EmbedContext.Provider>,
    );
    expect(select('Seeds').matches(':disabled')).toBe(true);
    expect(select('Seeds').value).toBe('200');
    expect(select('Steps per loss').matches(':disabled')).toBe(false);
    expect(screen.queryByRole('radio')).toBeNull();
  });
});
