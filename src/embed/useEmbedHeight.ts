import { useEffect, type RefObject } from 'react';

/**
 * The message an embed posts to the page around it (window.parent), with targetOrigin '*': a height
 * is not a secret, and the embed cannot know its host's origin.
 *   { type: 'logit-lab:height', version: 1, id: string, height: number (CSS px, integer) }
 * The host may ask for the current height again (if its script loaded after the first post) with
 *   { type: 'logit-lab:request-height' }
 * which is acted on only when it comes from window.parent and has exactly that shape.
 * public/embed-resize.js is the host side.
 */
export interface HeightMessage {
  type: 'logit-lab:height';
  version: 1;
  id: string;
  height: number;
}

export function isHeightRequest(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const keys = Object.keys(data);
  const record = data as Record<string, unknown>;
  return (
    keys.every((k) => k === 'type' || k === 'version') &&
    record.type === 'logit-lab:request-height' &&
    (record.version === undefined || record.version === 1)
  );
}

/** The page's height down to the bottom of `root`, in whole CSS pixels. */
function measure(root: HTMLElement): number {
  const bottom = root.getBoundingClientRect().bottom + window.scrollY;
  const margin = parseFloat(getComputedStyle(root).marginBottom) || 0;
  return Math.max(1, Math.ceil(bottom + margin));
}

/** Inside an iframe, posts the height of `root` whenever it changes, at most once per frame. */
export function useEmbedHeight(root: RefObject<HTMLElement | null>, id: string): void {
  useEffect(() => {
    const el = root.current;
    if (!el || window.parent === window) return;
    let last = -1;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const post = (force: boolean) => {
      const height = measure(el);
      if (height === last && !force) return;
      last = height;
      const message: HeightMessage = { type: 'logit-lab:height', version: 1, id, height };
      window.parent.postMessage(message, '*');
    };
    const run = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      frame = 0;
      timer = undefined;
      post(false);
    };
    // Once per frame, normally. A cross-origin frame out of view gets no frames (Chromium stops
    // rendering it, and with it the ResizeObserver) but still runs timers, and measuring forces the
    // layout: the timer makes a frame below the fold report its height before it is scrolled to.
    const schedule = () => {
      if (frame || timer !== undefined) return;
      frame = requestAnimationFrame(run);
      timer = setTimeout(run, 100);
    };
    const observer = new ResizeObserver(schedule);
    observer.observe(el);
    observer.observe(document.documentElement);
    // DOM changes (the lazy widget arriving, a class added) are seen even when no frame is rendered.
    const mutations = new MutationObserver(schedule);
    mutations.observe(el, { childList: true, subtree: true, characterData: true });
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || !isHeightRequest(event.data)) return;
      post(true);
    };
    window.addEventListener('message', onMessage);
    schedule();
    return () => {
      observer.disconnect();
      mutations.disconnect();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
    };
  }, [root, id]);
}
