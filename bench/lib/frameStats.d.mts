export interface FrameStats {
  /** intervals between consecutive timestamps */
  frames: number;
  /** first timestamp to last, in seconds */
  seconds: number;
  fps: number;
  longestFrameMs: number;
  /** intervals longer than the limit given (50 ms unless told) */
  framesOver: number;
}

/** Frame rate and longest frame from increasing requestAnimationFrame timestamps in ms. */
export declare function frameStats(timestamps: readonly number[], overMs?: number): FrameStats;
