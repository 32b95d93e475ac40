import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { createStore } from 'zustand/vanilla';
import { storeContext } from '../../../src/state/storeContext';

afterEach(cleanup);

interface Counts {
  a: number;
  b: number;
}
const counts = storeContext<Counts>('CountsProvider');

describe('storeContext(provider)', () => {
  it('useSelect outside its provider throws an error that names the provider', () => {
    const Reader = () => <p>{counts.useSelect((s) => s.a)}</p>;
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Reader />)).toThrow('This component must be inside <CountsProvider>');
  });

  it('useSelect(s => s.a) re-renders when a changes and not when only b does', () => {
    const store = createStore<Counts>()(() => ({ a: 1, b: 1 }));
    let renders = 0;
    const Reader = () => {
      renders++;
      return <p data-testid="a">{counts.useSelect((s) => s.a)}</p>;
    };
    render(
      <counts.Provider value={store}>
        <Reader />
      </counts.Provider>,
    );
    expect(screen.getByTestId('a').textContent).toBe('1');
    const before = renders;
    act(() => store.setState({ b: 2 }));
    expect(renders).toBe(before);
    act(() => store.setState({ a: 5 }));
    expect(screen.getByTestId('a').textContent).toBe('5');
    expect(renders).toBe(before + 1);
  });

  it('useStoreApi() returns the very store the provider holds', () => {
    const store = createStore<Counts>()(() => ({ a: 1, b: 1 }));
    let seen: unknown = null;
    const Reader = () => {
      seen = counts.useStoreApi();
      return null;
    };
    render(
      <counts.Provider value={store}>
        <Reader />
      </counts.Provider>,
    );
    expect(seen).toBe(store);
  });
});
