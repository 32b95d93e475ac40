import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { GradientCheckExplorer } from '../../../../src/chapters/gradient-check/GradientCheckExplorer';
import { ZeroCases } from '../../../../src/chapters/gradient-check/ZeroCases';
import { TestTolerance } from '../../../../src/chapters/gradient-check/TestTolerance';
import { GRADIENT_CHECK } from '../../../../src/core/finiteDifference';
import { EmbedContext } from '../../../../src/state/embedContext';
import { createWidgetFrame, WidgetFrameContext } from '../../../../src/state/widgetFrame';
import { defaultWeight } from '../../../../src/chapters/gradient-check/gradientCheckMath';
import { GRADIENT_CHECK_STATE } from '../../../../src/chapters/gradient-check/gradientCheckState';
import { LIMITS } from '../../../../src/url/labInputs';
import { createLabStore } from '../../../../src/state/createLabStore';
import { LabProvider } from '../../../../src/state/LabContext';
import { TermScope } from '../../../../src/math/TermScope';
import { renderWithLab } from '../../renderWithLab';

const value = (id: string) => Number(screen.getByTestId(id).getAttribute('data-value'));
const slider = () => screen.getByRole<HTMLInputElement>('slider', { name: 'step h, as a power of ten' });
// By hand: ∂L/∂z₂ at z = [2, 3, 4], y = [0, 1, 0] is p₂ − 1, p₂ = 1 / (e⁻¹ + 1 + e)
const analytic = 1 / (Math.exp(-1) + 1 + Math.exp(1)) - 1;

describe('<GradientCheckExplorer>', () => {
  it('starts at h = 10⁻⁴ on the loss in z₂, four estimates near p₂ − 1, and a plot with four curves', () => {
    const { container } = renderWithLab(<GradientCheckExplorer />);
    expect(screen.getByTestId('h-value').textContent).toBe('h = 10−4.00 = 1.00 × 10⁻⁴');
    expect(Math.abs(value('estimate-central-float64') - analytic)).toBeLessThan(1e-8);
    expect(Math.abs(value('estimate-forward-float64') - analytic)).toBeLessThan(1e-4);
    expect(container.querySelectorAll('path.error-curve').length).toBe(4);
    const plot = screen.getByRole('img', { name: /^Relative error of the finite-difference estimates of ∂L\/∂z₂/ });
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
    expect(screen.getByTestId('zero-warning').textContent).toContain('z₂ + h rounds back to z₂ = 3.0000000, and so does z₂ − h');
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
    expect(screen.getByTestId('live-formula').getAttribute('aria-label')).toContain('z₃');
  });

  it('the network weight: the default W2 weight, then a W1 weight chosen by layer, row and column', () => {
    renderWithLab(<GradientCheckExplorer />);
    fireEvent.click(screen.getByRole('radio', { name: /one weight of a 2-16-3 network/ }));
    expect(screen.getByTestId('live-formula').getAttribute('aria-label')).toMatch(/the weight \(W₂\)[₀-₉]+,₁/);
    expect(value('error-central-float64')).toBeLessThan(1e-6);
    fireEvent.change(screen.getByLabelText('layer'), { target: { value: 'w1' } });
    fireEvent.change(screen.getByLabelText('row'), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('column'), { target: { value: '15' } });
    expect(screen.getByTestId('live-formula').getAttribute('aria-label')).toContain('the weight (W₁)₂,₁₆');
  });
});

describe('<GradientCheckExplorer> at ReLU\'s kink', () => {
  const markers = (container: HTMLElement) => Array.from(container.querySelectorAll('circle.error-marker'), (c) => Number(c.getAttribute('cy')));
  const floorY = (container: HTMLElement) => Number(container.querySelector('line.floor-line')?.getAttribute('y1'));

  it('a weight out of an off unit: every marker and every curve on the floor line marked "exactly 0", and the notice names the pre-activation', () => {
    at('#/gradient-check?wrt=weight&layer=w2&row=0&col=0');
    const { container } = renderWithLab(<GradientCheckExplorer />);
    expect(container.querySelector('text.floor-label')?.textContent).toBe('exactly 0');
    const floor = floorY(container);
    expect(markers(container)).toEqual([floor, floor, floor, floor]);
    for (const path of container.querySelectorAll('path.error-curve')) {
      const ys = Array.from((path.getAttribute('d') ?? '').matchAll(/,(-?[\d.]+)/g), (m) => Number(m[1]));
      expect(ys.length).toBe(61);
      expect(new Set(ys)).toEqual(new Set([floor]));
    }
    expect(screen.getByTestId('zero-gradient').textContent).toContain('hidden unit 1 is off for this sample (its pre-activation in Z₁ is −0.3108)');
  });

  it('(W₁)₂,₁₄ at h = 10⁻¹ crosses the kink of unit 14: the estimates are not 0, the errors read ∞, the markers sit on the top edge', () => {
    at('#/gradient-check?wrt=weight&layer=w1&row=1&col=13&logh=-1');
    const { container } = renderWithLab(<GradientCheckExplorer />);
    expect(formula()).toContain('the weight (W₁)₂,₁₄');
    for (const id of ['central-float64', 'central-float32', 'forward-float64', 'forward-float32']) {
      expect(value(`estimate-${id}`)).not.toBe(0);
      expect(screen.getByTestId(`error-${id}`).textContent).toBe('∞');
    }
    const top = Number(container.querySelector('rect.plot-area')?.getAttribute('y'));
    expect(markers(container)).toEqual([top, top, top, top]);
    fireEvent.change(slider(), { target: { value: '-1.5' } });
    const floor = floorY(container);
    expect(markers(container)).toEqual([floor, floor, floor, floor]);
  });
});

describe('<ZeroCases>', () => {
  it('each case shows an estimate of exactly 0 and why', () => {
    renderWithLab(<ZeroCases />);
    expect(screen.getByTestId('zero-trace').textContent).toContain('0 (exactly)');
    expect(screen.getByTestId('zero-why').textContent).toContain('Doubles near 3 are 4.44 × 10⁻¹⁶ apart');
    fireEvent.click(screen.getByRole('radio', { name: 'h = 10⁻⁸ in float32' }));
    expect(screen.getByTestId('zero-why').textContent).toContain('float32 numbers near 3 are 2.38 × 10⁻⁷ apart');
    fireEvent.click(screen.getByRole('radio', { name: 'x in an integer array' }));
    expect(screen.getByTestId('zero-trace').textContent).toContain('estimate (numerator / h)0 (exactly)');
    // the central difference over a whole unit: (f(3) − f(2)) / 2·10⁻⁵, f(x) = ln(e² + eˣ + e⁴) − x
    expect(screen.getByTestId('zero-trace').textContent).toContain('central estimate (f(x + h) − f(x − h)) / 2h−41596.94');
    expect(screen.getByTestId('zero-code').textContent).toContain('zp[1] += h               # stores 3');
  });

  it('differentiating Σ softmax: both sums exactly 1, the estimate exactly 0, and so is the true derivative', () => {
    renderWithLab(<ZeroCases />);
    fireEvent.click(screen.getByRole('radio', { name: 'Σ softmax, a constant' }));
    const trace = screen.getByTestId('zero-trace').textContent;
    expect(trace).toContain('s(x + h) = Σ softmax([2, x + h, 4])1.00000000000000');
    expect(trace).toContain('s(x − h)1.00000000000000');
    expect(trace).toContain('estimate (numerator / 2h)0 (exactly)');
    expect(trace).toContain('the true derivative of s0 (exactly)');
    expect(screen.getByTestId('zero-why').textContent).toContain('this check passes and tests nothing');
  });

  it('aliasing: xp = x moves x too, L(xp) = L(x), the estimate is exactly 0; the copy gives −0.755271', () => {
    renderWithLab(<ZeroCases />);
    fireEvent.click(screen.getByRole('radio', { name: 'xp = x, no copy (NumPy aliasing)' }));
    const trace = screen.getByTestId('zero-trace').textContent;
    expect(trace).toContain('x[1] after xp[1] += h3.00001000000000');
    expect(trace).toContain('estimate (numerator / h)0 (exactly)');
    expect(trace).toContain('with xp = x.copy()−0.7552706');
    expect(screen.getByTestId('zero-code').textContent).toContain('xp = x         # no copy: one array');
  });
});

describe('<TestTolerance>', () => {
  it("shows the tests' own step and tolerances and passes on every logit of the worked example", () => {
    const { container } = renderWithLab(<TestTolerance />);
    expect(GRADIENT_CHECK.step).toBe(1e-5);
    expect(screen.getByTestId('tolerance-constants').textContent).toBe(
      'Step h = 1.00 × 10⁻⁵, relative tolerance 1 × 10⁻⁶, absolute tolerance 1 × 10⁻⁹: a check passes when |analytic − estimate| ≤ 1 × 10⁻⁶ · max(|analytic|, |estimate|) + 1 × 10⁻⁹.',
    );
    expect(container.querySelectorAll('li[data-ok="true"]').length).toBe(3);
    expect(container.querySelectorAll('li[data-relative-ok="false"]').length).toBe(0);
    // ∂L/∂z₂ = p₂ − 1 = −0.7552715289; allowed 10⁻⁶·0.755 + 10⁻⁹ = 7.6 × 10⁻⁷
    const second = screen.getByTestId('tolerance-check-2').textContent ?? '';
    expect(second).toMatch(/^passes ∂L\/∂z₂: p₂ − y₂ = −0\.7552715289, central difference −0\.75527152\d\d; they differ by [\d.]+ × 10⁻¹[⁰¹²³⁴⁵⁶⁷⁸⁹] ≤ 7\.6 × 10⁻⁷ allowed\.$/);
  });

  it('at z = [−10, 0, 10], t = 2, the tiny ∂L/∂z₁ passes through the absolute part, and the row says a relative test alone would fail it', () => {
    const { container } = renderWithLab(<TestTolerance />, { logits: [-10, 0, 10], labels: [0, 1, 0] });
    expect(container.querySelectorAll('li[data-ok="true"]').length).toBe(3);
    const first = screen.getByTestId('tolerance-check-1');
    expect(first.getAttribute('data-relative-ok')).toBe('false');
    // p₁ = e⁻¹⁰/(e⁻¹⁰ + 1 + e¹⁰) = e⁻²⁰/(1 + e⁻¹⁰ + e⁻²⁰) = 2.0610600…·10⁻⁹, written with its digits, not as 0.0000000021
    const p1 = Math.exp(-20) / (1 + Math.exp(-10) + Math.exp(-20));
    expect(p1.toExponential(7)).toBe('2.0610600e-9');
    expect(first.textContent).toContain('p₁ − y₁ = 2.0610600 × 10⁻⁹');
    expect(first.textContent).toMatch(/≤ 1\.0 × 10⁻⁹ allowed\. The relative error, [\d.]+ × 10⁻[²³], is above 1 × 10⁻⁶: a relative tolerance alone would fail this correct formula\.$/);
  });

  it('follows the store: four logits give four checks', () => {
    const { container } = renderWithLab(<TestTolerance />, { logits: [1, -2, 0.5, 3], labels: [0, 0, 1, 0] });
    expect(container.querySelectorAll('li[data-ok="true"]').length).toBe(4);
  });
});

const formula = () => screen.getByTestId('live-formula').getAttribute('aria-label') ?? '';
const radio = (name: string | RegExp) => screen.getByRole<HTMLInputElement>('radio', { name });
const select = (label: string) => screen.getByLabelText<HTMLSelectElement>(label);
const at = (hash: string) => window.history.replaceState(null, '', hash);

/** A widget as an embed shows it, with the lecturer's hidden and locked controls (a locked control is
 * disabled by its fieldset, so tests ask `:disabled`, as a browser and a screen reader see it). */
function renderEmbedded(ui: ReactElement, hidden: string[], locked: string[]) {
  return render(
    <EmbedContext.Provider value={{ embedded: true, hidden: new Set(hidden), locked: new Set(locked) }}>
      <LabProvider store={createLabStore()}>
        <TermScope>{ui}</TermScope>
      </LabProvider>
    </EmbedContext.Provider>,
  );
}

describe('<GradientCheckExplorer> in the address', () => {
  afterEach(() => vi.useRealTimers());

  it('reads wrt=weight&layer=w1&row=1&col=4&logh=-7.5&scheme=forward&prec=float32 at mount: W1[2, 5], h = 10⁻⁷·⁵, forward in float32', () => {
    at('#/gradient-check?wrt=weight&layer=w1&row=1&col=4&logh=-7.5&scheme=forward&prec=float32');
    renderWithLab(<GradientCheckExplorer />);
    expect(radio(/one weight of a 2-16-3 network/).checked).toBe(true);
    expect([select('layer').value, select('row').value, select('column').value]).toEqual(['w1', '1', '4']);
    // 10^−7.5 = 10^0.5 × 10⁻⁸ = 3.162… × 10⁻⁸
    expect(screen.getByTestId('h-value').textContent).toBe('h = 10−7.50 = 3.16 × 10⁻⁸');
    expect(radio('forward difference').checked).toBe(true);
    expect(radio('float32').checked).toBe(true);
    expect(formula()).toContain('Forward difference in float32 for the weight (W₁)₂,₅');
  });

  it('reads k=2 as the logit z3, and wrt=weight alone as the weight the radio starts on', () => {
    at('#/gradient-check?k=2');
    const first = renderWithLab(<GradientCheckExplorer />);
    expect(select('logit').value).toBe('2');
    expect(formula()).toContain('the loss as a function of z₃');
    first.unmount();

    renderWithLab(<GradientCheckExplorer />);
    fireEvent.click(radio(/one weight of a 2-16-3 network/));
    const clicked = formula();
    cleanup();
    at('#/gradient-check?wrt=weight');
    renderWithLab(<GradientCheckExplorer />);
    expect(formula()).toBe(clicked);
    const { layer, row, col } = GRADIENT_CHECK_STATE;
    expect(defaultWeight()).toEqual({ kind: 'weight', layer: layer.default, row: row.default, col: col.default });
  });

  it('refuses wrt=gradient, logh=1e-5, scheme=backward and prec=float16: each keeps its default and is named to the frame', () => {
    at('#/gradient-check?wrt=gradient&logh=1e-5&scheme=backward&prec=float16');
    const frame = createWidgetFrame();
    render(
      <WidgetFrameContext.Provider value={frame}>
        <LabProvider store={createLabStore()}>
          <TermScope>
            <GradientCheckExplorer />
          </TermScope>
        </LabProvider>
      </WidgetFrameContext.Provider>,
    );
    expect(radio('the loss in one logit').checked).toBe(true);
    expect(screen.getByTestId('h-value').textContent).toBe('h = 10−4.00 = 1.00 × 10⁻⁴');
    expect(radio('central difference').checked).toBe(true);
    expect(radio('float64').checked).toBe(true);
    const problems = frame.problems().join('; ');
    for (const key of ['wrt', 'logh', 'scheme', 'prec']) expect(problems).toContain(key);
  });

  it('a k past the learner’s last logit shows the last one, and a row past W1’s two rows its last row', () => {
    at('#/gradient-check?k=7');
    const first = renderWithLab(<GradientCheckExplorer />);
    expect(select('logit').value).toBe('2');
    expect(formula()).toContain('z₃');
    first.unmount();
    at('#/gradient-check?wrt=weight&layer=w1&row=9&col=15');
    renderWithLab(<GradientCheckExplorer />);
    expect(formula()).toContain('the weight (W₁)₂,₁₆');
  });

  it('writes the learner’s changes once they pause: logh=-8, then the W1 weight in row 2, in the schema’s order', () => {
    at('#/gradient-check');
    vi.useFakeTimers();
    renderWithLab(<GradientCheckExplorer />);
    fireEvent.change(slider(), { target: { value: '-8' } });
    fireEvent.click(radio(/one weight of a 2-16-3 network/));
    // the starting weight is W2[16, 1]; W1 has 2 rows, so its row becomes the last, index 1
    fireEvent.change(select('layer'), { target: { value: 'w1' } });
    fireEvent.click(radio('forward difference'));
    act(() => vi.advanceTimersByTime(200));
    expect(window.location.hash).toBe('#/gradient-check');
    act(() => vi.advanceTimersByTime(100));
    expect(window.location.hash).toBe('#/gradient-check?wrt=weight&layer=w1&row=1&logh=-8&scheme=forward');

    fireEvent.click(radio('the loss in one logit'));
    act(() => vi.advanceTimersByTime(300));
    // back on the logit: the weight's fields return to their defaults and leave the address
    expect(window.location.hash).toBe('#/gradient-check?logh=-8&scheme=forward');
  });

  it('in an embed: hide=wrt,logh removes the kind and the h slider; lock=k,scheme disables them, leaving the precision free', () => {
    renderEmbedded(<GradientCheckExplorer />, ['wrt', 'logh'], ['k', 'scheme']);
    expect(screen.queryByRole('radio', { name: 'the loss in one logit' })).toBeNull();
    expect(screen.queryByRole('slider', { name: 'step h, as a power of ten' })).toBeNull();
    expect(select('logit').matches(':disabled')).toBe(true);
    expect(radio('forward difference').matches(':disabled')).toBe(true);
    expect(radio('float32').matches(':disabled')).toBe(false);
    expect(screen.getAllByRole('group', { name: 'Set by your lecturer' }).length).toBe(2);
  });

  it('in an embed with logh=-6&lock=logh the slider shows the link’s h and is disabled', () => {
    at('#/embed/gradient-check/GradientCheckExplorer?logh=-6&lock=logh');
    renderEmbedded(<GradientCheckExplorer />, [], ['logh']);
    expect(slider().matches(':disabled')).toBe(true);
    expect(screen.getByTestId('h-value').textContent).toBe('h = 10−6.00 = 1.00 × 10⁻⁶');
  });
});

describe('<ZeroCases> in the address', () => {
  afterEach(() => vi.useRealTimers());

  it('reads zero=integer at mount, and refuses zero=nan for the default tiny step', () => {
    at('#/gradient-check?zero=integer');
    const first = renderWithLab(<ZeroCases />);
    expect(radio('x in an integer array').checked).toBe(true);
    expect(screen.getByTestId('zero-trace').textContent).toContain('x + h as stored (int64)');
    first.unmount();
    at('#/gradient-check?zero=nan');
    renderWithLab(<ZeroCases />);
    expect(radio('h = 10⁻¹⁶ in float64').checked).toBe(true);
  });

  it('writes zero=float32 once the learner pauses, and nothing for the default', () => {
    at('#/gradient-check');
    vi.useFakeTimers();
    renderWithLab(<ZeroCases />);
    fireEvent.click(radio('h = 10⁻⁸ in float32'));
    act(() => vi.advanceTimersByTime(300));
    expect(window.location.hash).toBe('#/gradient-check?zero=float32');
    fireEvent.click(radio('h = 10⁻¹⁶ in float64'));
    act(() => vi.advanceTimersByTime(300));
    expect(window.location.hash).toBe('#/gradient-check');
  });

  it('in an embed, lock=zero disables the cases and hide=zero removes them, the trace still shown', () => {
    const locked = renderEmbedded(<ZeroCases />, [], ['zero']);
    expect(radio('h = 10⁻⁸ in float32').matches(':disabled')).toBe(true);
    locked.unmount();
    renderEmbedded(<ZeroCases />, ['zero'], []);
    expect(screen.queryAllByRole('radio')).toEqual([]);
    expect(screen.getByTestId('zero-trace').textContent).toContain('0 (exactly)');
  });
});

describe('GRADIENT_CHECK_STATE', () => {
  it('k reaches the lab’s last possible logit, and no further', () => {
    expect(GRADIENT_CHECK_STATE.k.max).toBe(LIMITS.maxClasses - 1);
  });
});
