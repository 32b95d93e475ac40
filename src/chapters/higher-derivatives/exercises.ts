import { exercise } from '../../url/widgetEntry';

/** The chapter's exercises, as entries (their numbers and grading are in higherDerivativesExerciseSpecs.ts). */
export const HESSIAN_ENTRY_ENTRY = exercise('higher-derivatives', 'HessianEntryExercise', 'one entry of the Hessian', 'he');
export const STABLE_RATE_ENTRY = exercise('higher-derivatives', 'StableRateExercise', 'the largest stable learning rate', 'hr');
export const EINSUM_BUG_ENTRY = exercise('higher-derivatives', 'EinsumBugExercise', 'spot the bug in an einsum line', 'hb');
