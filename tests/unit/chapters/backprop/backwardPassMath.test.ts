import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Activation, BatchReduction, Network } from '../../../../src/core/network';
import type { Dataset } from '../../../../src/core/datasets';
import { activationSlope, asRows, backwardPass, hiddenWeightChain, outer, outputWeightChain, sampleRows } from '../../../../src/chapters/backprop/backwardPassMath';
import { differenceAgrees, DIFFERENCE_CHECK, roundingScale, weightDifferenceCheck, weightFiniteDifference } from '../../../../src/chapters/backprop/weightDifferenceCheck';

/**
 * A 2-2-3 network small enough to follow by hand. Sample 0, x = (1, 2), gives the round
 * pre-activations z₁ = (0.5·1 + 0.2·2 + 0.1, −0.3·1 + 0.8·2 − 0.2) = (1.0, 1.1).
 */
const W1 = [
  [0.5, -0.3],
  [0.2, 0.8],
];
const B1 = [0.1, -0.2];
const W2 = [
  [1.0, -0.5, 0.3],
  [-0.7, 0.4, 0.9],
];
const B2 = [0.05, -0.1, 0];
const X = [
  [1, 2],
  [-0.5, 0.4],
];
const LABELS = [2, 0];

function network(activation: Activation, w1 = W1, w2 = W2): Network {
  return {
    shape: { inputs: 2, hidden: 2, outputs: 3, activation },
    params: {
      w1: Float64Array.from(w1.flat()),
      b1: Float64Array.from(B1),
      w2: Float64Array.from(w2.flat()),
      b2: Float64Array.from(B2),
    },
  };
}
const data: Dataset = { x: Float64Array.from(X.flat()), labels: Int32Array.from(LABELS), m: 2, classes: 3 };

/** The reference: the same network written out scalar by scalar, with the textbook log of the softmax. */
const act: Record<Activation, (z: number) => number> = {
  relu: (z) => Math.max(0, z),
  tanh: Math.tanh,
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
};
function reference(activation: Activation, w1: number[][], w2: number[][], reduction: BatchReduction) {
  let loss = 0;
  const rows = X.map((x, i) => {
    const z1 = [0, 1].map((j) => (x[0] ?? 0) * (w1[0]?.[j] ?? 0) + (x[1] ?? 0) * (w1[1]?.[j] ?? 0) + (B1[j] ?? 0));
    const a1 = z1.map(act[activation]);
    const z2 = [0, 1, 2].map((k) => (a1[0] ?? 0) * (w2[0]?.[k] ?? 0) + (a1[1] ?? 0) * (w2[1]?.[k] ?? 0) + (B2[k] ?? 0));
    const e = z2.map(Math.exp);
    const total = e.reduce((a, b) => a + b, 0);
    const p = e.map((v) => v / total);
    loss += -Math.log(p[LABELS[i] ?? 0] ?? NaN);
    return { z1, a1, p };
  });
  return { rows, loss: reduction === 'mean' ? loss / X.length : loss };
}
/** ∂L/∂w by a central difference of the reference loss, h = 1e-6 (error ~1e-10 here). */
function referenceGradient(activation: Activation, layer: 1 | 2, r: number, c: number, reduction: BatchReduction): number {
  const h = 1e-6;
  const at = (delta: number) => {
    const w1 = W1.map((row) => row.slice());
    const w2 = W2.map((row) => row.slice());
    const w = layer === 1 ? w1 : w2;
    (w[r] as number[])[c] = (w[r]?.[c] ?? NaN) + delta;
    return reference(activation, w1, w2, reduction).loss;
  };
  return (at(h) - at(-h)) / (2 * h);
}

describe('backwardPass and sampleRows', () => {
  it('sampleRows(pass, 0) reads z₁ = (1.0, 1.1), a₁ = tanh(z₁) and the softmax row of sample 0', () => {
    const pass = backwardPass(network('tanh'), data, 'mean');
    const s = sampleRows(pass, 0);
    const ref = reference('tanh', W1, W2, 'mean');
    expect(s.x).toEqual([1, 2]);
    expect(s.label).toBe(2);
    expect(s.y).toEqual([0, 0, 1]);
    s.z1.forEach((v, j) => expect(v).toBeCloseTo([1.0, 1.1][j] ?? NaN, 14));
    s.a1.forEach((v, j) => expect(v).toBeCloseTo(Math.tanh([1.0, 1.1][j] ?? NaN), 14));
    s.p.forEach((v, k) => expect(v).toBeCloseTo(ref.rows[0]?.p[k] ?? NaN, 14));
    expect(pass.loss).toBeCloseTo(ref.loss, 13);
  });

  it('dz₂ is (p − y)/m for the mean and p − y for the sum, row by row', () => {
    const ref = reference('tanh', W1, W2, 'mean');
    for (const reduction of ['mean', 'sum'] as const) {
      const pass = backwardPass(network('tanh'), data, reduction);
      for (const i of [0, 1]) {
        const s = sampleRows(pass, i);
        const p = ref.rows[i]?.p ?? [];
        const y = [0, 1, 2].map((k) => (k === LABELS[i] ? 1 : 0));
        s.pMinusY.forEach((v, k) => expect(v).toBeCloseTo((p[k] ?? NaN) - (y[k] ?? NaN), 14));
        s.dz2.forEach((v, k) => expect(v).toBeCloseTo(((p[k] ?? NaN) - (y[k] ?? NaN)) / (reduction === 'mean' ? 2 : 1), 14));
      }
    }
  });

  it('dz₁ of each sample is dA₁ ⊙ f′(z₁) with f′ = 1 − tanh² by hand', () => {
    const pass = backwardPass(network('tanh'), data, 'mean');
    const s = sampleRows(pass, 0);
    // dA₁ = dz₂ · W₂ᵀ, by hand from the rows of W₂
    const da1 = [0, 1].map((j) => (W2[j] ?? []).reduce((sum, w, k) => sum + w * (s.dz2[k] ?? NaN), 0));
    s.da1.forEach((v, j) => expect(v).toBeCloseTo(da1[j] ?? NaN, 14));
    s.slope.forEach((v, j) => expect(v).toBeCloseTo(1 - Math.tanh([1.0, 1.1][j] ?? NaN) ** 2, 14));
    s.dz1.forEach((v, j) => expect(v).toBeCloseTo((da1[j] ?? NaN) * (1 - Math.tanh([1.0, 1.1][j] ?? NaN) ** 2), 14));
  });

  it('backwardPass refuses an empty data set and sampleRows an index outside 0 … m − 1', () => {
    const empty: Dataset = { x: new Float64Array(0), labels: new Int32Array(0), m: 0, classes: 3 };
    expect(() => backwardPass(network('relu'), empty, 'mean')).toThrow(RangeError);
    const pass = backwardPass(network('relu'), data, 'mean');
    expect(() => sampleRows(pass, 2)).toThrow(/from 0 to 1/);
    expect(() => sampleRows(pass, -1)).toThrow(RangeError);
    expect(() => sampleRows(pass, 0.5)).toThrow(RangeError);
  });

  it('backwardPass works on a copy: changing the network afterwards changes nothing in the pass', () => {
    const net = network('relu');
    const pass = backwardPass(net, data, 'mean');
    const before = pass.loss;
    net.params.w2.fill(0);
    expect(pass.net.params.w2[0]).toBe(1.0);
    expect(backwardPass(net, data, 'mean').loss).not.toBe(before);
  });
});

describe('the chain rule for one weight', () => {
  for (const activation of ['relu', 'tanh', 'sigmoid'] as const) {
    for (const reduction of ['mean', 'sum'] as const) {
      it(`outputWeightChain: Σᵢ a₁ᵢⱼ (pᵢₖ − yᵢₖ)·s equals the backward pass and a difference of the reference loss (${activation}, ${reduction})`, () => {
        const pass = backwardPass(network(activation), data, reduction);
        for (let j = 0; j < 2; j++) {
          for (let k = 0; k < 3; k++) {
            const chain = outputWeightChain(pass, j, k, 1);
            const expected = referenceGradient(activation, 2, j, k, reduction);
            expect(chain.chainSum).toBeCloseTo(expected, 8);
            expect(chain.backprop).toBeCloseTo(expected, 8);
            expect(Math.abs(chain.chainSum - chain.backprop)).toBeLessThanOrEqual(1e-15);
            expect(weightFiniteDifference(pass, 2, j * 3 + k)).toBeCloseTo(expected, 8);
          }
        }
      });

      it(`hiddenWeightChain: Σᵢ xᵢᵣ f′(z₁ᵢⱼ) Σₖ w₂ⱼₖ dz₂ᵢₖ equals the backward pass and a difference of the reference loss (${activation}, ${reduction})`, () => {
        const pass = backwardPass(network(activation), data, reduction);
        for (let r = 0; r < 2; r++) {
          for (let j = 0; j < 2; j++) {
            const chain = hiddenWeightChain(pass, r, j, 0);
            const expected = referenceGradient(activation, 1, r, j, reduction);
            expect(chain.chainSum).toBeCloseTo(expected, 8);
            expect(chain.backprop).toBeCloseTo(expected, 8);
            expect(weightFiniteDifference(pass, 1, r * 2 + j)).toBeCloseTo(expected, 8);
          }
        }
      });
    }
  }

  it("outputWeightChain writes out sample 0's factors: a₁₀₁ = tanh(1.1), p₀₂ − 1 and 1/m = ½", () => {
    const pass = backwardPass(network('tanh'), data, 'mean');
    const chain = outputWeightChain(pass, 1, 2, 0);
    const p = reference('tanh', W1, W2, 'mean').rows[0]?.p[2] ?? NaN;
    expect(chain.a1).toBeCloseTo(Math.tanh(1.1), 14);
    expect(chain.pMinusY).toBeCloseTo(p - 1, 14);
    expect(chain.scale).toBe(0.5);
    expect(chain.term).toBeCloseTo(Math.tanh(1.1) * (p - 1) * 0.5, 14);
  });

  it('outputWeightChain splits the sum: its positive and negative terms add up to chainSum, and largestTerm is the term of largest size', () => {
    for (const activation of ['relu', 'tanh'] as const) {
      const pass = backwardPass(network(activation), data, 'mean');
      for (let j = 0; j < 2; j++) for (let k = 0; k < 3; k++) {
        const chain = outputWeightChain(pass, j, k, 0);
        // the terms by hand: sample s's a₁ₛⱼ (pₛₖ − yₛₖ)/m, from the chain at each sample
        const terms = [0, 1].map((s) => {
          const c = outputWeightChain(pass, j, k, s);
          return c.a1 * c.pMinusY * c.scale;
        });
        expect(chain.positiveSum).toBeCloseTo(terms.filter((t) => t > 0).reduce((a, b) => a + b, 0), 15);
        expect(chain.negativeSum).toBeCloseTo(terms.filter((t) => t < 0).reduce((a, b) => a + b, 0), 15);
        expect(chain.positiveSum + chain.negativeSum).toBeCloseTo(chain.chainSum, 15);
        const largest = terms.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
        expect(chain.largestTerm).toBe(largest);
        expect(terms[chain.largestSample]).toBe(largest);
      }
    }
  });

  it("hiddenWeightChain writes out sample 0's factors for w₁[1][0]: x₀₁ = 2, f′ = 1 − tanh²(1.0), and the inner sum over W₂'s row 0", () => {
    const pass = backwardPass(network('tanh'), data, 'sum');
    const chain = hiddenWeightChain(pass, 1, 0, 0);
    const p = reference('tanh', W1, W2, 'sum').rows[0]?.p ?? [];
    const dz2 = [p[0] ?? NaN, p[1] ?? NaN, (p[2] ?? NaN) - 1];
    const upstream = 1.0 * (dz2[0] ?? NaN) - 0.5 * (dz2[1] ?? NaN) + 0.3 * (dz2[2] ?? NaN);
    expect(chain.x).toBe(2);
    expect(chain.slope).toBeCloseTo(1 - Math.tanh(1) ** 2, 14);
    expect(chain.w2).toEqual([1.0, -0.5, 0.3]);
    chain.dz2.forEach((v, k) => expect(v).toBeCloseTo(dz2[k] ?? NaN, 14));
    expect(chain.upstream).toBeCloseTo(upstream, 14);
    expect(chain.term).toBeCloseTo(2 * (1 - Math.tanh(1) ** 2) * upstream, 14);
  });

  it("with ReLU, a hidden unit that is off for the sample passes nothing back: w₁'s term is 0", () => {
    // sample 1: z₁₀ = 0.5·(−0.5) + 0.2·0.4 + 0.1 = −0.07 < 0
    const pass = backwardPass(network('relu'), data, 'mean');
    const chain = hiddenWeightChain(pass, 0, 0, 1);
    expect(chain.slope).toBe(0);
    expect(chain.term === 0).toBe(true);
    expect(sampleRows(pass, 1).z1[0]).toBeCloseTo(-0.07, 14);
  });

  it("the sum's gradient of every weight is m = 2 times the mean's", () => {
    const mean = backwardPass(network('sigmoid'), data, 'mean');
    const sum = backwardPass(network('sigmoid'), data, 'sum');
    for (let j = 0; j < 2; j++) for (let k = 0; k < 3; k++) expect(outputWeightChain(sum, j, k, 0).backprop).toBeCloseTo(2 * outputWeightChain(mean, j, k, 0).backprop, 15);
    for (let r = 0; r < 2; r++) for (let j = 0; j < 2; j++) expect(hiddenWeightChain(sum, r, j, 0).chainSum).toBeCloseTo(2 * hiddenWeightChain(mean, r, j, 0).chainSum, 15);
  });

  it('the chain functions name the index that is out of range', () => {
    const pass = backwardPass(network('relu'), data, 'mean');
    expect(() => outputWeightChain(pass, 2, 0, 0)).toThrow(/hidden unit j/);
    expect(() => outputWeightChain(pass, 0, 3, 0)).toThrow(/class k/);
    expect(() => hiddenWeightChain(pass, 2, 0, 0)).toThrow(/input r/);
    expect(() => hiddenWeightChain(pass, 0, 0, 5)).toThrow(/sample i/);
    expect(() => weightFiniteDifference(pass, 2, 6)).toThrow(/weight index/);
  });
});

describe('weightDifferenceCheck: the explorer’s central difference and ReLU’s kink', () => {
  /** The small network with sample 1's pre-activation in unit 0 moved to z (it is −0.07 with B1). */
  function nearKink(z: number): Network {
    const net = network('relu');
    net.params.b1[0] = (B1[0] ?? NaN) + 0.07 + z;
    return net;
  }

  it('roundingScale is 1 + the largest logit’s size bound: for sample 0 alone, 1 + 0.05 + 2.0·1.0 + 3.1·0.7 = 5.22', () => {
    const one: Dataset = { x: Float64Array.from([1, 2]), labels: Int32Array.from([2]), m: 1, classes: 3 };
    // |b₁ⱼ| + 1 + |x₁W₁₁ⱼ| + |x₂W₁₂ⱼ| = 2.0 and 3.1; carried through |W₂| and |b₂|: 4.22, 2.34, 3.39
    expect(roundingScale(backwardPass(network('relu'), one, 'mean'))).toBeCloseTo(5.22, 13);
    expect(roundingScale(backwardPass(network('relu'), data, 'sum'))).toBeCloseTo(2 * roundingScale(backwardPass(network('relu'), data, 'mean')), 13);
  });

  it('away from any kink the nudge is 10⁻⁵, nothing is crossed, and the difference agrees with the backward pass', () => {
    for (const activation of ['relu', 'tanh', 'sigmoid'] as const) {
      const pass = backwardPass(network(activation), data, 'mean');
      for (const [layer, grads] of [[1, pass.ws.grads.w1], [2, pass.ws.grads.w2]] as const) {
        grads.forEach((g, q) => {
          const check = weightDifferenceCheck(pass, layer, q);
          expect(check.step).toBeCloseTo(DIFFERENCE_CHECK.step, 15);
          expect(check.kinks).toEqual([]);
          expect(check.kinkFree).toBeNull();
          expect(differenceAgrees(check, g)).toBe(true);
          // and a gradient off by a part in 10⁴ does not
          if (Math.abs(g) > 1e-3) expect(differenceAgrees(check, g * (1 + 1e-4))).toBe(false);
        });
      }
    }
  });

  it('a nudge of (W₁)₁,₁ that moves sample 1’s pre-activation (−2 × 10⁻⁶) across 0 is named, is no derivative, and the smaller nudge agrees', () => {
    const pass = backwardPass(nearKink(-2e-6), data, 'mean');
    const g = pass.ws.grads.w1[0] ?? NaN;
    const check = weightDifferenceCheck(pass, 1, 0);
    expect(check.kinks).toHaveLength(1);
    expect(check.kinks[0]?.sample).toBe(1);
    expect(check.kinks[0]?.z1).toBeCloseTo(-2e-6, 12);
    // x₁ = −0.5: w ± 10⁻⁵ moves z by ∓5 × 10⁻⁶, to 3 × 10⁻⁶ and −7 × 10⁻⁶
    expect(check.kinks[0]?.z1Down).toBeCloseTo(3e-6, 12);
    expect(check.kinks[0]?.z1Up).toBeCloseTo(-7e-6, 12);
    expect(differenceAgrees(check, g)).toBe(false);
    // the smaller nudge: half of |z|/|x| = 4 × 10⁻⁶, so 2 × 10⁻⁶, which keeps sample 1 below 0
    expect(check.kinkFree?.step).toBeCloseTo(2e-6, 12);
    expect(differenceAgrees(check.kinkFree!, g)).toBe(true);
    // nothing in W₂ or under tanh has a kink to cross
    expect(weightDifferenceCheck(pass, 2, 0).kinks).toEqual([]);
    const smooth = network('tanh');
    smooth.params.b1[0] = pass.net.params.b1[0] ?? NaN;
    expect(weightDifferenceCheck(backwardPass(smooth, data, 'mean'), 1, 0).kinks).toEqual([]);
  });

  it('a sample exactly on the kink leaves no nudge that avoids it: kinkFree is null', () => {
    // sample 1 at x = (−0.5, 0.25) with both weights of unit 0 at 0.5 and b = 0.125: z = 0 exactly
    const exact: Dataset = { x: Float64Array.from([1, 2, -0.5, 0.25]), labels: Int32Array.from(LABELS), m: 2, classes: 3 };
    const net = network('relu', [[0.5, -0.3], [0.5, 0.8]]);
    net.params.b1[0] = 0.125;
    const pass = backwardPass(net, exact, 'mean');
    expect(sampleRows(pass, 1).z1[0]).toBe(0);
    const check = weightDifferenceCheck(pass, 1, 0);
    expect(check.kinks.map((k) => k.sample)).toEqual([1]);
    expect(check.kinkFree).toBeNull();
  });
});

describe('activationSlope, outer and asRows', () => {
  it("activationSlope is ReLU's step (0 at 0), ¼ for the sigmoid at 0 and 1 for tanh at 0", () => {
    expect(activationSlope('relu', 0)).toBe(0);
    expect(activationSlope('relu', -3)).toBe(0);
    expect(activationSlope('relu', 0.01)).toBe(1);
    expect(activationSlope('sigmoid', 0)).toBe(0.25);
    expect(activationSlope('tanh', 0)).toBe(1);
  });

  it('activationSlope agrees with a central difference of the activation away from ReLU’s kink', () => {
    fc.assert(
      fc.property(fc.constantFrom<Activation>('relu', 'tanh', 'sigmoid'), fc.double({ min: -6, max: 6, noNaN: true }), (a, z) => {
        fc.pre(Math.abs(z) > 1e-3);
        const h = 1e-6;
        const estimate = (act[a](z + h) - act[a](z - h)) / (2 * h);
        expect(Math.abs(activationSlope(a, z) - estimate)).toBeLessThan(1e-8);
      }),
      { seed: 42 },
    );
  });

  it('outer(u, v) is the column u times the row v, and asRows cuts a flat array into rows', () => {
    expect(outer([1, 2], [3, 4, 5])).toEqual([
      [3, 4, 5],
      [6, 8, 10],
    ]);
    expect(asRows([1, 2, 3, 4, 5, 6], 3, 2)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });
});
