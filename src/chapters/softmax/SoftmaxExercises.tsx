import { Exercise } from '../../exercises/Exercise';
import { classSubscript, logitList, PROBABILITY_EXERCISE, SHARES_EXERCISE, TEMPERATURE_EXERCISE } from './softmaxExerciseSpecs';

/** Before the explorer: one probability by hand, from logits of the learner's own. */
export function ProbabilityExercise() {
  return (
    <Exercise
      spec={PROBABILITY_EXERCISE}
      prompt={({ z, k }) => (
        <p>
          A classifier gives the logits <strong>z = {logitList(z)}</strong>. Before you touch the explorer: what probability does
          softmax give class {k + 1}, p{classSubscript(k)}?
        </p>
      )}
    />
  );
}

/** In "Why soft max": the whole distribution at once, set by eye before any arithmetic. */
export function SharesExercise() {
  return (
    <Exercise
      spec={SHARES_EXERCISE}
      prompt={({ z }) => (
        <p>
          The logits are <strong>z = {logitList(z)}</strong>. Without a calculator: where does softmax put the {z.length} probabilities? Set
          each bar by eye.
        </p>
      )}
    />
  );
}

/** In the temperature section: the same question at T ≠ 1. */
export function TemperatureExercise() {
  return (
    <Exercise
      spec={TEMPERATURE_EXERCISE}
      prompt={({ z, k, T }) => (
        <p>
          The logits are <strong>z = {logitList(z)}</strong> and the temperature is <strong>T = {T}</strong>. What is p
          {classSubscript(k)}? Predict first whether it is larger or smaller than at T = 1, then compute it.
        </p>
      )}
    />
  );
}
