import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAPTERS, isWritten } from '../../src/chapters/chapterList';
import { chapterProse, normaliseProse } from './chapterClaims';

const claimsFile = (slug: string) => new URL(`./${slug}.claims.test.ts`, import.meta.url);

describe('claims files', () => {
  for (const chapter of CHAPTERS.filter(isWritten)) {
    it(`tests/claims/${chapter.slug}.claims.test.ts exists and quotes its chapter at least five times`, () => {
      expect(existsSync(claimsFile(chapter.slug))).toBe(true);
      const source = readFileSync(claimsFile(chapter.slug), 'utf8');
      expect(source).toContain(`describeClaims('${chapter.slug}'`);
      expect(source.match(/\bclaim\(/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
    });
  }

  it('normaliseProse folds line breaks and emphasis, so a quote matches across an MDX line break', () => {
    expect(normaliseProse('a **bold**\n  claim')).toBe('a bold claim');
    expect(chapterProse('softmax')).not.toMatch(/\n/);
  });
});
