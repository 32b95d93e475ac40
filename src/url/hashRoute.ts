import { useSyncExternalStore } from 'react';

/**
 * Hash routes (`#/softmax?z=2,3,4&T=1`): the site is static files under any sub-path, so the route
 * and the widget state live after the `#`, where no server ever sees them.
 */
export interface HashRoute {
  slug: string;
  query: URLSearchParams;
}

export function parseHash(hash: string): HashRoute {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const path = q === -1 ? body : body.slice(0, q);
  const query = readQuery(q === -1 ? '' : body.slice(q + 1));
  return { slug: decodeURIComponentSafe(path).replace(/\/+$/, ''), query };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * A query as URLSearchParams reads it, but a key or value that is not valid percent-encoding
 * (`%E0%A4%A`, a lone `%`) is kept as typed rather than turned into U+FFFD or a stray '%': a reader
 * then refuses it (no number or choice looks like that) and its notice repeats what was typed.
 */
export function readQuery(text: string): URLSearchParams {
  const query = new URLSearchParams();
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [key, value] = eq === -1 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    query.append(decodeQueryPart(key), decodeQueryPart(value));
  }
  return query;
}

function decodeQueryPart(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

export function chapterHref(slug: string, query?: URLSearchParams): string {
  const qs = query?.toString();
  return `#/${slug}${qs ? `?${qs}` : ''}`;
}

/**
 * Call `onChange` whenever the address's hash changes from outside the page's own writes (a link
 * followed, an address typed, back and forward; replaceQuery fires nothing). Returns the unsubscribe.
 */
export function onHashChange(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

/** The route and query the address bar holds now: the one place the app reads location.hash. */
export function currentRoute(): HashRoute {
  return parseHash(window.location.hash);
}

/** The current hash, re-rendering on navigation. Parse it with parseHash where needed. */
export function useHash(): string {
  return useSyncExternalStore(onHashChange, getHash, () => '');
}

/**
 * Replace the query of the current route without a history entry per slider step (the back button
 * should leave the chapter, not undo 200 drags).
 */
export function replaceQuery(query: URLSearchParams): void {
  const { slug } = currentRoute();
  const next = chapterHref(slug, query);
  if (next !== window.location.hash) {
    window.history.replaceState(window.history.state, '', next);
  }
}

/**
 * Changes some keys of the current route's query and leaves the rest, without a history entry: each
 * widget of a page writes only its own keys, and the lab inputs theirs, into one address.
 */
export function updateHashQuery(change: (query: URLSearchParams) => void): void {
  const { slug, query } = currentRoute();
  change(query);
  const next = chapterHref(slug, query);
  if (next !== window.location.hash) {
    window.history.replaceState(window.history.state, '', next);
  }
}

/**
 * Changes some keys of the current route's query as a navigation (a history entry, and 'hashchange'
 * fires): every widget and the lab inputs read the new address, as when a link is followed.
 */
export function followQuery(change: (query: URLSearchParams) => void): void {
  const { slug, query } = currentRoute();
  change(query);
  window.location.hash = chapterHref(slug, query);
}
