import { describe, expect, it } from 'vitest';
import { comparison, epsilonAt, epsilonCurves, formatResult, labelLogitFor, texResult, backwardAt } from '../../../../src/chapters/stability/stabilityMath';
import { logitRule, snapStabilityLogit, formatLogits } from '../../../../src/chapters/stability/stabilityInputs';
import { parseTypedNumber } from '../../../../src/controls/parseTypedNumber';
import { createStabilityStore } from '../../../../src/chapters/stability/StabilityContext';
import { backwardText, epsilonText, stabilityStartFormulas, textEpsilon } from '../../../../src/chapters/stability/stabilityFormula';

const cell = (z: number[], label: number, form: string, precision: string) =>
  comparison(z, label).find((c) => c.form === form && c.precision === precision)!;
const flagTexts = (z: number[], label: number, form: string, precision: string) => cell(z, label, form, precision).flags.map((f) => f.text);

describe('formatResult and texResult', () => {
  it('formatResult writes NaN as "NaN" and ∞ as "∞", finite numbers as the shared formatter does', () => {
    expect(formatResult(NaN)).toBe('NaN');
    expect(formatResult(Infinity)).toBe('∞');
    expect(formatResult(-0.5)).toBe('−0.500');
    expect(texResult(NaN)).toBe('\\text{NaN}');
    expect(texResult(-Infinity)).toBe('-\\infty');
  });
});

describe('comparison', () => {
  it('comparison([1000, 999, 998], 0): naive cells NaN with the ∞/∞ reason, stable cells log(1 + e⁻¹ + e⁻²)', () => {
    expect(flagTexts([1000, 999, 998], 0, 'naive', 'float64')).toEqual([
      'e^z overflowed to ∞ for z₁, z₂, z₃ (above 709.78).',
      'p₁, p₂, p₃ = NaN = ∞/∞: every exponential overflowed.',
      'L = −ln p₁ = −ln NaN = NaN.',
    ]);
    expect(flagTexts([1000, 999, 998], 0, 'naive', 'float32')[0]).toBe('e^z overflowed to ∞ for z₁, z₂, z₃ (above 88.72).');
    const lse = Math.log(1 + Math.exp(-1) + Math.exp(-2));
    expect(cell([1000, 999, 998], 0, 'stable', 'float64').loss).toBeCloseTo(lse, 14);
    expect(cell([1000, 999, 998], 0, 'stable', 'float32').loss).toBeCloseTo(lse, 6);
  });

  it('comparison([−1000, −1000, −1000], 1) names 0/0 for the naive form', () => {
    expect(flagTexts([-1000, -1000, -1000], 1, 'naive', 'float64')).toContain('p₁, p₂, p₃ = NaN = 0/0: every exponential underflowed.');
    // stable: 1/3 each, L = ln 3
    expect(cell([-1000, -1000, -1000], 1, 'stable', 'float64').loss).toBeCloseTo(Math.log(3), 15);
  });

  it('comparison([−1000, 0, 1000], 0): naive L = ∞ after p₁ = 0; stable p₁ underflows yet L = 2000', () => {
    expect(cell([-1000, 0, 1000], 0, 'naive', 'float64').loss).toBe(Infinity);
    expect(flagTexts([-1000, 0, 1000], 0, 'naive', 'float64')).toContain('L = −ln 0 = ∞.');
    expect(flagTexts([-1000, 0, 1000], 0, 'stable', 'float64')[1]).toBe('p₁, p₂ underflowed to 0, yet L = −log-softmax stays finite: 2000.000.');
  });

  it('comparison([88.7, 88.7, 88.7], 0) in float32: each e^z finite but the sum overflows, p = finite/∞ = 0', () => {
    const texts = flagTexts([88.7, 88.7, 88.7], 0, 'naive', 'float32');
    expect(texts[0]).toBe('Each e^z is finite, but their sum overflowed to ∞.');
    expect(texts).toContain('p₁, p₂, p₃ = finite/∞ = 0.');
  });

  it('comparison([2, 3, 4], 0) is all finite and says so', () => {
    expect(flagTexts([2, 3, 4], 0, 'naive', 'float64')).toEqual(['Every number is finite.']);
  });
});

describe('epsilonAt, epsilonCurves and labelLogitFor', () => {
  it('epsilonAt([−1000, 0, 0], 0, 1e-8): the trick reports −ln ε ≈ 18.42, the error is L_ε − L', () => {
    const e = epsilonAt([-1000, 0, 0], 0, 1e-8);
    expect(e.trickLoss).toBeCloseTo(8 * Math.LN10, 12);
    expect(e.trueLoss).toBeCloseTo(1000 + Math.LN2, 10);
    expect(e.error).toBeCloseTo(e.trickLoss - e.trueLoss, 10);
    expect(e.gradientFactor).toBe(0);
  });

  it('epsilonCurves: the error at log₁₀ p = −8 for ε = 1e-8 is −ln 2; the gradient error there is −½', () => {
    const c = epsilonCurves([1e-8], 25); // x = −24, −23, …, 0
    const at = (points: [number, number][] | undefined) => points?.find(([x]) => x === -8)?.[1];
    expect(at(c.errors.get(1e-8))).toBeCloseTo(-Math.LN2, 12);
    expect(at(c.relativeGradient.get(1e-8))).toBeCloseTo(-0.5, 12);
    // relative loss error: −ln 2 / (8 ln 10)
    expect(at(c.relativeLoss.get(1e-8))).toBeCloseTo(-Math.LN2 / (8 * Math.LN10), 12);
  });

  it('labelLogitFor inverts p_y: the logit it returns gives that log₁₀ p_y', () => {
    for (const x of [-20, -8, -0.5]) {
      const z = [0, 3, 4];
      z[0] = labelLogitFor(x, z, 0);
      expect(epsilonAt(z, 0, 1e-8).log10P).toBeCloseTo(x, 10);
    }
  });

  it('backwardAt([−1000, 0, 1000], 0, 0, "float64"): fused [−1, 0, 1], u₁ = −∞, ⟨u, p⟩ = NaN, both chains NaN', () => {
    const b = backwardAt([-1000, 0, 1000], 0, 0, 'float64');
    expect(Array.from(b.fused)).toEqual([-1, 0, 1]);
    expect(b.upstream).toBe(-Infinity);
    expect(Number.isNaN(b.dot)).toBe(true);
    expect(Array.from(b.chain).every(Number.isNaN)).toBe(true);
    expect(Array.from(b.naiveChain).every(Number.isNaN)).toBe(true);
    expect(backwardText(b, 0, 0)).toContain('⟨u, p⟩ = Σ u_k p_k = NaN, and ∂L_ε/∂z = p ⊙ (u − ⟨u, p⟩) = [NaN, NaN, NaN]');
  });

  it('backwardAt([2, 3, 4], 0, 1e-8): ⟨u, p⟩ = −p₁/(p₁ + ε) by hand, and the chain is p − y scaled by p₁/(p₁ + ε)', () => {
    const e = [Math.exp(2), Math.exp(3), Math.exp(4)];
    const s = e[0]! + e[1]! + e[2]!;
    const p = e.map((v) => v / s);
    const b = backwardAt([2, 3, 4], 0, 1e-8, 'float64');
    expect(b.upstream).toBeCloseTo(-1 / (p[0]! + 1e-8), 10);
    expect(b.dot).toBeCloseTo(-p[0]! / (p[0]! + 1e-8), 14);
    b.chain.forEach((g, j) => expect(g).toBeCloseTo((p[0]! / (p[0]! + 1e-8)) * (p[j]! - (j === 0 ? 1 : 0)), 14));
  });
});

describe('typed logits and the store', () => {
  it('a typed logit (logitRule) takes "−12.5" and "1e2", and refuses "abc", "", "5000", "Infinity" and "88.75" naming the range', () => {
    expect(parseTypedNumber('−12.5', logitRule('z1'))).toEqual({ ok: true, value: -12.5 });
    expect(parseTypedNumber(' 1e2 ', logitRule('z1'))).toEqual({ ok: true, value: 100 });
    expect(parseTypedNumber('abc', logitRule('z2'))).toEqual({ ok: false, message: '“abc” is not a number: z2 must be a number from −1000 to 1000 in steps of 0.1.' });
    expect(parseTypedNumber('', logitRule('z2'))).toMatchObject({ ok: false });
    expect(parseTypedNumber('5000', logitRule('z3'))).toEqual({ ok: false, message: '“5000” is too large: z3 must be a number from −1000 to 1000 in steps of 0.1.' });
    expect(parseTypedNumber('Infinity', logitRule('z3'))).toMatchObject({ ok: false });
    // the sliders' grid: 88.75 would be taken as 88.8 if it were not refused
    expect(parseTypedNumber('88.75', logitRule('z1'))).toEqual({
      ok: false,
      message: '“88.75” has too many decimal places: z1 must be a number from −1000 to 1000 in steps of 0.1.',
    });
  });

  it('snapStabilityLogit snaps to 0.1 and clamps to ±1000', () => {
    expect(snapStabilityLogit(88.7234)).toBe(88.7);
    expect(snapStabilityLogit(1e6)).toBe(1000);
    expect(formatLogits([-1000, 0, 88.7])).toBe('[−1000, 0, 88.7]');
  });

  it('the store refuses a non-finite logit, an unknown ε and a label out of range, keeping the last good state', () => {
    const store = createStabilityStore();
    const { setLogit, setEpsilon, setLabel, setLogits } = store.getState();
    setLogit(0, NaN);
    setEpsilon(0.5);
    setLabel(3);
    setLogits([1, 2]);
    expect(store.getState()).toMatchObject({ logits: [2, 3, 4], epsilon: 1e-8, label: 0 });
    setLogit(2, 1234);
    expect(store.getState().logits).toEqual([2, 3, 1000]);
  });

  it('textEpsilon and epsilonText write ε as a power of ten', () => {
    expect(textEpsilon(1e-8)).toBe('10⁻⁸');
    expect(textEpsilon(0)).toBe('0');
    expect(epsilonText(epsilonAt([2, 3, 4], 0, 1e-8), 1e-8, 0)).toContain('L_ε = −ln(p1 + 10⁻⁸)');
  });

  it('stabilityStartFormulas gives the eight starting formulas in two pieces each, every natural log written \\ln', () => {
    const formulas = stabilityStartFormulas();
    expect(formulas).toHaveLength(16);
    expect(formulas.some((f) => f.tex.includes('\\log'))).toBe(false);
    expect(formulas.some((f) => f.tex.includes('\\ln p_{1}'))).toBe(true);
  });
});
