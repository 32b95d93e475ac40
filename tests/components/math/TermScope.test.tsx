import { describe, expect, it } from 'vitest';
import { fireEvent } from '@testing-library/react';
import { TermScope } from '../../../src/math/TermScope';
import { renderWithLab } from '../renderWithLab';

/** Two terms and some plain text in one scope, as a formula beside its bars. */
function renderScope() {
  const view = renderWithLab(
    <TermScope>
      <span data-term="p-1">0.090</span>
      <span data-term="p-2">0.245</span>
      <p>plain prose</p>
    </TermScope>,
  );
  const at = (selector: string) => view.container.querySelector(selector) as Element;
  return { ...view, p1: at('[data-term="p-1"]'), p2: at('[data-term="p-2"]'), prose: at('p') };
}

describe('<TermScope>', () => {
  it('a mouse lights a term while over it and lets go when it leaves', () => {
    const { store, p1 } = renderScope();
    fireEvent.pointerOver(p1, { pointerType: 'mouse' });
    expect(store.getState().focus).toBe('p-1');
    fireEvent.pointerOut(p1, { pointerType: 'mouse' });
    expect(store.getState().focus).toBeNull();
  });

  it('a tap keeps its term lit after the finger lifts, until a tap on another term or on anything else', () => {
    const { store, p1, p2, prose } = renderScope();
    // a tap: over, down, up, out, all at once
    fireEvent.pointerOver(p1, { pointerType: 'touch' });
    fireEvent.pointerDown(p1, { pointerType: 'touch' });
    fireEvent.pointerOut(p1, { pointerType: 'touch' });
    expect(store.getState().focus).toBe('p-1');
    fireEvent.pointerOver(p2, { pointerType: 'touch' });
    fireEvent.pointerDown(p2, { pointerType: 'touch' });
    fireEvent.pointerOut(p2, { pointerType: 'touch' });
    expect(store.getState().focus).toBe('p-2');
    fireEvent.pointerDown(prose, { pointerType: 'touch' });
    expect(store.getState().focus).toBeNull();
  });
});
