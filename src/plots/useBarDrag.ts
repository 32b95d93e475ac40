import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { viewBoxPoint } from './viewBoxPoint';

export interface BarDragOptions {
  /** the bars' current values, one per bar */
  values: ArrayLike<number>;
  /** the value axis' range: Home and End go to its ends */
  domain: readonly [number, number];
  /** one arrow-key step */
  step: number;
  /** one Page Up / Page Down step; ten arrow steps unless told */
  pageStep?: number;
  /** the value axis: SVG y (in viewBox units) → value */
  invert(svgY: number): number;
  /** called with a raw value; the owner snaps and clamps it */
  onChange(index: number, value: number): void;
}

/**
 * Dragging and keyboard stepping of vertical bars, shared by every draggable bar chart: pointer
 * capture (a fast drag cannot escape the bar), a drag relative to where it began (grabbing a bar
 * anywhere never makes it jump), and the keys of a vertical slider. Returns the ref for the SVG and
 * the handlers to spread on each bar's element.
 */
export function useBarDrag({ values, domain, step, pageStep = 10 * step, invert, onChange }: BarDragOptions) {
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ index: number; startY: number; startValue: number } | null>(null);

  const svgY = (event: PointerEvent) => viewBoxPoint(svgRef.current, event).y;

  // A finger that lands on a bar drags it instead of scrolling the page. `touch-action: none` on the
  // bar's <g> is not enough: Chromium honours touch-action only on the outer <svg>, and putting it
  // there would stop a swipe anywhere on the chart from scrolling. So a touch that began a bar drag
  // (pointerdown comes first) has its touchstart cancelled, which keeps the page still for that touch.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const holdPage = (event: TouchEvent) => {
      if (drag.current && event.cancelable) event.preventDefault();
    };
    svg.addEventListener('touchstart', holdPage, { passive: false });
    return () => svg.removeEventListener('touchstart', holdPage);
  }, []);

  const onPointerMove = (event: PointerEvent<SVGGElement>) => {
    const d = drag.current;
    if (!d) return;
    onChange(d.index, d.startValue + invert(svgY(event)) - invert(d.startY));
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  const barHandlers = (index: number) => ({
    onPointerDown(event: PointerEvent<SVGGElement>) {
      event.currentTarget.setPointerCapture?.(event.pointerId);
      drag.current = { index, startY: svgY(event), startValue: values[index] ?? 0 };
    },
    onPointerMove,
    onPointerUp,
    onPointerCancel: onPointerUp,
    onKeyDown(event: KeyboardEvent<SVGGElement>) {
      const v = values[index] ?? 0;
      const delta: Record<string, number> = {
        ArrowUp: step, ArrowRight: step, ArrowDown: -step, ArrowLeft: -step, PageUp: pageStep, PageDown: -pageStep,
      };
      if (event.key in delta) onChange(index, v + (delta[event.key] ?? 0));
      else if (event.key === 'Home') onChange(index, domain[0]);
      else if (event.key === 'End') onChange(index, domain[1]);
      else return;
      event.preventDefault();
    },
  });

  return { svgRef, barHandlers };
}
