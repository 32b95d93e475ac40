import { useId, useState } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { classColour, term } from '../../format/terms';
import { LecturerControl } from '../../controls/LecturerControl';
import { NumberField } from '../../controls/NumberField';

interface SamplePickerProps {
  /** zero-based index of the chosen sample */
  index: number;
  m: number;
  x: readonly number[];
  label: number;
  /** the network's probabilities for the sample */
  p: readonly number[];
  onIndex(index: number): void;
}

/**
 * Which sample's rows the explorer shows: a number field (1 … m, as the learner counts) with previous
 * and next buttons. A typed value that is not a whole number in range is refused, on Enter or when
 * the field is left, with a message, and the last good sample stays (NumberField). A lecturer may
 * hide or lock the controls (`sample`); the sample's facts stay.
 */
export function BackwardPassSamplePicker({ index, m, x, label, p, onIndex }: SamplePickerProps) {
  const inputId = useId();
  const messageId = useId();
  const [message, setMessage] = useState<string | null>(null);
  const predicted = p.reduce((best, v, k) => (v > (p[best] ?? -Infinity) ? k : best), 0);

  const choose = (next: number) => {
    setMessage(null);
    onIndex(Math.min(m - 1, Math.max(0, next)));
  };

  return (
    <div className="bp-sample-picker">
      <LecturerControl ids={['sample']}>
        <div className="bp-sample-controls">
          <label htmlFor={inputId}>Sample i</label>
          <button type="button" onClick={() => choose(index - 1)} disabled={index <= 0} aria-label="Previous sample">
            ‹
          </button>
          <NumberField
            id={inputId}
            value={index + 1}
            rule={{ name: 'the sample', min: 1, max: m, whole: true }}
            kept={`Still showing sample ${index + 1}.`}
            onValue={(n) => onIndex(n - 1)}
            onMessage={setMessage}
            describedBy={message ? messageId : undefined}
          />
          <button type="button" onClick={() => choose(index + 1)} disabled={index >= m - 1} aria-label="Next sample">
            ›
          </button>
          <span className="bp-sample-of">of {m}</span>
        </div>
      </LecturerControl>
      <p className="bp-sample-facts" data-testid="bp-sample-facts">
        Sample {index + 1}: x = (
        {x.map((v, r) => (
          <span key={r}>
            {r > 0 && ', '}
            <span data-term={term.backpropInput(r)}>{formatNumber(v, 3)}</span>
          </span>
        ))}
        ), class{' '}
        <span className="bp-class-swatch" style={{ background: classColour(label) }} aria-hidden="true" /> {label + 1}; the network gives it
        p = {formatNumber(p[label] ?? NaN, 3)} and predicts class {predicted + 1}
        {predicted === label ? ' (right).' : ' (wrong).'}
      </p>
      {message && (
        <p className="notice" id={messageId} role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
