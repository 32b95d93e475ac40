import { Exercise } from '../../exercises/Exercise';
import { ALIAS_EXERCISE, CENTRAL_DIFFERENCE_EXERCISE, classSubscript, logitList } from './gradientCheckExerciseSpecs';

/** After the two difference quotients: one central difference by hand, at a step large enough to see its truncation error. */
export function CentralDifferenceExercise() {
  return (
    <Exercise
      spec={CENTRAL_DIFFERENCE_EXERCISE}
      prompt={({ z, t, k, h }) => (
        <p>
          The loss is L = −ln p<sub>t</sub> with true class t = {t + 1}, at the logits <strong>z = {logitList(z)}</strong>. With the
          step <strong>h = {h}</strong>, what does the central difference estimate for ∂L/∂z{classSubscript(k)}?
        </p>
      )}
    />
  );
}

/** Before the five ways to get zeros: the NumPy loop that changes x through two names for it. */
export function AliasExercise() {
  return (
    <Exercise
      spec={ALIAS_EXERCISE}
      prompt={({ variant }) => (
        <>
          <p>A learner checks the gradient of f at the NumPy array x, one entry i at a time, with h = 1e-5:</p>
          <pre>
            <code>
              {variant === 'zero'
                ? 'xp = x; xp[i] += h\nxm = x; xm[i] -= h\ng[i] = (f(xp) - f(xm)) / (2 * h)'
                : 'xp = x; xp[i] += h\nfp = f(xp)\nxm = x; xm[i] -= h\ng[i] = (fp - f(xm)) / (2 * h)'}
            </code>
          </pre>
        </>
      )}
    />
  );
}
