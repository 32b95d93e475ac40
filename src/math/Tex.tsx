import { memo, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type Ref } from 'react';
import { katexFailed, katexVersion, loadKatex, subscribeKatex, typesetNow } from './texRuntime';
import { showFormula } from './showFormula';
import type { TypesetFormula } from './texTemplate';

interface TexProps {
  /** LaTeX built only from fixed templates and texNumber(): never from raw learner text. */
  tex: string;
  display?: boolean;
  className?: string;
  testId?: string;
  /**
   * The formula in words with its current numbers, for screen readers (the typeset HTML is hidden
   * from them). Leave it out only where the surrounding element already states the formula.
   */
  label?: string;
}

/**
 * A live formula. Its HTML comes from the build-time set or KaTeX's runtime (see texRuntime.ts);
 * while the runtime loads, the formula it showed last stays up, marked busy. React owns the element,
 * not its children: they are written by showFormula, which patches only the digits that changed when
 * it can (see showFormula.ts), so a slider step does not rebuild the formula. Memoised (its props are
 * strings): a widget re-rendered by a slider step passes most of its formulas the same TeX, held until
 * the pause (LiveFormula) or not depending on the slider at all, and those skip rendering.
 */
export const Tex = memo(function Tex({ tex, display = false, className, testId, label }: TexProps) {
  useSyncExternalStore(subscribeKatex, katexVersion, katexVersion);
  const typeset = typesetNow(tex, display);
  // The last formula typeset, kept through the moments when the new one waits for the runtime.
  const [last, setLast] = useState(typeset);
  if (typeset !== undefined && typeset !== last) setLast(typeset);
  const shown = typeset ?? last;

  const ref = useRef<HTMLElement>(null);
  const onScreen = useRef<{ root: HTMLElement; formula: TypesetFormula } | null>(null);
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root || shown === undefined) return;
    const previous = onScreen.current?.root === root ? onScreen.current.formula : null;
    showFormula(root, shown, previous);
    onScreen.current = { root, formula: shown };
  }, [shown]);

  useEffect(() => {
    if (typeset === undefined) void loadKatex();
  }, [typeset]);

  const Tag = display ? 'div' : 'span';
  const a11y = label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true };
  const classes = ['tex', display ? 'tex-display' : '', className ?? ''].join(' ').trim();
  if (shown === undefined) {
    return (
      <Tag className={classes} data-testid={testId} aria-busy={!katexFailed()} {...a11y}>
        {katexFailed() ? 'The formula could not be typeset; the numbers beside it are current.' : '…'}
      </Tag>
    );
  }
  return (
    <Tag
      ref={ref as Ref<HTMLDivElement>}
      className={classes}
      data-testid={testId}
      aria-busy={typeset === undefined && !katexFailed() ? true : undefined}
      {...a11y}
    />
  );
});
