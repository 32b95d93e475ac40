import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { CopyOutcome } from '../clipboard';
import './copyAsCode.css';

export type CodeLanguage = 'numpy' | 'torch';

const LANGUAGE_NAME: Record<CodeLanguage, string> = { numpy: 'NumPy', torch: 'PyTorch' };

export interface CopyAsCodeProps<M> {
  /** what the widget computes, for the code block's label: 'softmax', 'the softmax Jacobian' */
  subject: string;
  /**
   * Fetches the module that writes the programs (a dynamic import): a chapter's first load carries
   * none of the program text, only the two buttons. Pointing at or focusing the buttons fetches it.
   */
  programs: () => Promise<M>;
  /** the programs for the current state, from that module; called only when shown or copied, never on a plain render */
  numpy: (programs: M) => string;
  torch: (programs: M) => string;
}

type Clipboard = typeof import('../clipboard');

/**
 * "Copy as NumPy" and "Copy as PyTorch": copies a short program that recomputes the widget's numbers
 * and shows it in a labelled, scrollable, selectable code block, so the program is there to read or
 * select by hand when the clipboard is out of reach (an iframe, plain http). The shown program follows
 * the widget's state as the learner keeps changing it.
 */
export function CopyAsCode<M>({ subject, programs: loadPrograms, numpy, torch }: CopyAsCodeProps<M>) {
  const [shown, setShown] = useState<CodeLanguage | null>(null);
  const [copy, setCopy] = useState<{ program: string; outcome: CopyOutcome | 'pending' } | null>(null);
  const [code, setCode] = useState<{ programs: M; clipboard: Clipboard } | null>(null);
  const loading = useRef<Promise<{ programs: M; clipboard: Clipboard }> | null>(null);
  const codeRef = useRef<HTMLElement>(null);
  const firstButtonRef = useRef<HTMLButtonElement>(null);
  const captionId = useId();
  const writers = { numpy, torch };

  // Fetched once per widget, on the first point, focus or press; the module cache makes it once per page.
  const load = () => {
    loading.current ??= Promise.all([loadPrograms(), import('../clipboard')]).then(([programs, clipboard]) => {
      const loaded = { programs, clipboard };
      setCode(loaded);
      return loaded;
    });
    return loading.current;
  };

  const program = shown && code ? writers[shown](code.programs) : '';
  // "Copied" only while the program shown is the one copied: after the learner moves a logit it is stale.
  const message =
    !shown || copy?.program !== program
      ? ''
      : copy.outcome === 'copied'
        ? `Copied the ${LANGUAGE_NAME[shown]} program.`
        : copy.outcome === 'unavailable'
          ? `The clipboard is not available here: the ${LANGUAGE_NAME[shown]} program is selected below, copy it with Ctrl+C (⌘C).`
          : '';

  const copyProgram = async (language: CodeLanguage) => {
    const { programs, clipboard } = code ?? (await load());
    const text = writers[language](programs);
    setShown(language);
    setCopy({ program: text, outcome: 'pending' });
    const outcome = await clipboard.copyToClipboard(text);
    setCopy({ program: text, outcome });
  };

  // Selected once the block shows the program: after the code's first fetch, the press's updates are
  // no longer flushed with the click, so the block may not be there yet when the copy fails. A layout
  // effect, so the selection lands in the same commit as the message that says it is there: a passive
  // effect runs later, and a reader (or a test, on a loaded CI machine) could see the message first.
  useLayoutEffect(() => {
    if (copy?.outcome === 'unavailable') code?.clipboard.selectContents(codeRef.current);
  }, [copy, code]);

  return (
    <div
      className="copy-as-code"
      role="group"
      aria-label={`Copy ${subject} as code`}
      onPointerEnter={() => void load()}
      onFocus={() => void load()}
    >
      <div className="button-row">
        <button type="button" ref={firstButtonRef} onClick={() => void copyProgram('numpy')}>
          Copy as NumPy
        </button>
        <button type="button" onClick={() => void copyProgram('torch')}>
          Copy as PyTorch
        </button>
        {shown && (
          <button
            type="button"
            onClick={() => {
              setShown(null);
              setCopy(null);
              // The pressed button goes away; keep the keyboard user's place instead of dropping to <body>.
              firstButtonRef.current?.focus();
            }}
          >
            Hide code
          </button>
        )}
      </div>
      {/* A polite live region that is always there (so the first "Copied" is announced), but not
          role="status": a page's one status is its URL notice, which tests and people look for. */}
      <p className="hint copy-as-code-message" aria-live="polite">
        {message}
      </p>
      {shown && (
        <div className="copy-as-code-shown">
          <p className="copy-as-code-caption" id={captionId}>
            {LANGUAGE_NAME[shown]} program for {subject}, with the numbers on screen
          </p>
          <pre className="copy-as-code-block" tabIndex={0} role="region" aria-labelledby={captionId}>
            <code ref={codeRef} data-language={shown}>
              {program}
            </code>
          </pre>
        </div>
      )}
    </div>
  );
}
