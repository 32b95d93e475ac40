import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { sigmoid, sigmoidGrad } from '../../src/core/sigmoid';
import { cellCheck, cellView, flowCurves, flowModel, type FlowInputs } from '../../src/chapters/lstm/lstmMath';
import { CHECK_TOLERANCE } from '../../src/chapters/lstm/CellPathCheck';
import { startCellInputs } from '../../src/chapters/lstm/lstmFormula';
import { FLOW_STATE } from '../../src/chapters/lstm/lstmState';
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
  cell: number;
  hidden: number;
  cut: number;
  rnn: number;
}

/** The numpy reference's norms at t = 0, for the model of `over`, at each T. */
function reference(over: Partial<FlowInputs>, steps: number[]): Reference[] {
  const model = flowModel({ ...START, ...over });
  const script = readFileSync(new URL('./reference/lstmFlow.py', import.meta.url), 'utf8');
  const run = spawnSync('python3', ['-W', 'error', '-c', script], { input: JSON.stringify({ ...model, steps }), encoding: 'utf8', timeout: 20_000 });
  if (run.error || run.status !== 0) throw new Error(`python3 with numpy failed: ${run.error?.message ?? run.stderr}`);
  return JSON.parse(run.stdout) as Reference[];
}

/** |log₁₀(value) − exponent| < 0.5: "about 10^exponent". */
const expectAboutPowerOfTen = (value: number, exponent: number) => expect(Math.abs(Math.log10(value) - exponent)).toBeLessThan(0.5);
/** The core's value against numpy's, to 1e-9 relative: far tighter than any claim, far looser than rounding over 100 steps. */
const expectMatches = (core: number, numpy: number) => expect(Math.abs(core - numpy) / numpy).toBeLessThan(1e-9);

describeClaims('lstm', (claim) => {
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

  claim('the cell gradient 50 steps back is about $10^{-11}$', () => {
    const [ref] = reference({ forgetBias: 0 }, [50]);
    expectMatches(at({ forgetBias: 0 }).curves.cell[0] as number, ref!.cell);
    expectAboutPowerOfTen(ref!.cell, -11);
  });

  claim('$(1/2)^{50} \\approx 8.9 \\times 10^{-16}$', () => {
    expect((0.5 ** 50 / 1e-16).toFixed(1)).toBe('8.9');
  });

  claim('With $b_f = 2$ the gates sit near $\\sigma(2) = 0.881$ and it is about $10^{-2}$', () => {
    const [ref] = reference({ forgetBias: 2 }, [50]);
    expectMatches(at({ forgetBias: 2 }).curves.cell[0] as number, ref!.cell);
    expectAboutPowerOfTen(ref!.cell, -2);
  });

  claim('with b_f = 2 the gradient at t = 0 is about 10⁹ times larger than with b_f = 0, for the same weights and inputs', () => {
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

  claim('at scale 3 its gradient 50 steps back is still below $10^{-15}$', () => {
    const [ref] = reference({ scale: 3 }, [50]);
    expectMatches(at({ scale: 3 }).curves.rnn[0] as number, ref!.rnn);
    expect(ref!.rnn).toBeLessThan(1e-15);
  });

  claim('At the explorer\'s start the two agree to a relative error below $10^{-6}$.', () => {
    const { model, curves, steps } = at();
    const check = cellCheck(model, steps, curves.dc0[0] as number);
    expect(check.resolvable).toBe(true);
    expect(check.relativeError).toBeLessThan(1e-6);
    expect(check.relativeError).toBeLessThan(CHECK_TOLERANCE);
  });

  claim(
    'With $b_f = 0$ the check says something else: the gradient, about $10^{-11}$, is below what a difference of $L$ can see.',
    () => {
      const { model, curves, steps } = at({ forgetBias: 0 });
      const check = cellCheck(model, steps, curves.dc0[0] as number);
      expect(check.resolvable).toBe(false);
      expectAboutPowerOfTen(Math.abs(check.analytic), -11);
    },
  );

  claim('dividing by $2h$ makes that an error of about $2 \\times 10^{-11}$ in the quotient', () => {
    // 2⁻⁵² / 10⁻⁵ (two roundings of about 2⁻⁵³ each, over 2h)
    expect((2 ** -52 / 1e-5 / 1e-11).toFixed(0)).toBe('2');
  });
});
