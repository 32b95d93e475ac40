/**
 * The one vocabulary of every refusal an address (a chapter's or an embed's) earns, so a learner
 * reads the same words for the same mistake wherever they made it. Three kinds, and two shapes of
 * expectation the first one names:
 *
 *   unreadable   could not read T=abc: it needs a plain number such as 1
 *   clamped      T=0 is out of range (0.1 to 5): clamped to 0.1
 *   unknownKey   ignored caption: not a setting of this page
 *
 *   count        "exactly 3 numbers" or "2 to 8 numbers", never "3 to 3"
 *
 * Values are echoed as typed (an undecodable `%E0%A4%A` too: hashRoute.ts keeps it so), without
 * control or bidirectional characters and cut to SHOWN_MAX characters; the notices render them as
 * text, so React escapes what is left. Phrases are plain text with no final full stop: the notice
 * joins them with '; '.
 */

/** How much of a typed key or value a notice repeats. */
export const SHOWN_MAX = 40;

// C0/C1 controls and the bidirectional overrides, which could make a notice read other than it is.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Typed text as a notice may repeat it: printable, and at most SHOWN_MAX characters (whole code points) then '…'. */
export function shown(text: string, max: number = SHOWN_MAX): string {
  const chars = Array.from(text.replace(UNSAFE_CHARS, ''));
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

/** A count of things, fixed or not: "exactly 3 numbers", "2 to 8 numbers", "up to 40 points". */
export function count(min: number, max: number, things: string): string {
  if (min === max) return `exactly ${min} ${things}`;
  return min === 0 ? `up to ${max} ${things}` : `${min} to ${max} ${things}`;
}

/**
 * A value that could not be read at all (not a plain number, not one of the choices, bad
 * percent-encoding, too long): the page keeps its last good value or its default. `expected` says
 * what would have been read, with an example where one helps: "a plain number such as 1".
 */
export function unreadable(key: string, text: string, expected: string): string {
  return `could not read ${shown(key)}=${shown(text)}: it needs ${expected}`;
}

/** A plain number (or list of them) read, but outside its range: the nearest value inside is used. */
export function clamped(key: string, text: string, range: string, used: string): string {
  return `${shown(key)}=${shown(text)} is out of range (${range}): clamped to ${shown(used)}`;
}

/** "0.1 to 5": a range as a notice writes it. */
export function range(min: number | string, max: number | string): string {
  return `${min} to ${max}`;
}

/** A key this page does not read (a chapter reads no caption, an embed no other widget's keys). */
export function unknownKey(key: string): string {
  return `ignored ${shown(key)}: not a setting of this page`;
}

/** Many unknown keys: the first few by name, the rest counted, so a junk address cannot fill the page. */
export function unknownKeys(keys: readonly string[], named: number = 3): string[] {
  const out = keys.slice(0, named).map(unknownKey);
  const rest = keys.length - named;
  if (rest > 0) out.push(`ignored ${rest} more ${rest === 1 ? 'key' : 'keys'}: not settings of this page`);
  return out;
}

/** A key given twice or more: the first is read and the rest dropped. */
export function repeatedKey(key: string): string {
  return `${shown(key)} was given more than once: the first is used`;
}

/** Part of a hide= or lock= list that names no control of this widget. */
export function notAControl(key: string, text: string, controls: readonly string[]): string {
  return `ignored part of ${shown(key)}=${shown(text)}: this widget's controls are ${controls.length ? controls.join(', ') : 'none'}`;
}
