import { useId } from 'react';
import type { Batch } from './pytorchLossInputs';
import { numpyLossLines, torchLossCall } from './pytorchLossPrograms';

/**
 * Under the result, always in view: the nn.CrossEntropyLoss call for the options on screen (only the
 * ones that are not PyTorch's defaults) and the NumPy lines of the same loss. They follow every edit;
 * the Copy buttons below give the whole programs, with the data and the prints.
 */
export function LossCode({ batch }: { batch: Batch }) {
  const id = useId();
  return (
    <div className="loss-code" data-testid="loss-code">
      <p className="batch-caption" id={`${id}-torch`}>
        In PyTorch
      </p>
      {/* the code is read, not run: a tab stop lets the keyboard scroll it sideways on a phone */}
      <pre className="copy-as-code-block" tabIndex={0} role="region" aria-labelledby={`${id}-torch`} data-testid="torch-call">
        <code>{torchLossCall(batch)}</code>
      </pre>
      <p className="batch-caption" id={`${id}-numpy`}>
        In NumPy
      </p>
      <pre className="copy-as-code-block" tabIndex={0} role="region" aria-labelledby={`${id}-numpy`} data-testid="numpy-lines">
        <code>{numpyLossLines(batch).join('\n')}</code>
      </pre>
    </div>
  );
}
