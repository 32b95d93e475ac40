import type { Element, ElementContent, Root, RootContent } from 'hast';
import { find, html, svg, type Schema } from 'property-information';

/**
 * Static math typeset at build time reaches the page as one string of HTML per formula, not as JSX.
 * MDX turns every span of KaTeX's output into a jsx() call with its props object, so a chapter's
 * formulas were a good part of its chunk (softmax's: about half); as markup set with
 * dangerouslySetInnerHTML the same DOM arrives in far fewer bytes, and React, which never updates a
 * static formula, builds one element per formula instead of dozens. Each `span.katex` is replaced by a
 * `<span className="katex" dangerouslySetInnerHTML={{ __html }}>` holding its children as KaTeX wrote
 * them; wrappers around it (display math, the punctuation keeper) stay elements, so the layout and the
 * keyboard-scrollable formulas are unchanged. Runs after rehype-katex and the plugins that read its tree.
 */
export function rehypeStaticMathHtml() {
  return (tree: Root) => {
    const visit = (parent: { children: (RootContent | ElementContent)[] }) => {
      parent.children.forEach((node, i) => {
        if (node.type === 'element' && isKatex(node)) parent.children[i] = asRawSpan(node);
        // into elements and into JSX written in the MDX (a <div> around a list of formulas) alike
        else if ('children' in node) visit(node as { children: (RootContent | ElementContent)[] });
      });
    };
    visit(tree);
  };
}

const isKatex = (node: Element): boolean =>
  node.tagName === 'span' && Array.isArray(node.properties.className) && node.properties.className.includes('katex');

/** An mdxJsxTextElement (an mdast-util-mdx-jsx node, which MDX compiles like any JSX it reads). */
function asRawSpan(node: Element): ElementContent {
  const markup = node.children.map((child) => serialize(child, html)).join('');
  const estree = {
    type: 'Program',
    sourceType: 'module',
    body: [
      {
        type: 'ExpressionStatement',
        expression: {
          type: 'ObjectExpression',
          properties: [
            {
              type: 'Property',
              kind: 'init',
              method: false,
              shorthand: false,
              computed: false,
              key: { type: 'Identifier', name: '__html' },
              value: { type: 'Literal', value: markup },
            },
          ],
        },
      },
    ],
  };
  return {
    type: 'mdxJsxTextElement',
    name: 'span',
    attributes: [
      { type: 'mdxJsxAttribute', name: 'className', value: 'katex' },
      { type: 'mdxJsxAttribute', name: 'dangerouslySetInnerHTML', value: { type: 'mdxJsxAttributeValueExpression', value: '', data: { estree } } },
    ],
    children: [],
  } as unknown as ElementContent;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** KaTeX's markup has only elements and text: enough of hast-util-to-html for that, with the same attribute names. */
function serialize(node: RootContent | ElementContent, space: Schema): string {
  if (node.type === 'text') return escapeText(node.value);
  if (node.type !== 'element') throw new Error(`static math: cannot write a ${node.type} node as HTML`);
  const inner = node.tagName === 'svg' ? svg : space;
  let attributes = '';
  for (const [name, value] of Object.entries(node.properties)) {
    if (value === null || value === undefined || value === false) continue;
    const info = find(inner, name);
    const text = value === true ? '' : Array.isArray(value) ? value.join(info.commaSeparated ? ',' : ' ') : String(value);
    attributes += ` ${info.attribute}="${escapeAttribute(text)}"`;
  }
  const children = node.children.map((child) => serialize(child, inner)).join('');
  return `<${node.tagName}${attributes}>${children}</${node.tagName}>`;
}
