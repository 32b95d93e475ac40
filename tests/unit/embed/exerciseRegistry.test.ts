import { describe, expect, it } from 'vitest';
import { exercisesOf } from '../../../src/embed/exerciseRegistry';
import { WIDGETS } from '../../../src/embed/widgetRegistry';
import { CHAPTERS } from '../../../src/chapters/chapterList';

describe('exercisesOf', () => {
  it('exercisesOf(slug) lists, for every chapter, the ids of exactly the exercises its index lists', () => {
    for (const { slug } of CHAPTERS) {
      const fromIndex = WIDGETS.filter((w) => w.chapter === slug && w.exercise).map((w) => w.id);
      expect(exercisesOf(slug).map((w) => w.id).sort(), slug).toEqual([...fromIndex].sort());
    }
  });

  it('exercisesOf("softmax") is its three exercises, each counted in progress', () => {
    expect(exercisesOf('softmax').map((w) => [w.id, w.exercise])).toEqual([
      ['softmax/ProbabilityExercise', true],
      ['softmax/TemperatureExercise', true],
      ['softmax/SharesExercise', true],
    ]);
  });

  it('exercisesOf an unknown chapter is empty, the same array each time', () => {
    expect(exercisesOf('no-such-chapter')).toEqual([]);
    expect(exercisesOf('no-such-chapter')).toBe(exercisesOf('other'));
  });
});
