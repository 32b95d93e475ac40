import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeSolved, PROGRESS_KEY, readProgress, readProgressFile, writeProgress, type SolvedMap } from '../../../src/state/progress';
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

  it('data with no version, version 0, or the version as text is another version’s too', () => {
    for (const version of [undefined, 0, '1', 1.5, null]) {
      const reading = readProgress(JSON.stringify({ version, solved: { 'softmax/ProbabilityExercise': entry } }), NOW);
      expect(reading, String(version)).toEqual({
        solved: {},
        problems: ['Your saved progress was written by another version of Logit Lab and could not be read, so it starts afresh.'],
      });
    }
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

  it('keeps exactly the well-formed entries among random ones, and counts the others (fuzzed, seed 42)', () => {
    const good = fc.record({
      seed: fc.integer({ min: 1, max: 99999 }),
      attempts: fc.integer({ min: 1, max: 1000 }),
      hintsUsed: fc.integer({ min: 0, max: 100 }),
      at: fc.integer({ min: 0, max: NOW }),
    });
    // one field broken at a time: out of its range, not whole, of another type, or missing
    const broken: Record<string, unknown[]> = {
      seed: [0, -1, 0.5, 100000, '3', null, undefined],
      attempts: [0, 1.5, 1_000_001, '3', null, undefined],
      hintsUsed: [-1, 0.5, 101, '3', null, undefined],
      at: [-1, '3', null, undefined],
    };
    const bad = fc
      .tuple(good, fc.constantFrom(...Object.keys(broken)), fc.nat())
      .map(([e, key, pick]) => {
        const choices = broken[key]!;
        const value = choices[pick % choices.length];
        const out: Record<string, unknown> = { ...e, [key]: value };
        if (value === undefined) delete out[key];
        return out;
      });
    // the good and the broken are kept under different chapters, so that neither replaces the other
    const id = (...chapters: string[]) => fc.tuple(fc.constantFrom(...chapters), fc.stringMatching(/^[A-Za-z]{1,12}$/)).map(([c, n]) => `${c}/${n}`);
    fc.assert(
      fc.property(fc.dictionary(id('softmax', 'jacobian'), good), fc.dictionary(id('backprop', 'stability'), bad), (goods, bads) => {
        const reading = readProgress(JSON.stringify({ version: 1, solved: { ...goods, ...bads } }), NOW);
        expect(reading.solved).toEqual(goods);
        const left = Object.keys(bads).length;
        expect(reading.problems).toEqual(left === 0 ? [] : [left === 1 ? 'One saved result could not be read and was left out.' : `${left} saved results could not be read and were left out.`]);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('readProgressFile(text, knownIds)', () => {
  const known = ['softmax/ProbabilityExercise', 'softmax/TemperatureExercise'];

  it('reads a downloaded file back, keeping only the exercises this version has', () => {
    const text = writeProgress({ 'softmax/ProbabilityExercise': entry, 'lstm/ForgetGateExercise': entry });
    expect(readProgressFile(text, known, NOW)).toEqual({
      solved: { 'softmax/ProbabilityExercise': entry },
      problems: ['One result in the file is for an exercise this version does not have and was left out.'],
    });
  });

  it('an empty file, another kind of file, or another version’s gives nothing and says nothing was imported', () => {
    for (const text of ['', '  \n', 'PNG\u0000\u0001', '[]', '{"solved":{}}']) {
      const reading = readProgressFile(text, known, NOW);
      expect(reading.solved, text).toEqual({});
      expect(reading.problems, text).toHaveLength(1);
      expect(reading.problems[0], text).toMatch(/nothing was imported\.$/);
    }
    expect(readProgressFile('{"version":2,"solved":{}}', known, NOW).problems).toEqual([
      'That file was written by another version of Logit Lab and could not be read, so nothing was imported.',
    ]);
  });

  it('a corrupt entry in a file is left out and counted; the rest is read', () => {
    const text = JSON.stringify({ version: 1, solved: { 'softmax/ProbabilityExercise': entry, 'softmax/TemperatureExercise': { ...entry, attempts: 0 } } });
    expect(readProgressFile(text, known, NOW)).toEqual({
      solved: { 'softmax/ProbabilityExercise': entry },
      problems: ['One result in the file could not be read and was left out.'],
    });
  });
});

describe('mergeSolved(current, incoming)', () => {
  const older = { ...entry, seed: 5, at: NOW - 3 * 86_400_000 };
  const newer = { ...entry, seed: 6, at: NOW - 86_400_000 };

  it('adds what is new, replaces an older result by a later one, and keeps ours when it is the later', () => {
    const current: SolvedMap = { 'softmax/ProbabilityExercise': older, 'softmax/TemperatureExercise': newer };
    const incoming: SolvedMap = { 'softmax/ProbabilityExercise': newer, 'softmax/TemperatureExercise': older, 'jacobian/RowSignsExercise': older };
    expect(mergeSolved(current, incoming)).toEqual({
      solved: { 'softmax/ProbabilityExercise': newer, 'softmax/TemperatureExercise': newer, 'jacobian/RowSignsExercise': older },
      added: 1,
      updated: 1,
    });
  });

  it('a tie keeps ours, so importing what we exported changes nothing', () => {
    const current: SolvedMap = { 'softmax/ProbabilityExercise': older };
    expect(mergeSolved(current, { 'softmax/ProbabilityExercise': { ...older, seed: 9 } })).toEqual({ solved: current, added: 0, updated: 0 });
    expect(mergeSolved(current, current)).toEqual({ solved: current, added: 0, updated: 0 });
  });

  it('into nothing, everything is added', () => {
    expect(mergeSolved({}, { 'softmax/ProbabilityExercise': older })).toEqual({ solved: { 'softmax/ProbabilityExercise': older }, added: 1, updated: 0 });
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

  it('importSolved merges, saves, and says how many were added and updated', () => {
    const storage = memoryStorage();
    const store = createProgressStore(storage);
    store.getState().markSolved('softmax/ProbabilityExercise', { ...entry, at: NOW - 5 * 86_400_000 });
    const counts = store.getState().importSolved({ 'softmax/ProbabilityExercise': entry, 'jacobian/RowSignsExercise': entry });
    expect(counts).toEqual({ added: 1, updated: 1 });
    expect(createProgressStore(storage).getState().solved).toEqual({ 'softmax/ProbabilityExercise': entry, 'jacobian/RowSignsExercise': entry });
    expect(store.getState().importSolved({ 'softmax/ProbabilityExercise': entry })).toEqual({ added: 0, updated: 0 });
  });

  it('a storage that refuses writes keeps the progress for the visit and says it is not saved', () => {
    const store = createProgressStore(memoryStorage({}, { refuseWrites: true }));
    store.getState().markSolved('softmax/ProbabilityExercise', entry);
    expect(store.getState().solved['softmax/ProbabilityExercise']).toEqual(entry);
    expect(store.getState().notice).toMatch(/could not be saved/);
  });
});
