import { useMemo, useState } from 'react';
import { useWidgetState } from '../../state/useWidgetState';
import { LecturerControl } from '../../controls/LecturerControl';
import { CopyAsCode } from '../../tools/copyAsCode/CopyAsCode';
import { BatchEditor } from './BatchEditor';
import { LossOptions } from './LossOptions';
import { LossCode } from './LossCode';
import { LossResult } from './LossResult';
import { batchFromState, stateFromBatch, type Batch } from './pytorchLossInputs';
import { lossReport } from './pytorchLossMath';
import { PRESETS } from './pytorchLossPresets';
import { crossEntropyOptionsNumpy, crossEntropyOptionsTorch } from './pytorchLossPrograms';
import { BATCH_STATE } from './pytorchLossState';

// This chapter prints its programs' lines in its prose (LossCode) too, so they are in its chunk already.
const programsHere = () => Promise.resolve(null);

/** Every key of the explorer's state: a preset sets them all. */
const ALL_KEYS = Object.keys(BATCH_STATE);

/**
 * nn.CrossEntropyLoss, option by option: a batch the learner edits (logits, targets, class weights),
 * every option, and what they give (the loss, the per-sample losses, the mean's denominator written
 * out, the gradient with respect to every logit, two checks) with the NumPy and PyTorch programs that
 * print the same numbers: the call and the loss's lines always in view, the whole programs to copy.
 * The surprises are one button each. Its whole state is in the address.
 */
export function LossExplorer() {
  const [state, update] = useWidgetState(BATCH_STATE);
  const { batch, problems } = useMemo(() => batchFromState(state), [state]);
  const report = useMemo(() => lossReport(batch), [batch]);
  const [selected, setSelected] = useState<readonly [number, number]>([0, 0]);
  const edit = (change: (b: Batch) => Batch) => {
    const next = change(batch);
    if (next !== batch || problems.length > 0) update(stateFromBatch(next));
  };

  return (
    <section className="widget pytorch-loss-widget loss-explorer" aria-label="nn.CrossEntropyLoss, option by option">
      <LecturerControl ids={ALL_KEYS}>
        <div className="button-row loss-presets" role="group" aria-label="The surprises">
          {PRESETS.map((p) => (
            <button key={p.id} type="button" onClick={() => update(stateFromBatch(p.batch))}>
              {p.label}
            </button>
          ))}
        </div>
      </LecturerControl>
      {problems.length > 0 && (
        <p className="notice" data-testid="batch-problems">
          The link’s batch did not fit together: {problems.join(' ')}
        </p>
      )}
      <div className="loss-explorer-inputs">
        <BatchEditor batch={batch} onEdit={edit} selected={selected} onSelect={(n, j) => setSelected([n, j])} />
        <LossOptions batch={batch} onEdit={edit} />
      </div>
      <LossResult batch={batch} report={report} />
      <LossCode batch={batch} />
      <CopyAsCode
        subject="nn.CrossEntropyLoss with these options, its per-sample losses and its gradient"
        programs={programsHere}
        numpy={() => crossEntropyOptionsNumpy(batch)}
        torch={() => crossEntropyOptionsTorch(batch)}
      />
    </section>
  );
}
