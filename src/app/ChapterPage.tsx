import { lazy, Suspense, useEffect, useRef, useState, type ComponentType } from 'react';
import { useKeyboardScrollableMath } from './useKeyboardScrollableMath';
import { useRememberedProseSizes } from './useRememberedProseSizes';
import { CHAPTERS, writtenNeighbours, type Chapter, type ChapterModule } from '../chapters/chapterList';
import { chapterHref, parseHash, useHash } from '../url/hashRoute';
import { TermScope } from '../math/TermScope';
import { useChapterUrlState } from '../state/useChapterUrlState';
import { ChapterProgress, ProgressNotice } from './ChapterProgress';

interface BodyProps {
  slug: string;
  onNotice: (notice: string) => void;
}

/**
 * One lazily loaded chunk per chapter: the contents page and other chapters never pay for it. The
 * chunk brings its widgets' entries too, so the site's first load carries no chapter's state schemas.
 */
const pages = new Map(
  CHAPTERS.flatMap((c) => {
    const load = c.load;
    if (!load) return [];
    const Page = lazy(() => load().then((m) => ({ default: (props: BodyProps) => <ChapterBody module={m} {...props} /> })));
    return [[c.slug, Page as ComponentType<BodyProps>] as const];
  }),
);

/**
 * Keeps the chapter's lab inputs and the address in step (useChapterUrlState) and shows the content.
 * An address with a query (a shared link) is read before the widgets are first drawn, so they never
 * show the inputs it replaces: the first pass shows what the loading chapter showed.
 */
function ChapterBody({ module: { default: Content, widgets }, slug, onNotice }: BodyProps & { module: ChapterModule }) {
  const notice = useChapterUrlState(slug, widgets);
  const hash = useHash();
  const [read, setRead] = useState(() => [...parseHash(hash).query.keys()].length === 0);
  // the second pass is the point: it comes after the address's first read, in the effect above
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setRead(true), []);
  useEffect(() => onNotice(notice), [notice, onNotice]);
  return read ? <Content /> : <p className="loading">Loading the chapter…</p>;
}

export function ChapterPage({ chapter }: { chapter: Chapter }) {
  const Page = pages.get(chapter.slug);
  const { prev, next } = writtenNeighbours(chapter);

  if (!Page) return <ComingChapter chapter={chapter} />;
  return <WrittenChapter chapter={chapter} Page={Page} prev={prev} next={next} />;
}

function WrittenChapter({ chapter, Page, prev, next }: { chapter: Chapter; Page: ComponentType<BodyProps>; prev?: Chapter; next?: Chapter }) {
  const body = useRef<HTMLDivElement>(null);
  useKeyboardScrollableMath(body);
  useRememberedProseSizes(body);
  const [notice, setNotice] = useState('');
  return (
    <article className="chapter" aria-labelledby="chapter-title">
      <p className="chapter-kicker">
        Chapter {chapter.number}
        <ChapterProgress slug={chapter.slug} />
      </p>
      <h1 id="chapter-title">{chapter.title}</h1>
      <ProgressNotice />
      {notice && (
        <p className="notice" role="status" data-testid="chapter-url-notice">
          {notice}
        </p>
      )}
      <TermScope className="chapter-body" ref={body}>
        <Suspense fallback={<p className="loading">Loading the chapter…</p>}>
          <Page slug={chapter.slug} onNotice={setNotice} />
        </Suspense>
      </TermScope>
      <nav className="chapter-nav" aria-label="Previous and next chapter">
        {prev ? <a href={chapterHref(prev.slug)}>← {prev.title}</a> : <span />}
        {next ? <a href={chapterHref(next.slug)}>{next.title} →</a> : <a href="#/">All chapters</a>}
      </nav>
    </article>
  );
}

function ComingChapter({ chapter }: { chapter: Chapter }) {
  return (
    <article className="chapter chapter-coming" aria-labelledby="chapter-title">
      <p className="chapter-kicker">Chapter {chapter.number}</p>
      <h1 id="chapter-title">{chapter.title}</h1>
      <p>
        This chapter is coming: {chapter.summary} Until it is written, the{' '}
        <a href="#/">table of contents</a> lists the chapters you can read now.
      </p>
    </article>
  );
}
