import { useId, type ReactNode, type Ref } from 'react';
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
  const { scope, highlight, enter, leave, touch } = useTermScope();
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
      {highlight}
      {children}
    </div>
  );
}

/** What an event says about a term: its target, and for a pointer, its pointer type. */
export interface TermEvent {
  target: EventTarget | null;
  pointerType?: string;
}

/**
 * The scope's id, its highlight rule (a <style>, or null while no term is focused) and its handlers,
 * for TermScope and for a scope whose content is HTML it did not render (app/ChapterProse.tsx), which
 * listens with native listeners so that widgets portalled into that HTML reach it too.
 */
export function useTermScope() {
  const scope = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const focus = useLab((s) => s.focus);
  const setFocus = useLab((s) => s.setFocus);

  const termOf = (event: TermEvent) => (event.target as Element | null)?.closest?.('[data-term]')?.getAttribute('data-term');
  const enter = (event: TermEvent) => {
    const id = termOf(event);
    if (isTermId(id)) setFocus(id);
  };
  const leave = (event: TermEvent) => {
    if (event.pointerType === 'touch') return;
    if (termOf(event) === focus) setFocus(null);
  };
  const touch = (event: TermEvent) => {
    if (event.pointerType === 'touch' && !isTermId(termOf(event))) setFocus(null);
  };
  const highlight = isTermId(focus) ? <style>{highlightRule(scope, relatedTerms(focus))}</style> : null;
  return { scope, highlight, enter, leave, touch };
}

/** One rule for everything that shows the focused term (ids are checked by isTermId: plain text). */
function highlightRule(scope: string, ids: readonly string[]): string {
  const targets = ids.flatMap((id) => [`[data-term="${id}"]`, `[data-term="${id}"] > .bar`]).join(', ');
  return `[data-term-scope="${scope}"] :is(${targets}) { color: var(--focus-ink); background: var(--focus-bg); stroke: var(--focus-ink); stroke-width: 3px; }`;
}
