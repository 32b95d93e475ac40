import { useId, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { findChapter, writtenNeighbours } from '../chapters/chapterList';
import { chapterHref } from '../url/hashRoute';
import { TableOfContents } from './TableOfContents';
import { UpdateNotice } from './UpdateNotice';

/**
 * Site chrome: a header; the chapter list, beside the page on a desktop and behind a "Chapters" button
 * at the top on a phone (with the next chapter one tap away); the page; a footer with the lecturers'
 * page. The list comes before the page in the document, as on the screen, so Tab reaches it first.
 */
interface LayoutProps {
  current?: string;
  /** the home page is itself the table of contents, so it has no second one beside it */
  home?: boolean;
  /** the Review page: its link in the header says so */
  review?: boolean;
  children: ReactNode;
}

export function Layout({ current, home = false, review = false, children }: LayoutProps) {
  return (
    <div className={home ? 'layout layout-home' : 'layout'}>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to the chapter
      </a>
      <header className="site-header">
        <a className="site-name" href="#/">
          Logit Lab
        </a>
        <span className="site-tagline">softmax, cross-entropy and backprop, with numbers you can touch</span>
        <nav className="site-nav" aria-label="Site">
          <a href="#/review" aria-current={review ? 'page' : undefined}>
            Review
          </a>
        </nav>
      </header>
      {/* keyed by the chapter: choosing one from the open list closes the list behind it */}
      {!home && <ChapterMenu key={current} current={current} />}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <a href="#/">All chapters</a>
        <a href="#/embed">For lecturers: embed a widget in your course</a>
      </footer>
      <UpdateNotice />
    </div>
  );
}

/** The chapter list; on a phone folded behind a button (Escape folds it again). */
function ChapterMenu({ current }: { current?: string }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const chapter = current ? findChapter(current) : undefined;
  const next = chapter ? writtenNeighbours(chapter).next : undefined;
  const toggle = useRef<HTMLButtonElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    // focus inside the list would fall to the page's start once the list is hidden: give it to the button
    if (event.target !== toggle.current) toggle.current?.focus();
  };
  return (
    <aside className="site-toc" aria-label="All chapters" data-open={open} onKeyDown={onKeyDown}>
      <div className="site-toc-bar">
        <button ref={toggle} type="button" className="site-toc-toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          Chapters{' '}
          <span className="site-toc-caret" aria-hidden="true">
            {open ? '▴' : '▾'}
          </span>
        </button>
        {next && (
          <a className="site-toc-next" href={chapterHref(next.slug)}>
            <NoOrphanArrow text={`Next: ${next.title}`} />
          </a>
        )}
      </div>
      <div id={listId} className="site-toc-list">
        <TableOfContents current={current} />
      </div>
    </aside>
  );
}

// The hash is the router's, so the skip link moves focus itself instead of navigating to "#main".
function skipToMain(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

/** "Next: Logistic regression" + " →", with its last word and the arrow kept together, so the arrow never wraps alone. */
function NoOrphanArrow({ text }: { text: string }) {
  const cut = text.lastIndexOf(' ');
  // one span: the link is a flex box, which would lay out loose text pieces as separate items
  return (
    <span>
      {text.slice(0, cut + 1)}
      <span className="nowrap">{text.slice(cut + 1)} →</span>
    </span>
  );
}
