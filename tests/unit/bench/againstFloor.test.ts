import { describe, expect, it } from 'vitest';
import { againstFloor, FLOOR_RATIO_GOAL } from '../../../bench/lib/againstFloor.mjs';

const run = (cpuThrottlingRate: number, TaskDuration: number) => ({ cpuThrottlingRate, perStepMs: { TaskDuration } });

describe('againstFloor', () => {
  it('againstFloor pairs each run with the floor run at the same CPU rate: 6 ÷ 2 = 3 is within 3×, 20 ÷ 5 = 4 is not', () => {
    expect(FLOOR_RATIO_GOAL).toBe(3);
    expect(againstFloor([run(1, 6), run(4, 20)], [run(4, 5), run(1, 2)])).toEqual([
      { rate: 1, taskMs: 6, floorMs: 2, ratio: 3, withinGoal: true },
      { rate: 4, taskMs: 20, floorMs: 5, ratio: 4, withinGoal: false },
    ]);
  });

  it('againstFloor(runs, floor, 5) judges against the goal given', () => {
    expect(againstFloor([run(4, 20)], [run(4, 5)], 5)[0]?.withinGoal).toBe(true);
  });

  it('againstFloor leaves out a run with no floor at its rate', () => {
    expect(againstFloor([run(1, 6), run(2, 9)], [run(1, 2)]).map((r) => r.rate)).toEqual([1]);
  });

  it('againstFloor over a floor of 0 ms gives no ratio (NaN), never within the goal', () => {
    const [row] = againstFloor([run(1, 6)], [run(1, 0)]);
    expect(row?.ratio).toBeNaN();
    expect(row?.withinGoal).toBe(false);
  });
});
