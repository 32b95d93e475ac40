import { useEffect, useState } from 'react';
import { parseHash, replaceQuery, useHash } from '../chapters/hashRoute';
import { useLabStore } from './LabContext';
import { readSoftmaxQuery, writeSoftmaxQuery } from './softmaxQuery';

/**
 * Keeps the softmax widget's state and the URL in step: the query is read when the hash changes
 * (a shared link, a typed address), and the learner's changes are written back with replaceState.
 * Returns a notice naming whatever in the URL was refused or clamped, or '' when all was well.
 */
export function useSoftmaxUrlState(): string {
  const store = useLabStore();
  const hash = useHash();
  const [notice, setNotice] = useState('');

  useEffect(() => {
    const { query } = parseHash(hash);
    if ([...query.keys()].length === 0) return;
    const { value, problems } = readSoftmaxQuery(query);
    if (value.logits) store.getState().setLogits(value.logits);
    if (value.temperature !== undefined) store.getState().setTemperature(value.temperature);
    // Syncing an external system (the address bar) into React state: the effect is the right place.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setNotice(problems.length ? `The link's settings: ${problems.join('; ')}. The rest of the page works as usual.` : '');
  }, [hash, store]);

  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.logits !== prev.logits || s.temperature !== prev.temperature) {
          replaceQuery(writeSoftmaxQuery(s));
        }
      }),
    [store],
  );

  return notice;
}
