import { describe, expect, it } from 'vitest';
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  crossEntropyGrad,
  logSoftmax,
  softmax,
  softmaxJacobian,
} from '../../src/core';
import { checkFiniteLogits, checkFiniteValues, checkMatrix, checkReduction, checkUnitInterval } from '../../src/core/validate';
import { fc } from './helpers';

/** A test's deliberately malformed input, past the types that keep it out elsewhere. */
const malformed = <T>(value: unknown): T => value as T;

describe('bad input is a RangeError that names the problem', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['class index out of range', () => crossEntropy([[1, 2, 3], [4, 5, 6]], [0, 3]), /crossEntropy: class index 3 in row 1 is outside \[0, 3\) and is not ignoreIndex \(-100\)/],
    ['negative class index', () => crossEntropyGrad([[1, 2]], [-1]), /crossEntropyGrad: class index -1 in row 0 is outside \[0, 2\)/],
    ['non-integer class index', () => crossEntropy([[1, 2]], [0.5]), /class index 0.5 in row 0 is not an integer/],
    ['infinite class index', () => crossEntropy([[1, 2]], [Infinity]), /class index Infinity in row 0/],
    ['ragged logits', () => crossEntropy([[1, 2], [3]], [0, 0]), /logits row 1 has length 1 but row 0 has length 2 \(ragged rows\)/],
    ['target count ≠ N', () => crossEntropy([[1, 2], [3, 4]], [0]), /target has length 1 but the number of logit rows N is 2/],
    ['weight length ≠ C', () => crossEntropy([[1, 2]], [0], { weight: [1, 2, 3] }), /weight has length 3 but the number of classes C is 2/],
    ['probability target shape', () => crossEntropy([[1, 2]], [[0.5, 0.25, 0.25]]), /probability target is 1 × 3 but logits are 1 × 2/],
    ['ragged probability target', () => crossEntropy([[1, 2], [3, 4]], [[1, 0], [1]]), /target row 1 has length 1/],
    ['label smoothing > 1', () => crossEntropy([[1, 2]], [0], { labelSmoothing: 1.5 }), /labelSmoothing 1.5 is outside \[0, 1\]/],
    ['label smoothing < 0', () => crossEntropyGrad([[1, 2]], [0], { labelSmoothing: -0.1 }), /labelSmoothing -0.1 is outside \[0, 1\]/],
    ['unknown reduction', () => crossEntropy([[1, 2]], [0], { reduction: 'avg' as 'mean' }), /reduction avg is not one of/],
    ['temperature 0', () => softmax([1, 2], 0), /softmax: temperature 0 is not a finite number > 0/],
    ['negative temperature', () => logSoftmax([1, 2], -1), /logSoftmax: temperature -1/],
    ['infinite temperature', () => softmaxJacobian([1, 2], Infinity), /temperature Infinity/],
    ['BCE p > 1', () => binaryCrossEntropy([0.5, 1.5], [0, 1]), /binaryCrossEntropy: probability p\[1\] = 1.5 is outside \[0, 1\]/],
    ['BCE p < 0', () => binaryCrossEntropy([-0.1], [0]), /probability p\[0\] = -0.1 is outside \[0, 1\]/],
    ['BCE y > 1', () => binaryCrossEntropy([0.5], [2]), /target y\[0\] = 2 is outside \[0, 1\]/],
    ['BCE-with-logits y < 0', () => binaryCrossEntropyWithLogits([0.5], [-1]), /binaryCrossEntropyWithLogits: target y\[0\] = -1/],
    ['BCE length mismatch', () => binaryCrossEntropy([0.5, 0.5], [1]), /target y has length 1 but the length N of p is 2/],
    ['BCE weight length', () => binaryCrossEntropy([0.5, 0.5], [1, 0], { weight: [1, 2, 3] }), /weight has length 3 but must have length 1 or N = 2/],
    ['posWeight length', () => binaryCrossEntropyWithLogits([0, 0], [1, 0], { posWeight: [1, 2, 3] }), /posWeight has length 3/],
  ];
  for (const [name, call, message] of cases) {
    it(`${name} throws RangeError(${message.source.slice(0, 40)}…)`, () => {
      expect(call).toThrow(RangeError);
      expect(call).toThrow(message);
    });
  }

  it('a class-index target holding something else throws RangeError(target[n] is neither a class index nor a row)', () => {
    const message = (n: number) => new RangeError(`crossEntropy: target[${n}] is neither a class index nor a row`);
    expect(() => crossEntropy([[1, 2], [3, 4]], malformed<number[]>([0, [1, 0]]))).toThrow(message(1));
    expect(() => crossEntropy([[1, 2]], malformed<number[]>([null]))).toThrow(message(0));
    expect(() => crossEntropy([[1, 2]], malformed<number[]>(['1']))).toThrow(message(0));
  });

  it('a probability target with fewer rows than the logits throws, giving both shapes', () => {
    expect(() => crossEntropy([[1, 2], [3, 4]], [[1, 0]])).toThrow(new RangeError('crossEntropy: probability target is 1 × 2 but logits are 2 × 2'));
    expect(() => crossEntropyGrad([[1, 2]], [[1, 0], [0, 1]])).toThrow(new RangeError('crossEntropyGrad: probability target is 2 × 2 but logits are 1 × 2'));
  });

  it('a class index equal to a custom ignoreIndex inside [0, C) is ignored, not an error', () => {
    expect(crossEntropy([[0, 0], [5, 1]], [0, 1], { ignoreIndex: 1 })).toBeCloseTo(Math.LN2, 15);
  });
});

describe('NaN in gives NaN out, without a throw', () => {
  it('a NaN logit gives NaN from every function on that row', () => {
    expect(softmax([NaN, 1])[1]).toBeNaN();
    expect(crossEntropy([[NaN, 1], [0, 0]], [1, 0])).toBeNaN();
    expect(crossEntropy([[NaN, 1]], [0], { reduction: 'none' })[0]).toBeNaN();
    expect((crossEntropyGrad([[NaN, 1]], [1])[0] as Float64Array).every(Number.isNaN)).toBe(true);
  });

  it('a NaN class index or probability target gives NaN', () => {
    expect(crossEntropy([[0, 1], [0, 0]], [NaN, 0])).toBeNaN();
    expect(crossEntropy([[0, 1], [0, 0]], [NaN, 0], { reduction: 'none' })[1]).toBeCloseTo(Math.LN2, 15);
    expect(crossEntropy([[0, 1]], [[NaN, 1]])).toBeNaN();
    expect((crossEntropyGrad([[0, 1]], [NaN])[0] as Float64Array).every(Number.isNaN)).toBe(true);
  });

  it('a NaN probability, target or weight in BCE gives NaN', () => {
    expect(binaryCrossEntropy([NaN], [1])).toBeNaN();
    expect(binaryCrossEntropy([0.5], [NaN])).toBeNaN();
    expect(binaryCrossEntropy([0.5], [1], { weight: [NaN] })).toBeNaN();
    expect(binaryCrossEntropyWithLogits([NaN], [1])).toBeNaN();
    expect(binaryCrossEntropyWithLogits([0], [NaN])).toBeNaN();
  });

  it('an ignored row with a NaN logit adds nothing (as in PyTorch)', () => {
    expect(crossEntropy([[0, 0], [NaN, 1]], [0, -100])).toBeCloseTo(Math.LN2, 15);
  });
});

describe('purity', () => {
  it('no function mutates its inputs', () => {
    const logits = [Float64Array.of(1, -2, 3), Float64Array.of(0.5, 0, -Infinity)];
    const probs = [Float64Array.of(0.2, 0.3, 0.5), Float64Array.of(1, 0, 0)];
    const weight = Float64Array.of(1, 2, 3);
    const before = JSON.stringify([logits, probs, weight].map((a) => (Array.isArray(a) ? a.map((r) => Array.from(r)) : Array.from(a))));
    softmax(logits[0] as Float64Array, 2);
    logSoftmax(logits[0] as Float64Array);
    softmaxJacobian(logits[1] as Float64Array);
    for (const reduction of ['mean', 'sum', 'none'] as const) {
      crossEntropy(logits, [0, 1], { weight, reduction, labelSmoothing: 0.1 });
      crossEntropyGrad(logits, probs, { weight, reduction, labelSmoothing: 0.1 });
    }
    const p = Float64Array.of(0.2, 0.9);
    binaryCrossEntropy(p, Float64Array.of(0, 1), { weight: Float64Array.of(2) });
    binaryCrossEntropyWithLogits(p, Float64Array.of(0, 1), { posWeight: Float64Array.of(2) });
    const after = JSON.stringify([logits, probs, weight].map((a) => (Array.isArray(a) ? a.map((r) => Array.from(r)) : Array.from(a))));
    expect(after).toBe(before);
    expect(Array.from(p)).toEqual([0.2, 0.9]);
  });

  it('frozen plain-array inputs are accepted (nothing writes to them) and results are new arrays', () => {
    const z = Object.freeze([1, 2, 3]);
    const p = softmax(z);
    expect(p).not.toBe(z);
    expect(p).toBeInstanceOf(Float64Array);
    expect(() => crossEntropy(Object.freeze([z]), Object.freeze([2]), { reduction: 'none' })).not.toThrow();
  });

  it('finite logits of any size never give NaN from any function', () => {
    const anyFinite = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.array(anyFinite, { minLength: 2, maxLength: 4 }), fc.double({ min: 0, max: 1, noNaN: true }), (z, eps) => {
        const c = z.length;
        const y = [z.map((_, i) => (i === 0 ? 1 : 0))];
        const results = [
          ...softmax(z),
          ...logSoftmax(z),
          ...softmaxJacobian(z).flatMap((r) => Array.from(r)),
          crossEntropy([z], [c - 1], { labelSmoothing: eps }),
          crossEntropy([z], y, { labelSmoothing: eps }),
          ...(crossEntropyGrad([z], [0], { labelSmoothing: eps })[0] as Float64Array),
          ...binaryCrossEntropyWithLogits(z, z.map(() => eps), { reduction: 'none' }),
        ];
        return results.every((v) => !Number.isNaN(v));
      }),
    );
  });
});

describe('the input checks of validate.ts', () => {
  it("checkReduction(fn, r) is 'mean' for undefined and r itself for 'mean', 'sum', 'none'", () => {
    expect(checkReduction('f', undefined)).toBe('mean');
    for (const r of ['mean', 'sum', 'none']) expect(checkReduction('f', r)).toBe(r);
  });

  it('checkReduction refuses anything else, a non-string too, naming it', () => {
    for (const [r, shown] of [['avg', 'avg'], ['Mean', 'Mean'], [5, '5'], [null, 'null'], [['sum'], 'sum'], [new String('sum'), 'sum']] as const) {
      expect(() => checkReduction('f', r)).toThrow(new RangeError(`f: reduction ${shown} is not one of 'mean', 'sum', 'none'`));
    }
  });

  it('checkMatrix(fn, name, rows) is [N, C] for N rows of length C, and [0, 0] for no rows', () => {
    expect(checkMatrix('f', 'logits', [])).toEqual([0, 0]);
    expect(checkMatrix('f', 'logits', [[]])).toEqual([1, 0]);
    expect(checkMatrix('f', 'logits', [[1, 2], Float64Array.of(3, 4), [5, 6]])).toEqual([3, 2]);
  });

  it('checkMatrix refuses a first row that is not an array: null, a number, a string, an object without length', () => {
    for (const first of [null, undefined, 5, 'ab', {}]) {
      expect(() => checkMatrix('f', 'logits', malformed<number[][]>([first, [1, 2]])), String(first)).toThrow(
        new RangeError('f: logits must be a 2-D array (N rows × C classes)'),
      );
    }
  });

  it('checkMatrix names a later row of another length, or one that is not an array', () => {
    const ragged = (i: number, len: number | string) => new RangeError(`f: target row ${i} has length ${len} but row 0 has length 2 (ragged rows)`);
    expect(() => checkMatrix('f', 'target', [[1, 2], [3]])).toThrow(ragged(1, 1));
    expect(() => checkMatrix('f', 'target', [[1, 2], [3, 4], [5, 6, 7]])).toThrow(ragged(2, 3));
    for (const row of [null, 5, 'ab']) {
      expect(() => checkMatrix('f', 'target', malformed<number[][]>([[1, 2], row])), String(row)).toThrow(ragged(1, 'not an array'));
    }
  });

  it('checkUnitInterval accepts 0, 1, −0 and NaN and names the first value outside [0, 1]', () => {
    expect(() => checkUnitInterval('f', 'p', [0, 1, -0, NaN, 0.5])).not.toThrow();
    expect(() => checkUnitInterval('f', 'p', Float64Array.of(0.5, -0.25))).toThrow(new RangeError('f: p[1] = -0.25 is outside [0, 1]'));
    expect(() => checkUnitInterval('f', 'p', [1.5, -1])).toThrow(new RangeError('f: p[0] = 1.5 is outside [0, 1]'));
    expect(() => checkUnitInterval('f', 'y', [0.5, 1 + 2 ** -52, -1])).toThrow(new RangeError(`f: y[1] = ${1 + 2 ** -52} is outside [0, 1]`));
  });

  it('checkFiniteLogits refuses an empty z, more than maxLength logits, and any entry that is not a finite number', () => {
    expect(() => checkFiniteLogits('f', [1, 2, 3], 3)).not.toThrow();
    expect(() => checkFiniteLogits('f', [], 3)).toThrow(new RangeError('f: z is empty, but it needs at least one logit'));
    expect(() => checkFiniteLogits('f', [1, 2, 3, 4], 3)).toThrow(new RangeError('f: z has length 4 but at most 3 classes are allowed'));
    expect(() => checkFiniteLogits('f', [1, -Infinity], 3)).toThrow(new RangeError('f: z[1] = -Infinity is not finite'));
    expect(() => checkFiniteLogits('f', malformed<number[]>([1, '2']), 3)).toThrow(new RangeError('f: z[1] = 2 is not finite'));
    expect(() => checkFiniteLogits('f', malformed<number[]>({ length: 2, 0: 1 }), 3)).toThrow(new RangeError('f: z[1] = undefined is not finite'));
  });

  it('checkFiniteValues refuses any entry that is not a finite number, naming the array', () => {
    expect(() => checkFiniteValues('f', 'w', [])).not.toThrow();
    expect(() => checkFiniteValues('f', 'w', Float64Array.of(0, -1e308))).not.toThrow();
    expect(() => checkFiniteValues('f', 'w', [0, NaN])).toThrow(new RangeError('f: w[1] = NaN is not finite'));
    expect(() => checkFiniteValues('f', 'w', malformed<number[]>(['0']))).toThrow(new RangeError('f: w[0] = 0 is not finite'));
    expect(() => checkFiniteValues('f', 'w', malformed<number[]>([null]))).toThrow(new RangeError('f: w[0] = null is not finite'));
  });
});
