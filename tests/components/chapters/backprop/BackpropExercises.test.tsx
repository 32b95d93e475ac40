import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createProgressStore, ProgressProvider, type ProgressStore } from '../../../../src/state/progressStore';
import { BatchDivisorExercise, OutputGradientExercise } from '../../../../src/chapters/backprop/BackpropExercises';

let progress: ProgressStore;
beforeEach(() => {
  progress = createProgressStore(null);
  window.history.replaceState(null, '', '#/backprop');
});
afterEach(cleanup);

const inSite = (ui: ReactElement) => render(<ProgressProvider store={progress}>{ui}</ProgressProvider>);
const region = () => screen.getByRole('region', { name: /^Exercise/ });
const status = () => within(region()).getByRole('status');
const read = (v: string) => Number(v.replace('−', '-'));

describe('OutputGradientExercise', () => {
  /** The answer a learner computes from the numbers shown (seed 1): A₁ = max(0, XW₁), P = 1/3, mean over 2. */
  function fromShown() {
    const text = region().querySelector('.exercise-prompt')?.textContent ?? '';
    const pairs = [...text.matchAll(/\(([−\d.]+), ([−\d.]+)\)/g)].map((m) => [read(m[1]!), read(m[2]!)]);
    const [w1a, w1b, x1, x2] = pairs as [number[], number[], number[], number[]];
    const classes = [...text.matchAll(/of class (\d)/g)].map((m) => Number(m[1]) - 1);
    const [, j, k] = /entry \((\d), (\d)\)/.exec(text)!.map(Number) as [number, number, number];
    const a = (x: number[]) => Math.max(0, x[0]! * w1a[j - 1]! + x[1]! * w1b[j - 1]!);
    const d = (t: number) => (t === k - 1 ? -2 / 3 : 1 / 3);
    return (a(x1) * d(classes[0]!) + a(x2) * d(classes[1]!)) / 2;
  }
  const check = (typed: string) => {
    fireEvent.change(within(region()).getByRole('textbox'), { target: { value: typed } });
    fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
  };

  it('is a region named “Exercise: one entry of ∂L/∂W₂ by hand”; the answer from the numbers shown is right', () => {
    inSite(<OutputGradientExercise />);
    expect(screen.getByRole('heading', { name: 'Exercise: one entry of ∂L/∂W₂ by hand' })).toBeTruthy();
    check(fromShown().toPrecision(3));
    expect(status().textContent).toMatch(/^Right: \(∂L\/∂W₂\).. = /);
  });

  it('the sum over the batch is named', () => {
    inSite(<OutputGradientExercise />);
    check((2 * fromShown()).toPrecision(3));
    expect(status().textContent).toMatch(/^Not quite: that is the sum over the two samples/);
  });
});

describe('BatchDivisorExercise', () => {
  it('shows the NumPy line; “m times too small” is named, “C times” is right', () => {
    inSite(<BatchDivisorExercise />);
    expect(within(region()).getByText('dz2 = (P - Y) / P.size').tagName).toBe('CODE');
    const text = region().textContent ?? '';
    const C = Number(/C = (\d+) classes/.exec(text)![1]);
    fireEvent.click(within(region()).getByRole('radio', { name: /^Every gradient is \d+ times too small \(m = / }));
    fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
    expect(status().textContent).toMatch(/^Not quite: Dividing by m = \d+ is the mean’s/);
    fireEvent.click(within(region()).getByRole('radio', { name: new RegExp(`^Every gradient is ${C} times too small \\(C = ${C}\\)`) }));
    fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
    expect(status().textContent).toBe(`Right: every gradient is C = ${C} times too small, as if η were η/${C}.`);
  });
});
