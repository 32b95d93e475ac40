/**
 * The numeric core of Logit Lab: softmax, cross-entropy and their derivatives, in float64, pure
 * (inputs are never mutated; every result is a new value), with no dependency outside src/core.
 */
export { softmax, logSoftmax, logSumExp } from './softmax';
export { softmaxJacobian } from './jacobian';
export { crossEntropyHessian, crossEntropyThirdDerivative } from './crossEntropyHessian';
export { sigmoid, sigmoidGrad, softplus, softplusGrad } from './sigmoid';
export { crossEntropy } from './crossEntropy';
export { crossEntropyGrad } from './crossEntropyGrad';
export type {
  ClassIndexTarget,
  CrossEntropyOptions,
  CrossEntropyTarget,
  ProbabilityTarget,
} from './crossEntropyTargets';
export { binaryCrossEntropy, type BinaryCrossEntropyOptions } from './binaryCrossEntropy';
export {
  binaryCrossEntropyWithLogits,
  binaryCrossEntropyWithLogitsGrad,
  type BinaryCrossEntropyWithLogitsOptions,
} from './binaryCrossEntropyWithLogits';
export { centralDifference, numericalGradient } from './finiteDifference';
export type { Reduction } from './validate';
export {
  accurateSum,
  compensatedSum,
  sumsExcludingEach,
  twoProduct,
  twoSum,
  type DoubleDouble,
} from './exactArithmetic';
export { softmaxTerms } from './softmaxTerms';
export {
  distributionCrossEntropy,
  distributionCrossEntropyGrad,
  entropy,
  entropyGrad,
  informationContent,
  informationContentGrad,
  klDivergence,
  type InformationBase,
} from './information';
export {
  binaryCrossEntropyGradZ,
  binaryCrossEntropyLossZ,
  squaredErrorGradZ,
  squaredErrorLoss,
} from './squaredError';
export { symmetricEigen, symmetricEigenvalues, type SymmetricEigen } from './eigen';
export { createRandom, type Random } from './random';
export {
  accuracy,
  logisticLoss,
  logisticLossGrad,
  logisticStep,
  type LogisticLossKind,
} from './logisticRegression';
export { softmaxJacobianParts } from './jacobianParts';
export {
  // `accuracy` is taken by logistic regression above; chapters import './network' directly anyway.
  accuracy as networkAccuracy,
  backward,
  classify,
  cloneNetwork,
  createWorkspace,
  forward,
  initNetwork,
  sgdStep,
  trainStep,
  type Activation,
  type BatchReduction,
  type Network,
  type NetworkParams,
  type NetworkShape,
  type Workspace,
} from './network';
export { makeDataset, type Dataset, type DatasetKind } from './datasets';
export { lstmCell, type LstmCellResult, type LstmParams } from './lstmCell';
export { lstmCellBackward, type LstmCellGradients } from './lstmBackward';
export {
  lstmSequence,
  lstmSequenceGradient,
  lstmSequenceGradientWithoutCellPath,
  lstmSequenceGradients,
  type LstmHiddenPathGradient,
  type LstmSequenceGradient,
  type LstmSequenceResult,
} from './lstmSequence';
export { rnnCell, type RnnParams } from './rnnCell';
export { rnnSequence, rnnSequenceGradient, type RnnSequenceGradient, type RnnSequenceResult } from './rnnSequence';
