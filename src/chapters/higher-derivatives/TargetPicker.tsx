import { useId } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { hardLabel } from '../../url/labels';
import { useLab, useLabStore } from '../../state/LabContext';
import { LecturerControl } from '../../controls/LecturerControl';

const LABELS = ['labels'];

/** A soft label's entries to two decimals, a hard one's as 0 and 1. */
const labelText = (v: number) => (Number.isInteger(v) ? String(v) : formatNumber(v, 2));

/**
 * The target y: one radio per class for a hard label, and "uniform" for the softest one, so the
 * learner can change y and watch the loss change while the Hessian stays put.
 */
export function TargetPicker() {
  const labels = useLab((s) => s.labels);
  const { setLabelClass, setLabels } = useLabStore().getState();
  const name = useId();
  const hard = hardLabel(labels);
  return (
    <LecturerControl ids={LABELS}>
      <fieldset className="controls target-picker">
        <legend>Target y</legend>
        <div className="hd-choices">
          {labels.map((_, i) => (
            <label key={i} className="hd-choice" data-term={term.label(i)}>
              <input type="radio" name={name} checked={hard === i} onChange={() => setLabelClass(i)} />
              true class {i + 1}
            </label>
          ))}
        </div>
        <div className="button-row">
          <button type="button" onClick={() => setLabels(labels.map(() => 1))}>
            Uniform target
          </button>
        </div>
        <p className="hint">
          y = [{labels.map(labelText).join(', ')}]{hard === undefined ? ', a soft target' : ''}
        </p>
      </fieldset>
    </LecturerControl>
  );
}
