import { describe, expect, it } from 'vitest';
import { START_BATCH, type Batch } from '../../../../src/chapters/pytorch-loss/pytorchLossInputs';
import { gradientCheck, lossReport, nllRoute, nllUnavailable, undefinedMeanMessage } from '../../../../src/chapters/pytorch-loss/pytorchLossMath';
import { lossTex, lossText } from '../../../../src/chapters/pytorch-loss/pytorchLossFormula';

const weighted: Batch = { ...START_BATCH, weighted: true, weight: [2, 0.5, 1] };

describe('lossReport(batch)', () => {
  it('the denominator is Σ w[t] of the kept samples with weights, their count without, N for probability rows', () => {
    expect(lossReport(weighted)).toMatchObject({ denominator: 4.5, denominatorKind: 'weights', kept: [0, 1, 2] });
    expect(lossReport({ ...START_BATCH, indices: [0, -100, 2] })).toMatchObject({ denominator: 2, denominatorKind: 'count', kept: [0, 2] });
    expect(lossReport({ ...weighted, targetKind: 'probs', indices: [-100, -100, -100] })).toMatchObject({ denominator: 3, denominatorKind: 'samples', kept: [0, 1, 2] });
  });

  it('says the mean is 0/0 when every sample is ignored, or when the kept classes weigh 0, and never otherwise', () => {
    const all = lossReport({ ...weighted, indices: [-100, -100, -100] });
    expect(all.undefinedMean).toBe(true);
    expect(undefinedMeanMessage(all)).toBe('every sample is ignored: PyTorch returns nan here (0 / 0)');
    const zero = lossReport({ ...weighted, weight: [0, 0, 1], indices: [0, 1, -100] });
    expect(zero.undefinedMean).toBe(true);
    expect(undefinedMeanMessage(zero)).toMatch(/add up to 0/);
    expect(lossReport({ ...weighted, indices: [-100, -100, -100], reduction: 'sum' }).undefinedMean).toBe(false);
  });

  it('with smoothing and kept classes that weigh 0 (w = [0, 0.5, 1], t = [0, 0, 0], ε = 0.2) says nan from the nll part, and the gradient is NaN, not ±∞', () => {
    // PyTorch: (1 − ε)·(0 / 0) + (ε/C)·(positive / 0) = nan; the fraction's own numerator is positive
    const b: Batch = { ...START_BATCH, weighted: true, weight: [0, 0.5, 1], indices: [0, 0, 0], smoothing: 0.2 };
    const r = lossReport(b);
    expect(r.undefinedMean).toBe(true);
    expect(r.total).toBeGreaterThan(0);
    expect(Number.isNaN(r.value)).toBe(true);
    expect(undefinedMeanMessage(r)).toBe('the weights of the kept samples’ classes add up to 0: PyTorch returns nan here (its nll part is 0 / 0)');
    expect(r.gradient.every((row) => row.every(Number.isNaN))).toBe(true);
    // without smoothing the whole fraction is 0 / 0
    expect(undefinedMeanMessage(lossReport({ ...b, smoothing: 0 }))).toMatch(/\(0 \/ 0\)$/);
  });

  it('gradientCheck: central differences agree with the core gradient to 1e-8 for every reduction, and there is none for 0/0', () => {
    for (const reduction of ['mean', 'sum', 'none'] as const) {
      const b = { ...weighted, smoothing: 0.3, reduction };
      const check = gradientCheck(b, lossReport(b));
      expect(check?.maxError).toBeLessThan(1e-8);
      expect(check?.maxGradient).toBeGreaterThan(0.01);
    }
    const all = { ...weighted, indices: [-100, -100, -100] };
    expect(gradientCheck(all, lossReport(all))).toBeNull();
  });

  it('nllRoute is unavailable with probability rows or label smoothing, and equals the loss otherwise', () => {
    expect(nllUnavailable({ ...weighted, targetKind: 'probs' })).toMatch(/class indices only/);
    expect(nllUnavailable({ ...weighted, smoothing: 0.1 })).toMatch(/no label_smoothing/);
    expect(nllUnavailable(weighted)).toBeNull();
    expect(nllRoute(weighted).value).toBeCloseTo(lossReport(weighted).value, 14);
  });
});

describe('the explorer formula', () => {
  it('spells the mean out as kept losses over kept weights; words and TeX never say NaN', () => {
    const b = { ...weighted, indices: [-100, -100, -100] };
    const r = lossReport(b);
    const text = lossText(b, r, undefinedMeanMessage(r));
    expect(text).toBe('mean = Σ ℓₙ / Σ w[tₙ] over the samples that are not ignored = 0 / 0: every sample is ignored: PyTorch returns nan here (0 / 0).');
    expect(lossTex(b, r).flat().join(' ')).not.toMatch(/NaN/);
    expect(lossTex(b, r).flat().join(' ')).toContain('\\text{undefined}');
  });

  it("reduction='sum' is the plain sum and 'none' the vector, each loss linked to its sample", () => {
    const sum = lossText({ ...weighted, reduction: 'sum' }, lossReport({ ...weighted, reduction: 'sum' }), '');
    expect(sum).toBe('sum = 0.483 + 0.232 + 2.815 = 3.530.');
    const none = lossTex({ ...weighted, reduction: 'none' }, lossReport({ ...weighted, reduction: 'none' })).flat().join('');
    expect(none).toContain('\\term{ptl-s-2}{2.815}');
  });
});
