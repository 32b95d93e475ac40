import { createElement, lazy, Suspense, useRef, type ReactNode } from 'react';
import { useKeyboardScrollableMath } from './useKeyboardScrollableMath';
import { useRememberedProseSizes } from './useRememberedProseSizes';
import { CHAPTERS, writtenNeighbours, type Chapter } from '../chapters/chapterList';
import { chapterHref } from '../url/hashRoute';
import { TermScope } from '../math/TermScope';
import { useChapterUrlState } from '../state/useChapterUrlState';
import { widgetsOf } from '../embed/widgetRegistry';
import { ChapterProgress, ProgressNotice } from './ChapterProgress';

/** One lazily loaded chunk per chapter: the contents page and other chapters never pay for it. */
const pages = new Map(CHAPTERS.flatMap((c) => (c.load ? [[c.slug, createElement(lazy(c.load))] as const] : [])));

export function ChapterPage({ chapter }: { chapter: Chapter }) {
  const content = pages.get(chapter.slug);
  const { prev, next } = writtenNeighbours(chapter);

  if (!content) return <ComingChapter chapter={chapter} />;
  return <WrittenChapter chapter={chapter} content={content} prev={prev} next={next} />;
}

function WrittenChapter({ chapter, content, prev, next }: { chapter: Chapter; content: ReactNode; prev?: Chapter; next?: Chapter }) {
  const body = useRef<HTMLDivElement>(null);
  useKeyboardScrollableMath(body);
  useRememberedProseSizes(body);
  const notice = useChapterUrlState(chapter.slug, widgetsOf(chapter.slug));
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
          {content}
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
