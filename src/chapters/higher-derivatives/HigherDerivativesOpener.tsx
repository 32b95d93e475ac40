import { useMemo } from 'react';
import { crossEntropyHessian, symmetricEigen } from '../../core';
import { formatNumber } from '../../format/formatNumber';
import { LogitBars } from '../../plots/LogitBars';
import { LIMITS } from '../../url/labInputs';
import { useLab, useLabStore } from '../../state/LabContext';
import { Opener, OpenerPair } from '../Opener';
import { EigenvalueBars } from './EigenvalueBars';
import { onesIndex } from './hessianMath';

/** Chapter 12 opens with the curvature of the loss: drag a logit and watch the Hessian's eigenvalues. */
export function HigherDerivativesOpener() {
  const logits = useLab((s) => s.logits);
  const { setLogit } = useLabStore().getState();
  const { values, vectors } = useMemo(() => symmetricEigen(crossEntropyHessian(logits)), [logits]);
  const eigenvalues = Array.from(values);
  const lambdaMax = eigenvalues[eigenvalues.length - 1] ?? NaN;
  const { min, max, step } = LIMITS.logit;
  return (
    <Opener
      name="The curvature of cross-entropy at a glance"
      caption={
        <>
          Drag a logit bar: the other chart shows the eigenvalues of the loss’s Hessian in z, its curvatures along its principal
          directions. One stays at 0 wherever you go; none ever passes ½.
        </>
      }
    >
      <OpenerPair
        left={(width, height) => <LogitBars logits={logits} domain={[min, max]} step={step} onChange={setLogit} width={width} height={height} />}
        right={(width, height) => <EigenvalueBars eigenvalues={eigenvalues} onesIndex={onesIndex(vectors)} width={width} height={height} />}
      />
      <p className="opener-readout" data-testid="opener-readout">
        λmax = {formatNumber(lambdaMax, 3)}
      </p>
    </Opener>
  );
}
