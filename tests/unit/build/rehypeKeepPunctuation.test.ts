import { compile } from '@mdx-js/mdx';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { rehypeKeepPunctuation } from '../../../src/build/rehypeKeepPunctuation';

/** The chapter pipeline's math plugins, compiled to a JS string in which the JSX tree can be read. */
async function compileProse(mdx: string): Promise<string> {
  const file = await compile(mdx, { remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex, rehypeKeepPunctuation] });
  return String(file);
}

const nowrapSpans = (js: string) => js.match(/"math-nowrap"/g)?.length ?? 0;

describe('rehypeKeepPunctuation', () => {
  it('"is $p_t$." keeps the full stop with the formula in one math-nowrap span', async () => {
    const js = await compileProse('The loss is $p_t$. Next sentence.');
    expect(nowrapSpans(js)).toBe(1);
    // the stop moved into the span: the text after the formula now starts with the space
    expect(js).toMatch(/"math-nowrap"[\s\S]*?"\."[\s\S]*?" Next sentence\."/);
  });

  it('a comma, a closing parenthesis and a run of them (").") are kept too', async () => {
    const js = await compileProse('(see $x$), then $y$). And $z$; done.');
    expect(nowrapSpans(js)).toBe(3);
    expect(js).toContain('"),"');
    expect(js).toContain('")."');
  });

  it('a long formula keeps its own line breaks: over 40 characters of TeX it is not wrapped', async () => {
    const js = await compileProse('So $\\mathrm{KL}(\\mathbf y \\,\\|\\, \\mathbf p) = H(\\mathbf y, \\mathbf p) - H(\\mathbf y)$. Next.');
    expect(nowrapSpans(js)).toBe(0);
  });

  it('a formula followed by a space or a word, and display math, are left alone', async () => {
    const js = await compileProse('Here $a$ and $b$ stay.\n\n$$\nc = d.\n$$\n');
    expect(nowrapSpans(js)).toBe(0);
  });
});
