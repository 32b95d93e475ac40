import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { parseHash } from '../../src/chapters/hashRoute';
import { CAPTION_MAX, readLabQuery, writeLabQuery, writeOptions, type LabQueryReading } from '../../src/embed/stateSchema';
import { CONTROL_IDS, findWidget, stateKeys, WIDGETS } from '../../src/embed/widgetRegistry';
import { readWidgetState } from '../../src/embed/widgetState';
import { expectValidState } from './widgetStateAssertions';
import { LIMITS } from '../../src/state/labInputs';

const read = (qs: string) => readLabQuery(new URLSearchParams(qs));

/** Every field of a reading against the limits, by hand: the property the fuzz test checks. */
function expectValid(r: LabQueryReading, controls: readonly string[] = CONTROL_IDS) {
  const { state, options, problems } = r;
  expect(Array.isArray(state.logits)).toBe(true);
  expect(state.logits.length).toBeGreaterThanOrEqual(LIMITS.minClasses);
  expect(state.logits.length).toBeLessThanOrEqual(LIMITS.maxClasses);
  for (const z of state.logits) {
    expect(typeof z).toBe('number');
    expect(z >= LIMITS.logit.min && z <= LIMITS.logit.max).toBe(true);
  }
  expect(state.temperature >= LIMITS.temperature.min && state.temperature <= LIMITS.temperature.max).toBe(true);
  expect(state.labels).toHaveLength(state.logits.length);
  expect(state.labels.every((y) => Number.isFinite(y) && y >= 0)).toBe(true);
  expect(Math.abs(state.labels.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
  expect(state.binaryLogit >= LIMITS.binaryLogit.min && state.binaryLogit <= LIMITS.binaryLogit.max).toBe(true);
  expect([0, 1]).toContain(state.binaryTarget);
  for (const id of [...options.hide, ...options.lock]) expect(controls).toContain(id);
  expect(options.hide.filter((id) => options.lock.includes(id))).toEqual([]);
  expect(Array.from(options.caption).length).toBeLessThanOrEqual(CAPTION_MAX);
  // eslint-disable-next-line no-control-regex
  expect(options.caption).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  expect(['light', 'dark', 'auto']).toContain(options.theme);
  expect(options.frame).toMatch(/^(?:[A-Za-z0-9_-]{1,40})?$/);
  expect(problems.every((p) => typeof p === 'string' && p.length < 400)).toBe(true);
  expect(problems.join('; ').length).toBeLessThan(2000);
}

describe('readLabQuery', () => {
  it('readLabQuery("z=1,2&T=0.5&y=1&bz=2.5&bt=0") reads every field with no problem', () => {
    const r = read('z=1,2&T=0.5&y=1&bz=2.5&bt=0');
    expect(r.state).toEqual({ logits: [1, 2], temperature: 0.5, labels: [0, 1], binaryLogit: 2.5, binaryTarget: 0 });
    expect(r.problems).toEqual([]);
  });

  it('reads soft labels as weights and normalises them: y=1,1,2 → [0.25, 0.25, 0.5]', () => {
    expect(read('z=0,0,0&y=1,1,2').state.labels).toEqual([0.25, 0.25, 0.5]);
  });

  it('refuses labels that cannot be a distribution, and keeps the default one-hot y', () => {
    for (const y of ['3', '-1', '0,0,0', '1,2', '1,-1,1', '0.5', 'a']) {
      const r = read(`z=1,2,3&y=${y}`);
      expect(r.state.labels, y).toEqual([0, 1, 0]);
      expect(r.problems.join(' '), y).toMatch(/could not read y/);
    }
  });

  it('resizes the default labels to the link’s class count', () => {
    expect(read('z=1,2,3,4').state.labels).toEqual([0, 1, 0, 0]);
    // as the store's removeClass does: the true class 2 of the worked example is kept
    expect(read('z=1,2').state.labels).toEqual([0, 1]);
  });

  it('refuses what is not a plain decimal, field by field, keeping the rest', () => {
    const r = read('z=2,1e3,4&T=Infinity&bz=NaN&bt=2');
    expect(r.state.logits).toEqual([2, 3, 4]);
    expect(r.state.temperature).toBe(1);
    expect(r.state.binaryLogit).toBe(-1);
    expect(r.state.binaryTarget).toBe(1);
    expect(r.problems.join(' ')).toMatch(/could not read z.*could not read T.*could not read bz.*could not read bt/);
  });

  it('clamps to the limits and says so: T=99 → 5, bz=-50 → -10', () => {
    const r = read('T=99&bz=-50');
    expect([r.state.temperature, r.state.binaryLogit]).toEqual([LIMITS.temperature.max, LIMITS.binaryLogit.min]);
    expect(r.problems.join(' ')).toMatch(/T was clamped.*bz was clamped/);
  });

  it('refuses __proto__, constructor, prototype and unknown keys by name, and uses the first of repeated keys', () => {
    const r = read('__proto__=1&constructor=2&prototype=3&zz=4&T=2&T=3');
    expect(r.problems[0]).toBe('ignored the unknown settings “__proto__”, “constructor”, “prototype” and 1 more');
    expect(r.problems[1]).toMatch(/T given more than once/);
    expect(r.state.temperature).toBe(2);
    expect(Object.getPrototypeOf(r.state)).toBe(Object.prototype);
  });

  it('refuses the fields a widget does not read: bz on the softmax explorer', () => {
    const explorer = findWidget('softmax/SoftmaxExplorer')!;
    const r = readLabQuery(new URLSearchParams('z=1,2&bz=3&hide=binary-logit,temperature'), explorer);
    expect(r.state.binaryLogit).toBe(-1);
    expect(r.options.hide).toEqual(['temperature']);
    expect(r.problems.join(' ')).toMatch(/“bz”.*hide: this widget's controls are logits, temperature/);
  });

  it('reads the lecturer’s options: hide, lock (not both for one control), caption, theme, frame', () => {
    const r = read('hide=temperature&lock=logits,temperature&caption=%20Week%203%20&theme=dark&frame=left-1');
    expect(r.options).toEqual({ hide: ['temperature'], lock: ['logits'], caption: 'Week 3', theme: 'dark', frame: 'left-1' });
    expect(r.problems).toEqual([]);
  });

  it('cuts a long caption to 140 characters (whole code points), refuses a huge one, strips control and bidi characters', () => {
    const long = read(`caption=${'😀'.repeat(200)}`);
    expect(long.options.caption).toBe('😀'.repeat(CAPTION_MAX));
    expect(long.problems.join(' ')).toMatch(/cut to 140/);
    expect(read(`caption=${'a'.repeat(5000)}`).options.caption).toBe('');
    expect(read('caption=a%00b%E2%80%AEc%0Ad').options.caption).toBe('a b c d');
  });

  it('refuses a bad theme or frame with a notice', () => {
    const r = read('theme=javascript:alert(1)&frame=%3Cscript%3E');
    expect([r.options.theme, r.options.frame]).toEqual(['auto', '']);
    expect(r.problems).toHaveLength(2);
  });
});

describe('writeLabQuery', () => {
  it('writes a hard label as its index and a soft one as short weights', () => {
    const lab = { logits: [2, 3, 4], temperature: 1, labels: [0, 1, 0], binaryLogit: -1, binaryTarget: 1 as const };
    expect(writeLabQuery(lab).toString()).toBe('z=2%2C3%2C4&T=1&y=1&bz=-1&bt=1');
    expect(writeLabQuery({ ...lab, labels: [1 / 3, 1 / 3, 1 / 3] }, ['y']).toString()).toBe('y=0.333333%2C0.333333%2C0.333333');
  });

  it('what it writes reads back as the same state, with no problem, for any valid state (1000 states)', () => {
    const grid = (min: number, max: number, step: number) =>
      fc.integer({ min: Math.round(min / step), max: Math.round(max / step) }).map((k) => Number((k * step).toFixed(10)));
    const state = fc
      .record({
        logits: fc.array(grid(LIMITS.logit.min, LIMITS.logit.max, LIMITS.logit.step), { minLength: 2, maxLength: 8 }),
        temperature: grid(LIMITS.temperature.min, LIMITS.temperature.max, LIMITS.temperature.step),
        hard: fc.nat(),
        binaryLogit: grid(LIMITS.binaryLogit.min, LIMITS.binaryLogit.max, LIMITS.binaryLogit.step),
        binaryTarget: fc.constantFrom(0 as const, 1 as const),
      })
      .map(({ hard, ...s }) => ({ ...s, labels: s.logits.map((_, i) => (i === hard % s.logits.length ? 1 : 0)) }));
    fc.assert(
      fc.property(state, (s) => {
        const q = writeOptions(writeLabQuery(s), { hide: ['temperature'], caption: 'a & b = <c>', theme: 'light' });
        const r = readLabQuery(new URLSearchParams(q.toString()));
        expect(r.state).toEqual(s);
        expect(r.options.caption).toBe('a & b = <c>');
        expect(r.problems).toEqual([]);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});

describe('readLabQuery fuzzed with random and hostile query strings', () => {
  const hostileValue = fc.oneof(
    fc.constantFrom(
      '1e309', '-1e309', 'NaN', 'Infinity', '-Infinity', '0x10', '1_000', '١٢', '½', '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '%E0%A4%A', '%', '%%', '%00', '\u0000', '\u202e', '😀',
      '9'.repeat(400), '1,'.repeat(300), ',', '', ' ', '__proto__', 'constructor', '{"a":1}', '[1,2]', 'temperature,logits',
    ),
    fc.double().map(String),
    fc.array(fc.double({ min: -1e6, max: 1e6 }), { maxLength: 12 }).map((a) => a.join(',')),
    fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 10 }).map((a) => a.join(',')),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ maxLength: 3000 }),
  );
  const key = fc.oneof(
    fc.constantFrom('z', 'T', 'y', 'bz', 'bt', 'hide', 'lock', 'caption', 'theme', 'frame', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__proto__[polluted]', 'constructor[prototype][polluted]'),
    // every widget's own keys, so the fuzz reaches each state reader's every kind of field
    fc.constantFrom(...new Set(WIDGETS.flatMap(stateKeys))),
    fc.string({ unit: 'binary', maxLength: 30 }),
  );
  const pair = fc.tuple(key, hostileValue, fc.boolean()).map(([k, v, encode]) =>
    encode ? `${encodeURIComponent(k)}=${encodeURIComponent(v)}` : `${k}=${v}`,
  );
  const queryString = fc.oneof(
    fc.array(pair, { maxLength: 14 }).map((pairs) => pairs.join('&')),
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.string({ unit: 'binary-ascii', maxLength: 400 }),
  );
  const widget = fc.constantFrom(...WIDGETS);

  it('never throws, always gives a valid state, and never pollutes a prototype, for the lab inputs and each widget’s own state (5000 queries, seed 42)', () => {
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(queryString, widget, (qs, w) => {
        // Both ways a query arrives: straight, and inside the hash route.
        const direct = readLabQuery(new URLSearchParams(qs), { ...w, otherKeys: stateKeys(w) });
        const routed = parseHash(`#/embed/${w.id}?${qs}`).query;
        expectValid(direct, w.controls);
        expectValid(readLabQuery(routed, { ...w, otherKeys: stateKeys(w) }), w.controls);
        if (w.state) {
          const own = readWidgetState(w.state, routed);
          expectValidState(w.state, own.value as Record<string, unknown>);
          expect(own.problems.every((p) => typeof p === 'string' && p.length < 400)).toBe(true);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
      }),
      { seed: 42, numRuns: 5000 },
    );
    // 5000 queries across every widget's reader: about 3 s alone, more on a loaded 2-core machine
  }, 60_000);

  it('a caption, however hostile, renders as text: React’s markup has no element inside the caption (3000 captions)', () => {
    const caption = fc.oneof(hostileValue, fc.constantFrom('<img src=x onerror=alert(1)>', '</p><script>alert(1)</script>', '<svg onload=alert(1)>'));
    fc.assert(
      fc.property(caption, (c) => {
        const { options } = readLabQuery(new URLSearchParams([['caption', c]]));
        const html = renderToStaticMarkup(createElement('p', { className: 'embed-caption' }, options.caption));
        const inner = html.slice('<p class="embed-caption">'.length, -'</p>'.length);
        expect(html.startsWith('<p class="embed-caption">') && html.endsWith('</p>')).toBe(true);
        expect(inner).not.toContain('<');
        expect(inner).not.toContain('>');
      }),
      { seed: 42, numRuns: 3000 },
    );
  });
});
