import { useId, useMemo, useState } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { LiveFormula } from '../../math/LiveFormula';
import { MatrixHeatmap } from '../../plots/MatrixHeatmap';
import { classCount, isIgnored, type Batch } from './pytorchLossInputs';
import { gradientCheck, nllRoute, nllUnavailable, undefinedMeanMessage, type LossReport } from './pytorchLossMath';
import { lossTex, lossText, plain } from './pytorchLossFormula';

const DIGITS = 3;

/** The loss as the explorer states it: a number for 'mean' and 'sum', the words for 0/0, a vector for 'none'. */
export function lossStatement(b: Batch, r: LossReport): string {
  if (b.reduction === 'none') {
    return `reduction='none' returns ${r.perSample.length} losses, one per sample (the table); their sum is ${formatNumber(r.total, DIGITS)}.`;
  }
  if (r.undefinedMean) return `No number: ${undefinedMeanMessage(r)}.`;
  return `L = ${formatNumber(r.value, DIGITS)}`;
}

function PerSampleTable({ batch, report }: { batch: Batch; report: LossReport }) {
  const probs = batch.targetKind === 'probs';
  const captionId = useId();
  return (
    <div className="per-sample">
      <p className="batch-caption" id={captionId}>
        ℓₙ per sample, as reduction=&apos;none&apos; returns it
      </p>
      <div className="batch-scroll">
        <table className="per-sample-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">sample</th>
              {!probs && <th scope="col">target t</th>}
              {!probs && batch.weighted && <th scope="col">w[t]</th>}
              <th scope="col">ℓₙ</th>
            </tr>
          </thead>
          <tbody>
            {Array.from(report.perSample, (loss, n) => {
              const ignored = isIgnored(batch, n);
              const t = batch.indices[n] as number;
              return (
                <tr key={n} data-term={term.lossSample(n)} className={ignored ? 'ignored-sample' : undefined}>
                  <th scope="row">{n}</th>
                  {!probs && <td>{ignored ? `${t} (ignored)` : t}</td>}
                  {!probs && batch.weighted && <td>{ignored ? '—' : plain(batch.weight[t] as number)}</td>}
                  <td data-testid={`sample-loss-${n}`}>{formatNumber(loss, DIGITS)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Two live checks: log-softmax + NLLLoss gives the same loss, and central differences give the same gradient. */
function Checks({ batch, report }: { batch: Batch; report: LossReport }) {
  const unavailable = nllUnavailable(batch);
  const nll = useMemo(() => (unavailable ? null : nllRoute(batch)), [batch, unavailable]);
  const fd = useMemo(() => gradientCheck(batch, report), [batch, report]);
  const what = batch.reduction === 'none' ? 'Σ ℓₙ' : 'L';
  return (
    <ul className="loss-checks" data-testid="loss-checks">
      <li data-testid="nll-check">
        {unavailable ??
          (report.undefinedMean
            ? 'nn.LogSoftmax then nn.NLLLoss: the same 0 / 0, so PyTorch prints nan for both.'
            : `nn.LogSoftmax then nn.NLLLoss gives ${what} = ${formatNumber(nll?.value ?? 0, 6)}; nn.CrossEntropyLoss gives ${formatNumber(report.value, 6)}: the same loss in two steps.`)}
      </li>
      <li data-testid="gradient-check">
        {fd
          ? `Central differences (h ≈ 6 × 10⁻⁶) agree with every ∂${what}/∂z[n, c] to within ${formatNumber(fd.maxError, 1)} (the largest entry is ${formatNumber(fd.maxGradient, 3)}).`
          : `No finite-difference check: the loss itself is ${report.total === 0 ? '0 / 0' : 'nan (its nll part is 0 / 0)'}.`}
      </li>
    </ul>
  );
}

/**
 * What the options give: the loss (or, for 'none', the per-sample losses; or, where PyTorch's mean is
 * 0/0, a sentence saying so instead of nan), the fraction that makes the mean with its denominator
 * spelled out, the gradient with respect to every logit as a heatmap with its numbers, and two checks.
 */
export function LossResult({ batch, report }: { batch: Batch; report: LossReport }) {
  const [cell, setCell] = useState<readonly [number, number]>([0, 0]);
  const c = classCount(batch);
  const finiteGradient = report.gradient.every((row) => row.every(Number.isFinite));
  const scaleMax = Math.max(1e-12, ...report.gradient.flatMap((row) => Array.from(row, Math.abs)));
  const message = report.undefinedMean ? undefinedMeanMessage(report) : '';
  const selected: readonly [number, number] = cell[0] < report.gradient.length && cell[1] < c ? cell : [0, 0];
  const of = batch.reduction === 'none' ? 'Σℓ' : 'L';
  return (
    <div className="loss-result">
      <p className={report.undefinedMean ? 'notice loss-readout' : 'loss-readout'} data-testid="loss-readout" aria-live="polite">
        {lossStatement(batch, report)}
      </p>
      <LiveFormula label={lossText(batch, report, message)} lines={lossTex(batch, report)} testId="loss-formula" className="loss-formula" />
      <p className="denominator-text" data-testid="denominator-text">
        {lossText(batch, report, message)}
      </p>
      <div className="loss-result-pair">
        <PerSampleTable batch={batch} report={report} />
        {finiteGradient ? (
          <MatrixHeatmap
            caption={`Gradient ∂${of}/∂z, one cell per logit${report.undefinedMean ? ' (PyTorch’s zeros: no sample counts)' : ''}`}
            matrix={report.gradient}
            rowLabel={(n) => `sample ${n}`}
            columnLabel={(j) => `class ${j}`}
            cellName={(n, j, v) => `∂${of}/∂z[${n}, ${j}] = ${v}`}
            cellTerm={(n, j) => term.lossGradient(n, j)}
            scaleMax={scaleMax}
            digits={DIGITS}
            selected={selected}
            onSelect={(n, j) => setCell([n, j])}
          />
        ) : (
          <p className="notice" data-testid="gradient-undefined">
            No gradient either: it is divided by the same 0.
          </p>
        )}
      </div>
      <Checks batch={batch} report={report} />
    </div>
  );
}
