import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { SoftmaxOpener } from '../../src/widgets/openers/SoftmaxOpener';
import { SoftmaxExplorer } from '../../src/widgets/SoftmaxExplorer';
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
