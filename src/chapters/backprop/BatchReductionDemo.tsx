import { useId, useMemo } from 'react';
import type { BatchReduction } from '../../core/network';
import { useWidgetState } from '../../state/useWidgetState';
import { formatNumber } from '../../format/formatNumber';
import { LecturerControl } from '../../controls/LecturerControl';
import { BATCH_REDUCTION_STATE } from './backpropState';
import { useBackprop } from './BackpropContext';
import { show } from './backwardPassFormula';
import { BATCH_SIZES, DEMO_STEPS, gradientNorms, LEARNING_RATES } from './batchReductionMath';
import { BatchReductionCurvesPlot, BatchReductionFinalLossPlot, type FinalLossPoint } from '../../plots/BatchReductionPlots';
import { meanSpread, runKey, useBatchReductionRuns, type RunResult } from './batchReductionRuns';
import './backprop-matrix.css';

const REDUCTION_NAMES: Record<BatchReduction, string> = { mean: 'mean', sum: 'sum' };
/** A relative gap this small between ‖∇L_sum‖ and m‖∇L_mean‖ is rounding, not a difference. */
const RATIO_TOLERANCE = 1e-12;

/** A loss to about three significant digits: 0.0243, 10.7, 2618, 3.53 × 10⁵. */
const lossShown = (v: number) => {
  const a = Math.abs(v);
  return a >= 1e5 ? formatNumber(v, 3) : a >= 100 ? formatNumber(v, 0) : a >= 10 ? formatNumber(v, 1) : show(v);
};

/** What a run's final loss reads as: a number, "training…", "blew up" or "stalled" (never NaN). */
function lossText(run: RunResult | undefined): string {
  if (!run?.outcome) return 'training…';
  const { finalLoss, peakLoss, verdict } = run.outcome;
  if (verdict === 'learned') return lossShown(finalLoss);
  if (verdict === 'stalled') return `stalled (ends at ${lossShown(finalLoss)})`;
  if (!Number.isFinite(finalLoss)) return 'blew up (the loss overflowed)';
  return `blew up (ends at ${lossShown(finalLoss)}, peak ${Number.isFinite(peakLoss) ? lossShown(peakLoss) : '∞'})`;
}

/**
 * Mean against sum over the batch: the same network, starting weights and learning rate, trained for
 * DEMO_STEPS full-batch steps on blobs of m = 10 … 1000 points, once per reduction. The mean's final
 * loss hardly depends on m; the sum's step is m times the mean's, so past some m it overshoots. The
 * reduction switch is the chapter store's (the trainer uses it too, and keeps it in the address); m
 * and η are this widget's own, in the address as `m` and `runLr`.
 */
export function BatchReductionDemo() {
  const reduction = useBackprop((s) => s.reduction);
  const setReduction = useBackprop((s) => s.setReduction);
  const [choice, update] = useWidgetState(BATCH_REDUCTION_STATE);
  // the schema's choices are BATCH_SIZES and LEARNING_RATES written out, so these are among them
  const m = Number(choice.m);
  const rate = Number(choice.runLr);
  const { runs, finished, total } = useBatchReductionRuns(rate);
  const names = { reduction: useId(), m: useId(), rate: useId() };

  const norms = useMemo(() => gradientNorms(m), [m]);
  const spread = meanSpread(runs);
  const ratio = norms.sum / norms.mean;

  const series = useMemo(() => {
    const of = (r: BatchReduction): FinalLossPoint[] =>
      BATCH_SIZES.flatMap((size) => {
        const outcome = runs[runKey(r, size)]?.outcome;
        return outcome ? [{ m: size, loss: outcome.finalLoss, blewUp: outcome.verdict === 'blewUp' }] : [];
      });
    return { mean: of('mean'), sum: of('sum') };
  }, [runs]);

  const chosenRun = runs[runKey(reduction, m)];
  const other: BatchReduction = reduction === 'mean' ? 'sum' : 'mean';
  const otherRun = runs[runKey(other, m)];
  const summary = (r: BatchReduction) => series[r].map((p) => `m = ${p.m}: ${p.blewUp ? 'blew up' : lossShown(p.loss)}`).join('; ');
  const finalLabel =
    `Final loss per sample after ${DEMO_STEPS} steps at η = ${formatNumber(rate, 2)}, against the batch size m on log scales. ` +
    `Mean: ${summary('mean') || 'still training'}. Sum: ${summary('sum') || 'still training'}.`;
  const curvesLabel =
    `Loss per sample step by step at m = ${m}, η = ${formatNumber(rate, 2)}, log scale: ` +
    `with the mean ${lossText(runs[runKey('mean', m)])}, with the sum ${lossText(runs[runKey('sum', m)])}.`;

  return (
    <section className="widget bp-matrix-widget batch-reduction-demo" aria-label="Mean against sum over the batch">
      <fieldset className="controls">
        <legend>Reduction, batch size and learning rate</legend>
        <div className="choice-row" role="radiogroup" aria-labelledby={names.reduction}>
          <span id={names.reduction}>Reduction (the trainer above uses it too):</span>
          {(['mean', 'sum'] as const).map((r) => (
            <label key={r}>
              <input type="radio" name={`${names.reduction}-r`} checked={reduction === r} onChange={() => setReduction(r)} />
              {r === 'mean' ? 'mean, L = (1/m) Σ ℓᵢ' : 'sum, L = Σ ℓᵢ'}
            </label>
          ))}
        </div>
        <LecturerControl ids={['m']}>
          <div className="bp-select-row">
            <label htmlFor={names.m}>Batch size m</label>
            <select id={names.m} value={choice.m} onChange={(e) => update({ m: e.currentTarget.value })}>
              {BATCH_SIZES.map((size) => (
                <option key={size} value={String(size)}>
                  {size}
                </option>
              ))}
            </select>
          </div>
        </LecturerControl>
        <LecturerControl ids={['runLr']}>
          <div className="bp-select-row">
            <label htmlFor={names.rate}>Learning rate η of every run</label>
            <select id={names.rate} value={choice.runLr} onChange={(e) => update({ runLr: e.currentTarget.value })}>
              {LEARNING_RATES.map((r) => (
                <option key={r} value={String(r)}>
                  {formatNumber(r, 2)}
                </option>
              ))}
            </select>
          </div>
        </LecturerControl>
      </fieldset>

      <p className="bp-progress" data-testid="bp-batch-progress" aria-live="polite">
        {finished < total ? `Training: ${finished} of ${total} runs done…` : `All ${total} runs done: ${DEMO_STEPS} steps each at η = ${formatNumber(rate, 2)}.`}
      </p>

      <p className="bp-batch-readout" data-testid="bp-batch-readout">
        Loss per sample after {DEMO_STEPS} steps at m = {m}, with the <strong>{REDUCTION_NAMES[reduction]}</strong>:{' '}
        <span data-testid="bp-batch-chosen">{lossText(chosenRun)}</span>; with the {REDUCTION_NAMES[other]}: {lossText(otherRun)}.
      </p>

      <div className="plots-pair">
        <figure>
          <BatchReductionFinalLossPlot label={finalLabel} sizes={BATCH_SIZES} series={series} chosen={m} />
          <figcaption>
            Final loss against m: <span className="legend-item bp-legend-mean">mean</span>{' '}
            <span className="legend-item bp-legend-sum">sum</span> (✕:&nbsp;blew&nbsp;up).
          </figcaption>
        </figure>
        <figure>
          <BatchReductionCurvesPlot
            label={curvesLabel}
            steps={DEMO_STEPS}
            runs={(['mean', 'sum'] as const).flatMap((r) => {
              const run = runs[runKey(r, m)];
              return run ? [{ reduction: r, losses: run.losses, filled: run.filled, emphasis: r === reduction }] : [];
            })}
          />
          <figcaption>The loss step by step at m = {m} (the chosen reduction drawn thicker).</figcaption>
        </figure>
      </div>

      <div className="bp-table-scroll" role="region" aria-label="Final loss per batch size, scrollable" tabIndex={0}>
        <table className="bp-table bp-batch-table" data-testid="bp-batch-table">
          <caption>Loss per sample after {DEMO_STEPS} steps at η = {formatNumber(rate, 2)}</caption>
          <thead>
            <tr>
              <th scope="col">m</th>
              <th scope="col">mean</th>
              <th scope="col">sum</th>
              <th scope="col">sum&rsquo;s step, as η·m</th>
            </tr>
          </thead>
          <tbody>
            {BATCH_SIZES.map((size) => (
              <tr key={size} aria-current={size === m ? 'true' : undefined}>
                <th scope="row">{size}</th>
                <td data-testid={`bp-final-mean-${size}`}>{lossText(runs[runKey('mean', size)])}</td>
                <td data-testid={`bp-final-sum-${size}`}>{lossText(runs[runKey('sum', size)])}</td>
                <td>{formatNumber(rate * size, rate * size < 1 ? 2 : 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {spread && (
        <p className="bp-batch-spread" data-testid="bp-batch-spread">
          With the mean, the final loss runs from {lossShown(spread.low.loss)} (m = {spread.low.m}) to {lossShown(spread.high.loss)} (m = {spread.high.m}):
          a factor of {formatNumber(spread.factor, 1)} over a hundredfold range of m.
        </p>
      )}

      <ul className="checks" aria-label="Live checks" data-testid="bp-batch-checks">
        <li data-ok={Math.abs(ratio - m) <= RATIO_TOLERANCE * m}>
          At the starting weights and m = {m}: ‖∇L_sum‖ = {show(norms.sum)} and ‖∇L_mean‖ = {show(norms.mean)}, a ratio of{' '}
          {formatNumber(ratio, 6)} = m. The same η takes a step {m} times as long with the sum.
        </li>
      </ul>
    </section>
  );
}
