import { defaultInputs, LIMITS, type LabInputs } from '../state/labInputs';
import { hardLabel, normalizeLabels, resizeLabels } from '../state/labels';
import { CONTROL_IDS, type LabField } from './widgetRegistry';
import { clamp, readNumber } from './widgetState';

/**
 * A widget's whole shareable state and the lecturer's options, as a URL query:
 *
 *   z=2,3,4          logits, 2 to 8 plain decimals, each clamped to LIMITS.logit
 *   T=1              temperature, clamped to LIMITS.temperature
 *   y=1              labels: a class index (0-based, one-hot) or one weight per class (normalised)
 *   bz=-1            binary logit, clamped to LIMITS.binaryLogit
 *   bt=1             binary target, 0 or 1
 *   hide=temperature controls not shown (comma list of the widget's control ids)
 *   lock=logits      controls shown but fixed
 *   caption=…        plain text above the widget, at most CAPTION_MAX characters
 *   theme=dark       light, dark or auto (the reader's system setting)
 *   frame=a1         the id the embed posts its height under (letters, digits, - and _)
 *
 * Reading is strict and never throws: allow-listed keys only, plain decimal numbers only (no 1e3,
 * Infinity, NaN, hex), capped lengths, clamped ranges. Every refused or clamped field is named in
 * `problems` and falls back to its default, so a bad link still shows a working widget. Values are
 * only ever copied into fresh objects by name: no key from the URL is used as a property name.
 */

export type Theme = 'light' | 'dark' | 'auto';

export interface LabQueryState {
  logits: number[];
  temperature: number;
  labels: number[];
  binaryLogit: number;
  binaryTarget: 0 | 1;
}

export interface LecturerOptions {
  /** control ids: shared ones (ControlId) and the widget's own state's (widgetState.ts) */
  hide: string[];
  lock: string[];
  caption: string;
  theme: Theme;
  /** '' when absent */
  frame: string;
}

export interface LabQueryReading {
  state: LabQueryState;
  options: LecturerOptions;
  /** short, plain-text phrases naming what was refused or clamped; empty when all was well */
  problems: string[];
}

export const FIELD_KEYS: readonly LabField[] = ['z', 'T', 'y', 'bz', 'bt'];
export const OPTION_KEYS = ['hide', 'lock', 'caption', 'theme', 'frame'] as const;
export const CAPTION_MAX = 140;
/** a longer caption is not truncated but refused: it is not a caption */
const CAPTION_REFUSE = 1000;
const FIELD_MAX = 200;
const FRAME = /^[A-Za-z0-9_-]{1,40}$/;
const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];
// C0/C1 controls and the bidirectional overrides, which could make a caption read other than it is.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function defaultLabQueryState(): LabQueryState {
  const d = defaultInputs();
  return { logits: d.logits, temperature: d.temperature, labels: d.labels, binaryLogit: d.binaryLogit, binaryTarget: d.binaryTarget };
}

export function defaultOptions(): LecturerOptions {
  return { hide: [], lock: [], caption: '', theme: 'auto', frame: '' };
}

/** A key as it may appear in a notice: short, printable. */
function shown(key: string): string {
  const clean = key.replace(UNSAFE_CHARS, '').slice(0, 20);
  return clean.length < key.length ? `${clean}…` : clean;
}

export interface ReadOptions {
  /** the lab fields the widget reads (default: all) */
  fields?: readonly LabField[];
  /** the control ids the widget lets a lecturer hide or lock (default: all the shared ones) */
  controls?: readonly string[];
  /** further keys the page reads itself (widgets' own state, see widgetState.ts): not unknown */
  otherKeys?: readonly string[];
}

export function readLabQuery(
  query: URLSearchParams,
  { fields = FIELD_KEYS, controls = CONTROL_IDS, otherKeys = [] }: ReadOptions = {},
): LabQueryReading {
  const state = defaultLabQueryState();
  const options = defaultOptions();
  const problems: string[] = [];
  const labKeys = new Set<string>([...fields, ...OPTION_KEYS]);
  const allowed = new Set<string>([...labKeys, ...otherKeys]);

  const unknown: string[] = [];
  const repeated: string[] = [];
  const keys = [...query.keys()];
  for (const key of new Set(keys)) {
    if (!allowed.has(key)) unknown.push(`“${shown(key)}”`);
    else if (keys.indexOf(key) !== keys.lastIndexOf(key)) repeated.push(key);
  }
  if (unknown.length) {
    const named = unknown.slice(0, 3).join(', ') + (unknown.length > 3 ? ` and ${unknown.length - 3} more` : '');
    problems.push(`ignored the unknown setting${unknown.length > 1 ? 's' : ''} ${named}`);
  }
  if (repeated.length) problems.push(`${repeated.join(', ')} given more than once: the first is used`);

  const get = (key: string): string | null => (labKeys.has(key) ? query.get(key) : null);

  // z first: the labels are read against its class count.
  const z = get('z');
  if (z !== null) {
    const parts = z.length > FIELD_MAX ? [] : z.split(',');
    const numbers = parts.map(readNumber);
    if (parts.length < LIMITS.minClasses || parts.length > LIMITS.maxClasses) {
      problems.push(`could not read z: it needs ${LIMITS.minClasses} to ${LIMITS.maxClasses} numbers separated by commas`);
    } else if (numbers.some((n) => n === undefined)) {
      problems.push('could not read z: every logit must be a plain number such as 2 or -1.5');
    } else {
      const { min, max } = LIMITS.logit;
      const logits = numbers as number[];
      if (logits.some((n) => n < min || n > max)) problems.push(`z was clamped to the range ${min} to ${max}`);
      state.logits = logits.map((n) => clamp(n, min, max));
    }
  }
  const classes = state.logits.length;
  state.labels = resizeLabels(state.labels, classes);

  const t = get('T');
  if (t !== null) {
    const n = t.length > FIELD_MAX ? undefined : readNumber(t);
    const { min, max } = LIMITS.temperature;
    if (n === undefined) problems.push('could not read T: the temperature must be a plain number such as 1 or 0.5');
    else {
      if (n < min || n > max) problems.push(`T was clamped to the range ${min} to ${max}`);
      state.temperature = clamp(n, min, max);
    }
  }

  const y = get('y');
  if (y !== null) {
    const parts = y.length > FIELD_MAX ? [] : y.split(',');
    const numbers = parts.map(readNumber);
    const bad = `could not read y: it needs a class index from 0 to ${classes - 1}, or ${classes} non-negative weights`;
    if (parts.length === 1 && numbers[0] !== undefined) {
      const index = numbers[0];
      if (Number.isInteger(index) && index >= 0 && index < classes) {
        state.labels = Array.from({ length: classes }, (_, i) => (i === index ? 1 : 0));
      } else problems.push(bad);
    } else if (parts.length === classes && numbers.every((n) => n !== undefined)) {
      const labels = normalizeLabels(numbers as number[]);
      if (labels) state.labels = labels;
      else problems.push(bad);
    } else problems.push(bad);
  }

  const bz = get('bz');
  if (bz !== null) {
    const n = bz.length > FIELD_MAX ? undefined : readNumber(bz);
    const { min, max } = LIMITS.binaryLogit;
    if (n === undefined) problems.push('could not read bz: the binary logit must be a plain number such as -1');
    else {
      if (n < min || n > max) problems.push(`bz was clamped to the range ${min} to ${max}`);
      state.binaryLogit = clamp(n, min, max);
    }
  }

  const bt = get('bt');
  if (bt !== null) {
    if (bt.trim() === '0' || bt.trim() === '1') state.binaryTarget = bt.trim() === '1' ? 1 : 0;
    else problems.push('could not read bt: the binary label must be 0 or 1');
  }

  const readControls = (key: 'hide' | 'lock'): string[] => {
    const text = query.get(key);
    if (text === null || text === '') return [];
    const parts = text.length > FIELD_MAX ? [] : text.split(',').map((s) => s.trim());
    const ok = parts.filter((p) => controls.includes(p));
    if (ok.length !== parts.length || parts.length === 0) {
      problems.push(`${key}: this widget's controls are ${controls.length ? controls.join(', ') : 'none'}; others were ignored`);
    }
    return [...new Set(ok)];
  };
  options.hide = readControls('hide');
  options.lock = readControls('lock').filter((id) => !options.hide.includes(id));

  const caption = query.get('caption');
  if (caption !== null) {
    if (caption.length > CAPTION_REFUSE) problems.push(`the caption was left out: it is longer than ${CAPTION_MAX} characters`);
    else {
      // Array.from counts code points, so a cut never splits a surrogate pair.
      const chars = Array.from(caption.replace(UNSAFE_CHARS, ' ').trim());
      if (chars.length > CAPTION_MAX) problems.push(`the caption was cut to ${CAPTION_MAX} characters`);
      options.caption = chars.slice(0, CAPTION_MAX).join('');
    }
  }

  const theme = query.get('theme');
  if (theme !== null) {
    const found = THEMES.find((th) => th === theme);
    if (found) options.theme = found;
    else problems.push('theme must be light, dark or auto');
  }

  const frame = query.get('frame');
  if (frame !== null) {
    if (FRAME.test(frame)) options.frame = frame;
    else problems.push('frame must be up to 40 letters, digits, - or _');
  }

  return { state, options, problems };
}

/** A label weight short enough for a URL; reading normalises the weights again. */
function weight(v: number): string {
  return String(Number(v.toFixed(6)));
}

/** The fields a widget reads, from the lab's inputs, in a fixed order (z, T, y, bz, bt). */
export function writeLabQuery(lab: Pick<LabInputs, 'logits' | 'temperature' | 'labels' | 'binaryLogit' | 'binaryTarget'>, fields: readonly LabField[] = FIELD_KEYS): URLSearchParams {
  const q = new URLSearchParams();
  if (fields.includes('z')) q.set('z', lab.logits.map(String).join(','));
  if (fields.includes('T')) q.set('T', String(lab.temperature));
  if (fields.includes('y')) {
    const hard = hardLabel(lab.labels);
    q.set('y', hard !== undefined ? String(hard) : lab.labels.map(weight).join(','));
  }
  if (fields.includes('bz')) q.set('bz', String(lab.binaryLogit));
  if (fields.includes('bt')) q.set('bt', String(lab.binaryTarget));
  return q;
}

/** Whether any lab input a URL carries changed between two store states (focus and the like do not count). */
export function labInputsChanged(s: LabQueryState, prev: LabQueryState): boolean {
  return (
    s.logits !== prev.logits ||
    s.temperature !== prev.temperature ||
    s.labels !== prev.labels ||
    s.binaryLogit !== prev.binaryLogit ||
    s.binaryTarget !== prev.binaryTarget
  );
}

/** Appends the lecturer's options that differ from the defaults. */
export function writeOptions(
  q: URLSearchParams,
  options: { hide?: readonly string[]; lock?: readonly string[]; caption?: string; theme?: Theme; frame?: string },
): URLSearchParams {
  if (options.hide?.length) q.set('hide', options.hide.join(','));
  if (options.lock?.length) q.set('lock', options.lock.join(','));
  if (options.caption) q.set('caption', options.caption);
  if (options.theme && options.theme !== 'auto') q.set('theme', options.theme);
  if (options.frame) q.set('frame', options.frame);
  return q;
}
