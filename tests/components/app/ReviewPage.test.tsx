import { beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../src/app/App';
import { ReviewPage } from '../../../src/app/ReviewPage';
import { LabProvider } from '../../../src/state/LabContext';
import { createProgressStore, ProgressProvider, type ProgressStore } from '../../../src/state/progressStore';
import type { Solved } from '../../../src/state/progress';

// The learner's clock, fixed: 20 January 2025, 12:00 local time (calendar day 20108).
const at = (day: number, hour: number) => new Date(2025, 0, day, hour).getTime();
const NOW = at(20, 12);
// On day 20108 the review step is 1 + (20108 · 7907 mod 99 998) = 1 + 97 134 = 97 135 seeds on
// (see tests/unit/exercises/reviewPick.test.ts): set 3 is reviewed on 97 138, set 5 on 97 140.
const solvedOn = (seed: number, time: number): Solved => ({ seed, attempts: 1, hintsUsed: 0, at: time });

function storeWith(entries: Record<string, Solved>): ProgressStore {
  const store = createProgressStore(null);
  for (const [id, entry] of Object.entries(entries)) store.getState().markSolved(id, entry);
  return store;
}

const review = (store: ProgressStore) =>
  render(
    <LabProvider>
      <ProgressProvider store={store}>
        <ReviewPage now={NOW} />
      </ProgressProvider>
    </LabProvider>,
  );

/** The exercise regions, once all `count` have loaded (each from its chapter's chunk). */
async function exercises(count: number): Promise<HTMLElement[]> {
  await waitFor(() => expect(screen.getAllByRole('region', { name: /^Exercise/ })).toHaveLength(count), { timeout: 20_000 });
  return screen.getAllByRole('region', { name: /^Exercise/ });
}
const numbersSet = (region: HTMLElement) => Number(/Numbers: set (\d+)/.exec(region.textContent ?? '')?.[1]);

beforeEach(() => {
  window.history.replaceState(null, '', '#/review');
});

// each exercise loads its chapter's lazy chunk, which in jsdom on a busy 2-core machine takes seconds
describe('<ReviewPage now={20 January 2025, 12:00}>', { timeout: 30_000 }, () => {
  it('shows the due exercises under their chapters, the longest since first, each on a set other than the one it was solved on', async () => {
    const store = storeWith({
      'information/CrossEntropyExercise': solvedOn(5, at(18, 9)), // 2 days 3 hours ago
      'softmax/ProbabilityExercise': solvedOn(3, at(12, 9)), // 8 days 3 hours ago
      'softmax/TemperatureExercise': solvedOn(8, at(20, 10)), // 2 hours ago: not due
    });
    review(store);
    expect(screen.getByRole('heading', { level: 1, name: 'Review' })).toBeTruthy();
    expect(screen.getByText(/^2 exercises are due/)).toBeTruthy();
    const regions = await exercises(2);
    expect(regions.map((r) => within(r).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Exercise: one probability by hand',
      'Exercise: a cross-entropy in bits',
    ]);
    expect(regions.map(numbersSet)).toEqual([97138, 97140]);
    // each chapter is an h2 linking to it, above its exercises' h3: the headings go h1, h2, h3, h2, h3
    const chapters = screen.getAllByRole('heading', { level: 2 });
    expect(chapters.map((h) => [h.textContent, within(h).getByRole('link').getAttribute('href')])).toEqual([
      ['Chapter 2: Softmax', '#/softmax'],
      ['Chapter 1: Information and cross-entropy', '#/information'],
    ]);
    const order = [...document.querySelectorAll('h1, h2, h3')].map((h) => h.tagName);
    expect(order).toEqual(['H1', 'H2', 'H3', 'H2', 'H3']);
    expect(screen.getByText('Last solved 8 days ago, on set 3.')).toBeTruthy();
    expect(screen.getByText('Last solved 2 days ago, on set 5.')).toBeTruthy();
  });

  it('an exercise solved here is kept with its review set, and stays on the page, marked solved', async () => {
    const store = storeWith({ 'softmax/ProbabilityExercise': solvedOn(3, at(12, 9)) });
    review(store);
    const [region] = await exercises(1);
    // the answer computed from the numbers shown, as a learner would
    const text = region!.textContent ?? '';
    const z = /z = \(([^)]*)\)/.exec(text)![1]!.split(', ').map((v) => Number(v.replace('−', '-')));
    const k = Number(/give class (\d)/.exec(text)![1]) - 1;
    const p = Math.exp(z[k]!) / z.reduce((s, v) => s + Math.exp(v), 0);
    expect(within(region!).getByText('Solved before')).toBeTruthy();
    fireEvent.change(within(region!).getByRole('textbox'), { target: { value: p.toPrecision(3) } });
    fireEvent.click(within(region!).getByRole('button', { name: 'Check' }));
    expect(store.getState().solved['softmax/ProbabilityExercise']).toMatchObject({ seed: 97138, attempts: 1 });
    expect(screen.getAllByRole('region', { name: /^Exercise/ })).toHaveLength(1);
    expect(within(region!).getByText('Solved')).toBeTruthy();
  });

  it('none due: says the next falls due tomorrow at 10:00, and "Practise anyway" shows the least recently solved on new numbers', async () => {
    const store = storeWith({
      'softmax/ProbabilityExercise': solvedOn(3, at(20, 10)),
      'softmax/TemperatureExercise': solvedOn(8, at(20, 11)),
    });
    review(store);
    expect(screen.getByTestId('review-none-due').textContent).toMatch(/The next falls due tomorrow, at 10:00\.$/);
    expect(screen.queryByRole('region', { name: /^Exercise/ })).toBeNull();
    const anyway = screen.getByRole('button', { name: 'Practise anyway' });
    expect(anyway.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(anyway);
    expect(anyway.getAttribute('aria-expanded')).toBe('true');
    const regions = await exercises(2);
    expect(regions.map((r) => within(r).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Exercise: one probability by hand',
      'Exercise: a probability at a temperature',
    ]);
    // set 3 → 97 138, set 8 → 97 143
    expect(regions.map(numbersSet)).toEqual([97138, 97143]);
    expect(screen.getByText('Last solved less than a day ago, on set 3.')).toBeTruthy();
  });

  it('nothing solved: a friendly word and a link to the chapters, no exercise', () => {
    review(storeWith({}));
    const message = screen.getByTestId('review-nothing-solved');
    expect(message.textContent).toMatch(/^You have not solved an exercise yet\./);
    expect(within(message).getByRole('link', { name: 'Choose a chapter' }).getAttribute('href')).toBe('#/');
    expect(screen.queryByRole('region', { name: /^Exercise/ })).toBeNull();
  });

  it('a solved id that is no exercise (any more) counts as nothing solved', () => {
    review(storeWith({ 'softmax/RetiredExercise': solvedOn(3, at(1, 9)) }));
    expect(screen.getByTestId('review-nothing-solved')).toBeTruthy();
  });
});

describe('<App> at #/review', () => {
  it('is titled "Review · Logit Lab", and the header’s Review link says it is the current page', async () => {
    localStorage.clear();
    window.location.hash = '#/review';
    render(<App />);
    await act(async () => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Review' })).toBeTruthy();
    expect(document.title).toBe('Review · Logit Lab');
    const nav = screen.getByRole('navigation', { name: 'Site' });
    expect(within(nav).getByRole('link', { name: 'Review' }).getAttribute('aria-current')).toBe('page');
  });
});
