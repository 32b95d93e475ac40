import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect } from 'vitest';
import { CHAPTERS } from '../../src/chapters/chapterList';
import { sigmoid, sigmoidGrad } from '../../src/core/sigmoid';
import { CHECK_STEP, CHECK_TOLERANCE, cellCheck, cellView, flowCurves, flowModel, type FlowInputs } from '../../src/chapters/lstm/lstmMath';
import { FLOW_CURVES } from '../../src/chapters/lstm/flowText';
import { GateCurve } from '../../src/chapters/lstm/GateCurve';
import { startCellInputs } from '../../src/chapters/lstm/lstmFormula';
import { FLOW_STATE, FORGET_BIAS_LIMITS, SCALE_LIMITS } from '../../src/chapters/lstm/lstmState';
import { describeClaims } from './chapterClaims';

/*
 * Chapter 13's claims. The widgets' numbers are replayed with the chapter's own math (lstmMath, which
 * calls the core); the reference values come from closed forms by hand and from a numpy LSTM and RNN
 * written from the textbook equations (tests/claims/reference/lstmFlow.py), fed the same seeded weights
 * and inputs. An order of magnitude ("about 10⁻¹¹") is held to within half a decade, so the claim
 * separates 10⁻¹¹ from 10⁻¹⁰ and 10⁻¹², never from rounding.
 */

const START: Omit<FlowInputs, 'steps'> = { hidden: FLOW_STATE.hidden.default, scale: FLOW_STATE.scale.default, forgetBias: FLOW_STATE.bf.default, seed: FLOW_STATE.seed.default };
const at = (over: Partial<FlowInputs> = {}) => {
  const inputs = { ...START, steps: FLOW_STATE.steps.default, ...over };
  const model = flowModel(inputs);
  return { model, curves: flowCurves(model, inputs.steps), steps: inputs.steps };
};

interface Reference {
  T: number;
  /** ‖∂L/∂c₀‖, ‖∂L/∂h₀‖, ‖∂L/∂h₀‖ with the cell path cut, the RNN's ‖∂L/∂h₀‖ */
  cell: number;
  hidden: number;
  cut: number;
  rnn: number;
  /** the RNN's mean tanh′ over every step and unit */
  rnnSlope: number;
  /** the first unit's ∂L/∂c₀ */
  dc00: number;
  /** ‖(∏ₜ fₜ) ⊙ ∂L/∂c_T‖, the cell line alone, and ‖∂L/∂c_T‖ */
  line: number;
  dcT: number;
  /** L, its largest term |h_T,k|, and the largest |c_T,k| */
  loss: number;
  hMax: number;
  cMax: number;
  /** the forget gates' mean, least and largest value over every step and unit */
  fMean: number;
  fMin: number;
  fMax: number;
}

const script = readFileSync(new URL('./reference/lstmFlow.py', import.meta.url), 'utf8');

/** The numpy reference at t = 0, for the model of `over`, at each T. */
function reference(over: Partial<FlowInputs>, steps: number[]): Reference[] {
  const model = flowModel({ ...START, ...over });
  const run = spawnSync('python3', ['-W', 'error', '-c', script], { input: JSON.stringify({ ...model, steps }), encoding: 'utf8', timeout: 20_000 });
  if (run.error || run.status !== 0) throw new Error(`python3 with numpy failed: ${run.error?.message ?? run.stderr}`);
  return JSON.parse(run.stdout) as Reference[];
}

/** The grid a slider moves on, min to max. */
const grid = ({ min, max, step }: { min: number; max: number; step: number }) =>
  Array.from({ length: Math.round((max - min) / step) + 1 }, (_, k) => min + k * step);

/** |log₁₀(value) − exponent| < 0.5: "about 10^exponent". */
const expectAboutPowerOfTen = (value: number, exponent: number) => expect(Math.abs(Math.log10(value) - exponent)).toBeLessThan(0.5);
/** The core's value against numpy's, to 1e-9 relative: far tighter than any claim, far looser than rounding over 100 steps. */
const expectMatches = (core: number, numpy: number) => expect(Math.abs(core - numpy) / numpy).toBeLessThan(1e-9);

describeClaims('lstm', (claim) => {
  claim('Chapters 5 to 8 met the sigmoid $\\sigma(a) = 1/(1 + e^{-a})$ as a way to turn a score into a probability.', () => {
    // chapters in the contents' order, numbered from 1
    for (const number of [5, 6, 7, 8]) {
      const { slug } = CHAPTERS[number - 1]!;
      expect(readFileSync(new URL(`../../content/${slug}.mdx`, import.meta.url), 'utf8').toLowerCase(), slug).toContain('sigmoid');
    }
  });

  claim(
    'At the explorer\'s start, $a = (1, 2, 0.5, 1)$ and $c = 1$: the forget gate is $f = \\sigma(2) = 0.881$, the input gate $i = \\sigma(1) = 0.731$ and the candidate $g = \\tanh 0.5 = 0.462$, so the cell keeps $f c = 0.881$, writes $i g = 0.338$, and $c\' = 1.219$. With $o = 0.731$, $h\' = 0.731 \\cdot \\tanh 1.219 = 0.614$.',
    () => {
      const inputs = startCellInputs();
      expect(inputs).toEqual({ a: { i: 1, f: 2, g: 0.5, o: 1 }, c: 1 });
      const v = cellView(inputs);
      // by hand: σ(2) = 1/(1 + e⁻²), σ(1) = 1/(1 + e⁻¹), tanh 0.5 = (e − 1)/(e + 1)
      const f = 1 / (1 + Math.exp(-2));
      const i = 1 / (1 + Math.exp(-1));
      const g = (Math.E - 1) / (Math.E + 1);
      const c = f + i * g;
      const close = (x: number | undefined, y: number) => expect(Math.abs((x ?? NaN) - y)).toBeLessThan(1e-12);
      close(v.f[0], f);
      close(v.i[0], i);
      close(v.g[0], g);
      close(v.kept, f);
      close(v.written, i * g);
      close(v.c[0], c);
      close(v.h[0], i * Math.tanh(c));
      expect([f, i, g, f, i * g, c, i].map((x) => x.toFixed(3))).toEqual(['0.881', '0.731', '0.462', '0.881', '0.338', '1.219', '0.731']);
      expect((i * Math.tanh(c)).toFixed(3)).toBe('0.614');
    },
  );

  claim('with equality only at $a = 0$, where $\\sigma = 1/2$', () => {
    // σ′(a) = σ(1 − σ) = 1/4 − (σ − 1/2)², which is 1/4 exactly when σ = 1/2, that is a = 0
    expect(sigmoidGrad(0)).toBe(0.25);
    for (const a of [-6, -1, -0.1, 0.1, 1, 6]) expect(sigmoidGrad(a)).toBeLessThan(0.25);
  });

  claim('At $a_f = 2$ the slope is already down to $\\sigma\'(2) = 0.105$.', () => {
    const s = sigmoid(2);
    expect((s * (1 - s)).toFixed(3)).toBe('0.105');
    expect(cellView(startCellInputs()).slope.f.toFixed(3)).toBe('0.105');
  });

  claim('The dotted line in each card is that steepest tangent.', () => {
    // the card drawn as the page draws it; its dotted line's slope, in the curve's own units, is σ′(0) = 1/4 (tanh′(0) = 1)
    for (const [activation, steepest] of [['sigmoid', 0.25], ['tanh', 1]] as const) {
      const svg = renderToStaticMarkup(createElement(GateCurve, { activation, a: 3, slope: 0.01, term: 't' }));
      const attr = (name: string) => Number(new RegExp(`class="gate-steepest"[^>]*${name}="([^"]+)"`).exec(svg)?.[1]);
      const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map(attr) as [number, number, number, number];
      // the plot maps a ∈ [−6, 6] onto 138 px and the activation's range (1 for σ, 2 for tanh) onto 68 px, y downwards
      const units = ((y1 - y2) / 68) * (activation === 'sigmoid' ? 1 : 2) / (((x2 - x1) / 138) * 12);
      expect(Math.abs(units - steepest)).toBeLessThan(1e-3);
      // and it passes through the curve at a = 0: σ(0) = 1/2, tanh 0 = 0, the middle of the plot
      expect(Math.abs((y1 + y2) / 2 - (8 + 68 / 2))).toBeLessThan(0.1);
    }
  });

  claim('over 50 steps that is $4^{-50} \\approx 10^{-30}$', () => {
    expectAboutPowerOfTen(4 ** -50, -30);
  });

  claim(
    'At the explorer\'s start ($T = 50$, $H = 4$, $b_f = 1$), the RNN\'s gradient at $t = 0$ is about $10^{-17}$: 50 steps of $W_{hh}^\\top$ and $\\tanh\'$ have shrunk it by 17 orders of magnitude.',
    () => {
      expect(START).toMatchObject({ hidden: 4, forgetBias: 1 });
      expect(FLOW_STATE.steps.default).toBe(50);
      const { curves } = at();
      const [ref] = reference({}, [50]);
      expectMatches(curves.rnn[0] as number, ref!.rnn);
      expectAboutPowerOfTen(ref!.rnn, -17);
      // from ‖∂L/∂h_T‖ = ‖w‖ = 2 (H = 4 ones)
      expectAboutPowerOfTen((curves.rnn[50] as number) / ref!.rnn, 17);
    },
  );

  claim('The LSTM without the cell path does worse still, below $10^{-40}$', () => {
    const [ref] = reference({}, [50]);
    expectMatches(at().curves.cut[0] as number, ref!.cut);
    expect(ref!.cut).toBeLessThan(1e-40);
  });

  claim("The LSTM's own cell gradient $\\lVert \\partial L/\\partial c_0 \\rVert$ is about $10^{-5}$.", () => {
    const [ref] = reference({}, [50]);
    expectMatches(at().curves.cell[0] as number, ref!.cell);
    expectAboutPowerOfTen(ref!.cell, -5);
  });

  claim('the forget gates sit near $\\sigma(0) = 1/2$ and the cell gradient 50 steps back is about $10^{-11}$.', () => {
    const [ref] = reference({ forgetBias: 0 }, [50]);
    expectMatches(at({ forgetBias: 0 }).curves.cell[0] as number, ref!.cell);
    expectAboutPowerOfTen(ref!.cell, -11);
    // "near": their mean is within 0.05 of 1/2 (it is 0.50; they range over about 0.2 to 0.77)
    expect(Math.abs(ref!.fMean - 0.5)).toBeLessThan(0.05);
  });

  claim(
    'The cell line alone gives $\\lVert (\\prod_t f_t) \\odot \\partial L/\\partial c_T \\rVert \\approx 8 \\times 10^{-16}$, close to $(1/2)^{50} \\approx 8.9 \\times 10^{-16}$; the rest, a factor of about $10^4$, comes from paths that cross between $c$ and $h$.',
    () => {
      const [ref] = reference({ forgetBias: 0 }, [50]);
      expect((ref!.line / 1e-16).toFixed(0)).toBe('8');
      expect((0.5 ** 50 / 1e-16).toFixed(1)).toBe('8.9');
      // "close": within 20 %, where the whole gradient is four decades away
      expect(Math.abs(ref!.line / 0.5 ** 50 - 1)).toBeLessThan(0.2);
      expectAboutPowerOfTen(ref!.cell / ref!.line, 4);
    },
  );

  claim('With $b_f = 2$ the gates sit near $\\sigma(2) = 0.881$ and it is about $10^{-2}$', () => {
    const [ref] = reference({ forgetBias: 2 }, [50]);
    expectMatches(at({ forgetBias: 2 }).curves.cell[0] as number, ref!.cell);
    expectAboutPowerOfTen(ref!.cell, -2);
    // their mean is 0.87, within 0.02 of σ(2); σ(1) = 0.73 and σ(3) = 0.95 are far outside
    expect(Math.abs(ref!.fMean - sigmoid(2))).toBeLessThan(0.02);
  });

  claim('the gradient at $t = 0$ is about $10^9$ times larger than with $b_f = 0$, for the same weights and inputs', () => {
    const [two] = reference({ forgetBias: 2 }, [50]);
    const [zero] = reference({ forgetBias: 0 }, [50]);
    expectAboutPowerOfTen(two!.cell / zero!.cell, 9);
    expectAboutPowerOfTen((at({ forgetBias: 2 }).curves.cell[0] as number) / (at({ forgetBias: 0 }).curves.cell[0] as number), 9);
  });

  claim("Even at $T = 100$, with $b_f = 2$ the cell gradient at $t = 0$ is still above $10^{-4}$, while the RNN's is below $10^{-30}$.", () => {
    const [ref] = reference({ forgetBias: 2 }, [100]);
    const { curves } = at({ forgetBias: 2, steps: 100 });
    expectMatches(curves.cell[0] as number, ref!.cell);
    expectMatches(curves.rnn[0] as number, ref!.rnn);
    expect(ref!.cell).toBeGreaterThan(1e-4);
    expect(ref!.rnn).toBeLessThan(1e-30);
  });

  claim("The RNN's curve does not move with $b_f$: it has no forget gate.", () => {
    const base = at().curves.rnn;
    for (const forgetBias of [-3, 0, 2, 5]) expect(at({ forgetBias }).curves.rnn).toEqual(base);
  });

  claim(
    'The cell gradient at $t = 0$ is largest near $b_f = 3.5$, about $4 \\times 10^{-2}$, and falls to about $10^{-2}$ at $b_f = 5$: the cell state then grows to $|c_T| \\approx 10$, $\\tanh\'(c_T)$ is nearly 0, and the gradient that enters the cell line, $\\lVert \\partial L/\\partial c_T \\rVert$, drops from $0.64$ at $b_f = 1$ to $0.008$.',
    () => {
      // every value of the slider, by the numpy reference; the largest at 3.5
      const biases = grid(FORGET_BIAS_LIMITS);
      const cells = biases.map((forgetBias) => reference({ forgetBias }, [50])[0]!.cell);
      const best = cells.indexOf(Math.max(...cells));
      expect(biases[best]).toBe(3.5);
      expect((cells[best]! / 1e-2).toFixed(0)).toBe('4');
      const [five] = reference({ forgetBias: 5 }, [50]);
      expectAboutPowerOfTen(five!.cell, -2);
      expect(Math.abs(five!.cMax - 10)).toBeLessThan(1);
      // tanh′ at the largest |c_T|: 1 − tanh²(9.7) ≈ 1.6 × 10⁻⁸
      expect(1 - Math.tanh(five!.cMax) ** 2).toBeLessThan(1e-6);
      const [one] = reference({ forgetBias: 1 }, [50]);
      expect(one!.dcT.toFixed(2)).toBe('0.64');
      expect(five!.dcT.toPrecision(1)).toBe('0.008');
    },
    60_000,
  );

  claim(
    'A larger weight scale helps the RNN only a little: its gradient 50 steps back is at best about $10^{-13}$, near scale 2, and at scale 3 it is below $10^{-15}$ again, as its units saturate and $\\tanh\'$ falls towards 0.',
    () => {
      const scales = grid(SCALE_LIMITS);
      const refs = scales.map((scale) => reference({ scale }, [50])[0]!);
      const rnns = refs.map((r) => r.rnn);
      const best = rnns.indexOf(Math.max(...rnns));
      expect(Math.abs(scales[best]! - 2)).toBeLessThanOrEqual(0.25);
      expectAboutPowerOfTen(rnns[best]!, -13);
      const three = refs[scales.indexOf(3)]!;
      expectMatches(at({ scale: 3 }).curves.rnn[0] as number, three.rnn);
      expect(three.rnn).toBeLessThan(1e-15);
      // saturation: the mean tanh′ over the run falls with the scale, and at 3 is under half of scale 1's
      const one = refs[scales.indexOf(1)]!;
      expect(three.rnnSlope).toBeLessThan(0.5 * one.rnnSlope);
    },
    60_000,
  );

  claim(
    'At the explorer\'s start the two agree to a relative error of about $10^{-7}$, which is the rounding floor there, far inside the check\'s bar of $10^{-4}$.',
    () => {
      expect(CHECK_TOLERANCE).toBe(1e-4);
      const { model, curves, steps } = at();
      const check = cellCheck(model, steps, curves.dc0[0] as number);
      const [ref] = reference({}, [50]);
      expectMatches(check.analytic, ref!.dc00);
      expect(check.resolvable).toBe(true);
      // rounding moves it (nearby starting points give up to 2 × 10⁻⁶), so the claim is held to 10⁻⁵
      expect(check.relativeError).toBeLessThan(1e-5);
      // the floor, ε × the largest of |L| and |h_T,k| over δ, by hand from numpy's L and h_T, as a part of the gradient
      const floor = (2 ** -52 * Math.max(Math.abs(ref!.loss), ref!.hMax)) / 1e-5 / Math.abs(ref!.dc00);
      expectAboutPowerOfTen(floor, -6);
      expect(check.relativeError).toBeLessThan(3 * floor);
    },
  );

  claim(
    "With $b_f = 0$ the check says something else: the first unit's gradient, $4.7 \\times 10^{-12}$, is too small for a difference of $L$ to confirm.",
    () => {
      const { model, curves, steps } = at({ forgetBias: 0 });
      const check = cellCheck(model, steps, curves.dc0[0] as number);
      const [ref] = reference({ forgetBias: 0 }, [50]);
      expect((Math.abs(ref!.dc00) / 1e-12).toFixed(1)).toBe('4.7');
      expectMatches(check.analytic, ref!.dc00);
      expect(check.resolvable).toBe(false);
    },
  );

  claim(
    '$L$ and its largest term are about $0.1$ here, each evaluation is rounded by about $\\varepsilon \\cdot 0.1$ with $\\varepsilon = 2^{-52}$, and dividing by $\\delta$ makes that about $2.5 \\times 10^{-12}$ in the quotient, half the gradient',
    () => {
      const [ref] = reference({ forgetBias: 0 }, [50]);
      // L = 0.066 and max |h_T,k| = 0.11: both round to 0.1 at one figure
      expect(Math.abs(ref!.loss).toFixed(1)).toBe('0.1');
      expect(ref!.hMax.toFixed(1)).toBe('0.1');
      const floor = (2 ** -52 * Math.max(Math.abs(ref!.loss), ref!.hMax)) / 1e-5;
      expect((floor / 1e-12).toFixed(1)).toBe('2.5');
      expect(Math.abs(floor / Math.abs(ref!.dc00) - 0.5)).toBeLessThan(0.1);
      expect(CHECK_STEP).toBe(1e-5);
      const { model, curves, steps } = at({ forgetBias: 0 });
      expect(Math.abs(cellCheck(model, steps, curves.dc0[0] as number).roundingFloor / floor - 1)).toBeLessThan(1e-9);
    },
  );

  claim('The estimate, $3.5 \\times 10^{-12}$, still sees the gradient, but a quarter off.', () => {
    const { model, curves, steps } = at({ forgetBias: 0 });
    const check = cellCheck(model, steps, curves.dc0[0] as number);
    expect((check.numeric / 1e-12).toFixed(1)).toBe('3.5');
    // the sign and the size are right, the error between a fifth and a third
    expect(check.relativeError).toBeGreaterThan(0.2);
    expect(check.relativeError).toBeLessThan(1 / 3);
  });

  claim(
    'A backward pass has no such floor: it multiplies small numbers instead of subtracting large ones, and it matches an independent one to $10^{-9}$.',
    () => {
      // at b_f = 0, where the difference quotient is a quarter off, the backward pass matches numpy's
      const { curves } = at({ forgetBias: 0 });
      const [ref] = reference({ forgetBias: 0 }, [50]);
      expectMatches(curves.dc0[0] as number, ref!.dc00);
      expectMatches(curves.cell[0] as number, ref!.cell);
    },
  );

  claim('The dashed curve is the LSTM without the cell path.', () => {
    const dashed = FLOW_CURVES.filter((c) => c.dashed);
    expect(dashed.map((c) => c.key)).toEqual(['cut']);
    expect(dashed[0]!.name).toMatch(/without the cell path/);
    // and its values are the cut model's, numpy's dL/dh_0 with every c_{t−1} held constant
    const [ref] = reference({}, [50]);
    expectMatches(at().curves.cut[0] as number, ref!.cut);
  });

  claim('the right end of each curve is the step where the loss is read, the left end $T$ steps before it (50 at the start).', () => {
    expect(FLOW_STATE.steps.default).toBe(50);
    for (const steps of [1, 17, 100]) {
      const { curves } = at({ steps });
      for (const c of FLOW_CURVES) expect(curves[c.key]).toHaveLength(steps + 1);
      // at t = T the hidden gradient is ∂L/∂h_T = (1, …, 1): ‖·‖ = √H = 2 for every curve of h
      expect(curves.hidden[steps]).toBeCloseTo(2, 12);
      expect(curves.rnn[steps]).toBeCloseTo(2, 12);
    }
  });
});
