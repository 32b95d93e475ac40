import { memo } from 'react';
import { formatNumber } from '../format/formatNumber';

interface ShiftControlsProps {
  canAdd: boolean;
  canSubtract: boolean;
  /** the logit range, for the hint */
  min: number;
  max: number;
  /** what the last shift did, read out politely */
  note: string;
  onShift(c: number): void;
  onRestore(): void;
}

/** Shift every logit by ±1 (softmax does not change), or go back to the worked example. */
export const ShiftControls = memo(function ShiftControls(props: ShiftControlsProps) {
  const { canAdd, canSubtract, min, max, note, onShift, onRestore } = props;
  return (
    <>
      <div className="button-row">
        <button type="button" onClick={() => onShift(1)} disabled={!canAdd} aria-describedby="shift-hint">
          Add 1 to every logit
        </button>
        <button type="button" onClick={() => onShift(-1)} disabled={!canSubtract} aria-describedby="shift-hint">
          Subtract 1 from every logit
        </button>
        <button type="button" onClick={onRestore}>
          Restore the worked example
        </button>
      </div>
      <p id="shift-hint" className="hint">
        A shift is offered while every logit stays within {formatNumber(min, 0)} to {formatNumber(max, 0)}.
      </p>
      <p className="hint" aria-live="polite">
        {note}
      </p>
    </>
  );
});
