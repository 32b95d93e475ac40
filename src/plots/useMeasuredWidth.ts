import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The width in CSS pixels of the element `ref` is put on, kept current by a ResizeObserver, so a plot
 * can draw in a viewBox of its real size: its 12 px labels then stay 12 px on a phone and on a wide
 * screen alike, instead of shrinking or swelling with the scale. `fallback` until measured, and where
 * there is no ResizeObserver (tests in jsdom); clamped to [min, max].
 */
export function useMeasuredWidth<E extends HTMLElement>(fallback: number, min = 280, max = 800) {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      const w = Math.round(element.getBoundingClientRect().width);
      if (w > 0) setWidth(Math.min(max, Math.max(min, w)));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [min, max]);
  return [ref, width] as const;
}
