import { defineState } from '../../url/stateSchema';

/** The chapter's logits: −1000 to 1000, far wider than the other chapters' ±10, so that e^z can overflow. */
export const STABILITY_LIMITS = { min: -1000, max: 1000, step: 0.1 } as const;

/*
 * Chapter 10's inputs live in one store that its three widgets share (StabilityContext.tsx): the
 * logits set in the first are the ones the later ones use. Every widget shows and sets the logits and
 * the true class, so all three schemas hold those two fields, as the same field objects (a chapter's
 * widgets may share a key only that way: a test checks it), and an embed of any of them carries the
 * logits it shows. ε is the ε-trick explorer's and the backward pass's, the precision the backward pass's alone. Their
 * defaults are the chapter's start (STABILITY_START is made from them).
 */

/**
 * The naive-against-stable comparison: the logits `sz` (three of them, on the sliders' 0.1 grid once
 * read) and the true class `sy`, counted from 0 like the lab's `y`. Example: `sz=1000,999,998&sy=2`.
 */
export const OVERFLOW_STATE = defineState({
  sz: {
    kind: 'numbers',
    minLength: 3,
    maxLength: 3,
    min: STABILITY_LIMITS.min,
    max: STABILITY_LIMITS.max,
    default: [2, 3, 4],
    control: 'the logits: sliders, typed values and presets',
  },
  sy: { kind: 'integer', min: 0, max: 2, default: 0, control: 'the true class' },
});

/**
 * The ε-trick explorer: the logits and true class, and ε inside ln(p + ε), written as the number it
 * is (`0` is no trick at all). Example: `sz=0,0,30&eps=1e-12`.
 */
export const EPSILON_STATE = defineState({
  ...OVERFLOW_STATE,
  eps: { kind: 'choice', values: ['1e-4', '1e-8', '1e-12', '0'], default: '1e-8', control: 'ε inside the logarithm' },
});

/**
 * The fused and unfused backward pass: the logits, true class and ε (it has all three controls, so that
 * an embed of it alone carries them), and the precision it is computed in. Example: `eps=0&prec=float32`.
 */
export const FUSED_BACKWARD_STATE = defineState({
  ...EPSILON_STATE,
  prec: { kind: 'choice', values: ['float64', 'float32'], default: 'float64', control: 'the precision of the backward pass' },
});
