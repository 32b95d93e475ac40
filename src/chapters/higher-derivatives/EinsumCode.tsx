import { useId, useRef, useState } from 'react';
import { copyToClipboard, selectContents } from '../../tools/clipboard';
import { einsumExpression, tensorNumpy } from './einsumProgram';
import '../../tools/copyAsCode/copyAsCode.css';

/**
 * The einsum lines that build T from p, shown as code, with two copy buttons: the lines alone (to
 * paste beside one's own p and I = np.eye(C)) and a whole NumPy program with the learner's logits
 * that also checks T against central differences of the Hessian. Where the clipboard is refused, the
 * code shown is selected for Ctrl+C instead.
 */
export function EinsumCode({ logits }: { logits: readonly number[] }) {
  const [message, setMessage] = useState('');
  const [program, setProgram] = useState(false);
  const codeRef = useRef<HTMLElement>(null);
  const captionId = useId();
  const text = program ? tensorNumpy(logits) : einsumExpression();

  const copy = async (whole: boolean) => {
    setProgram(whole);
    const outcome = await copyToClipboard(whole ? tensorNumpy(logits) : einsumExpression());
    const what = whole ? 'the NumPy program' : 'the einsum lines';
    if (outcome === 'copied') setMessage(`Copied ${what}.`);
    else {
      setMessage(`The clipboard is not available here: ${what} are selected below, copy them with Ctrl+C (⌘C).`);
      selectContents(codeRef.current);
    }
  };

  return (
    <div className="hd-einsum" role="group" aria-label="The third derivative as einsum code">
      <p className="copy-as-code-caption" id={captionId}>
        {program ? 'A NumPy program with your logits: it builds T and checks it against central differences' : 'T from p and I = np.eye(C), in NumPy'}
        <span className="hd-scroll-note"> (the box scrolls sideways)</span>
      </p>
      <pre className="copy-as-code-block" tabIndex={0} role="region" aria-labelledby={captionId}>
        <code ref={codeRef} data-language="numpy">
          {text}
        </code>
      </pre>
      <div className="button-row">
        <button type="button" onClick={() => void copy(false)}>
          Copy the einsum lines
        </button>
        <button type="button" onClick={() => void copy(true)}>
          Copy as a NumPy program
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
