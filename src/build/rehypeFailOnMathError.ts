import type { VFile } from 'vfile';

/**
 * rehype-katex reports bad static math as a message and renders it in red; a chapter must never ship
 * that, so the build stops here instead, naming the file and the formula.
 */
export function rehypeFailOnMathError() {
  return (_tree: unknown, file: VFile) => {
    const bad = file.messages.find((m) => m.source === 'rehype-katex');
    if (bad) throw new Error(`${file.path}: ${bad.reason}: ${String(bad.cause)}`);
  };
}
