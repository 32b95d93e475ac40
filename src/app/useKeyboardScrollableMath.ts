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
    const check = (math: HTMLElement) => {
      // Already reachable inside a focusable box (a live formula). `main` has tabindex −1 for the skip
      // link: that makes it focusable from script, not from the Tab key, so it does not count.
      if (math.parentElement?.closest('[tabindex]:not([tabindex^="-"])')) return;
      // Prose off screen is skipped by content-visibility, and asking a skipped formula for its width
      // lays it out: on a slow phone, asking all of them laid out the whole chapter before its first
      // paint. A skipped formula is checked when it starts being rendered (the event below).
      if (math.checkVisibility?.({ contentVisibilityAuto: true }) === false) return;
      if (math.scrollWidth > math.clientWidth + 1) {
        math.tabIndex = 0;
        math.setAttribute('role', 'group');
        math.setAttribute('aria-label', 'Formula (scrolls sideways)');
      } else if (math.hasAttribute('tabindex')) {
        math.removeAttribute('tabindex');
        math.removeAttribute('role');
        math.removeAttribute('aria-label');
      }
    };
    const within = (scope: Element) => {
      if (scope instanceof HTMLElement && scope.matches('.katex-display')) check(scope);
      for (const math of scope.querySelectorAll<HTMLElement>('.katex-display')) check(math);
    };
    const update = () => within(element);
    // The chapter's content arrives after mount (a lazy chunk): check it once it has been painted,
    // not in between its arrival and its first paint.
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const afterPaint = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      frame = requestAnimationFrame(() => {
        timer = setTimeout(update);
      });
    };
    // Only the part that started being rendered: its formulas now have widths.
    const onVisibility = (event: Event) => {
      if ((event as Event & { skipped?: boolean }).skipped === false && event.target instanceof Element) within(event.target);
    };
    const observer = new ResizeObserver(update);
    observer.observe(element);
    // Formulas off screen have no width until they are drawn: check a part again when it starts being
    // rendered. The event does not bubble, hence the capture.
    element.addEventListener('contentvisibilityautostatechange', onVisibility, { capture: true });
    const mutations = new MutationObserver(afterPaint);
    mutations.observe(element, { childList: true, subtree: false });
    update();
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      element.removeEventListener('contentvisibilityautostatechange', onVisibility, { capture: true });
      observer.disconnect();
      mutations.disconnect();
    };
  }, [root]);
}
