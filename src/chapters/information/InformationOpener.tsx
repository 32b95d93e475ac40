import { useMemo } from 'react';
import { softmax } from '../../core';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { DistributionBars } from '../../plots/DistributionBars';
import { useLab } from '../../state/LabContext';
import { informationMeasures } from './informationMath';
import { useDistributionSetters } from './useDistributionSetters';
import { Opener, OpenerPair } from '../Opener';

/**
 * Chapter 1 opens with the two distributions it compares: the truth y and the guess p, and the cost of the gap.
 * In bits, the unit the chapter's prose and its explorer start in, so the first numbers a learner reads
 * are the ones the text goes on to explain.
 */
export function InformationOpener() {
  const logits = useLab((s) => s.logits);
  const labels = useLab((s) => s.labels);
  const { setTarget, setPrediction } = useDistributionSetters();
  const p = useMemo(() => Array.from(softmax(logits)), [logits]);
  const m = useMemo(() => informationMeasures(labels, p, 'bits'), [labels, p]);
  return (
    <Opener
      name="Cross-entropy at a glance"
      caption={
        <>
          Drag a bar of the target y or of the prediction p (or focus it and press the arrow keys). The cross-entropy
          H(y, p) is never below the entropy H(y); they meet, and KL(y ‖ p) is 0, only when p equals y.
        </>
      }
    >
      <OpenerPair
        left={(width, height) => (
          <DistributionBars values={labels} symbol="y" role="target" termOf={term.label} onChange={setTarget} width={width} height={height} />
        )}
        right={(width, height) => (
          <DistributionBars values={p} symbol="p" role="prediction" termOf={term.probability} onChange={setPrediction} width={width} height={height} />
        )}
      />
      <p className="opener-readout" data-testid="opener-readout">
        H(y) = {formatNumber(m.entropy, 3)} · H(y, p) = {formatNumber(m.crossEntropy, 3)} · KL(y ‖ p) ={' '}
        {formatNumber(m.kl, 3)} bits
      </p>
    </Opener>
  );
}
