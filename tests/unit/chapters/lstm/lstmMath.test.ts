import { describe, expect, it } from 'vitest';
import { lstmSequence, rnnSequence } from '../../../../src/core';
import { cellCheck, cellView, flowCurves, flowModel, lossFromCell, MAX_STEPS, rnnFlow, snapTo } from '../../../../src/chapters/lstm/lstmMath';
import { decadeDomain, decadeStep } from '../../../../src/chapters/lstm/GradientFlowPlot';
import { gradientText, ratioText } from '../../../../src/chapters/lstm/lstmFormula';

describe('cellView', () => {
  it('cellView({ a, c }) has the gates σ(a_i), σ(a_f), tanh(a_g), σ(a_o) and c′ = f·c + i·g, h′ = o·tanh c′', () => {
    const s = (x: number) => 1 / (1 + Math.exp(-x));
    const v = cellView({ a: { i: -1, f: 3, g: -0.5, o: 0.2 }, c: -2 });
    const close = (x: number | undefined, y: number) => expect(Math.abs((x ?? NaN) - y)).toBeLessThan(1e-14);
    close(v.i[0], s(-1));
    close(v.f[0], s(3));
    close(v.g[0], Math.tanh(-0.5));
    close(v.o[0], s(0.2));
    close(v.c[0], s(3) * -2 + s(-1) * Math.tanh(-0.5));
    close(v.h[0], s(0.2) * Math.tanh(v.c[0] as number));
    close(v.slope.f, s(3) * (1 - s(3)));
    close(v.slope.g, 1 - Math.tanh(-0.5) ** 2);
  });
});

describe('flowModel and flowCurves', () => {
  it('flowModel draws the same weights for the same seed, PyTorch’s shapes, every weight within ±scale/√H, b_f in the forget rows', () => {
    const m = flowModel({ hidden: 3, scale: 2, forgetBias: 1.5, seed: 7 });
    expect(flowModel({ hidden: 3, scale: 2, forgetBias: 1.5, seed: 7 })).toEqual(m);
    expect(m.lstm.weightIh).toHaveLength(12);
    expect(m.lstm.weightHh[0]).toHaveLength(3);
    expect(m.rnn.weightHh).toHaveLength(3);
    expect(m.xs).toHaveLength(MAX_STEPS);
    const k = 2 / Math.sqrt(3);
    for (const w of [...m.lstm.weightIh.flat(), ...m.lstm.weightHh.flat(), ...m.rnn.weightHh.flat()]) expect(Math.abs(w)).toBeLessThanOrEqual(k);
    expect(m.lstm.biasIh.slice(3, 6)).toEqual([1.5, 1.5, 1.5]);
    expect(m.lstm.biasHh.slice(3, 6)).toEqual([0, 0, 0]);
  });

  it('moving b_f changes only the forget rows: the RNN, the inputs and every other weight stay', () => {
    const a = flowModel({ hidden: 2, scale: 1, forgetBias: 0, seed: 3 });
    const b = flowModel({ hidden: 2, scale: 1, forgetBias: 4, seed: 3 });
    expect(b.rnn).toEqual(a.rnn);
    expect(b.xs).toEqual(a.xs);
    expect(b.lstm.weightHh).toEqual(a.lstm.weightHh);
    expect(b.lstm.biasIh.filter((_, r) => r < 2 || r >= 4)).toEqual(a.lstm.biasIh.filter((_, r) => r < 2 || r >= 4));
  });

  it('flowCurves(model, T) has T + 1 values per curve, ending at ‖w‖ = √H for every hidden-state curve', () => {
    const m = flowModel({ hidden: 4, scale: 1, forgetBias: 1, seed: 2 });
    const c = flowCurves(m, 30);
    for (const key of ['cell', 'hidden', 'cut', 'rnn'] as const) expect(c[key]).toHaveLength(31);
    for (const key of ['hidden', 'cut', 'rnn'] as const) expect(c[key][30]).toBe(2);
    // a longer T runs the same sequence further: the loss of T = 30 is the sum of h_30 of a T = 100 run
    const h = lstmSequence(m.xs, [0, 0, 0, 0], [0, 0, 0, 0], m.lstm).h[30] as number[];
    expect(c.loss).toBeCloseTo(h.reduce((s, v) => s + v, 0), 14);
    expect(rnnSequence(m.xs.slice(0, 30), [0, 0, 0, 0], m.rnn).h).toHaveLength(31);
  });

  it('rnnFlow(model, T) is the RNN curve of flowCurves, the same for a model that differs only in b_f', () => {
    const a = flowModel({ hidden: 3, scale: 1.5, forgetBias: -2, seed: 4 });
    const b = flowModel({ hidden: 3, scale: 1.5, forgetBias: 3, seed: 4 });
    const rnn = rnnFlow(a, 20);
    // the last value is ‖w‖ = √H, as for every hidden-state curve
    expect(rnn).toHaveLength(21);
    expect(rnn[20]).toBeCloseTo(Math.sqrt(3), 14);
    expect(flowCurves(b, 20).rnn).toEqual(rnn);
    // given, it is used as it is; the LSTM's curves are b's own
    const given = flowCurves(b, 20, rnn);
    expect(given).toEqual(flowCurves(b, 20));
    expect(given.cell).not.toEqual(flowCurves(a, 20).cell);
  });

  it('cellCheck agrees with the backward pass where the gradient is resolvable, and says so where it is not', () => {
    const m = flowModel({ hidden: 2, scale: 1, forgetBias: 2, seed: 5 });
    const c = flowCurves(m, 10);
    const check = cellCheck(m, 10, c.dc0[0] as number);
    expect(check.resolvable).toBe(true);
    expect(check.relativeError).toBeLessThan(1e-6);
    expect(check.numeric).toBeCloseTo((lossFromCell(m, 10, [1e-5, 0]) - lossFromCell(m, 10, [-1e-5, 0])) / 2e-5, 14);
    expect(cellCheck(m, 10, 1e-15).resolvable).toBe(false);
  });

  it('cellCheck’s rounding floor is ε times the larger of |L| and its largest term, over δ, and decides resolvable against a tenth of the bar', () => {
    const m = flowModel({ hidden: 2, scale: 1, forgetBias: 2, seed: 5 });
    const check = cellCheck(m, 10, 1);
    const h = lstmSequence(m.xs.slice(0, 10), [0, 0], [0, 0], m.lstm).h[10] as number[];
    const size = Math.max(Math.abs(h[0]! + h[1]!), Math.abs(h[0]!), Math.abs(h[1]!));
    expect(check.loss).toBe(h[0]! + h[1]!);
    expect(check.roundingFloor).toBeCloseTo((2 ** -52 * size) / 1e-5, 25);
    // resolvable exactly when the floor is at most 10⁻⁵ of the gradient
    expect(cellCheck(m, 10, check.roundingFloor * 1e5 * 1.01).resolvable).toBe(true);
    expect(cellCheck(m, 10, check.roundingFloor * 1e5 * 0.99).resolvable).toBe(false);
  });
});

describe('the chapter’s small helpers', () => {
  it('snapTo snaps to the grid inside the range and writes the decimal', () => {
    const limits = { min: -3, max: 5, step: 0.5 };
    expect(snapTo(limits, 1.26, 0)).toBe(1.5);
    expect(snapTo(limits, 9, 0)).toBe(5);
    expect(snapTo(limits, NaN, 1)).toBe(1);
    expect(snapTo({ min: -6, max: 6, step: 0.1 }, 0.3000001, 0)).toBe(0.3);
  });

  it('gradientText writes three figures, scientific below 10⁻³; ratioText a power of ten past 1000', () => {
    expect(gradientText(0.0109)).toBe('0.0109');
    expect(gradientText(-4.126e-13)).toBe('−4.13 × 10⁻¹³');
    expect(gradientText(0)).toBe('0');
    expect(ratioText(8.7e8)).toBe('about 10⁹');
    expect(ratioText(12.5)).toBe('12.5');
  });

  it('decadeDomain spans whole decades around every positive value, at least two of them', () => {
    const curve = (values: number[]) => ({ id: 'a', term: 'flow-cell', colour: 'x', dashed: false, values });
    expect(decadeDomain([curve([2, 3e-5])])).toEqual([-5, 1]);
    expect(decadeDomain([curve([0.5, 0.4])])).toEqual([-2, 0]);
    expect(decadeDomain([curve([1, 1e-200])])).toEqual([-120, 0]);
    expect(decadeDomain([curve([0])])).toEqual([-2, 1]);
  });

  it('decadeStep labels at most 6 decades, a round number apart', () => {
    expect(decadeStep(3)).toBe(1);
    expect(decadeStep(8)).toBe(2);
    expect(decadeStep(19)).toBe(5);
    expect(decadeStep(45)).toBe(10);
    expect(decadeStep(60)).toBe(20);
    expect(decadeStep(120)).toBe(25);
  });
});
