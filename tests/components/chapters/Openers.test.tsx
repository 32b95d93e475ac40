import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { SoftmaxOpener } from '../../../src/chapters/softmax/SoftmaxOpener';
import { SoftmaxExplorer } from '../../../src/chapters/softmax/SoftmaxExplorer';
import { InformationOpener } from '../../../src/chapters/information/InformationOpener';
import { InformationExplorer } from '../../../src/chapters/information/InformationExplorer';
import { JacobianOpener } from '../../../src/chapters/jacobian/JacobianOpener';
import { SoftmaxCrossEntropyOpener } from '../../../src/chapters/softmax-cross-entropy/SoftmaxCrossEntropyOpener';
import { BinaryCrossEntropyOpener } from '../../../src/chapters/binary-cross-entropy/BinaryCrossEntropyOpener';
import { softmaxJacobian } from '../../../src/core';
import { renderWithLab } from '../renderWithLab';

const E = Math.E;

/** The numbers of an opener's readout line: "p1 = 0.090 · p2 = 0.245 · p3 = 0.665" → [0.09, 0.245, 0.665]. */
function readout(container: HTMLElement): number[] {
  const text = container.querySelector('.opener-readout')?.textContent ?? '';
  return [...text.matchAll(/= (−?[\d.]+)/g)].map((m) => Number((m[1] ?? '').replace('−', '-')));
}

describe('<SoftmaxOpener>', () => {
  it('is a figure named "Softmax at a glance" whose first control is the logit z1 bar', () => {
    renderWithLab(<SoftmaxOpener />);
    const figure = screen.getByRole('figure', { name: 'Softmax at a glance' });
    expect(figure.querySelector('[role="slider"]')?.getAttribute('aria-label')).toBe('logit z1 bar');
  });

  it('ArrowUp on the z3 bar moves z3 by one step and every probability with it', () => {
    const { container, store } = renderWithLab(<SoftmaxOpener />);
    // z = [2, 3, 4]: p = [1, e, e²] / (1 + e + e²)
    const d0 = 1 + E + E * E;
    expect(readout(container)).toEqual([1 / d0, E / d0, (E * E) / d0].map((v) => Number(v.toFixed(3))));
    fireEvent.keyDown(screen.getByRole('slider', { name: 'logit z3 bar' }), { key: 'PageUp' });
    const z3 = store.getState().logits[2] ?? NaN;
    expect(z3).toBeGreaterThan(4);
    // z = [2, 3, z3]: p = [e², e³, e^z3] / (e² + e³ + e^z3)
    const d = E ** 2 + E ** 3 + E ** z3;
    expect(readout(container)).toEqual([E ** 2 / d, E ** 3 / d, E ** z3 / d].map((v) => Number(v.toFixed(3))));
  });

  it('as its caption says, the probabilities still add up to 1 after any logit move, and its bars’ text alternative states p = [0.090, 0.245, 0.665] at the start', () => {
    const { container } = renderWithLab(<SoftmaxOpener />);
    // p = [1, e, e²] / (1 + e + e²) = [0.09003, 0.24473, 0.66524]
    const d = 1 + E + E * E;
    expect([1 / d, E / d, (E * E) / d].map((v) => v.toFixed(3))).toEqual(['0.090', '0.245', '0.665']);
    expect(screen.getByRole('img', { name: /^Probability bars: / }).getAttribute('aria-label')).toBe('Probability bars: p1 = 0.090, p2 = 0.245, p3 = 0.665');
    const shownSum = () =>
      [...container.querySelectorAll('.probability-bars [data-value]')].reduce((a, b) => a + Number(b.getAttribute('data-value')), 0);
    // the sum of the bars' values, to rounding (a few ulp); an unnormalised p would be off by far more
    expect(Math.abs(shownSum() - 1)).toBeLessThan(1e-15);
    for (const [name, key] of [['logit z1 bar', 'End'], ['logit z3 bar', 'Home'], ['logit z2 bar', 'PageDown']] as const) {
      fireEvent.keyDown(screen.getByRole('slider', { name }), { key });
      expect(Math.abs(shownSum() - 1)).toBeLessThan(1e-15);
    }
  });

  it('shares its logits and temperature with the explorer below it', () => {
    const { container } = renderWithLab(
      <>
        <SoftmaxOpener />
        <SoftmaxExplorer />
      </>,
    );
    fireEvent.change(screen.getByRole('slider', { name: 'logit z3' }), { target: { value: '0' } });
    fireEvent.change(screen.getByRole('slider', { name: 'temperature T' }), { target: { value: '2' } });
    // z = [2, 3, 0] at T = 2: p ∝ [e¹, e^1.5, e⁰]
    const d = E + E ** 1.5 + 1;
    expect(readout(container)).toEqual([E / d, E ** 1.5 / d, 1 / d].map((v) => Number(v.toFixed(3))));
  });
});

/** softmax written out by hand, for references independent of the core */
function softmaxByHand(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
const round3 = (v: number) => Number(v.toFixed(3));

describe('<InformationOpener>', () => {
  it('starts at y = one-hot class 2, p = softmax([2, 3, 4]): H(y) = 0 and H(y, p) = KL = log₂((1 + e + e²) / e) = 2.031 bits', () => {
    const { container } = renderWithLab(<InformationOpener />);
    // −log₂ p₂ with p₂ = e / (1 + e + e²): 2.0307 bits, in the unit the chapter's prose starts in
    const h = Math.log2((1 + E + E * E) / E);
    expect(readout(container)).toEqual([0, round3(h), round3(h)]);
    expect(round3(h)).toBe(2.031);
    expect(container.querySelector('.opener-readout')?.textContent).toMatch(/ bits$/);
  });

  it('the y and p bars’ text alternatives state y = [0, 1, 0] and p = [1, e, e²] / (1 + e + e²) = [0.090, 0.245, 0.665]', () => {
    renderWithLab(<InformationOpener />);
    const d = 1 + E + E * E;
    const [p1, p2, p3] = [1 / d, E / d, (E * E) / d].map((v) => v.toFixed(3));
    expect([p1, p2, p3]).toEqual(['0.090', '0.245', '0.665']);
    expect(screen.getByRole('group', { name: /^target y bars: / }).getAttribute('aria-label')).toBe(
      'target y bars: y1 = 0.000, y2 = 1.000, y3 = 0.000. Drag a bar, or focus it and use the arrow keys.',
    );
    expect(screen.getByRole('group', { name: /^prediction p bars: / }).getAttribute('aria-label')).toBe(
      `prediction p bars: p1 = ${p1}, p2 = ${p2}, p3 = ${p3}. Drag a bar, or focus it and use the arrow keys.`,
    );
  });

  it('dragging y and p by keyboard keeps H(y, p) ≥ H(y), with KL = H(y, p) − H(y), all recomputed by hand', () => {
    const { container, store } = renderWithLab(<InformationOpener />);
    const moves: [string, string][] = [
      ['target y1 bar', 'PageUp'],
      ['prediction p1 bar', 'PageUp'],
      ['target y3 bar', 'ArrowUp'],
      ['prediction p2 bar', 'PageDown'],
    ];
    for (const [name, key] of moves) {
      fireEvent.keyDown(screen.getByRole('slider', { name }), { key });
      const { labels: y, logits } = store.getState();
      const p = softmaxByHand(logits);
      const hy = -y.reduce((a, yi) => a + (yi > 0 ? yi * Math.log2(yi) : 0), 0);
      const hyp = -y.reduce((a, yi, i) => a + (yi > 0 ? yi * Math.log2(p[i] ?? NaN) : 0), 0);
      const [shownH, shownHyp, shownKl] = readout(container);
      expect(shownH).toBeCloseTo(hy, 3);
      expect(shownHyp).toBeCloseTo(hyp, 3);
      expect(shownKl).toBeCloseTo(hyp - hy, 3);
      expect(hyp - hy).toBeGreaterThan(0);
    }
    // the moves did change both distributions
    expect(store.getState().labels[0]).toBeGreaterThan(0);
    expect(store.getState().logits).not.toEqual([2, 3, 4]);
  });

  it('as its caption says, KL is 0 when p equals y: a uniform y with equal logits (the explorer’s buttons) reads KL = 0.000, H(y, p) = H(y) = log₂ 3', () => {
    const { container, store } = renderWithLab(
      <>
        <InformationOpener />
        <InformationExplorer />
      </>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Make y uniform' }));
    fireEvent.click(screen.getByRole('button', { name: 'Make p equal y' }));
    // equal logits give p = [1/3, 1/3, 1/3] exactly as y: Σ yᵢ log₂(yᵢ/pᵢ) = 0, and H(y) = log₂ 3 = 1.585
    expect(new Set(store.getState().logits).size).toBe(1);
    expect(readout(container)).toEqual([round3(Math.log2(3)), round3(Math.log2(3)), 0]);
    expect(container.querySelector('.opener-readout')?.textContent).toMatch(/KL\(y ‖ p\) = 0\.000 bits$/);
  });

  it('a one-hot y is never reached by p: p2 pulled to the top (End) gives z = [−10, 3, −10] and KL = log₂(1 + 2e⁻¹³) = 6.52 × 10⁻⁶ bits, not 0', () => {
    const { container, store } = renderWithLab(<InformationOpener />);
    fireEvent.keyDown(screen.getByRole('slider', { name: 'prediction p2 bar' }), { key: 'End' });
    // p = [0, 1, 0] asked for: the zeros go to the lowest logit, −10, and z2 keeps its place, 3
    expect(store.getState().logits).toEqual([-10, 3, -10]);
    // KL = −log₂ p₂ = log₂((e³ + 2e⁻¹⁰) / e³) = log₂(1 + 2e⁻¹³) ≈ 2e⁻¹³ / ln 2 = 6.5219 × 10⁻⁶
    const kl = Math.log1p(2 * E ** -13) / Math.LN2;
    expect(Math.abs(kl - 6.5219e-6)).toBeLessThan(1e-10);
    expect(container.querySelector('.opener-readout')?.textContent).toBe(
      'H(y) = 0.000 · H(y, p) = 6.52 × 10⁻⁶ · KL(y ‖ p) = 6.52 × 10⁻⁶ bits',
    );
  });
});

describe('<JacobianOpener>', () => {
  it('reads out ∂p1/∂z1 = p1(1 − p1), then ∂p1/∂z2 = −p1 p2 after ArrowRight in the heatmap', () => {
    const { container } = renderWithLab(<JacobianOpener />);
    const [p1, p2] = softmaxByHand([2, 3, 4]) as [number, number, number];
    expect(readout(container)).toEqual([round3(p1 * (1 - p1))]);
    fireEvent.keyDown(screen.getByRole('button', { name: /^∂p1\/∂z1 = / }), { key: 'ArrowRight' });
    expect(readout(container)).toEqual([round3(-p1 * p2)]);
  });

  it('its caption invites the learner to watch the signs and the rows’ sums, without stating them', () => {
    const { container } = renderWithLab(<JacobianOpener />);
    const caption = container.textContent ?? '';
    expect(caption).toMatch(/watch the signs of the entries, and what each row adds up to/);
    expect(caption).not.toMatch(/diagonal is positive|rest negative|adds up to 0/);
  });

  it('what the caption invites the learner to find: for logits anywhere on the bars’ range the diagonal is positive, the rest negative, every row sums to 0', () => {
    const { store } = renderWithLab(<JacobianOpener />);
    for (const z of [[2, 3, 4], [10, -10, -10], [-10, 10, 0, 5], [0, 0, 0, 0, 0]]) {
      act(() => store.getState().setLogits(z));
      const p = softmaxByHand(z);
      const J = softmaxJacobian(z);
      for (let i = 0; i < z.length; i++) {
        const row = Array.from(J[i] ?? []);
        expect(row).toHaveLength(z.length);
        row.forEach((v, j) => {
          // J_ij = p_i(δ_ij − p_j), by hand; the heatmap shows its sign
          expect(v).toBeCloseTo((p[i] ?? NaN) * ((i === j ? 1 : 0) - (p[j] ?? NaN)), 12);
          const shown = screen.getByRole('button', { name: new RegExp(`^∂p${i + 1}/∂z${j + 1} = `) }).textContent ?? '';
          if (i === j) expect([v > 0, shown.startsWith('−')]).toEqual([true, false]);
          else expect([v < 0, shown.startsWith('−') || /^0\.00$/.test(shown)]).toEqual([true, true]);
        });
        expect(Math.abs(row.reduce((a, b) => a + b, 0))).toBeLessThan(1e-15);
      }
    }
  });
});

describe('<SoftmaxCrossEntropyOpener>', () => {
  it('starts with y = [0.00, 1.00, 0.00] in its readout, and its gradient bars’ text alternative states p − y = [0.090, −0.755, 0.665]', () => {
    const { container } = renderWithLab(<SoftmaxCrossEntropyOpener />);
    expect(container.querySelector('.opener-readout')?.textContent).toMatch(/^y = \[0\.00, 1\.00, 0\.00\] · L = /);
    // p − y = [1, e − (1 + e + e²), e²] / (1 + e + e²) = [0.09003, −0.75527, 0.66524]
    const d = 1 + E + E * E;
    expect([1 / d, E / d - 1, (E * E) / d].map((v) => v.toFixed(3))).toEqual(['0.090', '-0.755', '0.665']);
    expect(screen.getByRole('img', { name: /^Gradient ∂L\/∂z = p − y: / }).getAttribute('aria-label')).toBe(
      'Gradient ∂L/∂z = p − y: ∂L/∂z1 = 0.090, ∂L/∂z2 = −0.755, ∂L/∂z3 = 0.665',
    );
  });


  it('starts at L = ln((1 + e + e²)/e) and, after any logit change, its gradient bars are p − y and add up to 0', () => {
    const { container, store } = renderWithLab(<SoftmaxCrossEntropyOpener />);
    expect(readout(container).at(-1)).toBe(round3(Math.log((1 + E + E * E) / E)));
    for (const [name, key] of [['logit z1 bar', 'End'], ['logit z3 bar', 'PageDown'], ['logit z2 bar', 'Home']] as const) {
      fireEvent.keyDown(screen.getByRole('slider', { name }), { key });
      const { logits, labels } = store.getState();
      const p = softmaxByHand(logits);
      const bars = [...container.querySelectorAll<SVGElement>('svg [data-value]')].filter((b) => b.closest('.gradient-bars, [aria-label^="Gradient"]'));
      const g = bars.map((b) => Number(b.getAttribute('data-value')));
      expect(g).toHaveLength(logits.length);
      g.forEach((v, i) => expect(v).toBeCloseTo((p[i] ?? NaN) - (labels[i] ?? NaN), 12));
      expect(Math.abs(g.reduce((a, b) => a + b, 0))).toBeLessThan(1e-15);
      // L = −ln p_t for the one-hot y of class 2
      expect(readout(container).at(-1)).toBe(round3(-Math.log(p[1] ?? NaN)));
    }
  });
});

describe('<BinaryCrossEntropyOpener>', () => {
  it('starts at z = −1, t = 1: ŷ = 1/(1 + e), L = ln(1 + e); "t = 0" gives L = ln(1 + 1/e)', () => {
    const { container } = renderWithLab(<BinaryCrossEntropyOpener />);
    expect(readout(container).slice(0, 3)).toEqual([-1, round3(1 / (1 + E)), round3(Math.log(1 + E))]);
    fireEvent.click(screen.getByRole('button', { name: 't = 0' }));
    expect(screen.getByRole('button', { name: 't = 0' }).getAttribute('aria-pressed')).toBe('true');
    expect(readout(container)[2]).toBe(round3(Math.log(1 + 1 / E)));
  });

  it('its plot’s text alternative states ŷ = 1/(1 + e) = 0.269 and L = ln(1 + e) = 1.313 at z = −1, t = 1', () => {
    renderWithLab(<BinaryCrossEntropyOpener />);
    // 1/(1 + e) = 0.26894, ln(1 + e) = 1.31326
    expect([(1 / (1 + E)).toFixed(3), Math.log(1 + E).toFixed(3)]).toEqual(['0.269', '1.313']);
    expect(screen.getByRole('slider', { name: /^binary logit z, on the loss plot/ }).getAttribute('aria-label')).toBe(
      'binary logit z, on the loss plot. Binary cross-entropy L against z for t = 1 and t = 0; at z = −1.00 with t = 1, ŷ = σ(z) = 0.269 and L = 1.313.',
    );
  });

  it('as its caption says, with t = 0 too a confident wrong answer costs about |z|: L = ln(1 + e¹⁰) = 10.0000454 at z = 10', () => {
    const { container } = renderWithLab(<BinaryCrossEntropyOpener />);
    fireEvent.click(screen.getByRole('button', { name: 't = 0' }));
    const handle = screen.getByRole('slider', { name: /^binary logit z, on the loss plot/ });
    fireEvent.keyDown(handle, { key: 'End' });
    expect(readout(container)[0]).toBe(10);
    // ln(1 + e¹⁰) = 10 + ln(1 + e⁻¹⁰) = 10 + 4.54 × 10⁻⁵: within 10⁻⁴ of |z|, shown as 10.000
    const wrong = Number(container.querySelector('.opener .plot [data-value]')?.getAttribute('data-value'));
    expect(wrong).toBeCloseTo(10 + Math.log1p(Math.exp(-10)), 12);
    expect(Math.abs(wrong - 10)).toBeLessThan(1e-4);
    expect(readout(container)[2]).toBe(10);
    expect(handle.getAttribute('aria-label')).toContain('at z = 10.00 with t = 0, ŷ = σ(z) = 1.000 and L = 10.000.');
    // and the right answer for t = 0, z = −10, costs ln(1 + e⁻¹⁰) = 4.54 × 10⁻⁵
    fireEvent.keyDown(handle, { key: 'Home' });
    const right = Number(container.querySelector('.opener .plot [data-value]')?.getAttribute('data-value'));
    expect(right).toBeCloseTo(Math.log1p(Math.exp(-10)), 15);
    expect(right).toBeLessThan(1e-4);
  });

  it('as its caption says: a confident right answer costs almost nothing, a confident wrong one about |z|', () => {
    const { container } = renderWithLab(<BinaryCrossEntropyOpener />);
    const handle = screen.getByRole('slider', { name: /^binary logit z, on the loss plot/ });
    // t = 1, z = 10 (right): L = ln(1 + e⁻¹⁰) ≈ 4.5 × 10⁻⁵, shown as 0.000
    fireEvent.keyDown(handle, { key: 'End' });
    expect(readout(container)[0]).toBe(10);
    const right = Number(container.querySelector('.opener .plot [data-value]')?.getAttribute('data-value'));
    expect(right).toBeCloseTo(Math.log1p(Math.exp(-10)), 15);
    expect(right).toBeLessThan(1e-4);
    // z = −10 (wrong): L = ln(1 + e¹⁰) = 10 + ln(1 + e⁻¹⁰), within 10⁻⁴ of |z|
    fireEvent.keyDown(handle, { key: 'Home' });
    const wrong = Number(container.querySelector('.opener .plot [data-value]')?.getAttribute('data-value'));
    expect(wrong).toBeCloseTo(10 + Math.log1p(Math.exp(-10)), 12);
    expect(Math.abs(wrong - 10)).toBeLessThan(1e-4);
  });
});
