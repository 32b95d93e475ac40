import { useId, type Dispatch } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { LecturerControl } from '../../controls/LecturerControl';
import { RangeSlider } from '../../controls/RangeSlider';
import { curvatureText, formatRate, type Curvature } from './logisticCurvature';
import { DEFAULT_START, rateFromSlider, RATE_LIMITS, RATE_SLIDER_STEP, WEIGHT_LIMIT, type ClassLabel, type DescentAction, type Weights } from './logisticDescent';
import { RateGauge } from './RateGauge';

/**
 * The lab's controls, each wrapped with the key of the link it sets (logisticState.ts), so that a
 * lecturer's embed can hide or lock it. Controls in, actions out: the lab keeps the state.
 */
export interface TrainingControlsProps {
  rate: number;
  start: Weights;
  learnBias: boolean;
  /** the curvature at the current weights (null: no cost), shown under the rate slider */
  curvature: Curvature | null;
  dispatch: Dispatch<DescentAction>;
  /** puts back the chapter's start, η and learning of b (the lab also pauses) */
  onDefaults(): void;
}

/** What "Restore defaults" sets, in words: the settings every number in the chapter assumes. */
export const DEFAULTS_TEXT = `start (${formatNumber(DEFAULT_START[0], 0)}, ${formatNumber(DEFAULT_START[1], 0)}), η = ${formatRate(RATE_LIMITS.start)}, b learned`;

export function TrainingControls({ rate, start, learnBias, curvature, dispatch, onDefaults }: TrainingControlsProps) {
  const rateText = formatRate(rate);
  const defaultsHint = useId();
  return (
    <fieldset className="controls">
      <legend>Training</legend>
      {/* not RangeSlider: the slider's position is log₁₀ η, and what it reads out is η */}
      <LecturerControl ids={['eta']}>
        <label className="slider-row">
          <span className="slider-name" aria-hidden="true">
            η
          </span>
          <input
            type="range"
            min={Math.log10(RATE_LIMITS.min)}
            max={Math.log10(RATE_LIMITS.max)}
            step={RATE_SLIDER_STEP}
            value={Math.log10(rate)}
            aria-label="learning rate η"
            aria-valuetext={rateText}
            onChange={(e) => dispatch({ type: 'rate', rate: rateFromSlider(e.currentTarget.valueAsNumber) })}
          />
          <output aria-hidden="true" data-testid="lab-rate">
            {rateText}
          </output>
        </label>
        {/* in the slider's middle column, so the thumb (η) moves over the gauge's own log axis */}
        <div className="rate-gauge-row">
          <RateGauge min={RATE_LIMITS.min} max={RATE_LIMITS.max} curvature={curvature} />
        </div>
        {curvature && (
          <p className="hint curvature-legend" aria-hidden="true">
            Shaded under the slider: <span className="legend-item legend-zigzag">η from 1/λmax to 2/λmax</span>{' '}
            <span className="legend-item legend-over">η above 2/λmax</span>
          </p>
        )}
      </LecturerControl>
      {curvature && (
        <p className="hint curvature-readout" data-testid="lab-curvature">
          {/* "1/λmax" and "2/λmax" never break after their slash */}
          {curvatureText(rate, curvature, learnBias)
            .split(/([12]\/λmax)/)
            .map((part, k) => (k % 2 === 1 ? <span key={k} className="nowrap">{part}</span> : part))}
        </p>
      )}
      <LecturerControl ids={['start']}>
        <p className="hint">Starting weights (where Reset returns, with b = 0); pressing the map sets them too.</p>
        {([0, 1] as const).map((k) => (
          <RangeSlider
            key={k}
            label={`starting w${k + 1}`}
            symbol="w"
            subscript={k + 1}
            value={start[k]}
            min={-WEIGHT_LIMIT}
            max={WEIGHT_LIMIT}
            step={0.5}
            digits={1}
            term={term.logisticWeights()}
            index={k}
            onValue={(v) => dispatch({ type: 'start', w1: k === 0 ? v : start[0], w2: k === 1 ? v : start[1] })}
          />
        ))}
      </LecturerControl>
      <LecturerControl ids={['bias']}>
        <label className="check-row">
          <input type="checkbox" checked={learnBias} onChange={(e) => dispatch({ type: 'learnBias', on: e.currentTarget.checked })} />
          learn the bias b too (unticked: b stays 0, and the path runs on exactly the surface drawn)
        </label>
      </LecturerControl>
      {/* it sets all three, so a lecturer who hid or locked any of them has it hidden or locked too */}
      <LecturerControl ids={['start', 'eta', 'bias']}>
        <div className="button-row defaults-row">
          <button type="button" aria-describedby={defaultsHint} onClick={onDefaults}>
            Restore defaults
          </button>
          <span id={defaultsHint} className="hint" data-testid="lab-defaults">
            {DEFAULTS_TEXT}
          </span>
        </div>
      </LecturerControl>
    </fieldset>
  );
}

export interface PointControlsProps {
  newClass: ClassLabel;
  onClass(c: ClassLabel): void;
  /** adds a point of the new class at (0, 0), to be moved from the keyboard */
  onAdd(): void;
  dispatch: Dispatch<DescentAction>;
  /** the point just added, in words (for the hint), or null */
  added: string | null;
  /** the lecturer set the points: the plot only goes from point to point */
  readOnly: boolean;
}

export function PointControls({ newClass, onClass, onAdd, dispatch, added, readOnly }: PointControlsProps) {
  const classGroup = useId();
  return (
    <LecturerControl ids={['pts']}>
      <fieldset className="controls">
        <legend>Points</legend>
        <LecturerControl ids={['cls']}>
          <div className="choice-row" role="radiogroup" aria-labelledby={classGroup}>
            <span id={classGroup}>New points are of</span>
            {([1, 0] as const).map((value) => (
              <label key={value}>
                <input type="radio" name={`${classGroup}-class`} checked={newClass === value} onChange={() => onClass(value)} />
                class {value}
              </label>
            ))}
          </div>
        </LecturerControl>
        <div className="button-row">
          <button type="button" onClick={onAdd}>
            Add a point
          </button>
          <button type="button" onClick={() => dispatch({ type: 'preset', name: 'overlapping' })}>
            Overlapping classes
          </button>
          <button type="button" onClick={() => dispatch({ type: 'preset', name: 'separable' })}>
            Separable classes
          </button>
        </div>
        <p className="hint">
          {readOnly
            ? 'Tab to the points, then PageUp and PageDown go from one to the next.'
            : 'Tab to the points, then arrow keys move one (Shift: farther), PageUp and PageDown pick another, Delete removes it.'}
          {added ? ` Added: ${added}.` : ''}
        </p>
      </fieldset>
    </LecturerControl>
  );
}
