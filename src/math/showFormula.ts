import { toHtml, type TypesetFormula } from './texTemplate';

/**
 * Put a typeset formula into `root`, whose content is `previous`. Replacing the HTML at every slider
 * step would cost a parse, a style pass for a few hundred new elements and a fresh layout of all of
 * them; when the markup is the same as before (the usual case, see texTemplate.ts), only the text
 * nodes whose digits changed are rewritten.
 */
export function showFormula(root: HTMLElement, next: TypesetFormula, previous: TypesetFormula | null): void {
  if (previous && previous.markup === next.markup) {
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    if (nodes.length === next.texts.length) {
      next.texts.forEach((text, i) => {
        const node = nodes[i] as Text;
        if (node.nodeValue !== text) node.nodeValue = text;
      });
      return;
    }
  }
  root.innerHTML = toHtml(next);
}
