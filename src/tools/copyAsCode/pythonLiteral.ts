/**
 * Python source for the numbers on screen. A program copied from a widget must start from exactly the
 * doubles the widget computed with, so every number is written in JavaScript's shortest round-trip
 * form (String(2.9) === '2.9', never toFixed): Python parses a decimal literal to the nearest double,
 * so the literal is the same double again.
 */

/** A Python float literal for v: '2.0', '-0.1', '1e-07', "float('nan')". */
export function pyFloat(v: number): string {
  if (Number.isNaN(v)) return "float('nan')";
  if (v === Infinity) return "float('inf')";
  if (v === -Infinity) return "-float('inf')";
  if (Object.is(v, -0)) return '-0.0';
  const text = String(v);
  // '2' would be an int in Python; '2.0' keeps the list a list of floats. '1e+21' is a float already.
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}

/** A Python list of float literals: '[2.0, 3.0, 4.0]'. */
export function pyFloatList(values: readonly number[]): string {
  return `[${values.map(pyFloat).join(', ')}]`;
}

/** How the header comment writes a value: as on the slider ('2', '0.5'), exact, and short. */
export function plainNumber(v: number): string {
  return String(v);
}

/** '[2, 3, 4]' for the header comment. */
export function plainList(values: readonly number[]): string {
  return `[${values.map(plainNumber).join(', ')}]`;
}
