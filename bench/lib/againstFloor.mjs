// @ts-check
/**
 * A slider step's cost as a multiple of the bare-slider floor measured in the same run, at the same CPU
 * rate. Issue 15 states the goal this way (at most 3× the floor, at 1× and at 4× throttle) so that it holds
 * on any machine: a slow or busy machine raises the floor and the chapter alike.
 */

/** A chapter's step may cost at most this many bare-slider steps. */
export const FLOOR_RATIO_GOAL = 3;

/**
 * @typedef {{ cpuThrottlingRate: number, perStepMs: { TaskDuration: number } }} StepRun
 * @typedef {{ rate: number, taskMs: number, floorMs: number, ratio: number, withinGoal: boolean }} FloorRatio
 */

/**
 * One entry per run of `runs` that has a floor run at its CPU rate: the task ms per step, the floor's,
 * their ratio and whether the ratio is within the goal. A floor of 0 ms or less gives no ratio (NaN, not
 * within the goal) rather than Infinity, so a broken floor measurement cannot pass for a fast chapter.
 * @param {readonly StepRun[]} runs
 * @param {readonly StepRun[]} floorRuns
 * @param {number} [goal]
 * @returns {FloorRatio[]}
 */
export function againstFloor(runs, floorRuns, goal = FLOOR_RATIO_GOAL) {
  /** @type {FloorRatio[]} */
  const out = [];
  for (const run of runs) {
    const floor = floorRuns.find((f) => f.cpuThrottlingRate === run.cpuThrottlingRate);
    if (!floor) continue;
    const taskMs = run.perStepMs.TaskDuration;
    const floorMs = floor.perStepMs.TaskDuration;
    const ratio = floorMs > 0 ? taskMs / floorMs : NaN;
    out.push({ rate: run.cpuThrottlingRate, taskMs, floorMs, ratio, withinGoal: ratio <= goal });
  }
  return out;
}
