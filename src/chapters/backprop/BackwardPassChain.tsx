import { formatNumber } from '../../format/formatNumber';
import { LiveFormula } from '../../math/LiveFormula';
import { hiddenChainTex, hiddenChainText, outputChainTex, outputChainText, show } from './backwardPassFormula';
import type { HiddenWeightChain, OutputWeightChain } from './backwardPassMath';
import { allowedDifferenceGap, differenceAgrees, type CentralDifference, type DifferenceCheck, type KinkCrossing } from './weightDifferenceCheck';

/**
 * The chain-rule sum and the backward pass add the same products in another order: a few ulp apart.
 * The central difference is held to its own error (backwardPassMath's DIFFERENCE_CHECK): a millionth of
 * the gradient for truncation plus what rounding in the loss can add; where its nudge crosses ReLU's
 * kink it is no derivative at all, and the check says so instead of passing or failing it.
 */
const SAME = 1e-12;
const within = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';
const sub = (n: number) => String(n).replace(/\d/g, (d) => SUBSCRIPT.charAt(Number(d)));
/** (Z₁)₉₇,₆: sample i's pre-activation in hidden unit j, both counted from 0 */
const preActivation = (i: number, j: number) => `(Z₁)${sub(i + 1)},${sub(j + 1)}`;

/** "sample 97’s pre-activation (Z₁)₉₇,₆ = −3.2 × 10⁻⁶", and how many more cross */
function kinkText(kinks: readonly KinkCrossing[], unit: number): string {
  const [first] = kinks;
  if (!first) return '';
  const more = kinks.length - 1;
  const others = more === 0 ? '' : ` (and ${more} other sample${more === 1 ? '’s' : 's’'})`;
  return `sample ${first.sample + 1}’s pre-activation ${preActivation(first.sample, unit)} = ${formatNumber(first.z1, 2)}${others}`;
}

/** "(off by 3.5 × 10⁻¹¹; allowed 1.2 × 10⁻⁹: a millionth of it plus rounding in the loss)" */
function gapText(difference: CentralDifference, backprop: number): string {
  const gap = Math.abs(difference.value - backprop);
  const allowed = allowedDifferenceGap(difference, backprop);
  const coarse = difference.roundingAllowance > Math.abs(backprop) && backprop !== 0;
  return (
    `off by ${formatNumber(gap, 2)}; allowed ${formatNumber(allowed, 2)}, a millionth of the gradient plus rounding in the loss` +
    (coarse ? ': this run’s numbers are so large that rounding alone allows more than the gradient, so the check says little here' : '')
  );
}

interface ChecksProps {
  /** decimals of the heatmap the gradient is a cell of */
  digits: number;
  chainSum: number;
  backprop: number;
  difference: DifferenceCheck;
  /** the hidden unit whose pre-activations a nudge of this weight moves (W₁ only) */
  unit?: number;
  testId: string;
}

function ChainChecks({ digits, chainSum, backprop, difference, unit = 0, testId }: ChecksProps) {
  const gapBackprop = Math.abs(chainSum - backprop);
  const { kinks, kinkFree } = difference;
  const crosses = kinks.length > 0;
  return (
    <ul className="checks" aria-label="Live checks" data-testid={testId}>
      <li data-ok={within(chainSum, backprop, SAME)}>
        The chain-rule products summed over the samples, {formatNumber(chainSum, digits)}, equal the backward pass&rsquo;s entry,{' '}
        {formatNumber(backprop, digits)} {gapBackprop === 0 ? '(exactly)' : `(off by ${formatNumber(gapBackprop, 2)})`}.
      </li>
      <li data-ok={crosses ? 'kink' : differenceAgrees(difference, backprop)} data-testid={`${testId}-difference`}>
        A central difference of the loss through the forward pass, (L(w + h) − L(w − h))/2h with h = {formatNumber(difference.step, 2)}, gives{' '}
        {show(difference.value)} ({crosses ? `off by ${formatNumber(Math.abs(difference.value - backprop), 2)}` : gapText(difference, backprop)}).
        {crosses && (
          <>
            {' '}
            But the nudge moves {kinkText(kinks, unit)} across ReLU&rsquo;s kink at 0. A difference quotient across a kink mixes the slopes on its two
            sides and is not a derivative (chapter 9 comes back to this), so it need not agree.
          </>
        )}
      </li>
      {crosses && (
        <li data-ok={kinkFree ? differenceAgrees(kinkFree, backprop) : 'kink'} data-testid={`${testId}-kink-free`}>
          {kinkFree ? (
            <>
              Nudged by h = {formatNumber(kinkFree.step, 2)} instead, which keeps every sample on its side of the kink, it gives {show(kinkFree.value)} (
              {gapText(kinkFree, backprop)}).
            </>
          ) : (
            <>No nudge keeps every sample on its side of the kink here (a pre-activation is 0, or 0 to within rounding), so no difference quotient can check this weight.</>
          )}
        </li>
      )}
    </ul>
  );
}

interface OutputChainProps {
  chain: OutputWeightChain;
  digits: number;
  difference: DifferenceCheck;
  m: number;
  reduction: 'mean' | 'sum';
}

/**
 * How the selected weight's m terms add up: the positive ones, the negative ones, and the largest
 * single one. Samples pulling a weight in opposite directions cancel, and the total can come out
 * smaller than one sample's share.
 */
function ShareBalance({ chain, m }: { chain: OutputWeightChain; m: number }) {
  const { positiveSum, negativeSum, chainSum, largestTerm, largestSample } = chain;
  const largerThanTotal = Math.abs(largestTerm) > Math.abs(chainSum);
  return (
    <p className="bp-share-balance" data-testid="bp-share-balance">
      Of the {m} samples&rsquo; terms, the positive ones add up to {show(positiveSum)} and the negative ones to {show(negativeSum)}: together{' '}
      {show(chainSum)}. The largest single term, sample {largestSample + 1}&rsquo;s, is {show(largestTerm)}
      {largerThanTotal ? ': larger than the whole sum, which the other samples cancel.' : '.'}
    </p>
  );
}

/** ∂L/∂w for the selected weight of W₂: the sum, the chosen sample's product, and the checks. */
export function BackwardPassOutputChain({ chain, digits, difference, m, reduction }: OutputChainProps) {
  return (
    <div className="bp-chain" data-testid="bp-output-chain">
      <LiveFormula testId="bp-output-chain-formula" label={`Live formula: ${outputChainText(chain, m, reduction, digits)}`} lines={outputChainTex(chain, m, reduction, digits)} />
      <ShareBalance chain={chain} m={m} />
      <ChainChecks digits={digits} chainSum={chain.chainSum} backprop={chain.backprop} difference={difference} testId="bp-output-checks" />
    </div>
  );
}

interface HiddenChainProps {
  chain: HiddenWeightChain;
  digits: number;
  difference: DifferenceCheck;
  m: number;
}

/** ∂L/∂w for the selected weight of W₁: the longer chain through one hidden unit. */
export function BackwardPassHiddenChain({ chain, digits, difference, m }: HiddenChainProps) {
  return (
    <div className="bp-chain" data-testid="bp-hidden-chain">
      <LiveFormula testId="bp-hidden-chain-formula" label={`Live formula: ${hiddenChainText(chain, m, digits)}`} lines={hiddenChainTex(chain, m, digits)} />
      <ChainChecks digits={digits} chainSum={chain.chainSum} backprop={chain.backprop} difference={difference} unit={chain.j} testId="bp-hidden-checks" />
    </div>
  );
}
