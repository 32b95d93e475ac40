import { useId, useMemo, useState, type ReactNode } from 'react';
import { createRandom } from '../core/random';
import { useEmbedSettings } from '../state/embedContext';
import { useProgress, useProgressStore } from '../state/progressStore';
import { useWidgetState } from '../state/useWidgetState';
import { EXERCISE_SEEDS } from '../url/widgetEntry';
import { PredictionBars } from '../plots/PredictionBars';
import { useExerciseSeed } from './exerciseSeed';
import { gradeChoice, gradeDrag, gradeNumber, type Grade } from './grading';
import type { ExerciseSpec } from './exerciseSpec';
import { ExerciseReveal } from './ExerciseReveal';
import { postResult } from './resultMessage';
import './exercise.css';

/** `items` in an order drawn from the seed and the exercise's id: the same page always shows the same order. */
function shuffled<T>(items: readonly T[], seed: number, id: string): T[] {
  let salt = 0;
  for (const c of id) salt = (Math.imul(salt, 31) + c.charCodeAt(0)) | 0;
  const rng = createRandom(seed ^ salt);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The figures after the point of a step: 0.05 → 2. */
const decimals = (step: number) => (String(step).split('.')[1] ?? '').length;

type Feedback = { tone: 'right' | 'wrong' | 'refused'; text: string };

/**
 * Predict, then check: an exercise's frame. A region named "Exercise: …" with the learner's numbers
 * (from the seed in the address, or the one the page gives, as Review does; "New numbers" draws the next set), the answer field(s), Check, the
 * feedback in a status region, and the hint ladder ending in the worked answer. A right answer is
 * kept in the learner's progress; in an embed every check is posted to the host (resultMessage.ts).
 */
export function Exercise<Q>({ spec, prompt }: { spec: ExerciseSpec<Q>; prompt: (q: Q) => ReactNode }) {
  const state = spec.entry.state!;
  const [values, update, mode] = useWidgetState(state);
  // a page that shows exercises of several chapters (Review) gives the seed; else it is the address's
  const given = useExerciseSeed();
  const seed = given?.seed ?? ((values as Record<string, unknown>)[spec.seedKey] as number);
  const hintsOn = (values as Record<string, unknown>)[`${spec.seedKey}hints`] !== false && mode(`${spec.seedKey}hints`) !== 'hidden';
  const seedLocked = mode(spec.seedKey) !== 'shown';
  const headingId = useId();
  const solved = useProgress((s) => s.solved[spec.entry.id]);
  // under the embed page's h1 an exercise is a section of its own; in a chapter it sits in an h2 section
  const Heading = useEmbedSettings().embedded ? 'h2' : 'h3';
  const step = (s: number) => (s >= EXERCISE_SEEDS.max ? EXERCISE_SEEDS.min : s + 1);
  // on Review, "New numbers" never lands back on the set the learner solved
  const following = given && solved && step(seed) === solved.seed ? step(step(seed)) : step(seed);
  const next = () => (given ? given.setSeed(following) : update({ [spec.seedKey]: following } as never));

  return (
    <section className="exercise" aria-labelledby={headingId}>
      <div className="exercise-head">
        <Heading id={headingId}>{spec.entry.title}</Heading>
        {solved && <span className="exercise-solved">Solved{solved.seed === seed ? '' : ' before'}</span>}
      </div>
      {/* a new set of numbers starts the exercise afresh: answer, feedback and hints */}
      <ExerciseBody key={seed} spec={spec} seed={seed} prompt={prompt} hintsOn={hintsOn} />
      <p className="exercise-numbers">
        Numbers: set {seed}{' '}
        {!seedLocked && (
          <button type="button" className="exercise-new" onClick={next}>
            New numbers
          </button>
        )}
        {seedLocked && <span> (set by your lecturer)</span>}
      </p>
    </section>
  );
}

function ExerciseBody<Q>({ spec, seed, prompt, hintsOn }: { spec: ExerciseSpec<Q>; seed: number; prompt: (q: Q) => ReactNode; hintsOn: boolean }) {
  const q = useMemo(() => spec.make(seed), [spec, seed]);
  const [typed, setTyped] = useState('');
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [bars, setBars] = useState<readonly number[]>(() => (spec.answer.kind === 'drag' ? spec.answer.start(q) : []));
  const [moved, setMoved] = useState(false);
  const [attempts, setAttempts] = useState(0);
  const [hintsShown, setHintsShown] = useState(0);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [done, setDone] = useState(false);
  const settings = useEmbedSettings();
  const progress = useProgressStore();
  const ids = { field: useId(), help: useId(), status: useId() };
  const hints = spec.hints(q);
  const worked = hintsShown > hints.length;
  // the exercise is over: solved, or its worked answer read; the truth may now stand beside the prediction
  const over = done || worked;
  const answer = spec.answer;
  const options = useMemo(() => {
    if (answer.kind === 'number' || answer.kind === 'drag') return [];
    const listed = answer.options(q);
    return answer.kind === 'choice' && !answer.ordered ? shuffled(listed, seed, spec.entry.id) : listed;
  }, [answer, q, seed, spec.entry.id]);

  const check = () => {
    const grade: Grade =
      answer.kind === 'number'
        ? gradeNumber(typed, answer.truth(q), answer.figures, answer.mistakes?.(q))
        : answer.kind === 'drag'
          ? gradeDrag(bars, moved, answer.truth(q), answer.tolerance, answer.mistakes?.(q))
          : gradeChoice(chosen, answer.right(q), answer.mistakes?.(q));
    if (!grade.correct && grade.refusal) {
      setFeedback({ tone: 'refused', text: grade.refusal });
      return;
    }
    const tries = attempts + 1;
    setAttempts(tries);
    if (settings.embedded) {
      postResult({ type: 'logit-lab:result', version: 1, id: settings.frame ?? spec.entry.id, exercise: spec.entry.id, seed, correct: grade.correct, attempts: tries, hintsUsed: hintsShown });
    }
    if (grade.correct) {
      setDone(true);
      setFeedback({ tone: 'right', text: `Right: ${spec.truthText(q)}.` });
      progress.getState().markSolved(spec.entry.id, { seed, attempts: tries, hintsUsed: hintsShown, at: Date.now() });
      return;
    }
    const again = hintsOn && !worked ? 'Try again, or take a hint.' : 'Try again.';
    setFeedback({ tone: 'wrong', text: grade.mistake ? `Not quite: ${grade.mistake}. ${again}` : `Not quite. ${again}` });
  };

  const drag = (index: number, raw: number) => {
    if (answer.kind !== 'drag') return;
    const [lo, hi] = answer.domain;
    // snapped to the step, so a bar's value is one the keyboard could reach and reads without noise
    const value = Number((Math.round(Math.min(hi, Math.max(lo, raw)) / answer.step) * answer.step).toFixed(6));
    setBars((old) => old.map((v, i) => (i === index ? value : v)));
    setMoved(true);
  };

  const toggle = (value: string) =>
    setChosen((old) => (answer.kind === 'choice' ? [value] : old.includes(value) ? old.filter((v) => v !== value) : [...old, value]));

  return (
    <>
      <div className="exercise-prompt">{prompt(q)}</div>
      {/* not a <form>: an embed's sandbox has no allow-forms, and there a submit is blocked before its
          event fires; Enter in the field checks, as it would submit */}
      <div className="exercise-answer">
        {answer.kind === 'number' ? (
          <div className="exercise-field">
            <label htmlFor={ids.field}>{typeof answer.label === 'function' ? answer.label(q) : answer.label} =</label>
            <input
              id={ids.field}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              value={typed}
              aria-describedby={ids.help}
              onChange={(e) => setTyped(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') check();
              }}
            />
            <span id={ids.help} className="exercise-help">
              to {answer.figures} significant figures
            </span>
          </div>
        ) : answer.kind === 'drag' ? (
          <figure className="exercise-drag">
            <figcaption id={ids.help}>
              {answer.legend} (within ±{answer.tolerance} of the core&rsquo;s value): drag a bar, or focus it and use the arrow keys.
            </figcaption>
            <PredictionBars
              labels={answer.items(q)}
              values={bars}
              domain={answer.domain}
              step={answer.step}
              digits={decimals(answer.step)}
              onChange={drag}
              truth={over ? answer.truth(q) : null}
              locked={done}
            />
          </figure>
        ) : (
          <fieldset className="exercise-options">
            <legend>{answer.legend}</legend>
            {options.map((o) => (
              <label key={o.value}>
                <input
                  type={answer.kind === 'choice' ? 'radio' : 'checkbox'}
                  name={ids.field}
                  value={o.value}
                  checked={chosen.includes(o.value)}
                  onChange={() => toggle(o.value)}
                />{' '}
                {o.label}
                {over && answer.right(q).includes(o.value) && <span className="exercise-answer-mark"> (the answer)</span>}
              </label>
            ))}
          </fieldset>
        )}
        <button type="button" className="primary-action" onClick={check}>
          Check
        </button>
      </div>
      <p id={ids.status} role="status" className={`exercise-feedback${feedback ? ` exercise-${feedback.tone}` : ''}`}>
        {feedback?.text}
      </p>
      {over && <ExerciseReveal spec={spec} q={q} typed={typed} bars={bars} />}
      {hintsOn && (
        <div className="exercise-hints">
          {hintsShown > 0 && (
            <ol>
              {hints.slice(0, hintsShown).map((h) => (
                <li key={h}>{h}</li>
              ))}
            </ol>
          )}
          {worked && (
            <p className="exercise-worked">
              <strong>Worked answer.</strong> {spec.worked(q)}
            </p>
          )}
          {!worked && !done && (
            <button type="button" onClick={() => setHintsShown((n) => n + 1)}>
              {hintsShown < hints.length ? (hintsShown === 0 ? 'Hint' : 'Next hint') : 'Show the worked answer'}
            </button>
          )}
        </div>
      )}
    </>
  );
}
