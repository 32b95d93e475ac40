import { describe, expect, it } from 'vitest';
import { softmaxJacobian } from '../../../../src/core';
import { eigenvalueText, jacobianChecks } from '../../../../src/chapters/jacobian/jacobianMath';

describe('jacobianChecks', () => {
  it('at z = [2, 3, 4]: symmetric exactly, rows sum to 0, one eigenvalue 0, and J23 = −p2p3 by central differences', () => {
    const E = Math.E;
    const S = 1 + E + E * E;
    const c = jacobianChecks([2, 3, 4], softmaxJacobian([2, 3, 4]), [1, 2]);
    expect(c.asymmetry).toBe(0);
    expect(c.rowSum).toBeLessThan(1e-16);
    expect(c.eigenvalues.map(eigenvalueText).filter((t) => t === '0')).toHaveLength(1);
    expect(c.estimate).toBeCloseTo(-(E / S) * ((E * E) / S), 9);
    expect(c.fdError).toBeLessThan(1e-9);
  });

  it('a matrix whose rows do not sum to 0 is caught, and its negative eigenvalue shows', () => {
    const broken = [Float64Array.from([0.1, -0.15]), Float64Array.from([-0.15, 0.1])];
    const c = jacobianChecks([0, 0], broken, [0, 1]);
    expect(c.asymmetry).toBe(0);
    expect(c.rowSum).toBeCloseTo(0.05, 15);
    expect(Math.min(...c.eigenvalues)).toBeCloseTo(-0.05, 15);
  });
});

describe('eigenvalueText', () => {
  it('reads a rounding-sized eigenvalue as 0 and keeps a small real one: 1.2 × 10⁻¹⁷ → "0", 2.06 × 10⁻⁹ stays', () => {
    expect(eigenvalueText(-1.2e-17)).toBe('0');
    expect(eigenvalueText(2.0611536e-9)).toBe('2.06 × 10⁻⁹');
    expect(eigenvalueText(0.25)).toBe('0.250');
  });
});
