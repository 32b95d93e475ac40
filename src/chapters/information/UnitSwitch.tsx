import { useId } from 'react';
import type { InformationUnit } from './informationMath';

interface UnitSwitchProps {
  unit: InformationUnit;
  onUnit(unit: InformationUnit): void;
}

const UNITS: readonly { unit: InformationUnit; hint: string }[] = [
  { unit: 'bits', hint: 'log base 2' },
  { unit: 'nats', hint: 'natural log' },
];

/**
 * Bits or nats: a native radio group, so the arrow keys move between the two and a screen reader
 * announces "bits, radio button, 1 of 2" without any help.
 */
export function UnitSwitch({ unit, onUnit }: UnitSwitchProps) {
  const name = useId();
  return (
    <fieldset className="controls unit-switch">
      <legend>Unit</legend>
      {UNITS.map((u) => (
        <label key={u.unit} className="unit-option">
          <input type="radio" name={name} value={u.unit} checked={unit === u.unit} onChange={() => onUnit(u.unit)} />
          {u.unit} <span className="hint-inline">({u.hint})</span>
        </label>
      ))}
    </fieldset>
  );
}
