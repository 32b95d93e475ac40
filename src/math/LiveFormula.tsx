import { Tex } from './Tex';

interface LiveFormulaProps {
  /** the formula in words with its current numbers: what a screen reader hears */
  label: string;
  /** one entry per line; a line's pieces are typeset apart, so a phone breaks only between them */
  lines: readonly (readonly string[])[];
  testId?: string;
  className?: string;
}

/**
 * A live formula block as every widget shows it: its typeset pieces hidden from screen readers and
 * replaced by `label`, and focusable, so that a formula wider than a phone can be scrolled from the
 * keyboard.
 */
export function LiveFormula({ label, lines, testId = 'live-formula', className }: LiveFormulaProps) {
  return (
    <div
      className={className ? `live-formula ${className}` : 'live-formula'}
      data-testid={testId}
      role="img"
      aria-label={label}
      tabIndex={0}
    >
      {lines.map((pieces, i) => (
        <p key={i} className="formula-line">
          {pieces.map((tex, k) => (
            <Tex key={k} tex={tex} />
          ))}
        </p>
      ))}
    </div>
  );
}
