import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { logisticStep } from '../../src/core/logisticRegression';
import { LogisticRegressionLab } from '../../src/widgets/logistic/LogisticRegressionLab';
import { DEFAULT_START, labData, presetPoints } from '../../src/widgets/logistic/logisticLab';
import { renderWithLab } from './renderWithLab';

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
    const { X, t } = labData(presetPoints('overlapping'));
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
