import { describe, expect, it } from 'vitest';
import { defaultState, readWidgetState, writeWidgetState } from '../../../../src/url/stateSchema';
import { currentWeights, initialDescent, descentReducer, presetPoints, type DescentAction, type LogisticDescentState } from '../../../../src/chapters/logistic-regression/logisticDescent';
import { descentFromLink, linkOfDescent, sameLink } from '../../../../src/chapters/logistic-regression/logisticLink';
import { LOGISTIC_STATE } from '../../../../src/chapters/logistic-regression/logisticState';

const run = (state: LogisticDescentState, ...actions: DescentAction[]) => actions.reduce(descentReducer, state);
const DEFAULTS = defaultState(LOGISTIC_STATE);
/** The lab a query describes, as the widget reads it at mount. */
const labOf = (query: string) => descentFromLink(readWidgetState(LOGISTIC_STATE, new URLSearchParams(query)).value);
/** A lab through its address and back: written as the hook writes it, read as the hook reads it. */
const throughAddress = (lab: LogisticDescentState) => {
  const query = writeWidgetState(LOGISTIC_STATE, { ...DEFAULTS, ...linkOfDescent(lab) }, new URLSearchParams());
  return { query: query.toString(), lab: labOf(query.toString()) };
};

describe('the link of the logistic-regression lab', () => {
  it('its default points are the "overlapping" preset the lab opens with', () => {
    expect(DEFAULTS.pts).toEqual(presetPoints('overlapping').map((p) => ({ x: p.x1, y: p.x2, c: p.t })));
  });

  it('an empty query is the lab as it opens, and the lab as it opens writes an empty query', () => {
    const opened = initialDescent();
    const { query, lab } = throughAddress(opened);
    expect(query).toBe('');
    expect(labOf('')).toEqual(opened);
    expect(lab).toEqual(opened);
  });

  it('"n=3" replays three steps from (−4, 3, 0) at η = 0.5: the same path as pressing Step three times', () => {
    expect(labOf('n=3').path).toEqual(run(initialDescent(), { type: 'step', steps: 3 }).path);
  });

  it('a lab with points moved mid-descent comes back through its address with the very same path, to the last bit', () => {
    const before = run(
      initialDescent(),
      { type: 'rate', rate: 1.3 },
      { type: 'step', steps: 7 },
      { type: 'move', id: 2, x1: -1.25, x2: 0.5 },
      { type: 'add', x1: 2.5, x2: -2.5, t: 0 },
      { type: 'step', steps: 12 },
    );
    const { query, lab } = throughAddress(before);
    // the path begins where the move left the weights (not at the start), so w0 is written
    expect(new URLSearchParams(query).get('w0')).toBe(before.path[0]!.join(','));
    expect(new URLSearchParams(query).get('n')).toBe('12');
    expect(lab.path).toEqual(before.path);
    expect(lab.costs).toEqual(before.costs);
    expect(lab.points.map(({ x1, x2, t }) => [x1, x2, t])).toEqual(before.points.map(({ x1, x2, t }) => [x1, x2, t]));
  });

  it('after the rate changed mid-descent, the address keeps the run at the new rate: the weights shown, exactly', () => {
    const before = run(initialDescent(), { type: 'step', steps: 10 }, { type: 'rate', rate: 2.5 }, { type: 'step', steps: 6 });
    const { query, lab } = throughAddress(before);
    expect(new URLSearchParams(query).get('n')).toBe('6');
    expect(new URLSearchParams(query).get('eta')).toBe('2.5');
    expect(currentWeights(lab)).toEqual(currentWeights(before));
    expect(lab.path).toEqual(before.path.slice(10));
  });

  it('a hand-written start=1,2 begins the path at (1, 2, 0), as the starting-weight sliders do', () => {
    const lab = labOf('start=1,2&n=0');
    expect(lab.start).toEqual([1, 2, 0]);
    expect(lab.path).toEqual([[1, 2, 0]]);
    // and the lab writes that back without w0
    expect(throughAddress(lab).query).toBe('start=1%2C2');
  });

  it('values are put on the lab\'s grids: points and the start to 0.01, η to the slider\'s', () => {
    const lab = labOf('pts=1.234,-1.006,1,0.1,0.2,0&start=1.237,-2&eta=0.37');
    expect(lab.points.map(({ x1, x2, t }) => [x1, x2, t])).toEqual([
      [1.23, -1.01, 1],
      [0.1, 0.2, 0],
    ]);
    expect(lab.start).toEqual([1.24, -2, 0]);
    expect(lab.rate).toBe(0.35);
  });

  it('with b not learned, a path given a b other than 0 begins at b = 0, and b stays 0', () => {
    const lab = labOf('bias=0&w0=1,1,0.5&n=4');
    expect(lab.learnBias).toBe(false);
    for (const w of lab.path) expect(w[2]).toBe(0);
    expect(lab.path[0]).toEqual([1, 1, 0]);
  });

  it('steps asked of points of one class only are not taken', () => {
    const lab = labOf('pts=1,1,1,-1,-1,1&n=20');
    expect(lab.path).toHaveLength(1);
    expect(linkOfDescent(lab).n).toBe(0);
  });

  it('sameLink tells links apart by every field, and a link from itself', () => {
    const link = linkOfDescent(run(initialDescent(), { type: 'step', steps: 2 }));
    expect(sameLink(link, { ...link, pts: link.pts.map((p) => ({ ...p })) })).toBe(true);
    for (const change of [{ n: 3 }, { eta: 1 }, { bias: false }, { start: [0, 0] }, { w0: [0, 0, 0] }, { pts: link.pts.slice(1) }]) {
      expect(sameLink(link, { ...link, ...change }), JSON.stringify(Object.keys(change))).toBe(false);
    }
  });
});
