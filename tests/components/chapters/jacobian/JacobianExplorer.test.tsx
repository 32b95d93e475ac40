import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { EmbedContext } from '../../../../src/state/embedContext';
import { JacobianExplorer } from '../../../../src/chapters/jacobian/JacobianExplorer';
import { renderWithLab } from '../../renderWithLab';

// z = [2, 3, 4]: p = [1, e, e²] / (1 + e + e²); J_ij = p_i(δ_ij − p_j), by hand
const E = Math.E;
const P = [1, E, E * E].map((v) => v / (1 + E + E * E));
const J = (i: number, j: number) => (P[i] ?? NaN) * ((i === j ? 1 : 0) - (P[j] ?? NaN));
const text = (v: number) => (v < 0 ? `−${(-v).toFixed(3)}` : v.toFixed(3));
const cell = (matrix: string, i: number, j: number) => screen.getByRole('button', { name: new RegExp(`^${matrix}, row ${i}, column ${j}:`) });
const formulaLabel = () => screen.getByRole('img', { name: /^Live formula:/ }).getAttribute('aria-label') ?? '';
/** the J cell that holds the Tab stop: the entry chosen */
const chosenCell = () => screen.getAllByRole('button').find((b) => b.getAttribute('tabindex') === '0' && b.getAttribute('data-term')?.startsWith('J-'))?.getAttribute('data-term');

describe('<JacobianExplorer>', () => {
  it('shows J = diag(p) − ppᵀ at the worked example, entry by entry', () => {
    renderWithLab(<JacobianExplorer />);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        expect(cell('J', i + 1, j + 1).textContent).toBe(text(J(i, j)));
        expect(cell('diag\\(p\\)', i + 1, j + 1).textContent).toBe(text(i === j ? (P[i] ?? NaN) : 0));
        expect(cell('minus p p transpose', i + 1, j + 1).textContent).toBe(text(-(P[i] ?? NaN) * (P[j] ?? NaN)));
      }
    }
  });

  it('the three matrices take one Tab stop each, on the selected cell', () => {
    renderWithLab(<JacobianExplorer />);
    const tabbable = screen.getAllByRole('button').filter((b) => b.getAttribute('tabindex') === '0' && b.hasAttribute('data-cell'));
    expect(tabbable.map((b) => b.getAttribute('data-term'))).toEqual(['J-2-3', 'D-2-3', 'O-2-3']);
  });

  it('ArrowDown then ArrowLeft moves from J23 to J32, and the formula follows', () => {
    renderWithLab(<JacobianExplorer />);
    fireEvent.keyDown(cell('J', 2, 3), { key: 'ArrowDown' });
    fireEvent.keyDown(cell('J', 3, 3), { key: 'ArrowLeft' });
    const formula = screen.getByRole('img', { name: /^Live formula:/ });
    expect(formula.getAttribute('aria-label')).toBe(
      `Live formula: J32 = ∂p3/∂z2 = p3 × (δ32 − p2) = ${(P[2] ?? NaN).toFixed(3)} × (0 − ${(P[1] ?? NaN).toFixed(3)}) = ${text(J(2, 1))}`,
    );
  });

  it('hovering a cell of −ppᵀ focuses the same place in all three matrices and the two probabilities', () => {
    const { store, container } = renderWithLab(<JacobianExplorer />);
    fireEvent.pointerOver(cell('minus p p transpose', 1, 3));
    expect(store.getState().focus).toBe('O-1-3');
    const rule = container.querySelector('style')?.textContent ?? '';
    for (const id of ['J-1-3', 'D-1-3', 'O-1-3', 'p-1', 'p-3']) expect(rule).toContain(`[data-term="${id}"]`);
  });

  it('every live check holds at the worked example and after a logit moves', () => {
    renderWithLab(<JacobianExplorer />);
    const checks = () => within(screen.getByRole('list', { name: 'Live checks' })).getAllByRole('listitem');
    expect(checks().map((c) => c.getAttribute('data-ok'))).toEqual(['true', 'true', 'true', 'true']);
    fireEvent.change(screen.getByRole('slider', { name: 'logit z1' }), { target: { value: '9.5' } });
    expect(checks().map((c) => c.getAttribute('data-ok'))).toEqual(['true', 'true', 'true', 'true']);
  });

  it('the eigenvalues shown are 0 and the two others of J, by the closed form for 3 classes', () => {
    renderWithLab(<JacobianExplorer />);
    // For C = 3 the nonzero eigenvalues solve λ² − tr(J)·λ + e₂(J) = 0, e₂ the sum of principal 2×2 minors
    const tr = J(0, 0) + J(1, 1) + J(2, 2);
    const minor = (a: number, b: number) => J(a, a) * J(b, b) - J(a, b) * J(b, a);
    const e2 = minor(0, 1) + minor(0, 2) + minor(1, 2);
    const root = Math.sqrt(tr * tr - 4 * e2);
    const [small, large] = [(tr - root) / 2, (tr + root) / 2];
    expect(screen.getByText(/^Eigenvalues/).textContent).toContain(`Eigenvalues 0, ${small.toFixed(3)}, ${large.toFixed(3)}`);
  });

  describe('its entry of J in the address (i, j counted from 0)', () => {
    afterEach(() => vi.useRealTimers());

    it('#/jacobian?i=2&j=0 writes out J31 = p3(0 − p1) at mount', () => {
      window.history.replaceState(null, '', '#/jacobian?i=2&j=0');
      renderWithLab(<JacobianExplorer />);
      expect(chosenCell()).toBe('J-3-1');
      expect(formulaLabel()).toBe(
        `Live formula: J31 = ∂p3/∂z1 = p3 × (δ31 − p1) = ${(P[2] ?? NaN).toFixed(3)} × (0 − ${(P[0] ?? NaN).toFixed(3)}) = ${text(J(2, 0))}`,
      );
    });

    it('a refused i (not a whole number) keeps row 2, the default; j=7 is read, and shown as the last of 3 columns', () => {
      window.history.replaceState(null, '', '#/jacobian?i=1.5&j=7');
      renderWithLab(<JacobianExplorer />);
      expect(chosenCell()).toBe('J-2-3');
      expect(formulaLabel()).toContain(`J23 = ∂p2/∂z3`);
    });

    it('clicking J31 writes i=2&j=0 once the learner pauses', () => {
      vi.useFakeTimers();
      window.history.replaceState(null, '', '#/jacobian?z=2,3,4');
      renderWithLab(<JacobianExplorer />);
      fireEvent.click(cell('J', 3, 1));
      act(() => vi.advanceTimersByTime(300));
      expect(window.location.hash).toBe('#/jacobian?z=2%2C3%2C4&i=2&j=0');
      // back at the default J23: the keys leave the address
      fireEvent.click(cell('J', 2, 3));
      act(() => vi.advanceTimersByTime(300));
      expect(window.location.hash).toBe('#/jacobian?z=2%2C3%2C4');
    });

    it('an entry the lecturer locked (or hid) stays where the link put it, and the matrices stay', () => {
      for (const settings of [
        { embedded: true, hidden: new Set<string>(), locked: new Set(['i', 'j']) },
        { embedded: true, hidden: new Set(['i', 'j']), locked: new Set<string>() },
      ]) {
        window.history.replaceState(null, '', '#/embed/jacobian/JacobianExplorer?i=0&j=0');
        const { unmount } = renderWithLab(
          <EmbedContext.Provider value={settings}>
            <JacobianExplorer />
          </EmbedContext.Provider>,
        );
        fireEvent.click(cell('J', 3, 2));
        expect(chosenCell()).toBe('J-1-1');
        expect(formulaLabel()).toContain('J11 = ∂p1/∂z1');
        // the arrow keys still move the keyboard's focus (and the entry it lights up), not the choice
        fireEvent.keyDown(cell('J', 1, 1), { key: 'ArrowDown' });
        expect(chosenCell()).toBe('J-1-1');
        unmount();
      }
    });
  });
});
