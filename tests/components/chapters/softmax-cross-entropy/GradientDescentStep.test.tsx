import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { EmbedContext } from '../../../../src/state/embedContext';
import { LEARNING_RATE } from '../../../../src/chapters/softmax-cross-entropy/crossEntropyGradientMath';
import { GRADIENT_DESCENT_STATE } from '../../../../src/chapters/softmax-cross-entropy/crossEntropyState';
import { GradientDescentStep } from '../../../../src/chapters/softmax-cross-entropy/GradientDescentStep';
import { renderWithLab } from '../../renderWithLab';

const E = Math.E;
const three = (v: number) => (v < 0 ? `−${(-v).toFixed(3)}` : v.toFixed(3));
/** −log softmax(z)_t, by hand */
const loss = (z: number[], t: number) => Math.log(z.reduce((s, v) => s + Math.exp(v), 0)) - (z[t] ?? NaN);
const softmax = (z: number[]) => {
  const d = z.reduce((s, v) => s + Math.exp(v), 0);
  return z.map((v) => Math.exp(v) / d);
};
const status = () => screen.getByTestId('descent-status').textContent;
const rate = () => screen.getByRole('slider', { name: 'learning rate η' }) as HTMLInputElement;
/** z − η (softmax(z) − y) for a one-hot y at class t, by hand */
const stepFrom = (z: number[], t: number, eta: number) => {
  const p = softmax(z);
  return z.map((v, i) => v - eta * ((p[i] ?? NaN) - (i === t ? 1 : 0)));
};
/** the chapter's effect after a link: the address is read, then the store gets its z and y */
const followLink = (route: string, apply: () => void) =>
  act(() => {
    window.history.replaceState(null, '', route);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    apply();
  });

describe('<GradientDescentStep>', () => {
  it('starts at the sliders’ logits with L = −log p2 = log(1 + e + e²) − 1', () => {
    renderWithLab(<GradientDescentStep />);
    expect(status()).toBe(`At the sliders' logits: L = ${three(Math.log(1 + E + E * E) - 1)}. Take a step.`);
  });

  it('"Take one gradient step" at η = 1 moves z to z − (p − y) and the loss falls', () => {
    const { store } = renderWithLab(<GradientDescentStep />);
    fireEvent.click(screen.getByRole('button', { name: 'Take one gradient step' }));
    const p = softmax([2, 3, 4]);
    const z = [2 - (p[0] ?? 0), 3 - ((p[1] ?? 0) - 1), 4 - (p[2] ?? 0)];
    expect(status()).toBe(`Step 1: the loss went from ${three(loss([2, 3, 4], 1))} to ${three(loss(z, 1))}.`);
    expect(loss(z, 1)).toBeLessThan(loss([2, 3, 4], 1));
    // the store's logits are the sliders': the steps do not move them
    expect(store.getState().logits).toEqual([2, 3, 4]);
  });

  it('a learning rate of 3 takes a step three times as long', () => {
    renderWithLab(<GradientDescentStep />);
    fireEvent.change(screen.getByRole('slider', { name: 'learning rate η' }), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Take one gradient step' }));
    const p = softmax([2, 3, 4]);
    const z = [2 - 3 * (p[0] ?? 0), 3 - 3 * ((p[1] ?? 0) - 1), 4 - 3 * (p[2] ?? 0)];
    expect(status()).toContain(`to ${three(loss(z, 1))}.`);
  });

  it('the loss plot lists every loss so far, and stops after 20 steps', () => {
    renderWithLab(<GradientDescentStep />);
    const take = screen.getByRole('button', { name: 'Take one gradient step' });
    for (let k = 0; k < 25; k++) fireEvent.click(take);
    const label = screen.getByRole('img', { name: /^Loss after each step:/ }).getAttribute('aria-label') ?? '';
    expect(label.split(', ')).toHaveLength(21);
    expect(status()).toContain('That is 20 steps: start again to take more.');
    const losses = [...label.matchAll(/(\d+\.\d{3})/g)].map((m) => Number(m[1]));
    losses.slice(1).forEach((v, k) => expect(v).toBeLessThanOrEqual(losses[k] ?? NaN));
  });

  it('"Start again from the sliders", or moving a slider, starts the run again', () => {
    const { store } = renderWithLab(<GradientDescentStep />);
    fireEvent.click(screen.getByRole('button', { name: 'Take one gradient step' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start again from the sliders' }));
    expect(status()).toMatch(/^At the sliders' logits/);
    fireEvent.click(screen.getByRole('button', { name: 'Take one gradient step' }));
    act(() => store.getState().setLogit(0, 0));
    expect(status()).toBe(`At the sliders' logits: L = ${three(loss([0, 3, 4], 1))}. Take a step.`);
  });

  it('the next step is written out: z1 falls by p1, z2 rises by 1 − p2, z3 falls by p3', () => {
    renderWithLab(<GradientDescentStep />);
    const p = softmax([2, 3, 4]);
    expect(screen.getByText(`The next step: z1 falls by ${three(p[0] ?? 0)}, z2 rises by ${three(1 - (p[1] ?? 0))}, z3 falls by ${three(p[2] ?? 0)}.`)).toBeTruthy();
  });

  describe('η and its run in the address: the η of each step taken', () => {
    afterEach(() => vi.useRealTimers());

    it('the schema takes LEARNING_RATE’s range, grid and start: 0.1 to 5 in steps of 0.1, from 1', () => {
      const { eta } = GRADIENT_DESCENT_STATE;
      expect([eta.min, eta.max, eta.step, eta.default]).toEqual([LEARNING_RATE.min, LEARNING_RATE.max, LEARNING_RATE.step, LEARNING_RATE.initial]);
      expect([eta.min, eta.max, eta.step, eta.default]).toEqual([0.1, 5, 0.1, 1]);
      expect(GRADIENT_DESCENT_STATE.run.maxLength).toBe(20);
    });

    it('?eta=3&run=1,3 replays one step at η = 1, then one at η = 3, from the sliders’ z = [2, 3, 4]', () => {
      window.history.replaceState(null, '', '#/softmax-cross-entropy?eta=3&run=1,3');
      renderWithLab(<GradientDescentStep />);
      expect(rate().value).toBe('3');
      const z1 = stepFrom([2, 3, 4], 1, 1);
      const z2 = stepFrom(z1, 1, 3);
      expect(status()).toBe(`Step 2: the loss went from ${three(loss(z1, 1))} to ${three(loss(z2, 1))}.`);
      expect(screen.getByRole('img', { name: /^Loss after each step:/ }).getAttribute('aria-label')).toBe(
        `Loss after each step: start ${three(loss([2, 3, 4], 1))}, step 1 ${three(loss(z1, 1))}, step 2 ${three(loss(z2, 1))}`,
      );
    });

    it('a refused η keeps 1 and a refused run keeps none; η = 0.27 is read onto the slider’s grid as 0.3', () => {
      window.history.replaceState(null, '', '#/softmax-cross-entropy?eta=fast&run=1,x');
      const { unmount } = renderWithLab(<GradientDescentStep />);
      expect(rate().value).toBe('1');
      expect(status()).toMatch(/^At the sliders' logits/);
      unmount();
      window.history.replaceState(null, '', '#/softmax-cross-entropy?eta=0.27');
      renderWithLab(<GradientDescentStep />);
      expect(rate().value).toBe('0.3');
    });

    it('η = 3 and two steps write eta=3&run=3,3 once the learner pauses; "Start again" takes run out', () => {
      vi.useFakeTimers();
      window.history.replaceState(null, '', '#/softmax-cross-entropy');
      renderWithLab(<GradientDescentStep />);
      fireEvent.change(rate(), { target: { value: '3' } });
      const take = screen.getByRole('button', { name: 'Take one gradient step' });
      fireEvent.click(take);
      fireEvent.click(take);
      act(() => vi.advanceTimersByTime(300));
      expect(window.location.hash).toBe('#/softmax-cross-entropy?eta=3&run=3%2C3');
      fireEvent.click(screen.getByRole('button', { name: 'Start again from the sliders' }));
      act(() => vi.advanceTimersByTime(300));
      expect(window.location.hash).toBe('#/softmax-cross-entropy?eta=3');
    });

    it('a logit the learner moves after a linked run starts the run again, and run leaves the address', () => {
      vi.useFakeTimers();
      window.history.replaceState(null, '', '#/softmax-cross-entropy?z=2,3,4&y=1&run=1');
      const { store } = renderWithLab(<GradientDescentStep />);
      expect(status()).toMatch(/^Step 1:/);
      act(() => store.getState().setLogit(0, 0));
      expect(status()).toBe(`At the sliders' logits: L = ${three(loss([0, 3, 4], 1))}. Take a step.`);
      act(() => vi.advanceTimersByTime(300));
      expect(window.location.hash).toBe('#/softmax-cross-entropy?z=2%2C3%2C4&y=1');
    });

    it('a link followed with z, y and a run keeps the run for its z: one step from z = [1, 1, 1], y = class 1', () => {
      const { store } = renderWithLab(<GradientDescentStep />);
      followLink('#/softmax-cross-entropy?z=1,1,1&y=0&run=1', () => {
        store.getState().setLogits([1, 1, 1]);
        store.getState().setLabels([1, 0, 0]);
      });
      // p = [1/3, 1/3, 1/3], so one step at η = 1 gives z = [1 + 2/3, 1 − 1/3, 1 − 1/3]
      const after = Math.log(Math.exp(5 / 3) + 2 * Math.exp(2 / 3)) - 5 / 3;
      expect(status()).toBe(`Step 1: the loss went from ${three(Math.log(3))} to ${three(after)}.`);
    });

    it('a link followed with z but no run starts the run again, as any other move of z does', () => {
      const { store } = renderWithLab(<GradientDescentStep />);
      fireEvent.click(screen.getByRole('button', { name: 'Take one gradient step' }));
      followLink('#/softmax-cross-entropy?z=1,1,1', () => store.getState().setLogits([1, 1, 1]));
      expect(status()).toBe(`At the sliders' logits: L = ${three(Math.log(3))}. Take a step.`);
    });

    it('lock=eta disables the η slider; hide=run removes the step buttons and shows the link’s run', () => {
      window.history.replaceState(null, '', '#/embed/softmax-cross-entropy/GradientDescentStep?eta=2&run=2');
      renderWithLab(
        <EmbedContext.Provider value={{ embedded: true, hidden: new Set(['run']), locked: new Set(['eta']) }}>
          <GradientDescentStep />
        </EmbedContext.Provider>,
      );
      // disabled by its fieldset, as a browser and a screen reader see it
      expect(rate().matches(':disabled')).toBe(true);
      expect(screen.getByRole('group', { name: 'Set by your lecturer' })).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Take one gradient step' })).toBeNull();
      expect(screen.queryByRole('button', { name: 'Start again from the sliders' })).toBeNull();
      expect(status()).toContain(`to ${three(loss(stepFrom([2, 3, 4], 1, 2), 1))}.`);
    });
  });
});
