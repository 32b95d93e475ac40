import { formatResult } from './stabilityMath';

/**
 * One computed number as chapter 10 shows it: finite numbers through the shared formatter, ∞ and NaN
 * written out and marked as results (a class the stylesheet draws as a flagged value), never hidden.
 */
export function Result({ value, digits = 3, testId }: { value: number; digits?: number; testId?: string }) {
  const kind = Number.isNaN(value) ? 'nan' : Number.isFinite(value) ? 'finite' : 'infinite';
  return (
    <span className={`result result-${kind}`} data-testid={testId} data-value={String(value)}>
      {formatResult(value, digits)}
    </span>
  );
}
