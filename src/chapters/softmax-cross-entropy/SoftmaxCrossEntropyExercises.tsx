import { Exercise } from '../../exercises/Exercise';
import { classSubscript, GRADIENT_EXERCISE, numberList, SIGN_PATTERN_EXERCISE, STEP_BUG_EXERCISE } from './softmaxCrossEntropyExerciseSpecs';

/** After the derivation, before the explorer: one entry of ∂L/∂z by hand, from logits of the learner's own. */
export function GradientExercise() {
  return (
    <Exercise
      spec={GRADIENT_EXERCISE}
      prompt={({ z, t, k }) => (
        <p>
          A classifier gives the logits <strong>z = {numberList(z)}</strong>, and the true class is <strong>class {t + 1}</strong>.
          What is the entry ∂L/∂z{classSubscript(k)} of the cross-entropy gradient?
        </p>
      )}
    />
  );
}

/** Before the section on the signs: which entries of ∂L/∂z are negative, for a hard or a soft label. */
export function SignPatternExercise() {
  return (
    <Exercise
      spec={SIGN_PATTERN_EXERCISE}
      prompt={({ z, y }) => (
        <p>
          The logits are <strong>z = {numberList(z)}</strong> and the label is <strong>y = {numberList(y)}</strong>. Which entries
          of ∂L/∂z are negative? Tick every one.
        </p>
      )}
    />
  );
}

/** Before the section on the sign of a step: a descent step written with the negative gradient. */
export function StepBugExercise() {
  return (
    <Exercise
      spec={STEP_BUG_EXERCISE}
      prompt={({ z, y, eta }) => (
        <>
          <p>This NumPy step is meant to lower the cross-entropy. What goes wrong?</p>
          <pre>
            <code>
              {`z = np.array([${z.join(', ')}])
y = np.array([${y.join(', ')}])
p = np.exp(z) / np.sum(np.exp(z))
grad = y - p
z = z - ${eta} * grad`}
            </code>
          </pre>
        </>
      )}
    />
  );
}
