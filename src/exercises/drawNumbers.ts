import type { Random } from '../core/random';

/**
 * `count` distinct numbers on the grid lo, lo + step, …, hi, drawn from `rng` in order: numbers a
 * learner can type into a calculator, or set on a slider, exactly as shown. Each is an integer count
 * of steps divided by 1/step (an integer), so 0.1's grid gives 0.3, not 0.30000000000000004.
 */
export function distinctOnGrid(rng: Random, count: number, lo: number, hi: number, step: number): number[] {
  const scale = Math.round(1 / step);
  const first = Math.round(lo * scale);
  const cells = Math.round(hi * scale) - first + 1;
  if (!(count >= 1 && count <= cells)) throw new RangeError(`distinctOnGrid: ${count} distinct values do not fit on a grid of ${cells}`);
  const out: number[] = [];
  while (out.length < count) {
    const v = (rng.int(cells) + first) / scale;
    if (!out.includes(v)) out.push(v);
  }
  return out;
}
