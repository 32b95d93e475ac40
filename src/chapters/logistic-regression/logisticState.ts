import { defineState } from '../../url/stateSchema';
import { DEFAULT_START, MAX_POINTS, MAX_STEPS, ORIGIN_LIMIT, POINT_LIMIT, RATE_LIMITS, WEIGHT_LIMIT } from './logisticLimits';

/**
 * The lab's "overlapping" preset, the points it opens with, written out: the registry imports this
 * file on every page, and the seeded generator that draws the preset (logisticDescent.ts's presetPoints)
 * belongs to the lab's own chunk. A unit test holds the two equal.
 */
const OVERLAPPING = [
  [1.2, 2, 1], [-2.7, -0.3, 0], [1.8, -0.2, 1], [-2.4, -2.3, 0], [0.8, 1.4, 1],
  [-1.5, -2.2, 0], [2.8, 1.7, 1], [-3, -1.4, 0], [1, 1.2, 1], [-1.8, -0.2, 0],
  [0.5, 0.2, 1], [0.1, -0.3, 0], [0.2, -0.7, 1], [-1.3, -2, 0], [-0.8, -0.3, 1],
  [-1.8, -2.4, 0], [2.5, -0.6, 1], [-1.3, 0.4, 0], [1.4, 1.2, 1], [-0.6, -1.9, 0],
].map(([x, y, c]) => ({ x: x!, y: y!, c: c! }));

/**
 * Chapter 6's logistic-regression lab in its URL. The descent path is not stored: training is
 * deterministic, so `w0` (where the path begins; left out when that is the start, with b = 0) and `n`
 * (the steps taken) replay it. Example: 40 steps at η = 2 with b fixed at 0, new points of class 0:
 * `#/logistic-regression?cls=0&eta=2&bias=0&n=40`. Points are x,y,class triples: `pts=1,1,1,-1,-1,0`.
 */
export const LOGISTIC_STATE = defineState({
  pts: {
    kind: 'points',
    maxPoints: MAX_POINTS,
    x: [-POINT_LIMIT, POINT_LIMIT],
    y: [-POINT_LIMIT, POINT_LIMIT],
    classes: [0, 1],
    default: OVERLAPPING,
    control: 'the points (add, drag, delete, presets)',
  },
  cls: { kind: 'integer', min: 0, max: 1, default: 1, control: 'the class of new points' },
  start: {
    kind: 'numbers',
    minLength: 2,
    maxLength: 2,
    min: -WEIGHT_LIMIT,
    max: WEIGHT_LIMIT,
    default: [DEFAULT_START[0], DEFAULT_START[1]],
    control: 'the starting weights w₁, w₂',
  },
  eta: { kind: 'number', min: RATE_LIMITS.min, max: RATE_LIMITS.max, default: RATE_LIMITS.start, control: 'the learning rate η' },
  bias: { kind: 'flag', default: true, control: 'whether the bias b is learned' },
  w0: { kind: 'numbers', minLength: 3, maxLength: 3, min: -ORIGIN_LIMIT, max: ORIGIN_LIMIT, default: DEFAULT_START },
  n: { kind: 'integer', min: 0, max: MAX_STEPS, default: 0 },
});
