import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  START_BATCH,
  addClass,
  addSample,
  batchFromState,
  normalisedRow,
  removeClass,
  removeSample,
  setIgnoreIndex,
  setLogit,
  setProbability,
  setTarget,
  setWeight,
  stateFromBatch,
  type Batch,
} from '../../../../src/chapters/pytorch-loss/pytorchLossInputs';
import { BATCH_STATE } from '../../../../src/chapters/pytorch-loss/pytorchLossState';
import { defaultState } from '../../../../src/url/stateSchema';

const sum = (row: readonly number[]) => row.reduce((s, v) => s + v, 0);

/** A batch is consistent: shapes agree, targets are classes or ignore_index, rows are distributions. */
function expectConsistent(b: Batch): void {
  const n = b.logits.length;
  const c = b.logits[0]?.length ?? 0;
  expect(b.logits.every((row) => row.length === c)).toBe(true);
  expect(b.indices).toHaveLength(n);
  expect(b.probabilities).toHaveLength(n);
  expect(b.weight).toHaveLength(c);
  for (const t of b.indices) expect(t === b.ignoreIndex || (t >= 0 && t < c)).toBe(true);
  for (const row of b.probabilities) {
    expect(row).toHaveLength(c);
    expect(sum(row)).toBeCloseTo(1, 12);
  }
}

describe('batchFromState(state) and stateFromBatch(batch)', () => {
  it('the default state is the 3 × 3 starting batch, and writing it back gives the same state', () => {
    const { batch, problems } = batchFromState(defaultState(BATCH_STATE));
    expect(problems).toEqual([]);
    expect(batch).toEqual(START_BATCH);
    expect(batch.logits).toEqual([
      [2, 0.5, -1],
      [0, 1.5, 0.5],
      [1, 0, 2],
    ]);
    expect(stateFromBatch(batch)).toEqual(defaultState(BATCH_STATE));
  });

  it('a link whose logits do not fill N × C, or whose target is no class, is read as far as it fits and named', () => {
    const { batch, problems } = batchFromState({ ...defaultState(BATCH_STATE), n: 2, c: 2, lz: [1, 2, 3], ti: [5, 1], w: [1, 2, 3] });
    expectConsistent(batch);
    expect(batch.logits).toEqual([
      [1, 2],
      [3, 0],
    ]);
    expect(batch.indices).toEqual([0, 1]);
    expect(problems.join(' ')).toMatch(/lz has 3 logits, but 2 samples × 2 classes need 4/);
    expect(problems.join(' ')).toMatch(/sample 0 has target 5, which is neither a class nor ignore_index/);
    expect(problems.join(' ')).toMatch(/w has 3 weights for 2 classes/);
    // tp was left out: its default, made for 3 × 3, is fitted to the link's 2 × 2 without a word
    expect(problems.join(' ')).not.toMatch(/tp/);
    expect(batch.probabilities).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });
});

describe('the batch edits', () => {
  it('setLogit snaps to the 0.1 grid and clamps to ±10; a non-number changes nothing', () => {
    expect(setLogit(START_BATCH, 0, 1, 2.345).logits[0]).toEqual([2, 2.3, -1]);
    expect(setLogit(START_BATCH, 0, 1, 99).logits[0]?.[1]).toBe(10);
    expect(setLogit(START_BATCH, 0, 1, NaN)).toBe(START_BATCH);
    expect(setLogit(START_BATCH, 7, 1, 1)).toBe(START_BATCH);
  });

  it('setTarget takes a class or ignore_index, nothing else', () => {
    expect(setTarget(START_BATCH, 1, 2).indices).toEqual([0, 2, 0]);
    expect(setTarget(START_BATCH, 1, -100).indices).toEqual([0, -100, 0]);
    expect(setTarget(START_BATCH, 1, 3)).toBe(START_BATCH);
    expect(setTarget(START_BATCH, 1, -1)).toBe(START_BATCH);
  });

  it('setProbability gives one cell its value and shares the rest in proportion, on the 0.05 grid', () => {
    const b = setProbability(START_BATCH, 0, 0, 0.5);
    // [0.8, 0.1, 0.1] → p0 = 0.5, and 0.5 shared equally by the two that had 0.1 each
    expect(b.probabilities[0]).toEqual([0.5, 0.25, 0.25]);
    // [0, 1, 0] → p1 = 0.4: the only other mass was 0, so the 0.6 is shared evenly... by the two at 0
    expect(setProbability(START_BATCH, 1, 1, 0.4).probabilities[1]).toEqual([0.3, 0.4, 0.3]);
  });

  it('every edit from every reachable batch keeps it consistent', () => {
    const edit = fc.oneof(
      fc.tuple(fc.constant('logit'), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 7 }), fc.double({ min: -20, max: 20, noNaN: true })),
      fc.tuple(fc.constant('target'), fc.integer({ min: 0, max: 5 }), fc.integer({ min: -100, max: 7 }), fc.constant(0)),
      fc.tuple(fc.constant('prob'), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 7 }), fc.double({ min: 0, max: 1, noNaN: true })),
      fc.tuple(fc.constant('weight'), fc.constant(0), fc.integer({ min: 0, max: 7 }), fc.double({ min: 0, max: 5, noNaN: true })),
      fc.tuple(fc.constantFrom('addSample', 'removeSample', 'addClass', 'removeClass'), fc.constant(0), fc.constant(0), fc.constant(0)),
      fc.tuple(fc.constant('ignore'), fc.constant(0), fc.constantFrom(-100, 0, 1, 2, 3, 7), fc.constant(0)),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
        let b = START_BATCH;
        for (const [kind, n, j, v] of edits) {
          if (kind === 'logit') b = setLogit(b, n, j, v);
          else if (kind === 'target') b = setTarget(b, n, j);
          else if (kind === 'prob') b = setProbability(b, n, j, v);
          else if (kind === 'weight') b = setWeight(b, j, v);
          else if (kind === 'addSample') b = addSample(b);
          else if (kind === 'removeSample') b = removeSample(b);
          else if (kind === 'addClass') b = addClass(b);
          else if (kind === 'removeClass') b = removeClass(b);
          else b = setIgnoreIndex(b, j);
          expectConsistent(b);
          // the address round trip loses nothing
          expect(batchFromState(stateFromBatch(b))).toEqual({ batch: b, problems: [] });
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('2 to 6 samples and 2 to 8 classes: the edits stop at the ends', () => {
    let b = START_BATCH;
    for (let i = 0; i < 5; i++) b = addSample(b);
    expect(b.logits).toHaveLength(6);
    for (let i = 0; i < 9; i++) b = removeSample(b);
    expect(b.logits).toHaveLength(2);
    for (let i = 0; i < 9; i++) b = addClass(b);
    expect(b.logits[0]).toHaveLength(8);
    for (let i = 0; i < 9; i++) b = removeClass(b);
    expect(b.logits[0]).toHaveLength(2);
  });

  it('removing the class that is ignore_index keeps its samples ignored, under −100', () => {
    const b = removeClass(setTarget(setIgnoreIndex(START_BATCH, 2), 1, 2));
    expect(b.ignoreIndex).toBe(-100);
    expect(b.indices).toEqual([0, -100, 0]);
  });

  it('normalisedRow makes any non-negative row a distribution on the 0.05 grid (uniform for zeros)', () => {
    expect(normalisedRow([0, 0, 0, 0])).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(normalisedRow([1, 1, 1])).toEqual([0.35, 0.35, 0.3]);
    expect(normalisedRow([3, 1])).toEqual([0.75, 0.25]);
  });
});
