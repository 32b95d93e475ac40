import { useId, useMemo } from 'react';
import { useWidgetState } from '../../state/useWidgetState';
import { useControlMode } from '../../state/embedContext';
import { LecturerControl } from '../../controls/LecturerControl';
import { RangeSlider } from '../../controls/RangeSlider';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { CopyAsCode } from '../../tools/copyAsCode/CopyAsCode';
import { ValueCell } from './ValueCell';
import { bceInputs, onGrid, snapLogit } from './pytorchLossInputs';
import { bceReport, REDUCTIONS } from './pytorchLossMath';
import { bceWithLogitsNumpy, bceWithLogitsTorch } from './pytorchLossPrograms';
import { BCE_STATE } from './pytorchLossState';

// This chapter prints its programs' lines in its prose (LossCode) too, so they are in its chunk already.
const programsHere = () => Promise.resolve(null);

const DIGITS = 3;

/**
 * nn.BCEWithLogitsLoss with pos_weight: four samples, one logit and one target each. pos_weight
 * multiplies the positive term, −y·log σ(x), alone; the mean still divides by N, whatever pos_weight
 * is (unlike CrossEntropyLoss's weighted mean). Logits, targets, pos_weight and the reduction are in
 * the address.
 */
export function BceExplorer() {
  const [state, update] = useWidgetState(BCE_STATE);
  const inputs = useMemo(() => bceInputs(state), [state]);
  const report = useMemo(() => bceReport(inputs), [inputs]);
  const name = useId();
  const logitsLocked = useControlMode(['bx']) !== 'shown';
  const targetsLocked = useControlMode(['by']) !== 'shown';
  const n = inputs.logits.length;
  const gradientName = inputs.reduction === 'none' ? 'Σℓ' : 'L';
  const readout =
    inputs.reduction === 'none'
      ? `reduction='none' returns ${n} losses (the table); their sum is ${formatNumber(report.value, DIGITS)}.`
      : inputs.reduction === 'sum'
        ? `L = Σ ℓₙ = ${formatNumber(report.value, DIGITS)}`
        : `L = Σ ℓₙ / N = ${formatNumber(report.value * n, DIGITS)} / ${n} = ${formatNumber(report.value, DIGITS)}: divided by N = ${n}, whatever pos_weight is.`;

  return (
    <section className="widget pytorch-loss-widget bce-explorer" aria-label="nn.BCEWithLogitsLoss with pos_weight">
      <p className="formula-words">
        ℓₙ = −[pos_weight · yₙ · ln σ(xₙ) + (1 − yₙ) · ln(1 − σ(xₙ))]: pos_weight scales the positive term only.
      </p>
      <p className="batch-caption" id={`${name}-caption`}>
        Four samples n, one output each: drag a logit x or a target y up or down, or step it with the arrow keys (targets from 0 to 1 in
        steps of 0.1).
      </p>
      <div className="batch-scroll">
        <table className="batch-table bce-table" aria-labelledby={`${name}-caption`}>
          <thead>
            <tr>
              <th scope="col">n</th>
              <th scope="col">logit x</th>
              <th scope="col">target y</th>
              <th scope="col">ℓₙ</th>
              <th scope="col">∂{gradientName}/∂xₙ</th>
            </tr>
          </thead>
          <tbody>
            {inputs.logits.map((x, i) => (
              <tr key={i}>
                <th scope="row">{i}</th>
                <td>
                  <ValueCell
                    label={`logit x[${i}]`}
                    value={x}
                    min={-10}
                    max={10}
                    step={0.1}
                    digits={1}
                    scaleMax={5}
                    disabled={logitsLocked}
                    testId={`bce-logit-${i}`}
                    onValue={(v) => update((s) => ({ bx: s.bx.map((old, k) => (k === i ? snapLogit(v) : old)) }))}
                  />
                </td>
                <td>
                  <ValueCell
                    label={`target y[${i}]`}
                    value={inputs.targets[i] ?? 0}
                    min={0}
                    max={1}
                    step={0.1}
                    digits={1}
                    scaleMax={2}
                    disabled={targetsLocked}
                    testId={`bce-target-${i}`}
                    onValue={(v) => update((s) => ({ by: s.by.map((old, k) => (k === i ? onGrid(v, 0.1, 0, 1) : old)) }))}
                  />
                </td>
                <td data-testid={`bce-loss-${i}`}>{formatNumber(report.perSample[i] ?? 0, DIGITS)}</td>
                <td data-testid={`bce-grad-${i}`}>{formatNumber(report.gradient[i] ?? 0, DIGITS)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="loss-options" role="group" aria-label="Options of nn.BCEWithLogitsLoss">
        <LecturerControl ids={['pw']}>
          <RangeSlider
            label="pos_weight"
            symbol="pos_weight"
            value={inputs.posWeight}
            min={0.1}
            max={10}
            step={0.1}
            digits={1}
            term={term.lossPosWeight()}
            onValue={(v) => update({ pw: onGrid(v, 0.1, 0.1, 10) })}
          />
        </LecturerControl>
        <LecturerControl ids={['br']}>
          <fieldset className="option-radios">
            <legend>reduction</legend>
            {REDUCTIONS.map((r) => (
              <label key={r}>
                <input type="radio" name={`${name}-reduction`} checked={inputs.reduction === r} onChange={() => update({ br: r })} />
                &apos;{r}&apos;
              </label>
            ))}
          </fieldset>
        </LecturerControl>
      </div>
      <p className="loss-readout" data-testid="bce-readout" aria-live="polite">
        {readout}
      </p>
      <CopyAsCode
        subject="nn.BCEWithLogitsLoss with pos_weight, its per-sample losses and its gradient"
        programs={programsHere}
        numpy={() => bceWithLogitsNumpy(inputs)}
        torch={() => bceWithLogitsTorch(inputs)}
      />
    </section>
  );
}
