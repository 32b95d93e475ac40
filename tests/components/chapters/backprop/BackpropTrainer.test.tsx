import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render as renderAlone, screen, waitFor } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import userEvent from '@testing-library/user-event';
import { createWorkspace, forward, initNetwork, trainStep, type Activation, type BatchReduction } from '../../../../src/core/network';
import { makeDataset, type DatasetKind } from '../../../../src/core/datasets';
import { EmbedContext } from '../../../../src/state/embedContext';
import { createBackpropStore, shapeOf, type BackpropStore } from '../../../../src/chapters/backprop/backpropStore';
import { BackpropProvider } from '../../../../src/chapters/backprop/BackpropContext';
import { KeptStoresProvider } from '../../../../src/state/keptStores';
import { BackpropTrainer } from '../../../../src/chapters/backprop/BackpropTrainer';
import { BackpropWeights } from '../../../../src/chapters/backprop/BackpropWeights';
import { inlineTrainer } from '../../../../src/chapters/backprop/trainingLoop';

// jsdom has no 2-D canvas: the regions are not painted, everything else runs.
vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);

/** The chapter's store for this test: each test starts from a fresh run. */
let backpropStore: BackpropStore = createBackpropStore();
const InRun = ({ children }: { children: ReactNode }) => <BackpropProvider store={backpropStore}>{children}</BackpropProvider>;
const render = (ui: ReactElement) => renderAlone(ui, { wrapper: InRun });

beforeEach(() => {
  backpropStore = createBackpropStore();
});

const shownStep = () => Number(screen.getByTestId('bp-step').textContent);
const shownLoss = () => Number(screen.getByTestId('bp-loss').getAttribute('data-value'));
const regionsLabel = () => screen.getByRole('img', { name: /^Decision regions/ }).getAttribute('aria-label') ?? '';

/** The reference run: the core alone, on the chapter's starting data (blobs, 150 points, data seed 1). */
function coreLossAfter(steps: number, seed = 1, hidden = 16) {
  const data = makeDataset('blobs', 150, 1);
  const net = initNetwork(shapeOf(hidden, 'relu'), seed);
  const ws = createWorkspace(net.shape, 150);
  for (let s = 0; s < steps; s++) trainStep(net, data.x, data.labels, 150, ws, 0.3, 'mean');
  return { net, loss: forward(net, data.x, data.labels, 150, ws, 'mean') };
}

const renderTrainer = () => render(<BackpropTrainer trainer={inlineTrainer} />);

interface CoreRun {
  kind: DatasetKind;
  seed: number;
  hidden: number;
  activation: Activation;
  lr: number;
  reduction: BatchReduction;
  steps: number;
}

/** A link's run done by the core alone: the loss of the weights after `steps` trainSteps. */
function coreRunLoss({ kind, seed, hidden, activation, lr, reduction, steps }: CoreRun) {
  const data = makeDataset(kind, 150, 1);
  const net = initNetwork(shapeOf(hidden, activation), seed);
  const ws = createWorkspace(net.shape, 150);
  for (let s = 0; s < steps; s++) trainStep(net, data.x, data.labels, 150, ws, lr, reduction);
  return forward(net, data.x, data.labels, 150, ws, reduction);
}

const slider = (name: string) => screen.getByRole('slider', { name }) as HTMLInputElement;
const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement | HTMLSelectElement;
const hashQuery = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');

function renderEmbedded(hidden: string[], locked: string[]) {
  return render(
    <EmbedContext.Provider value={{ embedded: true, hidden: new Set(hidden), locked: new Set(locked) }}>
      <BackpropTrainer trainer={inlineTrainer} />
    </EmbedContext.Provider>,
  );
}

describe('<BackpropTrainer>', () => {
  it('starts at step 0 showing the loss of the seed-1 weights on the 150 blob points', async () => {
    renderTrainer();
    expect(shownStep()).toBe(0);
    await waitFor(() => expect(shownLoss()).toBe(coreLossAfter(0).loss));
    expect(regionsLabel()).toContain('150 points: 50 of class 1, 50 of class 2, 50 of class 3');
    for (const name of ['Play', 'Step', 'Replay', 'Reset', 'Download weights (JSON)']) expect(screen.getByRole('button', { name })).toBeTruthy();
  });

  it('Step takes one gradient step: the loss is the core’s after one trainStep', async () => {
    renderTrainer();
    await waitFor(() => expect(shownLoss()).toBeGreaterThan(0));
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    await waitFor(() => expect(shownStep()).toBe(1));
    await waitFor(() => expect(shownLoss()).toBe(coreLossAfter(1).loss));
  });

  it('the hidden-units slider rebuilds the network with H units and the formula says so', async () => {
    renderTrainer();
    fireEvent.change(screen.getByRole('slider', { name: 'hidden units H' }), { target: { value: '5' } });
    expect(backpropStore.getState().network.shape.hidden).toBe(5);
    await waitFor(() => expect(screen.getByTestId('bp-formula').getAttribute('aria-label')).toContain('W1 is 2 by 5, A1 is 150 by 5, W2 is 5 by 3'));
    await waitFor(() => expect(shownLoss()).toBe(coreLossAfter(0, 1, 5).loss));
  });

  describe('the seed field', () => {
    const seedRange = 'the seed must be a whole number from 0 to 99999.';
    const seedField = () => screen.getByRole('textbox', { name: 'Seed of the initial weights' }) as HTMLInputElement;
    /** the initial weights W₁ are the core's for this seed: what the seed drives, not just the field's text */
    const w1IsSeed = (seed: number) =>
      expect(Array.from(backpropStore.getState().network.params.w1)).toEqual(Array.from(initNetwork(shapeOf(16, 'relu'), seed).params.w1));

    it('typing 1e309 key by key leaves the text as typed; Enter refuses it as too large and the weights keep seed 1', async () => {
      const user = userEvent.setup();
      renderTrainer();
      await user.clear(seedField());
      let typed = '';
      for (const key of '1e309') {
        await user.keyboard(key);
        typed += key;
        expect(seedField().value).toBe(typed);
        expect(backpropStore.getState().initialSeed).toBe(1);
      }
      expect(screen.queryByRole('alert')).toBeNull();
      await user.keyboard('{Enter}');
      expect(screen.getByRole('alert').textContent).toBe(`“1e309” is too large: ${seedRange} The network keeps seed 1.`);
      // the message is read with the field it refuses
      const describedBy = seedField().getAttribute('aria-describedby');
      expect(describedBy && document.getElementById(describedBy)).toBe(screen.getByRole('alert'));
      expect(seedField().value).toBe('1');
      expect(backpropStore.getState().initialSeed).toBe(1);
      w1IsSeed(1);
    });

    it('a refused seed\'s message goes when Reset moves the network to the next seed, since it names the seed kept', async () => {
      const user = userEvent.setup();
      renderTrainer();
      await user.clear(seedField());
      await user.type(seedField(), '1e309{Enter}');
      expect(screen.getByRole('alert').textContent).toBe(`“1e309” is too large: ${seedRange} The network keeps seed 1.`);
      await user.click(screen.getByRole('button', { name: 'Reset' }));
      expect(backpropStore.getState().initialSeed).toBe(2);
      expect(screen.queryByRole('alert')).toBeNull();
      expect(seedField().getAttribute('aria-describedby')).toBeNull();
    });

    it.each([
      ['2.5', `“2.5” is not a whole number: ${seedRange}`],
      ['1,5', `“1,5” is not a number: ${seedRange}`],
      ['0x10', `“0x10” is not a number: ${seedRange}`],
      ['99999999', `“99999999” is too large: ${seedRange}`],
      ['-4', `“-4” is too small: ${seedRange}`],
    ])('%s on Enter is refused with a message naming it and the range; the weights keep seed 3', async (typed, why) => {
      const user = userEvent.setup();
      act(() => backpropStore.getState().setInitialSeed(3));
      renderTrainer();
      await user.clear(seedField());
      await user.type(seedField(), `${typed}{Enter}`);
      expect(screen.getByRole('alert').textContent).toBe(`${why} The network keeps seed 3.`);
      expect(seedField().value).toBe('3');
      w1IsSeed(3);
    });

    it('a whole number in range is taken when the field is left (Tab): seed 7’s weights, and the message goes', async () => {
      const user = userEvent.setup();
      renderTrainer();
      await user.clear(seedField());
      await user.type(seedField(), '2.5{Enter}');
      expect(screen.getByRole('alert')).toBeTruthy();
      await user.clear(seedField());
      await user.type(seedField(), '7');
      w1IsSeed(1);
      await user.tab();
      expect(seedField().value).toBe('7');
      expect(backpropStore.getState().initialSeed).toBe(7);
      w1IsSeed(7);
      expect(screen.queryByRole('alert')).toBeNull();
    });

    it('Escape drops what was typed: the field shows seed 1 again and leaving it changes nothing', async () => {
      const user = userEvent.setup();
      renderTrainer();
      await user.clear(seedField());
      await user.type(seedField(), '42{Escape}');
      expect(seedField().value).toBe('1');
      await user.tab();
      expect(backpropStore.getState().initialSeed).toBe(1);
      expect(screen.queryByRole('alert')).toBeNull();
    });
  });

  it('the learning-rate slider moves on a log scale from 0.0010 to 10', () => {
    renderTrainer();
    const lr = screen.getByRole('slider', { name: 'learning rate η (logarithmic slider)' });
    fireEvent.change(lr, { target: { value: '1' } });
    expect(backpropStore.getState().learningRate).toBe(10);
    expect(lr.getAttribute('aria-valuetext')).toBe('10');
    fireEvent.change(lr, { target: { value: '-3' } });
    expect(backpropStore.getState().learningRate).toBeCloseTo(0.001, 15);
    expect(lr.getAttribute('aria-valuetext')).toBe('0.0010');
  });

  it('the points from the keyboard: an arrow key moves the selected point by 0.05 (to a link’s 0.001), Delete removes it', () => {
    renderTrainer();
    const points = screen.getByRole('slider', { name: /The selected point/ });
    const x0 = backpropStore.getState().dataset.x[0] as number;
    fireEvent.keyDown(points, { key: 'ArrowRight' });
    const x = backpropStore.getState().dataset.x[0] as number;
    // an edited set is the learner's own, kept to the 3 decimals a link writes: at most 0.0005 off
    expect(x).toBeCloseTo(x0 + 0.05, 3);
    expect(Math.round(x * 1000) / 1000).toBe(x);
    expect(backpropStore.getState().datasetKind).toBe('custom');
    fireEvent.keyDown(points, { key: 'PageDown' });
    expect(points.getAttribute('aria-valuenow')).toBe('2');
    fireEvent.keyDown(points, { key: 'Delete' });
    expect(backpropStore.getState().dataset.m).toBe(149);
    expect(regionsLabel()).toContain('149 points');
  });

  it('the selected point is drawn last, over its neighbours, in its class colour inside a two-colour ring', () => {
    renderTrainer();
    const points = screen.getByRole('slider', { name: /The selected point/ });
    const check = (i: number) => {
      const selected = points.lastElementChild as SVGGElement;
      expect(selected.getAttribute('data-testid')).toBe('point-selected');
      const dot = points.querySelectorAll('circle.data-point')[i] as SVGCircleElement;
      // on the point itself, wherever the scale puts it
      expect(selected.getAttribute('transform')).toBe(`translate(${dot.getAttribute('cx')} ${dot.getAttribute('cy')})`);
      const copy = selected.querySelector('.point-selected-dot') as SVGCircleElement;
      expect(copy.style.fill).toBe(dot.style.fill);
      // the halo (page colour) under the solid ring (ink), both around the dot
      expect([...selected.children].map((c) => c.getAttribute('class'))).toEqual(['point-selected-halo', 'point-selected-ring', 'point-selected-dot']);
    };
    check(0);
    fireEvent.keyDown(points, { key: 'PageDown' });
    check(1);
  });

  it('"Add a point at the centre" adds one of the chosen class at (0, 0)', () => {
    renderTrainer();
    fireEvent.click(screen.getByRole('radio', { name: 'class 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a point at the centre' }));
    const d = backpropStore.getState().dataset;
    expect(d.m).toBe(151);
    expect([d.x[300], d.x[301], d.labels[150]]).toEqual([0, 0, 1]);
    expect(regionsLabel()).toContain('51 of class 2');
  });

  it('with no points, Play is disabled and the plot says how to add some', () => {
    renderTrainer();
    fireEvent.change(screen.getByLabelText('Data'), { target: { value: 'custom' } });
    expect(regionsLabel()).toMatch(/no points yet/);
    expect((screen.getByRole('button', { name: 'Play' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('bp-loss').textContent).toBe('–');
  });

  it('Download weights builds JSON whose w1[i][j] is the weight from input i to hidden unit j', async () => {
    let blob: Blob | null = null;
    const create = vi.fn((b: Blob) => {
      blob = b;
      return 'blob:weights';
    });
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderTrainer();
    fireEvent.click(screen.getByRole('button', { name: 'Download weights (JSON)' }));
    expect(click).toHaveBeenCalledTimes(1);
    const file = JSON.parse(await (blob as unknown as Blob).text());
    const { w1, w2 } = backpropStore.getState().network.params;
    expect(file.shape).toEqual({ inputs: 2, hidden: 16, outputs: 3 });
    expect(file.params.w1[1][5]).toBe(w1[1 * 16 + 5]);
    expect(file.params.w2[15][2]).toBe(w2[15 * 3 + 2]);
    expect([file.step, file.seed, file.dataset, file.activation]).toEqual([0, 1, 'blobs', 'relu']);
    click.mockRestore();
  });
});

describe('<BackpropWeights>', () => {
  it('every weight cell of W1 and W2 reads in one notation: the decimals that give the largest |w| three significant digits', () => {
    render(<BackpropWeights />);
    const { w1, w2 } = backpropStore.getState().network.params;
    const weights = [...w1, ...w2];
    const cells = [...screen.getByTestId('bp-heatmap-W1').querySelectorAll('tbody button'), ...screen.getByTestId('bp-heatmap-W2').querySelectorAll('tbody button')];
    expect(cells).toHaveLength(weights.length);
    const texts = cells.map((c) => c.textContent ?? '');
    // fixed notation throughout: no "× 10⁻³" beside "0.15"
    texts.forEach((t) => expect(t).toMatch(/^−?\d+\.\d+$/));
    const decimals = new Set(texts.map((t) => t.split('.')[1]?.length));
    expect(decimals.size).toBe(1);
    const d = [...decimals][0] as number;
    // the largest weight shows three significant digits (leading zeros are not significant)
    const largest = weights.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
    const largestText = texts[weights.indexOf(largest)] ?? '';
    expect(largestText.replace(/[−.]/g, '').replace(/^0+/, '')).toHaveLength(3);
    // and every cell is its own weight rounded to those decimals
    texts.forEach((t, i) => expect(Math.abs(Number(t.replace('−', '-')) - (weights[i] ?? NaN))).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-12));
  });

  it('shows W1 as 2 × 16 and W2 as 16 × 3, cells reading the store’s weights', () => {
    render(<BackpropWeights />);
    const { w1 } = backpropStore.getState().network.params;
    const w1Table = screen.getByTestId('bp-heatmap-W1');
    expect(w1Table.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(w1Table.querySelectorAll('tbody tr:first-child button')).toHaveLength(16);
    expect(screen.getByTestId('bp-heatmap-W2').querySelectorAll('tbody tr')).toHaveLength(16);
    const cell = screen.getByRole('button', { name: /^W1 from x2 to h3 = / });
    expect(Number((cell.textContent ?? '').replace('−', '-'))).toBeCloseTo(w1[16 + 2] as number, 2);
  });

  it('arrow keys walk the 2 × 16 table to its last column (a matrix need not be square)', () => {
    render(<BackpropWeights />);
    const first = screen.getByRole('button', { name: /^W1 from x1 to h1 = / });
    first.focus();
    fireEvent.keyDown(first, { key: 'End' });
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^W1 from x1 to h16 = /);
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^W1 from x2 to h16 = /);
  });

  it('follows the store when the weights change while paused', () => {
    render(<BackpropWeights />);
    act(() => backpropStore.getState().setHidden(4));
    expect(screen.getByTestId('bp-heatmap-W2').querySelectorAll('tbody tr')).toHaveLength(4);
  });
});

describe('<BackpropTrainer> and its address', () => {
  afterEach(() => vi.useRealTimers());

  it('#/backprop?data=rings&hidden=5&act=tanh&lr=0.005&seed=7&reduce=sum&n=30 replays that run to step 30, paused, to the core’s loss', async () => {
    window.history.replaceState(null, '', '#/backprop?data=rings&hidden=5&act=tanh&lr=0.005&seed=7&reduce=sum&n=30');
    renderTrainer();
    await waitFor(() => expect(shownStep()).toBe(30));
    const expected = coreRunLoss({ kind: 'rings', seed: 7, hidden: 5, activation: 'tanh', lr: 0.005, reduction: 'sum', steps: 30 });
    await waitFor(() => expect(shownLoss()).toBe(expected));
    expect(field('Data').value).toBe('rings');
    expect(field('Activation').value).toBe('tanh');
    expect(field('Seed of the initial weights').value).toBe('7');
    expect(slider('hidden units H').value).toBe('5');
    expect(slider('learning rate η (logarithmic slider)').getAttribute('aria-valuetext')).toBe('0.0050');
    expect(backpropStore.getState().reduction).toBe('sum');
    // paused where the link left it
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
  });

  it('data=custom&points=0.5,0.5,1,-0.5,-0.25,3: the learner’s two points, classes counted from 1', () => {
    window.history.replaceState(null, '', '#/backprop?data=custom&points=0.5,0.5,1,-0.5,-0.25,3');
    renderTrainer();
    const d = backpropStore.getState().dataset;
    expect([d.m, ...d.x, ...d.labels]).toEqual([2, 0.5, 0.5, -0.5, -0.25, 0, 2]);
    expect(regionsLabel()).toContain('2 points: 1 of class 1, 0 of class 2, 1 of class 3');
    expect(field('Data').value).toBe('custom');
  });

  it('refused values keep their defaults: act=softplus, data=moons, seed=1.5 read as ReLU, blobs, seed 1; hidden=99 is clamped to 32', () => {
    window.history.replaceState(null, '', '#/backprop?act=softplus&data=moons&seed=1.5&hidden=99');
    renderTrainer();
    expect(field('Activation').value).toBe('relu');
    expect(field('Data').value).toBe('blobs');
    expect(field('Seed of the initial weights').value).toBe('1');
    expect(slider('hidden units H').value).toBe('32');
    expect(backpropStore.getState().network.shape.hidden).toBe(32);
  });

  it('an address without the trainer’s keys keeps the run in the store (a learner back from another chapter) and writes it there', () => {
    vi.useFakeTimers();
    act(() => backpropStore.getState().setHidden(8));
    window.history.replaceState(null, '', '#/backprop?z=1,2');
    renderTrainer();
    expect(slider('hidden units H').value).toBe('8');
    act(() => vi.advanceTimersByTime(300));
    expect(hashQuery().get('hidden')).toBe('8');
    expect(hashQuery().get('z')).toBe('1,2');
  });

  it('a change is written to the address once the learner pauses: H = 5 and a learning rate of 10 give hidden=5&lr=10', () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '#/backprop');
    renderTrainer();
    fireEvent.change(slider('hidden units H'), { target: { value: '5' } });
    fireEvent.change(slider('learning rate η (logarithmic slider)'), { target: { value: '1' } });
    act(() => vi.advanceTimersByTime(200));
    expect(window.location.hash).toBe('#/backprop');
    act(() => vi.advanceTimersByTime(100));
    expect(hashQuery().get('hidden')).toBe('5');
    expect(hashQuery().get('lr')).toBe('10');
  });

  it('the learning rate is kept to a link’s 6 decimals: the slider at 10^−2.95 (0.00112201…) gives η = 0.001122, lr=0.001122', () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '#/backprop');
    renderTrainer();
    fireEvent.change(slider('learning rate η (logarithmic slider)'), { target: { value: '-2.95' } });
    expect(backpropStore.getState().learningRate).toBe(0.001122);
    act(() => vi.advanceTimersByTime(300));
    expect(hashQuery().get('lr')).toBe('0.001122');
  });

  it('Step writes the step count: after three steps the address says n=3', async () => {
    window.history.replaceState(null, '', '#/backprop');
    renderTrainer();
    for (let i = 1; i <= 3; i++) {
      fireEvent.click(screen.getByRole('button', { name: 'Step' }));
      await waitFor(() => expect(shownStep()).toBe(i));
    }
    await waitFor(() => expect(hashQuery().get('n')).toBe('3'));
  });

  it('an address changed from outside (a hashchange) restores its run: hidden=4&n=3 is the core’s 2-4-3 network after 3 steps', async () => {
    window.history.replaceState(null, '', '#/backprop');
    renderTrainer();
    act(() => {
      window.history.replaceState(null, '', '#/backprop?hidden=4&n=3');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await waitFor(() => expect(shownStep()).toBe(3));
    expect(slider('hidden units H').value).toBe('4');
    const expected = coreRunLoss({ kind: 'blobs', seed: 1, hidden: 4, activation: 'relu', lr: 0.3, reduction: 'mean', steps: 3 });
    await waitFor(() => expect(shownLoss()).toBe(expected));
  });

  it('locked (lock=hidden,n): the H slider and Play, Step, Replay, Reset and the data are disabled; the learning rate still moves', () => {
    renderEmbedded([], ['hidden', 'n']);
    expect(screen.getAllByRole('group', { name: 'Set by your lecturer' }).length).toBeGreaterThan(0);
    for (const name of ['Play', 'Step', 'Replay', 'Reset']) expect(screen.getByRole('button', { name }).matches(':disabled')).toBe(true);
    expect(slider('hidden units H').matches(':disabled')).toBe(true);
    // choosing a data set restarts the run, so it changes n too
    expect(field('Data').matches(':disabled')).toBe(true);
    expect(slider('learning rate η (logarithmic slider)').matches(':disabled')).toBe(false);
    expect(screen.getByRole('button', { name: 'Download weights (JSON)' }).matches(':disabled')).toBe(false);
  });

  it('hidden (hide=seed) takes away the seed box and Reset, which draws the next seed; locked points (lock=points) take no edits', () => {
    renderEmbedded(['seed'], ['points']);
    expect(screen.queryByLabelText('Seed of the initial weights')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reset' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Add a point at the centre' }).matches(':disabled')).toBe(true);
    fireEvent.keyDown(screen.getByRole('slider', { name: /The selected point/ }), { key: 'Delete' });
    expect(backpropStore.getState().dataset.m).toBe(150);
    expect(screen.getByText(/Your lecturer set the points/)).toBeTruthy();
  });
});

describe('<BackpropProvider> on the site', () => {
  const chapter = () => (
    <BackpropProvider>
      <BackpropTrainer trainer={inlineTrainer} />
    </BackpropProvider>
  );

  it('keeps the run while another chapter is read: back from the contents, the trainer is at the step it left', async () => {
    window.history.replaceState(null, '', '#/backprop');
    const { rerender } = renderAlone(<KeptStoresProvider>{chapter()}</KeptStoresProvider>);
    for (let i = 0; i < 3; i++) fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    await waitFor(() => expect(shownStep()).toBe(3));
    rerender(<KeptStoresProvider>{<p>another chapter</p>}</KeptStoresProvider>);
    expect(screen.queryByTestId('bp-step')).toBeNull();
    // the contents link to the chapter carries none of the trainer's keys
    window.history.replaceState(null, '', '#/backprop');
    rerender(<KeptStoresProvider>{chapter()}</KeptStoresProvider>);
    expect(shownStep()).toBe(3);
    await waitFor(() => expect(shownLoss()).toBe(coreLossAfter(3).loss));
  });

  it('in an embed (no site around it) a provider mounted again starts a run of its own, at step 0', async () => {
    window.history.replaceState(null, '', '#/backprop');
    const first = renderAlone(chapter());
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    await waitFor(() => expect(shownStep()).toBe(1));
    first.unmount();
    window.history.replaceState(null, '', '#/backprop');
    renderAlone(chapter());
    expect(shownStep()).toBe(0);
  });
});
