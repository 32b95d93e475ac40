import { describe, expect, it } from 'vitest';
import { logisticLoss, logisticStep } from '../../../../src/core/logisticRegression';
import {
  costRose,
  currentWeights,
  dataProblem,
  DEFAULT_START,
  initialDescent,
  trainingData,
  descentReadout,
  descentReducer,
  MAX_POINTS,
  presetPoints,
  RISE_TOLERANCE,
  rateFromSlider,
  rateOnSlider,
  type DescentAction,
  type LogisticDescentState,
} from '../../../../src/chapters/logistic-regression/logisticDescent';

const run = (state: LogisticDescentState, ...actions: DescentAction[]) => actions.reduce(descentReducer, state);

describe('presetPoints', () => {
  it('"separable" is split by the line x₁ + x₂ = 0, as its comment says', () => {
    for (const p of presetPoints('separable')) expect((2 * p.t - 1) * (p.x1 + p.x2)).toBeGreaterThan(0);
  });

  it('"overlapping" is not separable: 300 steps at η = 0.5 settle near cost 0.177 with 90% right (the chapter says so)', () => {
    const state = run(initialDescent(), { type: 'step', steps: 300 });
    const readout = descentReadout(state);
    expect(readout.cost).toBeGreaterThan(0.17);
    expect(readout.cost).toBeLessThan(0.18);
    expect(readout.accuracy).toBe(0.9);
    // a minimum, not a slope: the gradient has all but vanished
    expect(readout.gradNorm).toBeLessThan(0.01);
  });

  it('points are rounded to one decimal and stay in [−3, 3]²', () => {
    for (const name of ['overlapping', 'separable'] as const) {
      for (const p of presetPoints(name)) {
        expect(Math.abs(p.x1)).toBeLessThanOrEqual(3);
        expect(Math.round(p.x1 * 10) / 10).toBe(p.x1);
        expect(Math.round(p.x2 * 10) / 10).toBe(p.x2);
      }
    }
  });
});

describe('descentReducer', () => {
  it('step takes exactly the core\'s gradient-descent step, logisticStep(w, X, t, η)', () => {
    const start = initialDescent();
    const { X, t } = trainingData(start.points);
    const expected = logisticStep(DEFAULT_START, X, t, 'cross-entropy', start.rate);
    expect(currentWeights(run(start, { type: 'step', steps: 1 }))).toEqual(Array.from(expected));
  });

  it('step records every iterate and its cost; reset goes back to the start', () => {
    const state = run(initialDescent(), { type: 'step', steps: 4 });
    expect(state.path).toHaveLength(5);
    const { X, t } = trainingData(state.points);
    state.path.forEach((w, k) => expect(state.costs[k]).toBe(logisticLoss(w, X, t, 'cross-entropy')));
    const reset = run(state, { type: 'reset' });
    expect(reset.path).toEqual([DEFAULT_START]);
  });

  it('defaults puts back the start (−4, 3), η = 0.5 and b learned, restarts the path there, and keeps the points', () => {
    const moved = run(
      initialDescent('separable'),
      { type: 'start', w1: 6, w2: -6 },
      { type: 'rate', rate: 28 },
      { type: 'learnBias', on: false },
      { type: 'step', steps: 7 },
      { type: 'move', id: 2, x1: 0.5, x2: 0.5 },
      { type: 'step', steps: 3 },
    );
    const back = run(moved, { type: 'defaults' });
    expect(back.start).toEqual(DEFAULT_START);
    expect([back.rate, back.learnBias, back.runFrom]).toEqual([0.5, true, 0]);
    expect(back.path).toEqual([DEFAULT_START]);
    expect(back.points).toBe(moved.points);
    const { X, t } = trainingData(back.points);
    expect(back.costs).toEqual([logisticLoss(DEFAULT_START, X, t, 'cross-entropy')]);
    // the same lab as the preset itself, once the moved point is put back by the preset
    expect(run(back, { type: 'preset', name: 'separable' })).toEqual(run(initialDescent('separable'), { type: 'preset', name: 'separable' }));
  });

  it('with the bias unlearned, b stays 0 through every step', () => {
    const state = run(initialDescent(), { type: 'learnBias', on: false }, { type: 'step', steps: 50 });
    for (const w of state.path) expect(w[2]).toBe(0);
    expect(descentReadout(state).grad[2]).toBe(0);
  });

  it('add, move and remove change the points and restart the path from the current weights, to six decimals', () => {
    const stepped = run(initialDescent(), { type: 'step', steps: 3 });
    const w = currentWeights(stepped);
    const added = run(stepped, { type: 'add', x1: 9, x2: -1.234, t: 0 });
    expect(added.points).toHaveLength(21);
    // clamped to the plot and rounded to 0.01
    expect(added.points[20]).toMatchObject({ x1: 3, x2: -1.23, t: 0 });
    // the path restarts on a link's grid: within half a unit of the sixth decimal, and on it
    expect(added.path).toHaveLength(1);
    added.path[0]!.forEach((v, k) => {
      expect(Math.abs(v - w[k]!)).toBeLessThanOrEqual(5e-7);
      expect(Math.round(v * 1e6) / 1e6).toBe(v);
    });
    const id = added.points[20]!.id;
    const moved = run(added, { type: 'move', id, x1: 0.5, x2: 0.5 });
    expect(moved.points[20]).toMatchObject({ x1: 0.5, x2: 0.5 });
    const removed = run(moved, { type: 'remove', id });
    expect(removed.points).toEqual(stepped.points);
    expect(removed.costs[0]).toBeCloseTo(stepped.costs[3]!, 6);
  });

  it('refuses bad input with a notice and keeps the last good state', () => {
    const start = initialDescent();
    const nan = run(start, { type: 'add', x1: NaN, x2: 0, t: 1 });
    expect(nan.points).toBe(start.points);
    expect(nan.notice).toMatch(/not a number/);
    const rate = run(start, { type: 'rate', rate: -1 });
    expect(rate.rate).toBe(start.rate);
    expect(rate.notice).toMatch(/positive/);
    let full = start;
    while (full.points.length < MAX_POINTS) full = run(full, { type: 'add', x1: 0, x2: 0, t: 1 });
    const refused = run(full, { type: 'add', x1: 0, x2: 0, t: 1 });
    expect(refused.points).toHaveLength(MAX_POINTS);
    expect(refused.notice).toMatch(/at most 60 points/);
  });

  it('one class only: no cost (a message, not NaN shown) and Step refused', () => {
    let state = initialDescent();
    for (const p of state.points.filter((q) => q.t === 0)) state = run(state, { type: 'remove', id: p.id });
    expect(dataProblem(state.points)).toMatch(/Every point is of class 1/);
    const readout = descentReadout(state);
    expect(readout.problem).not.toBeNull();
    const stepped = run(state, { type: 'step', steps: 1 });
    expect(stepped.path).toBe(state.path);
    expect(stepped.notice).toMatch(/class 0/);
    expect(dataProblem([])).toMatch(/no points/);
  });

  it('a rate changed after some steps keeps the path; the run at the new rate begins at the current weights, to six decimals', () => {
    const stepped = run(initialDescent(), { type: 'step', steps: 4 });
    const w = currentWeights(stepped);
    const faster = run(stepped, { type: 'rate', rate: 2 });
    expect(faster.path).toHaveLength(5);
    expect(faster.path.slice(0, 4)).toEqual(stepped.path.slice(0, 4));
    expect(faster.runFrom).toBe(4);
    faster.path[4]!.forEach((v, k) => {
      expect(Math.abs(v - w[k]!)).toBeLessThanOrEqual(5e-7);
      expect(Math.round(v * 1e6) / 1e6).toBe(v);
    });
    // before any step there is no run to split: the path is still the start alone
    expect(run(initialDescent(), { type: 'rate', rate: 2 }).runFrom).toBe(0);
  });

  it('start sets the starting weights (clamped to the map) and restarts from them with b = 0', () => {
    const state = run(initialDescent(), { type: 'step', steps: 2 }, { type: 'start', w1: 8, w2: -1.5 });
    expect(state.start).toEqual([6, -1.5, 0]);
    expect(state.path).toEqual([[6, -1.5, 0]]);
  });
});

describe('costRose: a rise is a rise only above rounding', () => {
  it('counts an increase of more than 10⁻¹² × max(1, cost), and not one of a few ulp', () => {
    expect(RISE_TOLERANCE).toBe(1e-12);
    const c = 0.1766037375760657;
    // one ulp at 0.177 is 2.8·10⁻¹⁷: the jitter of a settled path
    expect(costRose(c, c + 2 ** -55)).toBe(false);
    expect(costRose(c, c + 1e-13)).toBe(false);
    expect(costRose(c, c + 2e-12)).toBe(true);
    expect(costRose(c, c)).toBe(false);
    expect(costRose(c, c - 1e-3)).toBe(false);
    // relative above 1: at cost 5 the bar is 5·10⁻¹²
    expect(costRose(5, 5 + 4e-12)).toBe(false);
    expect(costRose(5, 5 + 6e-12)).toBe(true);
  });

  it('descentReadout counts rises with costRose: a settled path jitters by rounding and counts none, a bouncing one counts every other step', () => {
    const settled = run(initialDescent(), { type: 'rate', rate: 4 }, { type: 'step', steps: 300 });
    let raw = 0;
    let largest = 0;
    for (let k = 1; k < settled.costs.length; k++) {
      const d = settled.costs[k]! - settled.costs[k - 1]!;
      if (d > 0) raw++;
      largest = Math.max(largest, d);
    }
    // the raw costs do go up now and then, by no more than rounding (this is what `>` used to count)
    expect(raw).toBeGreaterThan(0);
    expect(largest).toBeLessThan(1e-16);
    expect(descentReadout(settled).rises).toBe(0);
    expect(descentReadout(settled).lastRose).toBe(false);
    const bouncing = run(initialDescent(), { type: 'rate', rate: 28 }, { type: 'step', steps: 300 });
    const readout = descentReadout(bouncing);
    expect(readout.rises).toBeGreaterThan(100);
    const last = run(bouncing, { type: 'step', steps: 1 });
    expect(descentReadout(last).lastRose).toBe(!readout.lastRose);
  });
});

describe('the learning-rate claims of the chapter', () => {
  const rises = (rate: number, learnBias = true) =>
    descentReadout(run(initialDescent(), { type: 'learnBias', on: learnBias }, { type: 'rate', rate }, { type: 'step', steps: 2000 })).rises;

  it('from (−4, 3) on the overlapping points, no slider rate up to η = 25 raises the cost, and 28 does (2/λmax ≈ 25.1)', () => {
    for (const rate of [0.02, 0.5, 1, 2, 3, 4, 6, 10, 20, 25]) expect(rises(rate), `η ${rate}`).toBe(0);
    expect(rises(28)).toBeGreaterThan(900);
  });

  it('with b held at 0, the threshold moves to 2/λmax ≈ 32.0: 28 raises nothing, 32 does', () => {
    expect(rises(28, false)).toBe(0);
    expect(rises(32, false)).toBeGreaterThan(900);
  });

  it('separable points: the cost falls at every step and ‖w‖ grows, with no end in sight', () => {
    const state = run(initialDescent(), { type: 'preset', name: 'separable' }, { type: 'step', steps: 1000 });
    for (let k = 1; k < state.costs.length; k++) expect(state.costs[k]).toBeLessThan(state.costs[k - 1]!);
    const norm = (k: number) => Math.hypot(state.path[k]![0], state.path[k]![1]);
    expect(norm(1000)).toBeGreaterThan(norm(500));
    expect(norm(500)).toBeGreaterThan(norm(100));
    expect(descentReadout(state).accuracy).toBe(1);
  });

  it('separable points from (−4, 3): every point right by step 10 (the chapter says "at step 10")', () => {
    const state = run(initialDescent(), { type: 'preset', name: 'separable' }, { type: 'step', steps: 10 });
    expect(descentReadout(state).accuracy).toBe(1);
  });

  it('one bowl: from each corner of the map, descent ends at the same weights', () => {
    const ends = [[-6, -6], [-6, 6], [6, -6], [6, 6]].map(([w1, w2]) =>
      currentWeights(run(initialDescent(), { type: 'start', w1: w1!, w2: w2! }, { type: 'rate', rate: 2 }, { type: 'step', steps: 3000 })),
    );
    for (const w of ends) w.forEach((v, k) => expect(v).toBeCloseTo(ends[0]![k]!, 3));
  });

  it('η = 0.02 is slow: after 100 steps the cost is still above 1 (from 3.46), where η = 0.5 is below 0.3', () => {
    const at = (rate: number) => descentReadout(run(initialDescent(), { type: 'rate', rate }, { type: 'step', steps: 100 })).cost;
    expect(at(0.02)).toBeGreaterThan(1);
    expect(at(0.5)).toBeLessThan(0.3);
  });

  it('the start (−4, 3, 0) on the overlapping points: 35% right (the chapter quotes it)', () => {
    expect(descentReadout(initialDescent()).accuracy).toBe(0.35);
  });
});

describe('rateFromSlider', () => {
  it('maps log₁₀ positions −2, 0, 1, 2 to η = 0.01, 1, 10, 100, and rounds to two significant digits', () => {
    expect(rateFromSlider(-2)).toBe(0.01);
    expect(rateFromSlider(0)).toBe(1);
    expect(rateFromSlider(1)).toBe(10);
    expect(rateFromSlider(2)).toBe(100);
    // 10^1.4 = 25.12 and 10^1.45 = 28.18: the positions on either side of 2/λmax ≈ 25.1
    expect(rateFromSlider(1.4)).toBe(25);
    expect(rateFromSlider(1.45)).toBe(28);
    expect(rateFromSlider(Math.log10(0.5))).toBe(0.5);
    // 10^0.05 = 1.1220…
    expect(rateFromSlider(0.05)).toBe(1.1);
  });
});

describe('rateOnSlider', () => {
  it('rateOnSlider(0.37) is 0.35 and rateOnSlider(6) is 6.3: the slider\'s nearest positions, 10^−0.45 and 10^0.8', () => {
    // log₁₀ 0.37 = −0.432, nearest of the 0.05 grid −0.45, 10^−0.45 = 0.3548…; log₁₀ 6 = 0.778 → 0.8, 10^0.8 = 6.309…
    expect(rateOnSlider(0.37)).toBe(0.35);
    expect(rateOnSlider(6)).toBe(6.3);
    // log₁₀ 50 = 1.699 → 1.7, 10^1.7 = 50.1…; past the end, the end
    expect(rateOnSlider(50)).toBe(50);
    expect(rateOnSlider(500)).toBe(100);
    expect(rateOnSlider(0.001)).toBe(0.01);
  });

  it('every rate the slider can show is its own nearest position: rateOnSlider(rateFromSlider(p)) = rateFromSlider(p)', () => {
    for (let k = 0; k <= 80; k++) {
      const shown = rateFromSlider(-2 + k * 0.05);
      expect(rateOnSlider(shown), `position ${k}`).toBe(shown);
    }
  });
});
