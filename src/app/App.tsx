import { useEffect } from 'react';
import { findChapter } from '../chapters/chapterList';
import { ChapterPage } from './ChapterPage';
import { HomePage } from './HomePage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { ReviewPage } from './ReviewPage';
import { parseHash, useHash } from '../url/hashRoute';
import { EmbedPage } from '../embed/EmbedPage';
import { LecturerPage } from '../embed/LecturerPage';
import { LabProvider } from '../state/LabContext';
import { KeptStoresProvider } from '../state/keptStores';
import { ProgressProvider } from '../state/progressStore';
import { registerServiceWorker } from './serviceWorker';

export function App() {
  const { slug } = parseHash(useHash());
  // `#/embed/<chapter>/<Key>?…`: one widget alone, with its own store and no site around it.
  if (slug.startsWith('embed/')) return <EmbedPage path={slug.slice('embed/'.length)} />;
  return <Site slug={slug} />;
}

function Site({ slug }: { slug: string }) {
  const chapter = slug ? findChapter(slug) : undefined;
  const lecturers = slug === 'embed';
  const review = slug === 'review';

  // the site's pages only: an embed never registers the worker (nor shows its notice, which is Layout's)
  useEffect(registerServiceWorker, []);

  useEffect(() => {
    document.title = chapter
      ? `${chapter.title} · Logit Lab`
      : lecturers
        ? 'Embedding Logit Lab · Logit Lab'
        : review
          ? 'Review · Logit Lab'
          : 'Logit Lab';
  }, [chapter, lecturers, review]);

  return (
    <LabProvider>
      <KeptStoresProvider>
        <ProgressProvider>
          <Layout current={chapter?.slug} home={slug === ''} review={review}>
            {slug === '' ? (
              <HomePage />
            ) : lecturers ? (
              <LecturerPage />
            ) : review ? (
              <ReviewPage />
            ) : chapter ? (
              <ChapterPage key={chapter.slug} chapter={chapter} />
            ) : (
              <NotFoundPage slug={slug} />
            )}
          </Layout>
        </ProgressProvider>
      </KeptStoresProvider>
    </LabProvider>
  );
}
