import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { EmbedContext } from '../../../src/state/embedContext';
import { createProgressStore, ProgressProvider, type ProgressStore } from '../../../src/state/progressStore';
import { ProbabilityExercise } from '../../../src/chapters/softmax/SoftmaxExercises';
import { Exercise } from '../../../src/exercises/Exercise';
import type { ExerciseSpec } from '../../../src/exercises/exerciseSpec';
import { exercise } from '../../../src/url/widgetEntry';
import { PROBABILITY_EXERCISE } from '../../../src/chapters/softmax/softmaxExerciseSpecs';

let progress: ProgressStore;
beforeEach(() => {
  progress = createProgressStore(null);
  window.history.replaceState(null, '', '#/softmax');
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const inSite = (ui: ReactElement) => render(<ProgressProvider store={progress}>{ui}</ProgressProvider>);
const region = () => screen.getByRole('region', { name: /^Exercise/ });
const field = () => within(region()).getByRole('textbox', { name: /^p. =$/ }) as HTMLInputElement;
const status = () => within(region()).getByRole('status');
const check = (typed: string) => {
  fireEvent.change(field(), { target: { value: typed } });
  fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
};

/** The numbers shown are seed 1's; the right answer is computed here from them, as a learner would. */
function numbersShown() {
  const text = region().textContent ?? '';
  const z = /z = \(([^)]*)\)/.exec(text)![1]!.split(', ').map((v) => Number(v.replace('−', '-')));
  const k = Number(/give class (\d)/.exec(text)![1]) - 1;
  const p = Math.exp(z[k]!) / z.reduce((s, v) => s + Math.exp(v), 0);
  return { z, k, p };
}

describe('<Exercise> (chapter 2’s ProbabilityExercise)', () => {
  it('is a region named "Exercise: one probability by hand" with a Check button and an empty status region', () => {
    inSite(<ProbabilityExercise />);
    expect(region().getAttribute('aria-labelledby')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Exercise: one probability by hand' })).toBeTruthy();
    expect(status().textContent).toBe('');
    expect(field().getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('to 3 significant figures')).toBeTruthy();
  });

  it('a right answer computed from the numbers shown is right, kept in the progress, and shown as solved', () => {
    inSite(<ProbabilityExercise />);
    const { p, k } = numbersShown();
    // the field is labelled with the probability asked for
    expect(field().labels?.[0]?.textContent).toBe(`p${'₁₂₃₄'[k]} =`);
    check(p.toPrecision(3));
    expect(status().textContent).toMatch(/^Right: p. = /);
    expect(within(region()).getByText('Solved')).toBeTruthy();
    const kept = progress.getState().solved[PROBABILITY_EXERCISE.entry.id];
    expect(kept).toMatchObject({ seed: 1, attempts: 1, hintsUsed: 0 });
  });

  it('a known mistake is named (the logits shared out without the exponential), and the next check counts as attempt 2', () => {
    inSite(<ProbabilityExercise />);
    const { z, k, p } = numbersShown();
    check(((z[k] as number) / z.reduce((s, v) => s + v, 0)).toPrecision(3));
    expect(status().textContent).toMatch(/^Not quite: that is z. \/ Σz: the logits shared out without the exponential/);
    check(p.toPrecision(3));
    expect(progress.getState().solved[PROBABILITY_EXERCISE.entry.id]?.attempts).toBe(2);
  });

  it('a text that is no number is refused in the status, and is not an attempt', () => {
    inSite(<ProbabilityExercise />);
    check('abc');
    expect(status().textContent).toMatch(/^Type a plain number/);
    check(numbersShown().p.toPrecision(3));
    expect(progress.getState().solved[PROBABILITY_EXERCISE.entry.id]?.attempts).toBe(1);
  });

  it('the hint ladder: Hint, Next hint, then the worked answer, which ends on the truth', () => {
    inSite(<ProbabilityExercise />);
    const { p } = numbersShown();
    fireEvent.click(within(region()).getByRole('button', { name: 'Hint' }));
    fireEvent.click(within(region()).getByRole('button', { name: 'Next hint' }));
    expect(within(region()).getAllByRole('listitem')).toHaveLength(2);
    fireEvent.click(within(region()).getByRole('button', { name: 'Show the worked answer' }));
    expect(within(region()).getByText(/^Worked answer\./).parentElement!.textContent).toContain(`= ${p.toPrecision(3)}.`);
    check(p.toPrecision(3));
    expect(progress.getState().solved[PROBABILITY_EXERCISE.entry.id]?.hintsUsed).toBe(3);
  });

  it('New numbers draws seed 2’s numbers, clears the answer, and writes pk=2 to the address once the learner pauses', () => {
    vi.useFakeTimers();
    inSite(<ProbabilityExercise />);
    const before = numbersShown().z.join();
    check('0.1');
    fireEvent.click(within(region()).getByRole('button', { name: 'New numbers' }));
    expect(within(region()).getByText(/Numbers: set 2/)).toBeTruthy();
    expect(numbersShown().z.join()).toBe(PROBABILITY_EXERCISE.make(2).z.join());
    expect(numbersShown().z.join()).not.toBe(before);
    expect(field().value).toBe('');
    expect(status().textContent).toBe('');
    act(() => vi.advanceTimersByTime(1000));
    expect(window.location.hash).toBe('#/softmax?pk=2');
  });

  it('a link with pk=7 opens on seed 7’s numbers', () => {
    window.history.replaceState(null, '', '#/softmax?pk=7');
    inSite(<ProbabilityExercise />);
    expect(numbersShown().z).toEqual(PROBABILITY_EXERCISE.make(7).z);
  });

  describe('embedded', () => {
    const embedded = (hidden: string[], locked: string[]) =>
      inSite(
        <EmbedContext.Provider value={{ embedded: true, hidden: new Set(hidden), locked: new Set(locked), frame: 'week-3' }}>
          <ProbabilityExercise />
        </EmbedContext.Provider>,
      );

    it('each check posts one result message to the host, with no answer text in it', () => {
      const parent = { postMessage: vi.fn() };
      const real = Object.getOwnPropertyDescriptor(window, 'parent')!;
      Object.defineProperty(window, 'parent', { configurable: true, get: () => parent });
      try {
        embedded([], []);
        check('0.1');
        check(numbersShown().p.toPrecision(3));
      } finally {
        Object.defineProperty(window, 'parent', real);
      }
      expect(parent.postMessage.mock.calls).toEqual([
        [{ type: 'logit-lab:result', version: 1, id: 'week-3', exercise: 'softmax/ProbabilityExercise', seed: 1, correct: false, attempts: 1, hintsUsed: 0 }, '*'],
        [{ type: 'logit-lab:result', version: 1, id: 'week-3', exercise: 'softmax/ProbabilityExercise', seed: 1, correct: true, attempts: 2, hintsUsed: 0 }, '*'],
      ]);
    });

    it('its heading is an h2 under the embed page’s h1 (an h3 in a chapter, under its h2 sections)', () => {
      embedded([], []);
      expect(screen.getByRole('heading', { level: 2, name: 'Exercise: one probability by hand' })).toBeTruthy();
    });

    it('hide=pkhints takes the hints away; lock=pk keeps the lecturer’s numbers', () => {
      embedded(['pkhints'], ['pk']);
      expect(within(region()).queryByRole('button', { name: 'Hint' })).toBeNull();
      expect(within(region()).queryByRole('button', { name: 'New numbers' })).toBeNull();
      expect(within(region()).getByText(/set by your lecturer/)).toBeTruthy();
    });
  });
});

describe('<Exercise> with one-answer options', () => {
  const entry = exercise('softmax', 'OrderExercise', 'order', 'oq');
  const spec = (ordered: boolean): ExerciseSpec<number> => ({
    entry,
    seedKey: 'oq',
    make: (seed) => seed,
    answer: { kind: 'choice', legend: 'Pick', ordered, options: () => ['a', 'b', 'c', 'd'].map((v) => ({ value: v, label: `option ${v}` })), right: () => ['c'] },
    hints: () => [],
    worked: () => 'c',
    truthText: () => 'c',
  });
  const shownOrder = () => within(region()).getAllByRole('radio').map((r) => (r as HTMLInputElement).value).join('');

  it('shows them in an order drawn from the seed: the same seed the same order, and the answer not always in one place', () => {
    const positions = new Set<number>();
    const orders: string[] = [];
    for (let seed = 1; seed <= 12; seed++) {
      window.history.replaceState(null, '', `#/softmax?oq=${seed}`);
      const { unmount } = inSite(<Exercise spec={spec(false)} prompt={() => <p>Pick one.</p>} />);
      orders.push(shownOrder());
      positions.add(shownOrder().indexOf('c'));
      unmount();
    }
    expect(positions.size).toBeGreaterThan(1);
    window.history.replaceState(null, '', '#/softmax?oq=3');
    inSite(<Exercise spec={spec(false)} prompt={() => <p>Pick one.</p>} />);
    expect(shownOrder()).toBe(orders[2]);
    expect([...shownOrder()].sort().join('')).toBe('abcd');
  });

  it('keeps the listed order when the spec says the options are ordered (A, B, C named in the prompt)', () => {
    window.history.replaceState(null, '', '#/softmax?oq=5');
    inSite(<Exercise spec={spec(true)} prompt={() => <p>Pick one.</p>} />);
    expect(shownOrder()).toBe('abcd');
  });
});
