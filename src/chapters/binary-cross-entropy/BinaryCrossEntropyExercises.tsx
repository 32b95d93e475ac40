import { Exercise } from '../../exercises/Exercise';
import { GRADIENT_EXERCISE, logitText as signed, LOSS_EXERCISE, WITH_LOGITS_EXERCISE, WITH_LOGITS_LINE } from './binaryCrossEntropyExerciseSpecs';

/** After the loss is defined, before the explorer draws it: one loss by hand. */
export function LossExercise() {
  return (
    <Exercise
      spec={LOSS_EXERCISE}
      prompt={({ z, t }) => (
        <p>
          A model gives an example the logit <strong>z = {signed(z)}</strong>, and its label is <strong>t = {t}</strong>. What is its binary
          cross-entropy L?
        </p>
      )}
    />
  );
}

/** Before the two factors are multiplied out: the gradient in the logit. */
export function GradientExercise() {
  return (
    <Exercise
      spec={GRADIENT_EXERCISE}
      prompt={({ z, t }) => (
        <p>
          The logit is <strong>z = {signed(z)}</strong> and the label <strong>t = {t}</strong>. Multiply the two factors: what is ∂L/∂z?
        </p>
      )}
    />
  );
}

/** Before the text says why the frameworks take logits: the classic slip of giving them probabilities. */
export function WithLogitsExercise() {
  return (
    <Exercise
      spec={WITH_LOGITS_EXERCISE}
      prompt={({ z, t }) => (
        <>
          <p>
            A model gives an example the logit <strong>z = {signed(z)}</strong>, and its label is <strong>t = {t}</strong>: it is right, and
            confident. A training loop computes the loss with this PyTorch line (<code>F</code> is <code>torch.nn.functional</code>):
          </p>
          <pre>
            <code>{WITH_LOGITS_LINE}</code>
          </pre>
        </>
      )}
    />
  );
}
