import { useHeldDuringInput } from '../state/useHeldDuringInput';
import { Tex } from './Tex';

interface LiveFormulaProps {
  /** the formula in words with its current numbers: what a screen reader hears */
  label: string;
  /** one entry per line; a line's pieces are typeset apart, so a phone breaks only between them */
  lines: readonly (readonly string[])[];
  testId?: string;
  className?: string;
}

type Formula = Pick<LiveFormulaProps, 'label' | 'lines'>;

const sameFormula = (a: Formula, b: Formula) =>
  a.label === b.label &&
  a.lines.length === b.lines.length &&
  a.lines.every((pieces, i) => {
    const other = b.lines[i];
    return other !== undefined && pieces.length === other.length && pieces.every((tex, k) => tex === other[k]);
  });

/**
 * A live formula block as every widget shows it: its typeset pieces hidden from screen readers and
 * replaced by `label`, and focusable, so that a formula wider than a phone can be scrolled from the
 * keyboard. While the learner moves this widget's slider it holds its last numbers until the pause.
 */
export function LiveFormula({ label: currentLabel, lines: currentLines, testId = 'live-formula', className }: LiveFormulaProps) {
  // The formula restates what the slider moves: while the learner drags or steps it, typesetting waits
  // for the pause (useHeldDuringInput), so each step costs the bars and the curve, not KaTeX.
  const { label, lines } = useHeldDuringInput({ label: currentLabel, lines: currentLines }, sameFormula);
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
