import { useMemo } from 'react';
import { softmax } from '../../core';
import { formatNumber } from '../../format/formatNumber';
import { LogitBars } from '../../plots/LogitBars';
import { ProbabilityBars } from '../../plots/ProbabilityBars';
import { LIMITS } from '../../url/labInputs';
import { useLab, useLabStore } from '../../state/LabContext';
import { Opener, OpenerPair } from '../Opener';

/** Chapter 2 opens with softmax itself: drag a logit, watch every probability move. */
export function SoftmaxOpener() {
  const logits = useLab((s) => s.logits);
  const temperature = useLab((s) => s.temperature);
  const { setLogit } = useLabStore().getState();
  // the temperature set in the explorer below applies here too, so the two never disagree
  const p = useMemo(() => softmax(logits, temperature), [logits, temperature]);
  const { min, max, step } = LIMITS.logit;
  return (
    <Opener
      name="Softmax at a glance"
      caption={
        <>
          Drag a logit bar (or focus it and press the arrow keys): every probability moves, and they
          still add up to 1. The explorer under “Try it” uses the same logits.
        </>
      }
    >
      <OpenerPair
        left={(width, height) => (
          <LogitBars logits={logits} domain={[min, max]} step={step} onChange={setLogit} width={width} height={height} />
        )}
        right={(width, height) => <ProbabilityBars probabilities={p} width={width} height={height} />}
      />
      <p className="opener-readout">
        {Array.from(p, (v, i) => `p${i + 1} = ${formatNumber(v, 3)}`).join(' · ')}
      </p>
    </Opener>
  );
}
