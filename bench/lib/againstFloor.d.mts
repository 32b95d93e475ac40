/** A chapter's step may cost at most this many bare-slider steps (issue 15). */
export declare const FLOOR_RATIO_GOAL: number;

export interface StepRun {
  cpuThrottlingRate: number;
  perStepMs: { TaskDuration: number };
}

export interface FloorRatio {
  rate: number;
  taskMs: number;
  floorMs: number;
  /** taskMs ÷ floorMs; NaN when the floor is not above 0 */
  ratio: number;
  withinGoal: boolean;
}

/** Each run beside the floor run at the same CPU rate (runs without one are left out). */
export declare function againstFloor(runs: readonly StepRun[], floorRuns: readonly StepRun[], goal?: number): FloorRatio[];
