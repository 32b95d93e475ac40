import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { MultiLabelComparison } from '../../../../src/chapters/binary-cross-entropy/MultiLabelComparison';
import { renderWithLab } from '../../renderWithLab';

const E = Math.E;
const s = (z: number) => 1 / (1 + Math.exp(-z));
const softplus = (x: number) => Math.log(1 + Math.exp(x));

describe('<MultiLabelComparison>', () => {
  it('on z = [2, 3, 4]: the softmax sums to 1, the sigmoids to σ(2) + σ(3) + σ(4)', () => {
    renderWithLab(<MultiLabelComparison />);
    expect(screen.getByTestId('softmax-sum').textContent).toContain('Σ pᵢ = 1.000');
    expect(screen.getByTestId('sigmoid-sum').textContent).toContain(`Σ σ(zᵢ) = ${(s(2) + s(3) + s(4)).toFixed(3)}`);
  });

  it('with y = [0, 1, 0]: one cross-entropy −ln p₂, and one BCE per class', () => {
    renderWithLab(<MultiLabelComparison />);
    // −ln p₂ = −ln(e³ / (e² + e³ + e⁴)) = ln(1 + e + e²) − 1
    expect(screen.getByTestId('multiclass-loss').textContent).toContain(`= ${(Math.log(1 + E + E * E) - 1).toFixed(3)}`);
    // BCE with t = 0 is softplus(z), with t = 1 softplus(−z)
    const perClass = [softplus(2), softplus(-3), softplus(4)];
    expect(screen.getByTestId('multilabel-loss').textContent).toBe(
      `One BCE per class against yᵢ: [${perClass.map((v) => v.toFixed(3)).join(', ')}], in total ${perClass.reduce((a, b) => a + b).toFixed(3)}.`,
    );
  });

  it('raising z1 changes σ(z1) only, but every softmax probability', () => {
    const { container } = renderWithLab(<MultiLabelComparison />);
    const bars = (prefix: string) => [1, 2, 3].map((i) => Number(container.querySelector(`svg [data-term="${prefix}-${i}"]`)?.getAttribute('data-value')));
    const [p0, s0] = [bars('p'), bars('s')];
    fireEvent.change(screen.getByRole('slider', { name: 'logit z1' }), { target: { value: '5' } });
    const [p1, s1] = [bars('p'), bars('s')];
    expect(s1[0]).toBeCloseTo(s(5), 15);
    expect(s1.slice(1)).toEqual(s0.slice(1));
    p1.forEach((p, i) => expect(p).not.toBe(p0[i]));
    expect(screen.getByTestId('softmax-sum').textContent).toContain('Σ pᵢ = 1.000');
  });

  it('the sigmoid bars state their numbers as text', () => {
    renderWithLab(<MultiLabelComparison />);
    expect(
      screen.getByRole('img', { name: `Multi-label: the sigmoid of each logit: σ(z1) = ${s(2).toFixed(3)}, σ(z2) = ${s(3).toFixed(3)}, σ(z3) = ${s(4).toFixed(3)}` }),
    ).toBeTruthy();
  });
});
