import { useId, type ReactNode, type Ref, type SyntheticEvent } from 'react';
import { useLab } from '../state/LabContext';
import { isTermId } from './terms';

/**
 * Formula ↔ plot linking for everything inside: pointer or keyboard focus on any element with a
 * `data-term` (a KaTeX `\term`, a bar, a cell) sets the store's focus; one generated CSS rule then
 * highlights every element of that term, in formulas and plots alike. Nothing here searches KaTeX's
 * output for symbols: the ids were put there by `\term`.
 */
interface TermScopeProps {
  children: ReactNode;
  className?: string;
  ref?: Ref<HTMLDivElement>;
}

export function TermScope({ children, className, ref }: TermScopeProps) {
  const scope = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const focus = useLab((s) => s.focus);
  const setFocus = useLab((s) => s.setFocus);

  const enter = (event: SyntheticEvent) => {
    const el = (event.target as Element).closest?.('[data-term]');
    const id = el?.getAttribute('data-term');
    if (isTermId(id)) setFocus(id);
  };
  const leave = (event: SyntheticEvent) => {
    const el = (event.target as Element).closest?.('[data-term]');
    if (el && el.getAttribute('data-term') === focus) setFocus(null);
  };

  return (
    <div
      ref={ref}
      className={className}
      data-term-scope={scope}
      onPointerOver={enter}
      onPointerOut={leave}
      onFocus={enter}
      onBlur={leave}
    >
      {isTermId(focus) && (
        <style>{`[data-term-scope="${scope}"] :is([data-term="${focus}"], [data-term="${focus}"] > .bar) { color: var(--focus-ink); background: var(--focus-bg); stroke: var(--focus-ink); stroke-width: 3px; }`}</style>
      )}
      {children}
    </div>
  );
}
