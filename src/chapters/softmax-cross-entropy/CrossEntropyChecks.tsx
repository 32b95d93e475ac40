import { useMemo, type ReactNode } from 'react';
import { crossEntropyGrad } from '../../core';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { hardLabel } from '../../url/labels';
import {
  checkGradient,
  diagonalEntryChecks,
  GRADIENT_CHECK_TOLERANCE,
  type CrossEntropyGradient,
  type DiagonalEntryCheck,
} from './crossEntropyGradientMath';

interface CrossEntropyChecksProps {
  logits: readonly number[];
  labels: readonly number[];
  numbers: CrossEntropyGradient;
}

/**
 * The chain-rule product and p − y are the same number computed two ways: they agree to rounding.
 * The central-difference check's tolerances are GRADIENT_CHECK_TOLERANCE's.
 */
const SAME = 1e-12;

/**
 * The chapter's claims checked live on the learner's numbers, beside a table of the analytic gradient,
 * the chain rule multiplied out, the central-difference estimate and the classic diagonal-only
 * mistake, class by class; under the checks that pass, the same check flags the mistake.
 */
export function CrossEntropyChecks({ logits, labels, numbers }: CrossEntropyChecksProps) {
  const checks = useMemo(() => {
    const { gradient, chainRule, numerical, probabilities, diagonalOnly } = numbers;
    const gaps = (a: ArrayLike<number>, b: (i: number) => number) =>
      Math.max(...Array.from(a, (v, i) => Math.abs(v - b(i))));
    const batch = crossEntropyGrad([logits, logits], [labels, labels]);
    const t = hardLabel(labels);
    const subtracted = t === undefined ? NaN : (probabilities[t] ?? NaN) - 1;
    // the core's p_t − 1: −Σ_{j≠t} p_j, never a subtraction from 1
    const summed = t === undefined ? NaN : (gradient[t] ?? NaN);
    return {
      chainGap: gaps(chainRule, (i) => gradient[i] ?? NaN),
      fd: checkGradient(gradient, numerical),
      diagonal: checkGradient(diagonalOnly, numerical),
      entries: diagonalEntryChecks(numbers, labels),
      sum: Math.abs(Array.from(gradient).reduce((a, b) => a + b, 0)),
      batchGap: Math.max(...batch.map((row) => gaps(row, (i) => (gradient[i] ?? NaN) / 2))),
      t,
      summed,
      subtracted,
      summedGap: summed === 0 ? Math.abs(subtracted) : Math.abs(subtracted - summed) / Math.abs(summed),
    };
  }, [logits, labels, numbers]);

  const { entries } = checks;
  return (
    <>
      <div className="table-scroll">
        <table className="gradient-table">
          <caption>∂L/∂z three ways</caption>
          <thead>
            <tr>
              <th scope="col">class</th>
              <th scope="col">p − y</th>
              <th scope="col">Jᵀ(−y ⊘ p)</th>
              <th scope="col">central difference</th>
            </tr>
          </thead>
          <tbody>
            {Array.from(numbers.gradient, (g, i) => (
              <tr key={i}>
                <th scope="row">z{i + 1}</th>
                <td data-term={term.gradient(i)} data-testid={`g-text-${i + 1}`}>
                  {formatNumber(g, 6)}
                </td>
                <td>{formatNumber(numbers.chainRule[i] ?? NaN, 6)}</td>
                <td data-testid={`fd-text-${i + 1}`}>{formatNumber(numbers.numerical[i] ?? NaN, 6)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="checks" aria-label="Live checks">
        <li data-ok={checks.chainGap <= SAME}>
          The chain rule multiplied out equals p − y: the largest gap is {formatNumber(checks.chainGap, 2)}.
        </li>
        <li data-ok={checks.fd.passes} data-testid="fd-check">
          Central differences agree with p − y: relative error {formatNumber(checks.fd.relative, 2)} (largest gap{' '}
          {formatNumber(checks.fd.absolute, 2)}).
        </li>
        <li data-ok={checks.sum <= SAME}>
          The components sum to 0 (Σ p = Σ y = 1): |Σⱼ ∂L/∂zⱼ| = {formatNumber(checks.sum, 2)}. Raising every logit
          together changes nothing.
        </li>
        <li data-ok={checks.batchGap <= SAME}>
          A batch of this row twice, mean reduction (as PyTorch): each row&apos;s gradient is (p − y)/2, to within{' '}
          {formatNumber(checks.batchGap, 2)}.
        </li>
        {checks.t !== undefined && (
          <li data-ok={Number.isFinite(checks.summed)}>
            {/* each number kept whole: a line breaks between them, never inside "−4.12 × 10⁻⁹" */}
            The true class&apos;s p{checks.t + 1} − 1 as the core computes it, {othersSummed(checks.t, logits.length)}, with
            no subtraction from 1: <span className="nowrap">{formatNumber(checks.summed, 3)}</span>; by subtraction,{' '}
            p{checks.t + 1} − 1: <span className="nowrap">{formatNumber(checks.subtracted, 3)}</span>, off by a
            relative <span className="nowrap">{formatNumber(checks.summedGap, 2)}</span>.
          </li>
        )}
      </ul>
      <div className="table-scroll">
        <table className="gradient-table diagonal-table">
          <caption>The diagonal-only mistake beside p − y, each entry checked by central differences</caption>
          <thead>
            <tr>
              <th scope="col">class</th>
              <th scope="col">p − y</th>
              <th scope="col">
                diagonal only, <span className="nowrap">−yⱼ(1 − pⱼ)</span>
              </th>
              <th scope="col">check</th>
            </tr>
          </thead>
          <tbody>
            {Array.from(numbers.diagonalOnly, (d, i) => (
              <tr key={i}>
                <th scope="row">z{i + 1}</th>
                <td>{formatNumber(numbers.gradient[i] ?? NaN, 6)}</td>
                {/* red wherever it is wrong, whether or not the check can tell */}
                <td data-ok={entries[i]?.verdict === 'passes'} data-testid={`diagonal-text-${i + 1}`}>
                  {formatNumber(d, 6)}
                </td>
                <td className="verdict" data-verdict={entries[i]?.verdict} data-testid={`diagonal-verdict-${i + 1}`}>
                  {verdictText(entries[i])}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="checks diagonal-check" aria-label="The diagonal-only mistake, checked">
        <li data-ok={checks.diagonal.passes} data-testid="diagonal-check">
          {checks.diagonal.passes ? 'Central differences agree with' : 'Central differences reject'} the diagonal-only
          −yⱼ(1 − pⱼ): relative error {formatNumber(checks.diagonal.relative, 3)}, where the check allows{' '}
          {formatNumber(GRADIENT_CHECK_TOLERANCE.relative, 0)}.{' '}
          {entrySummary(entries)}
        </li>
      </ul>
    </>
  );
}

/** The verdict beside one entry: a wrong entry the check lets through says how far off it is, never "passes". */
function verdictText(entry: DiagonalEntryCheck | undefined): ReactNode {
  if (!entry || entry.verdict === 'fails') return '✗ fails';
  if (entry.verdict === 'passes') return '✓ passes';
  // the number kept whole: on a phone the verdict wraps between its words
  return (
    <>
      ≈ short by <span className="nowrap">{formatNumber(entry.short, 2)}</span>, within tolerance
    </>
  );
}

/** Which entries the check passes, which it lets through though they are short, and by how much. */
function entrySummary(entries: readonly DiagonalEntryCheck[]): string {
  const classes = (verdict: DiagonalEntryCheck['verdict']) => entries.flatMap((e, i) => (e.verdict === verdict ? [i + 1] : []));
  const right = classes('passes');
  const tolerated = classes('tolerated');
  const dropped = 'pⱼ(1 − yⱼ), the off-diagonal paths it dropped';
  const lead =
    right.length > 0
      ? `Only the entry of ${classList(right)} passes; every other is short by ${dropped}.`
      : tolerated.length > 0
        ? `Every entry is short by ${dropped}.`
        : `No entry passes: each is short by ${dropped}.`;
  if (tolerated.length === 0) return lead;
  const most = Math.max(...tolerated.map((c) => entries[c - 1]?.short ?? NaN));
  const many = tolerated.length > 1;
  return `${lead} For ${classList(tolerated)} that is ${many ? 'at most' : 'only'} ${formatNumber(most, 2)}, within the check's relative tolerance, which lets ${many ? 'them' : 'it'} through.`;
}

/** The core's p_t − 1 without the subtraction, −Σ_{j≠t} p_j, with the learner's classes: −(p2 + p3). */
function othersSummed(t: number, classes: number): string {
  return `−(${Array.from({ length: classes }, (_, j) => j)
    .filter((j) => j !== t)
    .map((j) => `p${j + 1}`)
    .join(' + ')})`;
}

/** "class 2", "classes 1 and 3", "classes 1, 2 and 4" */
function classList(classes: number[]): string {
  if (classes.length === 1) return `class ${classes[0]}`;
  return `classes ${classes.slice(0, -1).join(', ')} and ${classes[classes.length - 1]}`;
}
