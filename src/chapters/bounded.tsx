import type { ComponentType } from 'react';
import { WidgetBoundary } from './WidgetBoundary';

/**
 * Wraps a widget in its own error boundary for a chapter's component map, so that no chapter can
 * forget it and one failing widget never blanks the page.
 */
export function bounded<P extends object>(name: string, Widget: ComponentType<P>) {
  const Bounded = (props: P) => (
    <WidgetBoundary name={name}>
      <Widget {...props} />
    </WidgetBoundary>
  );
  Bounded.displayName = `Bounded(${name})`;
  return Bounded;
}
