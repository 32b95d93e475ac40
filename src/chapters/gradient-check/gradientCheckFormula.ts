import { formatNumber, powerOfTen, texNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import type { Precision } from '../../core/gradientCheck';
import { workedExample } from '../../url/labInputs';
import { estimateAt, logitQuantity, START_EXPONENT, type Estimate, type ScalarQuantity } from './gradientCheckMath';

/**
 * The live formula of chapter 9: the chosen difference quotient written out with its current numbers,
 * then the analytic derivative and the relative error. LaTeX is built only from fixed templates and
 * texNumber(); the same numbers in words are the formula's text alternative.
 */

/** Decimals of f(x ± h): all a double holds for a value near 1 (15 significant digits), or a float32's 8. */
export function valueDigits(precision: Precision): number {
  return precision === 'float64' ? 14 : 7;
}
/** Decimals of a derivative: enough to see where an estimate parts from the analytic value. */
export const DERIVATIVE_DIGITS = 10;
/** A relative error to two significant digits. */
export const ERROR_DIGITS = 2;

/**
 * Decimals that show a step h = 10^e to three significant digits: fixed down to 5 × 10⁻⁴
 * ("0.0562", "0.000562"), scientific below ("5.62 × 10⁻⁵"), never "0.001" for 0.000562.
 */
export function stepDigits(h: number): number {
  return h >= 5e-4 ? Math.max(3, Math.ceil(-Math.log10(h)) + 2) : 3;
}

export function formatStep(h: number): string {
  return formatNumber(h, stepDigits(h));
}

/** Significant digits of a derivative below 10⁻⁴ in size, where ten decimals would keep only a few. */
export const SMALL_DERIVATIVE_DIGITS = 8;

/** v in scientific notation with `significant` digits, as text ("2.0611536 × 10⁻⁹") or LaTeX. */
export function scientificText(v: number, significant: number, tex = false): string {
  const [mantissa = '', e = '0'] = Math.abs(v).toExponential(significant - 1).split('e');
  const exponent = Number(e);
  if (tex) return `${v < 0 ? '-' : ''}${mantissa} \\times {10}^{${exponent}}`;
  return `${v < 0 ? '−' : ''}${mantissa} ${powerOfTen(exponent)}`;
}

/**
 * A derivative as read: "0" for an exact zero, so the zero the chapter is about reads as one, not as
 * 0.0000000000; ten decimals from 10⁻⁴ up; below, eight significant digits in scientific notation
 * ("2.0611536 × 10⁻⁹"), so that an entry near 0 and its estimate can be told apart.
 */
export function derivativeText(v: number, tex = false): string {
  if (v === 0) return '0';
  if (!Number.isFinite(v) || Math.abs(v) >= 1e-4) return tex ? texNumber(v, DERIVATIVE_DIGITS) : formatNumber(v, DERIVATIVE_DIGITS);
  return scientificText(v, SMALL_DERIVATIVE_DIGITS, tex);
}

/** A small positive quantity (a gap, a tolerance, a relative error) to two significant digits; 0 as "0". */
export function smallText(v: number): string {
  if (v === 0) return '0';
  if (!Number.isFinite(v) || Math.abs(v) >= 0.1) return formatNumber(v, 2);
  return scientificText(v, 2);
}

function derivative(v: number, tex: boolean): string {
  return derivativeText(v, tex);
}

function errorText(error: number, tex: boolean): string {
  if (error === 0) return tex ? '0 \\text{ (exactly)}' : '0 (exactly)';
  return tex ? texNumber(error, ERROR_DIGITS) : formatNumber(error, ERROR_DIGITS);
}

export interface GradientCheckTex {
  quotient: [string, string, string];
  analytic: [string];
  error: [string, string];
}

export function gradientCheckTex(q: ScalarQuantity, e: Estimate): GradientCheckTex {
  const { trace, scheme, precision } = e;
  const d = valueDigits(precision);
  const h = `\\term{${term.differenceStep()}}{${texNumber(trace.h, stepDigits(trace.h))}}`;
  const err = term.differenceError(scheme, precision);
  const x = q.symbolTex;
  const central = scheme === 'central';
  const symbols = central
    ? `\\displaystyle \\frac{f(${x} + h) - f(${x} - h)}{2h}`
    : `\\displaystyle \\frac{f(${x} + h) - f(${x})}{h}`;
  const numbers = `\\displaystyle {} = \\frac{${texNumber(trace.fPlus, d)} - ${texNumber(trace.fMinus, d)}}{${central ? `2 \\times ${h}` : h}}`;
  const result = `\\displaystyle {} = \\frac{${derivative(trace.numerator, true)}}{${texNumber(trace.denominator, stepDigits(trace.denominator))}} = \\term{${err}}{${derivative(trace.estimate, true)}}`;
  return {
    quotient: [symbols, numbers, result],
    analytic: [`\\displaystyle \\text{analytic: } \\frac{\\partial L}{\\partial ${x}} = ${derivative(q.analytic, true)}`],
    error: [
      `\\displaystyle \\text{relative error} = \\frac{|\\text{estimate} - \\text{analytic}|}{|\\text{analytic}|}`,
      `\\displaystyle {} = \\term{${err}}{${errorText(e.error, true)}}`,
    ],
  };
}

/** The formula in words with its current numbers. */
export function gradientCheckText(q: ScalarQuantity, e: Estimate): string {
  const { trace, scheme, precision } = e;
  const d = valueDigits(precision);
  const central = scheme === 'central';
  const h = formatStep(trace.h);
  const v = q.short;
  return [
    `${central ? 'Central' : 'Forward'} difference in ${precision} for ${q.name}, h = ${h}:`,
    central
      ? `(f(${v} + h) − f(${v} − h)) / 2h = (${formatNumber(trace.fPlus, d)} − ${formatNumber(trace.fMinus, d)}) / (2 × ${h})`
      : `(f(${v} + h) − f(${v})) / h = (${formatNumber(trace.fPlus, d)} − ${formatNumber(trace.fMinus, d)}) / ${h}`,
    `= ${derivative(trace.numerator, false)} / ${formatStep(trace.denominator)} = ${derivative(trace.estimate, false)}.`,
    `Analytic derivative ${derivative(q.analytic, false)}; relative error ${errorText(e.error, false)}.`,
  ].join(' ');
}

/**
 * The explorer's starting formulas, for src/build/prerenderedFormulas.ts: the worked example's loss in
 * z₂ at h = 10⁻⁴, each scheme in each precision, typeset at build time.
 */
export function gradientCheckStartFormulas(): { tex: string; display: boolean }[] {
  const { logits, labels } = workedExample();
  const q = logitQuantity(logits, labels, 1);
  const h = 10 ** START_EXPONENT;
  return (['central', 'forward'] as const).flatMap((scheme) =>
    (['float64', 'float32'] as const).flatMap((precision) => {
      const tex = gradientCheckTex(q, estimateAt(q, h, scheme, precision));
      return [...tex.quotient, ...tex.analytic, ...tex.error].map((t) => ({ tex: t, display: false }));
    }),
  );
}
