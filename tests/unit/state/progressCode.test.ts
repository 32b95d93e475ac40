import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc16, decodeProgress, encodeProgress, exerciseHash } from '../../../src/state/progressCode';
import type { Solved, SolvedMap } from '../../../src/state/progress';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 4, 15, 30);
const KNOWN = [
  'softmax/ProbabilityExercise',
  'softmax/TemperatureExercise',
  'jacobian/RowSignsExercise',
  'jacobian/OffDiagonalExercise',
  'stability/LogSumExpExercise',
  'backprop/BatchDivisorExercise',
];
const TYPING_MISTAKE = 'That code has a typing mistake: check it and try again.';

/*
 * Codes built by hand (a separate Python script: FNV-1a, the bit layout of the header, binascii's
 * crc_hqx for the CRC-16, the Crockford alphabet), not by encodeProgress:
 *   softmax/ProbabilityExercise hashes to 0xE437;
 *   ONE: that exercise, seed 4242, 2 attempts, 1 hint, on 2026-03-15 (day 73);
 *   TWO: that exercise, seed 99999, 20 attempts, 9 hints, on 2026-01-01 (day 0), and
 *        softmax/TemperatureExercise (0xEB62), seed 1, 1 attempt, no hints, on 2027-01-01 (day 365);
 *   EMPTY: no exercise, only the CRC of no bytes (0xFFFF).
 */
const ONE = 'LL1-WGVGG-J8901-4HF70';
const TWO = 'LL1-WGVW6-KZZ00-0EPRG-00200-2VD6F-M';
const EMPTY = 'LL1-ZZZG';
const ONE_SOLVED: Solved = { seed: 4242, attempts: 2, hintsUsed: 1, at: Date.UTC(2026, 2, 15) };

/** Crockford's base 32 of bytes, written out here from the header's description, for the fuzzing below. */
function base32(bytes: number[]): string {
  const bits = bytes.map((b) => b.toString(2).padStart(8, '0')).join('');
  const padded = bits.padEnd(Math.ceil(bits.length / 5) * 5, '0');
  return (padded.match(/.{5}/g) ?? []).map((five) => '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[parseInt(five, 2)]).join('');
}

describe('exerciseHash(id) and crc16(bytes)', () => {
  it('exerciseHash("softmax/ProbabilityExercise") is 0xE437 (FNV-1a, folded to 16 bits)', () => {
    expect(exerciseHash('softmax/ProbabilityExercise')).toBe(0xe437);
  });

  it('crc16 of "123456789" is 0x29B1, CRC-16/CCITT-FALSE’s check value', () => {
    expect(crc16([...'123456789'].map((c) => c.charCodeAt(0)))).toBe(0x29b1);
  });
});

describe('encodeProgress(solved)', () => {
  it('writes the hand-built code for one exercise, whatever the time of that day', () => {
    expect(encodeProgress({ 'softmax/ProbabilityExercise': { ...ONE_SOLVED, at: ONE_SOLVED.at + 17 * 3_600_000 } })).toBe(ONE);
  });

  it('writes no exercise as the CRC alone', () => {
    expect(encodeProgress({})).toBe(EMPTY);
  });

  it('caps attempts at 16 and hints at 7, and orders exercises by their hash', () => {
    const solved: SolvedMap = {
      'softmax/TemperatureExercise': { seed: 1, attempts: 1, hintsUsed: 0, at: Date.UTC(2027, 0, 1, 9) },
      'softmax/ProbabilityExercise': { seed: 99999, attempts: 20, hintsUsed: 9, at: Date.UTC(2026, 0, 1) },
    };
    expect(encodeProgress(solved)).toBe(TWO);
  });
});

describe('decodeProgress(code, knownIds)', () => {
  it('reads the hand-built code: the seed, the counts, and the start of the day solved', () => {
    expect(decodeProgress(ONE, KNOWN, NOW)).toEqual({ solved: { 'softmax/ProbabilityExercise': ONE_SOLVED }, problems: [] });
  });

  it('reads capped counts as the caps, and a day after now as now', () => {
    expect(decodeProgress(TWO, KNOWN, NOW)).toEqual({
      solved: {
        'softmax/ProbabilityExercise': { seed: 99999, attempts: 16, hintsUsed: 7, at: Date.UTC(2026, 0, 1) },
        'softmax/TemperatureExercise': { seed: 1, attempts: 1, hintsUsed: 0, at: NOW },
      },
      problems: [],
    });
  });

  it('reads a code with no exercises as nothing, without a problem', () => {
    expect(decodeProgress(EMPTY, KNOWN, NOW)).toEqual({ solved: {}, problems: [] });
  });

  it('reads lower case, spaces for hyphens, no separators at all, O for 0 and I or L for 1', () => {
    for (const typed of ['ll1-wgvgg-j8901-4hf70', 'LL1 WGVGG J8901 4HF70', ' LL1WGVGGJ89014HF70 ', 'LL1-WGVGG-J89O1-4HF7O', 'LLI-WGVGG-J890L-4HF70', 'LL1–WGVGG–J8901–4HF70']) {
      expect(decodeProgress(typed, KNOWN, NOW), typed).toEqual({ solved: { 'softmax/ProbabilityExercise': ONE_SOLVED }, problems: [] });
    }
  });

  it('refuses, as a whole, every code with one character changed to any other', () => {
    const symbols = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (const code of [ONE, TWO]) {
      for (let i = 4; i < code.length; i++) {
        if (code[i] === '-') continue;
        for (const other of symbols) {
          if (other === code[i]) continue;
          const typed = code.slice(0, i) + other + code.slice(i + 1);
          expect(decodeProgress(typed, KNOWN, NOW), typed).toEqual({ solved: {}, problems: [TYPING_MISTAKE] });
        }
      }
    }
  });

  it('refuses a code with two neighbouring characters swapped, one left out or one added', () => {
    const body = ONE.replace(/-/g, '').slice(3);
    for (let i = 0; i + 1 < body.length; i++) {
      if (body[i] === body[i + 1]) continue;
      const swapped = body.slice(0, i) + body[i + 1] + body[i] + body.slice(i + 2);
      expect(decodeProgress(`LL1${swapped}`, KNOWN, NOW).problems, swapped).toEqual([TYPING_MISTAKE]);
    }
    for (let i = 0; i < body.length; i++) {
      expect(decodeProgress(`LL1${body.slice(0, i)}${body.slice(i + 1)}`, KNOWN, NOW).problems).toEqual([TYPING_MISTAKE]);
      expect(decodeProgress(`LL1${body.slice(0, i)}7${body.slice(i)}`, KNOWN, NOW).problems).toEqual([TYPING_MISTAKE]);
    }
  });

  it('names a character that is never in a code', () => {
    expect(decodeProgress('LL1-WGVGU-J8901-4HF70', KNOWN, NOW)).toEqual({
      solved: {},
      problems: ['That code has a typing mistake (“U” is never in a code): check it and try again.'],
    });
  });

  it('leaves out, with a notice, a result for an exercise this version does not have, and keeps the others', () => {
    expect(decodeProgress(TWO, ['softmax/TemperatureExercise'], NOW)).toEqual({
      solved: { 'softmax/TemperatureExercise': { seed: 1, attempts: 1, hintsUsed: 0, at: NOW } },
      problems: ['One result in the code is for an exercise this version does not have and was left out.'],
    });
    expect(decodeProgress(TWO, [], NOW).problems).toEqual(['2 results in the code are for exercises this version does not have and were left out.']);
  });

  it('leaves out a result whose seed is outside 1..99999 even under a right checksum', () => {
    const code = encodeProgress({ 'softmax/ProbabilityExercise': { ...ONE_SOLVED, seed: 0 }, 'softmax/TemperatureExercise': ONE_SOLVED });
    expect(decodeProgress(code, KNOWN, NOW)).toEqual({
      solved: { 'softmax/TemperatureExercise': ONE_SOLVED },
      problems: ['One result in the code could not be read and was left out.'],
    });
  });

  it('says what is wrong with an empty text, another text, another version and an overlong code', () => {
    expect(decodeProgress('  ', KNOWN, NOW).problems).toEqual(['Type or paste a progress code first.']);
    expect(decodeProgress('{"version":1}', KNOWN, NOW).problems).toEqual(['That is not a Logit Lab progress code: a code starts with LL1.']);
    expect(decodeProgress('LL2-WGVGG-J8901-4HF70', KNOWN, NOW).problems).toEqual(['That code was made by another version of Logit Lab and cannot be read here.']);
    expect(decodeProgress(`LL1-${'0'.repeat(7000)}`, KNOWN, NOW).problems).toEqual(['That code is too long to be a Logit Lab progress code.']);
  });

  it('reads back what encodeProgress wrote, to the day, with the counts capped (random progress, seed 42)', () => {
    const solvedEntry = fc.record({
      seed: fc.integer({ min: 1, max: 99999 }),
      attempts: fc.integer({ min: 1, max: 40 }),
      hintsUsed: fc.integer({ min: 0, max: 12 }),
      at: fc.integer({ min: Date.UTC(2026, 0, 1), max: NOW }),
    });
    const progress = fc.dictionary(fc.constantFrom(...KNOWN), solvedEntry);
    fc.assert(
      fc.property(progress, (solved) => {
        const expected = Object.fromEntries(
          Object.entries(solved).map(([id, s]) => [id, { seed: s.seed, attempts: Math.min(s.attempts, 16), hintsUsed: Math.min(s.hintsUsed, 7), at: s.at - (s.at % DAY) }]),
        );
        expect(decodeProgress(encodeProgress(solved), KNOWN, NOW)).toEqual({ solved: expected, problems: [] });
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('never throws on any text, and gives only well-formed results for known exercises (fuzzed, seed 42)', () => {
    const symbols = [...'0123456789ABCDEFGHJKMNPQRSTVWXYZabcilou -'];
    // any bytes at all under a right checksum: hashes of no exercise, seeds out of range, any day
    const anyEntry = fc.tuple(fc.option(fc.constantFrom(...KNOWN)), fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 7, maxLength: 7 }));
    const checked = fc.array(anyEntry, { maxLength: 8 }).map((entries) => {
      // half the entries carry a known exercise's hash, so that their other fields are read too
      const bytes = entries.flatMap(([id, b]) => (id === null ? b : [exerciseHash(id) >> 8, exerciseHash(id) & 0xff, ...b.slice(2)]));
      const check = crc16(bytes);
      return `LL1-${base32([...bytes, check >> 8, check & 0xff])}`;
    });
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `LL1-${s}`),
      fc.array(fc.constantFrom(...symbols), { maxLength: 60 }).map((cs) => `LL1-${cs.join('')}`),
      checked,
    );
    fc.assert(
      fc.property(text, (typed) => {
        const { solved, problems } = decodeProgress(typed, KNOWN, NOW);
        expect(Array.isArray(problems)).toBe(true);
        for (const [id, s] of Object.entries(solved)) {
          expect(KNOWN).toContain(id);
          expect(Number.isInteger(s.seed) && s.seed >= 1 && s.seed <= 99999).toBe(true);
          expect(s.attempts >= 1 && s.attempts <= 16 && s.hintsUsed >= 0 && s.hintsUsed <= 7).toBe(true);
          expect(s.at).toBeLessThanOrEqual(NOW);
        }
        // what was refused as a whole gives nothing at all
        if (problems.some((p) => p.startsWith('That'))) expect(solved).toEqual({});
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});
