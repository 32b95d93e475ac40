import { useEffect, useMemo, useRef, useState } from 'react';
import { currentRoute, parseHash, updateHashQuery, useHash } from '../url/hashRoute';
import { labInputsChanged, readLabQuery, writeLabQuery } from '../url/labQuery';
import { writeAfterPause } from '../url/writeAfterPause';
import { stateKeys, type EmbeddableWidget, type LabField } from '../url/widgetEntry';
import { useLabStore } from './LabContext';

/** The lab inputs a chapter's widgets read, and the keys of their own states, from their entries. */
export function chapterKeys(widgets: readonly EmbeddableWidget[]): { fields: LabField[]; otherKeys: string[] } {
  const fields = [...new Set(widgets.flatMap((w) => w.fields))];
  return { fields, otherKeys: [...new Set(widgets.flatMap(stateKeys))] };
}

/** What an address says of the lab inputs: its query without the widgets' own keys (their hooks read those). */
function labPart(query: URLSearchParams, otherKeys: readonly string[]): string {
  return new URLSearchParams([...query].filter(([k]) => !otherKeys.includes(k))).toString();
}

/**
 * Keeps a chapter's lab inputs (the fields its widgets read) and the address in step: the query is
 * read when the address changes (a shared link, a typed address), and the learner's changes are
 * written back with replaceState once they pause. Each widget's own state is its own hook's
 * (useWidgetState), in the same query. Returns a notice naming whatever the address had that was
 * refused or clamped (in addressNotices.ts's words), or '' when all was well; the address is then
 * rewritten at once to what the page shows. A chapter's address without a query leaves the inputs
 * as the learner last set them, in this chapter or another, and is completed with them.
 */
export function useChapterUrlState(slug: string, widgets: readonly EmbeddableWidget[]): string {
  const store = useLabStore();
  const hash = useHash();
  const [notice, setNotice] = useState('');
  const { fields, otherKeys } = useMemo(() => chapterKeys(widgets), [widgets]);
  // What this hook itself last wrote: reading it back would undo the steps taken since the write.
  const written = useRef('');

  useEffect(() => {
    const { slug: at, query } = parseHash(hash);
    if (at !== slug) return;
    if ([...query.keys()].length === 0 || labPart(query, otherKeys) === written.current) return;
    // A refused field keeps what the learner last had, in this chapter or another; the lecturer's
    // options (caption, hide, …) are an embed's settings, not a chapter's.
    const { state, problems } = readLabQuery(query, { fields, otherKeys, controls: [], lecturerOptions: false, base: store.getState() });
    const s = store.getState();
    // Only the fields the address names: the rest stay as the learner left them.
    if (query.has('z')) s.setLogits(state.logits);
    if (query.has('y')) s.setLabels(state.labels);
    if (query.has('T')) s.setTemperature(state.temperature);
    if (query.has('bz')) s.setBinaryLogit(state.binaryLogit);
    if (query.has('bt')) s.setBinaryTarget(state.binaryTarget);
    if (problems.length) {
      // The address then says what the page shows, not what it refused (replaceState: no history
      // entry); the widgets' own keys are their hooks' to put right.
      updateHashQuery((q) => {
        // the lab inputs first, as the page holds them; then the widgets' keys, each once (the first, as read)
        const own = otherKeys.filter((k) => q.has(k)).map((k) => [k, q.get(k)!] as const);
        for (const key of [...q.keys()]) q.delete(key);
        for (const [k, v] of [...writeLabQuery(store.getState(), fields), ...own]) q.append(k, v);
        written.current = labPart(q, otherKeys);
      });
    }
    // Syncing an external system (the address bar) into React state: the effect is the right place.
    setNotice(problems.length ? `The link's settings: ${problems.join('; ')}. The rest of the page works as usual.` : '');
  }, [hash, slug, store, fields, otherKeys]);

  useEffect(() => {
    if (fields.length === 0) return;
    const write = () => {
      const lab = writeLabQuery(store.getState(), fields);
      updateHashQuery((q) => {
        for (const [k, v] of lab) q.set(k, v);
        written.current = labPart(q, otherKeys);
      });
    };
    const paused = writeAfterPause(write);
    const unsubscribe = store.subscribe((s, prev) => {
      if (labInputsChanged(s, prev)) paused.schedule();
    });
    // The address names every input the chapter shows from the start, set here or in another
    // chapter: a widget's own keys written beside them (a run of steps, say) would otherwise be
    // replayed from the default inputs when the link is opened.
    const { slug: at, query } = currentRoute();
    if (at === slug && fields.some((k) => !query.has(k))) write();
    return () => {
      // Leaving the chapter: the hash already names the next route, so the pending write is dropped.
      paused.dispose();
      unsubscribe();
    };
  }, [store, slug, fields, otherKeys]);

  return notice;
}
