import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { EmbedContext } from '../../../../src/state/embedContext';
import { SaturationExplorer } from '../../../../src/chapters/squared-error-vs-cross-entropy/SaturationExplorer';
import { SATURATION_START, Z_LIMITS } from '../../../../src/chapters/squared-error-vs-cross-entropy/saturationMath';
import { SATURATION_STATE } from '../../../../src/chapters/squared-error-vs-cross-entropy/squaredErrorState';
import { renderWithLab } from '../../renderWithLab';

// By hand: σ(z) = 1/(1 + e^{−z}); squared error's ∂L/∂z = (σ − t)σ(1 − σ), cross-entropy's σ − t.
const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const shown = (v: number) => (v < 0 ? `−${(-v).toFixed(3)}` : v.toFixed(3));
const se = () => screen.getByTestId('se-gradient').textContent;
const ce = () => screen.getByTestId('ce-gradient').textContent;

describe('<SaturationExplorer>', () => {
  it('starts at z = −3, t = 1: squared error (σ − 1)σ(1 − σ), cross-entropy σ − 1', () => {
    renderWithLab(<SaturationExplorer />);
    const s = sigma(-3);
    expect(se()).toBe(`squared error ${shown((s - 1) * s * (1 - s))}`);
    expect(ce()).toBe(`cross-entropy ${shown(s - 1)}`);
    expect(screen.getByText(/The prediction is confidently wrong/)).toBeTruthy();
  });

  it('"logit z" at 0 gives ŷ = ½: squared error −0.125, cross-entropy −0.500, no longer confidently wrong', () => {
    renderWithLab(<SaturationExplorer />);
    fireEvent.change(screen.getByRole('slider', { name: 'logit z' }), { target: { value: '0' } });
    expect(se()).toBe('squared error −0.125');
    expect(ce()).toBe('cross-entropy −0.500');
    expect(screen.queryByText(/confidently wrong\./)).toBeNull();
  });

  it('the t = 0 radio mirrors the gradients: at z = −3 cross-entropy is σ(−3) and positive', () => {
    renderWithLab(<SaturationExplorer />);
    fireEvent.click(screen.getByRole('radio', { name: /^t = 0/ }));
    const s = sigma(-3);
    expect(ce()).toBe(`cross-entropy ${shown(s)}`);
    expect(se()).toBe(`squared error ${shown(s * s * (1 - s))}`);
  });

  it('the plot handle is a slider: ArrowRight and PageUp move z by 0.1 and 1, End to 8', () => {
    renderWithLab(<SaturationExplorer />);
    const handle = screen.getByRole('slider', { name: 'logit z on the plot' });
    fireEvent.keyDown(handle, { key: 'ArrowRight' });
    expect(handle.getAttribute('aria-valuenow')).toBe('-2.9');
    fireEvent.keyDown(handle, { key: 'PageUp' });
    expect(handle.getAttribute('aria-valuenow')).toBe('-1.9');
    fireEvent.keyDown(handle, { key: 'End' });
    expect(handle.getAttribute('aria-valuenow')).toBe('8');
    expect((screen.getByRole('slider', { name: 'logit z' }) as HTMLInputElement).value).toBe('8');
  });

  it('every live check holds at the start and at the edge of the range', () => {
    const { container } = renderWithLab(<SaturationExplorer />);
    const states = () => [...container.querySelectorAll('.checks li')].map((li) => li.getAttribute('data-ok'));
    expect(states()).toEqual(['true', 'true', 'true', 'true']);
    fireEvent.change(screen.getByRole('slider', { name: 'logit z' }), { target: { value: '-8' } });
    expect(states()).toEqual(['true', 'true', 'true', 'true']);
  });

  it('the plot states its numbers in its text alternative, and its curves carry the formula term ids', () => {
    const { container } = renderWithLab(<SaturationExplorer />);
    const label = screen.getByRole('group', { name: /Gradients against the logit z/ }).getAttribute('aria-label') ?? '';
    expect(label).toContain(`cross-entropy's = ${shown(sigma(-3) - 1)}`);
    expect(label).toContain('z below −2.20');
    for (const id of ['dse-dz', 'dce-dz', 'sigma-prime']) expect(container.querySelector(`svg path[data-term="${id}"]`)).not.toBeNull();
    expect(container.textContent).not.toMatch(/NaN/);
  });
});

describe('<SaturationExplorer> in the address (logit, target)', () => {
  const ROUTE = '#/squared-error-vs-cross-entropy';
  const slider = () => screen.getByRole('slider', { name: 'logit z' }) as HTMLInputElement;
  const radio = (t: 0 | 1) => screen.getByRole('radio', { name: new RegExp(`^t = ${t}`) }) as HTMLInputElement;
  afterEach(() => vi.useRealTimers());

  it('SATURATION_STATE repeats the slider’s own range, grid and start (Z_LIMITS, SATURATION_START)', () => {
    const { logit, target } = SATURATION_STATE;
    expect([logit.min, logit.max, logit.step, logit.default]).toEqual([Z_LIMITS.min, Z_LIMITS.max, Z_LIMITS.step, SATURATION_START.z]);
    expect(target.default).toBe(String(SATURATION_START.t));
  });

  it('#…?logit=-1.5&target=0 opens at z = −1.5, t = 0: cross-entropy σ(−1.5), squared error σ²(1 − σ)', () => {
    window.history.replaceState(null, '', `${ROUTE}?logit=-1.5&target=0`);
    renderWithLab(<SaturationExplorer />);
    const s = sigma(-1.5);
    expect(slider().value).toBe('-1.5');
    expect(radio(0).checked).toBe(true);
    expect(ce()).toBe(`cross-entropy ${shown(s)}`);
    expect(se()).toBe(`squared error ${shown(s * s * (1 - s))}`);
    expect(screen.getByTestId('gradient-readout').textContent).toMatch(/^At z = −1\.5 \(ŷ = 0\.182, t = 0\)/);
  });

  it('a refused logit=1e3 and target=2 keep z = −3 and t = 1; logit=12 is clamped to 8', () => {
    window.history.replaceState(null, '', `${ROUTE}?logit=1e3&target=2`);
    const { unmount } = renderWithLab(<SaturationExplorer />);
    expect(slider().value).toBe('-3');
    expect(radio(1).checked).toBe(true);
    unmount();
    window.history.replaceState(null, '', `${ROUTE}?logit=12`);
    renderWithLab(<SaturationExplorer />);
    expect(slider().value).toBe('8');
  });

  it('moving z to 1.5 and choosing t = 0 writes logit=1.5&target=0 once the learner pauses', () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', ROUTE);
    renderWithLab(<SaturationExplorer />);
    fireEvent.change(slider(), { target: { value: '1.5' } });
    fireEvent.click(radio(0));
    act(() => vi.advanceTimersByTime(300));
    const query = new URLSearchParams(window.location.hash.split('?')[1]);
    expect(query.get('logit')).toBe('1.5');
    expect(query.get('target')).toBe('0');
    // back at the start, both keys leave the address: the defaults need none
    fireEvent.change(slider(), { target: { value: '-3' } });
    fireEvent.click(radio(1));
    act(() => vi.advanceTimersByTime(300));
    expect(window.location.hash).toBe(ROUTE);
  });

  it('lock=logit disables the z slider and hide=target removes the t choice; with both hidden no empty box is left', () => {
    window.history.replaceState(null, '', `${ROUTE}?logit=2`);
    const { unmount } = renderWithLab(
      <EmbedContext.Provider value={{ embedded: true, hidden: new Set(['target']), locked: new Set(['logit']) }}>
        <SaturationExplorer />
      </EmbedContext.Provider>,
    );
    // disabled by its fieldset, as a browser and a screen reader see it
    expect(slider().matches(':disabled')).toBe(true);
    expect(slider().value).toBe('2');
    expect(screen.getByRole('group', { name: 'Set by your lecturer' })).toBeTruthy();
    expect(screen.queryByRole('radio')).toBeNull();
    unmount();
    renderWithLab(
      <EmbedContext.Provider value={{ embedded: true, hidden: new Set(['logit', 'target']), locked: new Set() }}>
        <SaturationExplorer />
      </EmbedContext.Provider>,
    );
    expect(screen.queryByRole('slider', { name: 'logit z' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Logit and target' })).toBeNull();
  });
});
