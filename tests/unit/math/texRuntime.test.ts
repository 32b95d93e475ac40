import katex from 'katex';
import { describe, expect, it, vi } from 'vitest';
import { loadKatex, typesetNow } from '../../../src/math/texRuntime';
import { liveKatexOptions } from '../../../src/math/katexOptions';
import { parseTypeset } from '../../../src/math/texTemplate';

describe('typesetNow', () => {
  it('typesetNow typesets a shape that allows no template once per formula, never learning it again', async () => {
    await loadKatex();
    const render = vi.spyOn(katex, 'renderToString');
    // 10^{-4} without braces: KaTeX binds the power to the 0, so this shape has no template
    const formulas = [4.53, 4.54, 4.55, 4.56, 4.57].map((m) => `${m} \\times 10^{-4}`);
    for (const tex of formulas) {
      expect(typesetNow(tex, false)).toEqual(parseTypeset(katex.renderToString(tex, liveKatexOptions(false))));
    }
    // the checks above render each formula once more themselves
    const byRuntime = render.mock.calls.length - formulas.length;
    // the first formula: itself and one probe (learning fails); then one render per new formula
    expect(byRuntime).toBe(2 + (formulas.length - 1));
    render.mockRestore();
  });

  it('typesetNow fills a learned shape from its template without KaTeX', async () => {
    await loadKatex();
    const render = vi.spyOn(katex, 'renderToString');
    typesetNow('p = 0.125 + 1.50', true);
    const learning = render.mock.calls.length;
    expect(typesetNow('p = 0.250 + 2.75', true)?.texts).toContain('0.250');
    expect(render.mock.calls.length).toBe(learning);
    render.mockRestore();
  });
});
