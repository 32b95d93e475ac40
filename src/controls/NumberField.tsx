import { useState } from 'react';
import { parseTypedNumber, type NumberRule } from './parseTypedNumber';

export interface NumberFieldProps {
  /** the last good value: what the field shows while the learner is not typing, and what stays on a refusal */
  value: number;
  rule: NumberRule;
  /** a value that passed the rule and differs from `value` */
  onValue(value: number): void;
  /** a refusal's message, or null once a value is taken; the caller shows it where it belongs */
  onMessage(message: string | null): void;
  /** the sentence a refusal ends with, saying what stays: "The network keeps seed 1." */
  kept: string;
  id?: string;
  /** the field's name when no <label htmlFor> gives one */
  label?: string;
  /** the id of the message a refusal writes, so a screen reader reads it with the field */
  describedBy?: string;
}

/**
 * A number the learner types. While they type, the text is theirs: nothing rewrites it, rounds it or
 * refuses keys (the reason it is type="text" and not type="number", whose browser rewrites and
 * refuses invisibly, and whose value is "" for "1,5"). Enter or leaving the field takes the value if
 * parseTypedNumber accepts it, and otherwise refuses it with a message naming what was typed and the
 * range, and shows the last good value again; Escape drops what was typed.
 */
export function NumberField({ value, rule, onValue, onMessage, kept, id, label, describedBy }: NumberFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const typed = parseTypedNumber(draft, rule);
    if (typed.ok) {
      onMessage(null);
      // the same value again is no change: retyping the seed must not restart the run
      if (typed.value !== value) onValue(typed.value);
    } else {
      onMessage(`${typed.message} ${kept}`);
    }
    setDraft(null);
  };
  return (
    <input
      id={id}
      type="text"
      inputMode={rule.whole && rule.min >= 0 ? 'numeric' : 'decimal'}
      enterKeyHint="done"
      autoComplete="off"
      spellCheck={false}
      aria-label={label}
      aria-describedby={describedBy}
      value={draft ?? String(value)}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        else if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}
