import { describe, expect, it } from 'vitest';
import { klDivergence, softmax } from '../../../../src/core';
import {
  closestOnGrid,
  informationChecks,
  informationMeasures,
  logitsForDistribution,
  matchNote,
  matchPrediction,
  withEntry,
} from '../../../../src/chapters/information/informationMath';

const E = Math.E;

describe('withEntry', () => {
  it('withEntry([0.2, 0.3, 0.5], 0, 0.6) scales the others to share 0.4 as 3 : 5', () => {
    const d = withEntry([0.2, 0.3, 0.5], 0, 0.6);
    [0.6, 0.15, 0.25].forEach((v, i) => expect(d[i]).toBeCloseTo(v, 15));
  });

  it('withEntry([0, 1, 0], 1, 0.4) shares the rest equally when the others are all 0', () => {
    const d = withEntry([0, 1, 0], 1, 0.4);
    [0.3, 0.4, 0.3].forEach((v, i) => expect(d[i]).toBeCloseTo(v, 15));
  });

  it('withEntry snaps the dragged value to hundredths and keeps it in [0, 1]', () => {
    expect(withEntry([0.5, 0.5], 0, 0.1234)[0]).toBe(0.12);
    expect(withEntry([0.5, 0.5], 0, 1.7)).toEqual([1, 0]);
    expect(withEntry([0.5, 0.5], 0, -0.2)).toEqual([0, 1]);
  });

  it('withEntry ignores a non-finite value or an index out of range', () => {
    expect(withEntry([0.5, 0.5], 0, NaN)).toEqual([0.5, 0.5]);
    expect(withEntry([0.5, 0.5], 2, 0.3)).toEqual([0.5, 0.5]);
  });
});

describe('logitsForDistribution', () => {
  it('dragging p3 of softmax([2, 3, 4]) to 0.5 moves only z3, to ln(e² + e³) snapped to 3.3', () => {
    const p = Array.from(softmax([2, 3, 4]));
    // p3 = 0.5 = e^{z3} / (e² + e³ + e^{z3})  ⇔  e^{z3} = e² + e³  ⇔  z3 = 2 + ln(1 + e) ≈ 3.313
    expect(logitsForDistribution(withEntry(p, 2, 0.5), [2, 3, 4])).toEqual([2, 3, 3.3]);
  });

  it('a one-hot target puts the other classes at −10 and keeps the true logit where it was', () => {
    expect(logitsForDistribution([0, 1, 0], [2, 3, 4])).toEqual([-10, 3, -10]);
  });

  it('with closest, a one-hot target gets [−10, 10, −10]: KL = ln(1 + 2e⁻²⁰), small but not 0', () => {
    const z = logitsForDistribution([0, 1, 0], [2, 3, 4], { closest: true });
    expect(z).toEqual([-10, 10, -10]);
    const kl = klDivergence([0, 1, 0], softmax(z));
    expect(kl).toBeGreaterThan(0);
    expect(kl / Math.log1p(2 * E ** -20)).toBeCloseTo(1, 10);
  });

  it('a uniform target gives equal logits, and softmax of them is the target exactly', () => {
    const y = [1 / 3, 1 / 3, 1 / 3];
    const z = logitsForDistribution(y, [2, 3, 4], { closest: true });
    expect(z).toEqual([3, 3, 3]);
    expect(klDivergence(y, softmax(z))).toBe(0);
  });

  it('with closest, a soft target is matched to within the 0.1 grid, and no worse than without', () => {
    const y = [0.2, 0.3, 0.5];
    const plain = logitsForDistribution(y, [2, 3, 4]);
    const closest = logitsForDistribution(y, [2, 3, 4], { closest: true });
    const gap = (z: number[]) => klDivergence(y, softmax(z));
    expect(gap(closest)).toBeLessThanOrEqual(gap(plain));
    // a logit off by at most 0.05 moves ln p by at most 0.1, so KL ≤ 0.1²/2 + …
    expect(gap(closest)).toBeLessThan(5e-3);
    for (const z of closest) expect(Math.abs(z * 10 - Math.round(z * 10))).toBeLessThan(1e-9);
  });

  it('ratios wider than e²⁰ keep the largest probability at 10 and clamp the rest at −10', () => {
    const z = logitsForDistribution([1 - 2e-12, 1e-12, 1e-12], [0, 0, 0]);
    expect(z).toEqual([10, -10, -10]);
  });

  it('keeps every logit inside [−10, 10] when the old ones would push the shift out', () => {
    const z = logitsForDistribution([0.98, 0.01, 0.01], [9.9, 9.9, 9.9]);
    for (const zi of z) expect(Math.abs(zi)).toBeLessThanOrEqual(10);
    // ln(0.98 / 0.01) = ln 98 ≈ 4.585: the gap survives the clamp
    expect((z[0] ?? NaN) - (z[1] ?? NaN)).toBeCloseTo(4.6, 10);
  });

  it('an all-zero target leaves the logits as they were', () => {
    expect(logitsForDistribution([0, 0, 0], [1, 2, 3])).toEqual([1, 2, 3]);
  });
});

/** KL(y ‖ softmax(z)) in nats by hand: Σ yᵢ ln yᵢ − Σ yᵢ zᵢ + ln Σ e^{zⱼ}. */
function klByHand(y: readonly number[], z: readonly number[]): number {
  const top = Math.max(...z);
  const lse = top + Math.log(z.reduce((s, zj) => s + Math.exp(zj - top), 0));
  return y.reduce((s, yi, i) => (yi > 0 ? s + yi * (Math.log(yi) - (z[i] ?? NaN) + lse) : s), 0);
}
/** A reproducible stream of numbers in [0, 1) (a 32-bit LCG), for targets in these tests. */
function numbers(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('closestOnGrid', () => {
  it('finds what the shifts alone missed: y = [0, .12882, 0, .14665, .04524, .33370, .34559, 0] gets KL = 2.8326e-4 nats, not 3.600e-4', () => {
    // Shifting ln y and rounding every logit gave 3.600e-4 nats; moving z₄ by one step beats it. The best
    // of the grid, 2.83258e-4 nats at z = [−10, 9, −10, 9.2, 8, 10, 10, −10], was found in NumPy by a fine
    // scan of the shift (0.001 apart) followed by every ±0.1 move of every set of logits until none helped.
    const y = [0, 0.12882, 0, 0.14665, 0.04524, 0.3337, 0.34559, 0];
    const z = logitsForDistribution(y, Array<number>(8).fill(0), { closest: true });
    expect(z).toEqual([-10, 9, -10, 9.2, 8, 10, 10, -10]);
    expect(Math.abs(klByHand(y, z) - 2.83258e-4)).toBeLessThan(1e-9);
  });

  it('two classes: the best of all 201² slider settings, for 12 targets', () => {
    const next = numbers(7);
    for (let n = 0; n < 12; n++) {
      const a = n === 0 ? 0.5 : next() ** 3;
      const y = [a, 1 - a];
      const z = closestOnGrid(y, [0, 0]);
      const found = klByHand(y, z);
      let best = Infinity;
      for (let i = -100; i <= 100; i++) for (let j = -100; j <= 100; j++) best = Math.min(best, klByHand(y, [i / 10, j / 10]));
      // closestOnGrid promises the best to within 10⁻¹⁵ nats, and the by-hand sum (terms up to ~10 that
      // cancel to KL) is good to about 10⁻¹⁵: allow 3 × 10⁻¹⁵
      expect(found).toBeLessThanOrEqual(best + 3e-15);
    }
  });

  it('three classes: no setting within ±0.4 of each logit does better, for 40 targets from any start', () => {
    const next = numbers(11);
    for (let n = 0; n < 40; n++) {
      const w = [next() ** 2, next() ** 2, next() ** 2];
      const y = w.map((v) => v / (w[0]! + w[1]! + w[2]!));
      const start = [0, 1, 2].map(() => Math.round(next() * 100 - 50) / 10);
      const z = closestOnGrid(y, start);
      const found = klByHand(y, z);
      for (let a = -4; a <= 4; a++) {
        for (let b = -4; b <= 4; b++) {
          for (let c = -4; c <= 4; c++) {
            const near = [z[0]! + a / 10, z[1]! + b / 10, z[2]! + c / 10];
            if (near.some((v) => Math.abs(v) > 10 + 1e-9)) continue;
            expect(found).toBeLessThanOrEqual(klByHand(y, near) + 3e-15);
          }
        }
      }
    }
  });

  it('y = [0.3, 0.7] from z = [0, 0.3]: the gap 0.8 (ln(7/3) = 0.847), near where the logits were, not pushed to the end of the sliders', () => {
    // with two classes KL depends on z₂ − z₁ only: 0.8 is off by 0.047, 0.9 by 0.053
    const z = logitsForDistribution([0.3, 0.7], [0, 0.3], { closest: true });
    expect((z[1] ?? NaN) - (z[0] ?? NaN)).toBeCloseTo(0.8, 12);
    for (const zi of z) expect(Math.abs(zi)).toBeLessThan(1.5);
  });

  it('returns logits on the grid and inside [−10, 10], and keeps a start that is already best', () => {
    const z = closestOnGrid([0.2, 0.3, 0.5], [9.95, 3.04, -12]);
    for (const zi of z) {
      expect(Math.abs(zi * 10 - Math.round(zi * 10))).toBeLessThan(1e-9);
      expect(Math.abs(zi)).toBeLessThanOrEqual(10);
    }
    expect(closestOnGrid([1 / 3, 1 / 3, 1 / 3], [2, 2, 2])).toEqual([2, 2, 2]);
    expect(closestOnGrid([0, 1, 0], [-10, 10, -10])).toEqual([-10, 10, -10]);
  });
});

describe('informationMeasures', () => {
  it('a fair coin: 1 bit for each side, entropy 1 bit, cross-entropy 1 bit, KL 0', () => {
    const m = informationMeasures([0.5, 0.5], [0.5, 0.5], 'bits');
    expect(m.information).toEqual([1, 1]);
    expect(m.entropy).toBe(1);
    expect(m.crossEntropy).toBe(1);
    expect(m.kl).toBe(0);
  });

  it('y = [0, 1, 0] and p = softmax([2, 3, 4]): H(y, p) = KL = log₂((1 + e + e²)/e) bits, H(y) = 0', () => {
    const m = informationMeasures([0, 1, 0], softmax([2, 3, 4]), 'bits');
    const s = 1 + E + E * E;
    expect(m.entropy).toBe(0);
    expect(m.crossEntropy).toBeCloseTo(Math.log2(s / E), 14);
    expect(m.kl).toBeCloseTo(Math.log2(s / E), 14);
    expect(m.information.map((v, i) => v - Math.log2(s / E ** i))).toEqual([0, 0, 0].map(() => expect.closeTo(0, 13)));
    expect(m.contributions[0]).toBe(0);
    expect(m.contributions[2]).toBe(0);
  });

  it('nats are bits × ln 2: the same measures in nats', () => {
    const bits = informationMeasures([0.2, 0.3, 0.5], [0.5, 0.25, 0.25], 'bits');
    const nats = informationMeasures([0.2, 0.3, 0.5], [0.5, 0.25, 0.25], 'nats');
    expect(nats.crossEntropy).toBeCloseTo(bits.crossEntropy * Math.LN2, 14);
    expect(nats.entropy).toBeCloseTo(bits.entropy * Math.LN2, 14);
    expect(nats.kl).toBeCloseTo(bits.kl * Math.LN2, 14);
  });

  it('y_i > 0 where p_i = 0 gives H(y, p) = ∞ and a 0-weight class with p_i = 0 contributes 0, never NaN', () => {
    const m = informationMeasures([0.5, 0.5, 0], [1, 0, 0], 'bits');
    expect(m.crossEntropy).toBe(Infinity);
    expect(m.kl).toBe(Infinity);
    expect(m.contributions).toEqual([0, Infinity, 0]);
  });
});

describe('matchPrediction', () => {
  it('a one-hot y: logits [−10, 10, −10], KL = ln(1 + 2e⁻²⁰) nats, and the note says why it is not 0', () => {
    const m = matchPrediction([0, 1, 0], [2, 3, 4], 'nats');
    expect(m.logits).toEqual([-10, 10, -10]);
    expect(m.kl / Math.log1p(2 * Math.exp(-20))).toBeCloseTo(1, 10);
    expect(m.note).toMatch(/^p is now as close to y as the logits allow: KL\(y ‖ p\) = 4\.12 × 10⁻⁹ nats\. y is one-hot/);
  });

  it('a uniform y: equal logits, KL exactly 0 and no excuse in the note', () => {
    const m = matchPrediction([1 / 3, 1 / 3, 1 / 3], [2, 3, 4], 'bits');
    expect(m.kl).toBe(0);
    expect(m.note).toBe('p is now as close to y as the logits allow: KL(y ‖ p) = 0.000 bits.');
  });
});

describe('matchNote', () => {
  it('is written from the KL and unit it is given, so the explorer rewrites it when the unit changes', () => {
    const kl = Math.log1p(2 * Math.exp(-20));
    expect(matchNote([0, 1, 0], kl, 'nats')).toContain('KL(y ‖ p) = 4.12 × 10⁻⁹ nats.');
    expect(matchNote([0, 1, 0], kl / Math.LN2, 'bits')).toContain('KL(y ‖ p) = 5.95 × 10⁻⁹ bits.');
    expect(matchNote([0.2, 0.3, 0.5], 1e-4, 'nats')).toMatch(/1\.00 × 10⁻⁴ nats\. The logits move in steps of 0\.1/);
  });
});

describe('informationChecks', () => {
  it('at the start (y = [0, 1, 0], p = softmax([2, 3, 4])) every check holds and y is one-hot at class 2', () => {
    const p = softmax([2, 3, 4]);
    const c = informationChecks([0, 1, 0], p, informationMeasures([0, 1, 0], p, 'bits'));
    expect(c.rarerMore && c.gibbs && c.sumOk && c.unitOk).toBe(true);
    expect(c.hard).toBe(1);
    expect(c.hardEntropy).toBe(0);
    expect(c.klNats).toBeCloseTo(Math.log((1 + E + E * E) / E), 14);
  });

  it('measures that break Gibbs or the sum are caught', () => {
    const p = [0.5, 0.5];
    const m = informationMeasures([0.5, 0.5], p, 'bits');
    const c = informationChecks([0.5, 0.5], p, { ...m, crossEntropy: m.entropy - 0.1 });
    expect(c.gibbs).toBe(false);
    expect(c.sumOk).toBe(false);
  });
});
