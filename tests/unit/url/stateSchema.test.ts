import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHash } from '../../../src/url/hashRoute';
import { FIELD_KEYS, OPTION_KEYS } from '../../../src/url/labQuery';
import { WIDGETS } from '../../../src/embed/widgetRegistry';
import { isControlId, stateKeys } from '../../../src/url/widgetEntry';
import { expectValidState } from '../widgetStateAssertions';
import {
  defaultState,
  defineState,
  plainNumber,
  readWidgetState,
  STATE_KEY,
  stateControls,
  writeWidgetState,
} from '../../../src/url/stateSchema';

/** One field of every kind, with ranges chosen so the expected readings can be worked out by hand. */
const ALL_KINDS = defineState({
  eta: { kind: 'number', min: 0.01, max: 2, step: 0.01, default: 0.5, control: 'the learning rate' },
  h: { kind: 'integer', min: -16, max: -1, default: -5 },
  mode: { kind: 'choice', values: ['central', 'forward'], default: 'central', control: 'the scheme' },
  play: { kind: 'flag', default: false },
  w: { kind: 'numbers', minLength: 2, maxLength: 3, min: -10, max: 10, default: [0, 0] },
  pts: { kind: 'points', maxPoints: 4, x: [-1, 1], y: [-2, 2], classes: [0, 1], default: [{ x: 0.5, y: 0.5, c: 1 }] },
});

const read = (qs: string) => readWidgetState(ALL_KINDS, new URLSearchParams(qs));

describe('readWidgetState', () => {
  it('readWidgetState(schema, "eta=0.25&h=-8&mode=forward&play=1&w=1,-2.5&pts=0.1,-0.2,0") reads every kind with no problem', () => {
    const r = read('eta=0.25&h=-8&mode=forward&play=1&w=1,-2.5&pts=0.1,-0.2,0');
    expect(r.value).toEqual({ eta: 0.25, h: -8, mode: 'forward', play: true, w: [1, -2.5], pts: [{ x: 0.1, y: -0.2, c: 0 }] });
    expect(r.problems).toEqual([]);
    expect(r.present).toEqual(['eta', 'h', 'mode', 'play', 'w', 'pts']);
  });

  it('an empty query gives the defaults, names no key and has no problem', () => {
    const r = read('');
    expect(r.value).toEqual(defaultState(ALL_KINDS));
    expect(r.present).toEqual([]);
    expect(r.problems).toEqual([]);
  });

  it('clamps a number to its range and snaps it to its step: eta=9 → 2, eta=0.123 → 0.12, and says only of the clamp', () => {
    expect(read('eta=9').value.eta).toBe(2);
    expect(read('eta=9').problems).toEqual(['eta=9 is out of range (0.01 to 2): clamped to 2']);
    expect(read('eta=0.123').value.eta).toBe(0.12);
    expect(read('eta=0.123').problems).toEqual([]);
  });

  it('refuses what is not a plain decimal, field by field, keeping the default and the other fields', () => {
    for (const bad of ['1e3', 'NaN', 'Infinity', '0x10', '', ' ', '1,2', '½', '1_0']) {
      const r = read(`eta=${encodeURIComponent(bad)}&h=-3`);
      expect(r.value.eta, bad).toBe(0.5);
      expect(r.value.h, bad).toBe(-3);
      expect(r.problems, bad).toEqual([`could not read eta=${bad}: it needs a plain number such as 0.5`]);
    }
  });

  it('an integer field refuses a fraction: h=-2.5 keeps -5', () => {
    expect(read('h=-2.5').value.h).toBe(-5);
    expect(read('h=-2.5').problems).toEqual(['could not read h=-2.5: it needs a whole number such as -5']);
    expect(read('h=-40').value.h).toBe(-16);
    expect(read('h=-40').problems).toEqual(['h=-40 is out of range (-16 to -1): clamped to -16']);
  });

  it('a choice is one of its values, exactly: mode=Forward and mode=__proto__ are refused', () => {
    for (const bad of ['Forward', '__proto__', 'constructor', 'central,forward']) {
      const r = read(`mode=${bad}`);
      expect(r.value.mode, bad).toBe('central');
      expect(r.problems, bad).toEqual([`could not read mode=${bad}: it needs one of central, forward`]);
    }
  });

  it('a flag is 0 or 1: play=true is refused', () => {
    expect(read('play=0').value.play).toBe(false);
    expect(read('play=true').value.play).toBe(false);
    expect(read('play=true').problems).toEqual(['could not read play=true: it needs 0 or 1']);
  });

  it('a list needs its length: w=1 and w=1,2,3,4 are refused, w=20,-20 is clamped', () => {
    expect(read('w=1').value.w).toEqual([0, 0]);
    expect(read('w=1,2,3,4').value.w).toEqual([0, 0]);
    expect(read('w=20,-20').value.w).toEqual([10, -10]);
    expect(read('w=1').problems).toEqual(['could not read w=1: it needs 2 to 3 plain numbers separated by commas, such as 0,0']);
    expect(read('w=20,-20').problems).toEqual(['w=20,-20 is out of range (-10 to 10): clamped to 10,-10']);
  });

  it('a list of a fixed count says "exactly": sz=1,2 needs exactly 3 numbers, not "3 to 3"', () => {
    const fixed = defineState({ sz: { kind: 'numbers', minLength: 3, maxLength: 3, min: -5, max: 5, default: [1, 2, 3] } });
    const r = readWidgetState(fixed, new URLSearchParams('sz=1,2'));
    expect(r.value.sz).toEqual([1, 2, 3]);
    expect(r.problems).toEqual(['could not read sz=1,2: it needs exactly 3 plain numbers separated by commas, such as 1,2,3']);
  });

  it('a plain number of any length is out of range, not unreadable: eta=-99999999 is clamped to 0.01', () => {
    expect(read('eta=-99999999').value.eta).toBe(0.01);
    expect(read('eta=-99999999').problems).toEqual(['eta=-99999999 is out of range (0.01 to 2): clamped to 0.01']);
  });

  it('bad percent-encoding in the address is refused as typed: eta=%E0%A4%A and play=% keep their defaults', () => {
    const r = readWidgetState(ALL_KINDS, parseHash('#/embed/x/Y?eta=%E0%A4%A&play=%').query);
    expect([r.value.eta, r.value.play]).toEqual([0.5, false]);
    expect(r.problems).toEqual(['could not read eta=%E0%A4%A: it needs a plain number such as 0.5', 'could not read play=%: it needs 0 or 1']);
  });

  it('points come in threes, of known classes, at most maxPoints; outside ones move to the edge; pts= is no points', () => {
    expect(read('pts=').value.pts).toEqual([]);
    expect(read('pts=1,2').problems).toEqual(['could not read pts=1,2: it needs up to 4 points, each x,y,class with a class of 0, 1']);
    expect(read('pts=0,0,2').problems.join(' ')).toMatch(/with a class of 0, 1/);
    expect(read('pts=0,0,2').value.pts).toEqual(ALL_KINDS.pts.default);
    expect(read(`pts=${'0,0,1,'.repeat(5).slice(0, -1)}`).problems.join(' ')).toMatch(/up to 4 points/);
    const moved = read('pts=5,-5,1');
    expect(moved.value.pts).toEqual([{ x: 1, y: -2, c: 1 }]);
    expect(moved.problems).toEqual(['pts=5,-5,1 is out of range (x -1 to 1, y -2 to 2): clamped to the edge of the plot']);
  });

  it('refuses an over-long field without reading it', () => {
    const r = read(`w=${'1'.repeat(500)}`);
    expect(r.value.w).toEqual([0, 0]);
    expect(r.problems).toEqual([`could not read w=${'1'.repeat(40)}…: it needs 2 to 3 plain numbers separated by commas, such as 0,0`]);
  });

  it('copies values by the schema’s keys only: a query cannot add a property', () => {
    const r = read('__proto__=1&constructor=2&eta=1');
    expect(Object.keys(r.value).sort()).toEqual(Object.keys(ALL_KINDS).sort());
    expect(({} as Record<string, unknown>).eta).toBeUndefined();
  });
});

describe('writeWidgetState', () => {
  it('leaves out fields at their defaults and removes their old keys, keeping other keys', () => {
    const q = new URLSearchParams('z=1,2,3&eta=0.9&mode=forward');
    writeWidgetState(ALL_KINDS, { ...defaultState(ALL_KINDS), h: -9 }, q);
    expect(q.toString()).toBe('z=1%2C2%2C3&h=-9');
  });

  it('what it writes reads back as the same state, with no problem (1000 states, seed 42)', () => {
    const thousandths = (min: number, max: number) => fc.integer({ min: min * 1000, max: max * 1000 }).map((n) => n / 1000);
    const state = fc.record({
      eta: fc.integer({ min: 1, max: 200 }).map((k) => k / 100),
      h: fc.integer({ min: -16, max: -1 }),
      mode: fc.constantFrom('central' as const, 'forward' as const),
      play: fc.boolean(),
      w: fc.array(thousandths(-10, 10), { minLength: 2, maxLength: 3 }),
      pts: fc.array(fc.record({ x: thousandths(-1, 1), y: thousandths(-2, 2), c: fc.constantFrom(0, 1) }), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(state, (s) => {
        const back = readWidgetState(ALL_KINDS, new URLSearchParams(writeWidgetState(ALL_KINDS, s, new URLSearchParams()).toString()));
        expect(back.problems).toEqual([]);
        expect(back.value).toEqual(s);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});

describe('plainNumber', () => {
  it('plainNumber(1e-7) is "0" and plainNumber(-0) is "0": never exponent notation, never a minus zero', () => {
    expect(plainNumber(1e-7)).toBe('0');
    expect(plainNumber(-0)).toBe('0');
    expect(plainNumber(0.000002)).toBe('0.000002');
    expect(plainNumber(-123456.5)).toBe('-123456.5');
  });

  it('gives a plain decimal within 5e-7 of any number of up to 6 integer digits (2000 numbers, seed 42)', () => {
    fc.assert(
      fc.property(fc.double({ min: -999999, max: 999999, noNaN: true }), (n) => {
        const s = plainNumber(n);
        expect(s).toMatch(/^-?\d{1,6}(?:\.\d{1,6})?$/);
        expect(Math.abs(Number(s) - n)).toBeLessThanOrEqual(5e-7 + Math.abs(n) * 1e-15);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});

describe('the widgets’ state schemas in the registry', () => {
  const withState = WIDGETS.filter((w) => w.state);

  it('every key is short and plain, and none is a lab input or a lecturer option', () => {
    const reserved = new Set<string>([...FIELD_KEYS, ...OPTION_KEYS]);
    for (const w of withState) {
      for (const key of stateKeys(w)) {
        expect(key, w.id).toMatch(STATE_KEY);
        expect(reserved.has(key), `${w.id}: ${key}`).toBe(false);
      }
    }
  });

  it('two widgets of one chapter share a key only as the same field: a chapter’s address holds each key once', () => {
    for (const chapter of new Set(WIDGETS.map((w) => w.chapter))) {
      const fields = new Map<string, unknown>();
      for (const w of WIDGETS.filter((x) => x.chapter === chapter && x.state)) {
        for (const key of stateKeys(w)) {
          if (fields.has(key)) expect(w.state![key], `${w.id}: ${key}`).toBe(fields.get(key));
          else fields.set(key, w.state![key]);
        }
      }
    }
  });

  it('each default is valid for its own field, and a widget’s controls are its named fields after its shared ones', () => {
    for (const w of withState) {
      expectValidState(w.state!, defaultState(w.state!) as Record<string, unknown>);
      expect(w.controls.filter((c) => !isControlId(c)), w.id).toEqual(stateControls(w.state));
      for (const id of stateControls(w.state)) expect(w.state![id]!.control!.length, `${w.id}: ${id}`).toBeGreaterThan(3);
    }
  });

  it('each widget’s state reads back from what it writes', () => {
    for (const w of withState) {
      const s = defaultState(w.state!);
      const back = readWidgetState(w.state!, writeWidgetState(w.state!, s, new URLSearchParams()));
      expect(back.value, w.id).toEqual(s);
    }
  });
});
