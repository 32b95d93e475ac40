/** fast-check generators for logits, targets and option combinations, shared by the core tests. */
import fc from 'fast-check';
import './helpers'; // the shared seed

/** Logits of moderate size, as rows of C in [2, 6]. */
export const logitVector = (min = 2, max = 6, range = 20) =>
  fc.array(fc.double({ min: -range, max: range, noNaN: true, noDefaultInfinity: true }), {
    minLength: min,
    maxLength: max,
  });

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/**
 * Logit vectors that stress the numerics: moderate, ±1e5, around ±700, one dominant logit, tiny
 * differences around a large base, and masked (−∞) entries (never all of them).
 */
export const extremeLogitVector = fc.oneof(
  logitVector(2, 6, 20),
  fc.array(finite(-1e5, 1e5), { minLength: 2, maxLength: 5 }),
  fc.array(fc.constantFrom(-1e5, -745, -700, -1, 0, 0.5, 40, 700, 709, 1e5), { minLength: 2, maxLength: 5 }),
  fc
    .tuple(finite(30, 800), fc.array(finite(-5, 5), { minLength: 1, maxLength: 4 }))
    .map(([big, rest]) => [...rest, big]),
  fc
    .tuple(finite(-1e4, 1e4), fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 5 }))
    .map(([base, steps]) => steps.map((k) => base + k * 2 ** -30 * Math.max(1, Math.abs(base)))),
  fc
    .tuple(logitVector(2, 6, 50), fc.nat())
    .map(([z, seed]) => z.map((v, i) => (i !== seed % z.length && (seed >> i) & 1 ? -Infinity : v))),
);

/** A logit row of length c: moderate, ±1e5, near ±700, or with one dominant logit. */
export const logitRow = (c: number) =>
  fc.oneof(
    fc.array(finite(-10, 10), { minLength: c, maxLength: c }),
    fc.array(finite(-1e5, 1e5), { minLength: c, maxLength: c }),
    fc.array(fc.constantFrom(-700, -40, 0, 40, 700, 1e5), { minLength: c, maxLength: c }),
    fc
      .tuple(fc.array(finite(-3, 3), { minLength: c, maxLength: c }), fc.nat(c - 1), finite(30, 800))
      .map(([row, i, big]) => row.map((v, k) => (k === i ? big : v))),
  );

/** N × C logits with N in [1, 4] and C in [2, 5]. */
export const logitMatrix = (range?: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 5 }))
    .chain(([n, c]) =>
      fc.array(range === undefined ? logitRow(c) : fc.array(finite(-range, range), { minLength: c, maxLength: c }), {
        minLength: n,
        maxLength: n,
      }),
    );

/** Class indices for logits (N × C), some of them ignored (−100 or the custom ignoreIndex). */
export const classIndices = (n: number, c: number, ignoreIndex: number) =>
  fc.array(fc.oneof(fc.integer({ min: 0, max: c - 1 }), fc.constant(ignoreIndex)), { minLength: n, maxLength: n });

/** N rows of C probabilities that sum to about 1 (any exact sum is fine: PyTorch does not check). */
export const probabilityRows = (n: number, c: number) =>
  fc.array(
    fc
      .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: c, maxLength: c })
      .map((row) => {
        const total = row.reduce((s, v) => s + v, 0);
        return total > 0 ? row.map((v) => v / total) : row.map(() => 1 / c);
      }),
    { minLength: n, maxLength: n },
  );

export const positiveWeights = (c: number) => fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: c, maxLength: c });

export interface CrossEntropyCase {
  logits: number[][];
  target: number[] | number[][];
  options: {
    weight?: number[];
    reduction?: 'mean' | 'sum' | 'none';
    labelSmoothing?: number;
    ignoreIndex?: number;
  };
}

/** Every option combination: weight × reduction × labelSmoothing × ignoreIndex × index/probability targets. */
export const crossEntropyCase = (matrix: fc.Arbitrary<number[][]>) =>
  matrix.chain((logits) => {
    const n = logits.length;
    const c = (logits[0] as number[]).length;
    return fc
      .record({
        weighted: fc.boolean(),
        reduction: fc.constantFrom<'mean' | 'sum' | 'none' | undefined>('mean', 'sum', 'none', undefined),
        labelSmoothing: fc.constantFrom(undefined, 0, 0.1, 0.37, 1),
        ignoreIndex: fc.constantFrom(undefined, 1),
        probabilities: fc.boolean(),
      })
      .chain((choice) =>
        fc
          .tuple(
            choice.probabilities ? probabilityRows(n, c) : classIndices(n, c, choice.ignoreIndex ?? -100),
            positiveWeights(c),
          )
          .map(([target, weight]): CrossEntropyCase => {
            const options: CrossEntropyCase['options'] = {};
            if (choice.weighted) options.weight = weight;
            if (choice.reduction !== undefined) options.reduction = choice.reduction;
            if (choice.labelSmoothing !== undefined) options.labelSmoothing = choice.labelSmoothing;
            if (choice.ignoreIndex !== undefined) options.ignoreIndex = choice.ignoreIndex;
            return { logits, target, options };
          }),
      );
  });
