import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PROGRESS_KEY, readProgress, writeProgress, type SolvedMap } from '../../../src/state/progress';
import { createProgressStore } from '../../../src/state/progressStore';

const NOW = Date.UTC(2026, 11, 4);
const entry = { seed: 17, attempts: 2, hintsUsed: 1, at: NOW - 86_400_000 };

/** A Storage of our own: a Map, or one whose setItem throws as a full or switched-off storage does. */
function memoryStorage(initial: Record<string, string> = {}, { refuseWrites = false } = {}): Storage {
  const map = new Map(Object.entries(initial));
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => {
      if (refuseWrites) throw new DOMException('QuotaExceededError');
      map.set(k, v);
    },
  };
}

describe('readProgress(text)', () => {
  it('reads back what writeProgress wrote', () => {
    const solved: SolvedMap = { 'softmax/ProbabilityExercise': entry, 'jacobian/SignsExercise': { ...entry, seed: 3 } };
    expect(readProgress(writeProgress(solved), NOW)).toEqual({ solved, problems: [] });
  });

  it('nothing stored yet is no progress and no notice', () => {
    expect(readProgress(null, NOW)).toEqual({ solved: {}, problems: [] });
  });

  it('text that is not JSON, or JSON of another shape, starts afresh with a notice', () => {
    for (const text of ['{not json', '[1,2]', '"text"', 'null', '{"version":1,"solved":[]}']) {
      const reading = readProgress(text, NOW);
      expect(reading.solved, text).toEqual({});
      expect(reading.problems, text).toEqual(['Your saved progress could not be read (it is not in our format), so it starts afresh.']);
    }
  });

  it('another version’s data starts afresh and says so', () => {
    const reading = readProgress(JSON.stringify({ version: 2, solved: { 'softmax/ProbabilityExercise': entry } }), NOW);
    expect(reading.solved).toEqual({});
    expect(reading.problems[0]).toMatch(/another version of Logit Lab/);
  });

  it('a corrupt entry is left out, the others kept, and the notice counts what was left out', () => {
    const text = JSON.stringify({
      version: 1,
      solved: {
        'softmax/ProbabilityExercise': entry,
        'softmax/TemperatureExercise': { ...entry, seed: 0 },
        '<script>': entry,
        'jacobian/X': { ...entry, attempts: 1.5 },
      },
    });
    const reading = readProgress(text, NOW);
    expect(Object.keys(reading.solved)).toEqual(['softmax/ProbabilityExercise']);
    expect(reading.problems).toEqual(['3 saved results could not be read and were left out.']);
  });

  it('a time in the future (another device’s clock) is kept as now', () => {
    const reading = readProgress(writeProgress({ 'softmax/ProbabilityExercise': { ...entry, at: NOW + 1e9 } }), NOW);
    expect(reading.solved['softmax/ProbabilityExercise']?.at).toBe(NOW);
  });

  it('any text at all is read without throwing, into entries of the right shape only (fuzzed, seed 13)', () => {
    const anyJson = fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ version: 1, solved: v })));
    fc.assert(
      fc.property(anyJson, (text) => {
        const { solved, problems } = readProgress(text, NOW);
        for (const [id, s] of Object.entries(solved)) {
          expect(id).toMatch(/^[a-z0-9-]+\/[A-Za-z0-9-]+$/);
          expect(Number.isInteger(s.seed) && s.seed >= 1 && s.seed <= 99999).toBe(true);
          expect(Number.isInteger(s.attempts) && s.attempts >= 1).toBe(true);
          expect(s.at).toBeLessThanOrEqual(NOW);
        }
        expect(Array.isArray(problems)).toBe(true);
      }),
      { seed: 13, numRuns: 500 },
    );
  });
});

describe('createProgressStore(storage)', () => {
  it('markSolved is written to storage, and a new store reads it back (a reload)', () => {
    const storage = memoryStorage();
    createProgressStore(storage).getState().markSolved('softmax/ProbabilityExercise', entry);
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!)).toEqual({ version: 1, solved: { 'softmax/ProbabilityExercise': entry } });
    expect(createProgressStore(storage).getState().solved).toEqual({ 'softmax/ProbabilityExercise': entry });
  });

  it('reset forgets everything, in storage too', () => {
    const storage = memoryStorage();
    const store = createProgressStore(storage);
    store.getState().markSolved('softmax/ProbabilityExercise', entry);
    store.getState().reset();
    expect(store.getState().solved).toEqual({});
    expect(createProgressStore(storage).getState().solved).toEqual({});
  });

  it('corrupt storage gives a notice, not a crash, and the next save replaces it', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: '{oops' });
    const store = createProgressStore(storage);
    expect(store.getState().notice).toMatch(/could not be read/);
    store.getState().markSolved('softmax/ProbabilityExercise', entry);
    expect(readProgress(storage.getItem(PROGRESS_KEY), NOW).problems).toEqual([]);
  });

  it('a storage that refuses writes keeps the progress for the visit and says it is not saved', () => {
    const store = createProgressStore(memoryStorage({}, { refuseWrites: true }));
    store.getState().markSolved('softmax/ProbabilityExercise', entry);
    expect(store.getState().solved['softmax/ProbabilityExercise']).toEqual(entry);
    expect(store.getState().notice).toMatch(/could not be saved/);
  });
});
