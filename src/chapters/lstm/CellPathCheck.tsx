import { memo } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { gradientText } from './lstmFormula';
import { CHECK_STEP, RESOLUTION, type CellCheck } from './lstmMath';

/** The check passes below this relative error (the central difference's own error at h = 10⁻⁵ is far smaller for a resolvable gradient). */
export const CHECK_TOLERANCE = 1e-4;

/**
 * The live check: the backward pass's ∂L/∂c₀ (first unit) against a central difference of L itself,
 * with their relative error. Below what a difference of L can see (its rounding, about 2⁻⁵²/h), the
 * check says so rather than call the disagreement an error of the backward pass.
 */
export const CellPathCheck = memo(function CellPathCheck({ check }: { check: CellCheck }) {
  const passes = check.resolvable && check.relativeError <= CHECK_TOLERANCE;
  return (
    <div className="check-box lstm-check" data-testid="cell-check" aria-live="polite">
      <p>
        <strong>Check:</strong> the backward pass gives ∂L/∂c₀ = <span data-testid="check-analytic">{gradientText(check.analytic)}</span> (first
        unit); a central difference of L with h = 10⁻⁵ gives <span data-testid="check-numeric">{gradientText(check.numeric)}</span>.
      </p>
      {check.resolvable ? (
        <p className={passes ? 'check-ok' : 'check-bad'}>
          Relative error <span data-testid="check-error">{formatNumber(check.relativeError, 1)}</span>: {passes ? 'they agree' : 'they disagree'}.
        </p>
      ) : (
        <p className="check-note" data-testid="check-unresolvable">
          This gradient is below what a central difference of L can see: L is about 1, so each evaluation is rounded by about 10⁻¹⁶, and
          the quotient carries an error of about {gradientText(RESOLUTION)} at h = {formatNumber(CHECK_STEP, 0).replace(/^1 × /, '')}. The
          estimate is rounding, not a gradient; shorten T or raise b<sub>f</sub> to check it.
        </p>
      )}
    </div>
  );
});
