import { defaultInputs, LIMITS, type LabInputs } from './labInputs';
import { hardLabel, normalizeLabels, resizeLabels } from './labels';
import { CONTROL_IDS, type LabField } from './widgetEntry';
import { clamped, count, notAControl, range, repeatedKey, unknownKeys, unreadable } from './addressNotices';
import { clamp, FIELD_MAX, plainNumber, readNumber } from './stateSchema';

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
 * `problems`, in the words of every address (addressNotices.ts), and a refused one keeps the page's
 * last good value (`base`) or its default, so a bad link still shows a working widget. Values are
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
  /** control ids: shared ones (ControlId) and the widget's own state's (stateSchema.ts) */
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
  /** short, plain-text phrases naming what was refused or clamped (addressNotices.ts); empty when all was well */
  problems: string[];
}

export const FIELD_KEYS: readonly LabField[] = ['z', 'T', 'y', 'bz', 'bt'];
export const OPTION_KEYS = ['hide', 'lock', 'caption', 'theme', 'frame'] as const;
export const CAPTION_MAX = 140;
/** a longer caption is not truncated but refused: it is not a caption */
const CAPTION_REFUSE = 1000;
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

export interface ReadOptions {
  /** the lab fields the widget reads (default: all) */
  fields?: readonly LabField[];
  /** the control ids the widget lets a lecturer hide or lock (default: all the shared ones) */
  controls?: readonly string[];
  /** further keys the page reads itself (widgets' own state, see stateSchema.ts): not unknown */
  otherKeys?: readonly string[];
  /**
   * whether the lecturer's options (hide, lock, caption, theme, frame) are settings of this page:
   * an embed's, not a chapter's (default: true)
   */
  lecturerOptions?: boolean;
  /** the state a refused field keeps: the page's last good one (default: the defaults) */
  base?: LabQueryState;
}

export function readLabQuery(
  query: URLSearchParams,
  { fields = FIELD_KEYS, controls = CONTROL_IDS, otherKeys = [], lecturerOptions = true, base }: ReadOptions = {},
): LabQueryReading {
  // by name: a store passed as the base brings only these fields
  const state: LabQueryState = base
    ? { logits: [...base.logits], temperature: base.temperature, labels: [...base.labels], binaryLogit: base.binaryLogit, binaryTarget: base.binaryTarget }
    : defaultLabQueryState();
  const options = defaultOptions();
  const problems: string[] = [];
  const optionKeys: readonly string[] = lecturerOptions ? OPTION_KEYS : [];
  const labKeys = new Set<string>([...fields, ...optionKeys]);
  const allowed = new Set<string>([...labKeys, ...otherKeys]);

  const unknown: string[] = [];
  const keys = [...query.keys()];
  for (const key of new Set(keys)) {
    if (!allowed.has(key)) unknown.push(key);
    else if (keys.indexOf(key) !== keys.lastIndexOf(key)) problems.push(repeatedKey(key));
  }
  problems.unshift(...unknownKeys(unknown));

  const get = (key: string): string | null => (labKeys.has(key) ? query.get(key) : null);
  /** a plain number in [min, max], or a notice; a longer field than FIELD_MAX is not read */
  const readBounded = (key: string, text: string, { min, max }: { min: number; max: number }, example: string): number | undefined => {
    const n = text.length > FIELD_MAX ? undefined : readNumber(text);
    if (n === undefined) {
      problems.push(unreadable(key, text, `a plain number such as ${example}`));
      return undefined;
    }
    const v = clamp(n, min, max);
    if (v !== n) problems.push(clamped(key, text, range(min, max), plainNumber(v)));
    return v;
  };

  // z first: the labels are read against its class count.
  const z = get('z');
  if (z !== null) {
    const parts = z.length > FIELD_MAX ? [] : z.split(',');
    const numbers = parts.map(readNumber);
    if (parts.length < LIMITS.minClasses || parts.length > LIMITS.maxClasses || numbers.some((n) => n === undefined)) {
      problems.push(unreadable('z', z, `${count(LIMITS.minClasses, LIMITS.maxClasses, 'plain numbers')} separated by commas, such as 2,3,4`));
    } else {
      const { min, max } = LIMITS.logit;
      const logits = (numbers as number[]).map((n) => clamp(n, min, max));
      if (logits.some((v, i) => v !== numbers[i])) problems.push(clamped('z', z, range(min, max), logits.map(plainNumber).join(',')));
      state.logits = logits;
    }
  }
  const classes = state.logits.length;
  state.labels = resizeLabels(state.labels, classes);

  const t = get('T');
  if (t !== null) state.temperature = readBounded('T', t, LIMITS.temperature, '1') ?? state.temperature;

  const y = get('y');
  if (y !== null) {
    const parts = y.length > FIELD_MAX ? [] : y.split(',');
    const numbers = parts.map(readNumber);
    const bad = () => problems.push(unreadable('y', y, `a class index from 0 to ${classes - 1}, or ${count(classes, classes, 'non-negative weights')}`));
    if (parts.length === 1 && numbers[0] !== undefined) {
      const index = numbers[0];
      if (Number.isInteger(index) && index >= 0 && index < classes) {
        state.labels = Array.from({ length: classes }, (_, i) => (i === index ? 1 : 0));
      } else bad();
    } else if (parts.length === classes && numbers.every((n) => n !== undefined)) {
      const labels = normalizeLabels(numbers as number[]);
      if (labels) state.labels = labels;
      else bad();
    } else bad();
  }

  const bz = get('bz');
  if (bz !== null) state.binaryLogit = readBounded('bz', bz, LIMITS.binaryLogit, '-1') ?? state.binaryLogit;

  const bt = get('bt');
  if (bt !== null) {
    if (bt.trim() === '0' || bt.trim() === '1') state.binaryTarget = bt.trim() === '1' ? 1 : 0;
    else problems.push(unreadable('bt', bt, '0 or 1'));
  }

  if (!lecturerOptions) return { state, options, problems };

  const readControls = (key: 'hide' | 'lock'): string[] => {
    const text = query.get(key);
    if (text === null || text === '') return [];
    const parts = text.length > FIELD_MAX ? [] : text.split(',').map((s) => s.trim());
    const ok = parts.filter((p) => controls.includes(p));
    if (ok.length !== parts.length || parts.length === 0) problems.push(notAControl(key, text, controls));
    return [...new Set(ok)];
  };
  options.hide = readControls('hide');
  options.lock = readControls('lock').filter((id) => !options.hide.includes(id));

  const caption = query.get('caption');
  if (caption !== null) {
    const most = `at most ${CAPTION_MAX} characters`;
    if (caption.length > CAPTION_REFUSE) problems.push(unreadable('caption', caption, most));
    else {
      // Array.from counts code points, so a cut never splits a surrogate pair.
      const chars = Array.from(caption.replace(UNSAFE_CHARS, ' ').trim());
      if (chars.length > CAPTION_MAX) problems.push(clamped('caption', caption, most, `its first ${CAPTION_MAX}`));
      options.caption = chars.slice(0, CAPTION_MAX).join('');
    }
  }

  const theme = query.get('theme');
  if (theme !== null) {
    const found = THEMES.find((th) => th === theme);
    if (found) options.theme = found;
    else problems.push(unreadable('theme', theme, `one of ${THEMES.join(', ')}`));
  }

  const frame = query.get('frame');
  if (frame !== null) {
    if (FRAME.test(frame)) options.frame = frame;
    else problems.push(unreadable('frame', frame, 'up to 40 letters, digits, - or _'));
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
