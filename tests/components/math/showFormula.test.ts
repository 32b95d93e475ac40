import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { liveKatexOptions } from '../../../src/math/katexOptions';
import { showFormula } from '../../../src/math/showFormula';
import { parseTypeset } from '../../../src/math/texTemplate';

const typeset = (tex: string) => parseTypeset(katex.renderToString(tex, liveKatexOptions(true)));

describe('showFormula', () => {
  it('showFormula with the same markup rewrites only the changed text, keeping every element', () => {
    const root = document.createElement('div');
    const first = typeset('\\frac{54.598}{82.073} = \\term{p-3}{0.665}');
    showFormula(root, first, null);
    const elements = [...root.querySelectorAll('*')];
    const next = typeset('\\frac{60.340}{87.815} = \\term{p-3}{0.687}');
    showFormula(root, next, first);
    expect([...root.querySelectorAll('*')]).toEqual(elements);
    expect(root.querySelector('[data-term="p-3"]')?.textContent).toBe('0.687');
    expect(root.innerHTML).toBe(katex.renderToString('\\frac{60.340}{87.815} = \\term{p-3}{0.687}', liveKatexOptions(true)));
  });

  it('showFormula with different markup replaces the content', () => {
    const root = document.createElement('div');
    const first = typeset('\\term{p-1}{0.5}');
    showFormula(root, first, null);
    const old = root.firstElementChild;
    showFormula(root, typeset('\\frac{1}{2}'), first);
    expect(root.firstElementChild).not.toBe(old);
    expect(root.querySelector('.mfrac')).not.toBeNull();
  });

  it('showFormula falls back to replacing when the page’s text nodes are not what it left there', () => {
    const root = document.createElement('div');
    const first = typeset('x = 1.5');
    showFormula(root, first, null);
    root.querySelector('.mord')?.append(document.createTextNode('!'));
    showFormula(root, typeset('x = 2.5'), first);
    expect(root.textContent).toBe('x=2.5');
  });
});
