import { describe, expect, it } from 'vitest';
import { frameStats } from '../../../bench/lib/frameStats.mjs';

describe('frameStats', () => {
  it('frameStats([0, 16, 32, 48]) is 3 frames in 48 ms: 62.5 fps, longest 16 ms, none over 50 ms', () => {
    // 3 intervals over 0.048 s = 62.5 per second
    expect(frameStats([0, 16, 32, 48])).toEqual({ frames: 3, seconds: 0.048, fps: 62.5, longestFrameMs: 16, framesOver: 0 });
  });

  it('frameStats with one 80 ms gap among 20 ms frames reports that gap as the longest and counts it over 50 ms', () => {
    // intervals 20, 20, 80, 20: 4 frames in 140 ms = 28.57… fps
    const stats = frameStats([100, 120, 140, 220, 240]);
    expect(stats.frames).toBe(4);
    expect(stats.fps).toBeCloseTo(4000 / 140, 12);
    expect(stats.longestFrameMs).toBe(80);
    expect(stats.framesOver).toBe(1);
  });

  it('frameStats(timestamps, 15) counts the intervals longer than 15 ms, not those equal to it', () => {
    expect(frameStats([0, 15, 31, 46], 15).framesOver).toBe(1);
  });

  it('frameStats of fewer than two timestamps, or of timestamps all equal, is no frames and 0 fps', () => {
    const none = { frames: 0, seconds: 0, fps: 0, longestFrameMs: 0, framesOver: 0 };
    expect(frameStats([])).toEqual(none);
    expect(frameStats([5])).toEqual(none);
    expect(frameStats([5, 5])).toEqual(none);
  });
});
