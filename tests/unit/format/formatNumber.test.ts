import { describe, expect, it } from 'vitest';
import { formatInTable, formatNumber, powerOfTen, superscript, tableNotation, texNumber } from '../../../src/format/formatNumber';

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

describe('tableNotation and formatInTable', () => {
  const table = (values: number[], options?: Parameters<typeof tableNotation>[1]) => {
    const notation = tableNotation(values, options);
    return values.map((v) => formatInTable(v, notation));
  };

  it('a table of weights up to 1.56 reads in two decimals, its 0.0034 as 0.00 rather than 3.4 × 10⁻³', () => {
    expect(table([0.15, -1.56, 0.0034, 0.93])).toEqual(['0.15', '−1.56', '0.00', '0.93']);
  });

  it('gradients up to 0.164 read in three decimals, 4.83e-4 as 0.000 and −4e-4 without a sign', () => {
    expect(table([0.026, -0.164, 4.83e-4, -4e-4])).toEqual(['0.026', '−0.164', '0.000', '0.000']);
  });

  it('minDecimals keeps three decimals for values near 1; the largest still gets its three significant digits', () => {
    expect(table([1.5, 0.25], { minDecimals: 3 })).toEqual(['1.500', '0.250']);
    expect(table([0.00312, -0.00011], { minDecimals: 3 })).toEqual(['0.00312', '−0.00011']);
  });

  it('values too small for maxDecimals share the largest’s power of ten: 1.23e-7 and 4e-9 as 1.23 and 0.04 × 10⁻⁷', () => {
    expect(table([1.23e-7, 4e-9])).toEqual(['1.23 × 10⁻⁷', '0.04 × 10⁻⁷']);
  });

  it('values too large to read fixed share an exponent too: 123456 and −5000 as 1.23 and −0.05 × 10⁵', () => {
    expect(table([123456, -5000])).toEqual(['1.23 × 10⁵', '−0.05 × 10⁵']);
  });

  it('an all-zero table reads 0.000; non-finite cells read as words', () => {
    expect(table([0, -0])).toEqual(['0.000', '0.000']);
    expect(table([1, Number.NaN, -Infinity])).toEqual(['1.00', 'undefined', '−∞']);
  });
});

describe('superscript and powerOfTen', () => {
  it('superscript(-18) is "⁻¹⁸", superscript(434) is "⁴³⁴" and superscript(0) is "⁰"', () => {
    expect(superscript(-18)).toBe('⁻¹⁸');
    expect(superscript(434)).toBe('⁴³⁴');
    expect(superscript(0)).toBe('⁰');
  });

  it('powerOfTen(-4) is "× 10⁻⁴"', () => {
    expect(powerOfTen(-4)).toBe('× 10⁻⁴');
  });
});
