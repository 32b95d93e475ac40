import { render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useKeyboardScrollableMath } from '../../../src/app/useKeyboardScrollableMath';

// jsdom lays nothing out: a formula "overflows" when its scrollWidth is said to exceed its clientWidth.
function sized(element: HTMLElement, scrollWidth: number, clientWidth: number): void {
  Object.defineProperty(element, 'scrollWidth', { configurable: true, value: scrollWidth });
  Object.defineProperty(element, 'clientWidth', { configurable: true, value: clientWidth });
}

function Page({ prepare }: { prepare: (root: HTMLElement) => void }) {
  const ref = useRef<HTMLElement>(null);
  useKeyboardScrollableMath(ref);
  return (
    <main
      tabIndex={-1}
      ref={(node) => {
        ref.current = node;
        if (node) prepare(node);
      }}
    >
      <span className="katex-display" data-testid="wide" />
      <span className="katex-display" data-testid="narrow" />
      <div className="live-formula" tabIndex={0}>
        <span className="katex-display" data-testid="inside-focusable" />
      </div>
    </main>
  );
}

describe('useKeyboardScrollableMath', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        disconnect() {}
      },
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('makes a formula wider than its box a named tab stop, even inside main with tabindex −1', () => {
    const { getByTestId } = render(
      <Page
        prepare={(root) => {
          for (const math of root.querySelectorAll<HTMLElement>('.katex-display')) sized(math, 470, 348);
          sized(root.querySelector<HTMLElement>('[data-testid="narrow"]')!, 348, 348);
        }}
      />,
    );
    const wide = getByTestId('wide');
    expect(wide.getAttribute('tabindex')).toBe('0');
    expect(wide.getAttribute('role')).toBe('group');
    expect(wide.getAttribute('aria-label')).toBe('Formula (scrolls sideways)');
    expect(getByTestId('narrow').hasAttribute('tabindex')).toBe(false);
    // already reachable: its focusable box scrolls it
    expect(getByTestId('inside-focusable').hasAttribute('tabindex')).toBe(false);
  });
});
