import { Exercise } from '../../exercises/Exercise';
import { classSubscript, DIAGONAL_ONLY_EXERCISE, jacobianEntry, logitList, OFF_DIAGONAL_EXERCISE, ROW_SIGNS_EXERCISE } from './jacobianExerciseSpecs';

/** Before the derivation: which entries of one row are negative, from the opening sentence's idea alone. */
export function RowSignsExercise() {
  return (
    <Exercise
      spec={ROW_SIGNS_EXERCISE}
      prompt={({ z, i }) => (
        <p>
          The logits are <strong>z = {logitList(z)}</strong>. Row {i + 1} of J holds the entries {jacobianEntry(i, 0)}, {jacobianEntry(i, 1)}, …: how p
          {classSubscript(i)} responds to each logit. Without computing anything, which of them are negative?
        </p>
      )}
    />
  );
}

/** After the two cases of the quotient rule, before the explorer writes an entry out: one off-diagonal entry by hand. */
export function OffDiagonalExercise() {
  return (
    <Exercise
      spec={OFF_DIAGONAL_EXERCISE}
      prompt={({ z, i, j }) => (
        <p>
          The logits are <strong>z = {logitList(z)}</strong>. What is the entry in row {i + 1}, column {j + 1},{' '}
          <strong>{jacobianEntry(i, j)}</strong> = ∂p{classSubscript(i)}/∂z{classSubscript(j)}?
        </p>
      )}
    />
  );
}

/** After the explorer's NumPy program, before the text says the rows sum to 0: the diagonal-only Jacobian. */
export function DiagonalOnlyExercise() {
  return (
    <Exercise
      spec={DIAGONAL_ONLY_EXERCISE}
      prompt={({ z }) => (
        <>
          <p>
            With <strong>z = {logitList(z)}</strong> and <code>p = softmax(z)</code>, a first attempt at the Jacobian in NumPy reads
          </p>
          <pre>
            <code>J = np.diag(p * (1 - p))</code>
          </pre>
        </>
      )}
    />
  );
}
