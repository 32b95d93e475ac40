import { useEffect, type RefObject } from 'react';

/**
 * A display formula wider than the screen scrolls sideways in its own box; a keyboard user can only
 * scroll a box that takes focus. Making every formula a tab stop would bury the controls under a
 * dozen stops, so only the formulas that overflow right now get one, and lose it when the screen is
 * wide enough again.
 */
export function useKeyboardScrollableMath(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = root.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      for (const math of element.querySelectorAll<HTMLElement>('.katex-display')) {
        // Already reachable inside a focusable box (a live formula). `main` has tabindex −1 for the skip
        // link: that makes it focusable from script, not from the Tab key, so it does not count.
        if (math.parentElement?.closest('[tabindex]:not([tabindex^="-"])')) continue;
        if (math.scrollWidth > math.clientWidth + 1) {
          math.tabIndex = 0;
          math.setAttribute('role', 'group');
          math.setAttribute('aria-label', 'Formula (scrolls sideways)');
        } else if (math.hasAttribute('tabindex')) {
          math.removeAttribute('tabindex');
          math.removeAttribute('role');
          math.removeAttribute('aria-label');
        }
      }
    };
    const observer = new ResizeObserver(update);
    observer.observe(element);
    // Prose off screen is skipped by content-visibility, so its formulas have no width until they
    // are drawn: check again whenever a skipped part starts (or stops) being rendered. The event does
    // not bubble, hence the capture.
    element.addEventListener('contentvisibilityautostatechange', update, { capture: true });
    // the chapter's content arrives after mount (a lazy chunk): watch for it
    const mutations = new MutationObserver(update);
    mutations.observe(element, { childList: true, subtree: false });
    update();
    return () => {
      element.removeEventListener('contentvisibilityautostatechange', update, { capture: true });
      observer.disconnect();
      mutations.disconnect();
    };
  }, [root]);
}
