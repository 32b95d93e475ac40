import { stateControls, type StateSchema } from './widgetState';
import { INFORMATION_STATE } from '../widgets/informationState';
import { BACKPROP_TRAINER_STATE, BACKWARD_PASS_STATE, BATCH_REDUCTION_STATE } from '../widgets/backprop/backpropState';
import { LOGISTIC_STATE } from '../widgets/logistic/logisticState';
import { JACOBIAN_STATE } from '../widgets/jacobianState';
import { CROSS_ENTROPY_EXPLORER_STATE, GRADIENT_DESCENT_STATE } from '../widgets/crossEntropyState';
import { GRADIENT_CHECK_STATE, ZERO_CASES_STATE } from '../widgets/gradientCheck/gradientCheckState';
import { EPSILON_STATE, FUSED_BACKWARD_STATE, OVERFLOW_STATE } from '../widgets/stability/stabilityState';
import { LOSS_RACE_STATE, SATURATION_STATE, SEED_EXPERIMENT_STATE } from '../widgets/squaredErrorState';

/**
 * Every widget of every chapter, as something that can be embedded and shared: its stable id, the
 * lab inputs it reads, the schema of its own state (these two, and only these, go into its URL) and
 * the controls a lecturer may hide or lock. Pure data: importing it loads no widget code (a state
 * schema is a small object in a file of its own), so the lecturer page and the share toolbar stay
 * small. A unit test checks it against the chapters' component maps, so a widget added to a chapter
 * and forgotten here fails the build.
 */

/** The lab inputs a widget can read: logits z, temperature T, labels y, binary logit bz, binary target bt. */
export type LabField = 'z' | 'T' | 'y' | 'bz' | 'bt';

/**
 * The shared controls a lecturer may hide or lock, each named after the input it sets:
 * - 'logits': the logit sliders, the add/remove class buttons and the shift buttons (they all move z)
 * - 'temperature': the temperature slider
 * - 'labels': the true-class picker (hard or softened y)
 * - 'binary-logit': the binary logit slider
 * - 'binary-target': the binary label t = 1 / t = 0
 */
export const CONTROL_IDS = ['logits', 'temperature', 'labels', 'binary-logit', 'binary-target'] as const;
export type ControlId = (typeof CONTROL_IDS)[number];

export interface EmbeddableWidget {
  /** `${chapter}/${key}`, e.g. 'softmax/SoftmaxExplorer': stable, it is in lecturers' pages */
  readonly id: string;
  /** the chapter slug */
  readonly chapter: string;
  /** the key in the chapter page module's component map */
  readonly key: string;
  /** for messages: 'the softmax explorer' */
  readonly name: string;
  /** for iframe titles and the lecturer page: 'Softmax explorer' */
  readonly title: string;
  /** the lab inputs it reads, written to its URL */
  readonly fields: readonly LabField[];
  /** its own state (useWidgetState), written to its URL under the schema's keys */
  readonly state?: StateSchema;
  /** the control ids a lecturer may hide or lock: shared controls (ControlId), then its state's */
  readonly controls: readonly string[];
}

function widget(
  chapter: string,
  key: string,
  name: string,
  title: string,
  fields: readonly LabField[],
  controls: readonly ControlId[],
  state?: StateSchema,
): EmbeddableWidget {
  return { id: `${chapter}/${key}`, chapter, key, name, title, fields, state, controls: [...controls, ...stateControls(state)] };
}

/** In chapter order, then in the order of each chapter's component map. */
export const WIDGETS: readonly EmbeddableWidget[] = [
  widget('information', 'InformationExplorer', 'the information explorer', 'Information explorer', ['z', 'y'], ['logits', 'labels'], INFORMATION_STATE),

  widget('softmax', 'SoftmaxExplorer', 'the softmax explorer', 'Softmax explorer', ['z', 'T'], ['logits', 'temperature']),
  widget('softmax', 'WorkedExample', 'the worked example', 'Worked example: softmax of [2, 3, 4]', [], []),

  widget('jacobian', 'JacobianExplorer', 'the Jacobian explorer', 'Softmax Jacobian explorer', ['z'], ['logits'], JACOBIAN_STATE),

  widget('softmax-cross-entropy', 'CrossEntropyGradientExplorer', 'the cross-entropy gradient explorer', 'Cross-entropy gradient explorer', ['z', 'y'], ['logits', 'labels'], CROSS_ENTROPY_EXPLORER_STATE),
  widget('softmax-cross-entropy', 'GradientDescentStep', 'the gradient step', 'One gradient step at a time', ['z', 'y'], [], GRADIENT_DESCENT_STATE),

  widget('binary-cross-entropy', 'BinaryCrossEntropyExplorer', 'the binary cross-entropy explorer', 'Sigmoid and binary cross-entropy explorer', ['bz', 'bt'], ['binary-logit', 'binary-target']),
  widget('binary-cross-entropy', 'SigmoidSoftmaxPair', 'the softmax and sigmoid comparison', 'Two-class softmax beside the sigmoid', ['bz'], ['binary-logit']),
  widget('binary-cross-entropy', 'MultiLabelComparison', 'the multi-class and multi-label comparison', 'One softmax against one sigmoid per class', ['z', 'y'], ['logits']),

  widget('logistic-regression', 'LogisticRegressionLab', 'the logistic regression lab', 'Logistic regression lab', [], [], LOGISTIC_STATE),

  widget('squared-error-vs-cross-entropy', 'SaturationExplorer', 'the gradient comparison', 'Squared error against cross-entropy: the gradients', [], [], SATURATION_STATE),
  widget('squared-error-vs-cross-entropy', 'LossRace', 'the training race', 'Training race', [], [], LOSS_RACE_STATE),
  widget('squared-error-vs-cross-entropy', 'SeedExperiment', 'the many-seed experiment', 'Many-seed experiment', [], [], SEED_EXPERIMENT_STATE),

  widget('backprop', 'BackpropTrainer', 'the network trainer', 'Network trainer', [], [], BACKPROP_TRAINER_STATE),
  widget('backprop', 'BackpropWeights', 'the weights and their gradients', 'Weights and gradients', [], []),
  widget('backprop', 'BackwardPassExplorer', 'the backward pass in matrix form', 'The backward pass in matrix form', [], [], BACKWARD_PASS_STATE),
  widget('backprop', 'BatchReductionDemo', 'the mean-against-sum demonstration', 'Mean against sum over the batch', [], [], BATCH_REDUCTION_STATE),

  widget('gradient-check', 'GradientCheckExplorer', 'the finite-difference explorer', 'Finite differences against the step h', ['z', 'y'], [], GRADIENT_CHECK_STATE),
  widget('gradient-check', 'ZeroCases', 'the zero cases', 'It returns only zeros', [], [], ZERO_CASES_STATE),
  widget('gradient-check', 'TestTolerance', "the tests' gradient check", "The gradient check of the project's tests", ['z', 'y'], []),

  widget('stability', 'OverflowExplorer', 'the naive against stable comparison', 'Naive against stable softmax', [], [], OVERFLOW_STATE),
  widget('stability', 'EpsilonTrickExplorer', 'the epsilon trick explorer', 'The epsilon trick against log-softmax', [], [], EPSILON_STATE),
  widget('stability', 'FusedBackward', 'the fused backward pass', 'Fused against unfused backward pass', [], [], FUSED_BACKWARD_STATE),
];

const BY_ID = new Map(WIDGETS.map((w) => [w.id, w]));

/** The widget with this id, or undefined (never throws, whatever the string: it comes from URLs). */
export function findWidget(id: string): EmbeddableWidget | undefined {
  return BY_ID.get(id);
}

/** The registry entry for a chapter's component key: the chapters' wrapper looks itself up with it. */
export function widgetOf(chapter: string, key: string): EmbeddableWidget | undefined {
  return BY_ID.get(`${chapter}/${key}`);
}

export function isControlId(id: string): id is ControlId {
  return (CONTROL_IDS as readonly string[]).includes(id);
}

/** The keys of a widget's own state, as they may appear in its URL. */
export function stateKeys(widget: EmbeddableWidget): string[] {
  return widget.state ? Object.keys(widget.state) : [];
}

/** What the lecturer form calls a control of this widget, or undefined for a shared one. */
export function stateControlName(widget: EmbeddableWidget | undefined, id: string): string | undefined {
  return widget?.state?.[id]?.control;
}
