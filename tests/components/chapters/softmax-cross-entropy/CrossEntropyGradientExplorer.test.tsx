import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { EmbedContext } from '../../../../src/state/embedContext';
import { CrossEntropyGradientExplorer } from '../../../../src/chapters/softmax-cross-entropy/CrossEntropyGradientExplorer';
import { DERIVATION_STEPS } from '../../../../src/chapters/softmax-cross-entropy/crossEntropyFormula';
import { CROSS_ENTROPY_EXPLORER_STATE } from '../../../../src/chapters/softmax-cross-entropy/crossEntropyState';
import { renderWithLab } from '../../renderWithLab';

// z = [2, 3, 4]: p = [1, e, e²] / (1 + e + e²); with y = [0, 1, 0], ∂L/∂z = [p1, p2 − 1, p3], by hand
const E = Math.E;
const D = 1 + E + E * E;
const P = [1 / D, E / D, (E * E) / D];
const p = (i: number) => P[i] ?? NaN;
const six = (v: number) => (v < 0 ? `−${(-v).toFixed(6)}` : v.toFixed(6));
const three = (v: number) => (v < 0 ? `−${(-v).toFixed(3)}` : v.toFixed(3));

const gradientTexts = () => [1, 2, 3].map((j) => screen.getByTestId(`g-text-${j}`).textContent);
const formula = () => screen.getByTestId('live-formula').getAttribute('aria-label') ?? '';
const stepCount = () => screen.getByTestId('step-count').textContent;
const jCell = (i: number, j: number) => screen.getByRole('button', { name: new RegExp(`^J, row ${i}, column ${j}:`) });
/** the cell of the derivation's J that holds the Tab stop: the row and column picked */
const pickedCell = () => screen.getAllByRole('button').find((b) => b.getAttribute('tabindex') === '0' && b.getAttribute('data-term')?.startsWith('J-'))?.getAttribute('data-term');
const checks = (container: HTMLElement) =>
  [...container.querySelectorAll('[aria-label="Live checks"] li')].map((li) => li.getAttribute('data-ok'));

describe('<CrossEntropyGradientExplorer>', () => {
  it('starts at the worked example: the true class 2 gets p2 − 1, the others get p1 and p3', () => {
    renderWithLab(<CrossEntropyGradientExplorer />);
    expect(gradientTexts()).toEqual([six(p(0)), six(p(1) - 1), six(p(2))]);
  });

  it('the gradient bars carry p − y exactly and state it in their text alternative', () => {
    const { container } = renderWithLab(<CrossEntropyGradientExplorer />);
    const bars = [1, 2, 3].map((j) => Number(container.querySelector(`svg [data-term="g-${j}"]`)?.getAttribute('data-value')));
    [p(0), p(1) - 1, p(2)].forEach((g, i) => expect(bars[i]).toBeCloseTo(g, 14));
    expect(
      screen.getByRole('img', { name: `Gradient ∂L/∂z = p − y: ∂L/∂z1 = ${three(p(0))}, ∂L/∂z2 = ${three(p(1) - 1)}, ∂L/∂z3 = ${three(p(2))}` }),
    ).toBeTruthy();
  });

  it('every live check holds at the worked example', () => {
    const { container } = renderWithLab(<CrossEntropyGradientExplorer />);
    expect(checks(container)).toEqual(['true', 'true', 'true', 'true', 'true']);
  });

  it('beside p − y it shows the diagonal-only −yⱼ(1 − pⱼ) = [0, p2 − 1, 0], each entry checked: class 2 passes, 1 and 3 fail', () => {
    renderWithLab(<CrossEntropyGradientExplorer />);
    const table = screen.getByRole('table', { name: /^The diagonal-only mistake beside p − y/ });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['z1', six(p(0)), '0.000000', '✗ fails'],
      ['z2', six(p(1) - 1), six(p(1) - 1), '✓ passes'],
      ['z3', six(p(2)), '0.000000', '✗ fails'],
    ]);
  });

  it('the central-difference check flags the diagonal-only vector: relative error √(q / ((1 − p2)² + q)) = 0.664, q = p1² + p3²', () => {
    renderWithLab(<CrossEntropyGradientExplorer />);
    const q = p(0) ** 2 + p(2) ** 2;
    const flagged = screen.getByTestId('diagonal-check');
    expect(flagged.getAttribute('data-ok')).toBe('false');
    expect(flagged.textContent).toContain(`Central differences reject the diagonal-only −yⱼ(1 − pⱼ): relative error ${Math.sqrt(q / ((1 - p(1)) ** 2 + q)).toFixed(3)}`);
    expect(flagged.textContent).toContain('Only the entry of class 2 passes');
  });

  it('with a soft label no entry of the diagonal-only result passes', () => {
    renderWithLab(<CrossEntropyGradientExplorer />);
    fireEvent.click(screen.getByRole('button', { name: /^Soften the label/ }));
    const table = screen.getByRole('table', { name: /^The diagonal-only mistake/ });
    expect(within(table).getAllByText('✗ fails')).toHaveLength(3);
    expect(screen.getByTestId('diagonal-check').textContent).toContain('No entry passes');
  });

  it('at the corner z = [10, −10, −10] with class 1 softened, classes 2 and 3 are let through by the check but said to be short by 2.0 × 10⁻⁹, never "passes"', () => {
    renderWithLab(<CrossEntropyGradientExplorer />, { logits: [10, -10, -10], labels: [1, 0, 0] });
    fireEvent.click(screen.getByRole('button', { name: /^Soften the label/ }));
    const table = screen.getByRole('table', { name: /^The diagonal-only mistake/ });
    // p2(1 − y2) = e^{−20}/(1 + 2e^{−20}) · 29/30 = 1.99 × 10⁻⁹, by hand
    const short = ((Math.exp(-20) / (1 + 2 * Math.exp(-20))) * 29) / 30;
    expect(short.toExponential(1)).toBe('2.0e-9');
    expect([1, 2, 3].map((j) => screen.getByTestId(`diagonal-verdict-${j}`).textContent)).toEqual([
      '✗ fails',
      '≈ short by 2.0 × 10⁻⁹, within tolerance',
      '≈ short by 2.0 × 10⁻⁹, within tolerance',
    ]);
    expect(within(table).queryByText('✓ passes')).toBeNull();
    // every value of the mistake is marked wrong, the two let through included
    expect([1, 2, 3].map((j) => screen.getByTestId(`diagonal-text-${j}`).getAttribute('data-ok'))).toEqual(['false', 'false', 'false']);
    const summary = screen.getByTestId('diagonal-check').textContent ?? '';
    expect(summary).toContain('Every entry is short by pⱼ(1 − yⱼ), the off-diagonal paths it dropped.');
    expect(summary).toContain("For classes 2 and 3 that is at most 2.0 × 10⁻⁹, within the check's relative tolerance, which lets them through.");
    expect(summary).not.toContain('passes');
  });

  it('at z = [−10, 10, 10] with class 1 softened, only class 1 is let through, short by 6.9 × 10⁻¹¹', () => {
    renderWithLab(<CrossEntropyGradientExplorer />, { logits: [-10, 10, 10], labels: [1, 0, 0] });
    fireEvent.click(screen.getByRole('button', { name: /^Soften the label/ }));
    // by hand: p1 = e^{−20}/(e^{−20} + 2), times 1 − y1 = 1 − (0.9 + 0.1/3) = 1/15
    expect(((Math.exp(-20) / (Math.exp(-20) + 2)) * (1 / 15)).toExponential(1)).toBe('6.9e-11');
    expect([1, 2, 3].map((j) => screen.getByTestId(`diagonal-verdict-${j}`).textContent)).toEqual([
      '≈ short by 6.9 × 10⁻¹¹, within tolerance',
      '✗ fails',
      '✗ fails',
    ]);
    expect(screen.getByTestId('diagonal-check').textContent).toContain(
      "For class 1 that is only 6.9 × 10⁻¹¹, within the check's relative tolerance, which lets it through.",
    );
  });

  it('a soft label that p nearly matches passes the gradient check only through its absolute part', () => {
    // y = softmax([0.3, −1.2, 2]) rounded to 6 decimals, normalised, as a link ?y=0.149319,0.033318,0.817364 sets it
    const weights = [0.149319, 0.033318, 0.817364];
    const total = weights.reduce((a, b) => a + b, 0);
    renderWithLab(<CrossEntropyGradientExplorer />, { logits: [0.3, -1.2, 2], labels: weights.map((w) => w / total) });
    const fd = screen.getByTestId('fd-check');
    expect(fd.getAttribute('data-ok')).toBe('true');
    // relative error 8.0 × 10⁻⁶, above the 10⁻⁶ a relative test allows; largest gap 4.1 × 10⁻¹²
    expect(fd.textContent).toMatch(/relative error 8\.0 × 10⁻⁶ \(largest gap 4\.\d × 10⁻¹²\)/);
  });

  it('the product line lists all 3 paths to L for the chosen component, the diagonal marked, their sum p_j − y_j and the diagonal alone', () => {
    window.history.replaceState(null, '', '#/softmax-cross-entropy?step=3&j=0');
    renderWithLab(<CrossEntropyGradientExplorer />);
    const table = screen.getByRole('table', { name: 'The 3 paths from z1 to L, one through each pᵢ' });
    const rows = within(table).getAllByRole('row').map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['through', 'term', 'value'],
      // z1 reaches L through p1 (the diagonal, y1 = 0), p2 (y2 = 1: y2·p1 = p1) and p3
      ['p1diagonal', `−y1(1 − p1) = −(0 × ${three(1 - p(0))})`, '0.000'],
      ['p2', `y2 p1 = 1 × ${three(p(0))}`, three(p(0))],
      ['p3', `y3 p1 = 0 × ${three(p(0))}`, '0.000'],
      ['all 3 paths: p1 − y1', three(p(0))],
      ['the diagonal path alone', '0.000'],
    ]);
    expect(screen.getByTestId('paths-verdict').textContent).toBe(
      `The diagonal path alone, −y1(1 − p1), is wrong here: it misses ${three(p(0))}, the 2 paths off the diagonal.`,
    );
    fireEvent.click(screen.getByRole('button', { name: 'write out ∂L/∂z2' }));
    expect(screen.getByTestId('paths-sum').textContent).toBe(three(p(1) - 1));
    expect(screen.getByTestId('paths-diagonal').textContent).toBe(three(p(1) - 1));
    expect(screen.getByTestId('paths-verdict').textContent).toContain('happens to be right here: y2 = 1');
  });

  it('the paths appear on the product line only', () => {
    renderWithLab(<CrossEntropyGradientExplorer />);
    const next = screen.getByRole('button', { name: 'Next step' });
    const shown = [];
    for (let k = 0; k < 5; k++) {
      shown.push(screen.queryByTestId('chain-rule-paths') !== null);
      fireEvent.click(next);
    }
    expect(shown).toEqual([false, false, false, true, false]);
  });

  it('"Next step" and "Previous step" move through the five lines, stopping at either end', () => {
    renderWithLab(<CrossEntropyGradientExplorer />);
    const next = screen.getByRole('button', { name: 'Next step' });
    const previous = screen.getByRole('button', { name: 'Previous step' });
    expect(screen.getByTestId('step-count').textContent).toBe('Step 1 of 5: The loss');
    expect(previous.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(previous);
    expect(screen.getByTestId('step-count').textContent).toBe('Step 1 of 5: The loss');
    for (let k = 0; k < 6; k++) fireEvent.click(next);
    expect(screen.getByTestId('step-count').textContent).toBe('Step 5 of 5: The cancellation');
    expect(next.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(previous);
    expect(screen.getByTestId('step-count').textContent).toBe('Step 4 of 5: Their product: the chain rule');
  });

  it('each line is evaluated at the current numbers: L = −ln p2, then −1/p2, then p2 − y2', () => {
    renderWithLab(<CrossEntropyGradientExplorer />);
    const next = screen.getByRole('button', { name: 'Next step' });
    expect(formula()).toContain(`= ${three(-Math.log(p(1)))}`);
    expect(screen.getByText(`With a hard label only the true class's term survives: L = −ln p2 = −ln ${three(p(1))}.`)).toBeTruthy();
    fireEvent.click(next);
    expect(formula()).toContain(`= [0.000, ${three(-1 / p(1))}, 0.000]`);
    fireEvent.click(next);
    // column 2 of J: p_i(δ_i2 − p2)
    expect(formula()).toContain(`[${three(-p(0) * p(1))}, ${three(p(1) * (1 - p(1)))}, ${three(-p(2) * p(1))}]`);
    fireEvent.click(next);
    fireEvent.click(next);
    expect(formula()).toContain(`p2 − y2 = ${three(p(1) - 1)}`);
  });

  it('"write out ∂L/∂z3" switches the product to class 3, which gets p3', () => {
    renderWithLab(<CrossEntropyGradientExplorer />);
    const next = screen.getByRole('button', { name: 'Next step' });
    for (let k = 0; k < 4; k++) fireEvent.click(next);
    fireEvent.click(screen.getByRole('button', { name: 'write out ∂L/∂z3' }));
    expect(formula()).toContain(`p3 − y3 = ${three(p(2))}`);
  });

  it('choosing "class 1" as the true class makes y one-hot at 1 and the gradient [p1 − 1, p2, p3]', () => {
    const { store } = renderWithLab(<CrossEntropyGradientExplorer />);
    fireEvent.click(screen.getByRole('radio', { name: 'class 1' }));
    expect(store.getState().labels).toEqual([1, 0, 0]);
    expect(gradientTexts()).toEqual([six(p(0) - 1), six(p(1)), six(p(2))]);
  });

  it('"Soften the label" gives y = 0.9·y + 0.1/3, and the gradient is still p − y', () => {
    const { store, container } = renderWithLab(<CrossEntropyGradientExplorer />);
    fireEvent.click(screen.getByRole('button', { name: /^Soften the label/ }));
    const y = [0.1 / 3, 0.9 + 0.1 / 3, 0.1 / 3];
    store.getState().labels.forEach((v, i) => expect(v).toBeCloseTo(y[i] ?? NaN, 15));
    expect(gradientTexts()).toEqual([0, 1, 2].map((i) => six(p(i) - (y[i] ?? NaN))));
    expect(screen.queryByRole('radio', { checked: true })).toBeNull();
    expect(checks(container)).toEqual(['true', 'true', 'true', 'true']);
  });

  it('moving "logit z3" to 0 recomputes the gradient: [p1, p2 − 1, p3] of z = [2, 3, 0]', () => {
    renderWithLab(<CrossEntropyGradientExplorer />);
    fireEvent.change(screen.getByRole('slider', { name: 'logit z3' }), { target: { value: '0' } });
    const d = E ** 2 + E ** 3 + 1;
    expect(gradientTexts()).toEqual([six(E ** 2 / d), six(E ** 3 / d - 1), six(1 / d)]);
  });

  it('with a confident true class the fused p − 1 and the subtraction differ, and the checks still hold', () => {
    const { container } = renderWithLab(<CrossEntropyGradientExplorer />, { logits: [-10, 10, -10] });
    // p2 − 1 = −2e⁻²⁰ / (1 + 2e⁻²⁰)
    const fused = (-2 * Math.exp(-20)) / (1 + 2 * Math.exp(-20));
    expect(screen.getByTestId('g-text-2').textContent).toBe(
      `−${(-fused / 1e-9).toFixed(5)} × 10⁻⁹`,
    );
    expect(checks(container)).toEqual(['true', 'true', 'true', 'true', 'true']);
    // the core's −(p1 + p3), no subtraction from 1, beside p2 − 1 by subtraction
    const line = [...container.querySelectorAll('[aria-label="Live checks"] li')].at(-1)?.textContent ?? '';
    expect(line).toMatch(/^The true class's p2 − 1 as the core computes it, −\(p1 \+ p3\), with no subtraction from 1: −4\.12 × 10⁻⁹; by subtraction, p2 − 1: −4\.12 × 10⁻⁹, off by a relative \d\.\d × 10⁻⁸\.$/);
  });

  it('focusing "logit z1" writes out component 1 and lights up z-1', () => {
    const { store } = renderWithLab(<CrossEntropyGradientExplorer />);
    const next = screen.getByRole('button', { name: 'Next step' });
    for (let k = 0; k < 4; k++) fireEvent.click(next);
    fireEvent.focus(screen.getByRole('slider', { name: 'logit z1' }));
    expect(store.getState().focus).toBe('z-1');
    expect(formula()).toContain(`p1 − y1 = ${three(p(0))}`);
  });

  describe('its place in the derivation in the address: step, row i and component j, counted from 0', () => {
    afterEach(() => vi.useRealTimers());

    it('the schema has one step per line of the derivation: 0 to 4', () => {
      expect(DERIVATION_STEPS).toHaveLength(5);
      expect(CROSS_ENTROPY_EXPLORER_STATE.step.max).toBe(4);
    });

    it('#/softmax-cross-entropy?step=2&i=0&j=2 shows line 3, column 3 of J = p_i(δ_i3 − p3), with cell J13 picked', () => {
      window.history.replaceState(null, '', '#/softmax-cross-entropy?step=2&i=0&j=2');
      renderWithLab(<CrossEntropyGradientExplorer />);
      expect(stepCount()).toBe('Step 3 of 5: The softmax Jacobian');
      expect(formula()).toContain(`[${three(-p(0) * p(2))}, ${three(-p(1) * p(2))}, ${three(p(2) * (1 - p(2)))}]`);
      expect(pickedCell()).toBe('J-1-3');
      expect(screen.getByRole('button', { name: 'write out ∂L/∂z3' }).getAttribute('aria-pressed')).toBe('true');
    });

    it('?step=4&j=0 shows the cancellation for class 1, which gets p1', () => {
      window.history.replaceState(null, '', '#/softmax-cross-entropy?step=4&j=0');
      renderWithLab(<CrossEntropyGradientExplorer />);
      expect(stepCount()).toBe('Step 5 of 5: The cancellation');
      expect(formula()).toContain(`p1 − y1 = ${three(p(0))}`);
    });

    it('a refused step keeps line 1; a refused j, or one past the classes there are, writes out the true class 2', () => {
      window.history.replaceState(null, '', '#/softmax-cross-entropy?step=five&j=x');
      const { unmount } = renderWithLab(<CrossEntropyGradientExplorer />);
      expect(stepCount()).toBe('Step 1 of 5: The loss');
      for (let k = 0; k < 4; k++) fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
      expect(formula()).toContain(`p2 − y2 = ${three(p(1) - 1)}`);
      unmount();
      window.history.replaceState(null, '', '#/softmax-cross-entropy?step=4&j=7');
      renderWithLab(<CrossEntropyGradientExplorer />);
      expect(formula()).toContain(`p2 − y2 = ${three(p(1) - 1)}`);
    });

    it('stepping to line 3 and picking J31 writes step=2&i=2&j=0 once the learner pauses', () => {
      vi.useFakeTimers();
      window.history.replaceState(null, '', '#/softmax-cross-entropy');
      renderWithLab(<CrossEntropyGradientExplorer />);
      const next = screen.getByRole('button', { name: 'Next step' });
      fireEvent.click(next);
      fireEvent.click(next);
      fireEvent.click(jCell(3, 1));
      act(() => vi.advanceTimersByTime(300));
      expect(window.location.hash).toBe('#/softmax-cross-entropy?step=2&i=2&j=0');
      expect(pickedCell()).toBe('J-3-1');
    });

    it('lock=step disables the step buttons; hide=step leaves the step count without them', () => {
      window.history.replaceState(null, '', '#/embed/softmax-cross-entropy/CrossEntropyGradientExplorer?step=3');
      const { unmount } = renderWithLab(
        <EmbedContext.Provider value={{ embedded: true, hidden: new Set(), locked: new Set(['step']) }}>
          <CrossEntropyGradientExplorer />
        </EmbedContext.Provider>,
      );
      const locked = screen.getByRole('group', { name: 'Set by your lecturer' });
      const next = within(locked).getByRole('button', { name: 'Next step' });
      // disabled by its fieldset, as a browser and a screen reader see it
      expect(next.matches(':disabled')).toBe(true);
      fireEvent.click(next);
      expect(stepCount()).toBe('Step 4 of 5: Their product: the chain rule');
      unmount();
      renderWithLab(
        <EmbedContext.Provider value={{ embedded: true, hidden: new Set(['step']), locked: new Set() }}>
          <CrossEntropyGradientExplorer />
        </EmbedContext.Provider>,
      );
      expect(screen.queryByRole('button', { name: 'Next step' })).toBeNull();
      expect(screen.queryByRole('button', { name: 'Previous step' })).toBeNull();
      expect(stepCount()).toBe('Step 4 of 5: Their product: the chain rule');
    });

    it('hide=j removes the "write out" buttons, and a cell of J picks its row but not its column', () => {
      window.history.replaceState(null, '', '#/embed/softmax-cross-entropy/CrossEntropyGradientExplorer?step=2&j=0');
      renderWithLab(
        <EmbedContext.Provider value={{ embedded: true, hidden: new Set(['j']), locked: new Set() }}>
          <CrossEntropyGradientExplorer />
        </EmbedContext.Provider>,
      );
      expect(screen.queryByRole('group', { name: 'Component written out' })).toBeNull();
      fireEvent.click(jCell(3, 2));
      expect(pickedCell()).toBe('J-3-1');
    });
  });
});
