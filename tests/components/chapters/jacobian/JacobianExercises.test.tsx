import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createProgressStore, ProgressProvider, type ProgressStore } from '../../../../src/state/progressStore';
import { DiagonalOnlyExercise, OffDiagonalExercise, RowSignsExercise } from '../../../../src/chapters/jacobian/JacobianExercises';

let progress: ProgressStore;
beforeEach(() => {
  progress = createProgressStore(null);
  window.history.replaceState(null, '', '#/jacobian');
});
afterEach(cleanup);

const inSite = (ui: ReactElement) => render(<ProgressProvider store={progress}>{ui}</ProgressProvider>);
const region = () => screen.getByRole('region', { name: /^Exercise/ });
const status = () => within(region()).getByRole('status');
const checkButton = () => within(region()).getByRole('button', { name: 'Check' });
const SUBSCRIPTS = '₁₂₃₄';

/** The logits shown, read from the prompt as a learner would. */
function logitsShown(): number[] {
  const text = region().textContent ?? '';
  return /z = \(([^)]*)\)/.exec(text)![1]!.split(', ').map((v) => Number(v.replace('−', '-')));
}
const softmaxOf = (z: readonly number[]) => {
  const e = z.map(Math.exp);
  const total = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / total);
};
const tick = (label: RegExp) => fireEvent.click(within(region()).getByRole('checkbox', { name: label }));
const choose = (label: RegExp) => fireEvent.click(within(region()).getByRole('radio', { name: label }));

describe('chapter 3’s exercises, on the numbers they show', () => {
  it('the signs of one row: ticking every entry off the diagonal is right; the whole row names the positive diagonal entry', () => {
    inSite(<RowSignsExercise />);
    expect(screen.getByRole('heading', { name: 'Exercise: the signs of one row' })).toBeTruthy();
    const row = Number(/Row (\d) of J/.exec(region().textContent ?? '')![1]);
    const z = logitsShown();
    const own = new RegExp(`^J${SUBSCRIPTS[row - 1]}${SUBSCRIPTS[row - 1]} `);
    z.forEach((_, j) => tick(new RegExp(`^J${SUBSCRIPTS[row - 1]}${SUBSCRIPTS[j]} `)));
    fireEvent.click(checkButton());
    expect(status().textContent).toMatch(/^Not quite: J(.)\1 = p.\(1 − p.\) is positive/);
    tick(own);
    fireEvent.click(checkButton());
    expect(status().textContent).toMatch(/^Right: the negative entries of row \d are /);
  });

  it('an entry off the diagonal: −p_i p_j from the logits shown is right; +p_i p_j is named', () => {
    inSite(<OffDiagonalExercise />);
    const text = region().textContent ?? '';
    const [, i, j] = /row (\d), column (\d)/.exec(text)!.map(Number) as [number, number, number];
    const p = softmaxOf(logitsShown());
    const field = within(region()).getByRole('textbox', { name: `J${SUBSCRIPTS[i - 1]}${SUBSCRIPTS[j - 1]} =` });
    fireEvent.change(field, { target: { value: (p[i - 1]! * p[j - 1]!).toPrecision(3) } });
    fireEvent.click(checkButton());
    expect(status().textContent).toMatch(/^Not quite: that is \+p.p.: the sign is dropped/);
    fireEvent.change(field, { target: { value: (-p[i - 1]! * p[j - 1]!).toPrecision(3) } });
    fireEvent.click(checkButton());
    expect(status().textContent).toMatch(/^Right: J.. = −p.p. = −0\.\d/);
  });

  it('spot the bug: the NumPy line is shown as code; "too small" is named, the rows that no longer sum to 0 are right', () => {
    inSite(<DiagonalOnlyExercise />);
    expect(region().querySelector('pre > code')?.textContent).toBe('J = np.diag(p * (1 - p))');
    choose(/too small/);
    fireEvent.click(checkButton());
    expect(status().textContent).toMatch(/^Not quite: they are as large as what it keeps: in every row they add up to minus the diagonal entry/);
    choose(/rows no longer sum to 0/);
    fireEvent.click(checkButton());
    expect(status().textContent).toMatch(/^Right: its rows sum to p_i\(1 − p_i\), not 0/);
  });
});
