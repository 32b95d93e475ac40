/**
 * The one number formatter: plots, live formulas, text alternatives and prose all go through it, so a
 * value never reads "0.09" in a label and "0.090" in a formula.
 *
 * `digits` is the count of decimals in fixed notation. Values too small to show a significant digit
 * that way, or too large to read, switch to scientific notation with `digits` significant digits,
 * so 4.25e-18 reads 4.25 × 10⁻¹⁸ instead of a misleading 0.000. Non-finite values read as words
 * ("∞", "undefined"), never as "NaN".
 */

export interface NumberParts {
  kind: 'fixed' | 'scientific' | 'infinite' | 'undefined';
  negative: boolean;
  /** digits of a fixed number, or the mantissa of a scientific one, without sign */
  mantissa: string;
  /** power of ten (scientific only) */
  exponent: number;
}

const LARGE_LIMIT = 1e5;

export function numberParts(x: number, digits = 3): NumberParts {
  if (Number.isNaN(x)) return { kind: 'undefined', negative: false, mantissa: '', exponent: 0 };
  const negative = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  if (a === Infinity) return { kind: 'infinite', negative, mantissa: '', exponent: 0 };
  if (a === 0 || (a >= 0.5 * 10 ** -digits && a < LARGE_LIMIT)) {
    const fixed = a.toFixed(digits);
    // -0.000 would read as a negative zero; a rounded-away sign is no sign.
    const isZero = Number(fixed) === 0;
    return { kind: 'fixed', negative: negative && !isZero, mantissa: fixed, exponent: 0 };
  }
  const [m, e] = a.toExponential(Math.max(digits - 1, 0)).split('e');
  return { kind: 'scientific', negative, mantissa: m ?? '', exponent: Number(e) };
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/** An integer exponent in superscript digits: −18 → "⁻¹⁸". */
export function superscript(exponent: number): string {
  return String(exponent).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);
}

/** Plain text: "0.090", "−1.50", "4.25 × 10⁻¹⁸", "∞", "undefined". Uses the true minus sign. */
export function formatNumber(x: number, digits = 3): string {
  const p = numberParts(x, digits);
  const sign = p.negative ? '−' : '';
  switch (p.kind) {
    case 'undefined':
      return 'undefined';
    case 'infinite':
      return `${sign}∞`;
    case 'fixed':
      return sign + p.mantissa;
    case 'scientific': {
      return `${sign}${p.mantissa} × 10${superscript(p.exponent)}`;
    }
  }
}

/** The same number as LaTeX for KaTeX: "0.090", "-1.50", "4.25 \times 10^{-18}", "\infty". */
export function texNumber(x: number, digits = 3): string {
  const p = numberParts(x, digits);
  const sign = p.negative ? '-' : '';
  switch (p.kind) {
    case 'undefined':
      return '\\text{undefined}';
    case 'infinite':
      return `${sign}\\infty`;
    case 'fixed':
      return sign + p.mantissa;
    case 'scientific':
      // {10}: a superscript binds to the last character, and the whole 10 is the base
      return `${sign}${p.mantissa} \\times {10}^{${p.exponent}}`;
  }
}

/**
 * One notation for every cell of a table, so its columns line up and no cell reads "0.15" beside
 * "3.4 × 10⁻³": fixed decimals that give the largest |value| `significant` digits (smaller values
 * get fewer, and one far below the largest reads 0.000, as in any printed table). Where that would
 * take more than `maxDecimals` decimals, or the largest is too large to read fixed, every cell is
 * scientific with the largest's power of ten, shared: 1.23 × 10⁻⁷, 0.04 × 10⁻⁷.
 */
export interface TableNotation {
  decimals: number;
  /** the shared power of ten; 0 in fixed notation */
  exponent: number;
}

export interface TableNotationOptions {
  significant?: number;
  minDecimals?: number;
  maxDecimals?: number;
}

export function tableNotation(values: Iterable<number>, { significant = 3, minDecimals = 0, maxDecimals = 6 }: TableNotationOptions = {}): TableNotation {
  let largest = 0;
  for (const v of values) if (Number.isFinite(v)) largest = Math.max(largest, Math.abs(v));
  const clamp = (d: number) => Math.min(maxDecimals, Math.max(minDecimals, d));
  if (largest === 0) return { decimals: clamp(significant), exponent: 0 };
  const lead = Math.floor(Math.log10(largest));
  const decimals = significant - 1 - lead;
  if (largest >= LARGE_LIMIT || decimals > maxDecimals) return { decimals: Math.max(significant - 1, 0), exponent: lead };
  return { decimals: clamp(decimals), exponent: 0 };
}

/**
 * A cell of a table in its table's notation (non-finite values read as words, as in formatNumber).
 * `withPower: false` leaves out a shared "× 10⁻⁴", for a table that states it once in its title.
 */
export function formatInTable(x: number, { decimals, exponent }: TableNotation, { withPower = true } = {}): string {
  if (!Number.isFinite(x)) return formatNumber(x);
  const digits = (Math.abs(x) / 10 ** exponent).toFixed(decimals);
  // as in numberParts: a value rounded to zero carries no sign
  const sign = x < 0 && Number(digits) !== 0 ? '−' : '';
  return exponent === 0 || !withPower ? sign + digits : `${sign}${digits} ${powerOfTen(exponent)}`;
}

/** "× 10⁻⁴": a table's shared power of ten, as its title states it */
export function powerOfTen(exponent: number): string {
  return `× 10${superscript(exponent)}`;
}

/**
 * How many digits each kind of quantity shows in the live formulas and in their words for screen
 * readers (the `digits` of formatNumber and texNumber): one table, so that a probability reads alike in every chapter
 * and a change of precision is made once, by name.
 */
export const DIGITS = {
  /** a logit set on a slider of step 0.01 or 0.1 */
  logit: 2,
  /** chapter 7's logit, whose slider moves in tenths */
  tenthsLogit: 1,
  /** a probability, a loss, a gradient, an entropy, a Jacobian entry: the page's default */
  value: 3,
  /** logistic regression's weights */
  weight: 3,
  /** logistic regression's cost, to the digit that tells its two formulations agree */
  cost: 4,
} as const;
