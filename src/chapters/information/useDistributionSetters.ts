import { useCallback } from 'react';
import { softmax } from '../../core';
import { useLabStore } from '../../state/LabContext';
import { logitsForDistribution, withEntry } from './informationMath';

/**
 * The two drags of chapter 1's distributions: a bar of the target y sets that label (the others share
 * the rest), a bar of the prediction p sets the logits that give it. Each reads the store at the moment
 * of the event, not a render's closure: a fast drag sends several events between two renders.
 */
export function useDistributionSetters() {
  const store = useLabStore();
  const setTarget = useCallback(
    (index: number, value: number) => {
      const s = store.getState();
      s.setLabels(withEntry(s.labels, index, value));
    },
    [store],
  );
  const setPrediction = useCallback(
    (index: number, value: number) => {
      const s = store.getState();
      const p = Array.from(softmax(s.logits));
      s.setLogits(logitsForDistribution(withEntry(p, index, value), s.logits));
    },
    [store],
  );
  return { setTarget, setPrediction };
}
