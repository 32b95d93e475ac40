import { useCallback } from 'react';
import { term } from '../format/terms';
import { LIMITS } from '../url/labInputs';
import { useLab, useLabStore } from '../state/LabContext';
import { RangeSlider } from './RangeSlider';
import { LecturerControl } from './LecturerControl';
import { useControlMode } from '../state/embedContext';

const LOGITS = ['logits'];

/**
 * One slider per logit, named "logit z1", "logit z2", …, each linked to its term: the list every
 * chapter's logits are set with, whichever store holds them.
 */
export function LogitSliderList({
  logits,
  min,
  max,
  step,
  digits,
  onValue,
}: {
  logits: readonly number[];
  min: number;
  max: number;
  step: number;
  digits: number;
  onValue(value: number, index: number): void;
}) {
  return (
    <>
      {logits.map((z, i) => (
        <RangeSlider
          key={i}
          index={i}
          label={`logit z${i + 1}`}
          symbol="z"
          subscript={i + 1}
          value={z}
          min={min}
          max={max}
          step={step}
          digits={digits}
          term={term.logit(i)}
          onValue={onValue}
        />
      ))}
    </>
  );
}

/**
 * The lab store's logit sliders; with `editClasses`, the buttons that add and remove a class (2 to 8).
 */
export function LogitSliders({ editClasses = false }: { editClasses?: boolean }) {
  const logits = useLab((s) => s.logits);
  const { setLogit, addClass, removeClass } = useLabStore().getState();
  const setLogitAt = useCallback((value: number, index: number) => setLogit(index, value), [setLogit]);
  const { min, max, step } = LIMITS.logit;
  return (
    <LecturerControl ids={LOGITS}>
      <LogitSliderList logits={logits} min={min} max={max} step={step} digits={2} onValue={setLogitAt} />
      {editClasses && (
        <div className="button-row">
          <button type="button" onClick={addClass} disabled={logits.length >= LIMITS.maxClasses}>
            Add a class
          </button>
          <button type="button" onClick={removeClass} disabled={logits.length <= LIMITS.minClasses}>
            Remove a class
          </button>
        </div>
      )}
    </LecturerControl>
  );
}

/** The logit sliders with the class buttons, as a labelled group of controls: the usual panel. */
export function LogitControls() {
  // A lecturer who hid the logits hides the whole panel, not just its sliders under an empty legend.
  if (useControlMode(LOGITS) === 'hidden') return null;
  return (
    <fieldset className="controls">
      <legend>Logits</legend>
      <LogitSliders editClasses />
    </fieldset>
  );
}
