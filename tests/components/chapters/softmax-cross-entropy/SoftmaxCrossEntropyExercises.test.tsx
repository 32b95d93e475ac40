import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createProgressStore, ProgressProvider, type ProgressStore } from '../../../../src/state/progressStore';
import { GradientExercise, SignPatternExercise, StepBugExercise } from '../../../../src/chapters/softmax-cross-entropy/SoftmaxCrossEntropyExercises';

let progress: ProgressStore;
beforeEach(() => {
  progress = createProgressStore(null);
  window.history.replaceState(null, '', '#/softmax-cross-entropy');
});
afterEach(cleanup);

const inSite = (ui: ReactElement) => render(<ProgressProvider store={progress}>{ui}</ProgressProvider>);
const region = () => screen.getByRole('region', { name: /^Exercise/ });
const status = () => within(region()).getByRole('status');
const checkButton = () => within(region()).getByRole('button', { name: 'Check' });
const numbers = (text: string) => text.split(', ').map((v) => Number(v.replace('−', '-')));

/** softmax of the numbers shown, the way a learner's calculator does it */
const softmax = (z: number[]) => z.map((v) => Math.exp(v) / z.reduce((s, w) => s + Math.exp(w), 0));

describe('chapter 4’s exercises, answered from the numbers shown', () => {
  it('one entry of the gradient: p_k − y_k is right; p_t alone for the true class, or 0 for another, is named', () => {
    inSite(<GradientExercise />);
    expect(screen.getByRole('heading', { name: 'Exercise: one entry of the gradient' })).toBeTruthy();
    const text = region().textContent ?? '';
    const z = numbers(/z = \(([^)]*)\)/.exec(text)![1]!);
    const t = Number(/true class is class (\d)/.exec(text)![1]) - 1;
    const k = '₁₂₃₄'.indexOf(/∂L\/∂z(.) of/.exec(text)![1]!);
    const p = softmax(z);
    const field = within(region()).getByRole('textbox', { name: /^∂L\/∂z. =$/ });
    const check = (typed: string) => {
      fireEvent.change(field, { target: { value: typed } });
      fireEvent.click(checkButton());
    };
    check(k === t ? p[k]!.toPrecision(3) : '0');
    expect(status().textContent).toMatch(k === t ? /p. alone/ : /that is 0/);
    check((p[k]! - (k === t ? 1 : 0)).toPrecision(3));
    expect(status().textContent).toMatch(/^Right: ∂L\/∂z. = /);
  });

  it('which entries are negative: those with y_j > p_j are right; all of them is named', () => {
    inSite(<SignPatternExercise />);
    const text = region().textContent ?? '';
    const z = numbers(/z = \(([^)]*)\)/.exec(text)![1]!);
    const y = numbers(/y = \(([^)]*)\)/.exec(text)![1]!);
    const p = softmax(z);
    const boxes = within(region()).getAllByRole('checkbox');
    expect(boxes).toHaveLength(z.length);
    boxes.forEach((box) => fireEvent.click(box));
    fireEvent.click(checkButton());
    expect(status().textContent).toMatch(/cannot all be negative/);
    boxes.forEach((box, j) => {
      if (p[j]! >= y[j]!) fireEvent.click(box);
    });
    fireEvent.click(checkButton());
    expect(status().textContent).toMatch(/^Right: negative: /);
  });

  it('spot the bug: the code is shown, "nothing" is named, "the loss goes up" is right', () => {
    inSite(<StepBugExercise />);
    const code = region().querySelector('pre code')?.textContent ?? '';
    expect(code).toMatch(/^z = np\.array\(\[.*\]\)\ny = np\.array\(\[.*\]\)\np = .*\ngrad = y - p\nz = z - [\d.]+ \* grad$/);
    fireEvent.click(within(region()).getByRole('radio', { name: /^Nothing/ }));
    fireEvent.click(checkButton());
    expect(status().textContent).toMatch(/negative of ∂L\/∂z/);
    fireEvent.click(within(region()).getByRole('radio', { name: /^The loss goes up/ }));
    fireEvent.click(checkButton());
    expect(status().textContent).toMatch(/^Right: the step is uphill: the loss rises from [\d.]+ to [\d.]+\.$/);
  });
});
