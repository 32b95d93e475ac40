import type { ReactNode } from 'react';
import { writtenNeighbours, type Chapter } from '../chapters/chapterList';
import { chapterHref } from '../url/hashRoute';
import { ChapterProgress, ProgressNotice } from './ChapterProgress';

/**
 * A chapter's article around its body: kicker, title, notices, and the links to its neighbours. The
 * build renders the same component around the prerendered prose (build/renderChapterPages.tsx), so the
 * page painted before the scripts arrive is the page the app then draws.
 */
export function ChapterArticle({ chapter, notice = '', children }: { chapter: Chapter; notice?: string; children: ReactNode }) {
  const { prev, next } = writtenNeighbours(chapter);
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
      {children}
      <nav className="chapter-nav" aria-label="Previous and next chapter">
        {prev ? <a href={chapterHref(prev.slug)}>← {prev.title}</a> : <span />}
        {next ? <a href={chapterHref(next.slug)}>{next.title} →</a> : <a href="#/">All chapters</a>}
      </nav>
    </article>
  );
}
