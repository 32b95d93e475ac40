import { useId, useState } from 'react';
import { useControlMode } from '../../state/embedContext';
import { term } from '../../format/terms';
import { NumberField } from '../../controls/NumberField';
import { RangeSlider } from '../../controls/RangeSlider';
import { LecturerControl } from '../../controls/LecturerControl';
import { ValueCell } from './ValueCell';
import { BATCH_LIMITS } from './pytorchLossState';
import {
  addClass,
  addSample,
  classCount,
  removeClass,
  removeSample,
  rowCount,
  setLogit,
  setProbability,
  setTarget,
  setWeight,
  type Batch,
} from './pytorchLossInputs';

export interface BatchEditorProps {
  batch: Batch;
  onEdit(edit: (b: Batch) => Batch): void;
  /** the logit the slider and the typed field under the grid set */
  selected: readonly [number, number];
  onSelect(n: number, j: number): void;
}

const { logit, weight } = BATCH_LIMITS;
export const cellName = (n: number, j: number) => `z[${n}, ${j}]`;

/** The target picker of one sample: a class, or ignore_index (which, when it is a class, is that class). */
function TargetPicker({ batch, n, onEdit, disabled }: { batch: Batch; n: number; onEdit: BatchEditorProps['onEdit']; disabled: boolean }) {
  const c = classCount(batch);
  const ii = batch.ignoreIndex;
  const classes = Array.from({ length: c }, (_, k) => k);
  return (
    <select
      className="target-picker"
      aria-label={`target of sample ${n}`}
      value={batch.indices[n]}
      disabled={disabled}
      data-testid={`target-${n}`}
      onChange={(e) => onEdit((b) => setTarget(b, n, Number(e.currentTarget.value)))}
    >
      {classes.map((k) => (
        <option key={k} value={k}>
          {k === ii ? `${k} (= ignore_index)` : k}
        </option>
      ))}
      {!classes.includes(ii) && <option value={ii}>{`${ii} (ignored)`}</option>}
    </select>
  );
}

/**
 * The batch the loss is computed on: the N × C logits as a grid of heatmap cells that can be dragged
 * or stepped with the keys, a target per sample (a class index picked from a list, or a probability
 * row), the class weights when they are on, buttons that add or remove a sample (2 to 6) or a class (2
 * to 8), and, for the selected logit, a slider and a field to type it into. Everything is 0-based, as
 * PyTorch counts.
 */
export function BatchEditor({ batch, onEdit, selected, onSelect }: BatchEditorProps) {
  const n = rowCount(batch);
  const c = classCount(batch);
  const [message, setMessage] = useState<string | null>(null);
  const messageId = useId();
  const captionId = useId();
  const logitsLocked = useControlMode(['lz']) !== 'shown';
  const targetsLocked = useControlMode(['ti']) !== 'shown';
  const probsLocked = useControlMode(['tp']) !== 'shown';
  const weightsLocked = useControlMode(['w']) !== 'shown';
  const [sn, sj] = selected[0] < n && selected[1] < c ? selected : [0, 0];
  const chosen = batch.logits[sn]?.[sj] ?? 0;
  const columns = Array.from({ length: c }, (_, j) => j);
  const probs = batch.targetKind === 'probs';

  return (
    <div className="batch-editor">
      <p className="batch-caption" id={captionId}>
        Logits z ({n} samples × {c} classes){probs ? '' : ' and each sample’s target class t'}
        {batch.weighted ? ', with the class weights w' : ''}. Drag a cell up or down, or focus it and use the arrow keys (Page Up/Down: ±1).
      </p>
      <div className="batch-scroll">
        <table className="batch-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <td />
              {columns.map((j) => (
                <th key={j} scope="col">
                  class {j}
                </th>
              ))}
              {!probs && (
                <th scope="col">
                  <span className="narrow-hide">target </span>t
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {batch.logits.map((row, i) => (
              <tr key={i} data-term={term.lossSample(i)}>
                <th scope="row">
                  <span className="narrow-hide">sample </span>
                  {i}
                </th>
                {row.map((z, j) => (
                  <td key={j}>
                    <ValueCell
                      label={`logit ${cellName(i, j)}`}
                      value={z}
                      min={logit.min}
                      max={logit.max}
                      step={logit.step}
                      digits={1}
                      scaleMax={5}
                      selected={i === sn && j === sj}
                      disabled={logitsLocked}
                      testId={`logit-${i}-${j}`}
                      term={term.lossLogit(i, j)}
                      onFocus={() => onSelect(i, j)}
                      onValue={(v) => onEdit((b) => setLogit(b, i, j, v))}
                    />
                  </td>
                ))}
                {!probs && (
                  <td>
                    <TargetPicker batch={batch} n={i} onEdit={onEdit} disabled={targetsLocked} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          {batch.weighted && (
            <tfoot>
              <tr>
                <th scope="row">weight w</th>
                {batch.weight.map((w, j) => (
                  <td key={j}>
                    <ValueCell
                      label={`weight w[${j}]`}
                      value={w}
                      min={weight.min}
                      max={weight.max}
                      step={weight.step}
                      digits={1}
                      scaleMax={10}
                      disabled={weightsLocked}
                      testId={`weight-${j}`}
                      onValue={(v) => onEdit((b) => setWeight(b, j, v))}
                    />
                  </td>
                ))}
                {!probs && <td />}
              </tr>
            </tfoot>
          )}
        </table>
      </div>

      {probs && (
        <div className="batch-scroll">
          <p className="batch-caption" id={`${captionId}-y`}>
            Targets y: a probability row per sample. The other cells of a row share what one cell gives up, so each row sums to 1.
          </p>
          <table className="batch-table" aria-labelledby={`${captionId}-y`}>
            <thead>
              <tr>
                <td />
                {columns.map((j) => (
                  <th key={j} scope="col">
                    class {j}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {batch.probabilities.map((row, i) => (
                <tr key={i}>
                  <th scope="row">sample {i}</th>
                  {row.map((y, j) => (
                    <td key={j}>
                      <ValueCell
                        label={`target probability y[${i}, ${j}]`}
                        value={y}
                        min={0}
                        max={1}
                        step={BATCH_LIMITS.probability.step}
                        digits={2}
                        scaleMax={2}
                        disabled={probsLocked}
                        testId={`prob-${i}-${j}`}
                        onValue={(v) => onEdit((b) => setProbability(b, i, j, v))}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <LecturerControl ids={['n', 'c']}>
        <div className="button-row batch-shape" role="group" aria-label="Batch shape">
          <button type="button" disabled={n >= BATCH_LIMITS.rows.max} onClick={() => onEdit(addSample)}>
            Add a sample
          </button>
          <button type="button" disabled={n <= BATCH_LIMITS.rows.min} onClick={() => onEdit(removeSample)}>
            Remove the last sample
          </button>
          <button type="button" disabled={c >= BATCH_LIMITS.classes.max} onClick={() => onEdit(addClass)}>
            Add a class
          </button>
          <button type="button" disabled={c <= BATCH_LIMITS.classes.min} onClick={() => onEdit(removeClass)}>
            Remove the last class
          </button>
        </div>
      </LecturerControl>

      <LecturerControl ids={['lz']}>
        <div className="selected-logit">
          <RangeSlider
            label={`selected logit ${cellName(sn, sj)}`}
            symbol={cellName(sn, sj)}
            value={chosen}
            min={logit.min}
            max={logit.max}
            step={logit.step}
            digits={1}
            term={term.lossLogit(sn, sj)}
            onValue={(v) => onEdit((b) => setLogit(b, sn, sj, v))}
          />
          <label className="typed-logit">
            <span>type it:</span>
            <NumberField
              label={`type logit ${cellName(sn, sj)}`}
              value={chosen}
              rule={{ name: cellName(sn, sj), min: logit.min, max: logit.max, decimals: 1 }}
              kept={`${cellName(sn, sj)} stays ${chosen}.`}
              onValue={(v) => onEdit((b) => setLogit(b, sn, sj, v))}
              onMessage={setMessage}
              describedBy={messageId}
            />
          </label>
        </div>
        <p className={message ? 'notice typed-message' : 'hint'} id={messageId} aria-live="polite" data-testid="typed-message">
          {message ?? `The slider and the box set the selected cell, ${cellName(sn, sj)}: a number from −10 to 10 in steps of 0.1.`}
        </p>
      </LecturerControl>
    </div>
  );
}
