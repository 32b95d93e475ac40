import prerendered from 'virtual:prerendered-tex';
import { katexOptions } from './katexOptions';
import { texKey } from './texKeys';

/**
 * Where live formulas get their HTML. KaTeX's runtime is the largest piece of JavaScript on a chapter
 * (about 76 KB gzipped), and a formula only needs it once its numbers move. So the formulas of every
 * chapter's starting state are typeset at build time (`virtual:prerendered-tex`, see
 * src/build/prerenderTex.ts), and the runtime is fetched the first time a formula is asked for that
 * is not among them. Until it arrives, `<Tex>` keeps showing the formula it showed last.
 */

type Katex = typeof import('katex').default;

let katex: Katex | null = null;
let loading: Promise<void> | null = null;
let failed = false;
const listeners = new Set<() => void>();

const CACHE_LIMIT = 500;
const cache = new Map<string, string>();

/** The HTML for a formula if it can be had now, or undefined while KaTeX's runtime is on its way. */
export function renderTexNow(tex: string, display: boolean): string | undefined {
  const key = texKey(tex, display);
  const known = cache.get(key) ?? prerendered[key];
  if (known !== undefined) return known;
  if (!katex) return undefined;
  const html = katex.renderToString(tex, katexOptions(display));
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, html);
  return html;
}

/** Fetch KaTeX's runtime once; every subscriber hears when it is ready (or has failed). */
export function loadKatex(): Promise<void> {
  loading ??= import('katex').then(
    (m) => {
      katex = m.default;
      listeners.forEach((f) => f());
    },
    () => {
      failed = true;
      listeners.forEach((f) => f());
    },
  );
  return loading;
}

export function katexFailed(): boolean {
  return failed;
}

export function subscribeKatex(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function katexVersion(): number {
  return katex ? 2 : failed ? 1 : 0;
}
