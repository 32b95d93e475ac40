import { Exercise } from '../../exercises/Exercise';
import { WEIGHT_BUG_EXERCISE, WEIGHTED_MEAN_EXERCISE, weightText } from './pytorchLossExerciseSpecs';

const vector = (v: readonly number[]) => `[${v.map(weightText).join(', ')}]`;
/** rows under the first, aligned after `z = np.array([` */
const logitRows = (z: readonly (readonly number[])[]) => `[${z.map((row) => vector(row)).join(`,\n${' '.repeat(14)}`)}]`;

/** Before the explorer shows the denominator: the weighted mean from the per-sample losses. */
export function WeightedMeanExercise() {
  return (
    <Exercise
      spec={WEIGHTED_MEAN_EXERCISE}
      prompt={({ targets, weight, shown }) => (
        <>
          <p>
            A batch of four samples and three classes has targets <strong>t = {vector(targets)}</strong>
            {targets.includes(-100) ? ' (−100 is ignore_index: that sample is ignored)' : ''} and class weights{' '}
            <strong>w = {vector(weight)}</strong>. Without weights, reduction=&apos;none&apos; prints each sample’s −ln p of its class:
          </p>
          {/* the numbers to compute with, in the prompt's own type (not the grey of the seed line) */}
          <p>
            <strong>ℓ = [{shown.map((v, n) => (targets[n] === -100 ? '0 (ignored)' : v.toFixed(4))).join(', ')}]</strong>
          </p>
          <p>
            What does <code>nn.CrossEntropyLoss(weight=w)(z, t)</code> print, with its default reduction=&apos;mean&apos;?
          </p>
        </>
      )}
    />
  );
}

/** Before the chapter says what the weighted mean divides by: a NumPy port that divides by N. */
export function WeightBugExercise() {
  return (
    <Exercise
      spec={WEIGHT_BUG_EXERCISE}
      prompt={({ logits, targets, weight, torch, port }) => (
        <>
          <p>
            A learner ports <code>nn.CrossEntropyLoss(weight=w)</code> to NumPy and tests it on one batch. PyTorch prints{' '}
            <strong>{torch.toFixed(4)}</strong>; the port prints <strong>{port.toFixed(4)}</strong>.
          </p>
          <pre>
            <code>
              {`z = np.array(${logitRows(logits)})\nt = np.array(${vector(targets)})\nw = np.array(${vector(weight)})\nN = len(t)\nlog_p = z - z.max(axis=1, keepdims=True)\nlog_p -= np.log(np.exp(log_p).sum(axis=1, keepdims=True))\nnll = -log_p[np.arange(N), t]\nloss = (w[t] * nll).sum() / N`}
            </code>
          </pre>
          <p>The last line is wrong.</p>
        </>
      )}
    />
  );
}
