import { useMemo } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { EXACT, FD_TOLERANCE, hessianChecks, LAMBDA_BOUND, type HessianView } from './hessianMath';
import { eigenvalueText } from './EigenvalueBars';

interface HessianChecksProps {
  logits: readonly number[];
  labels: readonly number[];
  view: HessianView;
}

/**
 * The chapter's claims about H, checked live: it is the derivative of the gradient p − y (central
 * differences of the core's gradient, with the learner's own y), H·1 = 0, no eigenvalue is negative,
 * and the largest is at most ½.
 */
export function HessianChecks({ logits, labels, view }: HessianChecksProps) {
  const checks = useMemo(() => hessianChecks(logits, labels, view), [logits, labels, view]);
  return (
    <ul className="checks" aria-label="Live checks">
      <li data-ok={checks.fdError <= FD_TOLERANCE}>
        Central differences of ∂L/∂z = p − y with this y (h = 10⁻⁵): every entry of H agrees to within{' '}
        {formatNumber(checks.fdError, 2)}.
      </li>
      <li data-ok={checks.nullResidual <= EXACT}>
        H·1 = 0: the largest |Σ<sub>j</sub> H<sub>ij</sub>| is {formatNumber(checks.nullResidual, 2)}.
      </li>
      <li data-ok={checks.smallest >= -EXACT}>
        Positive semidefinite: the smallest eigenvalue is {eigenvalueText(checks.smallest)}.
      </li>
      <li data-ok={checks.lambdaMax <= LAMBDA_BOUND}>
        The largest eigenvalue, {formatNumber(checks.lambdaMax, 3)}, is at most ½.
      </li>
    </ul>
  );
}

