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
import { ignoreIndexNote } from '../../src/chapters/pytorch-loss/LossOptions';
import { binaryCrossEntropyWithLogitsGrad } from '../../src/core/binaryCrossEntropyWithLogits';
import { lossText } from '../../src/chapters/pytorch-loss/pytorchLossFormula';
import { BCE_STATE } from '../../src/chapters/pytorch-loss/pytorchLossState';
import { numpyLossLines, torchLossCall } from '../../src/chapters/pytorch-loss/pytorchLossPrograms';
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
  claim('Three divide the mean by something other than you might expect: `weight` by the sum of the weights it used, not by the number of samples; probability targets by the number of samples, whatever the weights; and label smoothing still by the weights of the target classes only.', () => {
    // weight: Σ w[tₙ] = 2 + 0.5 + 2 = 4.5, not N = 3
    expect(lossReport(presetBatch('weighted')).denominator).toBe(4.5);
    // probability targets with the same weights: N = 3, not a sum of weights
    expect(lossReport(presetBatch('probs')).denominator).toBe(3);
    // smoothing: the weights the smoothed rows carry add up to Σₙ Σ_c w_c·y'_nc = 4.3 (NumPy), but the
    // mean still divides by the target classes' weights, 4.5
    const b = presetBatch('smoothing');
    const { coefficients } = resolveCrossEntropy('claim', b.logits, b.indices, { weight: b.weight, labelSmoothing: b.smoothing });
    near(coefficients.reduce((s, a) => s + (a as Float64Array).reduce((t, v) => t + v, 0), 0), 4.3, 1e-12);
    expect(lossReport(b).denominator).toBe(4.5);
  });

  claim("And `'mean'` over a batch whose samples are all ignored returns `nan`.", () => {
    const b = presetBatch('all-ignored');
    expect(crossEntropy(b.logits, b.indices, { weight: b.weight })).toBeNaN();
    expect(crossEntropy(b.logits, b.indices, { weight: b.weight, reduction: 'sum' })).toBe(0);
  });

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
      'mean = Σ ℓₙ / Σ w[tₙ] over the samples that are not ignored = (0.483 + 0.232 + 2.815) / (2 + 0.5 + 2) = 3.530 / 4.5 = 0.784.',
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

  claim('with $w = [2, 2, 2]$ the loss is 0.704 again, exactly the unweighted mean,', () => {
    const r = lossReport({ ...START_BATCH, weighted: true, weight: [2, 2, 2] });
    near(r.value, lossReport(START_BATCH).value, 1e-15);
    expect(shown(r.value)).toBe('0.704');
  });

  claim('and $w = [4, 1, 2]$ gives 0.784, as $w = [2, 0.5, 1]$ does.', () => {
    // NumPy: Σ w[tₙ]ℓₙ / Σ w[tₙ] = 0.784449 for both, since [4, 1, 2] = 2 × [2, 0.5, 1]
    const a = lossReport({ ...START_BATCH, weighted: true, weight: [4, 1, 2] }).value;
    const b = lossReport({ ...START_BATCH, weighted: true, weight: [2, 0.5, 1] }).value;
    near(a, 0.784449);
    near(a, b, 1e-15);
    expect([shown(a), shown(b)]).toEqual(['0.784', '0.784']);
  });

  claim('The weights change the balance between classes, not the size of the loss.', () => {
    // the balance: weighting class 0 (the hard sample 2 is class 0) up moves the mean up, weighting
    // class 1 up moves it down (NumPy: 0.784449 and 0.584399, against 0.704429 unweighted) ...
    const plain = lossReport(START_BATCH).value;
    const up = lossReport({ ...START_BATCH, weighted: true, weight: [2, 0.5, 1] }).value;
    const down = lossReport({ ...START_BATCH, weighted: true, weight: [0.5, 2, 1] }).value;
    near(up, 0.784449);
    near(down, 0.584399);
    expect(up - plain).toBeGreaterThan(0.05);
    expect(plain - down).toBeGreaterThan(0.05);
    // ... the size: a common factor changes nothing
    for (const k of [0.1, 3, 5]) near(lossReport({ ...START_BATCH, weighted: true, weight: [2 * k, 0.5 * k, 1 * k] }).value, up, 1e-14);
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

  claim("`ignore_index` may also be one of the classes. Then every sample of that class is left out of the loss, but the class is still in every kept sample's softmax, so its logits still get a gradient there and are still trained.", () => {
    const b: Batch = { ...START_BATCH, ignoreIndex: 0 };
    const r = lossReport(b);
    expect(r.kept).toEqual([1]);
    near(r.value, NLL[1]);
    // sample 1 (class 1) is kept: ∂L/∂z[1, 0] = p₁,₀ / 1 = e⁰ / (e⁰ + e^1.5 + e^0.5) = 0.140244 (NumPy)
    const p10 = 1 / (1 + Math.exp(1.5) + Math.exp(0.5));
    near(p10, 0.140244);
    near(r.gradient[1]?.[0] as number, p10, 1e-15);
    // the ignored samples 0 and 2 have none
    expect([...(r.gradient[0] as Float64Array), ...(r.gradient[2] as Float64Array)]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  claim('Segmentation datasets therefore mark "don\'t care" pixels with a value that is no class, usually 255.', () => {
    // ignore_index=255 with 3 classes: a 255 target is skipped, every class stays a class
    const r = crossEntropy(START_BATCH.logits, [255, 1, 0], { ignoreIndex: 255 });
    near(r, (NLL[1] + NLL[2]) / 2);
    expect(() => crossEntropy(START_BATCH.logits, [255, 1, 0])).toThrow(RangeError);
  });

  claim("Below them, the `nn.CrossEntropyLoss` call with the options you chose (only those that differ from PyTorch's defaults) and the NumPy lines of the same loss follow every change", () => {
    // (tests/unit/chapters/pytorch-loss/pytorchLossPrograms.test.ts runs the NumPy lines with python3)
    expect(torchLossCall(START_BATCH)).toBe('loss = nn.CrossEntropyLoss()(z, t)');
    expect(torchLossCall(presetBatch('weighted'))).toBe('loss = nn.CrossEntropyLoss(\n    weight=torch.tensor([2.0, 0.5, 1.0], dtype=torch.float64),\n)(z, t)');
    expect(torchLossCall(presetBatch('smoothing'))).toContain('    label_smoothing=0.2,\n');
    expect(torchLossCall(presetBatch('none'))).toContain("reduction='none'");
    expect(numpyLossLines(presetBatch('weighted')).at(-1)).toMatch(/^loss = losses\.sum\(\) \/ w\[t\[kept\]\]\.sum\(\)/);
    expect(numpyLossLines(presetBatch('probs')).at(-1)).toMatch(/^loss = losses\.mean\(\)/);
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

  claim('It does not raise an error. Its gradient is 0 (below), so the step changes nothing, but the `nan` poisons every logged or averaged loss.', () => {
    const b = presetBatch('all-ignored');
    const r = lossReport(b);
    // a step z − η·∂L/∂z with η = 0.1 leaves every logit as it was, also with smoothing
    for (const smoothing of [0, 0.2]) {
      const g = lossReport({ ...b, smoothing }).gradient;
      b.logits.forEach((row, n) => row.forEach((z, j) => expect(z - 0.1 * (g[n]?.[j] as number)).toBe(z)));
    }
    // the loss itself is nan, and so is any average it enters: (0.5 + nan) / 2
    const loss = crossEntropy(b.logits, b.indices, { weight: b.weight });
    expect(Number.isNaN((0.5 + loss) / 2)).toBe(true);
    expect(r.undefinedMean).toBe(true);
  });

  claim("The gradient PyTorch computes in that case is 0 in every entry, since no sample contributes, also with label smoothing, and `reduction='sum'` gives 0, the empty sum.", () => {
    const b = presetBatch('all-ignored');
    expect(lossReport(b).gradient.flatMap((row) => Array.from(row))).toEqual(Array(9).fill(0));
    expect(lossReport({ ...b, smoothing: 0.2 }).gradient.flatMap((row) => Array.from(row))).toEqual(Array(9).fill(0));
    expect(lossReport({ ...b, reduction: 'sum' }).value).toBe(0);
  });

  claim('Then every sample counts, and the mean divides by $N$, whatever the weights are. PyTorch refuses a non-negative `ignore_index` here; the default $-100$ does nothing.', () => {
    // PyTorch's cross_entropy_loss_symint: TORCH_CHECK(ignore_index < 0, "ignore_index is not supported
    // for floating point target"); the widget says so under ignore_index
    const b = presetBatch('probs');
    expect(ignoreIndexNote(b)).toContain('PyTorch refuses a non-negative ignore_index with probability rows');
    expect(ignoreIndexNote(b)).toContain('the default −100 does nothing');
    expect(ignoreIndexNote({ ...b, ignoreIndex: 1 })).toContain('ignore_index is not supported for floating point target');
    // −100 (or a class index, which the explorer does not pass on) changes nothing: every row counts
    const r = lossReport(b);
    expect(r.kept).toEqual([0, 1, 2]);
    expect(lossReport({ ...b, ignoreIndex: 1 }).value).toBe(r.value);
    expect(r.denominator).toBe(3);
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

  claim("it returns $[0, 0.232, 2.815]$. Their `.mean()` is 1.016, which is not the loss `'mean'` gives (1.219): `.mean()` counts the ignored sample's 0 and divides by $N = 3$, not by the kept samples' weights, $0.5 + 2 = 2.5$.", () => {
    const b = presetBatch('none');
    const r = lossReport(b);
    expect(shownAll(r.perSample)).toEqual(['0.000', '0.232', '2.815']);
    near(r.total / 3, (W[1] * NLL[1] + W[0] * NLL[2]) / 3);
    expect(shown(r.total / 3)).toBe('1.016');
    expect(shown(lossReport({ ...b, reduction: 'mean' }).value)).toBe('1.219');
    expect(lossReport({ ...b, reduction: 'mean' }).denominator).toBe(2.5);
    near((W[1] * NLL[1] + W[0] * NLL[2]) / 2.5, lossReport({ ...b, reduction: 'mean' }).value);
  });

  claim("The explorer's gradient for `'none'` is that of the sum of the losses, the gradient that `loss.sum().backward()` gives.", () => {
    const b = presetBatch('none');
    expect(lossReport(b).gradient).toEqual(lossReport({ ...b, reduction: 'sum' }).gradient);
  });

  claim('`nn.CrossEntropyLoss` is exactly `log_softmax` then `nll_loss`: the same numbers.', () => {
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

  claim('What chapter 10 warns against is `softmax` followed by `torch.log`.', () => {
    // z = [0, 800], class 1... class 0: log(softmax) underflows to log 0 = −∞; log_softmax gives −800
    const z = [0, 800];
    const p = Math.exp(0 - 800) / (Math.exp(0 - 800) + 1);
    expect(-Math.log(p)).toBe(Infinity);
    expect(crossEntropy([z], [0])).toBe(800);
  });

  claim('and the mean divides this by $D$.', () => {
    // ∂ℓₙ/∂z_nj = p_nj·Aₙ − a_nj over D, with weights and smoothing, against NumPy at Label smoothing
    // with weights (A = w·((1 − ε)·onehot + ε/C), D = 4.5)
    const byHand = [
      [-0.06512713, 0.0640072, 0.00111994],
      [-0.00989153, -0.00783628, 0.01772781],
      [-0.28548099, 0.02927171, 0.25620928],
    ];
    const g = lossReport(presetBatch('smoothing')).gradient;
    g.forEach((row, n) => row.forEach((v, j) => near(v, byHand[n]?.[j] as number, 5e-9)));
  });

  claim("Without weights or smoothing, $A_n = 1$ and this is chapter 4's $p_{n,j} - y_{n,j}$, divided by $N$.", () => {
    const r = lossReport(START_BATCH);
    r.gradient.forEach((row, n) =>
      row.forEach((g, j) => near(g, ((r.probabilities[n]?.[j] as number) - (START_BATCH.indices[n] === j ? 1 : 0)) / 3, 1e-16)),
    );
  });

  claim('With a class index and no smoothing, the whole row is multiplied by $w_{t_n} / D$', () => {
    const weighted = lossReport(presetBatch('weighted'));
    const plain = lossReport(START_BATCH);
    weighted.gradient.forEach((row, n) =>
      row.forEach((v, j) => near(v / (plain.gradient[n]?.[j] as number), (W[START_BATCH.indices[n] as number] as number) / 4.5 / (1 / 3), 1e-12)),
    );
  });

  claim("With smoothing it is not a multiple: the smoothed mass carries the other classes' weights.", () => {
    // NumPy, ε = 0.2: sample 0's row with w = [2, 0.5, 1] is [−0.0651, 0.0640, 0.0011]; without weights
    // [−0.0270, 0.0362, −0.0092]: the ratios 2.41, 1.77, −0.12 are far from one factor
    const weighted = lossReport(presetBatch('smoothing')).gradient[0] as Float64Array;
    const plain = lossReport({ ...START_BATCH, smoothing: 0.2 }).gradient[0] as Float64Array;
    near(plain[0] as number, -0.02702321, 5e-9);
    const ratios = Array.from(weighted, (v, j) => v / (plain[j] as number));
    expect(Math.max(...ratios) - Math.min(...ratios)).toBeGreaterThan(2);
  });

  claim("at Weighted mean, sample 1's row is a third of what it is without weights (0.5 / 4.5 instead of 1 / 3), and sample 0's row is 1.333 times what it is without weights (2 / 4.5 instead of 1 / 3).", () => {
    const plain = lossReport(START_BATCH).gradient;
    const weighted = lossReport(presetBatch('weighted')).gradient;
    const ratio = (n: number, j: number) => (weighted[n]?.[j] as number) / (plain[n]?.[j] as number);
    for (let j = 0; j < 3; j++) {
      near(ratio(1, j), 0.5 / 4.5 / (1 / 3), 1e-12);
      near(ratio(0, j), 2 / 4.5 / (1 / 3), 1e-12);
    }
    expect(shown(ratio(1, 0))).toBe('0.333');
    expect(shown(ratio(0, 0))).toBe('1.333');
  });

  claim("An ignored sample's row is 0.", () => {
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

  claim('the mean divides by the number of elements, $N$ for one output per sample and $N K$ for $K$ outputs per sample.', () => {
    // two samples with K = 2 outputs each, the widget's numbers as a 2 × 2 batch, flattened as PyTorch
    // reduces it: NumPy gives the element losses a sum of 2.462854 and a mean of 2.462854 / 4 = 0.615714
    const x = [2, -1, 0.5, -3];
    const y = [1, 1, 0, 0];
    near(binaryCrossEntropyWithLogits(x, y), 0.615714);
    near(binaryCrossEntropyWithLogits(x, y, { reduction: 'sum' }) / 4, 0.615714);
    // not by N = 2 samples
    expect(Math.abs(binaryCrossEntropyWithLogits(x, y, { reduction: 'sum' }) / 2 - 0.615714)).toBeGreaterThan(0.5);
  });

  claim("Its `weight` multiplies each element's loss and leaves the denominator alone too.", () => {
    // NumPy: Σ wᵢ·lᵢ / 4 with w = [2, 1, 1, 0.5] is 0.641372, not Σ wᵢ·lᵢ / Σ wᵢ
    const x = [2, -1, 0.5, -3];
    const y = [1, 1, 0, 0];
    const weight = [2, 1, 1, 0.5];
    near(binaryCrossEntropyWithLogits(x, y, { weight }), 0.641372);
    const g = binaryCrossEntropyWithLogitsGrad(x, y, { weight });
    const g1 = binaryCrossEntropyWithLogitsGrad(x, y);
    g.forEach((v, i) => near(v, (weight[i] as number) * (g1[i] as number), 1e-15));
  });

  claim('Unlike `weight` in `nn.CrossEntropyLoss`, it does not change the denominator', () => {
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
