import { defineState } from '../../url/stateSchema';
import { LIMITS } from '../../url/labInputs';

/** the last class index the lab allows: a link is read against the most classes it can have */
const LAST_CLASS = LIMITS.maxClasses - 1;

/**
 * The Jacobian explorer's own state in its URL: the entry of J written out, row i and column j,
 * counted from 0 as the lab's `y=` counts classes, so `i=2&j=0` writes out J31. The default is J23.
 * The widget clamps them again to the logits' class count, so a link made with eight classes still
 * shows an entry when it has three.
 */
export const JACOBIAN_STATE = defineState({
  i: { kind: 'integer', min: 0, max: LAST_CLASS, default: 1, control: 'the row of the entry of J written out' },
  j: { kind: 'integer', min: 0, max: LAST_CLASS, default: 2, control: 'the column of the entry of J written out' },
});
