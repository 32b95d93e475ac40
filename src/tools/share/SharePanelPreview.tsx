import { useEffect, useRef, useState } from 'react';
import { DEFAULT_IFRAME_HEIGHT, EMBED_ALLOW, EMBED_SANDBOX } from './embedUrl';

/** The message an embed posts to its parent when its content's height changes (see embed-resize.js). */
export interface HeightMessage {
  readonly type: 'logit-lab:height';
  readonly version: 1;
  readonly id: string;
  readonly height: number;
}

const MIN_HEIGHT = 100;
const MAX_HEIGHT = 5000;

/**
 * The height in a message, or undefined when the message is not a well-formed height message for
 * this frame id: anything can post to a window, so nothing is taken on trust — not the shape, not the
 * id, not the number.
 */
export function readHeightMessage(data: unknown, frameId: string): number | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const message = data as Partial<Record<keyof HeightMessage, unknown>>;
  if (message.type !== 'logit-lab:height' || message.version !== 1 || message.id !== frameId) return undefined;
  const { height } = message;
  if (typeof height !== 'number' || !Number.isFinite(height)) return undefined;
  return Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, height)));
}

/** The embed's address with the frame id it is to post its height under. */
export function withFrameId(url: string, frameId: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}frame=${encodeURIComponent(frameId)}`;
}

const RELOAD_DELAY_MS = 500;

/**
 * A live preview of an embed exactly as a course page would hold it: an iframe with the snippet's
 * sandbox and permissions, as tall as the embed says it is. (Here the frame shares this page's origin,
 * the case the lecturer page warns against for course pages; it is Logit Lab's own page, so nothing
 * is exposed.) A new address reloads it once the lecturer
 * pauses, not at every typed letter of a caption.
 */
export function SharePanelPreview({ url, title, frameId }: { url: string; title: string; frameId: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [shown, setShown] = useState(url);
  const [height, setHeight] = useState(DEFAULT_IFRAME_HEIGHT);

  useEffect(() => {
    if (url === shown) return;
    const timer = setTimeout(() => setShown(url), RELOAD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [url, shown]);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      // Only the preview's own window: a message from anywhere else is not about this frame.
      if (!frame.current || event.source !== frame.current.contentWindow) return;
      const next = readHeightMessage(event.data, frameId);
      if (next !== undefined) setHeight(next);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [frameId]);

  return (
    <iframe
      key={shown}
      ref={frame}
      className="share-preview"
      src={withFrameId(shown, frameId)}
      title={`Preview: Logit Lab: ${title}`}
      sandbox={EMBED_SANDBOX}
      allow={EMBED_ALLOW}
      style={{ height: `${height}px` }}
      data-testid="embed-preview"
      // The embed posts its height as it renders; asking once more on load covers a post that raced
      // this page's listener.
      onLoad={(e) => e.currentTarget.contentWindow?.postMessage({ type: 'logit-lab:request-height' }, '*')}
    />
  );
}
