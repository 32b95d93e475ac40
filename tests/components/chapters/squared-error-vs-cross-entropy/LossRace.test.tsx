import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { EmbedContext } from '../../../../src/state/embedContext';
import { LossRace, RACE_POINTS, RACE_SEED } from '../../../../src/chapters/squared-error-vs-cross-entropy/LossRace';
import { makeRaceData } from '../../../../src/chapters/squared-error-vs-cross-entropy/lossRaceMath';
import { renderWithLab } from '../../renderWithLab';

const cell = (id: string) => screen.getByTestId(id);
const value = (id: string) => Number(cell(id).getAttribute('data-value'));

describe('<LossRace>', () => {
  it('starts at step 0 from the confidently wrong weights, with Play, Step and Reset', () => {
    renderWithLab(<LossRace />);
    expect(cell('race-step').textContent).toBe('Step 0 of 300.');
    expect(cell('race-weights-se').textContent).toBe('(−4.000, −4.000, 0.000)');
    for (const name of ['Play', 'Step', 'Reset']) expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'learning rate η' })).toBeTruthy();
  });

  it('Step changes both losses and both weight vectors', () => {
    renderWithLab(<LossRace />);
    const before = [value('race-loss-se'), value('race-loss-ce')];
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(cell('race-step').textContent).toBe('Step 1 of 300.');
    expect(value('race-loss-se')).toBeLessThan(before[0] ?? NaN);
    expect(value('race-loss-ce')).toBeLessThan(before[1] ?? NaN);
  });

  it('the neutral start shows ½ × ¼ = 0.1250 and ln 2 = 0.6931, and one Step is a quarter as long for squared error', () => {
    renderWithLab(<LossRace />);
    fireEvent.click(screen.getByRole('radio', { name: /^neutral/ }));
    expect(cell('race-loss-se').textContent).toBe('0.1250');
    expect(cell('race-loss-ce').textContent).toBe('0.6931');
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    const se = (cell('race-weights-se').getAttribute('data-value') ?? '').split(',').map(Number);
    const ce = (cell('race-weights-ce').getAttribute('data-value') ?? '').split(',').map(Number);
    se.forEach((w, k) => expect(w).toBeCloseTo((ce[k] ?? NaN) / 4, 15));
  });

  it('Reset goes back to step 0 with the same starting losses', () => {
    renderWithLab(<LossRace />);
    const start = value('race-loss-ce');
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(cell('race-step').textContent).toBe('Step 0 of 300.');
    expect(value('race-loss-ce')).toBe(start);
  });

  it('Play turns into Pause and advances on animation frames; Pause stops it', async () => {
    renderWithLab(<LossRace />);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    const step = Number(/Step (\d+)/.exec(cell('race-step').textContent ?? '')?.[1]);
    expect(step).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    const paused = cell('race-step').textContent;
    await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
    expect(cell('race-step').textContent).toBe(paused);
  });

  it('the learning-rate slider is clamped to its range and shown with one decimal', () => {
    renderWithLab(<LossRace />);
    const slider = screen.getByRole('slider', { name: 'learning rate η' });
    fireEvent.change(slider, { target: { value: '2.5' } });
    expect(slider.getAttribute('aria-valuetext')).toBe('2.5');
  });
});

/**
 * Cross-entropy's race by hand from w = 0: each step is w ← w − η·(1/n)·Σ (σ(w·x̃ᵢ) − tᵢ)·x̃ᵢ, with
 * x̃ = [x₁, x₂, 1]. Written out here, not taken from the core, so a replay is checked against the rule.
 */
function crossEntropyByHand(rate: number, steps: number): number[] {
  const { X, t } = makeRaceData(RACE_SEED, RACE_POINTS);
  let w = [0, 0, 0];
  for (let k = 0; k < steps; k++) {
    const g = [0, 0, 0];
    for (let i = 0; i < t.length; i++) {
      const x = [X[2 * i] ?? NaN, X[2 * i + 1] ?? NaN, 1];
      const residual = 1 / (1 + Math.exp(-(w[0]! * x[0]! + w[1]! * x[1]! + w[2]!))) - (t[i] ?? NaN);
      x.forEach((xj, j) => (g[j]! += (residual * xj) / t.length));
    }
    w = w.map((wj, j) => wj - rate * g[j]!);
  }
  return w;
}

describe('<LossRace> in the address (start, rate, n)', () => {
  const ROUTE = '#/squared-error-vs-cross-entropy';
  const rateSlider = () => screen.getByRole('slider', { name: 'learning rate η' }) as HTMLInputElement;
  const weightsOf = (id: string) => (cell(id).getAttribute('data-value') ?? '').split(',').map(Number);
  const query = () => new URLSearchParams(window.location.hash.split('?')[1]);
  afterEach(() => vi.useRealTimers());

  it('#…?start=neutral&rate=2&n=3 replays three steps at η = 2 from w = 0 and shows them paused', () => {
    window.history.replaceState(null, '', `${ROUTE}?start=neutral&rate=2&n=3`);
    renderWithLab(<LossRace />);
    expect(cell('race-step').textContent).toBe('Step 3 of 300.');
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
    expect((screen.getByRole('radio', { name: /^neutral/ }) as HTMLInputElement).checked).toBe(true);
    expect(rateSlider().value).toBe('2');
    weightsOf('race-weights-ce').forEach((w, j) => expect(w).toBeCloseTo(crossEntropyByHand(2, 3)[j] ?? NaN, 12));
  });

  it('a replayed link shows what stepping by hand showed: n=5 at η = 2.5 equals five presses of Step', () => {
    const shownNow = () => ['race-weights-se', 'race-weights-ce', 'race-loss-se', 'race-accuracy-se'].map((id) => cell(id).textContent);
    const { unmount } = renderWithLab(<LossRace />);
    fireEvent.change(rateSlider(), { target: { value: '2.5' } });
    for (let k = 0; k < 5; k++) fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    const stepped = shownNow();
    unmount();
    window.history.replaceState(null, '', `${ROUTE}?rate=2.5&n=5`);
    renderWithLab(<LossRace />);
    expect(cell('race-step').textContent).toBe('Step 5 of 300.');
    expect(shownNow()).toEqual(stepped);
  });

  it('refused values keep the defaults: start=sideways, rate=fast and n=2.5 give the confidently wrong start, η = 1, step 0', () => {
    window.history.replaceState(null, '', `${ROUTE}?start=sideways&rate=fast&n=2.5`);
    renderWithLab(<LossRace />);
    expect(cell('race-step').textContent).toBe('Step 0 of 300.');
    expect(cell('race-weights-se').textContent).toBe('(−4.000, −4.000, 0.000)');
    expect(rateSlider().value).toBe('1');
  });

  it('n=900 is clamped to the cap: the race is over at step 300', () => {
    window.history.replaceState(null, '', `${ROUTE}?start=neutral&n=900`);
    renderWithLab(<LossRace />);
    expect(cell('race-step').textContent).toBe('Step 300 of 300: the race is over. Reset to run it again.');
    expect(screen.getByRole('button', { name: 'Play' }).hasAttribute('disabled')).toBe(true);
  });

  it('Step, the rate and the start are written once the learner pauses: n=2&rate=2.5, then start=neutral with n gone', () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', ROUTE);
    renderWithLab(<LossRace />);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    fireEvent.change(rateSlider(), { target: { value: '2.5' } });
    act(() => vi.advanceTimersByTime(300));
    expect(query().get('n')).toBe('2');
    expect(query().get('rate')).toBe('2.5');
    fireEvent.click(screen.getByRole('radio', { name: /^neutral/ }));
    act(() => vi.advanceTimersByTime(300));
    expect(query().get('start')).toBe('neutral');
    expect(query().has('n')).toBe(false);
  });

  it('changing the rate part-way keeps the steps already taken: the weights after one step at η = 1 stay as they were', () => {
    window.history.replaceState(null, '', `${ROUTE}?start=neutral`);
    renderWithLab(<LossRace />);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    const after = cell('race-weights-ce').getAttribute('data-value');
    fireEvent.change(rateSlider(), { target: { value: '3' } });
    expect(cell('race-weights-ce').getAttribute('data-value')).toBe(after);
    weightsOf('race-weights-ce').forEach((w, j) => expect(w).toBeCloseTo(crossEntropyByHand(1, 1)[j] ?? NaN, 12));
  });

  it('an address naming an earlier step, followed while the page is open, replays the race back to it', () => {
    window.history.replaceState(null, '', `${ROUTE}?start=neutral&n=4`);
    renderWithLab(<LossRace />);
    act(() => {
      window.history.replaceState(null, '', `${ROUTE}?start=neutral&n=1`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(cell('race-step').textContent).toBe('Step 1 of 300.');
    weightsOf('race-weights-ce').forEach((w, j) => expect(w).toBeCloseTo(crossEntropyByHand(1, 1)[j] ?? NaN, 12));
  });

  it('lock=n disables Play, Step and Reset; hide=rate removes the slider; hiding rate and start removes their box', () => {
    window.history.replaceState(null, '', `${ROUTE}?n=7`);
    const { unmount } = renderWithLab(
      <EmbedContext.Provider value={{ embedded: true, hidden: new Set(['rate']), locked: new Set(['n']) }}>
        <LossRace />
      </EmbedContext.Provider>,
    );
    for (const name of ['Play', 'Step', 'Reset']) expect(screen.getByRole('button', { name }).matches(':disabled'), name).toBe(true);
    expect(cell('race-step').textContent).toBe('Step 7 of 300.');
    expect(screen.queryByRole('slider', { name: 'learning rate η' })).toBeNull();
    expect(screen.getByRole('radio', { name: /^neutral/ })).toBeTruthy();
    unmount();
    renderWithLab(
      <EmbedContext.Provider value={{ embedded: true, hidden: new Set(['rate', 'start']), locked: new Set() }}>
        <LossRace />
      </EmbedContext.Provider>,
    );
    expect(screen.queryByRole('group', { name: 'Learning rate and start' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Step' })).toBeTruthy();
  });
});
