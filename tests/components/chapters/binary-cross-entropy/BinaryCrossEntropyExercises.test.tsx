import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createProgressStore, ProgressProvider, type ProgressStore } from '../../../../src/state/progressStore';
import { GradientExercise, LossExercise, WithLogitsExercise } from '../../../../src/chapters/binary-cross-entropy/BinaryCrossEntropyExercises';
import { WITH_LOGITS_EXERCISE } from '../../../../src/chapters/binary-cross-entropy/binaryCrossEntropyExerciseSpecs';

let progress: ProgressStore;
beforeEach(() => {
  progress = createProgressStore(null);
  window.history.replaceState(null, '', '#/binary-cross-entropy');
});
afterEach(cleanup);

const inSite = (ui: ReactElement) => render(<ProgressProvider store={progress}>{ui}</ProgressProvider>);
const region = () => screen.getByRole('region', { name: /^Exercise/ });
const status = () => within(region()).getByRole('status');
const check = (label: string, typed: string) => {
  fireEvent.change(within(region()).getByRole('textbox', { name: `${label} =` }), { target: { value: typed } });
  fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
};

/** z and t as the prompt shows them; what a learner computes from them, by the textbook formulas. */
function numbersShown() {
  const text = region().textContent ?? '';
  const z = Number(/z = (−?[\d.]+)/.exec(text)![1]!.replace('−', '-'));
  const t = Number(/t = ([01])/.exec(text)![1]);
  const yHat = 1 / (1 + Math.exp(-z));
  return { z, t, yHat, loss: -(t * Math.log(yHat) + (1 - t) * Math.log(1 - yHat)) };
}

describe('chapter 5’s exercises, as a learner meets them', () => {
  it('the loss: the loss computed from the numbers shown is right; the loss in bits is named', () => {
    inSite(<LossExercise />);
    expect(screen.getByRole('heading', { name: 'Exercise: the loss of one logit' })).toBeTruthy();
    const { loss } = numbersShown();
    check('L', (loss / Math.LN2).toPrecision(3));
    expect(status().textContent).toMatch(/^Not quite: that is the loss with log base 2/);
    check('L', loss.toPrecision(3));
    expect(status().textContent).toMatch(/^Right: at z = .* and t = [01], L = /);
    expect(progress.getState().solved['binary-cross-entropy/LossExercise']).toMatchObject({ seed: 1, attempts: 2 });
  });

  it('the gradient: ŷ − t is right; ∂L/∂ŷ alone is named', () => {
    inSite(<GradientExercise />);
    const { t, yHat } = numbersShown();
    check('∂L/∂z', (t === 1 ? -1 / yHat : 1 / (1 - yHat)).toPrecision(3));
    expect(status().textContent).toMatch(/^Not quite: that is ∂L\/∂ŷ/);
    check('∂L/∂z', (yHat - t).toPrecision(3));
    expect(status().textContent).toMatch(/^Right: /);
  });

  it('spot the bug: the line is shown as code; “nothing wrong” is named, the sigmoid twice is right', () => {
    inSite(<WithLogitsExercise />);
    expect(region().querySelector('pre code')?.textContent).toBe('loss = F.binary_cross_entropy_with_logits(torch.sigmoid(z), t)');
    const group = within(region()).getByRole('group', { name: 'What goes wrong?' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(4);
    const { z, t, loss } = numbersShown();
    const q = WITH_LOGITS_EXERCISE.make(1);
    expect([q.z, q.t]).toEqual([z, t]);
    fireEvent.click(within(group).getByRole('radio', { name: /^Nothing:/ }));
    fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
    expect(status().textContent).toMatch(/^Not quite: that would be F\.binary_cross_entropy\(torch\.sigmoid\(z\), t\)/);
    const buggy = -(t * Math.log(1 / (1 + Math.exp(-1 / (1 + Math.exp(-z))))) + (1 - t) * Math.log(1 - 1 / (1 + Math.exp(-1 / (1 + Math.exp(-z))))));
    fireEvent.click(within(group).getByRole('radio', { name: new RegExp(`^It returns ${buggy.toPrecision(3)}, not ${loss.toPrecision(3)}`) }));
    fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
    expect(status().textContent).toMatch(/^Right: the sigmoid is applied twice/);
  });
});
