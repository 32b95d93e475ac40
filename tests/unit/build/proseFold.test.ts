import { describe, expect, it } from 'vitest';
import { topLevelEnds, withFold } from '../../../src/build/proseFold';
import { PROSE_FOLD } from '../../../src/app/chapterPageMarkup';

describe('topLevelEnds', () => {
  it('topLevelEnds finds the end of each top-level element, not of those nested in it', () => {
    const html = '<p>a <em>b</em></p>\n<div><div>c</div></div><h2>d</h2>';
    const ends = topLevelEnds(html);
    expect(ends.map((end) => html.slice(0, end))).toEqual([
      '<p>a <em>b</em></p>',
      '<p>a <em>b</em></p>\n<div><div>c</div></div>',
      html,
    ]);
  });

  it('topLevelEnds counts neither void elements, self-closed SVG shapes nor tags inside comments', () => {
    const html = '<p>x<br/>y<img src="a.png" alt=""/></p><svg viewBox="0 0 1 1"><path d="M0 0"/><line x1="0"></line></svg><!-- <div> --><ul><li>z</li></ul>';
    const ends = topLevelEnds(html);
    expect(ends).toHaveLength(3);
    expect(html.slice(ends[0], ends[1])).toBe('<svg viewBox="0 0 1 1"><path d="M0 0"/><line x1="0"></line></svg>');
    expect(html.slice(ends[1])).toBe('<!-- <div> --><ul><li>z</li></ul>');
  });

  it('topLevelEnds reads an address with slashes in an attribute as an opening tag', () => {
    const html = '<p><a href="#/softmax/">s</a></p><p>t</p>';
    expect(topLevelEnds(html)).toEqual([html.indexOf('<p>t'), html.length]);
  });

  it('topLevelEnds trusts no end in markup whose tags it reads as unbalanced (a raw "/>" inside an attribute)', () => {
    expect(topLevelEnds('<p><span title="x/>y">z</span></p><p>w</p>')).toEqual([]);
  });
});

describe('withFold', () => {
  const first = `<p>${'a'.repeat(30)}</p>`;
  const second = `<div><p>${'b'.repeat(30)}</p></div>`;
  const third = '<p>c</p>';

  it('withFold marks the end of the first top-level element that ends minChars or more into the prose', () => {
    expect(withFold(first + second + third, first.length + 1)).toBe(first + second + PROSE_FOLD + third);
    expect(withFold(first + second + third, first.length)).toBe(first + PROSE_FOLD + second + third);
  });

  it('withFold leaves prose alone when nothing would come after the fold', () => {
    expect(withFold(first + second, first.length + 1)).toBe(first + second);
    expect(withFold(first, 1000)).toBe(first);
  });
});
