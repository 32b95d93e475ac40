import { clamped, count, range, unreadable } from './addressNotices';

/**
 * A widget's own state (what it keeps beside the shared lab inputs: a unit switch, a step of a
 * derivation, a learning rate, a set of points) as a small schema, and its strict reading from and
 * writing to a URL query. A widget declares its schema once, in a file of pure data beside it, and
 * `useWidgetState` does the rest: the registry lists the keys (so a link's keys can be checked before
 * any widget code loads), the share panel writes them, an embed and a chapter read them back.
 *
 * Reading follows the lab inputs' rules (stateSchema.ts): plain decimal numbers only (no 1e3,
 * Infinity, NaN, hex), capped lengths, clamped ranges, choices from a fixed list. A field that is
 * refused keeps its default and is named in `problems`, in the words of every address
 * (addressNotices.ts); the other fields are read as usual. Values are
 * copied into a fresh object by the schema's own keys, never by a key taken from the URL.
 */

/** A point of a widget's data set: coordinates and a class. */
export interface StatePoint {
  readonly x: number;
  readonly y: number;
  readonly c: number;
}

interface FieldBase {
  /**
   * What the lecturer form calls the control that sets this field ("the unit, bits or nats"). A field
   * with a name can be hidden or locked by a lecturer (`hide=`, `lock=`), under its key.
   */
  readonly control?: string;
}

export interface NumberField extends FieldBase {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
  /** when set, a value read is snapped to min + k·step (a slider's own grid) */
  readonly step?: number;
  readonly default: number;
}

export interface IntegerField extends FieldBase {
  readonly kind: 'integer';
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

export interface ChoiceField<V extends string = string> extends FieldBase {
  readonly kind: 'choice';
  readonly values: readonly V[];
  readonly default: V;
}

export interface FlagField extends FieldBase {
  readonly kind: 'flag';
  readonly default: boolean;
}

export interface NumbersField extends FieldBase {
  readonly kind: 'numbers';
  readonly minLength: number;
  readonly maxLength: number;
  readonly min: number;
  readonly max: number;
  readonly default: readonly number[];
}

export interface PointsField extends FieldBase {
  readonly kind: 'points';
  readonly maxPoints: number;
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  /** the classes a point may have */
  readonly classes: readonly number[];
  readonly default: readonly StatePoint[];
}

export type FieldSpec = NumberField | IntegerField | ChoiceField | FlagField | NumbersField | PointsField;
export type StateSchema = Readonly<Record<string, FieldSpec>>;

export type FieldValue<F extends FieldSpec> = F extends ChoiceField<infer V>
  ? V
  : F extends NumberField | IntegerField
    ? number
    : F extends FlagField
      ? boolean
      : F extends NumbersField
        ? readonly number[]
        : F extends PointsField
          ? readonly StatePoint[]
          : never;

export type StateOf<S extends StateSchema> = { readonly [K in keyof S]: FieldValue<S[K]> };

/** Keeps a schema's literal types (its choices) while checking it is a schema. */
export function defineState<const S extends StateSchema>(schema: S): S {
  return schema;
}

/** A URL key of a widget's state: short, and never one a browser or the lab inputs give meaning to. */
export const STATE_KEY = /^[a-z][a-zA-Z0-9]{0,11}$/;

/** How long a page waits after the learner's last change before writing its address. */
export const URL_WRITE_DELAY_MS = 250;

// Any length of digits: a plain number too big for its field (eta=-99999999) is out of range and
// clamped, not unreadable. A field is at most FIELD_MAX characters, so Number() stays finite.
const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;
export const FIELD_MAX = 200;
/** a point is at most "-123.456,-123.456,12," */
const POINT_CHARS = 24;
const DECIMALS = 6;

/** A plain decimal (no 1e3, Infinity, NaN, hex) of at most FIELD_MAX characters, or undefined: the one number reader of every URL. */
export function readNumber(text: string): number | undefined {
  const t = text.trim();
  if (t.length > FIELD_MAX || !NUMBER.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

export function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

/** A number as a URL shows it: plain decimals (never 1e-7, which reading refuses), at most 6 of them. */
export function plainNumber(n: number): string {
  const rounded = Number(n.toFixed(DECIMALS));
  const text = String(Object.is(rounded, -0) ? 0 : rounded);
  return text.includes('e') ? rounded.toFixed(DECIMALS).replace(/\.?0+$/, '') : text;
}

export function defaultState<S extends StateSchema>(schema: S): StateOf<S> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema)) out[key] = schema[key]!.default;
  return out as StateOf<S>;
}

export interface StateReading<S extends StateSchema> {
  value: StateOf<S>;
  /** short, plain-text phrases naming what was refused or clamped (addressNotices.ts) */
  problems: string[];
  /** the keys the query gave (valid or not): a query that names none of them leaves a widget as it is */
  present: (keyof S & string)[];
}

type Read<T> = { value?: T; problem?: string };

/** What a field reads, for the notice that refuses a value: "a plain number such as 0.5". */
function expected(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'number':
      return `a plain number such as ${plainNumber(spec.default)}`;
    case 'integer':
      return `a whole number such as ${plainNumber(spec.default)}`;
    case 'choice':
      return `one of ${spec.values.join(', ')}`;
    case 'flag':
      return '0 or 1';
    case 'numbers':
      return `${count(spec.minLength, spec.maxLength, 'plain numbers')} separated by commas, such as ${spec.default.map(plainNumber).join(',')}`;
    case 'points':
      return `${count(0, spec.maxPoints, 'points')}, each x,y,class with a class of ${spec.classes.join(', ')}`;
  }
}

function readField(key: string, spec: FieldSpec, text: string): Read<unknown> {
  const refused = { problem: unreadable(key, text, expected(spec)) };
  if (text.length > (spec.kind === 'points' ? spec.maxPoints * POINT_CHARS : FIELD_MAX)) return refused;
  const outside = (lo: number, hi: number, used: string) => clamped(key, text, range(plainNumber(lo), plainNumber(hi)), used);
  switch (spec.kind) {
    case 'number': {
      const n = readNumber(text);
      if (n === undefined) return refused;
      let v = clamp(n, spec.min, spec.max);
      if (spec.step) v = clamp(Number((spec.min + Math.round((v - spec.min) / spec.step) * spec.step).toFixed(12)), spec.min, spec.max);
      return n < spec.min || n > spec.max ? { value: v, problem: outside(spec.min, spec.max, plainNumber(v)) } : { value: v };
    }
    case 'integer': {
      const n = readNumber(text);
      if (n === undefined || !Number.isInteger(n)) return refused;
      const v = clamp(n, spec.min, spec.max);
      return v !== n ? { value: v, problem: outside(spec.min, spec.max, plainNumber(v)) } : { value: v };
    }
    case 'choice': {
      const found = spec.values.find((v) => v === text.trim());
      return found !== undefined ? { value: found } : refused;
    }
    case 'flag': {
      const t = text.trim();
      return t === '1' || t === '0' ? { value: t === '1' } : refused;
    }
    case 'numbers': {
      const parts = text.split(',');
      const numbers = parts.map(readNumber);
      if (parts.length < spec.minLength || parts.length > spec.maxLength || numbers.some((n) => n === undefined)) return refused;
      const values = (numbers as number[]).map((n) => clamp(n, spec.min, spec.max));
      const moved = values.some((v, i) => v !== numbers[i]);
      return { value: values, problem: moved ? outside(spec.min, spec.max, values.map(plainNumber).join(',')) : undefined };
    }
    case 'points': {
      if (text.trim() === '') return { value: [] };
      const parts = text.split(',');
      const numbers = parts.map(readNumber);
      if (parts.length % 3 !== 0 || parts.length / 3 > spec.maxPoints || numbers.some((n) => n === undefined)) return refused;
      const points: StatePoint[] = [];
      let moved = false;
      for (let i = 0; i < parts.length; i += 3) {
        const [x, y, c] = [numbers[i]!, numbers[i + 1]!, numbers[i + 2]!];
        if (!spec.classes.includes(c)) return refused;
        const p = { x: clamp(x, spec.x[0], spec.x[1]), y: clamp(y, spec.y[0], spec.y[1]), c };
        moved ||= p.x !== x || p.y !== y;
        points.push(p);
      }
      const plot = `x ${range(plainNumber(spec.x[0]), plainNumber(spec.x[1]))}, y ${range(plainNumber(spec.y[0]), plainNumber(spec.y[1]))}`;
      return { value: points, problem: moved ? clamped(key, text, plot, 'the edge of the plot') : undefined };
    }
  }
}

/** Reads the schema's keys from a query (others are not this function's business: see readLabQuery). */
export function readWidgetState<S extends StateSchema>(schema: S, query: URLSearchParams): StateReading<S> {
  const value: Record<string, unknown> = defaultState(schema);
  const problems: string[] = [];
  const present: (keyof S & string)[] = [];
  for (const key of Object.keys(schema) as (keyof S & string)[]) {
    const text = query.get(key);
    if (text === null) continue;
    present.push(key);
    const read = readField(key, schema[key]!, text);
    if (read.value !== undefined) value[key] = read.value;
    if (read.problem) problems.push(read.problem);
  }
  return { value: value as StateOf<S>, problems, present };
}

/** Two values of a field equal: numbers, choices and flags by ===, lists and points entry by entry. */
export function equalValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => equalValue(v, b[i]));
  if (typeof a === 'object' && a && typeof b === 'object' && b) {
    const p = a as StatePoint;
    const q = b as StatePoint;
    return p.x === q.x && p.y === q.y && p.c === q.c;
  }
  return a === b;
}

function writeField(spec: FieldSpec, v: unknown): string {
  switch (spec.kind) {
    case 'number':
    case 'integer':
      return plainNumber(v as number);
    case 'choice':
      return String(v);
    case 'flag':
      return v ? '1' : '0';
    case 'numbers':
      return (v as readonly number[]).map(plainNumber).join(',');
    case 'points':
      return (v as readonly StatePoint[]).map((p) => `${plainNumber(Number(p.x.toFixed(3)))},${plainNumber(Number(p.y.toFixed(3)))},${p.c}`).join(',');
  }
}

/**
 * Writes the state into `query`, in the schema's order: a field at its default is left out (the
 * shortest address for the usual case), and a key already there for it is removed.
 */
export function writeWidgetState<S extends StateSchema>(schema: S, state: StateOf<S>, query: URLSearchParams): URLSearchParams {
  for (const key of Object.keys(schema)) {
    const spec = schema[key]!;
    const v = (state as Record<string, unknown>)[key];
    if (v === undefined || equalValue(v, spec.default)) query.delete(key);
    else query.set(key, writeField(spec, v));
  }
  return query;
}

/** The keys of a schema whose controls a lecturer may hide or lock. */
export function stateControls(schema: StateSchema | undefined): string[] {
  return schema ? Object.keys(schema).filter((k) => schema[k]!.control !== undefined) : [];
}
