import { Exercise } from '../../exercises/Exercise';
import { formatLambda } from './logisticCurvature';
import { COMPONENTS, GRADIENT_EXERCISE, pointSubscript, PREDICTION_EXERCISE, RATE_EXERCISE, signedNumber } from './logisticRegressionExerciseSpecs';

/** After the cost: the predictions it is made of, set by eye. */
export function PredictionExercise() {
  return (
    <Exercise
      spec={PREDICTION_EXERCISE}
      prompt={({ points, w }) => (
        <>
          <p>
            The weights are <strong>w₁ = {signedNumber(w[0])}, w₂ = {signedNumber(w[1])}, b = {signedNumber(w[2])}</strong>. The points are:
          </p>
          <ul>
            {points.map((p, n) => (
              <li key={n}>
                point {n + 1}: x{pointSubscript(0)} = {signedNumber(p.x1)}, x{pointSubscript(1)} = {signedNumber(p.x2)}
              </li>
            ))}
          </ul>
          <p>Where does the model put ŷ for each? Work out z, then judge σ(z) by eye.</p>
        </>
      )}
    />
  );
}

/** After the gradient's formula: one of its components by hand, on points of the learner's own. */
export function GradientExercise() {
  return (
    <Exercise
      spec={GRADIENT_EXERCISE}
      prompt={({ points, w, k }) => (
        <>
          <p>
            The weights are <strong>w₁ = {signedNumber(w[0])}, w₂ = {signedNumber(w[1])}, b = {signedNumber(w[2])}</strong>, and the{' '}
            {points.length} points are:
          </p>
          <ul>
            {points.map((p, n) => (
              <li key={n}>
                point {n + 1}: x{pointSubscript(0)} = {signedNumber(p.x1)}, x{pointSubscript(1)} = {signedNumber(p.x2)}, class t = {p.t}
              </li>
            ))}
          </ul>
          <p>What is {COMPONENTS[k]}, the gradient of the mean cross-entropy cost along {k === 2 ? 'the bias b' : `w${pointSubscript(k)}`}?</p>
        </>
      )}
    />
  );
}

/** Before the three regimes are listed: which rate is the first that cannot settle at the bottom. */
export function RateExercise() {
  return (
    <Exercise
      spec={RATE_EXERCISE}
      prompt={({ lambda }) => (
        <p>
          At the bottom of a bowl the readout shows <strong>λmax = {formatLambda(lambda)}</strong>. Of the learning rates below, which is
          the smallest at which the path can no longer settle at the bottom?
        </p>
      )}
    />
  );
}
