/**
 * The learner's solved exercises as a short code to copy, or type, on another device: "LL1-" and
 * groups of five characters, LL1-XXXXX-XXXXX-XXXXX for one exercise, 11 or 12 more for each other.
 *
 * Format, version 1 (the "1" in "LL1"). The characters after "LL1" are Crockford's base 32 of a run of
 * bytes, most significant bit first, the last character padded with zero bits. Its alphabet, 0–9 and
 * A–Z without I, L, O and U, has no two characters a learner confuses; reading, upper and lower case
 * are the same, I and L are read as 1 and O as 0, and spaces and hyphens are ignored. The bytes:
 *
 *   for each exercise solved, 7 bytes (56 bits), most significant first:
 *     16 bits  the exercise's id hashed: FNV-1a (32 bits) over its UTF-16 code units, folded to 16 by
 *              xor of its two halves. A code names an exercise by its hash and not by its place in a
 *              list, so that a code stays readable after a release adds or reorders exercises; the
 *              reader matches the hash against the ids it knows, and a test keeps those hashes apart.
 *     17 bits  the seed, 1..99999
 *      4 bits  attempts − 1, with the attempts capped at 16
 *      3 bits  hints used, capped at 7
 *     16 bits  the day it was solved, in UTC days from 2026-01-01 (day 0; an earlier date is day 0)
 *   then 2 bytes: CRC-16/CCITT-FALSE (polynomial 0x1021, start 0xFFFF) of every byte before them.
 *
 * A CRC-16 catches every change confined to 16 bits in a row, so any one mistyped character (5 bits)
 * and any two neighbours swapped (10 bits) are caught for certain, as long as the padding bits must be
 * zero (they must). A code with a mistake is refused as a whole; a result for an exercise this version
 * does not have is left out with a notice. A code keeps less than a file: the day rather than the
 * moment (read as that day's start, 00:00 UTC) and the capped counts.
 */
import { leftOutNotice, SEED_LIMITS, type ProgressReading, type Solved, type SolvedMap } from './progress';

export const CODE_PREFIX = 'LL1';
const DAY_MS = 86_400_000;
const DAY_ZERO = Date.UTC(2026, 0, 1);
const ENTRY_BYTES = 7;
const CHECK_BYTES = 2;
const MAX_ATTEMPTS = 16;
const MAX_HINTS = 7;
const MAX_DAY = 0xffff;
/** 500 results (the most the browser keeps) take 5 604 characters */
const MAX_CODE_CHARS = 6000;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUP = 5;

/** The 16-bit hash a code names an exercise by (see the header). */
export function exerciseHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return ((h >>> 16) ^ h) & 0xffff;
}

/** CRC-16/CCITT-FALSE: its check value, of the bytes of "123456789", is 0x29B1. */
export function crc16(bytes: readonly number[]): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

function entryBytes(id: string, s: Solved): number[] {
  const hash = exerciseHash(id);
  const middle = (s.seed << 7) | ((clamp(s.attempts, 1, MAX_ATTEMPTS) - 1) << 3) | clamp(s.hintsUsed, 0, MAX_HINTS);
  const day = clamp(Math.floor((s.at - DAY_ZERO) / DAY_MS), 0, MAX_DAY);
  return [hash >> 8, hash & 0xff, (middle >> 16) & 0xff, (middle >> 8) & 0xff, middle & 0xff, day >> 8, day & 0xff];
}

function toBase32(bytes: readonly number[]): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** The code for these results (every one of them; the caller chooses which), grouped for reading. */
export function encodeProgress(solved: SolvedMap): string {
  const entries = Object.entries(solved).sort(([a], [b]) => exerciseHash(a) - exerciseHash(b) || (a < b ? -1 : 1));
  const bytes = entries.flatMap(([id, s]) => entryBytes(id, s));
  const check = crc16(bytes);
  const body = toBase32([...bytes, check >> 8, check & 0xff]);
  const groups = body.match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? [];
  return [CODE_PREFIX, ...groups].join('-');
}

const refused = (problem: string): ProgressReading => ({ solved: {}, problems: [problem] });
const TYPING_MISTAKE = 'That code has a typing mistake: check it and try again.';

/** The value of a code's character, with Crockford's readings of I, L and O; -1 for any other character. */
function symbolValue(c: string): number {
  if (c === 'I' || c === 'L') return 1;
  if (c === 'O') return 0;
  return ALPHABET.indexOf(c);
}

/** The bytes a run of base-32 characters spells, or null when its length or padding is not one we write. */
function fromBase32(values: readonly number[]): number[] | null {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const v of values) {
    buffer = (buffer << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
      buffer &= (1 << bits) - 1;
    }
  }
  // what is left is padding: fewer than 5 bits (a whole spare character is a typing mistake), all zero
  return bits < 5 && buffer === 0 ? bytes : null;
}

/**
 * What a code holds, read strictly: its results for the exercises in `knownIds`. Nothing throws; a code
 * that cannot be read gives no results and one problem, worded for the learner.
 */
export function decodeProgress(text: string, knownIds: readonly string[], now = Date.now()): ProgressReading {
  const code = text.toUpperCase().replace(/[\s\-\u2010-\u2015\u2212]/g, '');
  if (code === '') return refused('Type or paste a progress code first.');
  if (!code.startsWith('LL')) return refused(`That is not a Logit Lab progress code: a code starts with ${CODE_PREFIX}.`);
  // the version: "LL1", or "LLI" and "LLL" as Crockford reads them; another digit is another version
  const version = code.charAt(2);
  if (symbolValue(version) !== 1) {
    return refused(/[0-9]/.test(version) ? 'That code was made by another version of Logit Lab and cannot be read here.' : TYPING_MISTAKE);
  }
  if (code.length > MAX_CODE_CHARS) return refused('That code is too long to be a Logit Lab progress code.');
  const values: number[] = [];
  for (const c of code.slice(CODE_PREFIX.length)) {
    const v = symbolValue(c);
    if (v < 0) return refused(`That code has a typing mistake (“${c}” is never in a code): check it and try again.`);
    values.push(v);
  }
  const bytes = fromBase32(values);
  if (bytes === null || bytes.length < CHECK_BYTES || (bytes.length - CHECK_BYTES) % ENTRY_BYTES !== 0) return refused(TYPING_MISTAKE);
  const data = bytes.slice(0, -CHECK_BYTES);
  if (crc16(data) !== ((bytes[bytes.length - 2]! << 8) | bytes[bytes.length - 1]!)) return refused(TYPING_MISTAKE);

  // a hash two known ids share names neither (a test keeps this from happening)
  const byHash = new Map<number, string | null>();
  for (const id of knownIds) byHash.set(exerciseHash(id), byHash.has(exerciseHash(id)) ? null : id);
  const solved: Record<string, Solved> = {};
  let unreadable = 0;
  let unknown = 0;
  for (let i = 0; i < data.length; i += ENTRY_BYTES) {
    const [h1, h2, m1, m2, m3, d1, d2] = data.slice(i, i + ENTRY_BYTES) as [number, number, number, number, number, number, number];
    const id = byHash.get((h1 << 8) | h2);
    const middle = (m1 << 16) | (m2 << 8) | m3;
    const seed = middle >> 7;
    if (seed < SEED_LIMITS.min || seed > SEED_LIMITS.max || id === null) {
      unreadable++;
      continue;
    }
    if (id === undefined) {
      unknown++;
      continue;
    }
    const entry: Solved = { seed, attempts: ((middle >> 3) & 15) + 1, hintsUsed: middle & 7, at: Math.min(DAY_ZERO + ((d1 << 8) | d2) * DAY_MS, now) };
    const earlier = solved[id];
    if (earlier === undefined || entry.at > earlier.at) solved[id] = entry;
  }
  return {
    solved,
    problems: [
      ...leftOutNotice(unreadable, 'One result in the code could not be read', 'results in the code could not be read'),
      ...leftOutNotice(unknown, 'One result in the code is for an exercise this version does not have', 'results in the code are for exercises this version does not have'),
    ],
  };
}
