import { describe, expect, it } from 'vitest';
import { formatNumber, texNumber } from '../../src/format/formatNumber';

describe('formatNumber', () => {
  it('formatNumber(0.0900305, 3) reads 0.090, with the trailing zero kept', () => {
    expect(formatNumber(0.09003057317038046, 3)).toBe('0.090');
  });

  it('formatNumber(-1.5, 2) uses the true minus sign', () => {
    expect(formatNumber(-1.5, 2)).toBe('−1.50');
  });

  it('formatNumber(-0) and tiny negatives never print a negative zero', () => {
    expect(formatNumber(-0, 3)).toBe('0.000');
    // too small for two decimals: scientific keeps the sign meaningful instead of "−0.00"
    expect(formatNumber(-0.004, 2)).toBe('−4.0 × 10⁻³');
  });

  it('formatNumber(4.25e-18) switches to scientific notation instead of reading 0.000', () => {
    expect(formatNumber(4.248354255291589e-18, 3)).toBe('4.25 × 10⁻¹⁸');
  });

  it('formatNumber(123456) is scientific, formatNumber(54.598) fixed', () => {
    expect(formatNumber(123456, 3)).toBe('1.23 × 10⁵');
    expect(formatNumber(54.598150033144236, 3)).toBe('54.598');
  });

  it('formatNumber of non-finite values reads as words, never NaN', () => {
    expect(formatNumber(Number.NaN)).toBe('undefined');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('−∞');
  });
});

describe('texNumber', () => {
  it('texNumber gives the same digits as formatNumber, in LaTeX', () => {
    expect(texNumber(0.2447284710547976, 3)).toBe('0.245');
    expect(texNumber(-2, 2)).toBe('-2.00');
    expect(texNumber(4.248354255291589e-18, 3)).toBe('4.25 \\times {10}^{-18}');
    expect(texNumber(Infinity)).toBe('\\infty');
    expect(texNumber(Number.NaN)).toBe('\\text{undefined}');
  });
});
