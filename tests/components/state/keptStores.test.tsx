import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { KeptStoresProvider, useKeptStore } from '../../../src/state/keptStores';

afterEach(cleanup);

let made = 0;
const create = () => ({ id: ++made });

/** Reports the store it was given, as a chapter's provider would pass it on. */
function Reader({ name, seen }: { name: string; seen: { id: number }[] }) {
  seen.push(useKeptStore(name, create));
  return null;
}

describe('useKeptStore(key, create)', () => {
  it('under a KeptStoresProvider, a page mounted again gets the store it had: the run outlives the page', () => {
    const seen: { id: number }[] = [];
    const site = (page: ReactNode) => <KeptStoresProvider>{page}</KeptStoresProvider>;
    const { rerender } = render(site(<Reader key="first" name="backprop" seen={seen} />));
    rerender(site(<p>another chapter</p>));
    rerender(site(<Reader key="second" name="backprop" seen={seen} />));
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seen).size).toBe(1);
  });

  it('under a KeptStoresProvider, two keys get two stores', () => {
    const a: { id: number }[] = [];
    const b: { id: number }[] = [];
    render(
      <KeptStoresProvider>
        <Reader name="backprop" seen={a} />
        <Reader name="another" seen={b} />
      </KeptStoresProvider>,
    );
    expect(a[0]).not.toBe(b[0]);
  });

  it('with no KeptStoresProvider (an embed, a test), each mount makes its own store', () => {
    const seen: { id: number }[] = [];
    const first = render(<Reader name="backprop" seen={seen} />);
    const kept = seen[seen.length - 1];
    first.unmount();
    render(<Reader name="backprop" seen={seen} />);
    expect(seen[seen.length - 1]).not.toBe(kept);
  });

  it('two sites are two sets of stores', () => {
    const a: { id: number }[] = [];
    const b: { id: number }[] = [];
    render(
      <>
        <KeptStoresProvider>
          <Reader name="backprop" seen={a} />
        </KeptStoresProvider>
        <KeptStoresProvider>
          <Reader name="backprop" seen={b} />
        </KeptStoresProvider>
      </>,
    );
    expect(a[0]).not.toBe(b[0]);
  });
});
