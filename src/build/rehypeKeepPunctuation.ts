import type { ElementContent, Root, RootContent } from 'hast';

/** Punctuation that belongs to the word before it: never the first character of a line. */
const TRAILING = /^[.,;:!?)\]’”]+/;

/**
 * Longer formulas may need KaTeX's own line breaks (after = or +) on a narrow phone; keeping them whole
 * could push them off the screen, so only formulas up to this many characters of TeX are kept whole.
 */
const MAX_TEX_LENGTH = 40;

const isInlineMath = (node: RootContent | ElementContent): boolean =>
  node.type === 'element' && node.tagName === 'span' && Array.isArray(node.properties.className) && node.properties.className.includes('katex');

/** The TeX source KaTeX keeps in its MathML annotation. */
function texSource(node: RootContent | ElementContent): string {
  if (node.type === 'text') return '';
  if (node.type !== 'element') return '';
  if (node.tagName === 'annotation') return node.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
  return node.children.map(texSource).join('');
}

/**
 * A browser may break a line between inline math and the punctuation after it ("… is $p_t$."), which
 * leaves a lone "." or "," at the start of the next line on a phone. This wraps each inline formula
 * together with the punctuation that follows it in a `<span class="math-nowrap">` (white-space: nowrap),
 * as typesetters do. Display math, long formulas and text without a formula are untouched.
 */
export function rehypeKeepPunctuation() {
  return (tree: Root) => {
    const visit = (parent: { children: (RootContent | ElementContent)[] }) => {
      for (let i = 0; i < parent.children.length; i++) {
        const node = parent.children[i]!;
        const next = parent.children[i + 1];
        if (isInlineMath(node) && next?.type === 'text' && texSource(node).length <= MAX_TEX_LENGTH) {
          const punctuation = TRAILING.exec(next.value)?.[0];
          if (punctuation) {
            next.value = next.value.slice(punctuation.length);
            parent.children[i] = {
              type: 'element',
              tagName: 'span',
              properties: { className: ['math-nowrap'] },
              children: [node as ElementContent, { type: 'text', value: punctuation }],
            };
            continue;
          }
        }
        if ('children' in node && !isInlineMath(node)) visit(node as { children: (RootContent | ElementContent)[] });
      }
    };
    visit(tree);
  };
}
