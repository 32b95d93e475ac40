import { useCallback, useId, useState } from 'react';
import { useControlMode } from '../../state/embedContext';
import { LecturerControl } from '../../controls/LecturerControl';
import { NumberField } from '../../controls/NumberField';
import { LogitSliderList } from '../../controls/LogitSliders';
import { useStability, useStabilityStore } from './StabilityContext';
import { logitRule, STABILITY_LIMITS } from './stabilityInputs';
import { TrueClassRadios } from './TrueClassChoice';

function TypedLogit({ index, value, onMessage, messageId }: { index: number; value: number; onMessage(message: string | null): void; messageId: string }) {
  const setLogit = useStability((s) => s.setLogit);
  const name = `z${index + 1}`;
  return (
    <label className="typed-logit">
      <span aria-hidden="true">
        z<sub>{index + 1}</sub> =
      </span>
      <NumberField
        label={`type logit ${name}`}
        value={value}
        rule={logitRule(name)}
        kept={`${name} stays ${value}.`}
        onValue={(v) => setLogit(index, v)}
        onMessage={onMessage}
        describedBy={messageId}
      />
    </label>
  );
}

/**
 * The chapter's logits, three ways: a slider each (−1000 to 1000 in steps of 0.1), a text field each
 * (Enter or leaving the field applies it; a value that is not a number or is out of range is refused
 * with a message and the last good value stays), and the true class as a radio group. The logits are
 * the lecturer control `sz`, the true class `sy` (the overflow explorer's state, stabilityState.ts).
 */
export function LogitEntry() {
  const logits = useStability((s) => s.logits);
  const store = useStabilityStore();
  const setLogitAt = useCallback((value: number, index: number) => store.getState().setLogit(index, value), [store]);
  const [message, setMessage] = useState<string | null>(null);
  const messageId = useId();
  const { min, max, step } = STABILITY_LIMITS;
  const logitsHidden = useControlMode(['sz']) === 'hidden';
  const labelHidden = useControlMode(['sy']) === 'hidden';
  // a legend over nothing says nothing: the group goes when the lecturer hid both
  if (logitsHidden && labelHidden) return null;
  return (
    <fieldset className="controls stability-controls">
      <legend>Logits and the true class</legend>
      <LecturerControl ids={['sz']}>
        <LogitSliderList logits={logits} min={min} max={max} step={step} digits={1} onValue={setLogitAt} />
        <div className="typed-logits">
          {logits.map((z, i) => (
            <TypedLogit key={i} index={i} value={z} onMessage={setMessage} messageId={messageId} />
          ))}
        </div>
        <p className={message ? 'notice typed-message' : 'hint'} role="status" id={messageId} data-testid="typed-message">
          {message ?? 'Type a logit from −1000 to 1000 in steps of 0.1 and press Enter.'}
        </p>
      </LecturerControl>
      <LecturerControl ids={['sy']}>
        <div className="label-choices" role="radiogroup" aria-label="True class">
          <TrueClassRadios />
        </div>
      </LecturerControl>
    </fieldset>
  );
}
