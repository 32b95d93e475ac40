import { useSyncExternalStore } from 'react';
import type { Network } from '../../core/network';
import { backpropStore } from './backpropStore';

/**
 * The network the backward-pass explorer shows: the store's, but while the trainer plays at most one
 * new one every THROTTLE_MS. The trainer publishes new weights every frame; redoing the explorer's
 * pass, finite differences, tables and formulas that often cost about 40% of the main thread in
 * Chromium and slowed training. A few updates a second still show the numbers moving, and once
 * training stops the explorer shows the last weights at once.
 */
export const THROTTLE_MS = 400;

let shown: Network = backpropStore.getState().network;
let last = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function show(network: Network): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  last = performance.now();
  if (network === shown) return;
  shown = network;
  listeners.forEach((notify) => notify());
}

backpropStore.subscribe((state, previous) => {
  if (state.network === previous.network && state.running === previous.running) return;
  if (!state.running) return show(state.network);
  const wait = THROTTLE_MS - (performance.now() - last);
  if (wait <= 0) show(state.network);
  else timer ??= setTimeout(() => show(backpropStore.getState().network), wait);
});

function subscribe(notify: () => void): () => void {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

const snapshot = () => shown;

export function useShownNetwork(): Network {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
