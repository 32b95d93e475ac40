/**
 * The markup a prerendered chapter page (build/renderChapterPages.tsx) and the app that takes it over
 * (app/ChapterProse.tsx) agree on. Plain constants: the app imports them, the build writes them.
 */

/** The attribute naming the widget a slot in the prose is for: `<div data-widget-slot="SoftmaxExplorer">`. */
export const WIDGET_SLOT_ATTRIBUTE = 'data-widget-slot';
/** Around the prose inside the page: the app cuts it out of the page fetched for a chapter opened later. */
export const PROSE_START = '<!--prose-->';
export const PROSE_END = '<!--/prose-->';
/**
 * Between two top-level elements of the prose, after a first screen's worth (build/proseFold.ts):
 * index.html's boot script shows the page up to here while the rest is still on its way.
 */
export const PROSE_FOLD = '<!--fold-->';

/** The chapter's prose out of its prerendered page, or null if the page has none. */
export function proseOf(page: string): string | null {
  const start = page.indexOf(PROSE_START);
  const end = page.indexOf(PROSE_END);
  return start < 0 || end < start ? null : page.slice(start + PROSE_START.length, end).replace(PROSE_FOLD, '');
}

/** Marks a slot's loading line written by the build, which the app removes when it draws the widget. */
export const SLOT_PLACEHOLDER_ATTRIBUTE = 'data-slot-placeholder';

/** On the chapter body of a prerendered page: the one the boot script showed, whose nodes the app may take over. */
export const PRERENDERED_ATTRIBUTE = 'data-prerendered';
