import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { SaturationExplorer } from '../../src/widgets/SaturationExplorer';
import { renderWithLab } from './renderWithLab';

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
