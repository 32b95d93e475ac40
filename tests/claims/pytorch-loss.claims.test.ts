import { expect } from 'vitest';
import fc from 'fast-check';
import { crossEntropy } from '../../src/core/crossEntropy';
import { crossEntropyGrad } from '../../src/core/crossEntropyGrad';
import { resolveCrossEntropy } from '../../src/core/crossEntropyTargets';
import { binaryCrossEntropyWithLogits } from '../../src/core/binaryCrossEntropyWithLogits';
import { formatNumber } from '../../src/format/formatNumber';
import { START_BATCH, oneHotRow, type Batch } from '../../src/chapters/pytorch-loss/pytorchLossInputs';
import { bceReport, lossReport, nllRoute } from '../../src/chapters/pytorch-loss/pytorchLossMath';
import { presetBatch } from '../../src/chapters/pytorch-loss/pytorchLossPresets';
import { lossStatement } from '../../src/chapters/pytorch-loss/LossResult';
import { lossText } from '../../src/chapters/pytorch-loss/pytorchLossFormula';
import { BCE_STATE } from '../../src/chapters/pytorch-loss/pytorchLossState';
import { describeClaims } from './chapterClaims';

/*
 * Chapter 11's claims, replayed with the widgets' own logic (the presets, lossReport, nllRoute,
 * bceReport, the sentences the explorer writes) on the core. The reference numbers were computed apart
 * from the core, with NumPy in plain float64 (log-softmax by z − max z − log Σ e^(z − max z), then the
 * sums written out), and are quoted here to 6 decimals; where a sentence gives 3, the check is the
 * displayed rounding and a tolerance of 5 × 10⁻⁶ against the reference.
 */

const near = (actual: number, expected: number, tolerance = 5e-6) =>
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
const shown = (x: number) => formatNumber(x, 3);
const shownAll = (xs: ArrayLike<number>) => Array.from(xs, shown);

// NumPy, by hand: −log softmax of z = [[2, 0.5, −1], [0, 1.5, 0.5], [1, 0, 2]] at the targets [0, 1, 0]
const NLL = [0.241311, 0.464369, 1.407606] as const;
const W = [2, 0.5, 1] as const;

describeClaims('pytorch-loss', (claim) => {
  claim("Without options the samples' losses are 0.241, 0.464 and 1.408, and the loss is their mean, 0.704.", () => {
    const r = lossReport(START_BATCH);
    r.perSample.forEach((l, n) => near(l, NLL[n] as number));
    expect(shownAll(r.perSample)).toEqual(['0.241', '0.464', '1.408']);
    near(r.value, (NLL[0] + NLL[1] + NLL[2]) / 3);
    expect(shown(r.value)).toBe('0.704');
    expect(presetBatch('plain')).toBe(START_BATCH);
  });

  claim('The third sample is the badly classified one: its largest logit is class 2, but its class is 0.', () => {
    const row = START_BATCH.logits[2] as readonly number[];
    expect(row.indexOf(Math.max(...row))).toBe(2);
    expect(START_BATCH.indices[2]).toBe(0);
    // and it is the one with the largest loss
    expect(Math.max(...lossReport(START_BATCH).perSample)).toBe(lossReport(START_BATCH).perSample[2]);
  });

  claim('so the losses become 0.483, 0.232 and 2.815, which add up to 3.530.', () => {
    const b = presetBatch('weighted');
    expect(b.weight).toEqual([...W]);
    const r = lossReport(b);
    const byHand = [W[0] * NLL[0], W[1] * NLL[1], W[0] * NLL[2]];
    r.perSample.forEach((l, n) => near(l, byHand[n] as number));
    expect(shownAll(r.perSample)).toEqual(['0.483', '0.232', '2.815']);
    expect(shown(r.total)).toBe('3.530');
  });

  claim('PyTorch then divides by the weights it used, $w_{t_0} + w_{t_1} + w_{t_2} = 2 + 0.5 + 2 = 4.5$, not by $N = 3$, and prints 0.784. Dividing by $N$ would give 1.177.', () => {
    const r = lossReport(presetBatch('weighted'));
    expect(r.denominator).toBe(4.5);
    expect(r.denominatorTerms.map((t) => t.weight)).toEqual([2, 0.5, 2]);
    const sum = W[0] * NLL[0] + W[1] * NLL[1] + W[0] * NLL[2];
    near(r.value, sum / 4.5);
    expect(shown(r.value)).toBe('0.784');
    expect(shown(r.total / 3)).toBe('1.177');
    // the sentence under the explorer's fraction spells the same out
    expect(lossText(presetBatch('weighted'), r, '')).toBe(
      'mean = Σ ℓ_n / Σ w[t_n] over the samples that are not ignored = (0.483 + 0.232 + 2.815) / (2 + 0.5 + 2) = 3.530 / 4.5 = 0.784.',
    );
  });

  claim('The result always lies between the smallest and the largest unweighted loss, 0.241 and 1.408 here', () => {
    const weights = fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 3, maxLength: 3 }).map((ks) => ks.map((k) => k / 10));
    fc.assert(
      fc.property(weights, (weight) => {
        const value = lossReport({ ...START_BATCH, weighted: true, weight }).value;
        return value >= NLL[0] - 1e-12 && value <= NLL[2] + 1e-12;
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  claim('with $w = [2, 2, 2]$ the loss is 0.704 again, exactly the unweighted mean.', () => {
    const r = lossReport({ ...START_BATCH, weighted: true, weight: [2, 2, 2] });
    near(r.value, lossReport(START_BATCH).value, 1e-15);
    expect(shown(r.value)).toBe('0.704');
  });

  claim('Divided by $N$, the same weights would also scale the loss, and with it the effective learning rate.', () => {
    const twice = lossReport({ ...START_BATCH, weighted: true, weight: [2, 2, 2] });
    near(twice.total / 3, 2 * lossReport(START_BATCH).value, 1e-12);
  });

  claim('the mean is $(0.232 + 2.815) / (0.5 + 2) = 3.047 / 2.5 = 1.219$. Sample 0 counts for nothing, not even as a sample with loss 0. Its row of the gradient is 0 in every class.', () => {
    const b = presetBatch('ignored');
    expect(b.indices).toEqual([-100, 1, 0]);
    const r = lossReport(b);
    expect(r.denominator).toBe(2.5);
    near(r.value, (W[1] * NLL[1] + W[0] * NLL[2]) / 2.5);
    expect([shown(r.perSample[1] as number), shown(r.perSample[2] as number), shown(r.total), shown(r.value)]).toEqual(['0.232', '2.815', '3.047', '1.219']);
    expect(r.perSample[0]).toBe(0);
    expect(Array.from(r.gradient[0] as Float64Array)).toEqual([0, 0, 0]);
  });

  claim('`ignore_index` may also be a class. Then every sample of that class is ignored', () => {
    const b: Batch = { ...START_BATCH, ignoreIndex: 0 };
    const r = lossReport(b);
    expect(r.kept).toEqual([1]);
    near(r.value, NLL[1]);
  });

  claim('There is no kept sample, so both sums are empty: the mean is $0 / 0$, and PyTorch returns `nan`.', () => {
    const b = presetBatch('all-ignored');
    const r = lossReport(b);
    expect(r.kept).toEqual([]);
    expect(r.undefinedMean).toBe(true);
    expect(Number.isNaN(crossEntropy(b.logits, b.indices, { weight: b.weight }))).toBe(true);
  });

  claim('The explorer shows no number there; it says "every sample is ignored: PyTorch returns nan here (0 / 0)".', () => {
    const b = presetBatch('all-ignored');
    const r = lossReport(b);
    const statement = lossStatement(b, r);
    expect(statement).toContain('every sample is ignored: PyTorch returns nan here (0 / 0)');
    expect(statement).not.toMatch(/NaN|undefined/);
  });

  claim("The gradient PyTorch computes in that case is 0 in every entry, since no sample contributes, and `reduction='sum'` gives 0, the empty sum.", () => {
    const b = presetBatch('all-ignored');
    expect(lossReport(b).gradient.flatMap((row) => Array.from(row))).toEqual(Array(9).fill(0));
    expect(lossReport({ ...b, reduction: 'sum' }).value).toBe(0);
  });

  claim('the losses are 0.797, 0.232 and 1.611, and the loss is $2.641 / 3 = 0.880$.', () => {
    const b = presetBatch('probs');
    expect(b.probabilities).toEqual([
      [0.8, 0.1, 0.1],
      [0, 1, 0],
      [0.5, 0, 0.5],
    ]);
    const r = lossReport(b);
    // NumPy, by hand: −Σ_c w_c y_nc log p_nc
    const byHand = [0.797295, 0.232184, 1.611409];
    r.perSample.forEach((l, n) => near(l, byHand[n] as number));
    expect(r.denominator).toBe(3);
    expect([...shownAll(r.perSample), shown(r.total), shown(r.value)]).toEqual(['0.797', '0.232', '1.611', '2.641', '0.880']);
  });

  claim("Set the rows to $[1, 0, 0]$, $[0, 1, 0]$ and $[1, 0, 0]$: each sample's loss is the same as with the class indices $[0, 1, 0]$, but the loss is $3.530 / 3 = 1.177$ instead of $3.530 / 4.5 = 0.784$.", () => {
    const rows = presetBatch('probs');
    const oneHot = lossReport({ ...rows, probabilities: [oneHotRow(3, 0), oneHotRow(3, 1), oneHotRow(3, 0)] });
    const indices = lossReport(presetBatch('weighted'));
    expect(Array.from(oneHot.perSample)).toEqual(Array.from(indices.perSample));
    expect([shown(oneHot.total), shown(oneHot.value), shown(indices.value)]).toEqual(['3.530', '1.177', '0.784']);
  });

  claim('with $\\varepsilon = 0.2$ and $C = 3$, the row of class 0 becomes $[0.867, 0.067, 0.067]$.', () => {
    const b = presetBatch('smoothing');
    const { shares } = resolveCrossEntropy('claim', b.logits, b.indices, { labelSmoothing: b.smoothing });
    near(shares[0]?.[0] as number, 0.8 + 0.2 / 3, 1e-15);
    expect(Array.from(shares[0] as Float64Array, shown)).toEqual(['0.867', '0.067', '0.067']);
  });

  claim('the losses become 0.692, 0.561 and 2.547. Sample 1\'s loss more than doubles, from 0.232 to 0.561', () => {
    const r = lossReport(presetBatch('smoothing'));
    const byHand = [0.692404, 0.560767, 2.547278];
    r.perSample.forEach((l, n) => near(l, byHand[n] as number));
    expect(shownAll(r.perSample)).toEqual(['0.692', '0.561', '2.547']);
    expect((r.perSample[1] as number) / (lossReport(presetBatch('weighted')).perSample[1] as number)).toBeGreaterThan(2);
  });

  claim('The denominator does not change: it is still $\\sum w_{t_n} = 4.5$, and the loss is $3.800 / 4.5 = 0.845$.', () => {
    const r = lossReport(presetBatch('smoothing'));
    expect(r.denominator).toBe(4.5);
    near(r.value, 3.800449 / 4.5);
    expect([shown(r.total), shown(r.value)]).toEqual(['3.800', '0.845']);
  });

  claim("it returns $[0, 0.232, 2.815]$. Their `.mean()` is 1.016, which is not the loss `'mean'` gives (1.219)", () => {
    const b = presetBatch('none');
    const r = lossReport(b);
    expect(shownAll(r.perSample)).toEqual(['0.000', '0.232', '2.815']);
    near(r.total / 3, (W[1] * NLL[1] + W[0] * NLL[2]) / 3);
    expect(shown(r.total / 3)).toBe('1.016');
    expect(shown(lossReport({ ...b, reduction: 'mean' }).value)).toBe('1.219');
  });

  claim("The explorer's gradient for `'none'` is that of the sum of the losses, the gradient that `loss.sum().backward()` gives.", () => {
    const b = presetBatch('none');
    expect(lossReport(b).gradient).toEqual(lossReport({ ...b, reduction: 'sum' }).gradient);
  });

  claim('`nn.CrossEntropyLoss` is `nn.LogSoftmax(dim=1)` followed by `nn.NLLLoss`, fused', () => {
    // generated batches with class indices, some ignored, weighted or not, each reduction
    const batch = fc
      .record({
        logits: fc.array(fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 6 }),
        weight: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 3, maxLength: 3 }),
        weighted: fc.boolean(),
        reduction: fc.constantFrom('mean' as const, 'sum' as const, 'none' as const),
        targets: fc.array(fc.constantFrom(0, 1, 2, -100), { minLength: 6, maxLength: 6 }),
      })
      .filter((r) => r.targets.slice(0, r.logits.length).some((t) => t !== -100));
    fc.assert(
      fc.property(batch, ({ logits, weight, weighted, reduction, targets }) => {
        const b: Batch = {
          ...START_BATCH,
          logits: logits.map((row) => row.map((k) => k / 10)),
          indices: targets.slice(0, logits.length),
          probabilities: logits.map(() => oneHotRow(3, 0)),
          weighted,
          weight: weight.map((k) => k / 10),
          reduction,
        };
        const ce = lossReport(b).value;
        return Math.abs(nllRoute(b).value - ce) <= 1e-12 * Math.max(1, Math.abs(ce));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  claim("Without weights or smoothing, $A_n = 1$ and this is chapter 4's $p_{n,j} - y_{n,j}$, divided by $N$.", () => {
    const r = lossReport(START_BATCH);
    r.gradient.forEach((row, n) =>
      row.forEach((g, j) => near(g, ((r.probabilities[n]?.[j] as number) - (START_BATCH.indices[n] === j ? 1 : 0)) / 3, 1e-16)),
    );
  });

  claim("at Weighted mean, sample 1's row is a third of what it is without weights (0.5 / 4.5 instead of 1 / 3), and sample 0's row is 1.333 times what it is without weights (2 / 4.5 instead of 1 / 3). An ignored sample's row is 0.", () => {
    const plain = lossReport(START_BATCH).gradient;
    const weighted = lossReport(presetBatch('weighted')).gradient;
    const ratio = (n: number, j: number) => (weighted[n]?.[j] as number) / (plain[n]?.[j] as number);
    for (let j = 0; j < 3; j++) {
      near(ratio(1, j), 0.5 / 4.5 / (1 / 3), 1e-12);
      near(ratio(0, j), 2 / 4.5 / (1 / 3), 1e-12);
    }
    expect(shown(ratio(1, 0))).toBe('0.333');
    expect(shown(ratio(0, 0))).toBe('1.333');
    expect(Array.from(lossReport(presetBatch('ignored')).gradient[0] as Float64Array)).toEqual([0, 0, 0]);
  });

  claim('The widget\'s four samples, $x = [2, -1, 0.5, -3]$ with $y = [1, 1, 0, 0]$, give $2.463 / 4 = 0.616$ at `pos_weight=1`.', () => {
    expect(BCE_STATE.bx.default).toEqual([2, -1, 0.5, -3]);
    expect(BCE_STATE.by.default).toEqual([1, 1, 0, 0]);
    expect(BCE_STATE.pw.default).toBe(1);
    const r = bceReport({ logits: BCE_STATE.bx.default, targets: BCE_STATE.by.default, posWeight: 1, reduction: 'mean' });
    // NumPy, by hand: pw·y·softplus(−x) + (1 − y)·softplus(x)
    const byHand = [0.126928, 1.313262, 0.974077, 0.048587];
    r.perSample.forEach((l, n) => near(l, byHand[n] as number));
    expect(r.denominator).toBe(4);
    expect([shown(r.value * 4), shown(r.value)]).toEqual(['2.463', '0.616']);
  });

  claim('At `pos_weight=3` the two positive losses triple, and the loss is $5.343 / 4 = 1.336$; a weighted mean in the style of `nn.CrossEntropyLoss` would divide by $3 + 3 + 1 + 1 = 8$ and give 0.668.', () => {
    const x = BCE_STATE.bx.default;
    const y = BCE_STATE.by.default;
    const one = bceReport({ logits: x, targets: y, posWeight: 1, reduction: 'none' }).perSample;
    const three = bceReport({ logits: x, targets: y, posWeight: 3, reduction: 'none' }).perSample;
    near(three[0] as number, 3 * (one[0] as number), 1e-15);
    near(three[1] as number, 3 * (one[1] as number), 1e-15);
    expect([three[2], three[3]]).toEqual([one[2], one[3]]);
    const mean = bceReport({ logits: x, targets: y, posWeight: 3, reduction: 'mean' }).value;
    near(mean, 5.343233 / 4);
    expect([shown(mean * 4), shown(mean), shown((mean * 4) / 8)]).toEqual(['5.343', '1.336', '0.668']);
  });

  claim('Unlike `weight` in `nn.CrossEntropyLoss`, it does not change the denominator: the mean always divides by $N$.', () => {
    const pw = fc.integer({ min: 1, max: 100 }).map((k) => k / 10);
    fc.assert(
      fc.property(pw, (posWeight) => {
        const x = BCE_STATE.bx.default;
        const y = BCE_STATE.by.default;
        const sum = binaryCrossEntropyWithLogits(x, y, { posWeight: [posWeight], reduction: 'sum' });
        return Math.abs(bceReport({ logits: x, targets: y, posWeight, reduction: 'mean' }).value - sum / 4) <= 1e-15 * sum;
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  claim('With class indices, $D$ is the sum of the weights of the kept samples\' classes', () => {
    const b = presetBatch('ignored');
    const { meanDenominator } = resolveCrossEntropy('claim', b.logits, b.indices, { weight: b.weight });
    expect(meanDenominator).toBe(W[1] + W[0]);
    expect(crossEntropyGrad(b.logits, b.indices, { weight: b.weight })[1]?.[1]).toBeLessThan(0);
  });
});
