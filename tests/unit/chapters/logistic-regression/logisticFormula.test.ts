import { describe, expect, it } from 'vitest';
import { initialDescent, descentReducer } from '../../../../src/chapters/logistic-regression/logisticDescent';
import { logisticStartFormulas, logisticTex, logisticText, twoForms } from '../../../../src/chapters/logistic-regression/logisticFormula';

describe('twoForms', () => {
  it('the ±1 form, from its own core function, gives the 0/1 cost and gradient at the start and after 10 steps', () => {
    for (const state of [initialDescent(), descentReducer(initialDescent(), { type: 'step', steps: 10 })]) {
      const f = twoForms(state);
      expect(Math.abs(f.plusMinusCost - f.readout.cost)).toBeLessThanOrEqual(1e-14 * f.readout.cost);
      f.plusMinusGrad.forEach((g, k) => expect(g).toBeCloseTo(f.readout.grad[k]!, 14));
    }
  });

  it('with one class only there are no numbers to show: the problem is named instead', () => {
    let state = initialDescent();
    for (const p of state.points.filter((q) => q.t === 1)) state = descentReducer(state, { type: 'remove', id: p.id });
    expect(twoForms(state).readout.problem).toMatch(/class 0/);
  });
});

describe('logisticTex and logisticText', () => {
  it('at the start w = (−4, 3, 0): the weights, the boundary with its signs, and both costs to four decimals', () => {
    const f = twoForms(initialDescent());
    const tex = logisticTex(f);
    expect(tex.weights[1]).toContain('(-4.000,\\ 3.000,\\ 0.000)');
    expect(tex.boundary.slice(1).join(' ')).toContain('-4.000\\,x_1 + 3.000\\,x_2 \\displaystyle {} + 0.000 = 0');
    const cost = f.readout.cost.toFixed(4);
    expect(tex.zeroOne[2]).toContain(cost);
    expect(tex.plusMinus[1]).toContain(cost);
    const text = logisticText(f);
    expect(text).toContain('Weights (w1, w2, b) = (−4.000, 3.000, 0.000).');
    expect(text).toContain(`Cost with ±1 labels: ${cost}.`);
    expect(text).not.toMatch(/NaN|undefined/);
  });

  it('a negative w₂ or b is written as a subtraction, not "+ −"', () => {
    const state = descentReducer(initialDescent(), { type: 'start', w1: 1, w2: -2 });
    expect(logisticTex(twoForms(state)).boundary[1]).toContain('1.000\\,x_1 - 2.000\\,x_2');
  });

  it('logisticStartFormulas lists the twelve starting pieces for the build', () => {
    expect(logisticStartFormulas()).toHaveLength(12);
  });
});
