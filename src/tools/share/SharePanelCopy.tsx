import { useCallback, useRef, useState, type RefObject } from 'react';
import { copyShortcut, copyToClipboard, selectForManualCopy } from '../clipboard';

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * The copy buttons' shared behaviour and their one polite live region: "Copied" when the clipboard
 * took the text, otherwise the text selected in its read-only field and the shortcut to press.
 */
export function useCopy() {
  const [status, setStatus] = useState('');
  const round = useRef(0);
  const copy = useCallback(async (text: string, what: string, field: RefObject<Field | null>) => {
    const mine = (round.current += 1);
    // Empty first, so the same message twice in a row is announced twice.
    setStatus('');
    const result = await copyToClipboard(text);
    if (mine !== round.current) return;
    if (result === 'copied') {
      setStatus(`Copied ${what}.`);
    } else {
      selectForManualCopy(field.current);
      setStatus(`The clipboard is not available here: ${what} is selected, press ${copyShortcut()} to copy it.`);
    }
  }, []);
  return { status, copy };
}

export function CopyStatus({ status }: { status: string }) {
  return (
    <p className="share-status" role="status" aria-live="polite">
      {status}
    </p>
  );
}

/** A labelled read-only text (one line or several) with its copy button beside it. */
export function CopyField({
  label,
  value,
  buttonLabel,
  what,
  multiline = false,
  onCopy,
  testId,
}: {
  label: string;
  value: string;
  buttonLabel: string;
  what: string;
  multiline?: boolean;
  onCopy: (text: string, what: string, field: RefObject<Field | null>) => void;
  testId?: string;
}) {
  const ref = useRef<Field | null>(null);
  return (
    <div className="share-field">
      <label>
        <span className="share-field-label">{label}</span>
        {multiline ? (
          <textarea
            ref={(el) => {
              ref.current = el;
            }}
            readOnly
            rows={4}
            value={value}
            spellCheck={false}
            data-testid={testId}
            onFocus={(e) => e.currentTarget.select()}
          />
        ) : (
          <input
            ref={(el) => {
              ref.current = el;
            }}
            readOnly
            type="text"
            value={value}
            spellCheck={false}
            data-testid={testId}
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
      </label>
      <button type="button" onClick={() => onCopy(value, what, ref)}>
        {buttonLabel}
      </button>
    </div>
  );
}
