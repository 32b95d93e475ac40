import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HessianExplorer } from '../../../../src/chapters/higher-derivatives/HessianExplorer';
import { QuadraticModelPlot } from '../../../../src/chapters/higher-derivatives/QuadraticModelPlot';
import { TensorExplorer } from '../../../../src/chapters/higher-derivatives/TensorExplorer';
import { renderWithLab } from '../../renderWithLab';

// z = [2, 3, 4]: p = [1, e, e²] / (1 + e + e²); H_ij = p_i(δ_ij − p_j), by hand
const E = Math.E;
const P = [1, E, E * E].map((v) => v / (1 + E + E * E));
const p = (i: number) => P[i] as number;
const H = (i: number, j: number) => p(i) * ((i === j ? 1 : 0) - p(j));
const text = (v: number, digits = 3) => (v < 0 ? `−${(-v).toFixed(digits)}` : v.toFixed(digits));
const cell = (matrix: string, i: number, j: number) => screen.getByRole('button', { name: new RegExp(`^${matrix}, row ${i}, column ${j}`) });
const formulaLabel = (testId = 'live-formula') => screen.getByTestId(testId).getAttribute('aria-label') ?? '';
const checks = () => within(screen.getByRole('list', { name: 'Live checks' })).getAllByRole('listitem').map((c) => c.getAttribute('data-ok'));

afterEach(() => {
  vi.useRealTimers();
  window.history.replaceState(null, '', '#/');
});

describe('<HessianExplorer>', () => {
  it('shows H = diag(p) − ppᵀ at the worked example and writes out H13 by default', () => {
    renderWithLab(<HessianExplorer />);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(cell('H', i + 1, j + 1).textContent).toBe(text(H(i, j)));
    expect(formulaLabel()).toBe(`Live formula: H13 = ∂²L/∂z1∂z3 = p1 × (δ13 − p3) = ${p(0).toFixed(3)} × (0 − ${p(2).toFixed(3)}) = ${text(H(0, 2))}`);
    expect(checks()).toEqual(['true', 'true', 'true', 'true']);
  });

  it('choosing true class 3 changes the loss by −1 and leaves every cell of H as it was', () => {
    renderWithLab(<HessianExplorer />);
    const before = [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => cell('H', i + 1, j + 1).textContent));
    // L₂ = ln(e² + e³ + e⁴) − 3, L₃ = L₂ − 1, by hand
    const L2 = Math.log(E ** 2 + E ** 3 + E ** 4) - 3;
    expect(screen.getByTestId('hessian-target-readout').textContent).toContain(`L = ${L2.toFixed(3)}`);
    fireEvent.click(screen.getByRole('radio', { name: 'true class 3' }));
    expect(screen.getByTestId('hessian-target-readout').textContent).toContain(`With y = [0, 0, 1]: L = ${(L2 - 1).toFixed(3)}`);
    expect([0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => cell('H', i + 1, j + 1).textContent))).toEqual(before);
    fireEvent.click(screen.getByRole('button', { name: 'Uniform target' }));
    expect(screen.getByTestId('hessian-target-readout').textContent).toContain('With y = [0.33, 0.33, 0.33]');
    expect(checks()).toEqual(['true', 'true', 'true', 'true']);
  });

  it('the eigenvalue bars say 0 along (1, …, 1) and the other two, and stay within the bound after a logit moves', () => {
    renderWithLab(<HessianExplorer />);
    const bars = () => screen.getByRole('img', { name: /^Eigenvalues of H/ }).getAttribute('aria-label') ?? '';
    expect(bars()).toContain('λ1 = 0 (eigenvector (1, …, 1)), λ2 = 0.119, λ3 = 0.371');
    expect(screen.getByText('0, along (1, …, 1)')).toBeTruthy();
    fireEvent.change(screen.getByRole('slider', { name: 'logit z1' }), { target: { value: '3' } });
    // z = [3, 3, 4]: eigenvalues of diag(p) − ppᵀ include p₁ = p₂ along (1, −1, 0): λ = p₁ = e³/(2e³ + e⁴)
    expect(bars()).toContain(`${(E ** 3 / (2 * E ** 3 + E ** 4)).toFixed(3)}`);
    expect(checks()).toEqual(['true', 'true', 'true', 'true']);
  });

  it('at z = [0, 0, 0] the caption says λmax = 1/3 is repeated, so its eigenvector is not unique; at [2, 3, 4] it does not', () => {
    // H = diag(p) − ppᵀ with p = 1/3 each: eigenvalues 0, 1/3, 1/3, by hand
    const { unmount } = renderWithLab(<HessianExplorer />, { logits: [0, 0, 0] });
    expect(screen.getByText(/Eigenvalues of H\./).textContent).toContain('λmax = 0.333, at most ½ (the dashed line). Here λmax is repeated');
    unmount();
    renderWithLab(<HessianExplorer />);
    expect(screen.getByText(/Eigenvalues of H\./).textContent).not.toContain('repeated');
    // the caption no longer gives away 2/λmax, the stable-rate exercise's answer
    expect(screen.getByText(/Eigenvalues of H\./).textContent).not.toContain('2/λmax');
  });

  it('ArrowDown moves from H13 to H23 and the formula follows; the entry is hi=1 in the address', () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '#/higher-derivatives?z=2,3,4');
    renderWithLab(<HessianExplorer />);
    fireEvent.keyDown(cell('H', 1, 3), { key: 'ArrowDown' });
    expect(formulaLabel()).toContain(`H23 = ∂²L/∂z2∂z3`);
    act(() => vi.advanceTimersByTime(300));
    // hj = 2 is the default column: only the row goes into the address
    expect(window.location.hash).toBe('#/higher-derivatives?z=2%2C3%2C4&hi=1');
  });

  it('a link with hi=2&hj=0 writes out H31; a refused hi (hi=x) keeps the default row and says so', () => {
    window.history.replaceState(null, '', '#/higher-derivatives?hi=2&hj=0');
    const { unmount } = renderWithLab(<HessianExplorer />);
    expect(formulaLabel()).toContain(`H31 = ∂²L/∂z3∂z1`);
    unmount();
    window.history.replaceState(null, '', '#/higher-derivatives?hi=x&hj=1');
    renderWithLab(<HessianExplorer />);
    expect(formulaLabel()).toContain(`H12 = ∂²L/∂z1∂z2`);
  });
});

describe('<QuadraticModelPlot>', () => {
  it('starts on the eigenvector of λmax at t = 2: curvature 0.371 and the ends 0.398 and 1.686 (mpmath)', () => {
    renderWithLab(<QuadraticModelPlot />);
    expect(screen.getByTestId('quadratic-curvature').textContent).toBe('0.371');
    expect(screen.getByTestId('quadratic-error-low').textContent).toBe('0.398');
    expect(screen.getByTestId('quadratic-error-high').textContent).toBe('1.686');
  });

  it('(1, …, 1) gives slope 0, curvature 0 and no error; the axis of z1 gives p1(1 − p1); one radio per choice', () => {
    renderWithLab(<QuadraticModelPlot />);
    fireEvent.click(screen.getByRole('radio', { name: '(1, …, 1)' }));
    expect(screen.getByTestId('quadratic-slope').textContent).toBe('0.000');
    expect(screen.getByTestId('quadratic-curvature').textContent).toBe('0.000');
    expect(screen.getByTestId('quadratic-error-high').textContent).toBe('0.000');
    // no axis is shown as chosen while (1, …, 1) is
    for (const k of [1, 2, 3]) expect(screen.getByRole('radio', { name: `the axis of z${k}` })).toHaveProperty('checked', false);
    expect(screen.queryByRole('combobox')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'the axis of z1' }));
    expect(screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(1);
    expect(screen.getByTestId('quadratic-curvature').textContent).toBe((p(0) * (1 - p(0))).toFixed(3));
    // Σ T d d d along z1 is T111 = p1(1 − p1)(1 − 2p1), by hand
    expect(screen.getByTestId('quadratic-third').textContent).toBe((p(0) * (1 - p(0)) * (1 - 2 * p(0))).toFixed(3));
  });

  it('the plot is a slider on the step s: End moves s to 4, and the readout follows', () => {
    renderWithLab(<QuadraticModelPlot />);
    const plot = screen.getByRole('slider', { name: /^step s along d/ });
    fireEvent.keyDown(plot, { key: 'End' });
    expect(plot.getAttribute('aria-valuenow')).toBe('4');
    expect(plot.getAttribute('aria-valuetext')).toBe('s = 4.0');
    expect(screen.getByTestId('quadratic-readout').textContent).toContain('at s = 4.0');
  });

  it('a link with dir=coord&dk=2&t=-1.5 (the step keeps its old key) opens on the axis of z3 at s = −1.5; a step out of range is clamped', () => {
    window.history.replaceState(null, '', '#/higher-derivatives?dir=coord&dk=2&t=-1.5');
    const { unmount } = renderWithLab(<QuadraticModelPlot />);
    expect(screen.getByRole('slider', { name: /^step s along d/ }).getAttribute('aria-valuenow')).toBe('-1.5');
    expect(screen.getByRole('radio', { name: 'the axis of z3' })).toHaveProperty('checked', true);
    expect(screen.getByTestId('quadratic-curvature').textContent).toBe((p(2) * (1 - p(2))).toFixed(3));
    unmount();
    window.history.replaceState(null, '', '#/higher-derivatives?t=99');
    renderWithLab(<QuadraticModelPlot />);
    expect(screen.getByRole('slider', { name: /^step s along d/ }).getAttribute('aria-valuenow')).toBe('4');
  });

  it('at equal logits λmax is repeated, and the hint says its eigenvector is not unique', () => {
    renderWithLab(<QuadraticModelPlot />, { logits: [0, 0, 0] });
    expect(screen.getByTestId('quadratic-direction').textContent).toContain('λmax is repeated');
    fireEvent.click(screen.getByRole('radio', { name: '(1, …, 1)' }));
    expect(screen.getByTestId('quadratic-direction').textContent).not.toContain('repeated');
  });
});

describe('<TensorExplorer>', () => {
  it('shows slice 1 and writes out T121 term by term, signed, with the heatmaps’ 4 decimals; every check holds', () => {
    renderWithLab(<TensorExplorer />);
    // T₁₂₁ = −δ₁₁... by hand: i = 1, j = 2, k = 1: two equal (i = k = 1), the third 2: −p₁p₂(1 − 2p₁)
    const t121 = -p(0) * p(1) * (1 - 2 * p(0));
    // the terms at (1, 2, 1): 0, 0, −δ₁₁p₁p₂, 0, +2p₁p₂p₁
    const terms = `0.0000 + 0.0000 − ${(p(0) * p(1)).toFixed(4)} + 0.0000 + ${(2 * p(0) * p(1) * p(0)).toFixed(4)}`;
    expect(formulaLabel('tensor-formula')).toContain(`T121 = ${terms} = ${text(t121, 4)}`);
    expect(cell('T', 1, 2).textContent).toBe(text(t121, 4));
    expect(checks()).toEqual(['true', 'true', 'true']);
  });

  it('choosing slice 3 shows T[:, :, 3], and its diagonal entry T333 = p3(1 − p3)(1 − 2p3)', () => {
    renderWithLab(<TensorExplorer />);
    fireEvent.click(screen.getByRole('radio', { name: 'k = 3' }));
    expect(screen.getByText('slice k = 3: ∂H/∂z3 (T[:, :, 2] in NumPy)')).toBeTruthy();
    fireEvent.click(cell('T', 3, 3));
    // slice 3 holds entries up to 0.665 (p3 on the diagonal term): three significant figures are 3 decimals, in cells and formula alike
    expect(formulaLabel('tensor-formula')).toMatch(new RegExp(`T333 = .* = ${text(p(2) * (1 - p(2)) * (1 - 2 * p(2)))}$`));
    expect(cell('T', 3, 3).textContent).toBe(text(p(2) * (1 - p(2)) * (1 - 2 * p(2))));
  });

  it('hovering a term heatmap lights up its term in the formula', () => {
    const { store } = renderWithLab(<TensorExplorer />);
    fireEvent.pointerOver(cell('term 5, \\+2 p_i p_j p_k', 1, 1));
    expect(store.getState().focus).toBe('Tt-5');
  });

  it('focusing a term of the formula lights up its heatmap: the focus is the term and the rule names it', async () => {
    const { store, container } = renderWithLab(<TensorExplorer />);
    const piece = await waitFor(() => {
      const el = screen.getByTestId('tensor-formula').querySelector('[data-term="Tt-3"]');
      if (!el) throw new Error('the formula has not been typeset yet');
      return el;
    });
    fireEvent.focus(piece);
    expect(store.getState().focus).toBe('Tt-3');
    const rule = container.querySelector('style')?.textContent ?? '';
    expect(rule).toContain('[data-term="Tt-3"]');
    // the rule lights every cell of term 3's heatmap, which carry that id
    expect(cell('term 3, −δ_ik p_i p_j', 2, 1).getAttribute('data-term')).toBe('Tt-3');
  });

  it('"Copy the einsum lines" copies the five lines; where the clipboard is refused it says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderWithLab(<TensorExplorer />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy the einsum lines' })));
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining("np.einsum('i,ij,ik->ijk', p, I, I)"));
    expect(screen.getByText('Copied the einsum lines.')).toBeTruthy();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('no')) }, configurable: true });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy as a NumPy program' })));
    expect(screen.getByText(/The clipboard is not available here/)).toBeTruthy();
    expect(screen.getByRole('region', { name: /A NumPy program with your logits/ }).textContent).toContain('z = np.array([2.0, 3.0, 4.0])');
  });

  it('a link with tk=7 (past the last of 3 classes) shows the last slice', () => {
    window.history.replaceState(null, '', '#/higher-derivatives?tk=7');
    renderWithLab(<TensorExplorer />);
    expect(screen.getByText('slice k = 3: ∂H/∂z3 (T[:, :, 2] in NumPy)')).toBeTruthy();
  });
});
