// @ts-check
/**
 * Frame rate and longest frame from the timestamps of consecutive requestAnimationFrame callbacks
 * (ms, as the page's performance.now() gives them): bench/drag.mjs records them while it drags.
 */

/**
 * @typedef {{ frames: number, seconds: number, fps: number, longestFrameMs: number, framesOver: number }} FrameStats
 */

/**
 * `frames` is the number of intervals between the timestamps (the first callback only starts the
 * clock), `fps` those intervals per second of the span from the first timestamp to the last,
 * `longestFrameMs` the longest interval and `framesOver` how many intervals exceed `overMs`.
 * Fewer than two timestamps, or a span of 0, give 0 fps and no frames.
 * @param {readonly number[]} timestamps increasing
 * @param {number} [overMs]
 * @returns {FrameStats}
 */
export function frameStats(timestamps, overMs = 50) {
  const n = timestamps.length;
  const first = timestamps[0] ?? 0;
  const last = timestamps[n - 1] ?? 0;
  const span = last - first;
  if (n < 2 || !(span > 0)) return { frames: 0, seconds: 0, fps: 0, longestFrameMs: 0, framesOver: 0 };
  let longest = 0;
  let over = 0;
  for (let i = 1; i < n; i += 1) {
    const gap = /** @type {number} */ (timestamps[i]) - /** @type {number} */ (timestamps[i - 1]);
    if (gap > longest) longest = gap;
    if (gap > overMs) over += 1;
  }
  return { frames: n - 1, seconds: span / 1000, fps: ((n - 1) * 1000) / span, longestFrameMs: longest, framesOver: over };
}
