import { describe, expect, it } from 'vitest';
import { softmaxJacobianParts } from '../../src/core/jacobianParts';

describe('softmaxJacobianParts', () => {
  it('softmaxJacobianParts([0, 0]) is diag(½, ½) and −¼ everywhere', () => {
    const { diagonal, outer } = softmaxJacobianParts([0, 0]);
    expect(diagonal.map((r) => Array.from(r))).toEqual([
      [0.5, 0],
      [0, 0.5],
    ]);
    expect(outer.map((r) => Array.from(r))).toEqual([
      [-0.25, -0.25],
      [-0.25, -0.25],
    ]);
  });

  it('diag(p) + (−ppᵀ) equals p_i(δ_ij − p_j) at z = [2, 3, 4], written out by hand', () => {
    const E = Math.E;
    const p = [1, E, E * E].map((v) => v / (1 + E + E * E));
    const { diagonal, outer } = softmaxJacobianParts([2, 3, 4]);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const pi = p[i] as number;
        const pj = p[j] as number;
        expect((diagonal[i]?.[j] ?? NaN) + (outer[i]?.[j] ?? NaN)).toBeCloseTo(pi * ((i === j ? 1 : 0) - pj), 15);
      }
    }
  });

  it('a masked class (logit −∞) gets +0 in both parts, never −0', () => {
    const { diagonal, outer } = softmaxJacobianParts([0, -Infinity]);
    expect(Object.is(outer[1]?.[0], 0)).toBe(true);
    expect(Object.is(outer[0]?.[1], 0)).toBe(true);
    expect(Object.is(diagonal[1]?.[1], 0)).toBe(true);
  });
});
