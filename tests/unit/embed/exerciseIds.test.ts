import { describe, expect, it } from 'vitest';
import { exerciseIdsOf } from '../../../src/embed/exerciseIds';
import { WIDGETS } from '../../../src/embed/widgetRegistry';
import { CHAPTERS } from '../../../src/chapters/chapterList';

describe('exerciseIdsOf', () => {
  it('exerciseIdsOf(slug) is, for every chapter, exactly the exercises its index lists, in its order', () => {
    for (const { slug } of CHAPTERS) {
      const fromIndex = WIDGETS.filter((w) => w.chapter === slug && w.exercise).map((w) => w.id);
      expect(exerciseIdsOf(slug), slug).toEqual(fromIndex);
    }
  });

  it('exerciseIdsOf("softmax") is its three exercises, in the order the chapter shows them', () => {
    expect(exerciseIdsOf('softmax')).toEqual(['softmax/ProbabilityExercise', 'softmax/SharesExercise', 'softmax/TemperatureExercise']);
  });

  it('exerciseIdsOf(slug) is the same array on every call, and empty for an unknown chapter', () => {
    expect(exerciseIdsOf('jacobian')).toBe(exerciseIdsOf('jacobian'));
    expect(exerciseIdsOf('no-such-chapter')).toEqual([]);
    expect(exerciseIdsOf('no-such-chapter')).toBe(exerciseIdsOf('other'));
  });

  it('every exercise of every chapter is counted, and nothing else', () => {
    const counted = CHAPTERS.flatMap(({ slug }) => exerciseIdsOf(slug));
    expect([...counted].sort()).toEqual(WIDGETS.filter((w) => w.exercise).map((w) => w.id).sort());
  });
});
