import { Exercise } from '../../exercises/Exercise';
import { classSubscript, CLOSEST_PREDICTION_EXERCISE, CROSS_ENTROPY_EXERCISE, distributionList, UNIT_BUG_EXERCISE } from './informationExerciseSpecs';

/** After the cross-entropy's definition, before the explorer: H(y, p) in bits by hand, for a one-hot y. */
export function CrossEntropyExercise() {
  return (
    <Exercise
      spec={CROSS_ENTROPY_EXERCISE}
      prompt={({ p, y, t }) => (
        <p>
          A classifier predicts <strong>p = {distributionList(p)}</strong>, and the true class is {t + 1}, so{' '}
          <strong>y = {distributionList(y)}</strong>. What is the cross-entropy H(y, p) in bits? (p{classSubscript(t)} is the
          probability of the true class.)
        </p>
      )}
    />
  );
}

/** Before the explorer and its "Things to try": of three predictions, which costs the least for a soft y? */
export function ClosestPredictionExercise() {
  return (
    <Exercise
      spec={CLOSEST_PREDICTION_EXERCISE}
      prompt={({ y }) => (
        <p>
          The target is soft: <strong>y = {distributionList(y)}</strong>. Three models give the distributions below: guess
          which one before computing anything.
        </p>
      )}
    />
  );
}

/** At the start of "Bits or nats", before the text says which log each unit takes: spot the bug. */
export function UnitBugExercise() {
  return (
    <Exercise
      spec={UNIT_BUG_EXERCISE}
      prompt={({ p, y }) => (
        <>
          <p>
            With <strong>y = {distributionList(y)}</strong> and <strong>p = {distributionList(p)}</strong> as NumPy arrays, a
            notebook reports the cross-entropy in bits with this line:
          </p>
          <pre>
            <code>{'H_bits = -np.sum(y * np.log(p))'}</code>
          </pre>
        </>
      )}
    />
  );
}
