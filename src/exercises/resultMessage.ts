/**
 * What an embedded exercise posts to the page around it (window.parent) after every check, with
 * targetOrigin '*', like the height message: it carries ids, a seed and counts, never anything the
 * learner typed, so any host may read it.
 *   { type: 'logit-lab:result', version: 1, id, exercise, seed, correct, attempts, hintsUsed }
 * `id` is the frame's id (the embed's `frame` option, else the widget's id); `exercise` the
 * exercise's id ('softmax/LargestProbabilityExercise'); `attempts` the checks so far on these
 * numbers, this one included; `hintsUsed` the hints opened (the worked answer counts as one more).
 */
export interface ResultMessage {
  type: 'logit-lab:result';
  version: 1;
  id: string;
  exercise: string;
  seed: number;
  correct: boolean;
  attempts: number;
  hintsUsed: number;
}

const ID = /^[A-Za-z0-9_/-]{1,64}$/;
const count = (v: unknown, min: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= 1_000_000;

/** Whether `data` is a result message of this shape and nothing more: what a host should accept. */
export function isResultMessage(data: unknown): data is ResultMessage {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const r = data as Record<string, unknown>;
  const keys = ['type', 'version', 'id', 'exercise', 'seed', 'correct', 'attempts', 'hintsUsed'];
  return (
    Object.keys(r).length === keys.length &&
    Object.keys(r).every((k) => keys.includes(k)) &&
    r.type === 'logit-lab:result' &&
    r.version === 1 &&
    typeof r.id === 'string' && ID.test(r.id) &&
    typeof r.exercise === 'string' && ID.test(r.exercise) &&
    count(r.seed, 1) && typeof r.correct === 'boolean' && count(r.attempts, 1) && count(r.hintsUsed, 0)
  );
}

/** Post one check's result to the page around the frame; nothing outside a frame. */
export function postResult(message: ResultMessage): void {
  if (typeof window === 'undefined' || window.parent === window) return;
  window.parent.postMessage(message, '*');
}
