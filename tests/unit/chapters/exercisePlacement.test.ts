import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * An exercise's heading is an h3 in a chapter (an h2 in an embed): each must stand inside an h2
 * section, never straight under the chapter's h1, or the headings skip a level (axe's heading-order).
 */
const CONTENT = join(process.cwd(), 'content');

describe('the exercises in content/*.mdx', () => {
  it('each <…Exercise /> comes after a ## heading of its chapter', () => {
    const misplaced: string[] = [];
    let seen = 0;
    for (const file of readdirSync(CONTENT).filter((f) => f.endsWith('.mdx'))) {
      let sectioned = false;
      for (const line of readFileSync(join(CONTENT, file), 'utf8').split('\n')) {
        if (/^##+ /.test(line)) sectioned = true;
        if (/<\w+Exercise\s*\/>/.test(line)) {
          seen++;
          if (!sectioned) misplaced.push(`${file}: ${line.trim()}`);
        }
      }
    }
    expect(seen).toBe(34);
    expect(misplaced).toEqual([]);
  });
});
