import { describe, expect, it } from 'vitest';
import { figuresText, gradeChoice, gradeDrag, gradeNumber, halfUnit, sameToFigures } from '../../../src/exercises/grading';

describe('halfUnit(truth, figures)', () => {
  it('halfUnit(0.665, 3) is half of 0.001, and halfUnit(24.47, 3) half of 0.1', () => {
    expect(halfUnit(0.665, 3)).toBeCloseTo(0.0005, 15);
    expect(halfUnit(24.47, 3)).toBeCloseTo(0.05, 15);
    // 0.0123 to two figures is 0.012: its unit is 0.001
    expect(halfUnit(-0.0123, 2)).toBeCloseTo(0.0005, 15);
  });
});

describe('sameToFigures(answer, truth, figures)', () => {
  // truth 0.2447284 (softmax of [2, 3, 4], class 2): to 3 figures any answer in [0.24423, 0.24523] rounds alike
  it('accepts every correct rounding and the exact value: 0.245, 0.2447, 0.24473', () => {
    for (const a of [0.245, 0.2447, 0.24473, 0.2447284]) expect(sameToFigures(a, 0.2447284, 3)).toBe(true);
  });

  it('refuses an answer that differs in the third figure, or gives only two: 0.244, 0.246, 0.24', () => {
    for (const a of [0.244, 0.246, 0.24, 0.25]) expect(sameToFigures(a, 0.2447284, 3)).toBe(false);
  });

  it('at the edge: half a unit away is accepted, a little more is not', () => {
    expect(sameToFigures(0.6655, 0.665, 3)).toBe(true);
    expect(sameToFigures(0.66551, 0.665, 3)).toBe(false);
    expect(sameToFigures(0.6645, 0.665, 3)).toBe(true);
    expect(sameToFigures(0.66449, 0.665, 3)).toBe(false);
  });

  it('a sign error is never the same number: −0.665 against 0.665', () => {
    expect(sameToFigures(-0.665, 0.665, 3)).toBe(false);
  });
});

describe('gradeNumber(typed, truth, figures, mistakes)', () => {
  const mistakes = [{ value: 0.3333333, says: 'that is z₂ / Σz' }];

  it('a right answer, typed with the page’s minus sign or a plain one, is right', () => {
    expect(gradeNumber('0.245', 0.2447284, 3, mistakes)).toEqual({ correct: true });
    expect(gradeNumber(' −0.245 ', -0.2447284, 3)).toEqual({ correct: true });
    expect(gradeNumber('-0.245', -0.2447284, 3)).toEqual({ correct: true });
  });

  it('a wrong answer that is a known mistake names it; another wrong answer does not', () => {
    expect(gradeNumber('0.333', 0.2447284, 3, mistakes)).toEqual({ correct: false, mistake: 'that is z₂ / Σz' });
    expect(gradeNumber('0.5', 0.2447284, 3, mistakes)).toEqual({ correct: false });
  });

  it('a mistake that gives the truth itself on these numbers is never named', () => {
    expect(gradeNumber('0.5', 0.2447284, 3, [{ value: 0.24473, says: 'same as the truth' }, { value: 0.5, says: 'halved' }])).toEqual({ correct: false, mistake: 'halved' });
    expect(gradeNumber('0.245', 0.2447284, 3, [{ value: 0.24473, says: 'same as the truth' }])).toEqual({ correct: true });
  });

  it('an empty field or a text that is no number is refused, not counted wrong', () => {
    expect(gradeNumber('', 0.5, 3)).toEqual({ correct: false, refusal: 'Type your answer first.' });
    const refused = gradeNumber('1,5', 0.5, 3);
    expect(refused.correct).toBe(false);
    expect(!refused.correct && refused.refusal).toMatch(/^Type a plain number/);
    expect(!refused.correct && refused.refusal).toMatch(/“1,5”/);
  });
});

describe('gradeChoice(chosen, right, mistakes)', () => {
  it('the same set in any order is right', () => {
    expect(gradeChoice(['3', '1'], ['1', '3'])).toEqual({ correct: true });
  });

  it('a known wrong set is named by its sorted values; a subset is wrong', () => {
    expect(gradeChoice(['2', '1'], ['1', '3'], { '1,2': 'the signs of p, not of p − y' })).toEqual({ correct: false, mistake: 'the signs of p, not of p − y' });
    expect(gradeChoice(['1'], ['1', '3'])).toEqual({ correct: false });
  });

  it('nothing chosen is refused', () => {
    expect(gradeChoice([], ['1'])).toEqual({ correct: false, refusal: 'Choose an answer first.' });
  });
});

describe('figuresText(x, figures)', () => {
  it('keeps trailing zeros and writes the true minus sign: 0.0900, −2.50, 0.665', () => {
    expect(figuresText(0.09003, 3)).toBe('0.0900');
    expect(figuresText(-2.5, 3)).toBe('−2.50');
    expect(figuresText(0.66524, 3)).toBe('0.665');
  });

  it('writes a very small or large number with a power of ten: 1.23 × 10⁻⁷', () => {
    expect(figuresText(1.2345e-7, 3)).toBe('1.23 × 10⁻⁷');
    expect(figuresText(4.5e21, 2)).toBe('4.5 × 10²¹');
  });
});

describe('gradeDrag(values, moved, truth, tolerance, mistakes)', () => {
  const truth = [0.09, 0.245, 0.665];
  it('bars never moved are refused: the learner has predicted nothing yet', () => {
    expect(gradeDrag([0.09, 0.245, 0.665], false, truth, 0.05)).toEqual({ correct: false, refusal: 'Move the bars to your prediction first.' });
  });

  it('every bar within ± 0.05 is right, the edge included; one bar 0.051 off is wrong', () => {
    expect(gradeDrag([0.14, 0.195, 0.615], true, truth, 0.05)).toEqual({ correct: true });
    expect(gradeDrag([0.04, 0.295, 0.715], true, truth, 0.05)).toEqual({ correct: true });
    expect(gradeDrag([0.09, 0.245, 0.716], true, truth, 0.05).correct).toBe(false);
    expect(gradeDrag([0.141, 0.245, 0.665], true, truth, 0.05).correct).toBe(false);
  });

  it('a wrong set within the tolerance of a known mistake is named; one near no mistake is not', () => {
    const oneHot = { values: [0, 0, 1], says: 'that is argmax' };
    expect(gradeDrag([0.02, 0.03, 0.96], true, truth, 0.05, [oneHot])).toEqual({ correct: false, mistake: 'that is argmax' });
    expect(gradeDrag([0.3, 0.3, 0.4], true, truth, 0.05, [oneHot])).toEqual({ correct: false });
  });

  it('a “mistake” within the tolerance of the truth is never named: those bars are right', () => {
    const close = { values: [0.1, 0.25, 0.65], says: 'not a mistake on these numbers' };
    expect(gradeDrag([0.1, 0.25, 0.65], true, truth, 0.05, [close])).toEqual({ correct: true });
  });

  it('a different number of bars than the truth is wrong', () => {
    expect(gradeDrag([0.09, 0.245], true, truth, 0.05).correct).toBe(false);
  });
});
