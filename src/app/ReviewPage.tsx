import { createElement, Suspense, useId, useMemo, useState, type ReactNode } from 'react';
import { findChapter, type Chapter } from '../chapters/chapterList';
import { WIDGETS, findWidget } from '../embed/widgetRegistry';
import { widgetLoader } from '../embed/widgetLoader';
import { ExerciseSeedProvider } from '../exercises/exerciseSeed';
import { reviewDueWhen } from '../exercises/reviewDueWhen';
import { pickReview, type ReviewItem } from '../exercises/reviewPick';
import { TermScope } from '../math/TermScope';
import { useProgressStore } from '../state/progressStore';
import { WidgetBoundary } from '../tools/WidgetBoundary';
import { chapterHref } from '../url/hashRoute';
import type { EmbeddableWidget } from '../url/widgetEntry';
import '../styles/review.css';

/** Every exercise's id, in chapter order: the order ties are broken in. */
const EXERCISE_IDS = WIDGETS.filter((w) => w.exercise).map((w) => w.id);

// An exercise out of its chapter's chunk; one its chapter's map lacks fails into the boundary around it.
const lazyExercise = widgetLoader((id) => {
  throw new Error(`${id} is not in its chapter's component map`);
});

/**
 * `#/review`: solved exercises again, with new numbers, spaced by the days since each was solved
 * (reviewPick.ts). What is shown is picked once, as the page opens: an exercise solved here stays on
 * the page, marked solved, until the learner comes back. `now` is the clock (a test fixes it).
 */
export function ReviewPage({ now }: { now?: number }) {
  const progress = useProgressStore();
  const [{ plan, openedAt }] = useState(() => {
    const openedAt = now ?? Date.now();
    return { plan: pickReview(progress.getState().solved, EXERCISE_IDS, openedAt), openedAt };
  });
  const [anyway, setAnyway] = useState(false);
  const anywayId = useId();

  let body: ReactNode;
  if (plan.due.length > 0) {
    body = (
      <>
        <p>
          {plan.due.length === 1 ? 'One exercise is' : `${plan.due.length} exercises are`} due, the longest since first:
        </p>
        <ReviewList items={plan.due} />
      </>
    );
  } else if (plan.nextDueAt !== null) {
    body = (
      <>
        <p data-testid="review-none-due">
          Nothing is due yet: an exercise comes back once a whole day has passed since you last solved it. The next falls
          due {reviewDueWhen(plan.nextDueAt, openedAt)}.
        </p>
        <button type="button" aria-expanded={anyway} aria-controls={anywayId} onClick={() => setAnyway((a) => !a)}>
          Practise anyway
        </button>
        <div id={anywayId}>{anyway && <ReviewList items={plan.anyway} />}</div>
      </>
    );
  } else {
    body = (
      <p data-testid="review-nothing-solved">
        You have not solved an exercise yet. The chapters have a few each, boxed in the text: solve one, and a day later it
        comes back here with new numbers. <a href="#/">Choose a chapter</a> to start.
      </p>
    );
  }

  return (
    <article className="review" aria-labelledby="review-title">
      <h1 id="review-title">Review</h1>
      <p className="lede">
        Exercises you have solved, again, with new numbers. Each comes back once a day or more has passed since you
        solved it, the longest-waiting first: working one out again after a week is practice, where rereading the chapter
        would only feel familiar.
      </p>
      {body}
    </article>
  );
}

/** The picked exercises under their chapters' names, a chapter's in the order they were picked. */
function ReviewList({ items }: { items: readonly ReviewItem[] }) {
  const groups: { chapter: Chapter; entries: { item: ReviewItem; widget: EmbeddableWidget }[] }[] = [];
  for (const item of items) {
    const widget = findWidget(item.id);
    const chapter = widget && findChapter(widget.chapter);
    if (!widget || !chapter?.load) continue;
    const group = groups.find((g) => g.chapter === chapter);
    if (group) group.entries.push({ item, widget });
    else groups.push({ chapter, entries: [{ item, widget }] });
  }
  return (
    <TermScope className="review-body">
      {groups.map(({ chapter, entries }) => (
        // an exercise outside an embed is headed by an h3 (Exercise.tsx): each chapter is the h2 above it
        <div key={chapter.slug} className="review-chapter">
          <h2>
            <a href={chapterHref(chapter.slug)}>
              Chapter {chapter.number}: {chapter.title}
            </a>
          </h2>
          {entries.map(({ item, widget }) => (
            <ReviewExercise key={item.id} item={item} widget={widget} chapter={chapter} />
          ))}
        </div>
      ))}
    </TermScope>
  );
}

/** One exercise on its review numbers; "New numbers" moves on from them, as in a chapter. */
function ReviewExercise({ item, widget, chapter }: { item: ReviewItem; widget: EmbeddableWidget; chapter: Chapter }) {
  const [seed, setSeed] = useState(item.seed);
  const shown = useMemo(() => createElement(lazyExercise(widget, chapter)), [widget, chapter]);
  return (
    <div className="review-exercise">
      <p className="review-last">
        Last solved {item.days < 1 ? 'less than a day' : item.days === 1 ? 'a day' : `${item.days} days`} ago, on set{' '}
        {item.solvedSeed}.
      </p>
      <WidgetBoundary name={widget.name}>
        <Suspense fallback={<p className="loading">Loading {widget.name}…</p>}>
          <ExerciseSeedProvider seed={seed} setSeed={setSeed}>
            {shown}
          </ExerciseSeedProvider>
        </Suspense>
      </WidgetBoundary>
    </div>
  );
}
