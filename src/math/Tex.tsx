import { useEffect, useState, useSyncExternalStore } from 'react';
import { katexFailed, katexVersion, loadKatex, renderTexNow, subscribeKatex } from './texRuntime';

interface TexProps {
  /** LaTeX built only from fixed templates and texNumber(): never from raw learner text. */
  tex: string;
  display?: boolean;
  className?: string;
  testId?: string;
}

/**
 * A live formula. Its HTML comes from the build-time set or KaTeX's runtime (see texRuntime.ts);
 * while the runtime loads, the formula it showed last stays up, marked busy.
 */
export function Tex({ tex, display = false, className, testId }: TexProps) {
  useSyncExternalStore(subscribeKatex, katexVersion, katexVersion);
  const html = renderTexNow(tex, display);
  // The last formula typeset, kept through the moments when the new one waits for the runtime.
  const [last, setLast] = useState(html);
  if (html !== undefined && html !== last) setLast(html);

  useEffect(() => {
    if (html === undefined) void loadKatex();
  }, [html]);

  const Tag = display ? 'div' : 'span';
  const shown = html ?? last;
  const classes = ['tex', display ? 'tex-display' : '', className ?? ''].join(' ').trim();
  if (shown === undefined) {
    return (
      <Tag className={classes} data-testid={testId} aria-busy={!katexFailed()}>
        {katexFailed() ? 'The formula could not be typeset; the numbers beside it are current.' : '…'}
      </Tag>
    );
  }
  return (
    <Tag
      className={classes}
      data-testid={testId}
      aria-busy={html === undefined && !katexFailed() ? true : undefined}
      // KaTeX output of our own LaTeX, with `trust` limited to \htmlData: safe to inject.
      dangerouslySetInnerHTML={{ __html: shown }}
    />
  );
}
