import { memo, useId, useMemo, useState, type ReactNode } from 'react';
import type { Activation } from '../../core/network';
import { formatNumber } from '../../format/formatNumber';
import { classColour } from '../../format/terms';
import { useControlMode } from '../../state/embedContext';
import { LecturerControl } from '../../controls/LecturerControl';
import { NumberField } from '../../controls/NumberField';
import type { NumberRule } from '../../controls/parseTypedNumber';
import { RangeSlider } from '../../controls/RangeSlider';
import { ACTIVATIONS, BACKPROP_LIMITS, DATASET_KINDS, type BackpropDatasetKind } from './backpropLimits';
import { useBackprop, useBackpropStore } from './BackpropContext';
import { effectiveBatchSize } from './backpropStore';

const DATASET_NAMES: Record<BackpropDatasetKind, string> = {
  blobs: 'blobs',
  rings: 'rings',
  spirals: 'spirals',
  custom: 'your own points',
};
const ACTIVATION_NAMES: Record<Activation, string> = { relu: 'ReLU', tanh: 'tanh', sigmoid: 'sigmoid' };

/** The learning rate as the slider shows it: three significant digits whatever its size. */
export function learningRateText(lr: number): string {
  return formatNumber(lr, lr < 0.01 ? 4 : lr < 0.1 ? 3 : lr < 1 ? 2 : lr < 10 ? 1 : 0);
}

const SEED_RULE: NumberRule = { name: 'the seed', ...BACKPROP_LIMITS.seed, whole: true };

/**
 * A label and its field, one row of the two-column grid, as the lecturer set them. Locked, the group
 * spans the grid's row with a grid of its own inside, so its label and field stay side by side.
 */
function FieldPair({ ids, children }: { ids: readonly string[]; children: ReactNode }) {
  const locked = useControlMode(ids) === 'locked';
  const pair = (
    <LecturerControl ids={ids}>
      {locked ? <div className="backprop-fields">{children}</div> : children}
    </LecturerControl>
  );
  return locked ? <div className="backprop-fields-row">{pair}</div> : pair;
}

/**
 * Everything the learner sets: play, step, reset, replay, the seed, the data, the class of new points,
 * the hidden units, the activation and the learning rate (a slider over its logarithm, since rates
 * from 0.001 to 10 matter alike). Every control is a native one with a name.
 *
 * Each control is wrapped with the ids of the trainer's state it changes (the lecturer's hide= and
 * lock=): one that restarts the run changes the step count n too, so locking n fixes the trained
 * network, and the data set and the points go together.
 */
export const TrainingControls = memo(function TrainingControls({ onStep, onDownload }: { onStep(): void; onDownload(): void }) {
  const running = useBackprop((s) => s.running);
  const datasetKind = useBackprop((s) => s.datasetKind);
  const initialSeed = useBackprop((s) => s.initialSeed);
  const hidden = useBackprop((s) => s.hidden);
  const activation = useBackprop((s) => s.activation);
  const learningRate = useBackprop((s) => s.learningRate);
  const pointClass = useBackprop((s) => s.pointClass);
  const m = useBackprop((s) => s.dataset.m);
  const empty = m === 0;
  const batchSize = useBackprop(effectiveBatchSize);
  const store = useBackpropStore();
  const actions = store.getState();
  // one function per store, so the sliders and the field are not given a new handler every render
  const { lrAction, hiddenAction, seedAction, batchAction } = useMemo(
    () => ({
      lrAction: (log: number) => store.getState().setLearningRate(10 ** log),
      hiddenAction: (h: number) => store.getState().setHidden(h),
      seedAction: (seed: number) => store.getState().setInitialSeed(seed),
      batchAction: (b: number) => store.getState().setBatchSize(b),
    }),
    [store],
  );
  const ids = { seed: useId(), seedMessage: useId(), data: useId(), activation: useId(), classes: useId() };
  // a refused seed is said right under the fields, where the learner is typing (on a phone the
  // trainer's own alert over the plot is a screen above), and read with the field; it names the seed
  // kept, so it goes once the seed changes (Reset, a link), as the trainer's own message does
  const [refusal, setRefusal] = useState<{ text: string; seed: number } | null>(null);
  const seedMessage = refusal?.seed === initialSeed ? refusal.text : null;
  return (
    <div className="backprop-controls">
      <div className="button-row" role="group" aria-label="Training">
        <LecturerControl ids={['n']}>
          <button type="button" className="primary-action" onClick={() => actions.setRunning(!running)} disabled={empty && !running}>
            {running ? 'Pause' : 'Play'}
          </button>
          <button type="button" onClick={onStep} disabled={running || empty}>
            Step
          </button>
          <button type="button" onClick={() => actions.replay()} title="Start again from the same initial weights">
            Replay
          </button>
        </LecturerControl>
        <LecturerControl ids={['seed', 'n']}>
          <button type="button" onClick={() => actions.reset()} title="New initial weights from the next seed">
            Reset
          </button>
        </LecturerControl>
        <button type="button" onClick={onDownload}>
          Download weights (JSON)
        </button>
      </div>

      <div className="backprop-fields">
        {/* a set chosen replaces the points */}
        <FieldPair ids={['data', 'points', 'n']}>
          <label htmlFor={ids.data}>Data</label>
          <select id={ids.data} value={datasetKind} onChange={(e) => actions.setDatasetKind(e.currentTarget.value as BackpropDatasetKind)}>
            {DATASET_KINDS.map((k) => (
              <option key={k} value={k}>
                {DATASET_NAMES[k]}
              </option>
            ))}
          </select>
        </FieldPair>
        <FieldPair ids={['act', 'n']}>
          <label htmlFor={ids.activation}>Activation</label>
          <select id={ids.activation} value={activation} onChange={(e) => actions.setActivation(e.currentTarget.value as Activation)}>
            {ACTIVATIONS.map((a) => (
              <option key={a} value={a}>
                {ACTIVATION_NAMES[a]}
              </option>
            ))}
          </select>
        </FieldPair>
        <FieldPair ids={['seed', 'n']}>
          <label htmlFor={ids.seed}>Seed of the initial weights</label>
          <NumberField
            id={ids.seed}
            value={initialSeed}
            rule={SEED_RULE}
            kept={`The network keeps seed ${initialSeed}.`}
            onValue={seedAction}
            onMessage={(text) => setRefusal(text === null ? null : { text, seed: initialSeed })}
            describedBy={seedMessage ? ids.seedMessage : undefined}
          />
        </FieldPair>
      </div>
      {seedMessage && (
        <p className="notice" id={ids.seedMessage} role="alert">
          {seedMessage}
        </p>
      )}

      <LecturerControl ids={['hidden', 'n']}>
        <RangeSlider label="hidden units H" symbol="H" value={hidden} min={BACKPROP_LIMITS.hidden.min} max={BACKPROP_LIMITS.hidden.max} step={1} digits={0} term="bp-hidden" onValue={hiddenAction} />
      </LecturerControl>
      <LecturerControl ids={['lr']}>
        <RangeSlider
          label="learning rate η (logarithmic slider)"
          symbol="η"
          value={Math.log10(learningRate)}
          min={Math.log10(BACKPROP_LIMITS.learningRate.min)}
          max={Math.log10(BACKPROP_LIMITS.learningRate.max)}
          step={0.05}
          digits={2}
          valueText={learningRateText(learningRate)}
          term="bp-learning-rate"
          onValue={lrAction}
        />
      </LecturerControl>
      {/* the steps to come only, as the learning rate: the run so far stays */}
      <LecturerControl ids={['batch']}>
        <RangeSlider
          label="batch size B (points a step)"
          symbol="B"
          value={batchSize}
          min={1}
          max={Math.max(1, m)}
          step={1}
          digits={0}
          term="bp-batch-size"
          onValue={batchAction}
        />
      </LecturerControl>

      {/* only for adding points: it goes with them */}
      <LecturerControl ids={['data', 'points']}>
        <fieldset className="point-class">
          <legend>Class of the points you add</legend>
          <div className="label-choices" role="radiogroup" aria-label="Class of the points you add">
            {[0, 1, 2].map((c) => (
              <label key={c} className="label-choice">
                <input type="radio" name={ids.classes} checked={pointClass === c} onChange={() => actions.setPointClass(c)} />
                <span className="class-swatch" style={{ background: classColour(c) }} aria-hidden="true" />
                class {c + 1}
              </label>
            ))}
          </div>
          <button type="button" onClick={() => actions.addPoint(0, 0, pointClass)}>
            Add a point at the centre
          </button>
        </fieldset>
      </LecturerControl>
    </div>
  );
});
