import { useMemo } from 'react';
import { centralDifference, softmax, symmetricEigenvalues } from '../core';
import { formatNumber } from '../format/formatNumber';

interface JacobianChecksProps {
  logits: readonly number[];
  jacobian: readonly Float64Array[];
  /** the cell whose derivative is also estimated by central differences */
  cell: readonly [number, number];
}

/** An eigenvalue within rounding of zero reads "0", not "−1.2 × 10⁻¹⁷": it is 0 to the precision at hand. */
function eigenvalueText(v: number): string {
  return Math.abs(v) <= EXACT ? '0' : formatNumber(v, 3);
}

/** The tolerances the checks use: a few ulp of the entries' size, and the unit tests' own. */
const EXACT = 1e-15;
const FD_TOLERANCE = 1e-8;

/**
 * The chapter's claims about J, checked live on the learner's logits: J is symmetric, each row sums
 * to 0, no eigenvalue is negative (one is 0: shifting every logit changes nothing), and the formula's
 * entry agrees with a central-difference estimate of ∂p_i/∂z_j.
 */
export function JacobianChecks({ logits, jacobian, cell }: JacobianChecksProps) {
  const checks = useMemo(() => {
    const n = jacobian.length;
    let asymmetry = 0;
    let rowSum = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) {
        const v = jacobian[i]?.[j] ?? NaN;
        sum += v;
        asymmetry = Math.max(asymmetry, Math.abs(v - (jacobian[j]?.[i] ?? NaN)));
      }
      rowSum = Math.max(rowSum, Math.abs(sum));
    }
    const eigenvalues = Array.from(symmetricEigenvalues(jacobian));
    const [i, j] = cell;
    const estimate = centralDifference((h) => softmax(logits.map((z, k) => (k === j ? z + h : z)))[i] ?? NaN, 0);
    const analytic = jacobian[i]?.[j] ?? NaN;
    return { asymmetry, rowSum, eigenvalues, estimate, fdError: Math.abs(estimate - analytic) };
  }, [logits, jacobian, cell]);

  const [i, j] = cell;
  const smallest = Math.min(...checks.eigenvalues);
  return (
    <ul className="checks" aria-label="Live checks">
      <li data-ok={checks.asymmetry <= EXACT}>
        Symmetric: the largest |J<sub>ij</sub> − J<sub>ji</sub>| is {formatNumber(checks.asymmetry, 2)}.
      </li>
      <li data-ok={checks.rowSum <= EXACT}>
        Every row sums to 0: the largest |Σ<sub>j</sub> J<sub>ij</sub>| is {formatNumber(checks.rowSum, 2)}.
      </li>
      <li data-ok={smallest >= -EXACT}>
        Eigenvalues {checks.eigenvalues.map(eigenvalueText).join(', ')}: none negative; the 0 belongs to the eigenvector
        1 = [1, …, 1].
      </li>
      <li data-ok={checks.fdError <= FD_TOLERANCE}>
        Central difference: ∂p{i + 1}/∂z{j + 1} ≈ {formatNumber(checks.estimate, 6)}, off from the formula by{' '}
        {formatNumber(checks.fdError, 2)}.
      </li>
    </ul>
  );
}
