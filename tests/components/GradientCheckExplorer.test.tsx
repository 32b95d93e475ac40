import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { GradientCheckExplorer } from '../../src/widgets/gradientCheck/GradientCheckExplorer';
import { ZeroCases } from '../../src/widgets/gradientCheck/ZeroCases';
import { TestTolerance } from '../../src/widgets/gradientCheck/TestTolerance';
import { GRADIENT_CHECK } from '../../src/core/finiteDifference';
import { renderWithLab } from './renderWithLab';

const value = (id: string) => Number(screen.getByTestId(id).getAttribute('data-value'));
const slider = () => screen.getByRole('slider', { name: 'step h, as a power of ten' });
// By hand: ∂L/∂z₂ at z = [2, 3, 4], y = [0, 1, 0] is p₂ − 1, p₂ = 1 / (e⁻¹ + 1 + e)
const analytic = 1 / (Math.exp(-1) + 1 + Math.exp(1)) - 1;

describe('<GradientCheckExplorer>', () => {
  it('starts at h = 10⁻⁴ on the loss in z₂, four estimates near p₂ − 1, and a plot with four curves', () => {
    const { container } = renderWithLab(<GradientCheckExplorer />);
    expect(screen.getByTestId('h-value').textContent).toBe('h = 10−4.00 = 1.00 × 10⁻⁴');
    expect(Math.abs(value('estimate-central-float64') - analytic)).toBeLessThan(1e-8);
    expect(Math.abs(value('estimate-forward-float64') - analytic)).toBeLessThan(1e-4);
    expect(container.querySelectorAll('path.error-curve').length).toBe(4);
    const plot = screen.getByRole('img', { name: /^Relative error of the finite-difference estimates of ∂L\/∂z2/ });
    expect(plot.getAttribute('aria-label')).toContain('At h = 1.00 × 10⁻⁴: central float64');
    expect(plot.getAttribute('aria-label')).not.toMatch(/NaN|undefined/);
  });

  it('moving the slider to 10⁻⁸ changes the estimates; float32 then returns exactly 0, error 1', () => {
    renderWithLab(<GradientCheckExplorer />);
    const before = value('estimate-central-float64');
    fireEvent.change(slider(), { target: { value: '-8' } });
    expect(screen.getByTestId('h-value').textContent).toBe('h = 10−8.00 = 1.00 × 10⁻⁸');
    expect(value('estimate-central-float64')).not.toBe(before);
    expect(value('estimate-central-float32')).toBe(0);
    expect(value('error-central-float32')).toBe(1);
    expect(screen.queryByTestId('zero-warning')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'float32' }));
    expect(screen.getByTestId('zero-warning').textContent).toContain('x + h rounds back to x = 3.0000000');
    expect(screen.getByTestId('live-formula').getAttribute('aria-label')).toContain('Central difference in float32');
  });

  it('a slider value off the grid is snapped to a quarter decade', () => {
    renderWithLab(<GradientCheckExplorer />);
    fireEvent.change(slider(), { target: { value: '-6.1' } });
    expect(slider().getAttribute('aria-valuetext')).toBe('−6.00');
  });

  it('the logit picker follows the store: z3 at z = [2, 3, 4] with label class 2 has derivative p₃', () => {
    renderWithLab(<GradientCheckExplorer />);
    fireEvent.change(screen.getByLabelText('logit'), { target: { value: '2' } });
    const p3 = 1 / (Math.exp(-2) + Math.exp(-1) + 1);
    expect(Math.abs(value('estimate-central-float64') - p3)).toBeLessThan(1e-8);
    expect(screen.getByTestId('live-formula').getAttribute('aria-label')).toContain('z3');
  });

  it('the network weight: the default W2 weight, then a W1 weight chosen by layer, row and column', () => {
    renderWithLab(<GradientCheckExplorer />);
    fireEvent.click(screen.getByRole('radio', { name: /one weight of a 2-16-3 network/ }));
    expect(screen.getByTestId('live-formula').getAttribute('aria-label')).toMatch(/the weight W2\[\d+, 1\]/);
    expect(value('error-central-float64')).toBeLessThan(1e-6);
    fireEvent.change(screen.getByLabelText('layer'), { target: { value: 'w1' } });
    fireEvent.change(screen.getByLabelText('row'), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('column'), { target: { value: '15' } });
    expect(screen.getByTestId('live-formula').getAttribute('aria-label')).toContain('the weight W1[2, 16]');
  });
});

describe('<ZeroCases>', () => {
  it('each case shows an estimate of exactly 0 and why', () => {
    renderWithLab(<ZeroCases />);
    expect(screen.getByTestId('zero-trace').textContent).toContain('0 (exactly)');
    expect(screen.getByTestId('zero-why').textContent).toContain('Doubles near 3 are 4.44 × 10⁻¹⁶ apart');
    fireEvent.click(screen.getByRole('radio', { name: 'h = 10⁻⁸ in float32' }));
    expect(screen.getByTestId('zero-why').textContent).toContain('float32 numbers near 3 are 2.38 × 10⁻⁷ apart');
    fireEvent.click(screen.getByRole('radio', { name: 'x stored in an Int32Array' }));
    expect(screen.getByTestId('zero-trace').textContent).toContain('estimate (numerator / h)0 (exactly)');
  });
});

describe('<TestTolerance>', () => {
  it("shows the tests' own step and tolerance and passes on every logit of the worked example", () => {
    const { container } = renderWithLab(<TestTolerance />);
    expect(GRADIENT_CHECK.step).toBe(1e-5);
    expect(screen.getByTestId('tolerance-constants').textContent).toBe('Step h = 1.00 × 10⁻⁵, relative tolerance 1 × 10⁻⁶');
    expect(container.querySelectorAll('li[data-ok="true"]').length).toBe(3);
  });

  it('follows the store: four logits give four checks', () => {
    const { container } = renderWithLab(<TestTolerance />, { logits: [1, -2, 0.5, 3], labels: [0, 0, 1, 0] });
    expect(container.querySelectorAll('li[data-ok="true"]').length).toBe(4);
  });
});
