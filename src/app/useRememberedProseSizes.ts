import { useEffect, type RefObject } from 'react';

/** How many of the chapter's top-level parts are drawn at once: small enough that a slow phone's frame stays short. */
const BATCH = 8;

/**
 * Prose off screen is skipped (content-visibility: auto) and held at a placeholder height until it is
 * drawn, so the page would change length while the learner scrolls (softmax's desktop page went from
 * 5 001 to 4 056 px). With `contain-intrinsic-size: auto …` the browser remembers an element's size once
 * it has been drawn; so draw every part once, whenever the chapter's content arrives or the column's
 * width changes, and let the skipping begin after that. A slider step still lays out only what is on
 * screen. The drawing waits until the page is idle and goes a few parts at a time, two frames each:
 * drawn all at once it laid out the whole chapter in one task (1.4 s on a 4×-slowed phone) before the
 * chapter's first paint, and a slider pressed meanwhile waited for it.
 */
export function useRememberedProseSizes(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = root.current;
    if (!element || typeof requestAnimationFrame === 'undefined') return;
    let frame = 0;
    let idle = 0;
    let width = -1;
    let drawing: Element[] = [];
    const stopDrawing = () => {
      cancelAnimationFrame(frame);
      cancelIdle(idle);
      for (const part of drawing) part.classList.remove('measuring-prose');
      drawing = [];
    };
    const drawFrom = (parts: Element[], start: number) => {
      drawing = parts.slice(start, start + BATCH);
      if (drawing.length === 0) {
        // every part has been drawn once: from here the page keeps its length while it is scrolled
        element.setAttribute('data-prose-sizes', 'remembered');
        return;
      }
      for (const part of drawing) part.classList.add('measuring-prose');
      // the sizes are recorded when the browser next reports sizes (after layout), so hold two frames
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => {
          for (const part of drawing) part.classList.remove('measuring-prose');
          drawing = [];
          idle = whenIdle(() => drawFrom(parts, start + BATCH));
        });
      });
    };
    const measure = () => {
      stopDrawing();
      element.removeAttribute('data-prose-sizes');
      idle = whenIdle(() => drawFrom([...element.children], 0));
    };
    // the chapter's content arrives after mount (a lazy chunk); the term highlight's <style>, which
    // comes and goes with every hover, is not content
    const isContent = (node: Node) => node.nodeName !== 'STYLE';
    const mutations = new MutationObserver((records) => {
      if (records.some((r) => [...r.addedNodes, ...r.removedNodes].some(isContent))) measure();
    });
    mutations.observe(element, { childList: true });
    const resize =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(([entry]) => {
            const next = Math.round(entry?.contentRect.width ?? 0);
            if (next !== width) {
              width = next;
              measure();
            }
          });
    resize?.observe(element);
    measure();
    return () => {
      stopDrawing();
      mutations.disconnect();
      resize?.disconnect();
    };
  }, [root]);
}

/** After the page's own work (requestIdleCallback, within a second), or a moment later where there is none. */
function whenIdle(run: () => void): number {
  if (typeof requestIdleCallback === 'function') return requestIdleCallback(run, { timeout: 1000 });
  return window.setTimeout(run, 50);
}

function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}
