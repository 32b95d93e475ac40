import { describe, expect, it } from 'vitest';
import { parseTypedNumber, ruleText, type NumberRule } from '../../../src/controls/parseTypedNumber';

const SEED: NumberRule = { name: 'the seed', min: 0, max: 99999, whole: true };
const LOGIT: NumberRule = { name: 'z1', min: -1000, max: 1000 };
const seedRange = 'the seed must be a whole number from 0 to 99999.';
const logitRange = 'z1 must be a number from −1000 to 1000.';

const value = (text: string, rule: NumberRule) => {
  const r = parseTypedNumber(text, rule);
  return r.ok ? r.value : r.message;
};
const message = (text: string, rule: NumberRule) => {
  const r = parseTypedNumber(text, rule);
  return r.ok ? `taken as ${r.value}` : r.message;
};

describe('parseTypedNumber', () => {
  it('ruleText(SEED) and ruleText(LOGIT) say the kind of number and the range, with the true minus sign', () => {
    expect(ruleText(SEED)).toBe(seedRange);
    expect(ruleText(LOGIT)).toBe(logitRange);
  });

  it('takes plain decimals as written: 2, -1.5, −1.5 (the page’s minus), +3, .5, 5., 1e-3, 2.5E2, spaces around', () => {
    expect(value('2', LOGIT)).toBe(2);
    expect(value('-1.5', LOGIT)).toBe(-1.5);
    expect(value('−1.5', LOGIT)).toBe(-1.5);
    expect(value('+3', LOGIT)).toBe(3);
    expect(value('.5', LOGIT)).toBe(0.5);
    expect(value('5.', LOGIT)).toBe(5);
    expect(value('1e-3', LOGIT)).toBe(0.001);
    expect(value('2.5E2', LOGIT)).toBe(250);
    expect(value('  7 ', SEED)).toBe(7);
  });

  it('takes the limits exactly, and refuses one past each: the seed 0 and 99999, not −1 or 100000', () => {
    expect(value('0', SEED)).toBe(0);
    expect(value('99999', SEED)).toBe(99999);
    expect(message('-1', SEED)).toBe(`“-1” is too small: ${seedRange}`);
    expect(message('100000', SEED)).toBe(`“100000” is too large: ${seedRange}`);
  });

  it('takes a logit at −1000 and 1000 exactly, and refuses −1000.1 and 1000.1', () => {
    expect(value('−1000', LOGIT)).toBe(-1000);
    expect(value('1000', LOGIT)).toBe(1000);
    expect(message('−1000.1', LOGIT)).toBe(`“−1000.1” is too small: ${logitRange}`);
    expect(message('1000.1', LOGIT)).toBe(`“1000.1” is too large: ${logitRange}`);
  });

  it('refuses 1e309, which overflows a double to Infinity, as too large, not as some other number', () => {
    expect(message('1e309', SEED)).toBe(`“1e309” is too large: ${seedRange}`);
    expect(message('-1e309', LOGIT)).toBe(`“-1e309” is too small: ${logitRange}`);
    expect(message('99999999', SEED)).toBe(`“99999999” is too large: ${seedRange}`);
  });

  it('refuses what is not a plain decimal: 1,5 and 1.000,5 and 0x10 and 1_000 and Infinity and NaN and 1e and 2-3', () => {
    for (const text of ['1,5', '1.000,5', '0x10', '1_000', 'Infinity', 'NaN', '1e', '2-3', 'abc', '.', '-', 'e5', '1 000']) {
      expect(message(text, LOGIT)).toBe(`“${text}” is not a number: ${logitRange}`);
    }
  });

  it('refuses an empty or blank field, saying nothing was typed', () => {
    expect(message('', SEED)).toBe(`Nothing is typed: ${seedRange}`);
    expect(message('   ', SEED)).toBe(`Nothing is typed: ${seedRange}`);
  });

  it('refuses 2.5 in a whole-number field, and 2.0000000000000001, which a double would round to 2', () => {
    expect(message('2.5', SEED)).toBe(`“2.5” is not a whole number: ${seedRange}`);
    expect(message('2.0000000000000001', SEED)).toBe(`“2.0000000000000001” is not a whole number: ${seedRange}`);
    expect(message('1e-400', SEED)).toBe(`“1e-400” is not a whole number: ${seedRange}`);
    expect(message('15e-1', SEED)).toBe(`“15e-1” is not a whole number: ${seedRange}`);
  });

  it('takes whole numbers however written: 2.0, 2.50e1 (25), 100e-2 (1), 0.0, 007, and −0 as 0', () => {
    expect(value('2.0', SEED)).toBe(2);
    expect(value('2.50e1', SEED)).toBe(25);
    expect(value('100e-2', SEED)).toBe(1);
    expect(value('0.0', SEED)).toBe(0);
    expect(value('007', SEED)).toBe(7);
    expect(Object.is(value('−0', SEED), 0)).toBe(true);
  });

  it('refuses 1e-400 in a decimal field: a double holds it as 0, which nobody typed; 0e5 is 0', () => {
    expect(message('1e-400', LOGIT)).toBe(`“1e-400” is too close to 0 to tell apart from it: ${logitRange}`);
    expect(value('0e5', LOGIT)).toBe(0);
  });

  const GRID: NumberRule = { ...LOGIT, decimals: 1 };
  const gridRange = 'z1 must be a number from −1000 to 1000 in steps of 0.1.';

  it('ruleText of a rule with decimals: 1 says "in steps of 0.1", with decimals: 2 "in steps of 0.01"', () => {
    expect(ruleText(GRID)).toBe(gridRange);
    expect(ruleText({ ...LOGIT, decimals: 2 })).toBe('z1 must be a number from −1000 to 1000 in steps of 0.01.');
  });

  it('with decimals: 1 takes 88.7, −0.1, 2.50, 0.05e1 (0.5) and 1.25e1 (12.5) as typed', () => {
    expect(value('88.7', GRID)).toBe(88.7);
    expect(value('−0.1', GRID)).toBe(-0.1);
    expect(value('2.50', GRID)).toBe(2.5);
    expect(value('0.05e1', GRID)).toBe(0.5);
    expect(value('1.25e1', GRID)).toBe(12.5);
  });

  it('with decimals: 1 refuses 1.234, 0.05, 1e-3 and 88.75 instead of rounding them to the grid; 1000.1 is too large', () => {
    for (const text of ['1.234', '0.05', '1e-3', '88.75', '−0.01']) {
      expect(message(text, GRID)).toBe(`“${text}” has too many decimal places: ${gridRange}`);
    }
    expect(message('1000.1', GRID)).toBe(`“1000.1” is too large: ${gridRange}`);
  });

  it('quotes a long paste cut to 24 characters', () => {
    expect(message('123456789012345678901234567890', SEED)).toBe(`“123456789012345678901234…” is too large: ${seedRange}`);
  });
});
