import { useId } from 'react';
import { useControlMode } from '../../state/embedContext';
import { LecturerControl } from '../../controls/LecturerControl';
import { RangeSlider } from '../../controls/RangeSlider';
import { term } from '../../format/terms';
import { BATCH_LIMITS } from './pytorchLossState';
import { classCount, setIgnoreIndex, snapSmoothing, type Batch, type TargetKind } from './pytorchLossInputs';
import { REDUCTIONS } from './pytorchLossMath';
import type { Reduction } from '../../core/validate';

export interface LossOptionsProps {
  batch: Batch;
  onEdit(edit: (b: Batch) => Batch): void;
}

const KINDS: readonly { value: TargetKind; label: string }[] = [
  { value: 'index', label: 'class indices' },
  { value: 'probs', label: 'probability rows' },
];

/** A row of radio buttons, named by its legend. */
function Radios<V extends string>({ legend, name, values, value, onChange }: { legend: string; name: string; values: readonly { value: V; label: string }[]; value: V; onChange(v: V): void }) {
  return (
    <fieldset className="option-radios">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v.value}>
          <input type="radio" name={name} value={v.value} checked={v.value === value} onChange={() => onChange(v.value)} />
          {v.label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * What the page says under ignore_index for probability rows: PyTorch checks ignore_index < 0 there
 * and otherwise raises "ignore_index is not supported for floating point target".
 */
export function ignoreIndexNote(b: Batch): string {
  const refused = 'PyTorch refuses a non-negative ignore_index with probability rows';
  return b.ignoreIndex >= 0
    ? `${refused} (“ignore_index is not supported for floating point target”), so the numbers here are those of the default −100, which does nothing: every sample counts.`
    : `${refused}; the default −100 does nothing: every sample counts.`;
}

/**
 * The options of nn.CrossEntropyLoss, as PyTorch names them: the kind of target, weight (on or off;
 * the values are edited under the logits), reduction, label_smoothing and ignore_index. ignore_index
 * applies to class indices only, so it is greyed out (and says why) for probability rows.
 */
export function LossOptions({ batch, onEdit }: LossOptionsProps) {
  const name = useId();
  const c = classCount(batch);
  const ignoreLocked = useControlMode(['ii']) !== 'shown';
  const probs = batch.targetKind === 'probs';
  return (
    <div className="loss-options" role="group" aria-label="Options of nn.CrossEntropyLoss">
      <LecturerControl ids={['tk']}>
        <Radios legend="target" name={`${name}-kind`} values={KINDS} value={batch.targetKind} onChange={(v) => onEdit((b) => ({ ...b, targetKind: v }))} />
      </LecturerControl>
      <LecturerControl ids={['red']}>
        <Radios<Reduction>
          legend="reduction"
          name={`${name}-reduction`}
          values={REDUCTIONS.map((r) => ({ value: r, label: `'${r}'` }))}
          value={batch.reduction}
          onChange={(v) => onEdit((b) => ({ ...b, reduction: v }))}
        />
      </LecturerControl>
      <LecturerControl ids={['wt']}>
        <label className="option-check">
          <input type="checkbox" checked={batch.weighted} onChange={(e) => { const on = e.currentTarget.checked; onEdit((b) => ({ ...b, weighted: on })); }} />
          weight (one per class, set under the logits)
        </label>
      </LecturerControl>
      <LecturerControl ids={['sm']}>
        <RangeSlider
          label="label_smoothing"
          symbol="label_smoothing"
          value={batch.smoothing}
          min={BATCH_LIMITS.smoothing.min}
          max={BATCH_LIMITS.smoothing.max}
          step={BATCH_LIMITS.smoothing.step}
          digits={2}
          term={term.lossSmoothing()}
          onValue={(v) => onEdit((b) => ({ ...b, smoothing: snapSmoothing(v) }))}
        />
      </LecturerControl>
      <LecturerControl ids={['ii']}>
        <label className="option-select">
          ignore_index
          <select
            value={batch.ignoreIndex}
            disabled={probs || ignoreLocked}
            aria-describedby={probs ? `${name}-ii-note` : undefined}
            onChange={(e) => { const k = Number(e.currentTarget.value); onEdit((b) => setIgnoreIndex(b, k)); }}
          >
            <option value={BATCH_LIMITS.defaultIgnore}>−100 (default, no class)</option>
            {/* another index that is no class, from a link: shown as it is */}
            {batch.ignoreIndex < 0 && batch.ignoreIndex !== BATCH_LIMITS.defaultIgnore && (
              <option value={batch.ignoreIndex}>{String(batch.ignoreIndex).replace('-', '−')} (no class)</option>
            )}
            {Array.from({ length: c }, (_, k) => (
              <option key={k} value={k}>
                {k} (class {k} ignored)
              </option>
            ))}
          </select>
        </label>
        {probs && (
          <p className="hint" id={`${name}-ii-note`} data-testid="ignore-index-note">
            {ignoreIndexNote(batch)}
          </p>
        )}
      </LecturerControl>
    </div>
  );
}
