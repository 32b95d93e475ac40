import { Exercise } from '../../exercises/Exercise';
import { HARDEST_PUSH_EXERCISE, signedNumber, SQUARED_ERROR_GRADIENT_EXERCISE } from './squaredErrorVsCrossEntropyExerciseSpecs';

/** After the two gradients: squared error's, by hand, at a confidently wrong logit of the learner's own. */
export function SquaredErrorGradientExercise() {
  return (
    <Exercise
      spec={SQUARED_ERROR_GRADIENT_EXERCISE}
      prompt={({ z, t }) => (
        <p>
          A point of class <strong>t = {t}</strong> has the logit <strong>z = {signedNumber(z)}</strong>: the model is confidently wrong.
          What is squared error’s gradient ∂L_SE/∂z there, with L_SE = ½(ŷ − t)²?
        </p>
      )}
    />
  );
}

/** Before the explorer draws the curves: which of four points squared error pushes hardest. */
export function HardestPushExercise() {
  return (
    <Exercise
      spec={HARDEST_PUSH_EXERCISE}
      prompt={({ t }) => (
        <p>
          Four points, each of class <strong>t = {t}</strong>, have the logits below. On which does squared error push hardest, that is,
          which has the largest |∂L_SE/∂z|?
        </p>
      )}
    />
  );
}
