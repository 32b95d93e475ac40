import { Exercise } from '../../exercises/Exercise';
import {
  classSubscript,
  EINSUM_BUG_EXERCISE,
  HESSIAN_ENTRY_EXERCISE,
  hessianEntry,
  LINE_LETTERS,
  logitList,
  STABLE_RATE_EXERCISE,
} from './higherDerivativesExerciseSpecs';

/** Before the derivation of H: one entry by hand, with a target shown that plays no part. */
export function HessianEntryExercise() {
  return (
    <Exercise
      spec={HESSIAN_ENTRY_EXERCISE}
      prompt={({ z, t, i, j }) => (
        <p>
          The logits are <strong>z = {logitList(z)}</strong> and the true class is {t + 1}, so L = −ln p{classSubscript(t)}. What is the entry{' '}
          <strong>{hessianEntry(i, j)}</strong> = ∂²L/∂z{classSubscript(i)}∂z{classSubscript(j)} of the Hessian?
        </p>
      )}
    />
  );
}

/** After the quadratic model, before the link to chapter 6 gives the formula away: 2/λmax for two classes. */
export function StableRateExercise() {
  return (
    <Exercise
      spec={STABLE_RATE_EXERCISE}
      prompt={({ z }) => (
        <p>
          Two classes, logits <strong>z = {logitList(z)}</strong>. Gradient descent on L in z itself, z ← z − η∇L, in the quadratic model at this
          z: a step multiplies the error along an eigenvector of H with eigenvalue λ by 1 − ηλ. What is the largest stable learning rate, 2/λmax?
        </p>
      )}
    />
  );
}

/** After the einsum lines are shown: one of five lines has a wrong index. */
export function EinsumBugExercise() {
  return (
    <Exercise
      spec={EINSUM_BUG_EXERCISE}
      prompt={({ lines }) => (
        <>
          <p>
            A learner builds the third derivative from <code>p</code> and <code>I = np.eye(C)</code> as the sum of these five lines. Every line runs
            without an error. Which one builds the wrong term?
          </p>
          <pre className="hd-bug-lines" tabIndex={0} role="region" aria-label="The five lines">
            <code>{lines.map((line, n) => `${LINE_LETTERS[n]}:  ${line.code}`).join('\n')}</code>
          </pre>
        </>
      )}
    />
  );
}
