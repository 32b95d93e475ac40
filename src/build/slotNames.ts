/**
 * The components an MDX file uses that it does not import itself: the chapter's widgets, which its
 * chunk fills in. Each becomes a slot in the prerendered page (renderChapterPages.tsx). MDX comments
 * (`{/* … *\/}`) are skipped, so a component only mentioned there gets no slot.
 */
export function slotNames(mdx: string): string[] {
  const code = mdx.replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
  const imported = new Set([...code.matchAll(/^import\s+(\w+)\s+from/gm)].map((m) => m[1]));
  const used = [...code.matchAll(/<([A-Z]\w*)[\s/>]/g)].map((m) => m[1] as string);
  return [...new Set(used)].filter((name) => !imported.has(name));
}
