/**
 * How many digits each kind of quantity shows in the live formulas and in their words for screen
 * readers (formatNumber's `digits`): one table, so that a probability reads alike in every chapter
 * and a change of precision is made once, by name.
 */
export const DIGITS = {
  /** a logit set on a slider of step 0.01 or 0.1 */
  logit: 2,
  /** chapter 7's logit, whose slider moves in tenths */
  tenthsLogit: 1,
  /** a probability, a loss, a gradient, an entropy, a Jacobian entry: the page's default */
  value: 3,
  /** logistic regression's weights */
  weight: 3,
  /** logistic regression's cost, to the digit that tells its two formulations agree */
  cost: 4,
} as const;
