import { describe, expect, it } from 'vitest';
import { isResultMessage } from '../../../src/exercises/resultMessage';

const good = { type: 'logit-lab:result', version: 1, id: 'week-3', exercise: 'softmax/ProbabilityExercise', seed: 4, correct: false, attempts: 1, hintsUsed: 0 };

describe('isResultMessage(data)', () => {
  it('accepts the documented shape', () => {
    expect(isResultMessage(good)).toBe(true);
  });

  it.each([
    ['an extra key (free text)', { ...good, answer: '0.3' }],
    ['another version', { ...good, version: 2 }],
    ['another type', { ...good, type: 'logit-lab:height' }],
    ['a seed of 0', { ...good, seed: 0 }],
    ['no attempt yet', { ...good, attempts: 0 }],
    ['a fractional hint count', { ...good, hintsUsed: 0.5 }],
    ['correct as a string', { ...good, correct: 'true' }],
    ['an id with markup', { ...good, id: '<b>x</b>' }],
  ])('refuses %s', (_, data) => {
    expect(isResultMessage(data)).toBe(false);
  });

  it('refuses what is not an object', () => {
    for (const data of [null, 'logit-lab:result', [good], 1]) expect(isResultMessage(data)).toBe(false);
  });
});
