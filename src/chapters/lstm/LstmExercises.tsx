import { Exercise } from '../../exercises/Exercise';
import { CELL_PATH_EXERCISE, CELL_UPDATE_EXERCISE, FORGET_POWER_EXERCISE } from './lstmExerciseSpecs';

const signed = (v: number) => String(v).replace('-', '−');

/** After the cell's equations: one step of the cell state by hand. */
export function CellUpdateExercise() {
  return (
    <Exercise
      spec={CELL_UPDATE_EXERCISE}
      prompt={({ f, i, g, c }) => (
        <p>
          An LSTM cell has the previous cell state <strong>c = {signed(c)}</strong>, and its gates are <strong>f = {f}</strong>,{' '}
          <strong>i = {i}</strong> and the candidate <strong>g = {signed(g)}</strong>. What is the new cell state c′?
        </p>
      )}
    />
  );
}

/** Before the gradient-through-time figure: the factor along the cell path alone. */
export function ForgetPowerExercise() {
  return (
    <Exercise
      spec={FORGET_POWER_EXERCISE}
      prompt={({ f, steps }) => (
        <p>
          An LSTM unit runs <strong>T = {steps}</strong> steps with its forget gate at <strong>f = {f}</strong> every step, its input gate shut
          (i = 0) and no recurrent weights, so the only path from c₀ to the loss is the cell path. What is ∂L/∂c₀ ÷ ∂L/∂c<sub>T</sub>? (Type
          it as a number, e.g. 0.0123 or 1.2e-5.)
        </p>
      )}
    />
  );
}

/** After the figure: a detach in a training loop, and which path it cuts. */
export function CellPathExercise() {
  return (
    <Exercise
      spec={CELL_PATH_EXERCISE}
      prompt={({ variant }) => (
        <>
          <p>A learner runs an nn.LSTMCell over a long sequence in PyTorch and, to save memory, detaches one of the states at every step:</p>
          <pre>
            <code>
              {variant === 'cell'
                ? 'for t in range(T):\n    h, c = cell(x[t], (h, c.detach()))\nloss = h.sum()\nloss.backward()'
                : 'for t in range(T):\n    h, c = cell(x[t], (h.detach(), c))\nloss = h.sum()\nloss.backward()'}
            </code>
          </pre>
        </>
      )}
    />
  );
}
