/**
 * Input checks shared by the public functions. Every failure is a RangeError whose message starts with
 * the calling function's name and names the offending value and where it sits, so that a learner's
 * bad input can be shown as it is. NaN values are never rejected here: NaN in gives NaN out, except by
 * checkFiniteLogits, for functions that promise an accurate answer for every z they accept.
 */

/** How a batch of per-row losses is reduced to one value, as in PyTorch. */
export type Reduction = 'mean' | 'sum' | 'none';

// unknown[], so that any value can be looked up: includes finds only these three strings.
const REDUCTIONS: readonly unknown[] = ['mean', 'sum', 'none'];

export function checkReduction(fn: string, reduction: unknown): Reduction {
  if (reduction === undefined) return 'mean';
  if (!REDUCTIONS.includes(reduction)) {
    throw new RangeError(`${fn}: reduction ${String(reduction)} is not one of 'mean', 'sum', 'none'`);
  }
  return reduction as Reduction;
}

/** Temperature must be a finite number > 0 (NaN passes through and yields NaN). */
export function checkTemperature(fn: string, temperature: number): void {
  if (Number.isNaN(temperature)) return;
  if (!(temperature > 0) || temperature === Infinity) {
    throw new RangeError(`${fn}: temperature ${temperature} is not a finite number > 0`);
  }
}

export function checkLabelSmoothing(fn: string, epsilon: number): void {
  if (!(epsilon >= 0 && epsilon <= 1)) {
    throw new RangeError(`${fn}: labelSmoothing ${epsilon} is outside [0, 1]`);
  }
}

/** Checks that `rows` is N rows of equal length C; returns [N, C] (C = 0 when N = 0). */
export function checkMatrix(fn: string, name: string, rows: ArrayLike<ArrayLike<number>>): [number, number] {
  const n = rows.length;
  if (n === 0) return [0, 0];
  const first = rows[0];
  if (first === null || typeof first !== 'object' || typeof first.length !== 'number') {
    throw new RangeError(`${fn}: ${name} must be a 2-D array (N rows × C classes)`);
  }
  const c = first.length;
  for (let i = 1; i < n; i++) {
    const row = rows[i];
    if (row === null || typeof row !== 'object' || row.length !== c) {
      const len = row !== null && typeof row === 'object' ? row.length : 'not an array';
      throw new RangeError(`${fn}: ${name} row ${i} has length ${len} but row 0 has length ${c} (ragged rows)`);
    }
  }
  return [n, c];
}

export function checkLength(fn: string, name: string, values: ArrayLike<number>, expected: number, what: string): void {
  if (values.length !== expected) {
    throw new RangeError(`${fn}: ${name} has length ${values.length} but ${what} is ${expected}`);
  }
}

/** For a per-element weight that broadcasts: length 1 or N. */
export function checkBroadcastLength(fn: string, name: string, values: ArrayLike<number>, n: number): void {
  if (values.length !== 1 && values.length !== n) {
    throw new RangeError(`${fn}: ${name} has length ${values.length} but must have length 1 or N = ${n}`);
  }
}

// NaN compares false both ways, so it is not outside.
const outsideUnitInterval = (v: number): boolean => v < 0 || v > 1;

/** Every value in [0, 1] or NaN. */
export function checkUnitInterval(fn: string, name: string, values: ArrayLike<number>): void {
  const i = Array.prototype.findIndex.call(values, outsideUnitInterval);
  if (i !== -1) throw new RangeError(`${fn}: ${name}[${i}] = ${values[i]} is outside [0, 1]`);
}

/**
 * A class index must be an integer in [0, C) unless it equals ignoreIndex. A NaN index is let through
 * (the caller turns it into a NaN loss).
 */
export function checkClassIndex(fn: string, index: number, row: number, classes: number, ignoreIndex: number): void {
  if (Number.isNaN(index) || index === ignoreIndex) return;
  if (!Number.isInteger(index)) {
    throw new RangeError(`${fn}: class index ${index} in row ${row} is not an integer`);
  }
  if (index < 0 || index >= classes) {
    throw new RangeError(
      `${fn}: class index ${index} in row ${row} is outside [0, ${classes}) and is not ignoreIndex (${ignoreIndex})`,
    );
  }
}

/**
 * z must hold 1 to maxLength finite logits. For functions whose results are promised accurate for every
 * z they accept (crossEntropyHessian, crossEntropyThirdDerivative): a NaN or ±∞ logit has no such answer,
 * so it is refused rather than passed through, and maxLength bounds a result that grows as C² or C³.
 */
export function checkFiniteLogits(fn: string, z: ArrayLike<number>, maxLength: number): void {
  if (z.length === 0) throw new RangeError(`${fn}: z is empty, but it needs at least one logit`);
  if (z.length > maxLength) {
    throw new RangeError(`${fn}: z has length ${z.length} but at most ${maxLength} classes are allowed`);
  }
  for (let i = 0; i < z.length; i++) {
    const v = z[i];
    // Number.isFinite is false for anything that is not a number, too
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: z[${i}] = ${String(v)} is not finite`);
  }
}

/**
 * Every entry a finite number, for functions that refuse NaN and ±∞ rather than pass them through
 * (lstmCell: a NaN weight would silently poison every later step of a sequence).
 */
export function checkFiniteValues(fn: string, name: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name}[${i}] = ${String(v)} is not finite`);
  }
}
