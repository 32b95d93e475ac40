import type { ComponentType, ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CHAPTERS, type Chapter } from '../chapters/chapterList';
import { Layout } from '../app/Layout';
import { ChapterArticle } from '../app/ChapterArticle';
import { createProgressStore, ProgressProvider } from '../state/progressStore';
import { slotNames } from './slotNames';
import { PRERENDERED_ATTRIBUTE, WIDGET_SLOT_ATTRIBUTE, SLOT_PLACEHOLDER_ATTRIBUTE, PROSE_START, PROSE_END } from '../app/chapterPageMarkup';

/**
 * Loaded by the chapterPages plugin (chapterPages.ts) through Vite's SSR loader at build time, never by
 * the app. Every chapter's MDX is rendered here to HTML, with the site's layout around it as the app
 * draws it before the learner has solved anything; each component the MDX names becomes an empty slot
 * that the chapter's chunk fills (app/ChapterProse.tsx).
 */
const contents = import.meta.glob<{ default: ComponentType<{ components?: Record<string, ComponentType> }> }>('../../content/*.mdx');

/** A widget's place in the prose, until its chapter's chunk fills it: a line saying so, never a blank. */
function Slot({ name }: { name: string }) {
  return (
    <div className="widget-slot" {...{ [WIDGET_SLOT_ATTRIBUTE]: name }} data-exercise={name.endsWith('Exercise') ? '' : undefined}>
      <p className="loading" {...{ [SLOT_PLACEHOLDER_ATTRIBUTE]: '' }}>Loading the widget…</p>
    </div>
  );
}

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

/** slug → the chapter's page as it first paints: the layout, the chapter's head and its prose between markers (`only`: one chapter's). */
export async function renderChapterPages(readSource: (slug: string) => string, only?: string): Promise<Record<string, string>> {
  const pages: Record<string, string> = {};
  for (const chapter of CHAPTERS) {
    if (!chapter.load || (only !== undefined && chapter.slug !== only)) continue;
    const file = `../../content/${chapter.slug}.mdx`;
    const load = contents[file];
    if (!load) throw new Error(`chapter ${chapter.slug} has no content/${chapter.slug}.mdx`);
    const { default: Content } = await load();
    const mdx = readSource(chapter.slug);
    const components = Object.fromEntries(slotNames(mdx).map((name) => [name, () => <Slot name={name} />]));
    const prose = renderToStaticMarkup(<Content components={components} />);
    const marker = '<div data-prose-marker=""></div>';
    pages[chapter.slug] = page(chapter, <div data-prose-marker="" />).replace(marker, `${PROSE_START}${prose}${PROSE_END}`);
  }
  return pages;
}
