import { PROSE_FOLD } from '../app/chapterPageMarkup';

/** Elements that never have an end tag in HTML. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/**
 * A comment, or a start or end tag. React escapes `<` and `>` in the text and attributes it writes; the
 * static math's HTML, which it writes as it is given, escapes them in its text but not in attribute
 * values, where KaTeX puts none for what the chapters typeset. Should one ever come, the depth below
 * no longer ends at 0 and no fold is marked.
 */
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;

/** Where each top-level element of `html` (React's static markup: every element closed) ends; none if its tags do not balance. */
export function topLevelEnds(html: string): number[] {
  const ends: number[] = [];
  let depth = 0;
  for (const match of html.matchAll(TOKEN)) {
    const [token, closing, name = '', selfClosing] = match;
    if (token.startsWith('<!--') || VOID.has(name.toLowerCase()) || selfClosing) continue;
    depth += closing ? -1 : 1;
    if (closing && depth === 0) ends.push(match.index + token.length);
  }
  // markup this scanner misread: no element's end can be trusted
  return depth === 0 ? ends : [];
}

/**
 * The prose with the fold marked after its first top-level element that ends `minChars` or more into
 * it: what comes before it is a first screen's worth, which the boot script shows while the rest is
 * still on its way (build/chapterPages.ts). Prose too short to be worth cutting is left whole.
 */
export function withFold(prose: string, minChars: number): string {
  const at = topLevelEnds(prose).find((end) => end >= minChars);
  return at === undefined || at >= prose.length ? prose : `${prose.slice(0, at)}${PROSE_FOLD}${prose.slice(at)}`;
}
