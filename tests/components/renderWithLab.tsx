import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createLabStore } from '../../src/state/createLabStore';
import { LabProvider } from '../../src/state/LabContext';
import type { LabInputs } from '../../src/url/labInputs';
import { TermScope } from '../../src/math/TermScope';

/** Render a widget the way a chapter does: its own lab store, inside a term scope. */
export function renderWithLab(ui: ReactElement, initial: Partial<LabInputs> = {}) {
  const store = createLabStore(initial);
  const result = render(
    <LabProvider store={store}>
      <TermScope>{ui}</TermScope>
    </LabProvider>,
  );
  return { store, ...result };
}

/** The probabilities as the page prints them: "p1 = 0.090" → 0.09. */
export function shownProbabilities(container: HTMLElement): number[] {
  return [...container.querySelectorAll('[data-testid^="p-text-"]')].map((el) =>
    Number(/= ([\d.]+)$/.exec(el.textContent ?? '')?.[1]),
  );
}
