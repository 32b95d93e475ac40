import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LossExplorer } from '../../../../src/chapters/pytorch-loss/LossExplorer';
import { BceExplorer } from '../../../../src/chapters/pytorch-loss/BceExplorer';
import { WeightedMeanOpener } from '../../../../src/chapters/pytorch-loss/WeightedMeanOpener';
import { WeightBugExercise, WeightedMeanExercise } from '../../../../src/chapters/pytorch-loss/PytorchLossExercises';
import { createProgressStore, ProgressProvider } from '../../../../src/state/progressStore';
import { renderWithLab } from '../../renderWithLab';

const at = (hash: string) => window.history.replaceState(null, '', hash);
const query = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');
const text = (id: string) => (screen.getByTestId(id).textContent ?? '').replace(/\s+/g, ' ').trim();
const cell = (name: string) => screen.getByRole('slider', { name });

afterEach(() => {
  vi.useRealTimers();
  at('#/');
});

describe('<LossExplorer>', () => {
  it('starts at the plain mean of the three samples: L = 0.704, (0.241 + 0.464 + 1.408) / 3', () => {
    at('#/pytorch-loss');
    renderWithLab(<LossExplorer />);
    expect(text('loss-readout')).toBe('L = 0.704');
    expect(text('denominator-text')).toBe(
      'mean = Σ ℓₙ / the number of samples that are not ignored = (0.241 + 0.464 + 1.408) / (1 + 1 + 1) = 2.113 / 3 = 0.704.',
    );
    expect(screen.getByRole('table', { name: /^Gradient ∂L\/∂z/ })).toBeTruthy();
    expect(screen.getByTestId('nll-check').textContent).toMatch(/the same loss in two steps/);
  });

  it('a logit cell steps with the arrow keys and Page Up, and the loss and the address follow', () => {
    at('#/pytorch-loss');
    vi.useFakeTimers();
    renderWithLab(<LossExplorer />);
    const z00 = cell('logit z[0, 0]');
    fireEvent.keyDown(z00, { key: 'ArrowUp' });
    expect(z00.getAttribute('aria-valuenow')).toBe('2.1');
    fireEvent.keyDown(z00, { key: 'PageDown' });
    expect(z00.getAttribute('aria-valuenow')).toBe('1.1');
    // sample 0's loss: −ln softmax([1.1, 0.5, −1])₀, by hand
    const byHand = -Math.log(Math.exp(1.1) / (Math.exp(1.1) + Math.exp(0.5) + Math.exp(-1)));
    expect(text('sample-loss-0')).toBe(byHand.toFixed(3));
    // focusing a cell selects it for the slider below the grid
    fireEvent.focus(cell('logit z[2, 1]'));
    expect(screen.getByRole('slider', { name: 'selected logit z[2, 1]' })).toBeTruthy();
    act(() => vi.advanceTimersByTime(300));
    expect(query().get('lz')).toBe('1.1,0.5,-1,0,1.5,0.5,1,0,2');
  });

  it('a pointer drag up a cell raises its logit by 0.1 every 4 px', () => {
    at('#/pytorch-loss');
    renderWithLab(<LossExplorer />);
    const z11 = cell('logit z[1, 1]');
    fireEvent.pointerDown(z11, { clientY: 100, pointerId: 1 });
    fireEvent.pointerMove(z11, { clientY: 60, pointerId: 1 });
    fireEvent.pointerUp(z11, { pointerId: 1 });
    expect(z11.getAttribute('aria-valuenow')).toBe('2.5');
  });

  it('"Every sample ignored" says PyTorch returns nan (0 / 0) in words, and the widget shows no NaN anywhere', () => {
    at('#/pytorch-loss');
    renderWithLab(<LossExplorer />);
    fireEvent.click(screen.getByRole('button', { name: 'Every sample ignored' }));
    expect(text('loss-readout')).toBe('No number: every sample is ignored: PyTorch returns nan here (0 / 0).');
    const widget = screen.getByRole('region', { name: 'nn.CrossEntropyLoss, option by option' });
    expect(widget.textContent).not.toMatch(/NaN|undefined/);
    // PyTorch's gradient there: zeros
    expect(within(screen.getByRole('table', { name: /^Gradient/ })).getAllByRole('button').map((b) => b.textContent)).toEqual(Array(9).fill('0.000'));
    expect(text('gradient-check')).toBe('No finite-difference check: the loss itself is 0 / 0.');
  });

  it('"Weighted mean" shows the denominator 2 + 0.5 + 2 = 4.5 and L = 0.784; the weight cells step with the keys', () => {
    at('#/pytorch-loss');
    renderWithLab(<LossExplorer />);
    fireEvent.click(screen.getByRole('button', { name: 'Weighted mean' }));
    expect(text('loss-readout')).toBe('L = 0.784');
    expect(text('denominator-text')).toMatch(/= \(0\.483 \+ 0\.232 \+ 2\.815\) \/ \(2 \+ 0\.5 \+ 2\) = 3\.530 \/ 4\.5 = 0\.784\.$/);
    const w1 = cell('weight w[1]');
    fireEvent.keyDown(w1, { key: 'ArrowUp' });
    fireEvent.keyDown(w1, { key: 'ArrowUp' });
    fireEvent.keyDown(w1, { key: 'ArrowUp' });
    fireEvent.keyDown(w1, { key: 'ArrowUp' });
    fireEvent.keyDown(w1, { key: 'ArrowUp' });
    expect(w1.getAttribute('aria-valuenow')).toBe('1');
    expect(text('denominator-text')).toMatch(/\/ \(2 \+ 1 \+ 2\) = /);
  });

  it('options: reduction sum and none, a target set to ignore_index, probability rows', () => {
    at('#/pytorch-loss');
    renderWithLab(<LossExplorer />);
    fireEvent.click(screen.getByRole('radio', { name: "'sum'" }));
    expect(text('loss-readout')).toBe('L = 2.113');
    fireEvent.change(screen.getByRole('combobox', { name: 'target of sample 1' }), { target: { value: '-100' } });
    expect(text('sample-loss-1')).toBe('0.000');
    fireEvent.click(screen.getByRole('radio', { name: "'none'" }));
    expect(text('loss-readout')).toMatch(/^reduction='none' returns 3 losses, one per sample/);
    fireEvent.click(screen.getByRole('radio', { name: 'probability rows' }));
    expect(screen.getByRole('slider', { name: 'target probability y[0, 0]' }).getAttribute('aria-valuenow')).toBe('0.8');
    // ignore_index does not apply to probability rows: it is disabled and says why
    expect(screen.getByRole('combobox', { name: /ignore_index/ })).toHaveProperty('disabled', true);
  });

  it('a typed logit that is not a number or out of range is refused with a message; the last good value stays', () => {
    at('#/pytorch-loss');
    renderWithLab(<LossExplorer />);
    const box = screen.getByRole('textbox', { name: 'type logit z[0, 0]' });
    fireEvent.change(box, { target: { value: 'abc' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(text('typed-message')).toBe('“abc” is not a number: z[0, 0] must be a number from −10 to 10 in steps of 0.1. z[0, 0] stays 2.');
    fireEvent.change(box, { target: { value: '11' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(text('typed-message')).toMatch(/^“11” is too large/);
    expect(cell('logit z[0, 0]').getAttribute('aria-valuenow')).toBe('2');
    fireEvent.change(box, { target: { value: '−3.5' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(cell('logit z[0, 0]').getAttribute('aria-valuenow')).toBe('-3.5');
  });

  it('reads its whole state from the address, and names what in a link does not fit the batch', () => {
    at('#/pytorch-loss?n=2&c=2&lz=1,0,0,1&ti=0,-100&red=sum');
    renderWithLab(<LossExplorer />);
    // sum of −ln softmax([1, 0])₀ and the ignored sample's 0
    expect(text('loss-readout')).toBe(`L = ${Math.log(1 + Math.exp(-1)).toFixed(3)}`);
    // the lists the link left out (tp, w: made for 3 × 3) are fitted to 2 × 2 in silence
    expect(screen.queryByTestId('batch-problems')).toBeNull();
  });

  it('a link whose logits do not fill the batch keeps a consistent batch and says so', () => {
    at('#/pytorch-loss?n=2&c=2&lz=1,0,0,1,5&ti=0,7');
    renderWithLab(<LossExplorer />);
    expect(text('batch-problems')).toBe(
      'The link’s batch did not fit together: lz has 5 logits, but 2 samples × 2 classes need 4: the missing ones are 0. ti: sample 1 has target 7, which is neither a class nor ignore_index: it is class 0.',
    );
    expect(cell('logit z[1, 1]').getAttribute('aria-valuenow')).toBe('1');
    expect((screen.getByRole('combobox', { name: 'target of sample 1' }) as HTMLSelectElement).value).toBe('0');
  });

  it('always shows, under the result, the PyTorch call with only the non-default options and the NumPy lines, following every option', () => {
    at('#/pytorch-loss');
    renderWithLab(<LossExplorer />);
    const torch = () => text('torch-call');
    const numpy = () => screen.getByTestId('numpy-lines').textContent ?? '';
    expect(torch()).toBe('loss = nn.CrossEntropyLoss()(z, t)');
    expect(numpy()).toContain('loss = losses.sum() / kept.sum()');
    expect(numpy()).not.toContain('w = np.array');
    // weight on: the tensor, and the weighted denominator
    fireEvent.click(screen.getByRole('checkbox', { name: /^weight/ }));
    expect(torch()).toBe('loss = nn.CrossEntropyLoss( weight=torch.tensor([1.0, 1.0, 1.0], dtype=torch.float64), )(z, t)');
    fireEvent.keyDown(cell('weight w[0]'), { key: 'ArrowUp' });
    expect(torch()).toContain('torch.tensor([1.1, 1.0, 1.0]');
    expect(numpy()).toContain('w = np.array([1.1, 1.0, 1.0])');
    expect(numpy()).toContain('loss = losses.sum() / w[t[kept]].sum()');
    // reduction, smoothing and ignore_index, each as it is set
    fireEvent.click(screen.getByRole('radio', { name: "'sum'" }));
    expect(torch()).toContain("reduction='sum'");
    expect(numpy()).toContain('loss = losses.sum()');
    fireEvent.change(screen.getByRole('slider', { name: /label_smoothing/ }), { target: { value: '0.05' } });
    expect(torch(), torch()).toMatch(/label_smoothing=0\.05, \)\(z, t\)$/);
    expect(numpy()).toContain('Y = (1 - 0.05) * Y + 0.05 / C * kept[:, None]');
    fireEvent.change(screen.getByRole('combobox', { name: /ignore_index/ }), { target: { value: '2' } });
    expect(torch()).toContain('ignore_index=2');
    expect(numpy()).toContain('kept = t != 2');
    // probability rows: no ignore_index in the call, rows Y, divided by N
    fireEvent.click(screen.getByRole('radio', { name: "'mean'" }));
    fireEvent.click(screen.getByRole('radio', { name: 'probability rows' }));
    expect(torch()).not.toContain('ignore_index');
    expect(numpy()).toContain('loss = losses.mean()');
    expect(numpy()).not.toContain('kept');
    expect(text('ignore-index-note')).toMatch(/^PyTorch refuses a non-negative ignore_index with probability rows/);
  });

  it('with smoothing and kept classes that weigh 0 says nan from the nll part, and shows no gradient', () => {
    at('#/pytorch-loss?wt=1&w=0,0.5,1&ti=0,0,0&sm=0.2');
    renderWithLab(<LossExplorer />);
    expect(text('loss-readout')).toBe('No number: the weights of the kept samples’ classes add up to 0: PyTorch returns nan here (its nll part is 0 / 0).');
    expect(screen.getByTestId('gradient-undefined')).toBeTruthy();
    expect(text('gradient-check')).toBe('No finite-difference check: the loss itself is nan (its nll part is 0 / 0).');
    expect(screen.getByRole('region', { name: 'nn.CrossEntropyLoss, option by option' }).textContent).not.toMatch(/NaN|Infinity|∞/);
  });

  it('"Copy as NumPy" shows the program for the options on screen', async () => {
    at('#/pytorch-loss');
    renderWithLab(<LossExplorer />);
    fireEvent.click(screen.getByRole('button', { name: 'Weighted mean' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy as NumPy' }));
    // the programs load on the first press
    const code = (await screen.findByRole('region', { name: /NumPy program for nn.CrossEntropyLoss/ })).textContent ?? '';
    expect(code).toContain('w = np.array([2.0, 0.5, 1.0])');
    expect(code).toContain('denominator = w[t[kept]].sum()');
  });
});

describe('<BceExplorer>', () => {
  it('divides by N = 4 whatever pos_weight is: 0.616 at 1, 1.336 at 3', () => {
    at('#/pytorch-loss');
    renderWithLab(<BceExplorer />);
    expect(text('bce-readout')).toBe('L = Σ ℓₙ / N = 2.463 / 4 = 0.616: divided by N = 4, whatever pos_weight is.');
    fireEvent.change(screen.getByRole('slider', { name: 'pos_weight' }), { target: { value: '3' } });
    expect(text('bce-readout')).toMatch(/^L = Σ ℓₙ \/ N = 5\.343 \/ 4 = 1\.336/);
    // −ln σ(2) tripled, by hand
    expect(text('bce-loss-0')).toBe((3 * Math.log1p(Math.exp(-2))).toFixed(3));
  });

  it('a logit and a target step with the keys; the reduction is a radio group', () => {
    at('#/pytorch-loss');
    renderWithLab(<BceExplorer />);
    fireEvent.keyDown(cell('target y[2]'), { key: 'End' });
    expect(cell('target y[2]').getAttribute('aria-valuenow')).toBe('1');
    fireEvent.keyDown(cell('logit x[3]'), { key: 'Home' });
    expect(cell('logit x[3]').getAttribute('aria-valuenow')).toBe('-10');
    fireEvent.click(screen.getByRole('radio', { name: "'none'" }));
    expect(text('bce-readout')).toMatch(/^reduction='none' returns 4 losses/);
  });
});

describe('the opener and the exercises', () => {
  it('the opener: sliding w[0] to 1 makes the weighted mean 0.985 = (0.241 + 0.232 + 1.408) / 2.5, the sum over N 0.627', () => {
    at('#/pytorch-loss');
    renderWithLab(<WeightedMeanOpener />);
    expect(text('opener-mean')).toBe('0.784');
    fireEvent.change(screen.getByRole('slider', { name: 'weight of class 0 in the opening figure' }), { target: { value: '1' } });
    const sum = 0.241311 + 0.5 * 0.464369 + 1.407606;
    expect(text('opener-mean')).toBe((sum / 2.5).toFixed(3));
    expect(text('opener-over-n')).toBe((sum / 3).toFixed(3));
  });

  it('both exercises render their seeded prompt with a field or choices', () => {
    at('#/pytorch-loss');
    renderWithLab(
      <ProgressProvider store={createProgressStore(null)}>
        <WeightedMeanExercise />
        <WeightBugExercise />
      </ProgressProvider>,
    );
    expect(screen.getAllByText(/nn.CrossEntropyLoss\(weight=w\)/).length).toBeGreaterThan(1);
    expect(screen.getByRole('radio', { name: 'loss = (w[t] * nll).sum() / w[t].sum()' })).toBeTruthy();
  });
});

describe('formula ↔ table linking', () => {
  it('pointing at a sample lights up that sample in the batch, the per-sample table and the fraction (one term id)', () => {
    at('#/pytorch-loss');
    const { container } = renderWithLab(<LossExplorer />);
    const row = within(screen.getByRole('table', { name: /^ℓₙ per sample/ })).getAllByRole('row')[3]!;
    expect(row.getAttribute('data-term')).toBe('ptl-s-2');
    fireEvent.pointerOver(row);
    const rule = container.querySelector('style')?.textContent ?? '';
    expect(rule).toContain('[data-term="ptl-s-2"]');
    // the same id is on sample 2's row of logits, and on its ℓ and its weight in the fraction's TeX
    expect(container.querySelectorAll('.batch-table [data-term="ptl-s-2"]')).toHaveLength(1);
  });
});
