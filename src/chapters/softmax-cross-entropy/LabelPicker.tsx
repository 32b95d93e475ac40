import { useId } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { hardLabel } from '../../url/labels';
import { useLab, useLabStore } from '../../state/LabContext';
import { labelDigits } from './crossEntropyFormula';
import { LecturerControl } from '../../controls/LecturerControl';

const LABELS = ['labels'];

/** How much of the label "Soften the label" moves to the uniform distribution, as label smoothing does. */
const SMOOTHING = 0.1;

/**
 * The target y: a radio per class for a hard label (store.setLabelClass), and a button that softens
 * the current label towards uniform (store.setLabels), so that p − y can be seen to hold for any y
 * that sums to 1. A soft label checks no radio.
 */
export function LabelPicker() {
  const labels = useLab((s) => s.labels);
  const { setLabelClass, setLabels } = useLabStore().getState();
  const name = useId();
  const hard = hardLabel(labels);
  const C = labels.length;
  const soften = () => setLabels(labels.map((y) => (1 - SMOOTHING) * y + SMOOTHING / C));

  return (
    <LecturerControl ids={LABELS}>
      <div className="label-choices" role="radiogroup" aria-label="True class">
        {labels.map((_, i) => (
          <label key={i} className="label-choice" data-term={term.label(i)}>
            <input type="radio" name={name} checked={hard === i} onChange={() => setLabelClass(i)} />
            class {i + 1}
          </label>
        ))}
      </div>
      <div className="button-row">
        <button type="button" onClick={soften}>
          Soften the label (mix in {formatNumber(SMOOTHING * 100, 0)}% uniform)
        </button>
      </div>
      <p className="hint" aria-live="polite">
        y = [{labels.map((y, i) => (
          <span key={i} data-term={term.label(i)}>
            {i > 0 && ', '}
            {formatNumber(y, labelDigits(y))}
          </span>
        ))}]{' '}
        {hard === undefined ? '— a soft label: pick a class to make it hard again.' : `— a hard label: the true class is ${hard + 1}.`}
      </p>
    </LecturerControl>
  );
}
