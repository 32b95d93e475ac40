import { describe, expect, it } from 'vitest';
import { count, shown, unknownKeys } from '../../../src/url/addressNotices';

describe('addressNotices', () => {
  it('count(3, 3, "numbers") is "exactly 3 numbers"; count(2, 8, …) "2 to 8 …"; count(0, 40, …) "up to 40 …"', () => {
    expect(count(3, 3, 'numbers')).toBe('exactly 3 numbers');
    expect(count(2, 8, 'numbers')).toBe('2 to 8 numbers');
    expect(count(0, 40, 'points')).toBe('up to 40 points');
  });

  it('shown() keeps 40 characters (whole code points) then "…", and drops control and bidi characters', () => {
    expect(shown('a'.repeat(40))).toBe('a'.repeat(40));
    expect(shown('a'.repeat(41))).toBe(`${'a'.repeat(40)}…`);
    expect(shown('😀'.repeat(41))).toBe(`${'😀'.repeat(40)}…`);
    expect(shown('a\u202eb\u0000c\nd')).toBe('abcd');
  });

  it('unknownKeys() names three keys and counts the rest', () => {
    expect(unknownKeys(['a', 'b', 'c', 'd', 'e'])).toEqual([
      'ignored a: not a setting of this page',
      'ignored b: not a setting of this page',
      'ignored c: not a setting of this page',
      'ignored 2 more keys: not settings of this page',
    ]);
  });
});
