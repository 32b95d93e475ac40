import type { MouseEvent, ReactNode } from 'react';
import { TableOfContents } from './TableOfContents';

/** Site chrome: a header, the chapter list beside (desktop) or below (phone) the page. */
interface LayoutProps {
  current?: string;
  /** the home page is itself the table of contents, so it has no second one beside it */
  home?: boolean;
  children: ReactNode;
}

export function Layout({ current, home = false, children }: LayoutProps) {
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
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      {/* after main in the DOM: on a phone the list follows the page; on a desktop it sits beside it */}
      {!home && (
        <aside className="site-toc" aria-label="All chapters">
          <TableOfContents current={current} />
        </aside>
      )}
    </div>
  );
}

// The hash is the router's, so the skip link moves focus itself instead of navigating to "#main".
function skipToMain(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
