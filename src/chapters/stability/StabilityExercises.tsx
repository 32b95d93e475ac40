import { Exercise } from '../../exercises/Exercise';
import { EPSILON_BUG_EXERCISE, LOG_SUM_EXP_EXERCISE, logitList } from './stabilityExerciseSpecs';

/** After log-sum-exp is worked once, before the explorer that computes it: a loss from logits near 1000. */
export function LogSumExpExercise() {
  return (
    <Exercise
      spec={LOG_SUM_EXP_EXERCISE}
      prompt={({ z, t }) => (
        <p>
          The logits are <strong>z = {logitList(z)}</strong>, and the true class is t = {t + 1}. Every e<sup>z</sup> here overflows,
          even in float64. What is the loss L = −ln p<sub>t</sub>?
        </p>
      )}
    />
  );
}

/** Before the section says what the 1e-8 does: the line, at logits where it is harmless or where it caps the loss. */
export function EpsilonBugExercise() {
  return (
    <Exercise
      spec={EPSILON_BUG_EXERCISE}
      prompt={({ z, t }) => (
        <>
          <p>
            To keep ln 0 out of the loss, a learner writes the line below. Here <strong>z = {logitList(z)}</strong> and the true class
            is t = {t + 1} (index {t} in NumPy); softmax is the stable one, shifted by the largest logit.
          </p>
          <pre>
            <code>{`p = softmax(z)\nloss = -np.log(p[${t}] + 1e-8)`}</code>
          </pre>
        </>
      )}
    />
  );
}
