import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createProgressStore, ProgressProvider, type ProgressStore } from '../../../../src/state/progressStore';
import { EpsilonBugExercise, LogSumExpExercise } from '../../../../src/chapters/stability/StabilityExercises';

let progress: ProgressStore;
beforeEach(() => {
  progress = createProgressStore(null);
  window.history.replaceState(null, '', '#/stability');
});
afterEach(cleanup);

const inSite = (ui: ReactElement) => render(<ProgressProvider store={progress}>{ui}</ProgressProvider>);
const region = () => screen.getByRole('region', { name: /^Exercise/ });
const status = () => within(region()).getByRole('status');
const read = (v: string) => Number(v.replace('−', '-'));

/** The logits and the true class shown. */
function numbersShown() {
  const text = region().textContent ?? '';
  const z = /z = \(([^)]*)\)/.exec(text)![1]!.split(', ').map(read);
  const t = Number(/true class(?: is)? t = (\d)/.exec(text)![1]) - 1;
  return { z, t };
}

describe('LogSumExpExercise', () => {
  const check = (typed: string) => {
    fireEvent.change(within(region()).getByRole('textbox', { name: 'L =' }), { target: { value: typed } });
    fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
  };

  it('is "Exercise: a loss from logits near 1000"; max z alone is named, ln Σ e^(z_k − z_t) is right', () => {
    inSite(<LogSumExpExercise />);
    expect(screen.getByRole('heading', { name: 'Exercise: a loss from logits near 1000' })).toBeTruthy();
    const { z, t } = numbersShown();
    check(String(Math.max(...z) - z[t]!));
    expect(status().textContent).toMatch(/^Not quite: that is z_max − z_t: LSE\(z\) taken as max z alone/);
    check(Math.log(z.reduce((s, v) => s + Math.exp(v - z[t]!), 0)).toPrecision(3));
    expect(status().textContent).toMatch(/^Right: with true class \d, L = /);
  });
});

describe('EpsilonBugExercise', () => {
  it('shows the line with the true class’s index as code, and the verdict from p_t against 1e-8 is right', () => {
    inSite(<EpsilonBugExercise />);
    const { z, t } = numbersShown();
    // the lines wrap on a phone (the frame's CSS), so they need no scroll box and no keyboard stop
    const code = region().querySelector('pre')!;
    expect(code.textContent).toContain(`-np.log(p[${t}] + 1e-8)`);
    const pt = 1 / z.reduce((s, v) => s + Math.exp(v - z[t]!), 0);
    fireEvent.click(within(region()).getByRole('radio', { name: /The loss is ∞/ }));
    fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
    expect(status().textContent).toMatch(/at most −ln 1e-8/);
    fireEvent.click(within(region()).getByRole('radio', { name: pt > 1e-4 ? /Nothing that matters/ : /near 18\.4/ }));
    fireEvent.click(within(region()).getByRole('button', { name: 'Check' }));
    expect(status().textContent).toMatch(/^Right: /);
  });
});
