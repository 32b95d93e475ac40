import { useId, type PointerEvent, type ReactNode, type Ref, type SyntheticEvent } from 'react';
import { useLab } from '../state/LabContext';
import { isTermId, relatedTerms } from '../format/terms';

/**
 * Formula ↔ plot linking for everything inside: pointer or keyboard focus on any element with a
 * `data-term` (a KaTeX `\term`, a bar, a cell) sets the store's focus; one generated CSS rule then
 * highlights every element of that term, in formulas and plots alike. Nothing here searches KaTeX's
 * output for symbols: the ids were put there by `\term`.
 *
 * A finger has no hover: the browser sends pointerout the moment it lifts, so a tapped term would light
 * up for an instant only. A touch therefore keeps its term lit until the next tap, on another term or
 * on anything else in the scope (which clears it): "hover or tap" in the chapters' prose.
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

  const termOf = (event: SyntheticEvent) => (event.target as Element).closest?.('[data-term]')?.getAttribute('data-term');
  const enter = (event: SyntheticEvent) => {
    const id = termOf(event);
    if (isTermId(id)) setFocus(id);
  };
  const leave = (event: SyntheticEvent) => {
    if ((event as PointerEvent).pointerType === 'touch') return;
    if (termOf(event) === focus) setFocus(null);
  };
  const touch = (event: PointerEvent) => {
    if (event.pointerType === 'touch' && !isTermId(termOf(event))) setFocus(null);
  };

  return (
    <div
      ref={ref}
      className={className}
      data-term-scope={scope}
      onPointerOver={enter}
      onPointerOut={leave}
      onPointerDown={touch}
      onFocus={enter}
      onBlur={leave}
    >
      {isTermId(focus) && <style>{highlightRule(scope, relatedTerms(focus))}</style>}
      {children}
    </div>
  );
}

/** One rule for everything that shows the focused term (ids are checked by isTermId: plain text). */
function highlightRule(scope: string, ids: readonly string[]): string {
  const targets = ids.flatMap((id) => [`[data-term="${id}"]`, `[data-term="${id}"] > .bar`]).join(', ');
  return `[data-term-scope="${scope}"] :is(${targets}) { color: var(--focus-ink); background: var(--focus-bg); stroke: var(--focus-ink); stroke-width: 3px; }`;
}
