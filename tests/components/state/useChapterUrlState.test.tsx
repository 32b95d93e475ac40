import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { parseHash } from '../../../src/url/hashRoute';
import { createLabStore, type LabStore } from '../../../src/state/createLabStore';
import { LabProvider } from '../../../src/state/LabContext';
import { useChapterUrlState } from '../../../src/state/useChapterUrlState';
import { widgetsOf } from '../../../src/embed/widgetRegistry';

function Notice({ slug }: { slug: string }) {
  const notice = useChapterUrlState(slug, widgetsOf(slug));
  return <p data-testid="chapter-url-notice">{notice}</p>;
}

/** The chapter's hook on `hash`, over a store the learner already moved to T = 2.5 (the last good value). */
function open(hash: string): { store: LabStore; entries: number } {
  window.history.replaceState(null, '', hash);
  const { slug } = parseHash(hash);
  const entries = window.history.length;
  const store = createLabStore({ temperature: 2.5 });
  render(
    <LabProvider store={store}>
      <Notice slug={slug} />
    </LabProvider>,
  );
  return { store, entries };
}

const notice = () => screen.getByTestId('chapter-url-notice').textContent;
const said = (...problems: string[]) => `The link's settings: ${problems.join('; ')}. The rest of the page works as usual.`;

afterEach(() => window.history.replaceState(null, '', '#'));

describe('useChapterUrlState: what a chapter’s address refuses, and the address put right', () => {
  it('unreadable: #/softmax?T=abc keeps the last good T = 2.5, says so, and the address says T=2.5', () => {
    const { store, entries } = open('#/softmax?T=abc');
    expect(store.getState().temperature).toBe(2.5);
    expect(notice()).toBe(said('could not read T=abc: it needs a plain number such as 1'));
    expect(window.location.hash).toBe('#/softmax?z=2%2C3%2C4&T=2.5');
    expect(window.history.length).toBe(entries);
  });

  it('out of range: #/softmax?T=0 is clamped to 0.1, and the address says T=0.1', () => {
    const { store } = open('#/softmax?T=0');
    expect(store.getState().temperature).toBe(0.1);
    expect(notice()).toBe(said('T=0 is out of range (0.1 to 5): clamped to 0.1'));
    expect(window.location.hash).toBe('#/softmax?z=2%2C3%2C4&T=0.1');
  });

  it('not a setting of this page: caption=<script> and constructor=x are named and leave the address', () => {
    open('#/softmax?caption=%3Cscript%3E&constructor=x&z=1,2');
    expect(notice()).toBe(said('ignored caption: not a setting of this page', 'ignored constructor: not a setting of this page'));
    expect(window.location.hash).toBe('#/softmax?z=1%2C2&T=2.5');
  });

  it('bad percent-encoding: #/softmax?z=%E0%A4%A&T=% is named as typed and rewritten to the good state', () => {
    const { store, entries } = open('#/softmax?z=%E0%A4%A&T=%');
    expect(store.getState().logits).toEqual([2, 3, 4]);
    expect(notice()).toBe(
      said(
        'could not read z=%E0%A4%A: it needs 2 to 8 plain numbers separated by commas, such as 2,3,4',
        'could not read T=%: it needs a plain number such as 1',
      ),
    );
    expect(window.location.hash).toBe('#/softmax?z=2%2C3%2C4&T=2.5');
    expect(window.history.length).toBe(entries);
  });

  it('a widget’s own key is a setting of its chapter: #/logistic-regression?eta=2 gets no notice and is left as it is', () => {
    open('#/logistic-regression?eta=2');
    expect(notice()).toBe('');
    expect(window.location.hash).toBe('#/logistic-regression?eta=2');
  });

  it('a lab input another chapter reads is not one of this page: #/logistic-regression?T=2 names T', () => {
    open('#/logistic-regression?T=2&eta=2');
    expect(notice()).toBe(said('ignored T: not a setting of this page'));
    expect(window.location.hash).toBe('#/logistic-regression?eta=2');
  });
});
