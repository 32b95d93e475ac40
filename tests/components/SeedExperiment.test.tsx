import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SeedExperiment } from '../../src/widgets/SeedExperiment';
import { parseSeedRequest, runSeed } from '../../src/widgets/seedExperiment';
import type { WorkerLike } from '../../src/widgets/seedPool';
import { renderWithLab } from './renderWithLab';

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
    await waitFor(() => expect(screen.getByTestId('seed-status').textContent).toBe('Done: 10 seeds, 100 steps from large random weights.'));
    expect(progress().getAttribute('aria-valuenow')).toBe('10');
    expect(container.querySelectorAll('.strip-squared-error .strip-dot')).toHaveLength(20);
    expect(screen.getByTestId('seed-row-ce-accuracy')).toBeTruthy();
    expect(container.textContent).not.toMatch(/NaN/);
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
