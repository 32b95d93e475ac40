import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createProgressStore, ProgressProvider, type ProgressStore } from '../../../../src/state/progressStore';
import { GradientExercise, RateExercise } from '../../../../src/chapters/logistic-regression/LogisticRegressionExercises';
import { GRADIENT_EXERCISE, RATE_EXERCISE } from '../../../../src/chapters/logistic-regression/logisticRegressionExerciseSpecs';

let progress: ProgressStore;
beforeEach(() => {
  progress = createProgressStore(null);
  window.history.replaceState(null, '', '#/logistic-regression');
});
afterEach(cleanup);

const inSite = (ui: ReactElement) => render(<ProgressProvider store={progress}>{ui}</ProgressProvider>);
const region = () => screen.getByRole('region', { name: /^Exercise/ });
const status = () => within(region()).getByRole('status');
const read = (v: string) => Number(v.replace('−', '-'));

/** The numbers shown (seed 1's), read from the text, and the asked component worked out here from them. */
function gradientShown() {
  const text = region().textContent ?? '';
  const [, w1, w2, b] = /w₁ = (\S+), w₂ = (\S+), b = (\S+?)(?=, and| and|,)/.exec(text)!;
  const points = [...text.matchAll(/x₁ = (\S+), x₂ = (\S+), class t = ([01])/g)].map((m) => ({ x1: read(m[1]!), x2: read(m[2]!), t: Number(m[3]) }));
  const which = /What is ∂L\/∂(w₁|w₂|b)/.exec(text)![1];
  const w = [read(w1!), read(w2!), read(b!)];
  const terms = points.map((p) => {
    const y = 1 / (1 + Math.exp(-(w[0]! * p.x1 + w[1]! * p.x2 + w[2]!)));
    return (y - p.t) * (which === 'w₁' ? p.x1 : which === 'w₂' ? p.x2 : 1);
  });
  return { m: points.length, g: terms.reduce((s, v) => s + v, 0) / points.length, which };
}

describe('chapter 6’s exercises in their frame', () => {
  it('the gradient: the answer worked out from the numbers shown is right and kept; the sum over the points is named', () => {
    inSite(<GradientExercise />);
    expect(screen.getByRole('heading', { name: 'Exercise: one component of the gradient' })).toBeTruthy();
    const { m, g, which } = gradientShown();
    // the field is labelled with the component the prompt asks for
    const field = within(region()).getByRole('textbox', { name: `∂L/∂${which} =` });
    const check = (typed: string) => {
      fireEvent.change(field, { target: { value: typed } });
      fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
    };
    check((m * g).toPrecision(3));
    expect(status().textContent).toMatch(/^Not quite: that is the sum over the \d points/);
    check(g.toPrecision(3));
    expect(status().textContent).toMatch(/^Right: ∂L\/∂(w₁|w₂|b) = /);
    expect(progress.getState().solved[GRADIENT_EXERCISE.entry.id]).toMatchObject({ seed: 1, attempts: 2 });
  });

  it('the rate: the first option with |1 − ηλmax| > 1 is right; a zigzagging one is named', () => {
    inSite(<RateExercise />);
    const lambda = read(/λmax = (\S+?)\. /.exec(region().textContent ?? '')![1]!);
    const radios = within(region()).getAllByRole('radio');
    const rates = radios.map((r) => read(r.closest('label')!.textContent!.replace('η = ', '')));
    const first = rates.findIndex((r) => Math.abs(1 - r * lambda) > 1);
    const zigzag = rates.findIndex((r) => 1 - r * lambda < 0 && 1 - r * lambda > -1);
    fireEvent.click(radios[zigzag]!);
    fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
    expect(status().textContent).toMatch(/^Not quite: .*zigzags in and settles/);
    fireEvent.click(radios[first]!);
    fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
    expect(status().textContent).toMatch(/^Right: /);
    expect(progress.getState().solved[RATE_EXERCISE.entry.id]).toMatchObject({ seed: 1, attempts: 2 });
  });
});
