import { formatNumber } from '../../format/formatNumber';
import { BACKPROP_LIMITS } from './backpropLimits';
import { useBackprop, useBackpropStore } from './BackpropContext';
import { DecisionRegions } from './DecisionRegions';
import { RunCurves } from './RunCurves';
import { Opener, OpenerPair } from '../Opener';
import './backprop-opener.css';

const CLASS_NAMES = ['1', '2', '3'] as const;
const NO_RUN: readonly never[] = [];

/**
 * Chapter 8 opens with the network learning: its decision regions beside its loss curve, and a button
 * that trains it. Everything here is the chapter's one store, so this is the very run of the trainer
 * under "Train it" (whose training loop does the work; it is on the same page): Train here and the
 * trainer's step count, curves and controls move too, and the other way round.
 */
export function BackpropOpener() {
  const { addPoint, movePoint, deletePoint, setRunning } = useBackpropStore().getState();
  const running = useBackprop((s) => s.running);
  const dataset = useBackprop((s) => s.dataset);
  const regions = useBackprop((s) => s.regions);
  const pointClass = useBackprop((s) => s.pointClass);
  const history = useBackprop((s) => s.history);
  const step = useBackprop((s) => s.step);
  const message = useBackprop((s) => s.message);

  const now = history[history.length - 1];
  // the numbers of the weights on show, not of a step the trainer has not evaluated yet
  const evaluated = now !== undefined && now.step === step;
  const loss = evaluated ? now.loss : NaN;
  const accuracy = evaluated ? now.accuracy : NaN;
  const shownLoss = Number.isFinite(loss) ? formatNumber(loss, 3) : '–';
  const shownAccuracy = Number.isFinite(accuracy) ? `${formatNumber(100 * accuracy, 1)}%` : '–';
  const empty = dataset.m === 0;

  return (
    <Opener
      name="Backpropagation at a glance"
      caption={
        <>
          Press Train: the regions settle on the three classes as the loss falls. Drag a point to move it. Same network
          as “Train it” below.
        </>
      }
    >
      <div className="backprop-opener">
        <div className="backprop-opener-row">
          <button type="button" className="primary-action" onClick={() => setRunning(!running)} disabled={empty && !running}>
            {running ? 'Pause' : 'Train'}
          </button>
          <p className="opener-readout" data-testid="backprop-opener-readout">
            step {step} · loss {shownLoss} · accuracy {shownAccuracy}
          </p>
        </div>
        {message && <p className="backprop-opener-message">{message}</p>}
        <OpenerPair
          left={(width, height) => (
            <DecisionRegions
              size={Math.min(width, height)}
              dataset={dataset}
              regions={regions}
              gridSize={BACKPROP_LIMITS.grid}
              extent={BACKPROP_LIMITS.extent}
              classNames={CLASS_NAMES}
              loss={loss}
              accuracy={accuracy}
              pointClass={pointClass}
              onAdd={addPoint}
              onMove={movePoint}
              onDelete={deletePoint}
            />
          )}
          right={(width, height) => (
            <RunCurves
              measure="loss"
              run={history}
              previous={NO_RUN}
              width={width}
              height={height}
              label={`Loss against step, steps 0 to ${step}: now ${shownLoss}.`}
            />
          )}
        />
      </div>
    </Opener>
  );
}
