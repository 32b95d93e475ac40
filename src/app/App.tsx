import { lazy, Suspense, useEffect } from 'react';
import { findChapter } from '../chapters/chapterList';
import { ChapterPage } from './ChapterPage';
import { Layout } from './Layout';
import { parseHash, useHash } from '../url/hashRoute';

// Pages a chapter's first load never shows are chunks of their own, fetched when their route opens:
// a learner opening #/softmax on a slow phone does not download the progress transfer, the review
// picker, the lecturers' page or the embed page (an iframe fetches it alongside nothing else; its
// widget's chapter chunk follows either way).
const HomePage = lazy(() => import('./HomePage').then((m) => ({ default: m.HomePage })));
const ReviewPage = lazy(() => import('./ReviewPage').then((m) => ({ default: m.ReviewPage })));
const LecturerPage = lazy(() => import('../embed/LecturerPage').then((m) => ({ default: m.LecturerPage })));
const EmbedPage = lazy(() => import('../embed/EmbedPage').then((m) => ({ default: m.EmbedPage })));
// only a mistyped address needs it: a chapter's first load does not carry it
const NotFoundPage = lazy(() => import('./NotFoundPage').then((m) => ({ default: m.NotFoundPage })));
import { LabProvider } from '../state/LabContext';
import { KeptStoresProvider } from '../state/keptStores';
import { ProgressProvider } from '../state/progressStore';
import { registerServiceWorker } from './serviceWorker';

export function App() {
  const { slug } = parseHash(useHash());
  // `#/embed/<chapter>/<Key>?…`: one widget alone, with its own store and no site around it.
  if (slug.startsWith('embed/')) {
    return (
      <Suspense fallback={<p className="loading">Loading the widget…</p>}>
        <EmbedPage path={slug.slice('embed/'.length)} />
      </Suspense>
    );
  }
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
            <Suspense fallback={<p className="loading">Loading the page…</p>}>
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
            </Suspense>
          </Layout>
        </ProgressProvider>
      </KeptStoresProvider>
    </LabProvider>
  );
}
