import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { SoftmaxOpener } from '../../src/chapters/softmax/SoftmaxOpener';
import { SoftmaxExplorer } from '../../src/chapters/softmax/SoftmaxExplorer';
import { InformationOpener } from '../../src/chapters/information/InformationOpener';
import { JacobianOpener } from '../../src/chapters/jacobian/JacobianOpener';
import { SoftmaxCrossEntropyOpener } from '../../src/chapters/softmax-cross-entropy/SoftmaxCrossEntropyOpener';
import { BinaryCrossEntropyOpener } from '../../src/chapters/binary-cross-entropy/BinaryCrossEntropyOpener';
import { softmaxJacobian } from '../../src/core';
import { renderWithLab } from './renderWithLab';

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
  it('starts at y = one-hot class 2, p = softmax([2, 3, 4]): H(y) = 0 and H(y, p) = KL = ln((1 + e + e²) / e) nats', () => {
    const { container } = renderWithLab(<InformationOpener />);
    const h = Math.log((1 + E + E * E) / E);
    expect(readout(container)).toEqual([0, round3(h), round3(h)]);
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
      const hy = -y.reduce((a, yi) => a + (yi > 0 ? yi * Math.log(yi) : 0), 0);
      const hyp = -y.reduce((a, yi, i) => a + (yi > 0 ? yi * Math.log(p[i] ?? NaN) : 0), 0);
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
});

describe('<JacobianOpener>', () => {
  it('reads out ∂p1/∂z1 = p1(1 − p1), then ∂p1/∂z2 = −p1 p2 after ArrowRight in the heatmap', () => {
    const { container } = renderWithLab(<JacobianOpener />);
    const [p1, p2] = softmaxByHand([2, 3, 4]) as [number, number, number];
    expect(readout(container)).toEqual([round3(p1 * (1 - p1))]);
    fireEvent.keyDown(screen.getByRole('button', { name: /^∂p1\/∂z1 = / }), { key: 'ArrowRight' });
    expect(readout(container)).toEqual([round3(-p1 * p2)]);
  });

  it('as its caption says, for logits anywhere on the bars’ range the diagonal is positive, the rest negative, every row sums to 0', () => {
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
