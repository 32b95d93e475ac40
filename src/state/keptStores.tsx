import { createContext, useContext, useState, type ReactNode } from 'react';

/**
 * Where a chapter's own store lives when it must outlive the chapter's page: chapter 8's run goes on
 * existing while the learner reads another chapter, so that coming back from the contents finds it
 * where it was. The site holds one of these above its pages, as it holds the lab; an embed and a test
 * hold none, and each provider there makes its own store.
 */
const KeptStores = createContext<Map<string, unknown> | null>(null);

export function KeptStoresProvider({ children }: { children: ReactNode }) {
  const [kept] = useState(() => new Map<string, unknown>());
  return <KeptStores.Provider value={kept}>{children}</KeptStores.Provider>;
}

/**
 * The store kept under `key` for as long as the site is open, made by `create` the first time; with
 * no KeptStoresProvider above, a store of this component's own lifetime.
 */
export function useKeptStore<S>(key: string, create: () => S): S {
  const kept = useContext(KeptStores);
  const [store] = useState(() => {
    if (!kept) return create();
    if (!kept.has(key)) kept.set(key, create());
    return kept.get(key) as S;
  });
  return store;
}
