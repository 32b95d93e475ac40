import { memo } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { gradientText } from './lstmFormula';
import { CHECK_STEP, CHECK_TOLERANCE, type CellCheck } from './lstmMath';

export { CHECK_TOLERANCE };

const power = (x: number) => formatNumber(x, 0).replace(/^1 × /, '');

/**
 * The live check: the backward pass's ∂L/∂c₀ (first unit) against a central difference of L itself,
 * with their relative error. Where the quotient's rounding, about ε·|L|/δ, is too large a part of the
 * gradient to confirm it to the tolerance, the check says so, with both numbers, rather than call the
 * disagreement an error of the backward pass.
 */
export const CellPathCheck = memo(function CellPathCheck({ check }: { check: CellCheck }) {
  const passes = check.resolvable && check.relativeError <= CHECK_TOLERANCE;
  return (
    <div className="check-box lstm-check" data-testid="cell-check" aria-live="polite">
      <p>
        <strong>Check:</strong> the backward pass gives ∂L/∂c₀ = <span data-testid="check-analytic">{gradientText(check.analytic)}</span> (first
        unit); a central difference of L with step δ = {power(CHECK_STEP)} gives <span data-testid="check-numeric">{gradientText(check.numeric)}</span>.
      </p>
      {check.resolvable ? (
        <p className={passes ? 'check-ok' : 'check-bad'}>
          Relative error <span data-testid="check-error">{formatNumber(check.relativeError, 1)}</span>: {passes ? 'they agree' : 'they disagree'}{' '}
          (the bar is {power(CHECK_TOLERANCE)}).
        </p>
      ) : (
        <p className="check-note" data-testid="check-unresolvable">
          Too small to confirm to {power(CHECK_TOLERANCE)}: L = {gradientText(check.loss)}, each evaluation of it is rounded by about ε·|L| (ε =
          2⁻⁵²), so the quotient carries rounding of about ε·|L|/δ = <span data-testid="check-floor">{gradientText(check.roundingFloor)}</span>,{' '}
          <span data-testid="check-floor-ratio">{gradientText(check.roundingFloor / Math.abs(check.analytic))}</span> times this gradient. The
          estimate is the gradient plus rounding of that size; shorten T or raise b<sub>f</sub> to check it.
        </p>
      )}
    </div>
  );
});
