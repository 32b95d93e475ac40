import { defineState } from '../../url/stateSchema';
import { ACTIVATIONS, BACKPROP_LIMITS, BATCH_SIZES, DATASET_KINDS, DEMO_LEARNING_RATE, EXPLORER_START, LEARNING_RATES } from './backpropLimits';

/*
 * Chapter 8's widgets' own state in a link. The four widgets share one store (the run), so a setting
 * several of them use has one owner: the trainer, whose replay depends on every setting of the run,
 * owns them all, the reduction too (which only the mean-against-sum demo has a switch for). The
 * others keep only what is theirs. Indices and classes count from 1, as the widgets show them.
 */

const { hidden, learningRate, seed, extent, maxPoints, maxSteps } = BACKPROP_LIMITS;

/**
 * The trainer: the run's settings and how far it trained, replayed (paused) when the link is opened.
 * `#/backprop?data=rings&hidden=8&act=tanh&lr=0.5&seed=3&reduce=sum&batch=10&n=400`; with the learner's own
 * points, `data=custom&points=0.5,0.25,1,-0.75,0.1,2` (x, y and class 1 to 3 of each point).
 */
export const BACKPROP_TRAINER_STATE = defineState({
  data: { kind: 'choice', values: DATASET_KINDS, default: 'blobs', control: 'the data set' },
  // read only when data=custom: a generated set is its name alone
  points: {
    kind: 'points',
    maxPoints,
    x: [-extent, extent],
    y: [-extent, extent],
    classes: [1, 2, 3],
    default: [],
    control: 'your own points (adding, moving, deleting)',
  },
  seed: { kind: 'integer', min: seed.min, max: seed.max, default: 1, control: 'the seed of the initial weights and Reset' },
  hidden: { kind: 'integer', min: hidden.min, max: hidden.max, default: 16, control: 'the hidden units H' },
  act: { kind: 'choice', values: ACTIVATIONS, default: 'relu', control: 'the activation' },
  // any rate in range: the slider moves on a logarithmic grid, which a number field's step cannot say
  lr: { kind: 'number', min: learningRate.min, max: learningRate.max, default: 0.3, control: 'the learning rate η' },
  // no control of the trainer's sets it (the mean-against-sum demo's switch does), so none to hide
  reduce: { kind: 'choice', values: ['mean', 'sum'], default: 'mean' },
  // B rows a step; a run uses min(B, m), so the default (the most points there can be) is full batch
  // on any data set, and a link without the key trains as links always have
  batch: { kind: 'integer', min: 1, max: maxPoints, default: maxPoints, control: 'the batch size B' },
  n: { kind: 'integer', min: 0, max: maxSteps, default: 0, control: 'training: Play, Step and Replay' },
});

/**
 * The backward-pass explorer: the sample whose rows it shows and the weights of W₂ and W₁ whose
 * chains it writes out, `#/backprop?sample=7&w2h=3&w2k=2&w1x=2&w1h=5` ((W₂)₃,₂ from h3 to k2, (W₁)₂,₅
 * from x2 to h5). A choice past the run's size shows the nearest that exists, as a shrunk run does.
 */
export const BACKWARD_PASS_STATE = defineState({
  sample: { kind: 'integer', min: 1, max: maxPoints, default: EXPLORER_START.sample + 1, control: 'the sample i' },
  // chosen by clicking the matrices, which are the widget's content: nothing a lecturer should hide
  w2h: { kind: 'integer', min: 1, max: hidden.max, default: EXPLORER_START.w2[0] + 1 },
  w2k: { kind: 'integer', min: 1, max: BACKPROP_LIMITS.classes, default: EXPLORER_START.w2[1] + 1 },
  w1x: { kind: 'integer', min: 1, max: 2, default: EXPLORER_START.w1[0] + 1 },
  w1h: { kind: 'integer', min: 1, max: hidden.max, default: EXPLORER_START.w1[1] + 1 },
});

/** The mean-against-sum demo: the batch size m and the runs' learning rate, `#/backprop?m=30&runLr=0.01`. */
export const BATCH_REDUCTION_STATE = defineState({
  m: { kind: 'choice', values: BATCH_SIZES.map(String), default: '300', control: 'the batch size m' },
  runLr: { kind: 'choice', values: LEARNING_RATES.map(String), default: String(DEMO_LEARNING_RATE), control: 'the learning rate η of the demo’s runs' },
});
