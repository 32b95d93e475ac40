import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createProgressStore, ProgressProvider, type ProgressStore } from '../../../../src/state/progressStore';
import { ClosestPredictionExercise, CrossEntropyExercise, UnitBugExercise } from '../../../../src/chapters/information/InformationExercises';
import { CLOSEST_PREDICTION_EXERCISE, CROSS_ENTROPY_EXERCISE, UNIT_BUG_EXERCISE } from '../../../../src/chapters/information/informationExerciseSpecs';

let progress: ProgressStore;
beforeEach(() => {
  progress = createProgressStore(null);
  window.history.replaceState(null, '', '#/information');
});
afterEach(cleanup);

const inSite = (ui: ReactElement) => render(<ProgressProvider store={progress}>{ui}</ProgressProvider>);
const region = () => screen.getByRole('region', { name: /^Exercise/ });
const status = () => within(region()).getByRole('status');
const numbers = (text: string, name: string) => new RegExp(`${name} = \\(([^)]*)\\)`).exec(text)![1]!.split(', ').map(Number);
const check = () => fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));

describe('CrossEntropyExercise', () => {
  /** The numbers shown are seed 1's; H(y, p) in bits is computed here from them, as a learner would. */
  function shown() {
    const text = region().textContent ?? '';
    const p = numbers(text, 'p');
    const y = numbers(text, 'y');
    const t = y.indexOf(1);
    expect(Number(/the true class is (\d)/.exec(text)![1]) - 1).toBe(t);
    return { bits: -Math.log(p[t]!) / Math.LN2, nats: -Math.log(p[t]!) };
  }
  const type = (typed: string) => fireEvent.change(within(region()).getByRole('textbox', { name: 'H(y, p) =' }), { target: { value: typed } });

  it('is the region "Exercise: a cross-entropy in bits"; the answer in nats is named, then the bits solve it', () => {
    inSite(<CrossEntropyExercise />);
    expect(screen.getByRole('heading', { name: 'Exercise: a cross-entropy in bits' })).toBeTruthy();
    const { bits, nats } = shown();
    type(nats.toPrecision(3));
    check();
    expect(status().textContent).toMatch(/^Not quite: that is −ln p., the answer in nats/);
    type(bits.toPrecision(3));
    check();
    expect(status().textContent).toMatch(/^Right: H\(y, p\) = .* bits/);
    expect(progress.getState().solved[CROSS_ENTROPY_EXERCISE.entry.id]).toMatchObject({ seed: 1, attempts: 2 });
  });
});

describe('ClosestPredictionExercise', () => {
  it('offers A, B and C; the one with the least −Σ yᵢ log₂ pᵢ, computed from the labels shown, solves it', () => {
    inSite(<ClosestPredictionExercise />);
    expect(screen.getByRole('heading', { name: 'Exercise: the prediction with the least cross-entropy' })).toBeTruthy();
    const y = numbers(region().textContent ?? '', 'y');
    const radios = within(region()).getAllByRole('radio');
    expect(radios).toHaveLength(3);
    const costs = radios.map((r) => {
      const label = r.closest('label')!.textContent ?? '';
      const p = numbers(label, 'p');
      return y.reduce((s, yi, i) => s - yi * Math.log2(p[i]!), 0);
    });
    const best = costs.indexOf(Math.min(...costs));
    fireEvent.click(radios[best]!);
    check();
    expect(status().textContent).toMatch(/^Right/);
    expect(progress.getState().solved[CLOSEST_PREDICTION_EXERCISE.entry.id]).toMatchObject({ seed: 1, attempts: 1 });
  });
});

describe('UnitBugExercise', () => {
  it('shows the NumPy line; "Nothing" is named with the nats it prints, and "np.log is the natural log" solves it', () => {
    inSite(<UnitBugExercise />);
    expect(screen.getByRole('heading', { name: 'Exercise: spot the bug: bits from np.log' })).toBeTruthy();
    expect(within(region()).getByText('H_bits = -np.sum(y * np.log(p))').tagName).toBe('CODE');
    const text = region().textContent ?? '';
    const p = numbers(text, 'p');
    const t = numbers(text, 'y').indexOf(1);
    fireEvent.click(within(region()).getByRole('radio', { name: /^Nothing/ }));
    check();
    expect(status().textContent).toContain(`the line prints ${(-Math.log(p[t]!)).toPrecision(3)} = −ln p`);
    fireEvent.click(within(region()).getByRole('radio', { name: /^np\.log is the natural log/ }));
    check();
    expect(status().textContent).toMatch(/^Right/);
    expect(progress.getState().solved[UNIT_BUG_EXERCISE.entry.id]).toMatchObject({ seed: 1, attempts: 2 });
  });
});
