import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { parseHash } from '../../../src/url/hashRoute';
import { CAPTION_MAX, readLabQuery, writeLabQuery, writeOptions, type LabQueryReading } from '../../../src/url/labQuery';
import { findWidget, WIDGETS } from '../../../src/embed/widgetRegistry';
import { CONTROL_IDS, stateKeys } from '../../../src/url/widgetEntry';
import { readWidgetState } from '../../../src/url/stateSchema';
import { expectValidState } from '../widgetStateAssertions';
import { LIMITS } from '../../../src/url/labInputs';

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
    expect(r.problems).toEqual([
      'could not read z=2,1e3,4: it needs 2 to 8 plain numbers separated by commas, such as 2,3,4',
      'could not read T=Infinity: it needs a plain number such as 1',
      'could not read bz=NaN: it needs a plain number such as -1',
      'could not read bt=2: it needs 0 or 1',
    ]);
  });

  it('clamps to the limits and says so: T=99 → 5, bz=-50 → -10, T=0 → 0.1, z=1,2,99 → 1,2,10', () => {
    const r = read('T=99&bz=-50');
    expect([r.state.temperature, r.state.binaryLogit]).toEqual([LIMITS.temperature.max, LIMITS.binaryLogit.min]);
    expect(r.problems).toEqual(['T=99 is out of range (0.1 to 5): clamped to 5', 'bz=-50 is out of range (-10 to 10): clamped to -10']);
    expect(read('T=0').problems).toEqual(['T=0 is out of range (0.1 to 5): clamped to 0.1']);
    const z = read('z=1,2,99');
    expect(z.state.logits).toEqual([1, 2, 10]);
    expect(z.problems).toEqual(['z=1,2,99 is out of range (-10 to 10): clamped to 1,2,10']);
  });

  it('a plain number of any length is out of range, not unreadable: T=-99999999 is clamped to 0.1', () => {
    const r = read('T=-99999999');
    expect(r.state.temperature).toBe(0.1);
    expect(r.problems).toEqual(['T=-99999999 is out of range (0.1 to 5): clamped to 0.1']);
  });

  it('refuses __proto__, constructor, prototype and unknown keys by name, and uses the first of repeated keys', () => {
    const r = read('__proto__=1&constructor=2&prototype=3&zz=4&T=2&T=3');
    expect(r.problems).toEqual([
      'ignored __proto__: not a setting of this page',
      'ignored constructor: not a setting of this page',
      'ignored prototype: not a setting of this page',
      'ignored 1 more key: not settings of this page',
      'T was given more than once: the first is used',
    ]);
    expect(r.state.temperature).toBe(2);
    expect(Object.getPrototypeOf(r.state)).toBe(Object.prototype);
  });

  it('refuses the fields a widget does not read: bz on the softmax explorer', () => {
    const explorer = findWidget('softmax/SoftmaxExplorer')!;
    const r = readLabQuery(new URLSearchParams('z=1,2&bz=3&hide=binary-logit,temperature'), explorer);
    expect(r.state.binaryLogit).toBe(-1);
    expect(r.options.hide).toEqual(['temperature']);
    expect(r.problems).toEqual([
      'ignored bz: not a setting of this page',
      "ignored part of hide=binary-logit,temperature: this widget's controls are logits, temperature",
    ]);
  });

  it('reads the lecturer’s options: hide, lock (not both for one control), caption, theme, frame', () => {
    const r = read('hide=temperature&lock=logits,temperature&caption=%20Week%203%20&theme=dark&frame=left-1');
    expect(r.options).toEqual({ hide: ['temperature'], lock: ['logits'], caption: 'Week 3', theme: 'dark', frame: 'left-1' });
    expect(r.problems).toEqual([]);
  });

  it('cuts a long caption to 140 characters (whole code points), refuses a huge one, strips control and bidi characters', () => {
    const long = read(`caption=${'😀'.repeat(200)}`);
    expect(long.options.caption).toBe('😀'.repeat(CAPTION_MAX));
    // the notice repeats the first 40 of the 200 emoji, then an ellipsis
    expect(long.problems).toEqual([`caption=${'😀'.repeat(40)}… is out of range (at most 140 characters): clamped to its first 140`]);
    expect(read(`caption=${'a'.repeat(5000)}`).options.caption).toBe('');
    expect(read('caption=a%00b%E2%80%AEc%0Ad').options.caption).toBe('a b c d');
  });

  it('refuses a bad theme or frame with a notice', () => {
    const r = read('theme=javascript:alert(1)&frame=%3Cscript%3E');
    expect([r.options.theme, r.options.frame]).toEqual(['auto', '']);
    expect(r.problems).toHaveLength(2);
  });
});

describe('readLabQuery: one vocabulary of refusals, on a chapter and in an embed', () => {
  // How each page reads its address: the chapter as useChapterUrlState does, the embed as EmbedPage does.
  const explorer = findWidget('softmax/SoftmaxExplorer')!;
  const chapter = (hash: string) =>
    readLabQuery(parseHash(hash).query, { fields: ['z', 'T'], otherKeys: [], controls: [], lecturerOptions: false });
  const embed = (hash: string) => readLabQuery(parseHash(hash).query, { ...explorer, otherKeys: stateKeys(explorer) });
  const pages = [
    ['a chapter', (q: string) => chapter(`#/softmax?${q}`)],
    ['an embed', (q: string) => embed(`#/embed/softmax/SoftmaxExplorer?${q}`)],
  ] as const;

  for (const [page, read] of pages) {
    it(`unreadable, on ${page}: T=abc says what it needs and keeps T = 1`, () => {
      const r = read('T=abc');
      expect(r.state.temperature).toBe(1);
      expect(r.problems).toEqual(['could not read T=abc: it needs a plain number such as 1']);
    });

    it(`out of range, on ${page}: T=0 is clamped to 0.1`, () => {
      const r = read('T=0');
      expect(r.state.temperature).toBe(0.1);
      expect(r.problems).toEqual(['T=0 is out of range (0.1 to 5): clamped to 0.1']);
    });

    it(`an unknown key, on ${page}: constructor=x and toString=1 are not settings of this page`, () => {
      expect(read('constructor=x&toString=1').problems).toEqual([
        'ignored constructor: not a setting of this page',
        'ignored toString: not a setting of this page',
      ]);
    });

    it(`bad percent-encoding, on ${page}: z=%E0%A4%A&T=% are repeated as typed and the defaults kept`, () => {
      const r = read('z=%E0%A4%A&T=%');
      expect(r.state.logits).toEqual([2, 3, 4]);
      expect(r.state.temperature).toBe(1);
      expect(r.problems).toEqual([
        'could not read z=%E0%A4%A: it needs 2 to 8 plain numbers separated by commas, such as 2,3,4',
        'could not read T=%: it needs a plain number such as 1',
      ]);
    });
  }

  it('a chapter reads no lecturer option: caption=<script> is not a setting of the page, and no caption is kept', () => {
    const r = chapter('#/softmax?caption=%3Cscript%3E&hide=temperature');
    expect(r.options.caption).toBe('');
    expect(r.options.hide).toEqual([]);
    expect(r.problems).toEqual(['ignored caption: not a setting of this page', 'ignored hide: not a setting of this page']);
  });

  it('an embed reads caption=<script> as the text it is, with no notice', () => {
    const r = embed('#/embed/softmax/SoftmaxExplorer?caption=%3Cscript%3E');
    expect(r.options.caption).toBe('<script>');
    expect(r.problems).toEqual([]);
  });

  it('a refused field keeps the base (the page’s last good state), not the default: T=abc keeps T = 2.5', () => {
    const base = { logits: [1, 2, 3, 4], temperature: 2.5, labels: [0, 0, 0, 1], binaryLogit: 3, binaryTarget: 0 as const };
    const r = readLabQuery(new URLSearchParams('T=abc&y=2'), { fields: ['z', 'T', 'y'], lecturerOptions: false, base });
    expect(r.state).toEqual({ ...base, labels: [0, 0, 1, 0] });
    expect(r.problems).toEqual(['could not read T=abc: it needs a plain number such as 1']);
  });

  it('repeats at most 40 characters of a typed value, then an ellipsis', () => {
    const r = read(`T=${'x'.repeat(100)}`);
    expect(r.problems).toEqual([`could not read T=${'x'.repeat(40)}…: it needs a plain number such as 1`]);
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
