import { Fragment, startTransition, Suspense, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { CHAPTERS, type ChapterModule } from '../chapters/chapterList';
import { parseHash, useHash } from '../url/hashRoute';
import { stateKeys } from '../url/widgetEntry';
import { useTermScope } from '../math/TermScope';
import { useChapterUrlState } from '../state/useChapterUrlState';
import { useKeyboardScrollableMath } from './useKeyboardScrollableMath';
import { useRememberedProseSizes } from './useRememberedProseSizes';
import { WIDGET_SLOT_ATTRIBUTE, SLOT_PLACEHOLDER_ATTRIBUTE } from './chapterPageMarkup';
import { bootProseNodes, forgetFailedProse, loadProse, proseNow, takeBootProse } from './chapterProseSource';
import { whenWanted } from './whenWanted';

interface Slot {
  name: string;
  element: Element;
}

interface WidgetsProps {
  slots: readonly Slot[];
  slug: string;
  onNotice: (notice: string) => void;
}

/** Said beside the prose when the chapter's widgets cannot be fetched (offline before any visit). */
export const WIDGETS_FAILED = 'This chapter’s figures could not be loaded. Check the connection and reload the page.';

/**
 * One lazily loaded chunk per chapter, holding its widgets (not its prose, which is HTML: see
 * build/chapterPages.ts): the contents page and other chapters never pay for it. Its arrival is
 * state, not a `lazy` component under Suspense: React holds back what a Suspense boundary reveals
 * until 300 ms after it last showed a fallback (so that content arriving in bursts is not shown piece
 * by piece), and here the prose is on screen with every slot saying "Loading the widget…" already, so
 * that wait only kept the opener's slider off a slow phone's screen after its chunk had arrived.
 */
const widgetChunks = new Map<string, Promise<ChapterModule>>();
const arrivedChunks = new Map<string, ChapterModule>();

/** The chapter's widget chunk, asked for once (again after a failure); undefined for a chapter with none. */
function widgetChunk(slug: string): Promise<ChapterModule> | undefined {
  let chunk = widgetChunks.get(slug);
  const load = CHAPTERS.find((c) => c.slug === slug)?.load;
  if (!chunk && load) {
    chunk = load().then(
      (module) => {
        arrivedChunks.set(slug, module);
        return module;
      },
      (error: unknown) => {
        // the next visit asks again
        widgetChunks.delete(slug);
        throw error;
      },
    );
    // handled here too: a render that asked for it may never be committed (the learner moved on), and
    // then no effect would be there to take the failure, which the console would report as uncaught
    chunk.catch(() => undefined);
    widgetChunks.set(slug, chunk);
  }
  return chunk;
}

/** The chapter's widgets once their chunk is here (at once when it came on an earlier visit); a failure is said with `onNotice`. */
function useWidgetChunk(slug: string, onNotice: (notice: string) => void): ChapterModule | undefined {
  const [arrived, setArrived] = useState<{ slug: string; module: ChapterModule } | undefined>(undefined);
  const module = arrivedChunks.get(slug) ?? (arrived?.slug === slug ? arrived.module : undefined);
  // asked for while rendering, not after the commit: on a slow phone the effects of the prose's
  // first frame run a frame or more later, and the chunk's evaluation need not wait for them
  const chunk = module === undefined ? widgetChunk(slug) : undefined;
  useEffect(() => {
    if (!chunk) return undefined;
    let live = true;
    chunk.then(
      (m) => {
        if (live) setArrived({ slug, module: m });
      },
      () => {
        if (live) onNotice(WIDGETS_FAILED);
      },
    );
    return () => {
      live = false;
    };
  }, [chunk, slug, onNotice]);
  return module;
}

/**
 * The chapter's prose, as the build rendered it, and its widgets in the prose's slots. On the opened
 * chapter the boot script has painted the same HTML already; the first frame drawn here sets the same
 * markup in the same place, so the text neither flashes nor moves, and each slot keeps saying
 * "Loading the widget…" until its widget is drawn into it.
 */
export function ChapterProse({ slug, onNotice }: { slug: string; onNotice: (notice: string) => void }) {
  // Here at once when the boot script has fetched it (the opened chapter), else fetched now. Kept in
  // state, not read with `use`: a render suspended on it was retried in jsdom only inside act.
  const [loaded, setLoaded] = useState<{ slug: string; prose: string } | undefined>(undefined);
  const prose = proseNow(slug) ?? (loaded?.slug === slug ? loaded.prose : undefined);
  useEffect(() => {
    if (prose !== undefined) return undefined;
    let live = true;
    void loadProse(slug).then((text) => {
      if (live) setLoaded({ slug, prose: text });
    });
    return () => {
      live = false;
    };
  }, [slug, prose]);
  if (prose === undefined) {
    return (
      <div className="chapter-body">
        <p className="loading">Loading the chapter…</p>
      </div>
    );
  }
  return <ProseBody slug={slug} prose={prose} onNotice={onNotice} />;
}

interface ProseBodyProps {
  slug: string;
  prose: string;
  onNotice: (notice: string) => void;
}

function ProseBody({ slug, prose, onNotice }: ProseBodyProps) {
  const widgets = useWidgetChunk(slug, onNotice);
  // read now, while the boot page is still on screen: the frame this render commits replaces it
  bootProseNodes(slug);
  const body = useRef<HTMLDivElement>(null);
  useKeyboardScrollableMath(body);
  useRememberedProseSizes(body);
  const { scope, highlight, enter, leave, touch } = useTermScope();
  const handlers = useRef({ enter, leave, touch });
  useLayoutEffect(() => {
    handlers.current = { enter, leave, touch };
  });
  // Native listeners: the widgets are portals into this HTML, and React sends a portal's events to its
  // React parents, not to the element it is drawn in.
  useEffect(() => {
    const element = body.current;
    if (!element) return undefined;
    const on = (type: string, handle: (e: Event) => void) => {
      element.addEventListener(type, handle);
      return () => element.removeEventListener(type, handle);
    };
    const offs = [
      on('pointerover', (e) => handlers.current.enter(e as PointerEvent)),
      on('focusin', (e) => handlers.current.enter(e)),
      on('pointerout', (e) => handlers.current.leave(e as PointerEvent)),
      on('focusout', (e) => handlers.current.leave(e)),
      on('pointerdown', (e) => handlers.current.touch(e as PointerEvent)),
    ];
    return () => offs.forEach((off) => off());
  }, []);
  useEffect(() => () => forgetFailedProse(slug), [slug]);
  const [slots, setSlots] = useState<readonly Slot[]>([]);
  useLayoutEffect(() => {
    const element = body.current;
    if (!element) return;
    // Filled here, before the frame is painted, so the prose never flashes: with the boot page's own
    // nodes when it showed this chapter (no second parse, no new text to lay out), else from the HTML.
    const nodes = takeBootProse(slug);
    if (nodes) element.replaceChildren(...nodes);
    else element.innerHTML = prose;
    const found = [...element.querySelectorAll(`[${WIDGET_SLOT_ATTRIBUTE}]`)].map((slot) => ({
      name: slot.getAttribute(WIDGET_SLOT_ATTRIBUTE) ?? '',
      element: slot,
    }));
    // the slots are in the HTML set just now: they are read from the DOM, after it is committed
    setSlots(found);
  }, [prose, slug]);
  return (
    <>
      {highlight}
      {/* no React children: its content is the prose, set in the layout effect above */}
      <div ref={body} className="chapter-body" data-term-scope={scope} />
      {widgets && slots.length > 0 && <FilledSlots module={widgets} slots={slots} slug={slug} onNotice={onNotice} />}
    </>
  );
}

/**
 * Keeps the chapter's lab inputs and the address in step (useChapterUrlState) and draws each widget
 * into its slot. An address with a query (a shared link) is read before the widgets are first drawn,
 * so they never show the inputs it replaces: until then the slots keep their loading line.
 */
function FilledSlots({ module: { page, Provider = Fragment, widgets }, slots, slug, onNotice }: WidgetsProps & { module: ChapterModule }) {
  const notice = useChapterUrlState(slug, widgets);
  const hash = useHash();
  const [read, setRead] = useState(() => [...parseHash(hash).query.keys()].length === 0);
  // the second pass is the point: it comes after the address's first read, in the effect above
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setRead(true), []);
  useEffect(() => onNotice(notice), [notice, onNotice]);
  // The chapter's opening figure (its first slot, on the first screen by design) is drawn first; the
  // widgets below it follow one at a time, in document order, each in a transition of its own, which
  // yields to input: on a slow phone the opener's slider answers a key while the figures further down
  // are still being drawn. A transition yields while it renders, not while it commits: one for all of
  // them committed and laid out every widget in one task, which a key pressed on the opener waited
  // behind; now such a wait is one widget's.
  const [drawn, setDrawn] = useState(1);
  useEffect(() => {
    if (read && drawn < slots.length) startTransition(() => setDrawn(drawn + 1));
  }, [read, drawn, slots.length]);
  useLayoutEffect(() => {
    // the build's loading line gives way to the widget (or to its own loading line) in the same frame
    slots.forEach(({ element }, i) => {
      if (read && i < drawn) element.querySelector(`:scope > [${SLOT_PLACEHOLDER_ATTRIBUTE}]`)?.remove();
    });
  }, [read, drawn, slots]);
  if (!read) return null;
  const query = parseHash(hash).query;
  return (
    <Provider>
      {slots.map(({ name, element }, i) => {
        if (i >= drawn) return null;
        const Widget = page[name];
        const widget = Widget ? <Widget /> : null;
        const entry = widgets.find((w) => w.key === name);
        return createPortal(
          <Suspense fallback={LOADING}>
            {entry?.exercise ? (
              // a link that carries the exercise's numbers is a link to it: drawn at once
              <WhenWanted element={element} now={stateKeys(entry).some((key) => query.has(key))}>
                {widget}
              </WhenWanted>
            ) : (
              widget
            )}
          </Suspense>,
          element,
          `${name}-${i}`,
        );
      })}
    </Provider>
  );
}

const LOADING = <p className="loading">Loading the widget…</p>;

/** An exercise, drawn (and its chunk fetched) once it is wanted (whenWanted.ts); until then its slot says it is loading. */
function WhenWanted({ element, now, children }: { element: Element; now: boolean; children: ReactNode }) {
  const [wanted, setWanted] = useState(false);
  const shown = wanted || now;
  useEffect(() => (shown ? undefined : whenWanted(element, () => setWanted(true))), [element, shown]);
  return shown ? children : LOADING;
}
