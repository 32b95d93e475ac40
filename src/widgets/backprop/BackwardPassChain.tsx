import { formatNumber } from '../../format/formatNumber';
import { LiveFormula } from '../../math/LiveFormula';
import { hiddenChainTex, hiddenChainText, outputChainTex, outputChainText, show } from './backwardPassFormula';
import type { HiddenWeightChain, OutputWeightChain } from './backwardPassMath';

/**
 * Tolerances: the chain-rule sum and the backward pass add the same products in another order (a few
 * ulp apart); the central difference carries O(h²) truncation and ε·L/h rounding (≈ 1e-9 for the sum
 * over 300 samples), so 1e-6 relative leaves room without hiding a wrong gradient.
 */
const SAME = 1e-12;
const CLOSE = 1e-6;
const within = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));

interface ChecksProps {
  /** decimals of the heatmap the gradient is a cell of */
  digits: number;
  chainSum: number;
  backprop: number;
  finiteDifference: number;
  testId: string;
}

function ChainChecks({ digits, chainSum, backprop, finiteDifference, testId }: ChecksProps) {
  const gapBackprop = Math.abs(chainSum - backprop);
  const gapDifference = Math.abs(finiteDifference - backprop);
  return (
    <ul className="checks" aria-label="Live checks" data-testid={testId}>
      <li data-ok={within(chainSum, backprop, SAME)}>
        The chain-rule products summed over the samples, {formatNumber(chainSum, digits)}, equal the backward pass&rsquo;s entry,{' '}
        {formatNumber(backprop, digits)} {gapBackprop === 0 ? '(exactly)' : `(off by ${formatNumber(gapBackprop, 2)})`}.
      </li>
      <li data-ok={within(finiteDifference, backprop, CLOSE)}>
        A central difference of the loss through the forward pass, (L(w + h) − L(w − h))/2h, gives {show(finiteDifference)} (off by{' '}
        {formatNumber(gapDifference, 2)}).
      </li>
    </ul>
  );
}

interface OutputChainProps {
  chain: OutputWeightChain;
  digits: number;
  finiteDifference: number;
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
export function BackwardPassOutputChain({ chain, digits, finiteDifference, m, reduction }: OutputChainProps) {
  return (
    <div className="bp-chain" data-testid="bp-output-chain">
      <LiveFormula testId="bp-output-chain-formula" label={`Live formula: ${outputChainText(chain, m, reduction, digits)}`} lines={outputChainTex(chain, m, reduction, digits)} />
      <ShareBalance chain={chain} m={m} />
      <ChainChecks digits={digits} chainSum={chain.chainSum} backprop={chain.backprop} finiteDifference={finiteDifference} testId="bp-output-checks" />
    </div>
  );
}

interface HiddenChainProps {
  chain: HiddenWeightChain;
  digits: number;
  finiteDifference: number;
  m: number;
}

/** ∂L/∂w for the selected weight of W₁: the longer chain through one hidden unit. */
export function BackwardPassHiddenChain({ chain, digits, finiteDifference, m }: HiddenChainProps) {
  return (
    <div className="bp-chain" data-testid="bp-hidden-chain">
      <LiveFormula testId="bp-hidden-chain-formula" label={`Live formula: ${hiddenChainText(chain, m, digits)}`} lines={hiddenChainTex(chain, m, digits)} />
      <ChainChecks digits={digits} chainSum={chain.chainSum} backprop={chain.backprop} finiteDifference={finiteDifference} testId="bp-hidden-checks" />
    </div>
  );
}
