import { useLayoutEffect, useState, type RefObject } from 'react';

/** Which columns of a table wider than its scroll box are in view: the first and last wholly shown. */
export interface ColumnsInView {
  first: number;
  last: number;
  /** more columns beyond the left and the right edge */
  before: boolean;
  after: boolean;
}

const same = (a: ColumnsInView | undefined, b: ColumnsInView | undefined) =>
  a === b || (!!a && !!b && a.first === b.first && a.last === b.last && a.before === b.before && a.after === b.after);

/**
 * For a table that scrolls sideways in its own box (`scroller`, holding one table with a header row of
 * `th` cells): undefined while every column fits, else the columns in view, kept current as the box is
 * scrolled or resized. A phone shows 5 of chapter 8's 16 hidden units; this is what lets the page say so.
 * Undefined where there is no ResizeObserver (tests in jsdom): nothing is measured there.
 */
export function useColumnsInView(scroller: RefObject<HTMLElement | null>, columns: number): ColumnsInView | undefined {
  const [inView, setInView] = useState<ColumnsInView | undefined>(undefined);
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      const next = measure(box);
      setInView((previous) => (same(previous, next) ? previous : next));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(box);
    const table = box.querySelector('table');
    if (table) observer.observe(table);
    box.addEventListener('scroll', update, { passive: true });
    return () => {
      observer.disconnect();
      box.removeEventListener('scroll', update);
    };
  }, [scroller, columns]);
  return inView;
}

function measure(box: HTMLElement): ColumnsInView | undefined {
  if (box.scrollWidth <= box.clientWidth + 1) return undefined;
  const edge = box.getBoundingClientRect();
  const headers = Array.from(box.querySelectorAll('thead th'));
  let first = -1;
  let last = -1;
  headers.forEach((th, j) => {
    const r = th.getBoundingClientRect();
    // a column counts as shown when at most a pixel of it is cut off
    if (r.left >= edge.left - 1 && r.right <= edge.right + 1) {
      if (first < 0) first = j;
      last = j;
    }
  });
  if (first < 0) return undefined;
  return { first, last, before: first > 0, after: last < headers.length - 1 };
}
