import { useId } from 'react';
import { term } from '../format/terms';
import { LIMITS } from '../url/labInputs';
import { useLab, useLabStore } from '../state/LabContext';
import { RangeSlider } from './RangeSlider';
import { LecturerControl } from './LecturerControl';

const BINARY_LOGIT = ['binary-logit'];
const BINARY_TARGET = ['binary-target'];

/**
 * The binary chapters' inputs from the lab store: the slider "binary logit z" and the radio group
 * "label t" (t = 1, the positive class, or t = 0). `sliderLabel` names a second slider on the same
 * page apart from the first.
 */
export function BinaryControls({ sliderLabel = 'binary logit z', withTarget = true }: { sliderLabel?: string; withTarget?: boolean }) {
  const z = useLab((s) => s.binaryLogit);
  const t = useLab((s) => s.binaryTarget);
  const { setBinaryLogit, setBinaryTarget } = useLabStore().getState();
  const name = useId();
  const { min, max, step } = LIMITS.binaryLogit;
  return (
    <div className="binary-controls">
      <LecturerControl ids={BINARY_LOGIT}>
        <RangeSlider
          label={sliderLabel}
          symbol="z"
          value={z}
          min={min}
          max={max}
          step={step}
          digits={2}
          term={term.binaryLogit()}
          onValue={setBinaryLogit}
        />
      </LecturerControl>
      {withTarget && (
        <LecturerControl ids={BINARY_TARGET}>
          <fieldset className="target-choice" role="radiogroup" data-term={term.binaryTarget()}>
            <legend>label t</legend>
            {([1, 0] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name={name}
                  value={value}
                  checked={t === value}
                  onChange={() => setBinaryTarget(value)}
                />
                t = {value}{' '}
                {/* part of the radio's name; hidden from view on a phone, where the row is short of room */}
                <span className="target-meaning">{value === 1 ? '(positive)' : '(negative)'}</span>
              </label>
            ))}
          </fieldset>
        </LecturerControl>
      )}
    </div>
  );
}
