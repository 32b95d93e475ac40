import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createProgressStore, ProgressProvider, type ProgressStore } from '../../../../src/state/progressStore';
import { AliasExercise, CentralDifferenceExercise } from '../../../../src/chapters/gradient-check/GradientCheckExercises';

let progress: ProgressStore;
beforeEach(() => {
  progress = createProgressStore(null);
  window.history.replaceState(null, '', '#/gradient-check');
});
afterEach(cleanup);

const inSite = (ui: ReactElement) => render(<ProgressProvider store={progress}>{ui}</ProgressProvider>);
const region = () => screen.getByRole('region', { name: /^Exercise/ });
const status = () => within(region()).getByRole('status');
const read = (v: string) => Number(v.replace('−', '-'));
const SUBSCRIPTS = '₁₂₃';

describe('CentralDifferenceExercise', () => {
  /** The loss written out, ln Σ e^z − z_t, and the central difference computed from the numbers shown, as a learner would. */
  function answerShown(): { central: number; forward: number } {
    const text = region().textContent ?? '';
    const z = /z = \(([^)]*)\)/.exec(text)![1]!.split(', ').map(read);
    const t = Number(/t = (\d)/.exec(text)![1]) - 1;
    const h = Number(/h = ([\d.]+)/.exec(text)![1]);
    const k = SUBSCRIPTS.indexOf(/∂L\/∂z(.)/.exec(text)![1]!);
    const L = (x: number) => Math.log(z.reduce((s, v, j) => s + Math.exp(j === k ? x : v), 0)) - (t === k ? x : z[t]!);
    const x = z[k]!;
    return { central: (L(x + h) - L(x - h)) / (2 * h), forward: (L(x + h) - L(x)) / h };
  }
  const check = (typed: string) => {
    fireEvent.change(within(region()).getByRole('textbox', { name: 'estimate =' }), { target: { value: typed } });
    fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
  };

  it('is "Exercise: a central difference by hand"; the forward difference is named, the central one is right', () => {
    inSite(<CentralDifferenceExercise />);
    expect(screen.getByRole('heading', { name: 'Exercise: a central difference by hand' })).toBeTruthy();
    const { central, forward } = answerShown();
    check(forward.toPrecision(3));
    expect(status().textContent).toMatch(/^Not quite: that is the forward difference/);
    check(central.toPrecision(3));
    expect(status().textContent).toMatch(/^Right: the central difference at h = /);
  });
});

describe('AliasExercise', () => {
  it('shows the NumPy lines as code, and the option that follows from them is right', () => {
    inSite(<AliasExercise />);
    // the lines wrap on a phone (the frame's CSS), so they need no scroll box and no keyboard stop
    const code = region().querySelector('pre')!;
    // both calls after both moves: f sees x twice; a call between the moves: f(x + h) and f(x)
    const between = /fp = f\(xp\)/.test(code.textContent ?? '');
    const options = within(region()).getAllByRole('radio');
    expect(options).toHaveLength(5);
    fireEvent.click(within(region()).getByRole('radio', { name: /as intended/ }));
    fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
    expect(status().textContent).toMatch(/makes no copy/);
    fireEvent.click(within(region()).getByRole('radio', { name: between ? /About half/ : /Exactly 0/ }));
    fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
    expect(status().textContent).toMatch(/^Right: g\[i\] is /);
  });
});
