import { defineState } from '../../url/stateSchema';

/** The information explorer's own state in its URL: `u=nats` (bits, the default, needs no key). */
export const INFORMATION_STATE = defineState({
  u: { kind: 'choice', values: ['bits', 'nats'], default: 'bits', control: 'the unit, bits or nats' },
});
