import { Exercise } from '../../exercises/Exercise';
import { BATCH_DIVISOR_EXERCISE, backpropPair, backpropSubscript, OUTPUT_GRADIENT_EXERCISE } from './backpropExerciseSpecs';

/** Before the backward pass is written out: one entry of ∂L/∂W₂ for a network small enough to do by hand. */
export function OutputGradientExercise() {
  return (
    <Exercise
      spec={OUTPUT_GRADIENT_EXERCISE}
      prompt={({ x, w1, labels, j, k }) => (
        <p>
          A 2-2-3 network with ReLU has <strong>W₁</strong> with rows <strong>{backpropPair(w1[0] ?? [])}</strong> and{' '}
          <strong>{backpropPair(w1[1] ?? [])}</strong> (so Z₁ = XW₁, one sample per row of X), and <strong>b₁ = 0</strong>, <strong>W₂ = 0</strong>, <strong>b₂ = 0</strong>. Its
          batch has m = 2 samples: <strong>x₁ = {backpropPair(x[0] ?? [])}</strong> of class {(labels[0] ?? 0) + 1} and{' '}
          <strong>x₂ = {backpropPair(x[1] ?? [])}</strong> of class {(labels[1] ?? 0) + 1}. The loss is the mean cross-entropy. What is
          the entry ({j + 1}, {k + 1}) of ∂L/∂W₂, (∂L/∂W₂){backpropSubscript(j)}
          {backpropSubscript(k)}?
        </p>
      )}
    />
  );
}

/** Before the mean-against-sum demonstration: a NumPy backward pass that divides by every entry, not by m. */
export function BatchDivisorExercise() {
  return (
    <Exercise
      spec={BATCH_DIVISOR_EXERCISE}
      prompt={({ m, C }) => (
        <>
          <p>
            A NumPy backward pass for a batch of m = {m} samples and C = {C} classes, where P and Y have shape (m, C) and the loss is
            the mean over the batch, starts with this line:
          </p>
          <pre>
            <code>dz2 = (P - Y) / P.size</code>
          </pre>
        </>
      )}
    />
  );
}
