import { Suspense, useState } from 'react';
import type { Chapter } from '../chapters/chapterList';
import { ChapterArticle } from './ChapterArticle';
import { ChapterProse } from './ChapterProse';

export function ChapterPage({ chapter }: { chapter: Chapter }) {
  if (!chapter.load) return <ComingChapter chapter={chapter} />;
  return <WrittenChapter chapter={chapter} />;
}

function WrittenChapter({ chapter }: { chapter: Chapter }) {
  const [notice, setNotice] = useState('');
  return (
    <ChapterArticle chapter={chapter} notice={notice}>
      <Suspense
        fallback={
          <div className="chapter-body">
            <p className="loading">Loading the chapter…</p>
          </div>
        }
      >
        <ChapterProse slug={chapter.slug} onNotice={setNotice} />
      </Suspense>
    </ChapterArticle>
  );
}

function ComingChapter({ chapter }: { chapter: Chapter }) {
  return (
    <article className="chapter chapter-coming" aria-labelledby="chapter-title">
      <p className="chapter-kicker">Chapter {chapter.number}</p>
      <h1 id="chapter-title">{chapter.title}</h1>
      <p>
        This chapter is coming. Until it is written, the{' '}
        <a href="#/">table of contents</a> lists the chapters you can read now.
      </p>
    </article>
  );
}
