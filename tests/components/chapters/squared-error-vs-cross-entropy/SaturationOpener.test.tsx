import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { SaturationOpener } from '../../../../src/chapters/squared-error-vs-cross-entropy/SaturationOpener';
import { SaturationExplorer } from '../../../../src/chapters/squared-error-vs-cross-entropy/SaturationExplorer';
import { renderWithLab } from '../../renderWithLab';

// By hand, for t = 1: ŷ = σ(z) = 1/(1 + e^{−z}); cross-entropy's ∂L/∂z = σ − 1, squared error's (σ − 1)σ(1 − σ).
const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const ceGrad = (z: number) => sigma(z) - 1;
const seGrad = (z: number) => (sigma(z) - 1) * sigma(z) * (1 - sigma(z));
const shown = (v: number) => (v < 0 ? `−${(-v).toFixed(3)}` : v.toFixed(3));

const handle = () => screen.getByRole('slider', { name: 'logit z in the opening plot' });
const shownGradient = (container: HTMLElement, loss: 'cross-entropy' | 'squared-error') =>
  container.querySelector(`.opener-readout .legend-${loss}`)?.textContent;

describe('<SaturationOpener>', () => {
  it('is a figure named "Two gradients at a glance" whose first control is the plot’s z handle', () => {
    renderWithLab(<SaturationOpener />);
    const figure = screen.getByRole('figure', { name: 'Two gradients at a glance' });
    const first = figure.querySelector('[tabindex="0"], input, button');
    expect(first).toBe(handle());
    expect(first?.getAttribute('role')).toBe('slider');
  });

  it('starts at z = −3 with both gradients of t = 1 in its readout and its text alternative', () => {
    const { container } = renderWithLab(<SaturationOpener />);
    expect(shownGradient(container, 'cross-entropy')).toBe(`cross-entropy ${shown(ceGrad(-3))}`);
    expect(shownGradient(container, 'squared-error')).toBe(`squared error ${shown(seGrad(-3))}`);
    const plot = screen.getByRole('group', { name: /^Both gradients/ });
    expect(plot.getAttribute('aria-label')).toContain(`cross-entropy's = ${shown(ceGrad(-3))}`);
    expect(plot.getAttribute('aria-label')).toContain(`squared error's = ${shown(seGrad(-3))}`);
  });

  it('its text alternative states ŷ = σ(−3) = 0.047 and the shaded edge z = ln(1/9) = −2.20 at the start', () => {
    renderWithLab(<SaturationOpener />);
    // σ(−3) = 1/(1 + e³) = 0.04743; the region is where ŷ < 0.1, i.e. z < ln(0.1/0.9) = −ln 9 = −2.1972
    expect(sigma(-3).toFixed(3)).toBe('0.047');
    expect(Math.log(1 / 9).toFixed(2)).toBe('-2.20');
    expect(screen.getByRole('group', { name: /^Both gradients/ }).getAttribute('aria-label')).toBe(
      'Both gradients ∂L/∂z against the logit z from −8 to 8 for t = 1: ' +
        `at z = −3.0, ŷ = 0.047, cross-entropy's = ${shown(ceGrad(-3))}, squared error's = ${shown(seGrad(-3))}. ` +
        'Shaded: the confidently wrong region, z below −2.20.',
    );
  });

  it('as its caption says, cross-entropy’s gradient is near −1 even at the shaded edge: ŷ − 1 = −0.9 at z = ln(1/9), −0.900 at z = −2.2', () => {
    const { container } = renderWithLab(<SaturationOpener />);
    // eight steps of 0.1 right from −3: z = −2.2, the last grid point left of the edge −2.197
    for (let i = 0; i < 8; i++) fireEvent.keyDown(handle(), { key: 'ArrowRight' });
    expect(handle().getAttribute('aria-valuenow')).toBe('-2.2');
    // at the edge itself σ(ln(1/9)) = 1/(1 + 9) = 0.1, so ŷ − 1 = −0.9: within 0.1 of −1 everywhere in the region
    expect(ceGrad(Math.log(1 / 9))).toBeCloseTo(-0.9, 14);
    // at −2.2: 1/(1 + e^2.2) − 1 = −0.90025, inside the region and still near −1 …
    expect(ceGrad(-2.2)).toBeLessThan(-0.9);
    expect(shownGradient(container, 'cross-entropy')).toBe('cross-entropy −0.900');
    // … while squared error's, (ŷ − 1)ŷ(1 − ŷ) = −0.081 there, is already under a tenth of it
    expect(shownGradient(container, 'squared-error')).toBe('squared error −0.081');
    // one step more leaves the shaded region, where ŷ > 0.1
    fireEvent.keyDown(handle(), { key: 'ArrowRight' });
    expect(sigma(-2.1)).toBeGreaterThan(0.1);
    expect(handle().getAttribute('aria-valuenow')).toBe('-2.1');
  });

  it('PageDown deeper into the shaded region: cross-entropy stays near −1 while squared error fades to 0', () => {
    const { container } = renderWithLab(<SaturationOpener />);
    let previous = Math.abs(seGrad(-3));
    for (const z of [-4, -5, -6, -7, -8]) {
      fireEvent.keyDown(handle(), { key: 'PageDown' });
      expect(handle().getAttribute('aria-valuenow')).toBe(String(z));
      // the caption's claim, from the closed forms: σ − 1 within 0.1 of −1, and the squared error's shrinking
      expect(Math.abs(ceGrad(z) + 1)).toBeLessThan(0.1);
      expect(Math.abs(seGrad(z))).toBeLessThan(previous);
      previous = Math.abs(seGrad(z));
      expect(shownGradient(container, 'cross-entropy')).toBe(`cross-entropy ${shown(ceGrad(z))}`);
    }
    // σ(−8) = 1/(1 + e⁸) ≈ 3.35 × 10⁻⁴, so squared error's gradient −σ(1 − σ)² ≈ −3.35 × 10⁻⁴
    expect(seGrad(-8)).toBeCloseTo(-3.35e-4, 6);
    expect(shownGradient(container, 'squared-error')).toBe('squared error −3.35 × 10⁻⁴');
    expect(shownGradient(container, 'cross-entropy')).toBe('cross-entropy −1.000');
  });

  it('Home and End stop at the plot’s ends, z = −8 and z = 8, where the point is classified right', () => {
    const { container } = renderWithLab(<SaturationOpener />);
    fireEvent.keyDown(handle(), { key: 'End' });
    expect(handle().getAttribute('aria-valuenow')).toBe('8');
    // σ(8) ≈ 0.99966: cross-entropy's gradient σ − 1 ≈ −3.35 × 10⁻⁴
    expect(shownGradient(container, 'cross-entropy')).toBe('cross-entropy −3.35 × 10⁻⁴');
    fireEvent.keyDown(handle(), { key: 'Home' });
    expect(handle().getAttribute('aria-valuenow')).toBe('-8');
  });

  it('keeps its own z: the explorer below, whose z lives in the address, does not move with it', () => {
    renderWithLab(
      <>
        <SaturationOpener />
        <SaturationExplorer />
      </>,
    );
    const hash = window.location.hash;
    fireEvent.keyDown(handle(), { key: 'Home' });
    expect(handle().getAttribute('aria-valuenow')).toBe('-8');
    expect(screen.getByRole('slider', { name: 'logit z on the plot' }).getAttribute('aria-valuenow')).toBe('-3');
    expect(screen.getByTestId('ce-gradient').textContent).toBe(`cross-entropy ${shown(ceGrad(-3))}`);
    expect(window.location.hash).toBe(hash);
  });
});
