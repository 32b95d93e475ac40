/**
 * The learner's solved exercises, as kept in the browser (localStorage, no account): what is written,
 * and its strict reading. Like an address, what is stored is read as untrusted text: a corrupt entry,
 * another site's data under our key, an entry from a future release, each is left out with a notice,
 * and what can be read is kept. Only ids, seeds, counts and times are stored: nothing the learner typed.
 */

export const PROGRESS_KEY = 'logit-lab:progress';
export const PROGRESS_VERSION = 1;
export const SEED_LIMITS = { min: 1, max: 99999 } as const;
const MAX_ENTRIES = 500;
const ID = /^[a-z0-9-]{1,40}\/[A-Za-z0-9-]{1,60}$/;

/** One exercise solved: on which numbers, in how many checks, with how many hints, and when (ms since 1970). */
export interface Solved {
  readonly seed: number;
  readonly attempts: number;
  readonly hintsUsed: number;
  readonly at: number;
}

export type SolvedMap = Readonly<Record<string, Solved>>;

export interface ProgressReading {
  solved: SolvedMap;
  /** what could not be read, in words for the learner (empty when all was well) */
  problems: string[];
}

const isWhole = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** One entry as stored, or null when any part of it is not what we write. */
function readEntry(value: unknown, now: number): Solved | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (!isWhole(v.seed, SEED_LIMITS.min, SEED_LIMITS.max)) return null;
  if (!isWhole(v.attempts, 1, 1_000_000)) return null;
  if (!isWhole(v.hintsUsed, 0, 100)) return null;
  // a time in the future (a clock set wrong on another device) is kept as now
  if (typeof v.at !== 'number' || !Number.isFinite(v.at) || v.at < 0) return null;
  return { seed: v.seed, attempts: v.attempts, hintsUsed: v.hintsUsed, at: Math.min(v.at, now) };
}

/** What the browser holds under PROGRESS_KEY (null: nothing yet), read strictly. */
export function readProgress(text: string | null, now = Date.now()): ProgressReading {
  if (text === null || text === '') return { solved: {}, problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { solved: {}, problems: ['Your saved progress could not be read (it is not in our format), so it starts afresh.'] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { solved: {}, problems: ['Your saved progress could not be read (it is not in our format), so it starts afresh.'] };
  }
  const record = data as Record<string, unknown>;
  if (record.version !== PROGRESS_VERSION) {
    return { solved: {}, problems: ['Your saved progress was written by another version of Logit Lab and could not be read, so it starts afresh.'] };
  }
  const stored = record.solved;
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return { solved: {}, problems: ['Your saved progress could not be read (it is not in our format), so it starts afresh.'] };
  }
  const solved: Record<string, Solved> = {};
  let left = 0;
  for (const [id, value] of Object.entries(stored)) {
    const entry = ID.test(id) && Object.keys(solved).length < MAX_ENTRIES ? readEntry(value, now) : null;
    if (entry) solved[id] = entry;
    else left++;
  }
  const problems = left === 0 ? [] : [`${left === 1 ? 'One saved result' : `${left} saved results`} could not be read and ${left === 1 ? 'was' : 'were'} left out.`];
  return { solved, problems };
}

/** The text stored under PROGRESS_KEY. */
export function writeProgress(solved: SolvedMap): string {
  return JSON.stringify({ version: PROGRESS_VERSION, solved });
}
