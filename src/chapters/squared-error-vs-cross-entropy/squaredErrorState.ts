import { defineState } from '../../url/stateSchema';
import type { RaceStart } from './lossRaceMath';
import type { SeedInit } from './seedRuns';

/*
 * Chapter 7's widgets keep their own state in the address. The registry imports this file, so it
 * holds only data (type imports are erased): the limits that live beside the widgets' math
 * (saturationMath's Z_LIMITS and SATURATION_START) are repeated here, and a component test checks
 * the two agree; the race's and the experiment's limits live here and the widgets import them.
 */

/** The race's learning-rate slider: its range, its grid and where it starts. */
export const RATE_LIMITS = { min: 0.1, max: 4, step: 0.1, start: 1 } as const;
/** Where the race stops: long enough for squared error to escape the plateau at a large rate. */
export const RACE_CAP = 300;
const RACE_START_VALUES = ['confidently-wrong', 'neutral'] as const satisfies readonly RaceStart[];

/** The experiment's choices: how many seeds, and how many gradient steps each loss takes. */
export const SEED_COUNTS = [10, 50, 100, 200] as const;
export const STEP_BUDGETS = [100, 300, 1000, 3000] as const;
const SEED_INITS = ['large', 'small'] as const satisfies readonly SeedInit[];

/**
 * The gradient comparison: the logit z on the slider's grid and the target t, e.g.
 * `logit=-5.5&target=0`. (The key is not `z`: that is the lab's logits, and `t` is too close to `T`.)
 */
export const SATURATION_STATE = defineState({
  logit: { kind: 'number', min: -8, max: 8, step: 0.1, default: -3, control: 'the logit z' },
  target: { kind: 'choice', values: ['1', '0'], default: '1', control: 'the target t' },
});

/**
 * The training race: where both models start, the learning rate and how many steps they have taken,
 * e.g. `start=neutral&rate=2.5&n=120`. The race is deterministic from its start, so the page replays
 * `n` steps at `rate` and shows them paused (a race whose rate was changed part-way through is
 * replayed at the rate it ended with: the address holds one rate).
 */
export const LOSS_RACE_STATE = defineState({
  start: { kind: 'choice', values: RACE_START_VALUES, default: 'confidently-wrong', control: 'the starting weights' },
  rate: {
    kind: 'number',
    min: RATE_LIMITS.min,
    max: RATE_LIMITS.max,
    step: RATE_LIMITS.step,
    default: RATE_LIMITS.start,
    control: 'the learning rate η',
  },
  n: { kind: 'integer', min: 0, max: RACE_CAP, default: 0, control: 'the race’s Play, Step and Reset buttons' },
});

/**
 * The many-seed experiment's settings, e.g. `seeds=50&init=small&steps=1000`. Its results are not
 * state: a run takes seconds on a pool of workers, so a link restores the settings and leaves the
 * learner to press Run.
 */
export const SEED_EXPERIMENT_STATE = defineState({
  seeds: { kind: 'choice', values: SEED_COUNTS.map(String), default: '100', control: 'the number of seeds' },
  init: { kind: 'choice', values: SEED_INITS, default: 'large', control: 'the starting weights, large or small' },
  steps: { kind: 'choice', values: STEP_BUDGETS.map(String), default: '300', control: 'the steps per loss' },
});
