import { memo, type ReactNode } from 'react';
import { formatNumber } from '../../format/formatNumber';

interface RangeSliderProps {
  /** the accessible name, exactly: "logit z1", "temperature T" */
  label: string;
  /** what the learner sees beside the slider: z₁, T */
  symbol: ReactNode;
  value: number;
  min: number;
  max: number;
  step: number;
  /** decimals shown */
  digits: number;
  /** the term this slider sets, for formula ↔ plot linking */
  term: string;
  /** which of several sliders this is; passed back, so one stable callback serves them all */
  index?: number;
  onValue(value: number, index: number): void;
}

/**
 * A labelled range input with its value beside it. Memoised: when one logit moves, the other
 * sliders' props are unchanged and they skip rendering altogether.
 */
export const RangeSlider = memo(function RangeSlider(props: RangeSliderProps) {
  const { label, symbol, value, min, max, step, digits, term, index = 0, onValue } = props;
  const shown = formatNumber(value, digits);
  return (
    <label className="slider-row" data-term={term}>
      <span className="slider-name" aria-hidden="true">
        {symbol}
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
