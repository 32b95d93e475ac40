import { useMemo } from 'react';
import { crossEntropy, crossEntropyGrad } from '../../core';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { GradientBars } from '../../plots/GradientBars';
import { LogitBars } from '../../plots/LogitBars';
import { LIMITS } from '../../url/labInputs';
import { useLab, useLabStore } from '../../state/LabContext';
import { Opener, OpenerPair } from '../Opener';

/** Chapter 4 opens with its result: drag a logit and the gradient p − y follows, bar for bar. */
export function SoftmaxCrossEntropyOpener() {
  const logits = useLab((s) => s.logits);
  const labels = useLab((s) => s.labels);
  const { setLogit } = useLabStore().getState();
  const loss = useMemo(() => crossEntropy([logits], [labels]), [logits, labels]);
  const gradient = useMemo(() => crossEntropyGrad([logits], [labels])[0] ?? new Float64Array(logits.length), [logits, labels]);
  const { min, max, step } = LIMITS.logit;
  return (
    <Opener
      name="The cross-entropy gradient at a glance"
      caption={
        <>
          Drag a logit bar (or focus it and press the arrow keys): the gradient ∂L/∂z = p − y follows.
          Its bars always add up to 0, because p and y both add up to 1.
        </>
      }
    >
      <OpenerPair
        left={(width, height) => (
          <LogitBars logits={logits} domain={[min, max]} step={step} onChange={setLogit} width={width} height={height} />
        )}
        right={(width, height) => (
          <GradientBars
            values={gradient}
            label={(i) => `z${i + 1}`}
            name={(i) => `∂L/∂z${i + 1}`}
            termId={term.gradient}
            title="Gradient ∂L/∂z = p − y"
            width={width}
            height={height}
          />
        )}
      />
      <p className="opener-readout" data-testid="opener-readout">
        y = [{labels.map((v) => formatNumber(v, 2)).join(', ')}] · L = {formatNumber(loss, 3)}
      </p>
    </Opener>
  );
}
