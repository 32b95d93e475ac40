import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { ExerciseSeedProvider } from '../../../src/exercises/exerciseSeed';
import { createProgressStore, ProgressProvider } from '../../../src/state/progressStore';
import { ProbabilityExercise } from '../../../src/chapters/softmax/SoftmaxExercises';
import { PROBABILITY_EXERCISE } from '../../../src/chapters/softmax/softmaxExerciseSpecs';

beforeEach(() => {
  window.history.replaceState(null, '', '#/review?pk=3');
});
afterEach(() => {
  vi.useRealTimers();
});

/** A page that keeps the exercise's seed itself, as the Review page does. */
function GivenSeed({ start }: { start: number }) {
  const [seed, setSeed] = useState(start);
  return (
    <ExerciseSeedProvider seed={seed} setSeed={setSeed}>
      <ProbabilityExercise />
    </ExerciseSeedProvider>
  );
}

const region = () => screen.getByRole('region', { name: /^Exercise/ });

describe('<ExerciseSeedProvider> around an exercise', () => {
  it('the exercise shows the given seed’s numbers, not the address’s (pk=3)', () => {
    render(
      <ProgressProvider store={createProgressStore(null)}>
        <GivenSeed start={4711} />
      </ProgressProvider>,
    );
    expect(within(region()).getByText(/Numbers: set 4711/)).toBeTruthy();
    const z = PROBABILITY_EXERCISE.make(4711).z;
    expect(region().textContent).toContain(`z = (${z.map((v) => String(v).replace('-', '−')).join(', ')})`);
  });

  it('New numbers goes to the page (set 4712) and writes nothing to the address', () => {
    vi.useFakeTimers();
    render(
      <ProgressProvider store={createProgressStore(null)}>
        <GivenSeed start={4711} />
      </ProgressProvider>,
    );
    fireEvent.click(within(region()).getByRole('button', { name: 'New numbers' }));
    expect(within(region()).getByText(/Numbers: set 4712/)).toBeTruthy();
    act(() => vi.advanceTimersByTime(2000));
    expect(window.location.hash).toBe('#/review?pk=3');
  });

  it('after the last seed, 99999, New numbers starts again at 1', () => {
    render(
      <ProgressProvider store={createProgressStore(null)}>
        <GivenSeed start={99999} />
      </ProgressProvider>,
    );
    fireEvent.click(within(region()).getByRole('button', { name: 'New numbers' }));
    expect(within(region()).getByText(/Numbers: set 1$/)).toBeTruthy();
  });
});
