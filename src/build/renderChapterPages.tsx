import type { ComponentType, ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CHAPTERS, type Chapter } from '../chapters/chapterList';
import { Layout } from '../app/Layout';
import { ChapterArticle } from '../app/ChapterArticle';
import { createProgressStore, ProgressProvider } from '../state/progressStore';
import { slotNames } from './slotNames';
import { withFold } from './proseFold';
import { PRERENDERED_ATTRIBUTE, WIDGET_SLOT_ATTRIBUTE, SLOT_PLACEHOLDER_ATTRIBUTE, PROSE_START, PROSE_END } from '../app/chapterPageMarkup';

/**
 * Loaded by the chapterPages plugin (chapterPages.ts) through Vite's SSR loader at build time; in `vite
 * dev` and vitest, a chapter's page module calls renderChapterPage itself (no second server). Every chapter's MDX is rendered here to HTML, with the site's layout around it as the app
 * draws it before the learner has solved anything; each component the MDX names becomes an empty slot
 * that the chapter's chunk fills (app/ChapterProse.tsx).
 */
type Content = ComponentType<{ components?: Record<string, ComponentType> }>;

const contents = import.meta.glob<{ default: Content }>('../../content/*.mdx');

/**
 * A widget's place in the prose, until its chapter's chunk fills it: a line saying so, never a blank.
 * Its second sentence appears only if the app has not taken the slot over long after it should have
 * (index.html's `.slot-failed`): the prose painted, but the scripts that draw the widgets never came.
 */
function Slot({ name }: { name: string }) {
  return (
    <div className="widget-slot" {...{ [WIDGET_SLOT_ATTRIBUTE]: name }} data-exercise={name.endsWith('Exercise') ? '' : undefined}>
      <p className="loading" {...{ [SLOT_PLACEHOLDER_ATTRIBUTE]: '' }}>
        Loading the widget…
        <span className="slot-failed"> It has not arrived: this page’s scripts could not be loaded. Reload the page.</span>
      </p>
    </div>
  );
}

/**
 * How much of a chapter's prose markup, at least, comes before its fold: on a phone, the opener's slot
 * and a paragraph or two of text (with inline math, a paragraph's markup runs to thousands of characters).
 */
const FOLD_AFTER_CHARS = 2000;

function page(chapter: Chapter, prose: ReactNode): string {
  const markup = renderToStaticMarkup(
    <ProgressProvider store={createProgressStore(null)}>
      <Layout current={chapter.slug}>
        <ChapterArticle chapter={chapter}>
          <div className="chapter-body" {...{ [PRERENDERED_ATTRIBUTE]: '' }}>
            {prose}
          </div>
        </ChapterArticle>
      </Layout>
    </ProgressProvider>,
  );
  return markup;
}

/** One chapter's page as it first paints, from its compiled MDX and the names of its slots (slotNames.ts). */
export function renderChapterPage(slug: string, Content: Content, slots: readonly string[]): string {
  const chapter = CHAPTERS.find((c) => c.slug === slug);
  if (!chapter) throw new Error(`no chapter ${slug}`);
  const components = Object.fromEntries(slots.map((name) => [name, () => <Slot name={name} />]));
  const prose = withFold(renderToStaticMarkup(<Content components={components} />), FOLD_AFTER_CHARS);
  const marker = '<div data-prose-marker=""></div>';
  return page(chapter, <div data-prose-marker="" />).replace(marker, `${PROSE_START}${prose}${PROSE_END}`);
}

/** slug → the chapter's page as it first paints: the layout, the chapter's head and its prose between markers. */
export async function renderChapterPages(readSource: (slug: string) => string): Promise<Record<string, string>> {
  const pages: Record<string, string> = {};
  for (const chapter of CHAPTERS) {
    if (!chapter.load) continue;
    const load = contents[`../../content/${chapter.slug}.mdx`];
    if (!load) throw new Error(`chapter ${chapter.slug} has no content/${chapter.slug}.mdx`);
    const { default: Content } = await load();
    pages[chapter.slug] = renderChapterPage(chapter.slug, Content, slotNames(readSource(chapter.slug)));
  }
  return pages;
}
