import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { LiveFormula } from '../../math/LiveFormula';
import { backpropFormulaLabel, backpropTex } from './backpropFormula';
import { BACKPROP_LIMITS } from './backpropLimits';
import { useBackprop, useBackpropStore } from './BackpropContext';
import { effectiveBatchSize, type BackpropStore } from './backpropStore';
import { DecisionRegions } from './DecisionRegions';
import { RunCurves } from './RunCurves';
import { TrainingControls } from './TrainingControls';
import { inlineTrainer, startTrainingLoop, workerTrainer, type Trainer, type TrainingLoop } from './trainingLoop';
import { useTrainerState } from './useTrainerState';
import { downloadWeights, weightsFile } from './weightsJson';
import { createDeferredView, PAUSE_MS } from '../../state/deferredView';
import { DeferredViewContext, useDeferredView } from '../../state/DeferredView';

const CLASS_NAMES = ['1', '2', '3'] as const;

/** What a step takes, for the status line: "full batch", or B of the m points and the steps an epoch. */
export function batchText(batchSize: number, m: number): string {
  if (m === 0 || batchSize >= m) return 'full batch';
  const steps = Math.ceil(m / batchSize);
  return `batches of ${batchSize} of the ${m} points, ${steps} steps an epoch, reshuffled each epoch`;
}

function createTrainer(): Trainer {
  if (typeof Worker === 'undefined') return inlineTrainer();
  return workerTrainer(new Worker(new URL('./backpropTraining.worker.ts', import.meta.url), { type: 'module' }));
}

// while the lecturer fixed the points, the plot takes no edits
const keepPoints = () => {};

function download(store: BackpropStore) {
  const s = store.getState();
  downloadWeights(weightsFile(s.network, s.step, s.initialSeed, s.datasetKind));
}

/**
 * The network lab: decision regions with the points, the controls, the loss and accuracy curves and the
 * live loss formula. Training runs in a Web Worker (where there is none, in the same function on this
 * thread), one slice per frame, so the page keeps drawing and the sliders keep answering while it runs.
 * Its settings and step count are in the address (useTrainerState): a link replays its run.
 *
 * While the learner moves one of its sliders, the picture (status line, regions, formula, curves) holds
 * still and catches up once the slider has been still for PAUSE_MS: a step of H builds a new network,
 * and redrawing its regions, formula and curves at each of a held key's steps cost the slider its
 * frames. The slider and its value answer at once, and every number is current a pause after the last
 * input. Training that plays or replays is never held (the run's `live`).
 */
export function BackpropTrainer({ trainer }: { trainer?: () => Trainer }) {
  const loop = useRef<TrainingLoop | null>(null);
  const store = useBackpropStore();
  const outer = useDeferredView();
  // the picture's own view: active (changes at once) except from a slider's input until the pause after it
  const [picture] = useState(() => {
    const view = createDeferredView({ maxWaitMs: Infinity });
    view.setActive(true);
    return view;
  });
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const running = startTrainingLoop(store, (trainer ?? createTrainer)());
    loop.current = running;
    return () => {
      running.stop();
      // Leaving the chapter pauses training: nothing runs for a page nobody sees.
      store.getState().setRunning(false);
      loop.current = null;
    };
  }, [store, trainer]);
  useEffect(
    () => () => {
      if (settle.current !== null) clearTimeout(settle.current);
      picture.dispose();
    },
    [picture],
  );

  // Seen in the capture phase, before the slider's own handler changes the store.
  const onInputCapture = useCallback(
    (event: FormEvent<HTMLElement>) => {
      const target = event.target;
      if (!(target instanceof HTMLInputElement) || target.type !== 'range') return;
      picture.setActive(false);
      if (settle.current !== null) clearTimeout(settle.current);
      settle.current = setTimeout(() => {
        settle.current = null;
        picture.setActive(true);
      }, PAUSE_MS);
    },
    [picture],
  );
  const takeStep = useCallback(() => loop.current?.step(1), []);
  const downloadRun = useCallback(() => download(store), [store]);
  // the controls read the run as the widget does, not as the held picture
  const controls = (
    <DeferredViewContext.Provider value={outer}>
      <TrainingControls onStep={takeStep} onDownload={downloadRun} />
    </DeferredViewContext.Provider>
  );

  return (
    <section className="widget backprop-widget backprop-trainer" aria-label="Network trainer" onInputCapture={onInputCapture}>
      <DeferredViewContext.Provider value={picture}>
        <TrainerPicture controls={controls} />
      </DeferredViewContext.Provider>
    </section>
  );
}

/** Everything the trainer shows around its controls, read through the picture's view. */
function TrainerPicture({ controls }: { controls: ReactNode }) {
  const store = useBackpropStore();
  const { addPoint, movePoint, deletePoint } = store.getState();
  const dataset = useBackprop((s) => s.dataset);
  const regions = useBackprop((s) => s.regions);
  const pointClass = useBackprop((s) => s.pointClass);
  const history = useBackprop((s) => s.history);
  const previous = useBackprop((s) => s.previousHistory);
  const step = useBackprop((s) => s.step);
  const hidden = useBackprop((s) => s.hidden);
  const reduction = useBackprop((s) => s.reduction);
  const batchSize = useBackprop(effectiveBatchSize);
  const message = useBackprop((s) => s.message);
  const replayTarget = useBackprop((s) => s.replayTarget);
  const mode = useTrainerState();
  const editable = mode('data') === 'shown' && mode('points') === 'shown';

  const now = history[history.length - 1];
  const evaluated = now !== undefined && now.step === step;
  const loss = evaluated ? now.loss : NaN;
  const accuracy = evaluated ? now.accuracy : NaN;
  const shownLoss = Number.isFinite(loss) ? formatNumber(loss, 4) : '–';
  const shownAccuracy = Number.isFinite(accuracy) ? `${formatNumber(100 * accuracy, 1)}%` : '–';
  const numbers = { m: dataset.m, hidden, reduction, loss, step };

  return (
    <>
      {message && (
        <p className="notice" role="alert">
          {message}
        </p>
      )}
      <p className="backprop-status" aria-live="off">
        Step <span data-testid="bp-step">{step}</span>
        {step < replayTarget && <span data-testid="bp-replay"> of {replayTarget} (replaying the link’s run)</span>} ·{' '}
        <span data-testid="bp-batch">{batchText(batchSize, dataset.m)}</span> · loss{' '}
        <span data-testid="bp-loss" data-value={Number.isFinite(loss) ? String(loss) : undefined}>
          {shownLoss}
        </span>{' '}
        · accuracy{' '}
        <span data-testid="bp-accuracy" data-value={Number.isFinite(accuracy) ? String(accuracy) : undefined}>
          {shownAccuracy}
        </span>
      </p>
      <div className="backprop-layout">
        <figure className="regions-figure">
          <DecisionRegions
            dataset={dataset}
            regions={regions}
            gridSize={BACKPROP_LIMITS.grid}
            extent={BACKPROP_LIMITS.extent}
            classNames={CLASS_NAMES}
            loss={loss}
            accuracy={accuracy}
            pointClass={pointClass}
            onAdd={editable ? addPoint : keepPoints}
            onMove={editable ? movePoint : keepPoints}
            onDelete={editable ? deletePoint : keepPoints}
          />
          <figcaption>
            Each pixel in the colour of the class the network predicts there.{' '}
            {editable
              ? `Click to add a point of class ${pointClass + 1}; drag a point to move it. From the keyboard: Tab to the points, arrow keys move one, Page Up / Page Down pick another, Delete removes it.`
              : 'Your lecturer set the points: they stay as they are.'}
          </figcaption>
        </figure>
        {controls}
      </div>
      <LiveFormula label={backpropFormulaLabel(numbers)} lines={backpropTex(numbers)} testId="bp-formula" />
      <div className="plots-pair">
        <figure>
          <RunCurves
            measure="loss"
            run={history}
            previous={previous}
            label={`Loss against step, steps 0 to ${step}: now ${shownLoss}${previous.length > 0 ? `; the previous run, dashed, reached step ${previous[previous.length - 1]?.step ?? 0}` : ''}.`}
          />
          <figcaption>Loss (the previous run dashed, after Replay or Reset)</figcaption>
        </figure>
        <figure>
          <RunCurves measure="accuracy" run={history} previous={previous} label={`Accuracy on the ${dataset.m} points against step, steps 0 to ${step}: now ${shownAccuracy}.`} />
          <figcaption>Accuracy on the points</figcaption>
        </figure>
      </div>
    </>
  );
}
