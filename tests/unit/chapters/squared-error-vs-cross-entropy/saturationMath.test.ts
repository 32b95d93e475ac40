import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../../../src/core';
import { saturationStartFormulas, saturationTex, saturationText } from '../../../../src/chapters/squared-error-vs-cross-entropy/saturationFormula';
import { confidentlyWrongRegion, gradientCurves, gradientsAt, logit, snapZ, WRONG_BY } from '../../../../src/chapters/squared-error-vs-cross-entropy/saturationMath';

describe('saturationMath', () => {
  it('logit inverts the sigmoid: σ(logit(0.1)) = 0.1, and logit(0.1) = −ln 9', () => {
    expect(sigmoid(logit(0.1))).toBeCloseTo(0.1, 15);
    expect(logit(0.1)).toBeCloseTo(-Math.log(9), 15);
  });

  it('confidentlyWrongRegion(1) is z < −ln 9 and confidentlyWrongRegion(0) is z > ln 9', () => {
    expect(confidentlyWrongRegion(1, -8, 8)).toEqual([-8, logit(1 - WRONG_BY)]);
    expect(confidentlyWrongRegion(0, -8, 8)[0]).toBeCloseTo(Math.log(9), 14);
  });

  it('gradientsAt(0, 1): ŷ = ½, σ′ = ¼, squared error −⅛, cross-entropy −½', () => {
    const g = gradientsAt(0, 1);
    expect(g).toMatchObject({ prediction: 0.5, complement: 0.5, slope: 0.25, squaredError: -0.125, crossEntropy: -0.5 });
    expect(g.confidentlyWrong).toBe(false);
  });

  it('gradientsAt(−3, 1) is confidently wrong, and at the region edge squared error is 0.9 × 0.1 × 0.9 = 0.081', () => {
    expect(gradientsAt(-3, 1).confidentlyWrong).toBe(true);
    expect(Math.abs(gradientsAt(logit(0.1), 1).squaredError)).toBeCloseTo(0.081, 14);
  });

  it('gradientCurves samples the ends of the range, and squared error is cross-entropy times σ′ everywhere', () => {
    const c = gradientCurves(1, 161, -8, 8);
    expect(c.z[0]).toBe(-8);
    expect(c.z[160]).toBe(8);
    c.z.forEach((_, i) => expect(c.squaredError[i]).toBeCloseTo((c.crossEntropy[i] ?? NaN) * (c.slope[i] ?? NaN), 15));
    expect(Math.max(...c.slope)).toBe(0.25);
  });

  it('snapZ keeps z on the 0.1 grid and inside [−8, 8], and turns NaN into 0', () => {
    expect(snapZ(2.94)).toBe(2.9);
    expect(snapZ(-0.1 * 3)).toBe(-0.3);
    expect(snapZ(100)).toBe(8);
    expect(snapZ(NaN)).toBe(0);
  });
});

describe('saturationFormula', () => {
  it('saturationTex at z = 0, t = 1 writes (0.500 − 1) × 0.250 = −0.125 and 0.500 − 1 = −0.500', () => {
    const tex = saturationTex(gradientsAt(0, 1));
    expect(tex.squaredError[1]).toContain('(0.500 - 1)');
    expect(tex.squaredError[1]).toContain('{-0.125}');
    expect(tex.crossEntropy[1]).toContain('0.500 - 1 = \\term{dce-dz}{-0.500}');
  });

  it('saturationText states every number in words', () => {
    const words = saturationText(gradientsAt(0, 0));
    expect(words).toContain('σ(0.0) = 0.500');
    expect(words).toContain('= (0.500 − 0) × 0.250 = 0.125');
    expect(words).toContain('ŷ − t = 0.500 − 0 = 0.500');
  });

  it('saturationStartFormulas lists the eight starting pieces for each target', () => {
    expect(saturationStartFormulas()).toHaveLength(16);
  });
});
