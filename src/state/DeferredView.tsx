import { createContext, useContext, useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { createDeferredView, PAUSE_MS, type DeferredView as View } from './deferredView';
import { inputHeld, inputWithin, watchInput } from './inputActivity';

/** Runs `callback` after the next frame (a timer after it, so input queued for that frame has come in). */
const nextFrame = (callback: () => void): (() => void) => {
  if (typeof requestAnimationFrame === 'undefined') {
    const timer = setTimeout(callback, 16);
    return () => clearTimeout(timer);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

/** The deferred view of the widget a component is in, if any (see deferredView.ts). */
export const DeferredViewContext = createContext<View | null>(null);

export const useDeferredView = (): View | null => useContext(DeferredViewContext);

/**
 * Gives the widget inside it a deferred view of the shared stores: changes reach it at once while the
 * learner uses it, after a pause otherwise, and at once when it scrolls into view. "Uses" means focus
 * inside, or the last pointer press of the page (or click, or input, which may come with no press) was
 * inside: a press keeps the widget live until the next press elsewhere, because a click lands after
 * pointerup and a press on a label, or on a button in Safari, moves no focus; were the widget let go at
 * pointerup, its own controlled checkbox would snap back for a pause. Presses are seen in the capture
 * phase, before the widget's own handlers run.
 */
export function DeferredView({ children }: { children: ReactNode }) {
  const [view] = useState(() => createDeferredView({ duringInput: () => inputWithin(PAUSE_MS), inputHeld, nextFrame }));
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return undefined;
    const stopWatchingInput = watchInput();
    // `data-stale` marks a widget still holding changes, so tests (and anyone reading the page) can
    // wait until every number is current; it changes once per pause, not at every step.
    const stopWatching = view.watchStale((stale) => root.toggleAttribute('data-stale', stale));
    let pressed = false;
    const focusedInside = () => root.contains(document.activeElement);
    // What the widget held waits while a press inside is down (deferredView.ts, setPressed): brought
    // in at the press, or at the focus the press gives, new numbers could re-wrap the row of a radio
    // button under the pointer, and the click would land on whatever took its place.
    const onAnyPointerDown = (event: PointerEvent) => {
      const target = event.target;
      pressed = target instanceof Node && root.contains(target);
      view.setPressed(pressed);
      view.setActive(pressed || focusedInside());
    };
    // the release's target is hit-tested before its listeners run: the held changes may move things now
    const onAnyPointerUp = () => view.setPressed(false);
    // A click or an input inside with no press before it (a screen reader's activation, a label's
    // click forwarded, element.click()) is the learner using this widget too: its own controlled
    // control must take the change at once, not snap back for a pause. Seen in the capture phase, so
    // before React's change handler, which runs as the event bubbles to the app's root.
    const onUseInside = () => {
      pressed = true;
      // a slider's input comes at every step: only the first of them has anything to do
      if (!view.isActive()) view.setActive(true);
    };
    const onFocusIn = () => view.setActive(true);
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget;
      if (!(next instanceof Node && root.contains(next))) view.setActive(pressed);
    };
    window.addEventListener('pointerdown', onAnyPointerDown, true);
    window.addEventListener('pointerup', onAnyPointerUp, true);
    window.addEventListener('pointercancel', onAnyPointerUp, true);
    root.addEventListener('click', onUseInside, true);
    root.addEventListener('input', onUseInside, true);
    root.addEventListener('focusin', onFocusIn, true);
    root.addEventListener('focusout', onFocusOut, true);
    const seen =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver((entries) => {
            if (entries.some((e) => e.isIntersecting)) view.flush();
          });
    seen?.observe(root);
    if (focusedInside()) view.setActive(true);
    return () => {
      window.removeEventListener('pointerdown', onAnyPointerDown, true);
      window.removeEventListener('pointerup', onAnyPointerUp, true);
      window.removeEventListener('pointercancel', onAnyPointerUp, true);
      root.removeEventListener('click', onUseInside, true);
      root.removeEventListener('input', onUseInside, true);
      root.removeEventListener('focusin', onFocusIn, true);
      root.removeEventListener('focusout', onFocusOut, true);
      seen?.disconnect();
      stopWatching();
      stopWatchingInput();
      view.dispose();
    };
  }, [view]);
  return (
    <DeferredViewContext.Provider value={view}>
      <div ref={ref} className="deferred-view">
        {children}
      </div>
    </DeferredViewContext.Provider>
  );
}

/** `Component` inside its own DeferredView: how a chapter's opening figure, which is not embeddable, gets one. */
export function withDeferredView<P extends object>(Component: ComponentType<P>): ComponentType<P> {
  const Deferred = (props: P) => (
    <DeferredView>
      <Component {...props} />
    </DeferredView>
  );
  Deferred.displayName = `Deferred(${Component.displayName ?? Component.name})`;
  return Deferred;
}
