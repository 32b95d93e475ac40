/**
 * The bad sequences every recurrent sequence function refuses the same way (rnnSequence*, lstmSequence*):
 * `[name, call, message]` for a table of exact-message tests. `run(xs, h0)` calls the function with
 * everything else valid and one hidden unit.
 */
export function badSequenceCases(fn: string, run: (xs: number[][], h0: number[]) => unknown): [string, () => unknown, string][] {
  const rows = (v: unknown) => v as number[][];
  return [
    [`${fn}([], …)`, () => run([], [0]), `${fn}: xs is empty, but it needs at least one step`],
    [`${fn}(5, …)`, () => run(rows(5), [0]), `${fn}: xs is empty, but it needs at least one step`],
    [`${fn}([5], …)`, () => run(rows([5]), [0]), `${fn}: xs[0] must be an array`],
    [`${fn}([[1], 5], …)`, () => run(rows([[1], 5]), [0]), `${fn}: xs[1] must be an array`],
    [`${fn}([[1], [1, 2]], …)`, () => run([[1], [1, 2]], [0]), `${fn}: xs[1] has length 2 but I (the length of xs[0]) is 1`],
    [`${fn}([[1], [NaN]], …)`, () => run([[1], [NaN]], [0]), `${fn}: xs[1][0] = NaN is not finite`],
    [`${fn}(xs, [0, 0], …)`, () => run([[1]], [0, 0]), `${fn}: h has length 2 but H is 1`],
  ];
}
