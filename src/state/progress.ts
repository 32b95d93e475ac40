/**
 * The learner's solved exercises, as kept in the browser (localStorage, no account): what is written,
 * and its strict reading. Like an address, what is stored is read as untrusted text: a corrupt entry,
 * another site's data under our key, an entry from a future release, each is left out with a notice,
 * and what can be read is kept. Only ids, seeds, counts and times are stored: nothing the learner typed.
 * The same text is the file "Download a file" saves for another device; its reading there is as strict.
 */

export const PROGRESS_KEY = 'logit-lab:progress';
export const PROGRESS_VERSION = 1;
/** what "Download a file" saves, and the largest file "Import" reads (ours are a few KB) */
export const PROGRESS_FILE_NAME = 'logit-lab-progress.json';
export const MAX_PROGRESS_FILE_BYTES = 200_000;
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

/** What a text in the stored format holds: the entries that could be read, how many could not, or why none could. */
interface ParsedProgress {
  solved: Record<string, Solved>;
  left: number;
  failure: 'format' | 'version' | null;
}

function parseProgress(text: string, now: number): ParsedProgress {
  const refused = (failure: 'format' | 'version'): ParsedProgress => ({ solved: {}, left: 0, failure });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refused('format');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return refused('format');
  const record = data as Record<string, unknown>;
  if (record.version !== PROGRESS_VERSION) return refused('version');
  const stored = record.solved;
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return refused('format');
  const solved: Record<string, Solved> = {};
  let left = 0;
  for (const [id, value] of Object.entries(stored)) {
    const entry = ID.test(id) && Object.keys(solved).length < MAX_ENTRIES ? readEntry(value, now) : null;
    if (entry) solved[id] = entry;
    else left++;
  }
  return { solved, left, failure: null };
}

/** "One saved result could not be read and was left out." or "3 saved results could not be read and were left out." */
export function leftOutNotice(count: number, one: string, many: string): string[] {
  if (count === 0) return [];
  return [count === 1 ? `${one} and was left out.` : `${count} ${many} and were left out.`];
}

/** What the browser holds under PROGRESS_KEY (null: nothing yet), read strictly. */
export function readProgress(text: string | null, now = Date.now()): ProgressReading {
  if (text === null || text === '') return { solved: {}, problems: [] };
  const { solved, left, failure } = parseProgress(text, now);
  if (failure === 'format') return { solved, problems: ['Your saved progress could not be read (it is not in our format), so it starts afresh.'] };
  if (failure === 'version') {
    return { solved, problems: ['Your saved progress was written by another version of Logit Lab and could not be read, so it starts afresh.'] };
  }
  return { solved, problems: leftOutNotice(left, 'One saved result could not be read', 'saved results could not be read') };
}

const refusedEmpty: ParsedProgress = { solved: {}, left: 0, failure: 'format' };

/**
 * A progress file the learner chose (what "Download a file" saved: the stored format), read as
 * strictly as the browser's storage, keeping only the exercises this version has. A file that cannot
 * be read at all says so and gives nothing, so the progress already here is left as it was.
 */
export function readProgressFile(text: string, knownIds: readonly string[], now = Date.now()): ProgressReading {
  const { solved, left, failure } = text.trim() === '' ? refusedEmpty : parseProgress(text, now);
  if (failure === 'format') return { solved: {}, problems: ['That file is not a Logit Lab progress file, so nothing was imported.'] };
  if (failure === 'version') {
    return { solved: {}, problems: ['That file was written by another version of Logit Lab and could not be read, so nothing was imported.'] };
  }
  const known = keepKnown(solved, knownIds);
  return {
    solved: known.solved,
    problems: [
      ...leftOutNotice(left, 'One result in the file could not be read', 'results in the file could not be read'),
      ...leftOutNotice(known.unknown, 'One result in the file is for an exercise this version does not have', 'results in the file are for exercises this version does not have'),
    ],
  };
}

/** The entries for exercises in `knownIds`, and how many others there were. */
export function keepKnown(solved: SolvedMap, knownIds: readonly string[]): { solved: Record<string, Solved>; unknown: number } {
  const known = new Set(knownIds);
  const kept: Record<string, Solved> = {};
  let unknown = 0;
  for (const [id, entry] of Object.entries(solved)) {
    if (known.has(id)) kept[id] = entry;
    else unknown++;
  }
  return { solved: kept, unknown };
}

/** The text stored under PROGRESS_KEY. */
export function writeProgress(solved: SolvedMap): string {
  return JSON.stringify({ version: PROGRESS_VERSION, solved });
}

export interface Merged {
  solved: SolvedMap;
  /** exercises solved in what was imported and not here */
  added: number;
  /** exercises solved in both, where the imported result is the later one and replaced ours */
  updated: number;
}

/**
 * Results brought from another device added to ours: for an exercise solved in both, the later
 * result wins (a tie keeps ours), so importing the same code twice, or importing back what this
 * device exported, changes nothing.
 */
export function mergeSolved(current: SolvedMap, incoming: SolvedMap): Merged {
  const solved: Record<string, Solved> = { ...current };
  let added = 0;
  let updated = 0;
  for (const [id, entry] of Object.entries(incoming)) {
    const ours = current[id];
    if (ours === undefined) added++;
    else if (entry.at > ours.at) updated++;
    else continue;
    solved[id] = entry;
  }
  return { solved, added, updated };
}
