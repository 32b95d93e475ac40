import { describe, expect, it } from 'vitest';
import { PROSE_END, PROSE_FOLD, PROSE_START, proseOf } from '../../../src/app/chapterPageMarkup';

describe('proseOf', () => {
  it('proseOf returns what lies between the prose markers', () => {
    expect(proseOf(`<main><h1>T</h1><div class="chapter-body">${PROSE_START}<p>a</p><p>b</p>${PROSE_END}</div></main>`)).toBe('<p>a</p><p>b</p>');
  });

  it('proseOf leaves out the fold the boot script cut the page at', () => {
    expect(proseOf(`<div class="chapter-body">${PROSE_START}<p>a</p>${PROSE_FOLD}<p>b</p>${PROSE_END}</div>`)).toBe('<p>a</p><p>b</p>');
  });

  it('proseOf returns null for a page without markers (an error page from the host, say)', () => {
    expect(proseOf('<html><body>404 Not Found</body></html>')).toBeNull();
  });

  it('proseOf returns null when the end marker comes first', () => {
    expect(proseOf(`${PROSE_END}<p>a</p>${PROSE_START}`)).toBeNull();
  });
});
