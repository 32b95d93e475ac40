import { useMemo } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { eigenvalueText, EXACT, FD_TOLERANCE, jacobianChecks } from './jacobianMath';

interface JacobianChecksProps {
  logits: readonly number[];
  jacobian: readonly Float64Array[];
  /** the cell whose derivative is also estimated by central differences */
  cell: readonly [number, number];
}

/**
 * The chapter's claims about J, checked live on the learner's logits: J is symmetric, each row sums
 * to 0, no eigenvalue is negative (one is 0: shifting every logit changes nothing), and the formula's
 * entry agrees with a central-difference estimate of ∂p_i/∂z_j.
 */
export function JacobianChecks({ logits, jacobian, cell }: JacobianChecksProps) {
  const checks = useMemo(() => jacobianChecks(logits, jacobian, cell), [logits, jacobian, cell]);

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
