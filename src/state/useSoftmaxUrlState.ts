import { useEffect, useRef, useState } from 'react';
import { parseHash, replaceQuery, useHash } from '../chapters/hashRoute';
import { useLabStore } from './LabContext';
import { useEmbedSettings } from '../embed/embedContext';
import { readSoftmaxQuery, writeSoftmaxQuery } from './softmaxQuery';

const URL_WRITE_DELAY_MS = 250;

/**
 * Keeps the softmax widget's state and the URL in step: the query is read when the hash changes
 * (a shared link, a typed address), and the learner's changes are written back with replaceState.
 * Returns a notice naming whatever in the URL was refused or clamped, or '' when all was well.
 */
export function useSoftmaxUrlState(): string {
  const store = useLabStore();
  const hash = useHash();
  const [notice, setNotice] = useState('');
  // What this hook itself last wrote: reading it back would undo the steps taken since the write.
  const written = useRef('');
  // In an embed, the embed keeps its own address (with the lecturer's options) in step instead.
  const { embedded } = useEmbedSettings();

  useEffect(() => {
    if (embedded) return;
    const { query } = parseHash(hash);
    if ([...query.keys()].length === 0 || query.toString() === written.current) return;
    const { value, problems } = readSoftmaxQuery(query);
    if (value.logits) store.getState().setLogits(value.logits);
    if (value.temperature !== undefined) store.getState().setTemperature(value.temperature);
    // Syncing an external system (the address bar) into React state: the effect is the right place.
    setNotice(problems.length ? `The link's settings: ${problems.join('; ')}. The rest of the page works as usual.` : '');
  }, [hash, store, embedded]);

  useEffect(() => {
    if (embedded) return;
    // The address bar need not follow every slider step: a write costs about half a millisecond of
    // main-thread work, so changes are written once the learner pauses (and when the page is left).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      clearTimeout(timer);
      timer = undefined;
      const query = writeSoftmaxQuery(store.getState());
      written.current = query.toString();
      replaceQuery(query);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.logits === prev.logits && s.temperature === prev.temperature) return;
      clearTimeout(timer);
      timer = setTimeout(write, URL_WRITE_DELAY_MS);
    });
    const flush = () => timer !== undefined && write();
    window.addEventListener('pagehide', flush);
    return () => {
      // Leaving the chapter: the hash already names the next route, so the pending write is dropped.
      clearTimeout(timer);
      unsubscribe();
      window.removeEventListener('pagehide', flush);
    };
  }, [store, embedded]);

  return notice;
}
