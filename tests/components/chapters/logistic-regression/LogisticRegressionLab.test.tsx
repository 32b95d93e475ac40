import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { logisticStep } from '../../../../src/core/logisticRegression';
import { EmbedContext } from '../../../../src/state/embedContext';
import { LogisticRegressionLab } from '../../../../src/chapters/logistic-regression/LogisticRegressionLab';
import { curvatureAt } from '../../../../src/chapters/logistic-regression/logisticCurvature';
import { DEFAULT_START, trainingData, presetPoints, RATE_LIMITS } from '../../../../src/chapters/logistic-regression/logisticDescent';
import { gaugeGeometry } from '../../../../src/chapters/logistic-regression/rateGaugeGeometry';
import { renderWithLab } from '../../renderWithLab';

const weights = () => (screen.getByTestId('lab-weights').getAttribute('data-value') ?? '').split(',').map(Number);
const cost = () => Number(screen.getByTestId('lab-cost').getAttribute('data-value'));
const points = (container: HTMLElement) => [...container.querySelectorAll<SVGGElement>('.lab-point')];
const xy = (el: Element) => [Number(el.getAttribute('data-x1')), Number(el.getAttribute('data-x2'))];

// jsdom has no 2-D canvas: the map's drawing is skipped, everything else runs.
beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('<LogisticRegressionLab>', () => {
  it('starts at step 0 from w = (−4, 3, 0) on the 20 overlapping points, with a labelled contour map', () => {
    const { container } = renderWithLab(<LogisticRegressionLab />);
    expect(points(container)).toHaveLength(20);
    expect(weights()).toEqual([-4, 3, 0]);
    expect(screen.getByTestId('lab-status').textContent).toMatch(/^Step 0: cost \d\.\d{4}/);
    const map = screen.getByRole('img', { name: /^Contour map of the cross-entropy cost/ });
    expect(map.getAttribute('aria-label')).toContain('w₁ = −4.000, w₂ = 3.000');
    expect(map.getAttribute('aria-label')).toContain(`cost ${cost().toFixed(4)}`);
  });

  it('Step changes the weights exactly as the core\'s logisticStep predicts', () => {
    renderWithLab(<LogisticRegressionLab />);
    const { X, t } = trainingData(presetPoints('overlapping'));
    const first = logisticStep(DEFAULT_START, X, t, 'cross-entropy', 0.5);
    const second = logisticStep(first, X, t, 'cross-entropy', 0.5);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(weights()).toEqual(Array.from(first));
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(weights()).toEqual(Array.from(second));
    expect(screen.getByRole('img', { name: /Contour map/ }).getAttribute('aria-label')).toContain('The descent path has 2 steps');
  });

  it('the points are one Tab stop; arrow keys move the focused point by 0.1, Shift by 0.5, Delete removes it', () => {
    const { container } = renderWithLab(<LogisticRegressionLab />);
    const tabbable = points(container).filter((p) => p.getAttribute('tabindex') === '0');
    expect(tabbable).toHaveLength(1);
    const point = tabbable[0]!;
    const [x1, x2] = xy(point);
    const before = cost();
    act(() => point.focus());
    fireEvent.keyDown(point, { key: 'ArrowRight' });
    expect(xy(points(container)[0]!)).toEqual([Math.round((x1! + 0.1) * 100) / 100, x2]);
    fireEvent.keyDown(points(container)[0]!, { key: 'ArrowUp', shiftKey: true });
    expect(xy(points(container)[0]!)).toEqual([Math.round((x1! + 0.1) * 100) / 100, Math.round((x2! + 0.5) * 100) / 100]);
    expect(cost()).not.toBe(before);
    fireEvent.keyDown(points(container)[0]!, { key: 'Delete' });
    expect(points(container)).toHaveLength(19);
  });

  it('PageDown moves the Tab stop to the next point', () => {
    const { container } = renderWithLab(<LogisticRegressionLab />);
    const first = points(container)[0]!;
    act(() => first.focus());
    fireEvent.keyDown(first, { key: 'PageDown' });
    expect(document.activeElement).toBe(points(container)[1]);
    expect(points(container)[1]!.getAttribute('tabindex')).toBe('0');
  });

  it('"Add a point" adds one of the chosen class at (0, 0) and focuses it, so the arrow keys move it', () => {
    const { container } = renderWithLab(<LogisticRegressionLab />);
    fireEvent.click(screen.getByRole('radio', { name: 'class 0' }));
    const zeros = container.querySelectorAll('.lab-point-0').length;
    fireEvent.click(screen.getByRole('button', { name: 'Add a point' }));
    expect(container.querySelectorAll('.lab-point-0')).toHaveLength(zeros + 1);
    const added = document.activeElement as Element;
    expect(added.classList.contains('lab-point-0')).toBe(true);
    expect(xy(added)).toEqual([0, 0]);
    fireEvent.keyDown(added, { key: 'ArrowLeft' });
    expect(xy(points(container)[20]!)).toEqual([-0.1, 0]);
  });

  it('Separable classes loads 16 points; removing every class-0 point shows a message, disables Step, and never NaN', () => {
    const { container } = renderWithLab(<LogisticRegressionLab />);
    fireEvent.click(screen.getByRole('button', { name: 'Separable classes' }));
    expect(points(container)).toHaveLength(16);
    for (let k = 0; k < 8; k++) fireEvent.keyDown(container.querySelector('.lab-point-0')!, { key: 'Delete' });
    expect(screen.getByTestId('lab-notice').textContent).toContain('Every point is of class 1');
    expect((screen.getByRole('button', { name: 'Step' }) as HTMLButtonElement).disabled).toBe(true);
    expect(container.textContent).not.toMatch(/NaN|undefined/);
    expect(screen.getByRole('img', { name: /Contour map/ }).getAttribute('aria-label')).toContain('There is no cost to draw');
  });

  it('the learning-rate slider runs on log₁₀ η: position 0 reads η = 1.0', () => {
    renderWithLab(<LogisticRegressionLab />);
    const slider = screen.getByRole('slider', { name: 'learning rate η' });
    expect(slider.getAttribute('aria-valuetext')).toBe('0.50');
    fireEvent.change(slider, { target: { value: '0' } });
    expect(slider.getAttribute('aria-valuetext')).toBe('1.00');
    expect(screen.getByTestId('lab-rate').textContent).toBe('1.00');
  });

  it('the slider reaches η = 100, past 2/λmax at the bottom (about 25): position 2 reads 100', () => {
    renderWithLab(<LogisticRegressionLab />);
    const slider = screen.getByRole('slider', { name: 'learning rate η' });
    expect(slider.getAttribute('max')).toBe('2');
    fireEvent.change(slider, { target: { value: '2' } });
    expect(slider.getAttribute('aria-valuetext')).toBe('100');
    fireEvent.change(slider, { target: { value: '1.45' } });
    expect(screen.getByTestId('lab-rate').textContent).toBe('28.0');
  });

  it('the curvature readout gives λmax at the current weights, 1/λmax and 2/λmax, and where η is; the gauge shades past each', () => {
    const { container } = renderWithLab(<LogisticRegressionLab />);
    const readout = () => screen.getByTestId('lab-curvature').textContent ?? '';
    // at the start (−4, 3, 0) the Hessian's largest eigenvalue is 0.4230 (the claims test derives it)
    expect(readout()).toBe('At the current weights λmax = 0.4230 (the largest eigenvalue of the Hessian), so 1/λmax = 2.36 and 2/λmax = 4.73. η = 0.50 is below 1/λmax.');
    expect(container.querySelector('.rate-gauge-zigzag')).not.toBeNull();
    expect(container.querySelector('.rate-gauge-over')).not.toBeNull();
    fireEvent.change(screen.getByRole('slider', { name: 'learning rate η' }), { target: { value: '1' } });
    expect(readout()).toMatch(/η = 10\.0 is above 2\/λmax\.$/);
    // unticking the bias: the (w₁, w₂) block
    fireEvent.click(screen.getByRole('checkbox', { name: /learn the bias b/ }));
    expect(readout()).toContain('the Hessian in (w₁, w₂), b held');
  });

  it('the gauge\'s bands are drawn where its geometry puts 1/λmax and 2/λmax for the current weights', () => {
    const { container } = renderWithLab(<LogisticRegressionLab />);
    const svg = container.querySelector('.rate-gauge svg')!;
    const width = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
    const geometry = gaugeGeometry(RATE_LIMITS.min, RATE_LIMITS.max, curvatureAt(presetPoints('overlapping'), DEFAULT_START, true), width);
    const band = (name: string) => ['x', 'width'].map((a) => Number(container.querySelector(name)!.getAttribute(a)));
    expect(band('.rate-gauge-zigzag')).toEqual([geometry.zigzag!.x, geometry.zigzag!.width]);
    expect(band('.rate-gauge-over')).toEqual([geometry.over!.x, geometry.over!.width]);
    // at (−4, 3): 1/λmax = 2.36, 2/λmax = 4.73, both inside the slider's 0.01 … 100
    expect(geometry.zigzag!.x).toBeCloseTo(geometry.at(1 / 0.42303), 1);
    expect(geometry.over!.x + geometry.over!.width).toBe(geometry.end);
  });

  it('"Restore defaults" puts back the start (−4, 3), η = 0.5 and the learning of b, keeps the points, and pauses', () => {
    const { container } = renderWithLab(<LogisticRegressionLab />);
    fireEvent.click(screen.getByRole('button', { name: 'Separable classes' }));
    fireEvent.change(slider('starting w1'), { target: { value: '6' } });
    fireEvent.change(slider('learning rate η'), { target: { value: '1' } });
    fireEvent.click(biasBox());
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    const restore = screen.getByRole('button', { name: 'Restore defaults' });
    expect(restore.getAttribute('aria-describedby')).toBe(screen.getByTestId('lab-defaults').id);
    expect(screen.getByTestId('lab-defaults').textContent).toBe('start (−4, 3), η = 0.50, b learned');
    fireEvent.click(restore);
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
    expect(points(container)).toHaveLength(16);
    expect([slider('starting w1').value, slider('starting w2').value]).toEqual(['-4', '3']);
    expect(screen.getByTestId('lab-rate').textContent).toBe('0.50');
    expect(biasBox().checked).toBe(true);
    expect(weights()).toEqual([-4, 3, 0]);
    expect(status()).toMatch(/^Step 0:/);
  });

  it('the caption says where the lowest cost on the map is: inside on the overlapping points, on the edge on the separable ones', () => {
    renderWithLab(<LogisticRegressionLab />);
    const caption = () => screen.getByTestId('map-caption').textContent ?? '';
    expect(caption()).toMatch(/The bluer, the lower; the lowest cost on the map is near \(\d\.\d, \d\.\d\)\./);
    fireEvent.click(screen.getByRole('button', { name: 'Separable classes' }));
    expect(caption()).toContain('The bluer, the lower; the lowest cost on the map is on its edge, at (6.0, 6.0).');
  });

  it('paused, the outlined contour passes through the current point', () => {
    const { container } = renderWithLab(<LogisticRegressionLab />);
    for (let k = 0; k < 12; k++) fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    const dot = container.querySelector('.path-current')!;
    const [cx, cy] = ['cx', 'cy'].map((a) => Number(dot.getAttribute(a)));
    // the outline's vertices, in the overlay's pixels: some pair of them brackets the point to a pixel
    const numbers = (container.querySelector('.current-level')!.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number);
    const vertices = Array.from({ length: numbers.length / 2 }, (_, i) => [numbers[2 * i]!, numbers[2 * i + 1]!]);
    expect(vertices.length).toBeGreaterThan(4);
    let nearest = Infinity;
    for (let i = 1; i < vertices.length; i++) {
      const [a, b] = [vertices[i - 1]!, vertices[i]!];
      const d = [b[0]! - a[0]!, b[1]! - a[1]!];
      const s = Math.min(1, Math.max(0, ((cx! - a[0]!) * d[0]! + (cy! - a[1]!) * d[1]!) / (d[0]! ** 2 + d[1]! ** 2 || 1)));
      nearest = Math.min(nearest, Math.hypot(cx! - a[0]! - s * d[0]!, cy! - a[1]! - s * d[1]!));
    }
    expect(nearest).toBeLessThan(1);
  });

  it('"The last step raised the cost" and the count of rises appear only for rises above rounding', () => {
    window.history.replaceState(null, '', '#/logistic-regression?eta=10&n=300');
    renderWithLab(<LogisticRegressionLab />);
    // settled at the bottom: the cost jitters by rounding, and none of it is counted
    expect(status()).not.toContain('raised');
    act(() => {
      window.history.replaceState(null, '', '#/logistic-regression?eta=28&n=300');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(status()).toMatch(/Steps that raised it so far: \d+\./);
    const before = status().includes('The last step raised the cost.');
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    // bouncing: every other step raises the cost
    expect(status().includes('The last step raised the cost.')).toBe(!before);
  });

  it('the starting-weight sliders move the start and reset the path to it', () => {
    renderWithLab(<LogisticRegressionLab />);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    fireEvent.change(screen.getByRole('slider', { name: 'starting w1' }), { target: { value: '2' } });
    expect(weights()).toEqual([2, 3, 0]);
    expect(screen.getByTestId('lab-status').textContent).toMatch(/^Step 0:/);
  });

  it('the live check says both label forms give the same cost', () => {
    renderWithLab(<LogisticRegressionLab />);
    expect(screen.getByTestId('check-same-cost').getAttribute('data-ok')).toBe('true');
    expect(screen.getByTestId('check-same-gradient').getAttribute('data-ok')).toBe('true');
    expect(screen.getByTestId('check-finite-difference').getAttribute('data-ok')).toBe('true');
  });

  it('Play turns into Pause and advances on animation frames; Pause stops it', async () => {
    renderWithLab(<LogisticRegressionLab />);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    const step = Number(/^Step (\d+)/.exec(screen.getByTestId('lab-status').textContent ?? '')?.[1]);
    expect(step).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    const paused = screen.getByTestId('lab-status').textContent;
    await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
    expect(screen.getByTestId('lab-status').textContent).toBe(paused);
  });
});

// One step of gradient descent on the mean cross-entropy, by hand: ŷ = σ(w₁x₁ + w₂x₂ + b),
// ∂L/∂w_j = mean((ŷ − t)·x_j), ∂L/∂b = mean(ŷ − t).
type ByHandPoint = readonly [number, number, 0 | 1];
function stepByHand(w: readonly number[], pts: readonly ByHandPoint[], eta: number, learnBias: boolean): number[] {
  const g = [0, 0, 0];
  for (const [x1, x2, t] of pts) {
    const error = 1 / (1 + Math.exp(-(w[0]! * x1 + w[1]! * x2 + w[2]!))) - t;
    g[0]! += (error * x1) / pts.length;
    g[1]! += (error * x2) / pts.length;
    g[2]! += error / pts.length;
  }
  return [w[0]! - eta * g[0]!, w[1]! - eta * g[1]!, learnBias ? w[2]! - eta * g[2]! : w[2]!];
}
const shownPoints = (container: HTMLElement) =>
  points(container).map((p) => [...xy(p), p.classList.contains('lab-point-1') ? 1 : 0]);
const status = () => screen.getByTestId('lab-status').textContent ?? '';
const slider = (name: string) => screen.getByRole('slider', { name }) as HTMLInputElement;
const biasBox = () => screen.getByRole('checkbox', { name: /learn the bias b/ }) as HTMLInputElement;
const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;

describe('<LogisticRegressionLab> in the address', () => {
  it('reads every field at mount: pts, cls, start, eta, bias and n, replaying the n steps (paused)', () => {
    window.history.replaceState(null, '', '#/logistic-regression?pts=1,1,1,-1,-1,0,2,-1,1&cls=0&start=2,-1&eta=2&bias=0&n=3');
    const { container } = renderWithLab(<LogisticRegressionLab />);
    expect(shownPoints(container)).toEqual([
      [1, 1, 1],
      [-1, -1, 0],
      [2, -1, 1],
    ]);
    expect(radio('class 0').checked).toBe(true);
    expect(slider('starting w1').value).toBe('2');
    expect(slider('starting w2').value).toBe('-1');
    expect(screen.getByTestId('lab-rate').textContent).toBe('2.00');
    expect(biasBox().checked).toBe(false);
    expect(status()).toMatch(/^Step 3:/);
    const pts: ByHandPoint[] = [
      [1, 1, 1],
      [-1, -1, 0],
      [2, -1, 1],
    ];
    let w = [2, -1, 0];
    for (let k = 0; k < 3; k++) w = stepByHand(w, pts, 2, false);
    weights().forEach((v, k) => expect(v).toBeCloseTo(w[k]!, 12));
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
  });

  it('w0 is where the path begins: "w0=1,0.5,0.25&n=1" is one step from (1, 0.5, 0.25) on the preset points', () => {
    window.history.replaceState(null, '', '#/logistic-regression?w0=1,0.5,0.25&n=1');
    const { container } = renderWithLab(<LogisticRegressionLab />);
    const pts = shownPoints(container) as unknown as ByHandPoint[];
    const w = stepByHand([1, 0.5, 0.25], pts, 0.5, true);
    weights().forEach((v, k) => expect(v).toBeCloseTo(w[k]!, 12));
    expect(screen.getByRole('img', { name: /Contour map/ }).getAttribute('aria-label')).toContain('The descent path has 1 step from (1.00, 0.50)');
    // the start, where Reset returns, is still the default
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(weights()).toEqual([-4, 3, 0]);
  });

  it('a refused value keeps its default: eta=fast, bias=yes, start=9 (one number), cls=3, a point of class 2', () => {
    window.history.replaceState(null, '', '#/logistic-regression?eta=fast&bias=yes&start=9&cls=3&pts=0,0,2');
    const { container } = renderWithLab(<LogisticRegressionLab />);
    expect(screen.getByTestId('lab-rate').textContent).toBe('0.50');
    expect(biasBox().checked).toBe(true);
    expect(slider('starting w1').value).toBe('-4');
    expect(slider('starting w2').value).toBe('3');
    // an integer past its range is clamped to it: cls=3 → 1, the default anyway
    expect(radio('class 1').checked).toBe(true);
    expect(points(container)).toHaveLength(20);
    expect(weights()).toEqual([-4, 3, 0]);
  });

  it('writes a change once the learner pauses: η = 1, two steps, class 0 → "cls=0&eta=1&n=2"', () => {
    vi.useFakeTimers();
    try {
      window.history.replaceState(null, '', '#/logistic-regression');
      renderWithLab(<LogisticRegressionLab />);
      fireEvent.change(slider('learning rate η'), { target: { value: '0' } });
      fireEvent.click(screen.getByRole('button', { name: 'Step' }));
      fireEvent.click(screen.getByRole('button', { name: 'Step' }));
      fireEvent.click(radio('class 0'));
      act(() => vi.advanceTimersByTime(200));
      expect(window.location.hash).toBe('#/logistic-regression');
      act(() => vi.advanceTimersByTime(100));
      expect(window.location.hash).toBe('#/logistic-regression?cls=0&eta=1&n=2');
      // Reset takes the path back to the start: n leaves the address
      fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
      act(() => vi.advanceTimersByTime(300));
      expect(window.location.hash).toBe('#/logistic-regression?cls=0&eta=1');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a moved point is written with the weights its new path begins at (w0)', () => {
    vi.useFakeTimers();
    try {
      window.history.replaceState(null, '', '#/logistic-regression?n=1');
      const { container } = renderWithLab(<LogisticRegressionLab />);
      const w = weights();
      const first = points(container)[0]!;
      const [x1, x2] = xy(first);
      fireEvent.keyDown(first, { key: 'ArrowRight' });
      act(() => vi.advanceTimersByTime(300));
      const query = new URLSearchParams(window.location.hash.split('?')[1]);
      expect(query.get('pts')?.split(',').slice(0, 3).map(Number)).toEqual([Math.round((x1! + 0.1) * 100) / 100, x2, 1]);
      // the weights after the one step, to six decimals, and no step since
      query.get('w0')!.split(',').map(Number).forEach((v, k) => expect(v).toBeCloseTo(w[k]!, 6));
      expect(query.get('n')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('an address changed while the page is open (hashchange) loads its lab: n=5 shows step 5', () => {
    window.history.replaceState(null, '', '#/logistic-regression');
    renderWithLab(<LogisticRegressionLab />);
    expect(status()).toMatch(/^Step 0:/);
    act(() => {
      window.history.replaceState(null, '', '#/logistic-regression?n=5&eta=1');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(status()).toMatch(/^Step 5:/);
    expect(screen.getByTestId('lab-rate').textContent).toBe('1.00');
  });

  it('in an embed, locked eta and pts disable their controls and the points; hidden start and bias are absent', () => {
    const settings = { embedded: true, hidden: new Set(['start', 'bias']), locked: new Set(['eta', 'pts']) };
    const { container } = renderWithLab(
      <EmbedContext.Provider value={settings}>
        <LogisticRegressionLab />
      </EmbedContext.Provider>,
    );
    // a locked control sits in a disabled fieldset: :disabled, though its own attribute is unset
    expect(slider('learning rate η').matches(':disabled')).toBe(true);
    for (const name of ['Add a point', 'Overlapping classes', 'Separable classes']) {
      expect(screen.getByRole('button', { name }).matches(':disabled'), name).toBe(true);
    }
    expect(radio('class 0').matches(':disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Step' }).matches(':disabled')).toBe(false);
    expect(screen.queryByRole('slider', { name: 'starting w1' })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: /learn the bias b/ })).toBeNull();
    // "Restore defaults" sets the hidden start and bias too, so it is hidden with them
    expect(screen.queryByRole('button', { name: 'Restore defaults' })).toBeNull();
    expect(screen.getByTestId('map-caption').textContent).not.toContain('Press the map');
    // the points are still there to be read, but the keyboard no longer moves or removes them
    const first = points(container)[0]!;
    const before = xy(first);
    expect(first.getAttribute('aria-disabled')).toBe('true');
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    fireEvent.keyDown(points(container)[0]!, { key: 'Delete' });
    expect(points(container)).toHaveLength(20);
    expect(xy(points(container)[0]!)).toEqual(before);
    // training is the learner's still
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(status()).toMatch(/^Step 1:/);
  });
});
