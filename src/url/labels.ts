/**
 * The target distribution y: one non-negative weight per class, summing to 1. A one-hot y is a hard
 * label ("the true class is 2"); anything else is a soft label. Pure helpers for the store.
 */

export function oneHot(classes: number, index: number): number[] {
  return Array.from({ length: classes }, (_, i) => (i === index ? 1 : 0));
}

/**
 * Scale non-negative finite weights to sum to 1; undefined when that is impossible (a negative or
 * non-finite weight, or all zero), so the caller keeps its last good labels.
 */
export function normalizeLabels(values: readonly number[]): number[] | undefined {
  if (!values.every((v) => Number.isFinite(v) && v >= 0)) return undefined;
  const total = values.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return undefined;
  return values.map((v) => v / total);
}

/** The labels for a new class count: a new class gets weight 0; a removed class's weight is spread. */
export function resizeLabels(labels: readonly number[], classes: number): number[] {
  if (classes >= labels.length) return [...labels, ...Array<number>(classes - labels.length).fill(0)];
  const kept = labels.slice(0, classes);
  return normalizeLabels(kept) ?? oneHot(classes, 0);
}

/** The class a one-hot y points at, or undefined for a soft label. */
export function hardLabel(labels: readonly number[]): number | undefined {
  const i = labels.indexOf(1);
  return i >= 0 && labels.every((v, j) => j === i || v === 0) ? i : undefined;
}
