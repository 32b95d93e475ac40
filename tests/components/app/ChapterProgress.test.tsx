import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ChapterProgress, ProgressNotice } from '../../../src/app/ChapterProgress';
import { TableOfContents } from '../../../src/app/TableOfContents';
import { ProgressPanel } from '../../../src/app/ProgressPanel';
import { PROGRESS_KEY } from '../../../src/state/progress';
import { createProgressStore, ProgressProvider, type ProgressStore } from '../../../src/state/progressStore';

afterEach(cleanup);

const solvedNow = { seed: 3, attempts: 1, hintsUsed: 0, at: Date.now() };

function storageWith(text: string): Storage {
  const map = new Map([[PROGRESS_KEY, text]]);
  return { length: 1, clear: () => map.clear(), key: () => null, getItem: (k) => map.get(k) ?? null, removeItem: (k) => void map.delete(k), setItem: (k, v) => void map.set(k, v) };
}

const site = (store: ProgressStore, ui: React.ReactElement) => render(<ProgressProvider store={store}>{ui}</ProgressProvider>);

describe('progress in the contents and on the chapter', () => {
  it('the contents say "0 of 3 exercises solved" for chapter 2, then "1 of 3" once one is solved', () => {
    const store = createProgressStore(null);
    site(store, <TableOfContents />);
    expect(screen.getByTestId('progress-softmax').textContent).toBe('0 of 3 exercises solved');
    act(() => store.getState().markSolved('softmax/ProbabilityExercise', solvedNow));
    expect(screen.getByTestId('progress-softmax').textContent).toBe('1 of 3 exercises solved');
    expect(screen.getByTestId('progress-lstm').textContent).toBe('0 of 3 exercises solved');
  });

  it('the chapter says "Exercises: 1 of 3 solved" beside its number', () => {
    const store = createProgressStore(null);
    store.getState().markSolved('softmax/TemperatureExercise', solvedNow);
    site(store, <ChapterProgress slug="softmax" />);
    expect(screen.getByTestId('chapter-progress').textContent).toBe('Exercises: 1 of 3 solved');
  });

  it('a corrupt saved progress is said once, in a status the learner can put away; the page stays', () => {
    const store = createProgressStore(storageWith('{"version":1,"solved":{"softmax/ProbabilityExercise":{"seed":-4}}}'));
    site(
      store,
      <>
        <ChapterProgress slug="softmax" />
        <ProgressNotice />
      </>,
    );
    expect(screen.getByRole('status').textContent).toMatch(/^One saved result could not be read and was left out\./);
    expect(screen.getByTestId('chapter-progress').textContent).toBe('Exercises: 0 of 3 solved');
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('<ProgressPanel> on the home page', () => {
  it('counts what is solved, and forgets it only after a second, explicit press', () => {
    const store = createProgressStore(null);
    store.getState().markSolved('softmax/ProbabilityExercise', solvedNow);
    site(store, <ProgressPanel />);
    expect(screen.getByTestId('home-progress').textContent).toMatch(/^You have solved 1 of \d+ exercises\./);
    fireEvent.click(screen.getByRole('button', { name: 'Reset progress' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep them' }));
    expect(store.getState().solved['softmax/ProbabilityExercise']).toEqual(solvedNow);
    fireEvent.click(screen.getByRole('button', { name: 'Reset progress' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, forget the solved exercise' }));
    expect(store.getState().solved).toEqual({});
    expect(screen.getByTestId('home-progress').textContent).toMatch(/^You have solved 0 of/);
    expect(screen.queryByRole('button', { name: 'Reset progress' })).toBeNull();
  });
});
