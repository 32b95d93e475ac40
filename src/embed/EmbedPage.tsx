import { createElement, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { findChapter, type Chapter } from '../chapters/chapterList';
import { currentRoute, chapterHref, onHashChange, updateHashQuery } from '../url/hashRoute';
import { TermScope } from '../math/TermScope';
import { LabProvider } from '../state/LabContext';
import { ProgressProvider } from '../state/progressStore';
import { EmbedContext, type EmbedSettings } from '../state/embedContext';
import { createEmbedStore } from './embedStore';
import { EMBED_ROUTE } from '../tools/share/embedUrl';
import { labInputsChanged, readLabQuery, writeLabQuery, writeOptions, type LabQueryReading, type Theme } from '../url/labQuery';
import { useEmbedHeight } from './useEmbedHeight';
import { writeAfterPause } from '../url/writeAfterPause';
import { findWidget } from './widgetRegistry';
import { widgetLoader } from './widgetLoader';
import { stateKeys, type EmbeddableWidget } from '../url/widgetEntry';
import '../styles/embed.css';

// The widget out of its chapter's chunk; an id the chapter's map lacks says so in the frame.
const lazyWidget = widgetLoader((id) => <UnknownWidget id={id} />);

/** `#/embed/<chapter>/<Key>?…`: one widget, its caption and notice, and nothing of the site around it. */
export function EmbedPage({ path }: { path: string }) {
  const widget = findWidget(path);
  const chapter = widget && findChapter(widget.chapter);
  const [source, setSource] = useState(currentQuery);
  // What the embed itself last put in the address (a refused setting taken out, say).
  const written = useRef('');
  const onWrite = useCallback((query: string) => {
    written.current = query;
  }, []);
  // An address typed or changed from outside (a hashchange) restarts the widget from it; the
  // embed's own writes (replaceState) fire no hashchange and restart nothing, and a late event
  // that finds the address as the embed wrote it is not news either (it would drop the notice).
  useEffect(() => {
    const onHash = () => {
      const now = currentQuery();
      if (now !== written.current) setSource(now);
    };
    return onHashChange(onHash);
  }, []);

  if (!widget || !chapter?.load) {
    return (
      <EmbedShell id={path.slice(0, 40)} theme="auto" label="Logit Lab: no such widget">
        <UnknownWidget id={path} />
      </EmbedShell>
    );
  }
  return <EmbedInstance key={`${widget.id}?${source}`} widget={widget} chapter={chapter} query={source} onWrite={onWrite} />;
}

function currentQuery(): string {
  return currentRoute().query.toString();
}

function EmbedInstance({
  widget,
  chapter,
  query,
  onWrite,
}: {
  widget: EmbeddableWidget;
  chapter: Chapter;
  query: string;
  /** told the query the embed wrote */
  onWrite: (query: string) => void;
}) {
  const reading: LabQueryReading = useMemo(
    () => readLabQuery(new URLSearchParams(query), { ...widget, otherKeys: stateKeys(widget) }),
    [query, widget],
  );
  const { options, problems } = reading;
  const [store] = useState(() => createEmbedStore(reading.state, [...options.hide, ...options.lock]));
  const settings: EmbedSettings = useMemo(
    () => ({ embedded: true, hidden: new Set(options.hide), locked: new Set(options.lock), frame: options.frame || widget.id }),
    [options, widget],
  );
  const shown = useMemo(() => createElement(lazyWidget(widget, chapter)), [widget, chapter]);

  useLayoutEffect(() => {
    document.title = `${widget.title} · Logit Lab`;
  }, [widget]);

  // The learner's changes go to this frame's own address, with the lecturer's options kept (as read,
  // so a refused one is not carried on), once they pause: replaceState, so the history gets no entry
  // per slider step. The widget's own state is its hook's to write; its keys are left as they are.
  useLayoutEffect(() => {
    const write = () => {
      const keep = new Set(stateKeys(widget));
      updateHashQuery((q) => {
        // the lab fields and options first, as written; then the widget's own keys, each once (the
        // first, as read); nothing refused
        const own = [...keep].filter((k) => q.has(k)).map((k) => [k, q.get(k)!] as const);
        for (const key of [...q.keys()]) q.delete(key);
        for (const [k, v] of writeOptions(writeLabQuery(store.getState(), widget.fields), options)) q.append(k, v);
        for (const [k, v] of own) q.append(k, v);
      });
      onWrite(currentQuery());
    };
    const paused = writeAfterPause(write);
    const unsubscribe = store.subscribe((s, prev) => {
      if (labInputsChanged(s, prev)) paused.schedule();
    });
    // A link with something refused is put right at once, so the address says what the frame shows.
    if (problems.length > 0) write();
    return () => {
      paused.dispose();
      unsubscribe();
    };
  }, [store, widget, options, problems, onWrite]);

  return (
    <EmbedShell id={options.frame || widget.id} theme={options.theme} label={`Logit Lab: ${widget.title}`}>
      {/* the page's name for screen readers; the caption, if any, is what the reader sees first */}
      <h1 className="embed-title">{widget.title}</h1>
      {options.caption && <p className="embed-caption">{options.caption}</p>}
      {problems.length > 0 && (
        <p className="notice" role="status">
          This link’s settings: {problems.join('; ')}. The widget uses its defaults for what it could not read.
        </p>
      )}
      <LabProvider store={store}>
        <ProgressProvider>
          <EmbedContext.Provider value={settings}>
            <TermScope className="embed-widget">
              <Suspense fallback={<p className="loading">Loading {widget.name}…</p>}>
                {shown}
              </Suspense>
            </TermScope>
          </EmbedContext.Provider>
        </ProgressProvider>
      </LabProvider>
      <p className="embed-source">
        <a href={chapterHref(widget.chapter)}>Open in Logit Lab</a>
      </p>
    </EmbedShell>
  );
}

/** The page of every embed: theme on <html>, and the height posted to the page around the iframe. */
/**
 * `label` names the embed's main landmark: a course page has a <main> of its own, and two unnamed
 * main landmarks on one page (axe and screen readers see the frames as one page) cannot be told apart.
 */
function EmbedShell({ id, theme, label, children }: { id: string; theme: Theme; label: string; children: ReactNode }) {
  const root = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const html = document.documentElement;
    if (theme === 'auto') delete html.dataset.theme;
    else html.dataset.theme = theme;
    html.classList.add('embedded');
    return () => {
      delete html.dataset.theme;
      html.classList.remove('embedded');
    };
  }, [theme]);
  useEmbedHeight(root, id);
  return (
    <main className="embed-page" ref={root} aria-label={label}>
      {children}
    </main>
  );
}

function UnknownWidget({ id }: { id: string }) {
  return (
    <div className="notice" role="alert">
      <h1 className="embed-title">Logit Lab</h1>
      <p>
        There is no widget <code>{id.slice(0, 60) || '(none)'}</code> to embed here. The address may be mistyped or from an
        older version.
      </p>
      <p>
        The <a href={`#/${EMBED_ROUTE}`}>page for lecturers</a> lists every widget with its embed code.
      </p>
    </div>
  );
}
