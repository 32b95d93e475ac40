import { LIMITS } from './labInputs';

/**
 * The softmax widget's state in the URL: `z=2,3,4&T=1`. Reading is strict (allow-listed keys, plain
 * decimal numbers only, capped lengths, clamped ranges); whatever is refused is named in `problems`
 * so the page can say so, and the caller keeps its last good state for that field.
 */
export interface SoftmaxQueryState {
  logits?: number[];
  temperature?: number;
}

export interface QueryReading<T> {
  value: T;
  problems: string[];
}

const KEYS = new Set(['z', 'T']);
const NUMBER = /^[-+]?(?:\d{1,6}(?:\.\d{0,12})?|\.\d{1,12})$/;
const MAX_FIELD = 200;

function readNumber(text: string): number | undefined {
  return NUMBER.test(text.trim()) ? Number(text.trim()) : undefined;
}

export function readSoftmaxQuery(query: URLSearchParams): QueryReading<SoftmaxQueryState> {
  const value: SoftmaxQueryState = {};
  const problems: string[] = [];

  for (const key of new Set(query.keys())) {
    if (!KEYS.has(key)) problems.push(`ignored the unknown setting “${key.slice(0, 20)}”`);
  }

  const z = query.get('z');
  if (z !== null) {
    const parts = z.length > MAX_FIELD ? [] : z.split(',');
    const numbers = parts.map(readNumber);
    if (parts.length < LIMITS.minClasses || parts.length > LIMITS.maxClasses) {
      problems.push(`could not read z: it needs ${LIMITS.minClasses} to ${LIMITS.maxClasses} numbers separated by commas`);
    } else if (numbers.some((n) => n === undefined)) {
      problems.push('could not read z: every logit must be a plain number such as 2 or -1.5');
    } else {
      const { min, max } = LIMITS.logit;
      const logits = numbers as number[];
      if (logits.some((n) => n < min || n > max)) problems.push(`z was clamped to the range ${min} to ${max}`);
      value.logits = logits.map((n) => Math.min(max, Math.max(min, n)));
    }
  }

  const t = query.get('T');
  if (t !== null) {
    const n = t.length > MAX_FIELD ? undefined : readNumber(t);
    const { min, max } = LIMITS.temperature;
    if (n === undefined) problems.push('could not read T: the temperature must be a plain number such as 1 or 0.5');
    else {
      if (n < min || n > max) problems.push(`T was clamped to the range ${min} to ${max}`);
      value.temperature = Math.min(max, Math.max(min, n));
    }
  }
  return { value, problems };
}

/** Short, exact and readable: z=2,3,4&T=1 (numbers as JavaScript prints them, so they read back equal). */
export function writeSoftmaxQuery(state: { logits: readonly number[]; temperature: number }): URLSearchParams {
  const q = new URLSearchParams();
  q.set('z', state.logits.map(String).join(','));
  q.set('T', String(state.temperature));
  return q;
}
