import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { InformationExplorer } from '../../../../src/chapters/information/InformationExplorer';
import { renderWithLab } from '../../renderWithLab';

// The starting state by hand: y = [0, 1, 0], p = [1, e, e²] / (1 + e + e²).
const E = Math.E;
const S = 1 + E + E * E;
const bits = (v: number) => `${v.toFixed(3)} bits`;
const nats = (v: number) => `${v.toFixed(3)} nats`;

const summary = (id: string) => screen.getByTestId(`summary-${id}`).textContent;
const checkStates = () =>
  within(screen.getByRole('list', { name: 'Live checks' }))
    .getAllByRole('listitem')
    .map((li) => li.getAttribute('data-ok'));

describe('<InformationExplorer>', () => {
  it('starts at y = [0, 1, 0], p = softmax([2, 3, 4]): H(y) = 0, H(y, p) = KL = log₂((1 + e + e²)/e) bits', () => {
    renderWithLab(<InformationExplorer />);
    expect(summary('entropy')).toBe('0.000 bits');
    expect(summary('cross-entropy')).toBe(bits(Math.log2(S / E)));
    expect(summary('kl')).toBe(bits(Math.log2(S / E)));
  });

  it('lists −log₂ pᵢ per class: the rarest class carries the most bits', () => {
    renderWithLab(<InformationExplorer />);
    // −log₂ p_i = log₂(S / e^{i})
    [0, 1, 2].forEach((i) => expect(screen.getByTestId(`information-${i + 1}`).textContent).toBe(Math.log2(S / E ** i).toFixed(3)));
  });

  it('the "nats" radio rescales every number by ln 2: H(y, p) = ln((1 + e + e²)/e)', () => {
    renderWithLab(<InformationExplorer />);
    const radio = screen.getByRole('radio', { name: /^nats/ });
    fireEvent.click(radio);
    expect((radio as HTMLInputElement).checked).toBe(true);
    expect(summary('cross-entropy')).toBe(nats(Math.log(S / E)));
    expect(screen.getByRole('table').querySelector('caption')?.textContent).toBe('Information per class, in nats');
  });

  it('"y one-hot at class 3" makes H(y, p) = −log₂ p3 = log₂((1 + e + e²)/e²)', () => {
    const { store } = renderWithLab(<InformationExplorer />);
    fireEvent.click(screen.getByRole('button', { name: 'y one-hot at class 3' }));
    expect(store.getState().labels).toEqual([0, 0, 1]);
    expect(summary('cross-entropy')).toBe(bits(Math.log2(S / (E * E))));
  });

  it('"Make y uniform" gives H(y) = log₂ 3, the most three classes can have', () => {
    renderWithLab(<InformationExplorer />);
    fireEvent.click(screen.getByRole('button', { name: 'Make y uniform' }));
    expect(summary('entropy')).toBe(bits(Math.log2(3)));
  });

  it('"Make p equal y" for a uniform y gives equal logits and KL exactly 0', () => {
    const { store } = renderWithLab(<InformationExplorer />);
    fireEvent.click(screen.getByRole('button', { name: 'Make y uniform' }));
    fireEvent.click(screen.getByRole('button', { name: 'Make p equal y' }));
    expect(store.getState().logits).toEqual([3, 3, 3]);
    expect(summary('kl')).toBe('0.000 bits');
    expect(summary('cross-entropy')).toBe(summary('entropy'));
    expect(screen.getByTestId('match-note').textContent).toContain('KL(y ‖ p) = 0.000 bits.');
  });

  it('"Make p equal y" for a one-hot y gets KL = log₂(1 + 2e⁻²⁰), and says why it is not 0', () => {
    const { store } = renderWithLab(<InformationExplorer />);
    fireEvent.click(screen.getByRole('button', { name: 'Make p equal y' }));
    expect(store.getState().logits).toEqual([-10, 10, -10]);
    // log₂(1 + 2e⁻²⁰) ≈ 2e⁻²⁰ / ln 2 = 5.95 × 10⁻⁹
    const kl = Math.log1p(2 * E ** -20) / Math.LN2;
    expect(kl.toExponential(2)).toBe('5.95e-9');
    expect(summary('kl')).toBe('5.95 × 10⁻⁹ bits');
    expect(screen.getByTestId('match-note').textContent).toMatch(/one-hot.*never reaches it/);
    expect(checkStates().every((s) => s === 'true')).toBe(true);
  });

  it('the note under "Make p equal y" follows the unit: 5.95 × 10⁻⁹ bits, then 4.12 × 10⁻⁹ nats after the switch', () => {
    renderWithLab(<InformationExplorer />);
    fireEvent.click(screen.getByRole('button', { name: 'Make p equal y' }));
    const note = () => screen.getByTestId('match-note').textContent;
    expect(note()).toContain('KL(y ‖ p) = 5.95 × 10⁻⁹ bits.');
    fireEvent.click(screen.getByRole('radio', { name: /^nats/ }));
    // ln(1 + 2e⁻²⁰) = 4.1223 × 10⁻⁹ nats, as the summary beside it says
    expect(Math.log1p(2 * E ** -20).toExponential(2)).toBe('4.12e-9');
    expect(summary('kl')).toBe('4.12 × 10⁻⁹ nats');
    expect(note()).toContain('KL(y ‖ p) = 4.12 × 10⁻⁹ nats.');
    expect(note()).not.toContain('bits');
    fireEvent.click(screen.getByRole('radio', { name: /^bits/ }));
    expect(note()).toContain('KL(y ‖ p) = 5.95 × 10⁻⁹ bits.');
  });

  it('the note goes when the logits move: "Make y uniform", "Make p equal y", then z1 two steps right', () => {
    const { store } = renderWithLab(<InformationExplorer />, { logits: [2, 3, 4] });
    fireEvent.click(screen.getByRole('button', { name: 'Make y uniform' }));
    fireEvent.click(screen.getByRole('button', { name: 'Make p equal y' }));
    expect(screen.getByTestId('match-note').textContent).toContain('KL(y ‖ p) = 0.000 bits.');
    expect(store.getState().logits).toEqual([3, 3, 3]);
    // two steps of the slider (jsdom does not step a range input on its keys; the e2e test does)
    fireEvent.change(screen.getByRole('slider', { name: 'logit z1' }), { target: { value: '3.2' } });
    expect(store.getState().logits).toEqual([3.2, 3, 3]);
    // KL of a uniform y against softmax([z + 0.2, z, z]) = ln((e^0.2 + 2)/3) − 0.2/3 = 0.00457 nats = 0.00659 bits
    const kl = (Math.log((Math.exp(0.2) + 2) / 3) - 0.2 / 3) / Math.LN2;
    expect(summary('kl')).toBe(bits(kl));
    expect(screen.getByTestId('match-note').textContent).toBe('');
  });

  it('the note goes when y changes, and comes back only with the button', () => {
    renderWithLab(<InformationExplorer />);
    fireEvent.click(screen.getByRole('button', { name: 'Make p equal y' }));
    expect(screen.getByTestId('match-note').textContent).not.toBe('');
    fireEvent.keyDown(screen.getByRole('slider', { name: 'target y1 bar' }), { key: 'ArrowUp' });
    expect(screen.getByTestId('match-note').textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Make p equal y' }));
    expect(screen.getByTestId('match-note').textContent).toMatch(/steps of 0\.1/);
  });

  it('every number of the written-out sum shares its term id with a bar: y-i with the target bar, p-i with the prediction bar', async () => {
    const { container } = renderWithLab(<InformationExplorer />, { labels: [0.2, 0.3, 0.5], logits: [2, 3, 4] });
    const formula = screen.getByTestId('live-formula');
    await waitFor(() => expect(formula.querySelector('[data-term="p-3"]')).not.toBeNull());
    const inFormula = [...formula.querySelectorAll('[data-term]')].map((el) => el.getAttribute('data-term'));
    expect(new Set(inFormula)).toEqual(new Set(['y-1', 'y-2', 'y-3', 'p-1', 'p-2', 'p-3']));
    for (const id of inFormula) {
      const bar = container.querySelector(`svg [role="slider"][data-term="${id}"]`);
      expect(bar?.getAttribute('aria-label')).toBe(`${id?.startsWith('y') ? 'target' : 'prediction'} ${id?.replace('-', '')} bar`);
    }
  });

  it('a target y bar answers the keys: End on "target y1 bar" makes y = [1, 0, 0]', () => {
    const { store } = renderWithLab(<InformationExplorer />);
    fireEvent.keyDown(screen.getByRole('slider', { name: 'target y1 bar' }), { key: 'End' });
    expect(store.getState().labels).toEqual([1, 0, 0]);
  });

  it('ArrowUp on "target y1 bar" takes 0.05 from the one-hot class 2: y = [0.05, 0.95, 0]', () => {
    const { store } = renderWithLab(<InformationExplorer />, { labels: [0, 1, 0] });
    fireEvent.keyDown(screen.getByRole('slider', { name: 'target y1 bar' }), { key: 'ArrowUp' });
    // the others share the rest, 0.95, in their old proportions 1 : 0
    const [y1, y2, y3] = store.getState().labels;
    expect(y1).toBeCloseTo(0.05, 15);
    expect(y2).toBeCloseTo(0.95, 15);
    expect(y3).toBe(0);
  });

  it('a prediction p bar sets the logits: Home on "prediction p3 bar" sends z3 to −10 and leaves z1, z2', () => {
    const { store } = renderWithLab(<InformationExplorer />);
    fireEvent.keyDown(screen.getByRole('slider', { name: 'prediction p3 bar' }), { key: 'Home' });
    expect(store.getState().logits).toEqual([2, 3, -10]);
  });

  it('every live check holds at the start and after moving p', () => {
    renderWithLab(<InformationExplorer />);
    expect(checkStates()).toEqual(['true', 'true', 'true', 'true', 'true', 'true']);
    fireEvent.keyDown(screen.getByRole('slider', { name: 'prediction p2 bar' }), { key: 'PageUp' });
    expect(checkStates().every((s) => s === 'true')).toBe(true);
  });

  it('focusing "target y2 bar" lights up y-2 in the formula and the plot', () => {
    const { container, store } = renderWithLab(<InformationExplorer />);
    fireEvent.focus(screen.getByRole('slider', { name: 'target y2 bar' }));
    expect(store.getState().focus).toBe('y-2');
    expect(container.querySelector('style')?.textContent).toContain('[data-term="y-2"]');
    expect(container.querySelector('[data-testid="live-formula"] [data-term="y-2"]')).not.toBeNull();
  });

  it('the plots and the formula state their numbers as text', () => {
    renderWithLab(<InformationExplorer />);
    const p = [1, E, E * E].map((v) => (v / S).toFixed(3));
    expect(screen.getByRole('group', { name: /^target y bars: y1 = 0.000, y2 = 1.000, y3 = 0.000\./ })).toBeTruthy();
    expect(screen.getByRole('group', { name: new RegExp(`^prediction p bars: p1 = ${p[0]}, p2 = ${p[1]}, p3 = ${p[2]}\\.`) })).toBeTruthy();
    expect(screen.getByRole('img', { name: /^Live formula: H\(y, p\) = −Σ y_i log₂ p_i = −\(1.000 × log₂ 0.245\)/ })).toBeTruthy();
  });

  it('"Remove a class" keeps y a distribution and the numbers finite', () => {
    const { store } = renderWithLab(<InformationExplorer />, { labels: [0, 0, 1] });
    fireEvent.click(screen.getByRole('button', { name: 'Remove a class' }));
    expect(store.getState().labels).toEqual([1, 0]);
    for (const id of ['entropy', 'cross-entropy', 'kl']) expect(summary(id)).not.toMatch(/NaN|undefined/);
  });
});
