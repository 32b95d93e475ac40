import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { EmbedContext } from '../../../src/state/embedContext';
import { createProgressStore, ProgressProvider, type ProgressStore } from '../../../src/state/progressStore';
import { ProbabilityExercise, SharesExercise } from '../../../src/chapters/softmax/SoftmaxExercises';
import { SHARES_EXERCISE } from '../../../src/chapters/softmax/softmaxExerciseSpecs';
import { ExerciseSeedProvider } from '../../../src/exercises/exerciseSeed';

let progress: ProgressStore;
beforeEach(() => {
  progress = createProgressStore(null);
  window.history.replaceState(null, '', '#/softmax');
});
afterEach(cleanup);

const inSite = (ui: ReactElement) => render(<ProgressProvider store={progress}>{ui}</ProgressProvider>);
const region = () => screen.getByRole('region', { name: /^Exercise/ });
const status = () => within(region()).getByRole('status');
const click = (name: string) => fireEvent.click(within(region()).getByRole('button', { name }));

/** The logits the prompt shows, read as a learner would. */
function logitsShown(): number[] {
  const text = region().textContent ?? '';
  return /z = \(([^)]*)\)/.exec(text)![1]!.split(', ').map((v) => Number(v.replace('−', '-')));
}

/** Move bar `i` to `value` (on the 0.01 grid, from 0) with the keyboard alone: Page Up is 0.1, an arrow 0.01. */
function setBar(i: number, value: number) {
  const bar = within(region()).getAllByRole('slider')[i]!;
  const hundredths = Math.round(value * 100);
  for (let n = 0; n < Math.floor(hundredths / 10); n++) fireEvent.keyDown(bar, { key: 'PageUp' });
  for (let n = 0; n < hundredths % 10; n++) fireEvent.keyDown(bar, { key: 'ArrowUp' });
}

describe('a drag exercise (chapter 2’s SharesExercise)', () => {
  it('one keyboard slider per class, named "p₁, your prediction" and starting at 0; Check before moving any is refused', () => {
    inSite(<SharesExercise />);
    const z = logitsShown();
    const bars = within(region()).getAllByRole('slider');
    expect(bars).toHaveLength(z.length);
    expect(bars[0]!.getAttribute('aria-label')).toBe('p₁, your prediction');
    expect(bars.map((b) => b.getAttribute('aria-valuenow'))).toEqual(z.map(() => '0'));
    click('Check');
    expect(status().textContent).toBe('Move the bars to your prediction first.');
  });

  it('bars set by keys to softmax of the logits shown (computed here) are right; the core’s bars then stand beside them, with their numbers in words', () => {
    inSite(<SharesExercise />);
    const z = logitsShown();
    const total = z.reduce((s, v) => s + Math.exp(v), 0);
    const p = z.map((v) => Math.exp(v) / total);
    p.forEach((v, i) => setBar(i, v));
    expect(within(region()).getAllByRole('slider')[0]!.getAttribute('aria-valuenow')).toBe(String(Math.round(p[0]! * 100) / 100));
    click('Check');
    expect(status().textContent).toMatch(/^Right: p = \(/);
    const words = within(region()).getByText(/^Your bars beside the core’s/).textContent!;
    expect(words).toContain(`p₁: yours ${(Math.round(p[0]! * 100) / 100).toFixed(2)}, the core’s ${p[0]!.toFixed(3)}`);
    expect(region().querySelectorAll('.truth-bar')).toHaveLength(z.length);
    // the exercise is over: the bars no longer take keys
    const first = within(region()).getAllByRole('slider')[0]!;
    fireEvent.keyDown(first, { key: 'ArrowUp' });
    expect(first.getAttribute('aria-valuenow')).toBe(String(Math.round(p[0]! * 100) / 100));
  });

  it('all the mass on the largest logit is named as argmax, and the core’s bars stay hidden while the exercise goes on', () => {
    inSite(<SharesExercise />);
    const z = logitsShown();
    setBar(z.indexOf(Math.max(...z)), 1);
    click('Check');
    expect(status().textContent).toMatch(/^Not quite: that is argmax as a one-hot vector/);
    expect(region().querySelectorAll('.truth-bar')).toHaveLength(0);
  });

  it('after the worked answer the button "Set the softmax explorer to these numbers" puts the logits and T = 1 in the address', () => {
    window.history.replaceState(null, '', '#/softmax?pb=5&y=2');
    inSite(<SharesExercise />);
    const z = SHARES_EXERCISE.make(5).z;
    for (const name of ['Hint', 'Next hint', 'Show the worked answer']) click(name);
    expect(region().querySelectorAll('.truth-bar')).toHaveLength(z.length);
    click('Set the softmax explorer to these numbers');
    const query = new URLSearchParams(window.location.hash.split('?')[1]);
    expect(query.get('z')).toBe(z.join(','));
    expect(query.get('T')).toBe('1');
    // the rest of the address is left as it was
    expect(query.get('pb')).toBe('5');
    expect(query.get('y')).toBe('2');
    expect(within(region()).getByText('The softmax explorer now shows them.')).toBeTruthy();
  });

  it('after the worked answer the bars still move, and the worked values checked are right (with every hint counted)', () => {
    window.history.replaceState(null, '', '#/softmax?pb=5');
    inSite(<SharesExercise />);
    for (const name of ['Hint', 'Next hint', 'Show the worked answer']) click(name);
    const z = logitsShown();
    const total = z.reduce((s, v) => s + Math.exp(v), 0);
    z.forEach((v, i) => setBar(i, Math.exp(v) / total));
    click('Check');
    expect(status().textContent).toMatch(/^Right/);
    expect(progress.getState().solved[SHARES_EXERCISE.entry.id]?.hintsUsed).toBe(3);
  });

  it('embedded, the worked answer links to the chapter on these numbers in a new tab, instead of a button', () => {
    window.history.replaceState(null, '', '#/embed/softmax/SharesExercise?pb=5');
    render(
      <EmbedContext.Provider value={{ embedded: true, hidden: new Set<string>(), locked: new Set<string>() }}>
        <ProgressProvider store={progress}>
          <SharesExercise />
        </ProgressProvider>
      </EmbedContext.Provider>,
    );
    for (const name of ['Hint', 'Next hint', 'Show the worked answer']) click(name);
    const link = within(region()).getByRole('link', { name: 'Open the softmax explorer on these numbers' });
    expect(link.getAttribute('href')).toBe(`#/softmax?z=${encodeURIComponent(SHARES_EXERCISE.make(5).z.join(','))}&T=1`);
    expect(link.getAttribute('target')).toBe('_blank');
  });
});

describe('a number exercise once it is over', () => {
  it('a right answer shows the learner’s figures beside the core’s six', () => {
    inSite(<ProbabilityExercise />);
    const text = region().textContent ?? '';
    const z = /z = \(([^)]*)\)/.exec(text)![1]!.split(', ').map((v) => Number(v.replace('−', '-')));
    const k = Number(/give class (\d)/.exec(text)![1]) - 1;
    const p = Math.exp(z[k]!) / z.reduce((s, v) => s + Math.exp(v), 0);
    fireEvent.change(within(region()).getByRole('textbox'), { target: { value: p.toPrecision(3) } });
    click('Check');
    expect(within(region()).getByText(/^Your prediction:/).textContent).toBe(`Your prediction: ${p.toPrecision(3)}. The core: ${p.toPrecision(6)} (to 6 figures).`);
  });
});

describe('an exercise whose seed the page gives (Review)', () => {
  it('links to the chapter on its numbers, in the same tab, instead of setting an explorer that is not there', () => {
    window.history.replaceState(null, '', '#/review');
    render(
      <ProgressProvider store={progress}>
        <ExerciseSeedProvider seed={5} setSeed={() => {}}>
          <SharesExercise />
        </ExerciseSeedProvider>
      </ProgressProvider>,
    );
    for (const name of ['Hint', 'Next hint', 'Show the worked answer']) click(name);
    const link = within(region()).getByRole('link', { name: 'Open the softmax explorer on these numbers' });
    expect(link.getAttribute('href')).toBe(`#/softmax?z=${encodeURIComponent(SHARES_EXERCISE.make(5).z.join(','))}&T=1`);
    expect(link.getAttribute('target')).toBeNull();
    expect(within(region()).queryByRole('button', { name: /^Set the/ })).toBeNull();
  });

  it('"New numbers" skips the set the learner solved: solved on set 6, shown set 5, the next is 7', () => {
    progress.getState().markSolved(SHARES_EXERCISE.entry.id, { seed: 6, attempts: 1, hintsUsed: 0, at: Date.now() });
    const seeds: number[] = [];
    render(
      <ProgressProvider store={progress}>
        <ExerciseSeedProvider seed={5} setSeed={(s) => seeds.push(s)}>
          <SharesExercise />
        </ExerciseSeedProvider>
      </ProgressProvider>,
    );
    click('New numbers');
    expect(seeds).toEqual([7]);
  });
});
