/**
 * Every chapter's exercises by their keys, for what the site shows on every page (the contents' "1 of 3
 * solved", the chapter's kicker). A plain table of names rather than the exercises' entries
 * (chapters/<slug>/exercises.ts): those bring their state schemas along, and this is in the entry
 * every first load pays for. In the order each chapter shows them. The entries stay the source: a
 * unit test checks this table against them, so an exercise added and forgotten here fails the tests.
 */
const KEYS: Readonly<Record<string, readonly string[]>> = {
  information: ['CrossEntropyExercise', 'ClosestPredictionExercise', 'UnitBugExercise'],
  softmax: ['ProbabilityExercise', 'SharesExercise', 'TemperatureExercise'],
  jacobian: ['RowSignsExercise', 'OffDiagonalExercise', 'DiagonalOnlyExercise'],
  'softmax-cross-entropy': ['GradientExercise', 'SignPatternExercise', 'StepBugExercise'],
  'binary-cross-entropy': ['LossExercise', 'GradientExercise', 'WithLogitsExercise'],
  'logistic-regression': ['PredictionExercise', 'GradientExercise', 'RateExercise'],
  'squared-error-vs-cross-entropy': ['SquaredErrorGradientExercise', 'HardestPushExercise'],
  backprop: ['OutputGradientExercise', 'BatchDivisorExercise'],
  'gradient-check': ['CentralDifferenceExercise', 'AliasExercise'],
  stability: ['LogSumExpExercise', 'EpsilonBugExercise'],
  'pytorch-loss': ['WeightedMeanExercise', 'WeightBugExercise'],
  'higher-derivatives': ['HessianEntryExercise', 'StableRateExercise', 'EinsumBugExercise'],
  lstm: ['CellUpdateExercise', 'ForgetPowerExercise', 'CellPathExercise'],
};

const NONE: readonly string[] = [];
const IDS = new Map(Object.entries(KEYS).map(([chapter, keys]) => [chapter, keys.map((key) => `${chapter}/${key}`)]));

/** The ids ('softmax/ProbabilityExercise') of a chapter's exercises: the same array on every call. */
export function exerciseIdsOf(chapter: string): readonly string[] {
  return IDS.get(chapter) ?? NONE;
}
