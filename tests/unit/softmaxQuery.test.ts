import { describe, expect, it } from 'vitest';
import { readSoftmaxQuery, writeSoftmaxQuery } from '../../src/state/softmaxQuery';
import { parseHash } from '../../src/chapters/hashRoute';

const read = (qs: string) => readSoftmaxQuery(new URLSearchParams(qs));

describe('readSoftmaxQuery', () => {
  it('readSoftmaxQuery("z=2,3,4&T=1") reads the logits and the temperature with no problem', () => {
    expect(read('z=2,3,4&T=1')).toEqual({ value: { logits: [2, 3, 4], temperature: 1 }, problems: [] });
  });

  it('reads negative and decimal logits', () => {
    expect(read('z=-1.5,0,.25').value.logits).toEqual([-1.5, 0, 0.25]);
  });

  it('refuses a logit that is not a plain number and names the field', () => {
    for (const bad of ['z=2,abc,4', 'z=2,1e3,4', 'z=2,Infinity,4', 'z=2,NaN,4', 'z=2,,4', 'z=0x10,1']) {
      const r = read(bad);
      expect(r.value.logits, bad).toBeUndefined();
      expect(r.problems.join(' '), bad).toMatch(/could not read z/);
    }
  });

  it('refuses fewer than 2 or more than 8 logits', () => {
    expect(read('z=1').problems[0]).toMatch(/2 to 8 numbers/);
    expect(read('z=1,2,3,4,5,6,7,8,9').problems[0]).toMatch(/2 to 8 numbers/);
  });

  it('clamps out-of-range values and says so', () => {
    const r = read('z=50,-50&T=99');
    expect(r.value).toEqual({ logits: [10, -10], temperature: 5 });
    expect(r.problems).toHaveLength(2);
  });

  it('ignores unknown keys, including __proto__, and names them', () => {
    const r = read('__proto__=1&constructor=2&z=1,2');
    expect(r.value).toEqual({ logits: [1, 2] });
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(r.problems).toHaveLength(2);
  });

  it('refuses an over-long field without reading it', () => {
    const r = read(`z=${'1,'.repeat(500)}1`);
    expect(r.value.logits).toBeUndefined();
  });
});

describe('writeSoftmaxQuery', () => {
  it('writeSoftmaxQuery then readSoftmaxQuery gives back the same state', () => {
    const state = { logits: [-2.5, 0.1, 9.9, 3], temperature: 0.35 };
    const back = readSoftmaxQuery(parseHash(`#/softmax?${writeSoftmaxQuery(state)}`).query);
    expect(back).toEqual({ value: state, problems: [] });
  });
});

describe('parseHash', () => {
  it('parseHash("#/softmax?z=2,3,4&T=1") splits the slug from the query', () => {
    const r = parseHash('#/softmax?z=2,3,4&T=1');
    expect(r.slug).toBe('softmax');
    expect(r.query.get('z')).toBe('2,3,4');
  });

  it('parseHash of an empty hash is the home route', () => {
    expect(parseHash('').slug).toBe('');
    expect(parseHash('#/').slug).toBe('');
  });

  it('parseHash survives a malformed escape', () => {
    expect(parseHash('#/%E0%A4%A').slug).toBe('%E0%A4%A');
  });
});
