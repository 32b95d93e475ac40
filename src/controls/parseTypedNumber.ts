/**
 * What a typed number field accepts (NumberField.tsx): a plain decimal number, as a learner writes one
 * and as the page prints one — 2, -1.5, .5, 1e-3, with the page's own minus sign "−" too — inside the
 * field's range, and a whole number where the field counts something. Nothing else is read as a
 * number: not "1,5" (a decimal comma or a thousands separator? either guess would be silent), not
 * "0x10", not "Infinity". Nothing is rounded or clamped into range: a refusal says what was typed,
 * why it is refused and what the field takes, so the learner learns the rule instead of a surprise.
 */

export interface NumberRule {
  /** what the value is, as a message names it: "the seed", "the sample", "z1" */
  name: string;
  min: number;
  max: number;
  /** a count or a seed: only whole numbers */
  whole?: boolean;
  /** at most this many decimal places (1: steps of 0.1), for a value that lives on a slider's grid */
  decimals?: number;
}

export type TypedNumber = { ok: true; value: number } | { ok: false; message: string };

const DECIMAL = /^([-+]?)(\d*)(?:\.(\d*))?(?:e([-+]?\d+))?$/i;

/** The limits as the page writes numbers, with the true minus sign, and never in scientific notation. */
const limit = (v: number) => String(v).replace('-', '−');

/** What the field takes, in words: "the seed must be a whole number from 0 to 99999." */
export const ruleText = ({ name, min, max, whole, decimals }: NumberRule) =>
  `${name} must be ${whole ? 'a whole number' : 'a number'} from ${limit(min)} to ${limit(max)}` +
  (!whole && decimals !== undefined ? ` in steps of ${limit(10 ** -decimals)}.` : '.');

/** The typed text as the message quotes it: a long paste is cut, so the message stays readable. */
const quoted = (text: string) => {
  const t = text.trim();
  return `“${t.length > 24 ? `${t.slice(0, 24)}…` : t}”`;
};

/**
 * How many decimal places the decimal digits `int`.`frac` × 10^`exp` have, decided on the digits
 * themselves: Number("2.0000000000000001") is 2, but nobody typed a whole number. Trailing zeros do not
 * count ("2.50" has one place, "1e3" none).
 */
function decimalPlaces(int: string, frac: string, exp: number): number {
  const significant = (int + frac).replace(/0+$/, '');
  if (!/[1-9]/.test(significant)) return 0; // zero, however written
  return Math.max(0, significant.length - (int.length + exp));
}

/** Reads a typed number for a field with `rule`; see the module's comment for what it accepts. */
export function parseTypedNumber(text: string, rule: NumberRule): TypedNumber {
  const refuse = (why: string): TypedNumber => ({ ok: false, message: `${why}: ${ruleText(rule)}` });
  const cleaned = text.trim().replace(/^[\u2212\u2013]/, '-');
  if (cleaned === '') return refuse('Nothing is typed');
  const parts = DECIMAL.exec(cleaned);
  const [, , int = '', frac = '', exp = '0'] = parts ?? [];
  if (!parts || (int === '' && frac === '')) return refuse(`${quoted(text)} is not a number`);
  const places = decimalPlaces(int, frac, Number(exp));
  if (rule.whole && places > 0) return refuse(`${quoted(text)} is not a whole number`);
  // a logit on the 0.1 grid: 1.234 is refused rather than silently taken as 1.2
  if (rule.decimals !== undefined && places > rule.decimals) return refuse(`${quoted(text)} has too many decimal places`);
  // + 0 turns a typed −0 into 0
  const value = Number(cleaned) + 0;
  if (!(value <= rule.max)) return refuse(`${quoted(text)} is too large`); // Infinity for 1e309 too
  if (!(value >= rule.min)) return refuse(`${quoted(text)} is too small`);
  // 1e-400 reads as 0 in a double: taking 0 for it would be a silent rewrite
  if (value === 0 && (int + frac).replace(/0/g, '') !== '') return refuse(`${quoted(text)} is too close to 0 to tell apart from it`);
  return { ok: true, value };
}
