import { chapterPages } from 'virtual:chapter-pages';
import { PRERENDERED_ATTRIBUTE, proseOf } from './chapterPageMarkup';

/** What index.html's boot script leaves for the app: the opened chapter's page, fetched before any script ran. */
interface BootPage {
  slug: string;
  html: string | null;
  ready: Promise<string | null>;
  /** the page's first screen is shown, the rest was still on its way (build/chapterPages.ts) */
  partial?: true;
}

declare global {
  interface Window {
    __chapterPage?: BootPage;
    /** slug → the file of its prerendered page, under assets/: read by virtual:chapter-pages in a build */
    __chapterPageFiles?: Readonly<Record<string, string>>;
  }
}

/** Said in the prose's place when the chapter's page cannot be fetched (offline before any visit). */
export const PROSE_FAILED =
  '<p class="notice" role="alert">This chapter’s text could not be loaded. Check the connection and reload the page.</p>';

const known = new Map<string, string>();
const pending = new Map<string, Promise<string>>();

const bootPage = (slug: string): BootPage | undefined => {
  const boot = typeof window === 'undefined' ? undefined : window.__chapterPage;
  return boot?.slug === slug ? boot : undefined;
};

/**
 * While the boot script shows the opened chapter's first screen and the rest of its page is still on
 * its way: a promise settled once it has all arrived (or failed to). The app's first frame replaces
 * #root, and without the page it could only say "Loading the chapter…" where the learner was reading.
 */
export function bootPageArriving(): Promise<unknown> | undefined {
  const boot = typeof window === 'undefined' ? undefined : window.__chapterPage;
  return boot?.partial && boot.html === null ? boot.ready : undefined;
}

/** The chapter's prose if it is here already (fetched by the boot script, or earlier): no waiting, no Suspense. */
export function proseNow(slug: string): string | undefined {
  const seen = known.get(slug);
  if (seen !== undefined) return seen;
  const html = bootPage(slug)?.html;
  const prose = html ? proseOf(html) : null;
  if (prose === null) return undefined;
  known.set(slug, prose);
  return prose;
}

/** The chapter's prose: from the boot script's fetch when it is the opened chapter, else fetched now (the service worker has it offline). */
export function loadProse(slug: string): Promise<string> {
  let promise = pending.get(slug);
  if (!promise) {
    const boot = bootPage(slug);
    const page = boot ? boot.ready.then((html) => html ?? fetchPage(slug)) : fetchPage(slug);
    promise = page
      .then((html) => proseOf(html) ?? PROSE_FAILED)
      .catch(() => PROSE_FAILED)
      .then((prose) => {
        // a failure is kept too, so the page that shows it does not ask again at every render;
        // forgetFailedProse lets the next visit try again
        if (prose !== PROSE_FAILED) known.set(slug, prose);
        return prose;
      });
    pending.set(slug, promise);
  }
  return promise;
}

/** After a failed load has been shown: the chapter's next visit fetches its page again. */
export function forgetFailedProse(slug: string): void {
  if (!known.has(slug)) pending.delete(slug);
}

function fetchPage(slug: string): Promise<string> {
  const load = chapterPages[slug];
  return load ? load() : Promise.reject(new Error(`no prerendered page for chapter ${slug}`));
}

const shown = new Map<string, Node[]>();
const taken = new Set<string>();

/**
 * The prose nodes of the page the boot script has shown for `slug`, for the app to move into its own
 * chapter body instead of parsing and laying out the same HTML again (on a slow phone that was most of
 * a second before the first slider answered). Read while the app draws its first frame, before that
 * frame replaces #root; the same nodes on every call until `takeBootProse` hands them over, once.
 */
export function bootProseNodes(slug: string): Node[] | undefined {
  if (taken.has(slug)) return undefined;
  const known = shown.get(slug);
  if (known) return known;
  if (!bootPage(slug) || typeof document === 'undefined') return undefined;
  // the boot page's body only: not the app's own "Loading the chapter…" body, drawn when the app came first
  const body = document.querySelector(`#root .chapter-body[${PRERENDERED_ATTRIBUTE}]`);
  if (!body) return undefined;
  // the markers around the prose are for cutting it out of the page's text, not part of it
  const nodes = [...body.childNodes].filter((n) => n.nodeType !== Node.COMMENT_NODE);
  shown.set(slug, nodes);
  return nodes;
}

/** Hands the boot page's prose nodes over to the chapter body that shows them; later calls get nothing. */
export function takeBootProse(slug: string): Node[] | undefined {
  const nodes = bootProseNodes(slug);
  shown.delete(slug);
  taken.add(slug);
  return nodes;
}
