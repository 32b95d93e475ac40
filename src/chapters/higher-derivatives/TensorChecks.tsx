import { useMemo } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { FD_TOLERANCE } from './hessianMath';
import { TERMS_TOLERANCE, tensorChecks } from './tensorMath';

/**
 * The third derivative checked live on the learner's logits: against central differences of the
 * core's Hessian (h = 10⁻⁵), against the sum of the five terms, and for symmetry in i, j, k.
 */
export function TensorChecks({ logits, tensor }: { logits: readonly number[]; tensor: readonly (readonly (readonly number[])[])[] }) {
  const checks = useMemo(() => tensorChecks(logits, tensor), [logits, tensor]);
  return (
    <ul className="checks" aria-label="Live checks">
      <li data-ok={checks.fdError <= FD_TOLERANCE} data-testid="tensor-fd-check">
        Central differences of the Hessian, (H(z + h e<sub>k</sub>) − H(z − h e<sub>k</sub>))/2h with h = 10⁻⁵: max |T − estimate| ={' '}
        {formatNumber(checks.fdError, 2)} over all C³ entries.
      </li>
      <li data-ok={checks.termsError <= TERMS_TOLERANCE}>
        The five terms add up to the core’s T: the largest difference is {formatNumber(checks.termsError, 2)}.
      </li>
      <li data-ok={checks.asymmetry === 0}>
        Symmetric in i, j and k: the largest |T<sub>ijk</sub> − T<sub>jik</sub>| or |T<sub>ijk</sub> − T<sub>ikj</sub>| is{' '}
        {formatNumber(checks.asymmetry, 2)}.
      </li>
    </ul>
  );
}
