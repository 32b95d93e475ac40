import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * A claim is a test. Each chapter's claims file quotes, word for word, every sentence of its MDX that
 * says what a widget will show or what a number is, and next to the quote replays the computation that
 * makes it true. The quote is looked up in the chapter's text first, so a claim whose sentence was
 * edited or deleted fails instead of guarding prose that no longer exists, and a reviewer can read the
 * claims and their checks side by side.
 */

/**
 * This file's URL, held in a constant: Vite rewrites `new URL(…, import.meta.url)` into an asset import
 * when a claims file runs in jsdom (to render a widget), and the MDX would then be compiled, not read.
 */
const HERE = import.meta.url;

/** The chapter's MDX with its line breaks and emphasis markers folded away, as a reader sees the words. */
export function chapterProse(slug: string): string {
  return normaliseProse(readFileSync(new URL(`../../content/${slug}.mdx`, HERE), 'utf8'));
}

/** Whitespace runs become one space and `*` (bold and italic markers) disappear, in prose and quote alike. */
export function normaliseProse(text: string): string {
  return text.replace(/\*/g, '').replace(/\s+/g, ' ').trim();
}

export type Check = () => void | Promise<void>;
export type Claim = (quote: string, check: Check, timeout?: number) => void;

/**
 * `describeClaims('softmax', (claim) => { claim('p = [0.090, 0.245, 0.665]', () => …) })`: one test per
 * claim, named by its quote, that fails if the quote is not in content/<slug>.mdx or the check fails.
 */
export function describeClaims(slug: string, define: (claim: Claim) => void): void {
  describe(`content/${slug}.mdx`, () => {
    const prose = chapterProse(slug);
    define((quote, check, timeout) => {
      it(`"${quote}"`, async () => {
        expect(prose, 'the claim is quoted word for word from the chapter').toContain(normaliseProse(quote));
        await check();
      }, timeout);
    });
  });
}
