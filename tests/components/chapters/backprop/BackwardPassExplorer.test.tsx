import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EmbedContext } from '../../../../src/state/embedContext';
import { BackwardPassExplorer } from '../../../../src/chapters/backprop/BackwardPassExplorer';
import type { ReactElement, ReactNode } from 'react';
import { createBackpropStore, initialBackpropInputs, type BackpropStore } from '../../../../src/chapters/backprop/backpropStore';
import { BackpropProvider } from '../../../../src/chapters/backprop/BackpropContext';
import { createWorkspace, trainStep, type Network } from '../../../../src/core/network';
import { renderWithLab as renderWithLabAlone } from '../../renderWithLab';

/** The chapter's store for this test: each test starts from a fresh run. */
let backpropStore: BackpropStore = createBackpropStore();
const InRun = ({ children }: { children: ReactNode }) => <BackpropProvider store={backpropStore}>{children}</BackpropProvider>;
const renderWithLab = (ui: ReactElement) => renderWithLabAlone(<InRun>{ui}</InRun>);

beforeEach(() => {
  backpropStore = createBackpropStore();
});

/** The network's forward pass for one point, written out here: z₁ = xW₁ + b₁, ReLU, z₂ = a₁W₂ + b₂, softmax. */
function referenceRow(net: Network, x: readonly number[]) {
  const { inputs, hidden, outputs } = net.shape;
  const { w1, b1, w2, b2 } = net.params;
  const a1 = Array.from({ length: hidden }, (_, j) => {
    let z = b1[j] ?? NaN;
    for (let r = 0; r < inputs; r++) z += (x[r] ?? NaN) * (w1[r * hidden + j] ?? NaN);
    return Math.max(0, z);
  });
  const z2 = Array.from({ length: outputs }, (_, k) => a1.reduce((s, a, j) => s + a * (w2[j * outputs + k] ?? NaN), b2[k] ?? NaN));
  const e = z2.map(Math.exp);
  const total = e.reduce((s, v) => s + v, 0);
  return { a1, p: e.map((v) => v / total) };
}
const pointOf = (i: number) => {
  const { dataset } = backpropStore.getState();
  return { x: [dataset.x[2 * i] ?? NaN, dataset.x[2 * i + 1] ?? NaN], label: dataset.labels[i] ?? -1 };
};
const value = (testId: string) => Number(screen.getByTestId(testId).getAttribute('data-value'));
const label = (testId: string) => screen.getByTestId(testId).getAttribute('aria-label') ?? '';
const checks = (testId: string) => within(screen.getByTestId(testId)).getAllByRole('listitem').map((li) => li.getAttribute('data-ok'));
const sampleField = () => screen.getByRole('textbox', { name: 'Sample i' }) as HTMLInputElement;
const facts = () => screen.getByTestId('bp-sample-facts').textContent ?? '';
const w2Cell = (j: number, k: number) => screen.getByRole('button', { name: new RegExp(`^dW2, row ${j}, column ${k}:`) });

describe('<BackwardPassExplorer>', () => {
  it('writes the shapes of the store’s run: m = 150 samples, 16 hidden units, 3 classes', () => {
    renderWithLab(<BackwardPassExplorer />);
    const text = label('bp-shapes-formula');
    expect(text).toContain('dZ₂ (150 × 3) = (P − Y)/150');
    expect(text).toContain('dW₂ (16 × 3) = A₁ᵀ (16 × 150) times dZ₂ (150 × 3)');
    expect(text).toContain('dA₁ (150 × 16) = dZ₂ (150 × 3) times W₂ᵀ (3 × 16)');
    expect(text).toContain('dW₁ (2 × 16) = Xᵀ (2 × 150) times dZ₁ (150 × 16)');
  });

  it('sample 1’s row of dZ₂ is (p − y)/150 with p from a forward pass written out in the test', () => {
    renderWithLab(<BackwardPassExplorer />);
    const { x, label: y } = pointOf(0);
    const { p } = referenceRow(backpropStore.getState().network, x);
    for (let k = 0; k < 3; k++) expect(value(`bp-dz2-${k + 1}`)).toBeCloseTo(((p[k] ?? NaN) - (k === y ? 1 : 0)) / 150, 14);
  });

  it('typing 7 and Enter in "Sample i" shows sample 7; Next shows sample 8, Previous sample 7 again', async () => {
    const user = userEvent.setup();
    renderWithLab(<BackwardPassExplorer />);
    await user.clear(sampleField());
    await user.type(sampleField(), '7{Enter}');
    const { x } = pointOf(6);
    expect(screen.getByTestId('bp-sample-facts').textContent).toContain(`Sample 7: x = (${x[0]?.toFixed(3).replace('-', '−')}`);
    fireEvent.click(screen.getByRole('button', { name: 'Next sample' }));
    expect(screen.getByTestId('bp-sample-facts').textContent).toMatch(/^Sample 8:/);
    expect(sampleField().value).toBe('8');
    const { p } = referenceRow(backpropStore.getState().network, pointOf(7).x);
    const y = pointOf(7).label;
    expect(value('bp-dz2-1')).toBeCloseTo(((p[0] ?? NaN) - (y === 0 ? 1 : 0)) / 150, 14);
    fireEvent.click(screen.getByRole('button', { name: 'Previous sample' }));
    expect(screen.getByTestId('bp-sample-facts').textContent).toMatch(/^Sample 7:/);
  });

  describe('the sample field', () => {
    const sampleRange = 'the sample must be a whole number from 1 to 150.';
    /** sample 4 chosen first, so a refusal that fell back to a default would show */
    async function atSample4() {
      const user = userEvent.setup();
      renderWithLab(<BackwardPassExplorer />);
      await user.clear(sampleField());
      await user.type(sampleField(), '4{Enter}');
      expect(facts()).toMatch(/^Sample 4:/);
      return user;
    }

    it('typing 1e309 key by key leaves the text as typed and sample 4 shown; Enter refuses it as too large', async () => {
      const user = await atSample4();
      const dz2 = value('bp-dz2-1');
      await user.clear(sampleField());
      let typed = '';
      for (const key of '1e309') {
        await user.keyboard(key);
        typed += key;
        expect(sampleField().value).toBe(typed);
        expect(facts()).toMatch(/^Sample 4:/);
      }
      expect(screen.queryByRole('alert')).toBeNull();
      await user.keyboard('{Enter}');
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toBe(`“1e309” is too large: ${sampleRange} Still showing sample 4.`);
      expect(sampleField().getAttribute('aria-describedby')).toBe(alert.id);
      expect(sampleField().value).toBe('4');
      // the rows still are sample 4's
      expect(facts()).toMatch(/^Sample 4:/);
      expect(value('bp-dz2-1')).toBe(dz2);
    });

    it.each([
      ['2.5', `“2.5” is not a whole number: ${sampleRange}`],
      ['1,5', `“1,5” is not a number: ${sampleRange}`],
      ['0x10', `“0x10” is not a number: ${sampleRange}`],
      ['99999999', `“99999999” is too large: ${sampleRange}`],
      ['151', `“151” is too large: ${sampleRange}`],
      ['0', `“0” is too small: ${sampleRange}`],
    ])('%s on Enter is refused with a message naming it and the range; sample 4 stays', async (typed, why) => {
      const user = await atSample4();
      await user.clear(sampleField());
      await user.type(sampleField(), `${typed}{Enter}`);
      expect(screen.getByRole('alert').textContent).toBe(`${why} Still showing sample 4.`);
      expect(sampleField().value).toBe('4');
      expect(facts()).toMatch(/^Sample 4:/);
    });

    it('1 and 150, the ends, are taken when the field is left (Tab), and the message goes', async () => {
      const user = await atSample4();
      await user.clear(sampleField());
      await user.type(sampleField(), '151{Enter}');
      expect(screen.getByRole('alert')).toBeTruthy();
      await user.clear(sampleField());
      await user.type(sampleField(), '150');
      expect(facts()).toMatch(/^Sample 4:/);
      await user.tab();
      expect(facts()).toMatch(/^Sample 150:/);
      expect(screen.queryByRole('alert')).toBeNull();
      expect(sampleField().hasAttribute('aria-describedby')).toBe(false);
      expect(screen.getByRole('button', { name: 'Next sample' }).hasAttribute('disabled')).toBe(true);
      await user.clear(sampleField());
      await user.type(sampleField(), '1');
      await user.tab();
      expect(facts()).toMatch(/^Sample 1:/);
    });
  });

  it('clicking a cell of dW₂ writes its chain for the chosen sample, a₁ · (p − y) · 1/150, and both checks hold', () => {
    renderWithLab(<BackwardPassExplorer />);
    const { x, label: y } = pointOf(0);
    const { a1, p } = referenceRow(backpropStore.getState().network, x);
    // a hidden unit that is on for sample 1, so that its factor is not ReLU's 0
    const j = a1.findIndex((a) => a > 0.05);
    expect(j).toBeGreaterThanOrEqual(0);
    fireEvent.click(w2Cell(j + 1, 2));
    const text = label('bp-output-chain-formula');
    expect(text).toContain(`∂L/∂(W₂)${j + 1},2 = the sum over the 150 samples of (A₁)i,${j + 1} times (dZ₂)i,2`);
    const pMinusY = (p[1] ?? NaN) - (y === 1 ? 1 : 0);
    const product = (a1[j] ?? NaN) * pMinusY / 150;
    const shown = (v: number, digits: number) => (v < 0 ? `−${(-v).toFixed(digits)}` : v.toFixed(digits));
    expect(text).toContain(`Sample 1: ${shown(a1[j] ?? NaN, 3)} × ${shown(pMinusY, 3)} × 1/150 = `);
    expect(checks('bp-output-checks')).toEqual(['true', 'true']);
    // the same sample's share in the left heatmap is a₁ⱼ · dz₂₂, shown to three significant digits
    const share = screen.getByRole('button', { name: new RegExp(`^sample 1's share of dW2, row ${j + 1}, column 2:`) });
    expect(share.getAttribute('aria-pressed')).toBe('true');
    const read = Number((share.textContent ?? '').replace('−', '-'));
    expect(Math.abs(read - product)).toBeLessThanOrEqual(Math.abs(product) * 0.01);
  });

  it('under the chain, the selected weight’s terms split into positive and negative: for (W₂)₈,₁ at the start they cancel to less than one sample’s share', () => {
    renderWithLab(<BackwardPassExplorer />);
    fireEvent.click(w2Cell(8, 1));
    // the 150 terms a₁ᵢ₈ (pᵢ₁ − yᵢ₁)/150, from the forward pass written out here
    const terms = Array.from({ length: 150 }, (_, i) => {
      const { x, label: y } = pointOf(i);
      const { a1, p } = referenceRow(backpropStore.getState().network, x);
      return ((a1[7] ?? NaN) * ((p[0] ?? NaN) - (y === 0 ? 1 : 0))) / 150;
    });
    const positive = terms.filter((t) => t > 0).reduce((a, b) => a + b, 0);
    const negative = terms.filter((t) => t < 0).reduce((a, b) => a + b, 0);
    const largest = terms.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
    const text = screen.getByTestId('bp-share-balance').textContent ?? '';
    expect(text).toContain(`the positive ones add up to ${positive.toFixed(4)} and the negative ones to −${(-negative).toFixed(4)}`);
    expect(text).toContain(`The largest single term, sample ${terms.indexOf(largest) + 1}’s, is ${largest.toFixed(5)}: larger than the whole sum`);
  });

  it('arrow keys move through the 16 × 3 matrix of dW₂ and stop at its last column and row', () => {
    renderWithLab(<BackwardPassExplorer />);
    fireEvent.keyDown(w2Cell(15, 1), { key: 'End' });
    fireEvent.keyDown(w2Cell(15, 3), { key: 'ArrowRight' });
    expect(w2Cell(15, 3).getAttribute('aria-pressed')).toBe('true');
    fireEvent.keyDown(w2Cell(15, 3), { key: 'ArrowDown' });
    fireEvent.keyDown(w2Cell(16, 3), { key: 'ArrowDown' });
    expect(w2Cell(16, 3).getAttribute('aria-pressed')).toBe('true');
    expect(label('bp-output-chain-formula')).toContain('∂L/∂(W₂)16,3');
  }, 15_000);

  it('a weight of W₁ shows the longer chain x · f′(z₁) · Σₖ w₂ dz₂, and both checks hold', () => {
    renderWithLab(<BackwardPassExplorer />);
    fireEvent.click(screen.getByRole('button', { name: /^dW1, row 2, column 5:/ }));
    const text = label('bp-hidden-chain-formula');
    expect(text).toContain('∂L/∂(W₁)2,5 = the sum over the 150 samples of X i,2 times f′((Z₁)i,5)');
    const { x } = pointOf(0);
    expect(text).toContain(`Sample 1: ${(x[1] ?? NaN).toFixed(3).replace('-', '−')} ×`);
    expect(checks('bp-hidden-checks')).toEqual(['true', 'true']);
  });

  it('where the nudge crosses ReLU’s kink (blobs, step 1000, (W₁)₁,₆) the check names the sample, gives no verdict on that quotient and passes a smaller nudge', () => {
    const start = initialBackpropInputs();
    const ws = createWorkspace(start.network.shape, 150);
    for (let s = 0; s < 1000; s++) trainStep(start.network, start.dataset.x, start.dataset.labels, 150, ws, 0.3, 'mean');
    backpropStore.setState({ ...start, step: 1000 });
    window.history.replaceState(null, '', '#/backprop?w1x=1&w1h=6');
    renderWithLab(<BackwardPassExplorer />);
    expect(checks('bp-hidden-checks')).toEqual(['true', 'kink', 'true']);
    const across = screen.getByTestId('bp-hidden-checks-difference').textContent ?? '';
    expect(across).toMatch(/with h = 1\.0 × 10⁻⁵, gives 0\.000371 \(off by 5\.2 × 10⁻⁷\)\./);
    expect(across).toContain('But the nudge moves sample 96’s pre-activation (Z₁)₉₆,₆ = −3.2 × 10⁻⁶ across ReLU’s kink at 0.');
    expect(screen.getByTestId('bp-hidden-checks-kink-free').textContent).toMatch(/^Nudged by h = 4\.7 × 10⁻⁶ instead, .* \(off by .*; allowed .*, a millionth of the gradient plus rounding in the loss\)\.$/);
    // a weight of W₂ never crosses a kink: two lines, both passing
    expect(checks('bp-output-checks')).toEqual(['true', 'true']);
  });

  it('with the sum, dZ₂ is P − Y without the 1/m, and the checks still hold', () => {
    renderWithLab(<BackwardPassExplorer />);
    act(() => backpropStore.getState().setReduction('sum'));
    expect(label('bp-shapes-formula')).toContain('dZ₂ (150 × 3) = P − Y.');
    const { x, label: y } = pointOf(0);
    const { p } = referenceRow(backpropStore.getState().network, x);
    for (let k = 0; k < 3; k++) expect(value(`bp-dz2-${k + 1}`)).toBeCloseTo((p[k] ?? NaN) - (k === y ? 1 : 0), 14);
    expect(checks('bp-output-checks')).toEqual(['true', 'true']);
    expect(checks('bp-hidden-checks')).toEqual(['true', 'true']);
  });

  it('hovering a cell of dW₂ lights up its chain’s factors a₁ⱼ and dz₂ₖ in the tables', () => {
    const { store, container } = renderWithLab(<BackwardPassExplorer />);
    fireEvent.pointerOver(w2Cell(4, 1));
    expect(store.getState().focus).toBe('bp-w2-4-1');
    const rule = container.querySelector('style')?.textContent ?? '';
    for (const id of ['bp-w2-4-1', 'bp-a1-4', 'bp-dz2-1']) expect(rule).toContain(`[data-term="${id}"]`);
    expect(container.querySelectorAll('table [data-term="bp-a1-4"]').length).toBe(1);
  });

  it('follows the store when the network shrinks to 4 hidden units: the shapes read 4, the selection stays inside', () => {
    renderWithLab(<BackwardPassExplorer />);
    fireEvent.click(w2Cell(12, 3));
    act(() => backpropStore.getState().setHidden(4));
    expect(label('bp-shapes-formula')).toContain('dW₂ (4 × 3)');
    expect(w2Cell(4, 3).getAttribute('aria-pressed')).toBe('true');
    expect(within(screen.getByTestId('bp-hidden-rows')).getAllByRole('row')).toHaveLength(5);
  });

  it('while the trainer runs, new weights do not re-render the explorer at once; they arrive within 400 ms', async () => {
    renderWithLab(<BackwardPassExplorer />);
    const before = value('bp-dz2-1');
    const { network } = backpropStore.getState();
    // the same network with every output bias raised for class 1: p₁ of every sample grows
    const moved: Network = { shape: network.shape, params: { ...network.params, b2: Float64Array.from([3, 0, 0]) } };
    act(() => backpropStore.setState({ running: true }));
    act(() => backpropStore.setState({ network: moved }));
    expect(value('bp-dz2-1')).toBe(before);
    act(() => backpropStore.setState({ running: false }));
    await waitFor(() => expect(value('bp-dz2-1')).toBeGreaterThan(before), { timeout: 1000 });
  });

  it('an empty data set shows a message instead of the pass', () => {
    backpropStore.setState({ dataset: { x: new Float64Array(0), labels: new Int32Array(0), m: 0, classes: 3 } });
    renderWithLab(<BackwardPassExplorer />);
    expect(screen.getByText(/There are no points in the data set/)).toBeTruthy();
  });
});

describe('<BackwardPassExplorer> and its address', () => {
  afterEach(() => vi.useRealTimers());

  it('#/backprop?sample=7&w2h=3&w2k=2&w1x=2&w1h=5 shows sample 7 and the chains of (W₂)₃,₂ and (W₁)₂,₅', () => {
    window.history.replaceState(null, '', '#/backprop?sample=7&w2h=3&w2k=2&w1x=2&w1h=5');
    renderWithLab(<BackwardPassExplorer />);
    expect(screen.getByTestId('bp-sample-facts').textContent).toMatch(/^Sample 7:/);
    expect((screen.getByRole('textbox', { name: 'Sample i' }) as HTMLInputElement).value).toBe('7');
    expect(w2Cell(3, 2).getAttribute('aria-pressed')).toBe('true');
    expect(label('bp-output-chain-formula')).toContain('∂L/∂(W₂)3,2');
    expect(screen.getByRole('button', { name: /^dW1, row 2, column 5:/ }).getAttribute('aria-pressed')).toBe('true');
    expect(label('bp-hidden-chain-formula')).toContain('∂L/∂(W₁)2,5');
  });

  it('refused values keep their defaults: sample=seven and w1x=1.5 read as sample 1 and row 1; w2k=9 is clamped to the last class, 3', () => {
    window.history.replaceState(null, '', '#/backprop?sample=seven&w1x=1.5&w1h=4&w2k=9');
    renderWithLab(<BackwardPassExplorer />);
    expect(screen.getByTestId('bp-sample-facts').textContent).toMatch(/^Sample 1:/);
    expect(label('bp-hidden-chain-formula')).toContain('∂L/∂(W₁)1,4');
    expect(w2Cell(1, 3).getAttribute('aria-pressed')).toBe('true');
  });

  it('a sample chosen past the run’s 150 points (sample=300) shows the last one, sample 150', () => {
    window.history.replaceState(null, '', '#/backprop?sample=300');
    renderWithLab(<BackwardPassExplorer />);
    expect(screen.getByTestId('bp-sample-facts').textContent).toMatch(/^Sample 150:/);
  });

  it('a choice is written to the address once the learner pauses: Next sample and a click on dW₂’s (4, 1) give sample=2&w2h=4', () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '#/backprop');
    renderWithLab(<BackwardPassExplorer />);
    fireEvent.click(screen.getByRole('button', { name: 'Next sample' }));
    fireEvent.click(w2Cell(4, 1));
    act(() => vi.advanceTimersByTime(300));
    // (W₂)₄,₁: its column, 1, is the default and stays out of the address
    expect(window.location.hash).toBe('#/backprop?sample=2&w2h=4');
  });

  it('locked (lock=sample), the sample’s box and buttons are disabled and its facts stay; hidden (hide=sample) they are gone', () => {
    const inEmbed = (hidden: string[], locked: string[]) =>
      renderWithLab(
        <EmbedContext.Provider value={{ embedded: true, hidden: new Set(hidden), locked: new Set(locked) }}>
          <BackwardPassExplorer />
        </EmbedContext.Provider>,
      );
    const locked = inEmbed([], ['sample']);
    expect(screen.getByRole('group', { name: 'Set by your lecturer' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Sample i' }).matches(':disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Next sample' }).matches(':disabled')).toBe(true);
    locked.unmount();
    inEmbed(['sample'], []);
    expect(screen.queryByRole('textbox', { name: 'Sample i' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Next sample' })).toBeNull();
    expect(screen.getByTestId('bp-sample-facts').textContent).toMatch(/^Sample 1:/);
  });
});
