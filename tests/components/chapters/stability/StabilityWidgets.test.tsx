import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler, type ReactElement } from 'react';
import { OverflowExplorer } from '../../../../src/chapters/stability/OverflowExplorer';
import { EpsilonTrickExplorer } from '../../../../src/chapters/stability/EpsilonTrickExplorer';
import { FusedBackward } from '../../../../src/chapters/stability/FusedBackward';
import { createStabilityStore, StabilityProvider } from '../../../../src/chapters/stability/StabilityContext';
import { createLabStore } from '../../../../src/state/createLabStore';
import { LabProvider } from '../../../../src/state/LabContext';
import { TermScope } from '../../../../src/math/TermScope';
import { formatNumber } from '../../../../src/format/formatNumber';
import { EmbedContext, type EmbedSettings } from '../../../../src/state/embedContext';
import { createWidgetFrame, WidgetFrameContext } from '../../../../src/state/widgetFrame';
import { EPSILONS, STABILITY_START } from '../../../../src/chapters/stability/stabilityInputs';
import { DeferredView } from '../../../../src/state/DeferredView';
import { PAUSE_MS } from '../../../../src/state/deferredView';

/**
 * Render the chapter's widgets as the chapter does: one stability store, inside a lab and a term scope;
 * or as an embed does, with the lecturer's hidden and locked controls.
 */
function renderStability(ui: ReactElement, embed?: EmbedSettings) {
  const store = createStabilityStore();
  const page = (
    <LabProvider store={createLabStore()}>
      <StabilityProvider store={store}>
        <TermScope>{ui}</TermScope>
      </StabilityProvider>
    </LabProvider>
  );
  const result = render(embed ? <EmbedContext.Provider value={embed}>{page}</EmbedContext.Provider> : page);
  return { store, ...result };
}
const text = (id: string) => (screen.getByTestId(id).textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<OverflowExplorer>', () => {
  it('starts at z = [2, 3, 4]: every cell finite, L = log(1 + e + e²) in all four', () => {
    renderStability(<OverflowExplorer />);
    const loss = Math.log(1 + Math.E + Math.E ** 2).toFixed(3);
    for (const id of ['naive-float32', 'naive-float64', 'stable-float32', 'stable-float64']) {
      expect(screen.getByTestId(`cell-${id}`).getAttribute('data-finite')).toBe('true');
      expect(text(`${id}-loss`)).toBe(loss);
    }
  });

  it('"logit z1" at 1000 shows NaN naively in both precisions, finite stably', () => {
    renderStability(<OverflowExplorer />);
    fireEvent.change(screen.getByRole('slider', { name: 'logit z1' }), { target: { value: '1000' } });
    expect(text('naive-float64-p-1')).toBe('NaN');
    expect(text('naive-float32-loss')).toBe('NaN');
    expect(text('stable-float64-loss')).toBe('0.000');
    expect(screen.getByTestId('naive-float64-p-1').className).toContain('result-nan');
    expect(text('readout-naive-loss')).toBe('NaN');
  });

  it('the preset z = [89, 0, 0] breaks float32 only, and the plot text says e^89 is ∞ in float32', () => {
    renderStability(<OverflowExplorer />);
    fireEvent.click(screen.getByRole('button', { name: /^z = \[89, 0, 0\]/ }));
    expect(screen.getByTestId('cell-naive-float32').getAttribute('data-finite')).toBe('false');
    expect(screen.getByTestId('cell-naive-float64').getAttribute('data-finite')).toBe('true');
    const plot = screen.getByRole('img', { name: /e to the z on a log scale/ }).getAttribute('aria-label') ?? '';
    expect(plot).toContain('z1 = 89.0: e^z is 4.49 × 10³⁸, ∞ in float32, finite in float64.');
  });

  it('a typed "abc", "2000" or "1.234" is refused with a message and the logit stays; "-1000" is taken', () => {
    const { store } = renderStability(<OverflowExplorer />);
    const box = screen.getByRole('textbox', { name: 'type logit z2' });
    fireEvent.change(box, { target: { value: 'abc' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(text('typed-message')).toBe('“abc” is not a number: z2 must be a number from −1000 to 1000 in steps of 0.1. z2 stays 3.');
    fireEvent.change(box, { target: { value: '2000' } });
    fireEvent.blur(box);
    expect(text('typed-message')).toBe('“2000” is too large: z2 must be a number from −1000 to 1000 in steps of 0.1. z2 stays 3.');
    expect(store.getState().logits).toEqual([2, 3, 4]);
    // off the sliders' 0.1 grid: refused, not rounded to 1.2 behind the learner's back
    fireEvent.change(box, { target: { value: '1.234' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(text('typed-message')).toBe('“1.234” has too many decimal places: z2 must be a number from −1000 to 1000 in steps of 0.1. z2 stays 3.');
    expect(store.getState().logits).toEqual([2, 3, 4]);
    fireEvent.change(box, { target: { value: '-1000' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(store.getState().logits).toEqual([2, -1000, 4]);
    expect(text('typed-message')).toBe('Type a logit from −1000 to 1000 in steps of 0.1 and press Enter.');
  });

  it('typing 1e309 into z1 key by key keeps the text as typed; Enter refuses it and z1 stays 2; 88.7 is taken on Tab', async () => {
    const user = userEvent.setup();
    const { store } = renderStability(<OverflowExplorer />);
    const box = screen.getByRole('textbox', { name: 'type logit z1' }) as HTMLInputElement;
    await user.clear(box);
    let typed = '';
    for (const key of '1e309') {
      await user.keyboard(key);
      typed += key;
      expect(box.value).toBe(typed);
    }
    expect(store.getState().logits).toEqual([2, 3, 4]);
    await user.keyboard('{Enter}');
    expect(text('typed-message')).toBe('“1e309” is too large: z1 must be a number from −1000 to 1000 in steps of 0.1. z1 stays 2.');
    expect(box.value).toBe('2');
    expect(box.getAttribute('aria-describedby')).toBe(screen.getByTestId('typed-message').id);
    expect(store.getState().logits).toEqual([2, 3, 4]);
    await user.clear(box);
    await user.type(box, '88.7');
    await user.tab();
    expect(store.getState().logits).toEqual([88.7, 3, 4]);
    expect(text('typed-message')).toBe('Type a logit from −1000 to 1000 in steps of 0.1 and press Enter.');
  });

  it('the bars are keyboard sliders: End on bar z2 sets it to 1000', () => {
    const { store } = renderStability(<OverflowExplorer />);
    fireEvent.keyDown(screen.getByRole('slider', { name: 'logit z2 bar' }), { key: 'End' });
    expect(store.getState().logits).toEqual([2, 1000, 4]);
  });

  it('the true-class radios change which p the loss takes: class 3 at [2, 3, 4] gives L = log(1 + e⁻¹ + e⁻²)', () => {
    renderStability(<OverflowExplorer />);
    fireEvent.click(screen.getByRole('radio', { name: 'true class 3' }));
    expect(text('stable-float64-loss')).toBe(Math.log(1 + Math.exp(-1) + Math.exp(-2)).toFixed(3));
  });
});

describe('<EpsilonTrickExplorer> and <FusedBackward>', () => {
  it('at [−1000, 0, 1000] the trick loss is −ln 10⁻⁸ = 18.421 and keeps 0.0% of the gradient', () => {
    const { store } = renderStability(<EpsilonTrickExplorer />);
    fireEvent.click(screen.getByRole('button', { name: /^z = \[−1000, 0, 1000\]/ }));
    expect(store.getState().logits).toEqual([-1000, 0, 1000]);
    expect(text('epsilon-trick-loss')).toBe((8 * Math.LN10).toFixed(3));
    expect(text('epsilon-true-loss')).toBe('2000.000');
    expect(text('epsilon-gradient-kept')).toBe('0.0');
    const plot = screen.getByRole('slider', { name: /^true-class logit z1 on the error plot/ });
    expect(plot.getAttribute('aria-label')).toContain('log₁₀ p1 = −868.59 (left of the plot');
  });

  it('ε = 10⁻⁴ raises the error at [2, 3, 4]: −ln(1 + 10⁻⁴/p₁) by hand', () => {
    renderStability(<EpsilonTrickExplorer />);
    fireEvent.click(screen.getByRole('radio', { name: 'ε = 10⁻⁴' }));
    const p = Math.exp(2) / (Math.exp(2) + Math.exp(3) + Math.exp(4));
    // −ln(1 + 1e-4/0.0900) ≈ −1.11 × 10⁻³, shown as −0.001; the element carries the full value
    expect(text('epsilon-error')).toBe('−0.001');
    expect(Number(screen.getByTestId('epsilon-error').getAttribute('data-value'))).toBeCloseTo(-Math.log1p(1e-4 / p), 12);
  });

  it('the error plot handle moves the true-class logit: PageDown lowers z1 by 1', () => {
    const { store } = renderStability(<EpsilonTrickExplorer />);
    fireEvent.keyDown(screen.getByRole('slider', { name: /on the error plot/ }), { key: 'PageDown' });
    expect(store.getState().logits[0]).toBe(1);
  });

  it('FusedBackward at [2, 3, 4] agrees with p − y; at [−1000, 0, 1000] with ε = 0 the chain is NaN and the fused gradient [−1, 0, 1]', () => {
    renderStability(<FusedBackward />);
    const e = [Math.exp(2), Math.exp(3), Math.exp(4)];
    const s = e[0]! + e[1]! + e[2]!;
    expect(text('fused-1')).toBe(`−${(1 - e[0]! / s).toFixed(3)}`);
    expect(text('chain-1')).toBe(text('fused-1'));
    expect(text('backward-verdict')).toMatch(/^Both agree to/);
    fireEvent.click(screen.getByRole('button', { name: /^z = \[−1000, 0, 1000\]/ }));
    fireEvent.click(screen.getByRole('radio', { name: /^ε = 0/ }));
    expect(['fused-1', 'fused-2', 'fused-3'].map(text)).toEqual(['−1.000', '0.000', '1.000']);
    expect(['chain-1', 'chain-2', 'chain-3'].map(text)).toEqual(['NaN', 'NaN', 'NaN']);
    expect(text('backward-verdict')).toBe(
      'The unfused gradient is NaN: p1 underflowed to 0, so u1 = −1/(0 + 0) = −∞ and ⟨u, p⟩ = −∞ × 0 = NaN, which p ⊙ (u − ⟨u, p⟩) passes to every class. The fused p − y divides by no probability and is finite.',
    );
    expect(screen.getByTestId('backward-formula').getAttribute('aria-label')).toContain('Fused: ∂L/∂z = p − y = [−1.000, 0.000, 1.000]');
    expect(screen.getByTestId('backward-formula').getAttribute('aria-label')).toContain('Unfused, as autograd runs it: u1 = −1/(p1 + 0) = −∞,');
  });

  it('FusedBackward: a class other than the true one at p = 0 with ε = 0 makes autograd’s 0/0, and the whole chain NaN', () => {
    const { store } = renderStability(<FusedBackward />);
    fireEvent.click(screen.getByRole('radio', { name: /^ε = 0/ }));
    act(() => store.getState().setLogits([0, -1000, 0]));
    expect(['fused-1', 'fused-2', 'fused-3'].map(text)).toEqual(['−0.500', '0.000', '0.500']);
    expect(['chain-1', 'chain-2', 'chain-3'].map(text)).toEqual(['NaN', 'NaN', 'NaN']);
    expect(text('backward-verdict')).toContain('p2 underflowed to 0, so u2 = −0/(0 + 0) = 0/0 = NaN');
  });

  it('FusedBackward where both agree names the divisor p₁ + ε', () => {
    renderStability(<FusedBackward />);
    // p₁ = e²/(e² + e³ + e⁴) ≈ 0.0900, plus ε = 10⁻⁸
    expect(text('backward-verdict')).toContain('the unfused chain divides by p1 + ε = 0.090, harmless while that is not 0');
  });

  it('FusedBackward in float32 at [−30, 0, 0] with ε = 10⁻⁸: the chain has shrunk to nothing', () => {
    const { store } = renderStability(<FusedBackward />);
    fireEvent.click(screen.getByRole('radio', { name: 'float32' }));
    expect(store.getState().precision).toBe('float32');
    act(() => store.getState().setLogits([-30, 0, 0]));
    // float32: p₁ = e^{-30}/2 ≈ 4.7 × 10⁻¹⁴ ≪ ε: the chain keeps p₁/(p₁ + ε) ≈ 4.7 × 10⁻⁶ of the gradient
    const p = Math.exp(-30) / (Math.exp(-30) + 2);
    expect(text('backward-verdict')).toContain(`The unfused gradient has shrunk to ${formatNumber(100 * (p / (p + 1e-8)), 1)}% of p − y`);
    expect(formatNumber(100 * (p / (p + 1e-8)), 1)).toBe('5 × 10⁻⁴');
  });

  it('FusedBackward has its own true-class radios: class 3 at [−1000, 0, 1000] with ε = 0 gives p − y = 0 and a NaN chain, and the explorer’s radios follow', () => {
    const { store } = renderStability(
      <>
        <OverflowExplorer />
        <FusedBackward />
      </>,
    );
    const group = screen.getByRole('group', { name: 'True class' });
    const presets = screen.getAllByRole('button', { name: /^z = \[−1000, 0, 1000\]/ });
    fireEvent.click(presets[presets.length - 1]!);
    fireEvent.click(within(group).getByRole('radio', { name: 'true class 3' }));
    fireEvent.click(screen.getByRole('radio', { name: /^ε = 0/ }));
    expect(store.getState()).toMatchObject({ logits: [-1000, 0, 1000], label: 2, epsilon: 0 });
    // both groups show class 3: one store
    for (const r of screen.getAllByRole<HTMLInputElement>('radio', { name: 'true class 3' })) expect(r.checked).toBe(true);
    // p = [0, 0, 1]: p − y = [0, 0, 0], but u₁ = −0/0 = NaN in the chain
    expect(['fused-1', 'fused-2', 'fused-3'].map(text)).toEqual(['0.000', '0.000', '0.000']);
    expect(['chain-1', 'chain-2', 'chain-3'].map(text)).toEqual(['NaN', 'NaN', 'NaN']);
    expect(text('backward-verdict')).toContain('p1 underflowed to 0, so u1 = −0/(0 + 0) = 0/0 = NaN');
    // the arrow keys move within the group (native radios): its radios share one name
    const names = within(group).getAllByRole<HTMLInputElement>('radio').map((r) => r.name);
    expect(new Set(names).size).toBe(1);
  });
});

const at = (hash: string) => window.history.replaceState(null, '', hash);
const query = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');
const radio = (name: string | RegExp) => screen.getAllByRole<HTMLInputElement>('radio', { name })[0]!;
const logitSlider = (k: number) => screen.getByRole<HTMLInputElement>('slider', { name: `logit z${k}` });
const chapter = (
  <>
    <OverflowExplorer />
    <EpsilonTrickExplorer />
    <FusedBackward />
  </>
);
const embedded = (hidden: string[], locked: string[]): EmbedSettings => ({ embedded: true, hidden: new Set(hidden), locked: new Set(locked) });

describe('the chapter’s inputs in the address: sz and sy (overflow), eps (ε trick), prec (backward pass)', () => {
  afterEach(() => vi.useRealTimers());

  it('#/stability?sz=1000,999,998&sy=2&eps=1e-12&prec=float32 at mount: every widget shows them, from the first paint', () => {
    at('#/stability?sz=1000,999,998&sy=2&eps=1e-12&prec=float32');
    const { store } = renderStability(chapter);
    expect(store.getState()).toMatchObject({ logits: [1000, 999, 998], label: 2, epsilon: 1e-12, precision: 'float32' });
    expect([1, 2, 3].map((k) => logitSlider(k).value)).toEqual(['1000', '999', '998']);
    expect(radio('true class 3').checked).toBe(true);
    expect(text('overflow-readout')).toMatch(/^z = \[1000, 999, 998\], true class 3/);
    for (const r of screen.getAllByRole<HTMLInputElement>('radio', { name: 'ε = 10⁻¹²' })) expect(r.checked).toBe(true);
    expect(radio('float32').checked).toBe(true);
    expect(screen.getByRole('table', { name: /^∂L\/∂z at z = \[1000, 999, 998\], true class 3, ε = 10⁻¹², in float32$/ })).toBeTruthy();
  });

  it('refuses sz=1,2 (two logits), sy=1.5, eps=0.5 and prec=float16: each keeps the chapter’s start and is named', () => {
    at('#/stability?sz=1,2&sy=1.5&eps=0.5&prec=float16');
    const frames = [createWidgetFrame(), createWidgetFrame(), createWidgetFrame()];
    const { store } = renderStability(
      <>
        <WidgetFrameContext.Provider value={frames[0]!}>
          <OverflowExplorer />
        </WidgetFrameContext.Provider>
        <WidgetFrameContext.Provider value={frames[1]!}>
          <EpsilonTrickExplorer />
        </WidgetFrameContext.Provider>
        <WidgetFrameContext.Provider value={frames[2]!}>
          <FusedBackward />
        </WidgetFrameContext.Provider>
      </>,
    );
    expect(store.getState()).toMatchObject({ logits: [2, 3, 4], label: 0, epsilon: 1e-8, precision: 'float64' });
    // three logits exactly: a fixed count says so, never "3 to 3"
    expect(frames[0]!.problems()).toEqual([
      'could not read sz=1,2: it needs exactly 3 plain numbers separated by commas, such as 2,3,4',
      'could not read sy=1.5: it needs a whole number such as 0',
    ]);
    expect(frames[1]!.problems().join('; ')).toMatch(/could not read eps=0.5: it needs one of 1e-4, 1e-8, 1e-12, 0/);
    expect(frames[2]!.problems().join('; ')).toMatch(/could not read prec=float16: it needs one of float64, float32/);
    // and the address no longer carries what was refused
    expect([...query().keys()].filter((k) => ['sz', 'sy', 'eps', 'prec'].includes(k))).toEqual([]);
  });

  it('sz=5000,2.345,-3 is clamped to 1000 and snapped to the sliders’ 0.1 grid, and the address then says so', () => {
    at('#/stability?sz=5000,2.345,-3');
    vi.useFakeTimers();
    const { store } = renderStability(<OverflowExplorer />);
    expect(store.getState().logits).toEqual([1000, 2.3, -3]);
    act(() => vi.advanceTimersByTime(300));
    expect(query().get('sz')).toBe('1000,2.3,-3');
  });

  it('writes every change, whichever widget made it: a preset in the backward pass, a typed z1, class 2, ε = 0, float32', () => {
    at('#/stability');
    vi.useFakeTimers();
    renderStability(chapter);
    // the backward pass's own preset buttons are the last of the three widgets' rows
    const presets = screen.getAllByRole('button', { name: /^z = \[−1000, 0, 1000\]/ });
    fireEvent.click(presets[presets.length - 1]!);
    const box = screen.getByRole('textbox', { name: 'type logit z3' });
    fireEvent.change(box, { target: { value: '710' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    fireEvent.click(radio('true class 2'));
    fireEvent.click(radio(/^ε = 0/));
    fireEvent.click(radio('float32'));
    act(() => vi.advanceTimersByTime(200));
    expect(window.location.hash).toBe('#/stability');
    act(() => vi.advanceTimersByTime(100));
    expect(Object.fromEntries(query())).toEqual({ sz: '-1000,0,710', sy: '1', eps: '0', prec: 'float32' });

    // back at the chapter's start, the address names none of them
    fireEvent.click(screen.getAllByRole('button', { name: /^z = \[2, 3, 4\]/ })[0]!);
    fireEvent.click(radio('true class 1'));
    fireEvent.click(radio('ε = 10⁻⁸'));
    fireEvent.click(radio('float64'));
    act(() => vi.advanceTimersByTime(300));
    expect(window.location.hash).toBe('#/stability');
  });

  it('a typed logit refused for being out of range leaves the address alone', () => {
    at('#/stability?sz=1,2,3');
    vi.useFakeTimers();
    renderStability(<OverflowExplorer />);
    const box = screen.getByRole('textbox', { name: 'type logit z1' });
    fireEvent.change(box, { target: { value: '2000' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(text('typed-message')).toBe('“2000” is too large: z1 must be a number from −1000 to 1000 in steps of 0.1. z1 stays 1.');
    act(() => vi.advanceTimersByTime(300));
    expect(window.location.hash).toBe('#/stability?sz=1,2,3');
  });

  it('an address changed from outside (a link followed) moves the store: sz=89,0,0 on hashchange', () => {
    at('#/stability');
    const { store } = renderStability(chapter);
    act(() => {
      at('#/stability?sz=89,0,0&prec=float32');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(store.getState().logits).toEqual([89, 0, 0]);
    expect(store.getState().precision).toBe('float32');
    expect(screen.getByTestId('cell-naive-float32').getAttribute('data-finite')).toBe('false');
  });

  it('the chapter’s start is the state’s defaults, and ε’s choices are 10⁻⁴, 10⁻⁸, 10⁻¹² and 0', () => {
    expect(STABILITY_START).toEqual({ logits: [2, 3, 4], label: 0, epsilon: 1e-8, precision: 'float64' });
    expect(EPSILONS).toEqual([1e-4, 1e-8, 1e-12, 0]);
  });
});

describe('the chapter’s widgets each in its own deferred view, as the chapter draws them', () => {
  afterEach(() => vi.useRealTimers());

  it('a logit moved in the overflow explorer commits nothing in the other two until the pause, then both catch up', () => {
    at('#/stability');
    vi.useFakeTimers();
    const commits = { epsilon: 0, fused: 0 };
    const { store } = renderStability(
      <>
        <DeferredView>
          <OverflowExplorer />
        </DeferredView>
        <DeferredView>
          <Profiler id="epsilon" onRender={() => (commits.epsilon += 1)}>
            <EpsilonTrickExplorer />
          </Profiler>
        </DeferredView>
        <DeferredView>
          <Profiler id="fused" onRender={() => (commits.fused += 1)}>
            <FusedBackward />
          </Profiler>
        </DeferredView>
      </>,
    );
    act(() => vi.advanceTimersByTime(PAUSE_MS * 2));
    const before = { ...commits };
    const slider = logitSlider(1);
    act(() => slider.focus());
    for (const z of ['2.1', '2.2', '2.3', '2.4', '2.5']) {
      fireEvent.change(slider, { target: { value: z } });
      act(() => vi.advanceTimersByTime(PAUSE_MS / 4));
    }
    expect(store.getState().logits).toEqual([2.5, 3, 4]);
    expect(commits).toEqual(before);
    act(() => vi.advanceTimersByTime(PAUSE_MS));
    expect(commits.epsilon).toBeGreaterThan(before.epsilon);
    expect(commits.fused).toBeGreaterThan(before.fused);
    expect(screen.getByRole('table', { name: /^∂L\/∂z at z = \[2\.5, 3, 4\]/ })).toBeTruthy();
  });

  it('a widget mounted from #/stability?sz=710,3,4 shows 710 at once, not the chapter’s start until a pause', () => {
    at('#/stability?sz=710,3,4');
    vi.useFakeTimers();
    renderStability(
      <DeferredView>
        <OverflowExplorer />
      </DeferredView>,
    );
    expect(logitSlider(1).value).toBe('710');
    expect(text('overflow-readout')).toMatch(/^z = \[710, 3, 4\]/);
  });
});

describe('the stability widgets in an embed', () => {
  it('OverflowExplorer with lock=sz: sliders, typed fields and presets are disabled, and a bar moved by keyboard goes back', () => {
    at('#/embed/stability/OverflowExplorer?sz=1,2,3&lock=sz');
    const { store } = renderStability(<OverflowExplorer />, embedded([], ['sz']));
    expect(logitSlider(1).matches(':disabled')).toBe(true);
    expect(screen.getByRole('textbox', { name: 'type logit z1' }).matches(':disabled')).toBe(true);
    expect(screen.getByRole('button', { name: /^z = \[89, 0, 0\]/ }).matches(':disabled')).toBe(true);
    expect(radio('true class 2').matches(':disabled')).toBe(false);
    fireEvent.keyDown(screen.getByRole('slider', { name: 'logit z2 bar' }), { key: 'End' });
    expect(store.getState().logits).toEqual([1, 2, 3]);
    expect(text('overflow-readout')).toMatch(/^z = \[1, 2, 3\]/);
  });

  it('OverflowExplorer with hide=sy has no true-class radios; with hide=sz,sy no logit controls at all', () => {
    const first = renderStability(<OverflowExplorer />, embedded(['sy'], []));
    expect(screen.queryAllByRole('radio')).toEqual([]);
    expect(logitSlider(1)).toBeTruthy();
    first.unmount();
    renderStability(<OverflowExplorer />, embedded(['sz', 'sy'], []));
    expect(screen.queryByRole('slider', { name: 'logit z1' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /^z = / })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Logits and the true class' })).toBeNull();
    // the bars still show the logits
    expect(screen.getByRole('slider', { name: 'logit z1 bar' }).getAttribute('aria-valuenow')).toBe('2');
  });

  it('EpsilonTrickExplorer with eps=0&lock=eps and FusedBackward with prec=float32&hide=prec', () => {
    at('#/embed/stability/EpsilonTrickExplorer?eps=0&lock=eps');
    const eps = renderStability(<EpsilonTrickExplorer />, embedded([], ['eps']));
    expect(radio(/^ε = 0/).checked).toBe(true);
    expect(radio('ε = 10⁻⁴').matches(':disabled')).toBe(true);
    expect(eps.store.getState().epsilon).toBe(0);
    eps.unmount();

    at('#/embed/stability/FusedBackward?prec=float32&hide=prec');
    const fused = renderStability(<FusedBackward />, embedded(['prec'], []));
    expect(screen.queryByRole('radio', { name: 'float32' })).toBeNull();
    expect(fused.store.getState().precision).toBe('float32');
    expect(screen.getByRole('table', { name: /in float32$/ })).toBeTruthy();
  });

  it('FusedBackward alone carries the true class and ε in its link (sy=2&eps=0), and hide=sy removes its true-class radios', () => {
    at('#/embed/stability/FusedBackward?sz=-1000,0,1000&sy=2&eps=0');
    const first = renderStability(<FusedBackward />, embedded([], []));
    expect(first.store.getState()).toMatchObject({ logits: [-1000, 0, 1000], label: 2, epsilon: 0 });
    expect(radio('true class 3').checked).toBe(true);
    expect(radio(/^ε = 0/).checked).toBe(true);
    expect(['chain-1', 'chain-2', 'chain-3'].map(text)).toEqual(['NaN', 'NaN', 'NaN']);
    first.unmount();

    at('#/embed/stability/FusedBackward?sy=1&hide=sy');
    const hidden = renderStability(<FusedBackward />, embedded(['sy'], []));
    expect(screen.queryByRole('radio', { name: /^true class/ })).toBeNull();
    expect(screen.queryByRole('group', { name: 'True class' })).toBeNull();
    expect(hidden.store.getState().label).toBe(1);
    expect(screen.getByRole('table', { name: /true class 2/ })).toBeTruthy();
  });
});
