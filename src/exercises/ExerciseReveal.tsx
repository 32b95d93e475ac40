import { useState } from 'react';
import { parseTypedNumber } from '../controls/parseTypedNumber';
import { formatNumber } from '../format/formatNumber';
import { useEmbedSettings } from '../state/embedContext';
import { chapterHref, followQuery } from '../url/hashRoute';
import { defaultInputs } from '../url/labInputs';
import { writeLabQuery } from '../url/labQuery';
import type { LabField } from '../url/widgetEntry';
import { useExerciseSeed } from './exerciseSeed';
import type { ExerciseSpec, ExploreLink } from './exerciseSpec';
import { figuresText } from './grading';

/** The address keys of the inputs a link sets: only those, so the explorer's other inputs stay as they are. */
function exploreQuery({ inputs }: ExploreLink): URLSearchParams {
  const fields: LabField[] = [];
  if (inputs.logits) fields.push('z');
  if (inputs.temperature !== undefined) fields.push('T');
  if (inputs.labels) fields.push('y');
  if (inputs.binaryLogit !== undefined) fields.push('bz');
  if (inputs.binaryTarget !== undefined) fields.push('bt');
  return writeLabQuery({ ...defaultInputs(), ...inputs }, fields);
}

/**
 * Once an exercise is over (solved, or its worked answer read): the learner's prediction beside the
 * core's value, in words (a drag's bars show it too), and, where the numbers are the chapter
 * explorer's inputs, a way to see them there: in a chapter a button sets the explorer; elsewhere (an
 * embed, the Review page, where no explorer is beside it) a link opens the chapter on them.
 */
export function ExerciseReveal<Q>({ spec, q, typed, bars }: { spec: ExerciseSpec<Q>; q: Q; typed: string; bars: readonly number[] }) {
  const { embedded } = useEmbedSettings();
  const given = useExerciseSeed();
  const away = embedded || given !== null;
  const [moved, setMoved] = useState(false);
  const answer = spec.answer;
  const link = spec.explore?.(q);
  let compare: string | null = null;
  if (answer.kind === 'number') {
    const read = typed.trim() === '' ? null : parseTypedNumber(typed, { name: 'the answer', min: -1e9, max: 1e9 });
    // the learner's answer as they typed it (with the true minus sign), the core's to six figures
    if (read?.ok) compare = `Your prediction: ${typed.trim().replace(/^-/, '−')}. The core: ${figuresText(answer.truth(q), 6)} (to 6 figures).`;
  } else if (answer.kind === 'drag') {
    const truth = answer.truth(q);
    const digits = (String(answer.step).split('.')[1] ?? '').length + 1;
    compare =
      'Your bars beside the core’s (outlined): ' +
      answer
        .items(q)
        .map((label, i) => `${label}: yours ${formatNumber(bars[i] ?? 0, digits - 1)}, the core’s ${formatNumber(truth[i] ?? 0, digits)}`)
        .join('; ') +
      '.';
  }
  if (!compare && !link) return null;
  return (
    <div className="exercise-reveal">
      {compare && <p>{compare}</p>}
      {link &&
        (away ? (
          <p>
            {embedded ? (
              <>
                <a href={chapterHref(spec.entry.chapter, exploreQuery(link))} target="_blank" rel="noopener noreferrer">
                  Open {link.what} on these numbers
                </a>{' '}
                (in a new tab)
              </>
            ) : (
              <a href={chapterHref(spec.entry.chapter, exploreQuery(link))}>Open {link.what} on these numbers</a>
            )}
          </p>
        ) : (
          <p>
            <button
              type="button"
              onClick={() => {
                const query = exploreQuery(link);
                followQuery((q) => query.forEach((value, key) => q.set(key, value)));
                setMoved(true);
              }}
            >
              Set {link.what} to these numbers
            </button>{' '}
            <span aria-live="polite">{moved ? `${link.what[0]!.toUpperCase()}${link.what.slice(1)} now shows them.` : ''}</span>
          </p>
        ))}
    </div>
  );
}
