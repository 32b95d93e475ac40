import { exercise } from '../../url/widgetEntry';

/** The chapter's exercises, as entries (their numbers and grading are in backpropExerciseSpecs.ts). */
export const OUTPUT_GRADIENT_ENTRY = exercise('backprop', 'OutputGradientExercise', 'one entry of ∂L/∂W₂ by hand', 'gw');
export const BATCH_DIVISOR_ENTRY = exercise('backprop', 'BatchDivisorExercise', 'spot the bug: divided by P.size', 'bg');
