import { CHAPTERS, isWritten } from '../chapters/chapterList';
import { chapterHref } from '../url/hashRoute';
import { ProgressBadge } from './ChapterProgress';

/** All 13 chapters, with a line on each where `summaries` has one; the unwritten ones are listed as coming and are not links. */
export function TableOfContents({ current, summaries }: { current?: string; summaries?: Readonly<Record<string, string>> }) {
  return (
    <nav className="toc" aria-label="Chapters">
      <ol>
        {CHAPTERS.map((c) => (
          <li key={c.slug} className={isWritten(c) ? 'toc-ready' : 'toc-coming'}>
            <span className="toc-number" aria-hidden="true">
              {c.number}
            </span>
            {isWritten(c) ? (
              <a href={chapterHref(c.slug)} aria-current={c.slug === current ? 'page' : undefined}>
                {c.title}
              </a>
            ) : (
              <span className="toc-title">
                {c.title} <span className="toc-badge">coming</span>
              </span>
            )}
            {isWritten(c) && <ProgressBadge slug={c.slug} />}
            {summaries?.[c.slug] && <span className="toc-summary">{summaries[c.slug]}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
