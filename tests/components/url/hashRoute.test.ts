import { afterEach, describe, expect, it } from 'vitest';
import { parseHash, updateHashQuery } from '../../../src/url/hashRoute';

describe('parseHash', () => {
  it('parseHash("#/softmax?z=2,3,4&T=1") splits the slug from the query', () => {
    const r = parseHash('#/softmax?z=2,3,4&T=1');
    expect(r.slug).toBe('softmax');
    expect(r.query.get('z')).toBe('2,3,4');
    expect(r.query.get('T')).toBe('1');
  });

  it('parseHash of an empty hash is the home route', () => {
    expect(parseHash('').slug).toBe('');
    expect(parseHash('#/').slug).toBe('');
  });

  it('parseHash survives a malformed escape', () => {
    expect(parseHash('#/%E0%A4%A').slug).toBe('%E0%A4%A');
  });

  it('parseHash keeps a query value that is not valid percent-encoding as typed: z=%E0%A4%A&T=%, and decodes the rest as a form does', () => {
    const r = parseHash('#/softmax?z=%E0%A4%A&T=%&caption=a+b%26c&k%3D=1&flag');
    expect([...r.query]).toEqual([
      ['z', '%E0%A4%A'],
      ['T', '%'],
      ['caption', 'a b&c'],
      ['k=', '1'],
      ['flag', ''],
    ]);
  });

  it('parseHash keeps an embed path whole: #/embed/softmax/SoftmaxExplorer?z=1,2', () => {
    const r = parseHash('#/embed/softmax/SoftmaxExplorer?z=1,2');
    expect(r.slug).toBe('embed/softmax/SoftmaxExplorer');
    expect(r.query.get('z')).toBe('1,2');
  });
});

describe('updateHashQuery', () => {
  afterEach(() => window.history.replaceState(null, '', '#/'));

  it('changes only the keys it is given and keeps the route and the other keys', () => {
    window.history.replaceState(null, '', '#/information?z=1,2,3&u=nats');
    const length = window.history.length;
    updateHashQuery((q) => q.set('z', '4,5,6'));
    const r = parseHash(window.location.hash);
    expect(r.slug).toBe('information');
    expect(r.query.get('z')).toBe('4,5,6');
    expect(r.query.get('u')).toBe('nats');
    // replaceState: the back button leaves the page instead of undoing a step
    expect(window.history.length).toBe(length);
  });

  it('deleting the last key leaves the bare route', () => {
    window.history.replaceState(null, '', '#/jacobian?i=2');
    updateHashQuery((q) => q.delete('i'));
    expect(window.location.hash).toBe('#/jacobian');
  });
});
