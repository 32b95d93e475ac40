/**
 * A small arbitrary-precision binary float for reference values, independent of src/core.
 * A BigFloat is m·2^e with a BigInt m. Addition and subtraction are exact (a term more than GAP bits
 * below the other is dropped: it cannot change a double-precision answer); multiplication, division,
 * exp and log keep PREC = 200 bits (about 60 significant digits).
 */
export interface BigFloat {
  readonly m: bigint;
  readonly e: number;
}

const PREC = 200;
const GAP = 4200;

export const ZERO: BigFloat = { m: 0n, e: 0 };
export const ONE: BigFloat = { m: 1n, e: 0 };

function bitLength(m: bigint): number {
  const a = m < 0n ? -m : m;
  if (a === 0n) return 0;
  const hex = a.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0] as string, 16)));
}

function top(x: BigFloat): number {
  return x.e + bitLength(x.m);
}

function round(x: BigFloat, precision: number): BigFloat {
  const length = bitLength(x.m);
  if (length <= precision) return x;
  const shift = length - precision;
  const negative = x.m < 0n;
  const a = negative ? -x.m : x.m;
  const q = (a + (1n << BigInt(shift - 1))) >> BigInt(shift);
  return { m: negative ? -q : q, e: x.e + shift };
}

/** The exact value of a finite double. */
export function big(x: number): BigFloat {
  if (!Number.isFinite(x)) throw new RangeError(`big: ${x} is not finite`);
  if (x === 0) return ZERO;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const m = exponentBits === 0 ? fraction : fraction | (1n << 52n);
  const e = exponentBits === 0 ? -1074 : exponentBits - 1075;
  return { m: bits >> 63n ? -m : m, e };
}

export function neg(x: BigFloat): BigFloat {
  return { m: -x.m, e: x.e };
}

export function add(a: BigFloat, b: BigFloat): BigFloat {
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  if (top(a) - top(b) > GAP) return a;
  if (top(b) - top(a) > GAP) return b;
  const e = Math.min(a.e, b.e);
  const m = (a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e));
  return round({ m, e }, GAP + PREC);
}

export function sub(a: BigFloat, b: BigFloat): BigFloat {
  return add(a, neg(b));
}

export function mul(a: BigFloat, b: BigFloat): BigFloat {
  return round({ m: a.m * b.m, e: a.e + b.e }, PREC);
}

export function div(a: BigFloat, b: BigFloat): BigFloat {
  if (b.m === 0n) throw new RangeError('div: division by zero');
  const shift = Math.max(0, PREC + 2 + bitLength(b.m) - bitLength(a.m));
  return round({ m: (a.m << BigInt(shift)) / b.m, e: a.e - shift - b.e }, PREC);
}

export function sign(x: BigFloat): number {
  return x.m > 0n ? 1 : x.m < 0n ? -1 : 0;
}

export function sumOf(values: BigFloat[]): BigFloat {
  return values.reduce(add, ZERO);
}

/** Correctly rounded (to nearest, ties to even) conversion to a double, subnormals included. */
export function toNumber(x: BigFloat): number {
  if (x.m === 0n) return 0;
  const negative = x.m < 0n;
  const a = negative ? -x.m : x.m;
  const length = bitLength(a);
  const topExponent = x.e + length - 1;
  if (topExponent > 1023) return negative ? -Infinity : Infinity;
  const bits = topExponent >= -1022 ? 53 : 53 - (-1022 - topExponent);
  const shift = length - bits;
  let q = a;
  let exponent = x.e;
  if (shift > 0) {
    q = a >> BigInt(shift);
    const remainder = a - (q << BigInt(shift));
    const half = 1n << BigInt(shift - 1);
    if (remainder > half || (remainder === half && (q & 1n) === 1n)) q += 1n;
    exponent += shift;
  }
  const firstHalf = Math.trunc(exponent / 2);
  const value = Number(q) * 2 ** firstHalf * 2 ** (exponent - firstHalf);
  return negative ? -value : value;
}

function computeLn2(): BigFloat {
  // ln 2 = Σ_{k≥1} 1/(k·2^k), in fixed point with 64 guard bits.
  const width = PREC + 64;
  let sum = 0n;
  for (let k = 1; k <= width; k++) sum += (1n << BigInt(width - k)) / BigInt(k);
  return { m: sum, e: -width };
}

export const LN2 = computeLn2();

/** e^x to about PREC bits; 0 below −2^31 (far below any double). */
export function exp(x: BigFloat): BigFloat {
  if (x.m === 0n) return ONE;
  const approx = toNumber(x);
  if (approx < -(2 ** 31)) return ZERO;
  if (approx > 2 ** 31) throw new RangeError('exp: argument too large for the reference');
  const k = Math.round(approx / Math.LN2);
  const r = sub(x, mul(big(k), LN2));
  // Halving then squaring costs relative precision in e^x − 1; tiny arguments need no halving, and
  // summing their series exactly keeps log(e^x) = x even for x = 2^-1074.
  const halvings = top(r) < -24 ? 0 : 24;
  const reduced = { m: r.m, e: r.e - halvings };
  let sum = ONE;
  let term = ONE;
  for (let i = 1; i < 60; i++) {
    term = div(mul(term, reduced), big(i));
    // Relative to the first-order term, so that e^x − 1 keeps PREC bits however small x is.
    if (term.m === 0n || top(term) < Math.min(top(reduced), 1) - PREC - 16) break;
    sum = add(sum, term);
  }
  if (halvings > 0) sum = round(sum, PREC);
  for (let i = 0; i < halvings; i++) sum = mul(sum, sum);
  return { m: sum.m, e: sum.e + k };
}

/**
 * ln x for x > 0: x = f·2^k with f in [0.75, 1.5), so that near x = 1 (k = 0) the result keeps its
 * full relative precision; ln f = 2·atanh((f − 1)/(f + 1)) by its odd power series.
 */
export function log(x: BigFloat): BigFloat {
  if (sign(x) <= 0) throw new RangeError('log: argument must be > 0');
  const length = bitLength(x.m);
  let k = x.e + length;
  let f: BigFloat = { m: x.m, e: -length };
  if (x.m << 2n < 3n << BigInt(length)) {
    k -= 1;
    f = { m: x.m, e: -length + 1 };
  }
  const t = div(sub(f, ONE), add(f, ONE));
  const t2 = mul(t, t);
  let series = t;
  let power = t;
  for (let j = 1; j < 400 && t.m !== 0n; j++) {
    power = mul(power, t2);
    const term = div(power, big(2 * j + 1));
    if (term.m === 0n || top(term) < top(series) - PREC - 16) break;
    series = add(series, term);
  }
  const doubled = { m: series.m, e: series.e + 1 };
  return k === 0 ? round(doubled, PREC) : add(mul(big(k), LN2), doubled);
}
