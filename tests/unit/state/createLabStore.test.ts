import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../../src/state/createLabStore';

describe('createLabStore', () => {
  it('createLabStore() starts at the worked example z = [2, 3, 4], T = 1', () => {
    const s = createLabStore().getState();
    expect(s.logits).toEqual([2, 3, 4]);
    expect(s.temperature).toBe(1);
    expect(s.focus).toBeNull();
  });

  it('two stores never share inputs', () => {
    const a = createLabStore();
    const b = createLabStore();
    a.getState().setLogit(0, 5);
    expect(b.getState().logits).toEqual([2, 3, 4]);
  });

  it('setLogit snaps to the 0.1 grid and clamps to [-10, 10]', () => {
    const store = createLabStore();
    store.getState().setLogit(1, 2.9000000000000004);
    expect(store.getState().logits[1]).toBe(2.9);
    store.getState().setLogit(0, 99);
    expect(store.getState().logits[0]).toBe(10);
    store.getState().setLogit(2, -12.34);
    expect(store.getState().logits[2]).toBe(-10);
  });

  it('setLogit ignores NaN, Infinity and indices out of range, keeping the last good state', () => {
    const store = createLabStore();
    store.getState().setLogit(0, Number.NaN);
    store.getState().setLogit(1, Infinity);
    store.getState().setLogit(7, 1);
    expect(store.getState().logits).toEqual([2, 3, 4]);
  });

  it('addClass stops at 8 classes and removeClass at 2', () => {
    const store = createLabStore();
    for (let i = 0; i < 10; i++) store.getState().addClass();
    expect(store.getState().logits).toHaveLength(8);
    for (let i = 0; i < 10; i++) store.getState().removeClass();
    expect(store.getState().logits).toEqual([2, 3]);
  });

  it('addClass starts the new class at the mean logit', () => {
    const store = createLabStore();
    store.getState().addClass();
    expect(store.getState().logits).toEqual([2, 3, 4, 3]);
  });

  it('createLabStore() starts with the label y = [0, 1, 0] of the seed notes', () => {
    expect(createLabStore().getState().labels).toEqual([0, 1, 0]);
  });

  it('addClass gives the new class label weight 0; removeClass spreads the removed weight', () => {
    const store = createLabStore({ logits: [1, 2, 3], labels: [0.2, 0.3, 0.5] });
    store.getState().addClass();
    expect(store.getState().labels).toEqual([0.2, 0.3, 0.5, 0]);
    store.getState().removeClass();
    store.getState().removeClass();
    // [0.2, 0.3] rescaled to sum to 1
    expect(store.getState().labels).toEqual([0.4, 0.6]);
  });

  it('removing the class that held the whole label moves the hard label to class 1', () => {
    const store = createLabStore({ logits: [1, 2, 3], labels: [0, 0, 1] });
    store.getState().removeClass();
    expect(store.getState().labels).toEqual([1, 0]);
  });

  it('setLabelClass(2) makes y one-hot at class 3', () => {
    const store = createLabStore();
    store.getState().setLabelClass(2);
    expect(store.getState().labels).toEqual([0, 0, 1]);
    store.getState().setLabelClass(3);
    expect(store.getState().labels).toEqual([0, 0, 1]);
  });

  it('setLabels normalizes soft labels and refuses negative, non-finite, all-zero or mis-sized ones', () => {
    const store = createLabStore();
    store.getState().setLabels([1, 1, 2]);
    expect(store.getState().labels).toEqual([0.25, 0.25, 0.5]);
    for (const bad of [[-1, 1, 1], [NaN, 1, 1], [0, 0, 0], [1, 1]]) {
      store.getState().setLabels(bad);
      expect(store.getState().labels).toEqual([0.25, 0.25, 0.5]);
    }
  });

  it('shiftLogits(1) adds 1 to every logit, and refuses a shift that would leave the range', () => {
    const store = createLabStore();
    store.getState().shiftLogits(1);
    expect(store.getState().logits).toEqual([3, 4, 5]);
    store.getState().setLogits([9.5, 0, 1]);
    store.getState().shiftLogits(1);
    expect(store.getState().logits).toEqual([9.5, 0, 1]);
  });

  it('setTemperature clamps to [0.1, 5]', () => {
    const store = createLabStore();
    store.getState().setTemperature(0);
    expect(store.getState().temperature).toBe(0.1);
    store.getState().setTemperature(50);
    expect(store.getState().temperature).toBe(5);
  });

  it('setFocus accepts term ids and refuses anything that could break out of a CSS rule', () => {
    const store = createLabStore();
    store.getState().setFocus('p-2');
    expect(store.getState().focus).toBe('p-2');
    store.getState().setFocus('p-2"] { color: red } [x="');
    expect(store.getState().focus).toBe('p-2');
    store.getState().setFocus(null);
    expect(store.getState().focus).toBeNull();
  });

  it('restoreWorkedExample brings back z = [2, 3, 4] and T = 1 after any change', () => {
    const store = createLabStore();
    store.getState().setLogits([1, 1, 1, 1, 1]);
    store.getState().setTemperature(3);
    store.getState().setLabelClass(4);
    store.getState().restoreWorkedExample();
    expect(store.getState().logits).toEqual([2, 3, 4]);
    expect(store.getState().temperature).toBe(1);
    expect(store.getState().labels).toEqual([0, 1, 0]);
  });
});

describe('createLabStore: the binary logit z and label t', () => {
  it('createLabStore() starts at binaryLogit = −1 and binaryTarget = 1', () => {
    const s = createLabStore().getState();
    expect(s.binaryLogit).toBe(-1);
    expect(s.binaryTarget).toBe(1);
  });

  it('setBinaryLogit snaps to the 0.1 grid and clamps to [-10, 10]', () => {
    const store = createLabStore();
    store.getState().setBinaryLogit(2.9000000000000004);
    expect(store.getState().binaryLogit).toBe(2.9);
    store.getState().setBinaryLogit(0.04);
    expect(store.getState().binaryLogit).toBe(0);
    store.getState().setBinaryLogit(99);
    expect(store.getState().binaryLogit).toBe(10);
    store.getState().setBinaryLogit(-12.34);
    expect(store.getState().binaryLogit).toBe(-10);
  });

  it('setBinaryLogit ignores NaN and ±Infinity, keeping the last good value', () => {
    const store = createLabStore({ binaryLogit: 1.5 });
    for (const bad of [Number.NaN, Infinity, -Infinity]) store.getState().setBinaryLogit(bad);
    expect(store.getState().binaryLogit).toBe(1.5);
  });

  it('setBinaryTarget accepts 0 and 1 and ignores anything else', () => {
    const store = createLabStore();
    store.getState().setBinaryTarget(0);
    expect(store.getState().binaryTarget).toBe(0);
    for (const bad of [0.5, 2, -1, Number.NaN]) store.getState().setBinaryTarget(bad);
    expect(store.getState().binaryTarget).toBe(0);
    store.getState().setBinaryTarget(1);
    expect(store.getState().binaryTarget).toBe(1);
  });

  it('the binary inputs leave the logits and labels alone, and restoreWorkedExample leaves them alone', () => {
    const store = createLabStore();
    store.getState().setBinaryLogit(3);
    store.getState().setBinaryTarget(0);
    expect(store.getState().logits).toEqual([2, 3, 4]);
    expect(store.getState().labels).toEqual([0, 1, 0]);
    store.getState().restoreWorkedExample();
    expect(store.getState().binaryLogit).toBe(3);
    expect(store.getState().binaryTarget).toBe(0);
  });
});
