import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createProgressStore, ProgressProvider, type ProgressStore } from '../../../../src/state/progressStore';
import { HardestPushExercise, SquaredErrorGradientExercise } from '../../../../src/chapters/squared-error-vs-cross-entropy/SquaredErrorVsCrossEntropyExercises';
import { HARDEST_PUSH_EXERCISE, SQUARED_ERROR_GRADIENT_EXERCISE } from '../../../../src/chapters/squared-error-vs-cross-entropy/squaredErrorVsCrossEntropyExerciseSpecs';

let progress: ProgressStore;
beforeEach(() => {
  progress = createProgressStore(null);
  window.history.replaceState(null, '', '#/squared-error-vs-cross-entropy');
});
afterEach(cleanup);

const inSite = (ui: ReactElement) => render(<ProgressProvider store={progress}>{ui}</ProgressProvider>);
const region = () => screen.getByRole('region', { name: /^Exercise/ });
const status = () => within(region()).getByRole('status');
const read = (v: string) => Number(v.replace('−', '-'));
/** |∂/∂z ½(σ(z) − t)²| worked out here: |σ − t|·σ(1 − σ). */
const push = (z: number, t: number) => {
  const y = 1 / (1 + Math.exp(-z));
  return (y - t) * y * (1 - y);
};

describe('chapter 7’s exercises in their frame', () => {
  it('the squared-error gradient: right from the numbers shown; cross-entropy’s ŷ − t is named', () => {
    inSite(<SquaredErrorGradientExercise />);
    const text = region().textContent ?? '';
    const t = Number(/class t = ([01])/.exec(text)![1]);
    const z = read(/logit z = (\S+?):/.exec(text)![1]!);
    const field = within(region()).getByRole('textbox', { name: '∂L_SE/∂z =' });
    const check = (typed: string) => {
      fireEvent.change(field, { target: { value: typed } });
      fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
    };
    check((1 / (1 + Math.exp(-z)) - t).toPrecision(3));
    expect(status().textContent).toMatch(/^Not quite: that is ŷ − t alone, cross-entropy’s gradient/);
    check(push(z, t).toPrecision(3));
    expect(status().textContent).toMatch(/^Right: /);
    expect(progress.getState().solved[SQUARED_ERROR_GRADIENT_EXERCISE.entry.id]).toMatchObject({ seed: 1, attempts: 2 });
  });

  it('the hardest push: the most wrong point is named as cross-entropy’s pick; the largest |(ŷ − t)σ′| is right', () => {
    inSite(<HardestPushExercise />);
    const t = Number(/class t = ([01])/.exec(region().textContent ?? '')![1]);
    const radios = within(region()).getAllByRole('radio');
    const z = radios.map((r) => read(r.closest('label')!.textContent!.replace('z = ', '')));
    const sizes = z.map((v) => Math.abs(push(v, t)));
    const best = sizes.indexOf(Math.max(...sizes));
    // the options are shuffled by the seed: the most wrong point is the one with the largest |ŷ − t|
    const wrongness = z.map((v) => Math.abs(1 / (1 + Math.exp(-v)) - t));
    const mostWrong = wrongness.indexOf(Math.max(...wrongness));
    fireEvent.click(radios[mostWrong]!);
    fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
    expect(status().textContent).toMatch(/^Not quite: that is the most wrong point, the one cross-entropy pushes hardest/);
    fireEvent.click(radios[best]!);
    fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
    expect(status().textContent).toMatch(/^Right: /);
    expect(progress.getState().solved[HARDEST_PUSH_EXERCISE.entry.id]).toMatchObject({ seed: 1, attempts: 2 });
  });
});
