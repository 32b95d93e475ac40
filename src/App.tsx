import { useEffect } from 'react';
import { findChapter } from './chapters/chapterList';
import { ChapterPage } from './chapters/ChapterPage';
import { HomePage } from './chapters/HomePage';
import { Layout } from './chapters/Layout';
import { NotFoundPage } from './chapters/NotFoundPage';
import { parseHash, useHash } from './chapters/hashRoute';
import { LabProvider } from './state/LabContext';

export function App() {
  const { slug } = parseHash(useHash());
  const chapter = slug ? findChapter(slug) : undefined;

  useEffect(() => {
    document.title = chapter ? `${chapter.title} · Logit Lab` : 'Logit Lab';
  }, [chapter]);

  return (
    <LabProvider>
      <Layout current={chapter?.slug} home={slug === ''}>
        {slug === '' ? (
          <HomePage />
        ) : chapter ? (
          <ChapterPage key={chapter.slug} chapter={chapter} />
        ) : (
          <NotFoundPage slug={slug} />
        )}
      </Layout>
    </LabProvider>
  );
}
