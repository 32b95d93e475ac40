import { memo } from 'react';
import { formatNumber } from '../format/formatNumber';

interface RangeSliderProps {
  /** the accessible name, exactly: "logit z1", "temperature T" */
  label: string;
  /** what the learner sees beside the slider: the letter, and its subscript if any (z₁, b_f, T) */
  symbol: string;
  subscript?: number | string;
  value: number;
  min: number;
  max: number;
  step: number;
  /** decimals shown */
  digits: number;
  /** what is shown and read out instead of the formatted value: the rate of a slider that moves its logarithm */
  valueText?: string;
  /** the term this slider sets, for formula ↔ plot linking */
  term: string;
  /** which of several sliders this is; passed back, so one stable callback serves them all */
  index?: number;
  onValue(value: number, index: number): void;
}

/**
 * A labelled range input with its value beside it. Memoised, with only plain props (no JSX), so
 * that when one logit moves the other sliders skip rendering altogether: React rewrites a controlled
 * input's type and name attributes at every render, which costs style and layout work.
 */
export const RangeSlider = memo(function RangeSlider(props: RangeSliderProps) {
  const { label, symbol, subscript, value, min, max, step, digits, valueText, term, index = 0, onValue } = props;
  const shown = valueText ?? formatNumber(value, digits);
  return (
    <label className="slider-row" data-term={term}>
      <span className="slider-name" aria-hidden="true">
        {symbol}
        {subscript !== undefined && <sub>{subscript}</sub>}
      </span>
      <input
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-label={label}
        aria-valuetext={shown}
        onChange={(e) => onValue(e.currentTarget.valueAsNumber, index)}
      />
      <output aria-hidden="true">{shown}</output>
    </label>
  );
});
