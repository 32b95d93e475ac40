import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { formatNumber } from '../../format/formatNumber';

export interface ValueCellProps {
  /** the accessible name: "logit z[1, 2]" */
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  digits: number;
  /** |value| that gets the strongest colour (a diverging scale centred at 0, as the heatmaps) */
  scaleMax: number;
  /** called with a raw value; the batch's edit snaps and clamps it */
  onValue(value: number): void;
  onFocus?(): void;
  selected?: boolean;
  disabled?: boolean;
  testId?: string;
  /** the term this cell shows, for formula ↔ plot linking */
  term?: string;
}

/** Pixels of vertical drag per step: 4 px make a 0.1 step, so a finger's drag of 100 px moves a logit by 2.5. */
const PIXELS_PER_STEP = 4;

/**
 * One editable number of the batch, drawn as a heatmap cell: a keyboard slider (arrows ±1 step, Page
 * Up/Down ±10 steps, Home/End to the ends) that can also be dragged up or down with a pointer (with
 * capture, so a fast drag cannot escape it). Its colour follows its value, as in the gradient's heatmap.
 */
export function ValueCell({ label, value, min, max, step, digits, scaleMax, onValue, onFocus, selected, disabled, testId, term }: ValueCellProps) {
  const drag = useRef<{ y: number; value: number } | null>(null);
  const set = (v: number) => onValue(Math.min(max, Math.max(min, v)));
  const keys: Record<string, () => number> = {
    ArrowUp: () => value + step,
    ArrowRight: () => value + step,
    ArrowDown: () => value - step,
    ArrowLeft: () => value - step,
    PageUp: () => value + 10 * step,
    PageDown: () => value - 10 * step,
    Home: () => min,
    End: () => max,
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const next = keys[e.key];
    if (!next || disabled) return;
    e.preventDefault();
    set(next());
  };
  const onPointerDown = (e: PointerEvent<HTMLSpanElement>) => {
    if (disabled) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drag.current = { y: e.clientY, value };
    onFocus?.();
  };
  const onPointerMove = (e: PointerEvent) => {
    const start = drag.current;
    if (!start) return;
    const steps = Math.round((start.y - e.clientY) / PIXELS_PER_STEP);
    set(start.value + steps * step);
  };
  const end = () => {
    drag.current = null;
  };
  const strength = Math.min(1, Math.abs(value) / (scaleMax > 0 ? scaleMax : 1)) * 55;
  const hue = value >= 0 ? 'var(--positive)' : 'var(--negative)';
  const text = formatNumber(value, digits);
  return (
    <span
      className={`value-cell${selected ? ' value-cell-selected' : ''}`}
      role="slider"
      tabIndex={disabled ? -1 : 0}
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={text}
      aria-disabled={disabled || undefined}
      aria-orientation="vertical"
      data-testid={testId}
      data-term={term}
      style={{ backgroundColor: `color-mix(in srgb, ${hue} ${strength.toFixed(1)}%, transparent)` }}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
    >
      {text}
    </span>
  );
}
