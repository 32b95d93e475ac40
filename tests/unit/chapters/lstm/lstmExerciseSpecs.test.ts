import { describe, expect, it } from 'vitest';
import { gradeChoice, gradeNumber, type Grade } from '../../../../src/exercises/grading';
import { CELL_PATH_EXERCISE, CELL_UPDATE_EXERCISE, FORGET_POWER_EXERCISE } from '../../../../src/chapters/lstm/lstmExerciseSpecs';
import { createRandom } from '../../../../src/core/random';
import { distinctOnGrid } from '../../../../src/exercises/drawNumbers';
import { CELL_PATH_ENTRY } from '../../../../src/chapters/lstm/index';

/** The named mistake of a wrong answer, if any. */
const said = (g: Grade) => ('mistake' in g ? g.mistake : undefined);
const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);
const answer = (x: number) => x.toPrecision(3);
const onGrid = (v: number, step: number) => Math.abs(v / step - Math.round(v / step)) < 1e-9;

function numberAnswer<Q>(a: { kind: string }) {
  if (a.kind !== 'number') throw new Error('a number exercise');
  return a as unknown as { truth(q: Q): number; figures: number; mistakes(q: Q): { value: number; says: string }[] };
}

describe('CELL_UPDATE_EXERCISE', () => {
  const a = numberAnswer<ReturnType<typeof CELL_UPDATE_EXERCISE.make>>(CELL_UPDATE_EXERCISE.answer);

  it('make(seed) draws gates on a 0.05 grid and c on a 0.1 grid, the same for the same seed', () => {
    expect(CELL_UPDATE_EXERCISE.make(3)).toEqual(CELL_UPDATE_EXERCISE.make(3));
    for (const seed of SEEDS) {
      const { f, i, g, c } = CELL_UPDATE_EXERCISE.make(seed);
      expect(f).not.toBe(i);
      for (const v of [f, i]) expect(v >= 0.05 && v <= 0.95 && onGrid(v, 0.05)).toBe(true);
      expect(Math.abs(g) <= 0.9 && onGrid(g, 0.05)).toBe(true);
      expect(Math.abs(c) <= 2 && onGrid(c, 0.1)).toBe(true);
    }
  });

  it('make(seed) never draws c = 0, g = 0 or |c′| < 0.01, over 5000 seeds', () => {
    for (let seed = 1; seed <= 5000; seed++) {
      const { f, i, g, c } = CELL_UPDATE_EXERCISE.make(seed);
      expect(c).not.toBe(0);
      expect(g).not.toBe(0);
      // by hand, from the drawn numbers: the exact c′ on the grid is at least 0.01 from 0
      expect(Math.abs(f * c + i * g)).toBeGreaterThanOrEqual(0.01 - 1e-12);
    }
  });

  it('grades the exactly rounded c′ correct for every seed, and its tolerance stays above the core’s rounding', () => {
    for (let seed = 1; seed <= 5000; seed++) {
      const q = CELL_UPDATE_EXERCISE.make(seed);
      // c′ by hand in integer units of 1/2000 (f, i, g are multiples of 1/20 and c of 1/10), exact
      const units = Math.round(q.f * 20) * Math.round(q.c * 10) * 10 + Math.round(q.i * 20) * Math.round(q.g * 20) * 5;
      const exact = units / 2000;
      expect(gradeNumber(exact.toPrecision(3), a.truth(q), a.figures).correct).toBe(true);
      expect(gradeNumber(String(exact), a.truth(q), a.figures).correct).toBe(true);
    }
  });

  it('keeps the numbers of every seed whose first draw was already fine (saved progress shows the same exercise)', () => {
    // the draw before the redraw rule, replayed: f, i distinct on the 0.05 grid, g = (int(37) − 18)/20, c on the 0.1 grid
    let kept = 0;
    for (const seed of SEEDS) {
      const rng = createRandom(seed);
      const [f, i] = distinctOnGrid(rng, 2, 0.05, 0.95, 0.05) as [number, number];
      const g = (rng.int(37) - 18) / 20;
      const c = distinctOnGrid(rng, 1, -2, 2, 0.1)[0] as number;
      if (c === 0 || g === 0 || Math.abs(f * c + i * g) < 0.01) continue;
      kept++;
      expect(CELL_UPDATE_EXERCISE.make(seed)).toMatchObject({ f, i, g, c });
    }
    expect(kept).toBeGreaterThan(180);
  });

  it('its truth is f·c + i·g worked by hand, to 1e-12', () => {
    for (const seed of SEEDS) {
      const q = CELL_UPDATE_EXERCISE.make(seed);
      expect(Math.abs(a.truth(q) - (q.f * q.c + q.i * q.g))).toBeLessThan(1e-12);
    }
  });

  it('grades the right answer correct and names the forgotten-gate mistakes', () => {
    // f = 0.9, i = 0.5, g = 0.4, c = 1: c′ = 0.9 + 0.2 = 1.1; f·c = 0.9, i·g = 0.2, f·c + g = 1.3, c + i·g = 1.2, (1 − f)·c + i·g = 0.3
    const q = { ...CELL_UPDATE_EXERCISE.make(1), f: 0.9, i: 0.5, g: 0.4, c: 1, next: 1.1 };
    const grade = (typed: string) => gradeNumber(typed, a.truth(q), a.figures, a.mistakes(q));
    expect(grade('1.10').correct).toBe(true);
    expect(said(grade('0.900'))).toMatch(/f·c alone/);
    expect(said(grade('0.200'))).toMatch(/i·g alone/);
    expect(said(grade('1.30'))).toMatch(/the input gate scales it first/);
    expect(said(grade('1.20'))).toMatch(/the forget gate scales it first/);
    expect(said(grade('0.300'))).toMatch(/1 − f/);
  });

  it('its worked answer ends on the truth to three figures', () => {
    const q = CELL_UPDATE_EXERCISE.make(7);
    expect(CELL_UPDATE_EXERCISE.worked(q)).toContain(`= ${answer(q.next).replace('-', '−')}.`);
  });
});

describe('FORGET_POWER_EXERCISE', () => {
  const a = numberAnswer<ReturnType<typeof FORGET_POWER_EXERCISE.make>>(FORGET_POWER_EXERCISE.answer);

  it('its truth, from the core’s backward pass, is f^T to 1e-12 relative for every seed', () => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const q = FORGET_POWER_EXERCISE.make(seed);
      seen.add(`${q.f}^${q.steps}`);
      expect(Math.abs(a.truth(q) / q.f ** q.steps - 1)).toBeLessThan(1e-12);
    }
    expect(seen.size).toBe(16);
  });

  it('grades f^T correct and names f·T, f^(T−1) and (1/4)^T', () => {
    const q = { f: 0.9, steps: 20, factor: 0.9 ** 20 };
    const grade = (typed: string) => gradeNumber(typed, a.truth(q), a.figures, a.mistakes(q));
    expect(grade('0.122').correct).toBe(true);
    expect(grade('1.22e-1').correct).toBe(true);
    expect(said(grade('18'))).toMatch(/f·T/);
    expect(said(grade('0.135'))).toMatch(/T − 1/);
    expect(said(grade('9.09e-13'))).toMatch(/1\/4/);
    // 1/0.9²⁰ = 8.2253…: the quotient upside down
    expect(said(grade('8.23'))).toMatch(/upside down/);
  });

  it('labels its field with the step count as a Unicode subscript, no underscore', () => {
    const label = FORGET_POWER_EXERCISE.answer.kind === 'number' ? FORGET_POWER_EXERCISE.answer.label : '';
    const text = typeof label === 'function' ? label({ f: 0.9, steps: 50, factor: 0.9 ** 50 }) : label;
    expect(text).toBe('∂L/∂c₀ ÷ ∂L/∂c₅₀');
  });
});

describe('CELL_PATH_EXERCISE', () => {
  it('has a title that names neither answer, with the id and seed key saved progress uses', () => {
    expect(CELL_PATH_ENTRY.title).toBe('Exercise: which path does .detach() cut?');
    expect(CELL_PATH_ENTRY.id).toBe('lstm/CellPathExercise');
    expect(Object.keys(CELL_PATH_ENTRY.state ?? {})).toEqual(['cp', 'cphints']);
  });

  it('draws both variants over the seeds, and the right answer is the path left standing', () => {
    const variants = new Set(SEEDS.map((s) => CELL_PATH_EXERCISE.make(s).variant));
    expect([...variants].sort()).toEqual(['cell', 'hidden']);
    const a = CELL_PATH_EXERCISE.answer;
    if (a.kind !== 'choice') throw new Error('a choice exercise');
    for (const variant of ['cell', 'hidden'] as const) {
      const q = { ...CELL_PATH_EXERCISE.make(1), variant };
      expect(gradeChoice([variant], a.right(q), a.mistakes?.(q)).correct).toBe(true);
      const other = variant === 'cell' ? 'hidden' : 'cell';
      expect(said(gradeChoice([other], a.right(q), a.mistakes?.(q)))).toMatch(variant === 'cell' ? /here c is/ : /here h is/);
      expect(said(gradeChoice(['same'], a.right(q), a.mistakes?.(q)))).toMatch(/constant/);
    }
  });

  it('its worked answer quotes the explorer’s gradients with and without the cell path, the cut one far smaller', () => {
    const q = { ...CELL_PATH_EXERCISE.make(1), variant: 'cell' as const };
    expect(q.cut).toBeLessThan(q.full * 1e-30);
    expect(CELL_PATH_EXERCISE.worked(q)).toMatch(/× 10⁻⁶ with the cell path and .* × 10⁻⁴⁴ without it/);
  });
});
