import { expect } from 'vitest';
import { numericalGradient } from '../../src/core/finiteDifference';
import { createWorkspace, forward, initNetwork } from '../../src/core/network';
import {
  chainGradient,
  epsilonCrossEntropy,
  epsilonGradientFactor,
  epsilonLossError,
  exponential,
  FLT_MAX,
  fusedGradient,
  naiveCrossEntropy,
  naiveSoftmax,
  OVERFLOW_THRESHOLD,
  softmaxBackwardChain,
  stableCrossEntropy,
  stableSoftmax,
} from '../../src/core/naive';
import { datasetOf, initialBackpropInputs, shapeOf } from '../../src/widgets/backprop/backpropStore';
import { PRESETS, parseTypedLogit, STABILITY_LIMITS } from '../../src/widgets/stability/stabilityInputs';
import { backwardAt, comparison, epsilonAt, labelLogitFor, type ComparisonCell } from '../../src/widgets/stability/stabilityMath';
import { big, exp as bigExp, log as bigLog, add, sub, mul, sumOf, toNumber, LN2 } from '../core/reference/bigFloat';
import { fc } from '../core/helpers';
import { describeClaims } from './chapterClaims';

/*
 * Chapter 10's claims, section by section. Every number is replayed with the widgets' pure logic
 * (stabilityMath, stabilityInputs) and the core's naive.ts, at the presets and logits the chapter names;
 * the reference values come from closed forms in 200-bit arithmetic (tests/core/reference/bigFloat.ts)
 * or from the definition of the formats.
 */

const cellOf = (z: readonly number[], label: number, form: 'naive' | 'stable', precision: 'float32' | 'float64'): ComparisonCell => {
  const c = comparison(z, label).find((x) => x.form === form && x.precision === precision);
  if (!c) throw new Error('no such cell');
  return c;
};
const finite = (c: ComparisonCell) => Number.isFinite(c.loss) && c.probabilities.every(Number.isFinite);
/** ln of an exact positive number given as big float, to a double */
const ln = (x: ReturnType<typeof big>) => toNumber(bigLog(x));

/** Chapter 8's starting network and data, for the first 100 initial seeds: its logits, row after row. */
function chapterEightLogits(kind: 'blobs' | 'rings' | 'spirals', seed: number, scale = 1): Float64Array {
  const { dataSeed, hidden, activation } = initialBackpropInputs();
  const data = datasetOf(kind, dataSeed);
  const shape = shapeOf(hidden, activation);
  const net = initNetwork(shape, seed);
  const ws = createWorkspace(shape, data.m);
  forward(net, data.x.map((v) => v * scale), data.labels, data.m, ws);
  return ws.z2.slice(0, data.m * shape.outputs);
}

describeClaims('stability', (claim) => {
  // ── where e^z runs out ──
  claim(String.raw`$\mathrm{FLT\_MAX} = (2 - 2^{-23})\cdot 2^{127} \approx 3.40 \times 10^{38}$`, () => {
    expect(FLT_MAX).toBe((2 - 2 ** -23) * 2 ** 127);
    expect(Math.fround(FLT_MAX)).toBe(FLT_MAX);
    expect(Math.fround(2 ** 128)).toBe(Infinity);
    expect(FLT_MAX / 1e38).toBeCloseTo(3.4, 2);
  });
  claim(String.raw`$\mathrm{DBL\_MAX} = (2 - 2^{-52})\cdot 2^{1023} \approx 1.80 \times 10^{308}$`, () => {
    expect(Number.MAX_VALUE).toBe((2 - 2 ** -52) * 2 ** 1023);
    expect(Number.MAX_VALUE / 1e308).toBeCloseTo(1.8, 2);
  });
  claim(String.raw`z > \ln \mathrm{FLT\_MAX} \approx 88.72 \ \text{(float32)}`, () => {
    // ln((2 − 2⁻²³)·2¹²⁷) = 127 ln 2 + ln(2 − 2⁻²³), in 200 bits
    const reference = toNumber(add(mul(big(127), LN2), bigLog(big(2 - 2 ** -23))));
    expect(reference).toBeCloseTo(88.72, 2);
    expect(OVERFLOW_THRESHOLD.float32).toBeCloseTo(reference, 12);
    expect(exponential(88.72, 'float32')).toBeLessThan(Infinity);
    expect(exponential(88.73, 'float32')).toBe(Infinity);
  });
  claim(String.raw`z > \ln \mathrm{DBL\_MAX} \approx 709.78 \ \text{(float64)}`, () => {
    const reference = toNumber(add(mul(big(1023), LN2), bigLog(big(2 - 2 ** -52))));
    expect(reference).toBeCloseTo(709.78, 2);
    expect(OVERFLOW_THRESHOLD.float64).toBeCloseTo(reference, 11);
    expect(Math.exp(709.78)).toBeLessThan(Infinity);
    expect(Math.exp(709.79)).toBe(Infinity);
  });
  claim("Chapter 8's network, with its He initialisation and inputs of size about 1, starts with logits whose root mean square is about 0.6, all of them between −5 and 5 for every one of the first 100 seeds on each of its three data sets.", () => {
    expect(initialBackpropInputs()).toMatchObject({ hidden: 16, activation: 'relu' });
    for (const kind of ['blobs', 'rings', 'spirals'] as const) {
      let squares = 0;
      let count = 0;
      let largest = 0;
      for (let seed = 0; seed < 100; seed++) {
        for (const z of chapterEightLogits(kind, seed)) {
          squares += z * z;
          count++;
          largest = Math.max(largest, Math.abs(z));
        }
      }
      const rms = Math.sqrt(squares / count);
      expect(rms, kind).toBeGreaterThan(0.5);
      expect(rms, kind).toBeLessThan(0.7);
      expect(largest, kind).toBeLessThan(5);
      expect(largest, kind).toBeGreaterThan(2); // a real spread, not all zeros
    }
  });
  claim("while its biases are 0, a ReLU network's logits grow in proportion to its input, so they come out 255 times too large, with a root mean square near 150", () => {
    let squares = 0;
    let count = 0;
    for (let seed = 0; seed < 100; seed++) {
      const plain = chapterEightLogits('blobs', seed);
      const raw = chapterEightLogits('blobs', seed, 255);
      plain.forEach((z, i) => {
        expect(Math.abs((raw[i] as number) - 255 * z)).toBeLessThan(1e-12 * 255 * Math.max(1, Math.abs(z)));
        squares += (raw[i] as number) ** 2;
        count++;
      });
    }
    const rms = Math.sqrt(squares / count);
    expect(rms).toBeGreaterThan(130);
    expect(rms).toBeLessThan(170);
    expect(rms).toBeGreaterThan(OVERFLOW_THRESHOLD.float32);
  });
  claim(String.raw`$\operatorname{softmax}(\mathbf z / T)$ with $T = 0.01$ turns a logit of 1 into 100`, () => {
    expect(1 / 0.01).toBe(100);
    // and 100 is past float32's threshold: the naive float32 softmax of [1, 0, 0] / 0.01 is NaN in class 1
    expect(Number.isNaN(naiveSoftmax([1 / 0.01, 0, 0], 'float32').probabilities[0])).toBe(true);
  });
  claim(String.raw`p_i = \frac{\infty}{\infty} = \text{NaN}, \qquad L = -\ln \text{NaN} = \text{NaN}.`, () => {
    const c = cellOf([1000, 0, 0], 0, 'naive', 'float64');
    expect(Number.isNaN(c.probabilities[0])).toBe(true);
    expect(Number.isNaN(c.loss)).toBe(true);
    expect(c.flags.map((f) => f.text)).toContain('L = −ln p₁ = −ln NaN = NaN.');
  });
  claim(String.raw`The other classes get $e^{z_k}/\infty = 0$, and if the true class is one of them, the loss is $-\ln 0 = \infty$.`, () => {
    const c = cellOf([1000, 0, 0], 1, 'naive', 'float64');
    expect([c.probabilities[1], c.probabilities[2], c.loss]).toEqual([0, 0, Infinity]);
    expect(c.flags.map((f) => f.text)).toContain('L = −ln 0 = ∞.');
  });
  claim(String.raw`$e^{-1000}$ is smaller than the smallest positive float64 and rounds to 0, so $z = [-1000, -1000, -1000]$ gives $0/0 = \text{NaN}$ even though its softmax is plainly $[\tfrac13, \tfrac13, \tfrac13]$.`, () => {
    // the smallest positive double is 2⁻¹⁰⁷⁴, and ln 2⁻¹⁰⁷⁴ ≈ −744.4 > −1000
    expect(-1074 * Math.LN2).toBeGreaterThan(-1000);
    expect(Math.exp(-1000)).toBe(0);
    const naive = naiveSoftmax([-1000, -1000, -1000]);
    expect(naive.sum).toBe(0);
    expect(Array.from(naive.probabilities).every(Number.isNaN)).toBe(true);
    for (const p of stableSoftmax([-1000, -1000, -1000]).probabilities) expect(p).toBeCloseTo(1 / 3, 15);
  });

  // ── the max shift and log-sum-exp ──
  claim(String.raw`so every $e^{z_i - z_{\max}}$ is at most 1 and nothing can overflow. The largest term is $e^{0} = 1$, so the sum is at least 1 and nothing divides by 0.`, () => {
    const logits = fc.array(fc.double({ min: STABILITY_LIMITS.min, max: STABILITY_LIMITS.max, noNaN: true }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(logits, (z) => {
        for (const precision of ['float32', 'float64'] as const) {
          const s = stableSoftmax(z, precision);
          expect(s.exponentials.every((e) => e <= 1)).toBe(true);
          expect(s.sum).toBeGreaterThanOrEqual(1);
          expect(s.probabilities.every(Number.isFinite)).toBe(true);
        }
      }),
      { seed: 10 },
    );
  });
  claim(String.raw`L = \ln\bigl(1 + e^{-1} + e^{-2}\bigr) = \ln 1.5032 \approx 0.408,`, () => {
    const sum = sumOf([big(1), bigExp(big(-1)), bigExp(big(-2))]);
    expect(toNumber(sum)).toBeCloseTo(1.5032, 4);
    const reference = ln(sum);
    expect(reference).toBeCloseTo(0.408, 3);
    expect(stableCrossEntropy([1000, 999, 998], 0)).toBeCloseTo(reference, 13);
    expect(stableCrossEntropy([1000, 999, 998], 0, 'float32')).toBeCloseTo(reference, 5);
  });
  claim('while the naive form gives NaN in both precisions', () => {
    for (const precision of ['float32', 'float64'] as const) expect(Number.isNaN(naiveCrossEntropy([1000, 999, 998], 0, precision))).toBe(true);
  });

  // ── the explorer's presets and inputs ──
  claim('type any logit from −1000 to 1000 into the boxes under the table', () => {
    expect(parseTypedLogit('−1000', 'z1')).toEqual({ ok: true, value: -1000 });
    expect(parseTypedLogit('1000', 'z1')).toEqual({ ok: true, value: 1000 });
    expect(parseTypedLogit('1000.1', 'z1').ok).toBe(false);
    expect(parseTypedLogit('88.7', 'z1')).toEqual({ ok: true, value: 88.7 });
  });
  claim(String.raw`Every $\infty$ and NaN in the table comes with the reason it appeared.`, () => {
    const cases = [...PRESETS.map((p) => [...p.logits]), [88.7, 88.7, 88.7], [2, 3, 1000], [-1000, 0, 0], [710, 700, -1000]];
    for (const z of cases) {
      for (let label = 0; label < 3; label++) {
        for (const cell of comparison(z, label)) {
          const kinds = cell.flags.map((f) => f.kind);
          if (cell.probabilities.some(Number.isNaN) || Number.isNaN(cell.loss)) expect(kinds, `${z} ${cell.form} ${cell.precision}`).toContain('nan');
          if (cell.loss === Infinity) expect(kinds).toContain('infinite');
          if (cell.form === 'stable') expect(finite(cell)).toBe(true);
        }
      }
    }
  });
  claim(String.raw`$z = [89, 0, 0]$: $e^{89} \approx 4.5 \times 10^{38}$ overflows in float32 but not in float64. The naive float32 cell shows NaN for $p_1$ and 0 for the others, and the float64 cells are fine.`, () => {
    expect(toNumber(bigExp(big(89))) / 1e38).toBeCloseTo(4.5, 1);
    expect(PRESETS.map((p) => p.logits.join())).toContain('89,0,0');
    expect(exponential(89, 'float32')).toBe(Infinity);
    expect(exponential(89, 'float64')).toBeLessThan(Infinity);
    const n32 = cellOf([89, 0, 0], 0, 'naive', 'float32');
    expect(Number.isNaN(n32.probabilities[0])).toBe(true);
    expect([n32.probabilities[1], n32.probabilities[2]]).toEqual([0, 0]);
    expect(finite(cellOf([89, 0, 0], 0, 'naive', 'float64'))).toBe(true);
    expect(finite(cellOf([89, 0, 0], 0, 'stable', 'float64'))).toBe(true);
  });
  claim('$z = [710, 0, 0]$: now float64 overflows too. The stable cells are finite in both precisions.', () => {
    expect(PRESETS.map((p) => p.logits.join())).toContain('710,0,0');
    expect(exponential(710, 'float64')).toBe(Infinity);
    expect(Number.isNaN(cellOf([710, 0, 0], 0, 'naive', 'float64').probabilities[0])).toBe(true);
    for (const label of [0, 1]) {
      for (const precision of ['float32', 'float64'] as const) expect(finite(cellOf([710, 0, 0], label, 'stable', precision))).toBe(true);
    }
  });
  claim(String.raw`$z = [-1000, 0, 1000]$: the naive form gets $p = [0, 0, \text{NaN}]$. In the stable form $p_1$ underflows to 0 as well, since it is $e^{-2000}$, yet the loss stays finite: $L = 2000$.`, () => {
    expect(PRESETS.map((p) => p.logits.join())).toContain('-1000,0,1000');
    for (const precision of ['float32', 'float64'] as const) {
      const naive = cellOf([-1000, 0, 1000], 0, 'naive', precision);
      expect(naive.probabilities[0]).toBe(0);
      expect(naive.probabilities[1]).toBe(0);
      expect(Number.isNaN(naive.probabilities[2])).toBe(true);
      const stable = cellOf([-1000, 0, 1000], 0, 'stable', precision);
      expect(stable.probabilities[0]).toBe(0);
      // L = LSE − z₁ = 1000 + ln(1 + e⁻¹⁰⁰⁰ + e⁻²⁰⁰⁰) + 1000 = 2000 to double precision
      expect(stable.loss).toBe(2000);
    }
  });
  claim(String.raw`Type $z = [88.7, 88.7, 88.7]$: in float32 each $e^{88.7}$ is finite, but their sum overflows, so the naive probabilities all come out as $\text{finite}/\infty = 0$.`, () => {
    const steps = naiveSoftmax([88.7, 88.7, 88.7], 'float32');
    expect(steps.exponentials.every((e) => Number.isFinite(e) && e > FLT_MAX / 2)).toBe(true);
    expect(steps.sum).toBe(Infinity);
    expect(Array.from(steps.probabilities)).toEqual([0, 0, 0]);
    expect(cellOf([88.7, 88.7, 88.7], 0, 'naive', 'float32').flags.map((f) => f.text)).toContain('Each e^z is finite, but their sum overflowed to ∞.');
  });

  // ── the 1e-8 inside the log ──
  claim(String.raw`For $p_t \gg \varepsilon$ the error is about $-\varepsilon/p_t$, far too small to matter.`, () => {
    for (const p of [0.5, 1e-3, 1e-5]) expect(epsilonLossError(Math.log(p), 1e-8) / (-1e-8 / p)).toBeCloseTo(1, 2);
    expect(Math.abs(epsilonLossError(Math.log(0.1), 1e-8))).toBeLessThan(1e-6);
  });
  claim(String.raw`At $p_t = \varepsilon$ it is $-\ln 2 \approx -0.693$.`, () => {
    expect(epsilonLossError(Math.log(1e-8), 1e-8)).toBeCloseTo(-Math.LN2, 14);
    expect(-Math.LN2).toBeCloseTo(-0.693, 3);
  });
  claim(String.raw`$L_\varepsilon$ stops growing at about $-\ln \varepsilon = 8 \ln 10 \approx 18.42$, however wrong the model is.`, () => {
    expect(8 * Math.LN10).toBeCloseTo(18.42, 2);
    let previous = 0;
    for (const z1 of [0, -10, -20, -30, -100, -1000]) {
      const trick = epsilonCrossEntropy([z1, 0, 0], 0, 1e-8);
      expect(trick).toBeGreaterThanOrEqual(previous);
      expect(trick).toBeLessThanOrEqual(-Math.log(1e-8) + 1e-12);
      previous = trick;
    }
    expect(previous).toBeCloseTo(-Math.log(1e-8), 12);
  });
  claim(String.raw`At $z = [-1000, 0, 0]$ the true loss is $1000 + \ln 2 \approx 1000.69$. The trick reports 18.42.`, () => {
    // L = LSE − z₁ = ln(e⁻¹⁰⁰⁰ + 2) + 1000
    const reference = toNumber(add(bigLog(add(bigExp(big(-1000)), big(2))), big(1000)));
    expect(reference).toBeCloseTo(1000.69, 2);
    const e = epsilonAt([-1000, 0, 0], 0, 1e-8);
    expect(e.trueLoss).toBeCloseTo(reference, 10);
    expect(e.trickLoss).toBeCloseTo(18.42, 2);
  });
  claim(String.raw`\frac{\partial L_\varepsilon}{\partial \mathbf z} = \frac{p_t}{p_t + \varepsilon}\,(\mathbf p - \mathbf y).`, () => {
    for (const [z, eps] of [
      [[-16, 1, 2], 1e-8],
      [[-5, 0, 0], 1e-4],
      [[2, 3, 4], 1e-2],
    ] as const) {
      const p = stableSoftmax(z).probabilities;
      const factor = (p[0] as number) / ((p[0] as number) + eps);
      const numeric = numericalGradient((v) => epsilonCrossEntropy(v, 0, eps), z);
      numeric.forEach((g, j) => expect(g).toBeCloseTo(factor * ((p[j] as number) - (j === 0 ? 1 : 0)), 8));
    }
  });
  claim(String.raw`The true gradient $\mathbf p - \mathbf y$ is scaled by $p_t/(p_t + \varepsilon)$: by $\tfrac12$ at $p_t = \varepsilon$, and by almost nothing below it.`, () => {
    expect(epsilonGradientFactor(Math.log(1e-8), 1e-8)).toBeCloseTo(0.5, 14);
    expect(epsilonGradientFactor(Math.log(1e-12), 1e-8)).toBeLessThan(1.01e-4);
    expect(epsilonGradientFactor(Math.log(1e-16), 1e-8)).toBeLessThan(1.01e-8);
  });
  claim(String.raw`so $-8$ means $p_t = 10^{-8}$`, () => {
    const z = [0, 3, 4];
    z[0] = labelLogitFor(-8, z, 0);
    expect(epsilonAt(z, 0, 1e-8).log10P).toBeCloseTo(-8, 10);
    expect(stableSoftmax(z).probabilities[0]).toBeCloseTo(1e-8, 20);
  });

  // ── the fused backward ──
  claim(String.raw`\frac{\partial L}{\partial z_j} = p_j - y_j .`, () => {
    const numeric = numericalGradient((v) => stableCrossEntropy(v, 0), [2, 3, 4]);
    const e = [2, 3, 4].map(Math.exp);
    const s = (e[0] as number) + (e[1] as number) + (e[2] as number);
    const byHand = e.map((v, j) => v / s - (j === 0 ? 1 : 0));
    fusedGradient([2, 3, 4], 0).forEach((g, j) => {
      expect(g).toBeCloseTo(byHand[j] as number, 15);
      expect(numeric[j]).toBeCloseTo(byHand[j] as number, 9);
    });
  });
  claim(String.raw`Every term is finite for finite logits, and once $\mathbf p$ is known the gradient costs one subtraction per class.`, () => {
    const logits = fc.array(fc.double({ min: STABILITY_LIMITS.min, max: STABILITY_LIMITS.max, noNaN: true }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(logits, fc.nat(2), (z, label) => {
        for (const precision of ['float32', 'float64'] as const) expect(fusedGradient(z, label, precision).every(Number.isFinite)).toBe(true);
      }),
      { seed: 10 },
    );
  });
  claim(String.raw`= p_j \bigl(u_j - \langle \mathbf u, \mathbf p \rangle\bigr) = \frac{p_t}{p_t + \varepsilon}\,(p_j - y_j),`, () => {
    const logits = fc.array(fc.double({ min: -8, max: 8, noNaN: true }), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(logits, fc.nat(), fc.constantFrom(0, 1e-8, 1e-2), (z, seed, eps) => {
        const t = seed % z.length;
        const p = stableSoftmax(z).probabilities;
        const autograd = softmaxBackwardChain(p, t, eps);
        const matrix = chainGradient(p, t, eps).gradient; // Σ_k u_k J_kj with the C×C Jacobian
        const factor = (p[t] as number) / ((p[t] as number) + eps);
        autograd.gradient.forEach((g, j) => {
          expect(g).toBeCloseTo(matrix[j] as number, 13);
          expect(g).toBeCloseTo(factor * ((p[j] as number) - (j === t ? 1 : 0)), 13);
        });
      }),
      { seed: 10 },
    );
  });
  claim('one dot product and one multiply-subtract per class: $O(C)$, the same order of work as the fused form.', () => {
    // count the reads of p: the autograd chain reads each p_k a fixed number of times, the C×C product C times as often
    const reads = (C: number, backward: (p: ArrayLike<number>) => unknown) => {
      let count = 0;
      const values = Array.from({ length: C }, () => 1 / C);
      const p = new Proxy(values, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) count++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
      backward(p);
      return count;
    };
    const fast = (C: number) => reads(C, (p) => softmaxBackwardChain(p, 0, 1e-8));
    const matrix = (C: number) => reads(C, (p) => chainGradient(p, 0, 1e-8));
    expect(fast(100) / fast(10)).toBeCloseTo(10, 0);
    expect(matrix(100) / matrix(10)).toBeGreaterThan(50);
    // and the widget's unfused column is the O(C) one
    const b = backwardAt([2, 3, 4], 0, 1e-8, 'float64');
    expect(Array.from(b.chain)).toEqual(Array.from(softmaxBackwardChain(stableSoftmax([2, 3, 4]).probabilities, 0, 1e-8).gradient));
  });
  claim(String.raw`When $p_t$ has underflowed to 0, it computes $u_t = -1/0 = -\infty$, and the dot product $\langle \mathbf u, \mathbf p \rangle$ contains $u_t p_t = -\infty \times 0 = \text{NaN}$`, () => {
    for (const precision of ['float32', 'float64'] as const) {
      const b = backwardAt([-1000, 0, 1000], 0, 0, precision);
      expect(b.probabilities[0]).toBe(0);
      expect(b.upstream).toBe(-Infinity);
      expect(Number.isNaN(b.dot)).toBe(true);
    }
  });
  claim('The NaN then reaches every class.', () => {
    for (const precision of ['float32', 'float64'] as const) {
      expect(Array.from(backwardAt([-1000, 0, 1000], 0, 0, precision).chain).every(Number.isNaN)).toBe(true);
    }
  });
  claim(String.raw`Press $\mathbf z = [-1000, 0, 1000]$ with true class 1 to compare the fused $[-1, 0, 1]$ with the unfused chain: NaN at $\varepsilon = 0$, and zeros at $\varepsilon = 10^{-8}$.`, () => {
    for (const precision of ['float32', 'float64'] as const) {
      const none = backwardAt([-1000, 0, 1000], 0, 0, precision);
      expect(Array.from(none.fused)).toEqual([-1, 0, 1]);
      expect(Array.from(none.chain).every(Number.isNaN)).toBe(true);
      const trick = backwardAt([-1000, 0, 1000], 0, 1e-8, precision);
      expect(Array.from(trick.chain).map(Math.abs)).toEqual([0, 0, 0]);
    }
  });

  // ── what to take away ──
  claim(String.raw`$e^{z}$ overflows above $z \approx 88.72$ in float32 and $709.78$ in float64.`, () => {
    expect(OVERFLOW_THRESHOLD.float32).toBeCloseTo(88.72, 2);
    expect(OVERFLOW_THRESHOLD.float64).toBeCloseTo(709.78, 2);
    expect(toNumber(sub(bigLog(big(Number.MAX_VALUE)), big(709.78)))).toBeGreaterThan(0);
  });
  claim(String.raw`$-\ln(p_t + 10^{-8})$ caps the loss near 18.42 and scales the gradient by $p_t/(p_t + \varepsilon)$.`, () => {
    expect(epsilonCrossEntropy([-1000, 0, 0], 0, 1e-8)).toBeCloseTo(18.42, 2);
    expect(epsilonAt([-1000, 0, 0], 0, 1e-8).gradientFactor).toBe(0);
  });
});
