import { useEffect, type RefObject } from 'react';

/**
 * Prose off screen is skipped (content-visibility: auto) and held at a placeholder height until it is
 * drawn, so the page would change length while the learner scrolls (softmax's desktop page went from
 * 5 001 to 4 056 px). With `contain-intrinsic-size: auto …` the browser remembers an element's size once
 * it has been drawn; so draw every part once, for two frames, whenever the chapter's content arrives or
 * the column's width changes, and let the skipping begin after that. A slider step still lays out only
 * what is on screen.
 */
export function useRememberedProseSizes(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = root.current;
    if (!element || typeof requestAnimationFrame === 'undefined') return;
    let frame = 0;
    let width = -1;
    const measure = () => {
      cancelAnimationFrame(frame);
      element.classList.add('measuring-prose');
      // the sizes are recorded when the browser next reports sizes (after layout), so hold two frames
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => element.classList.remove('measuring-prose'));
      });
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
      cancelAnimationFrame(frame);
      mutations.disconnect();
      resize?.disconnect();
      element.classList.remove('measuring-prose');
    };
  }, [root]);
}
