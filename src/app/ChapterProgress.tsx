import { useProgress, useProgressStore } from '../state/progressStore';
import { exerciseIdsOf } from '../embed/exerciseIds';

/** The chapter's exercises and how many of them the learner has solved. */
export function useChapterProgress(slug: string): { solved: number; total: number } {
  const ids = exerciseIdsOf(slug);
  const solved = useProgress((s) => ids.filter((id) => s.solved[id] !== undefined).length);
  return { solved, total: ids.length };
}

/** "1 of 3 solved" in the contents, nothing for a chapter without exercises. */
export function ProgressBadge({ slug }: { slug: string }) {
  const { solved, total } = useChapterProgress(slug);
  if (total === 0) return null;
  return (
    <span className="toc-progress" data-testid={`progress-${slug}`}>
      {solved} of {total} exercises solved
    </span>
  );
}

/**
 * In the chapter's kicker line, beside "Chapter n", so that it costs the first screen no line of its
 * own: "· Exercises: 1 of 3 solved". Nothing for a chapter without exercises.
 */
export function ChapterProgress({ slug }: { slug: string }) {
  const { solved, total } = useChapterProgress(slug);
  if (total === 0) return null;
  return (
    <>
      <span aria-hidden="true"> · </span>
      <span className="chapter-progress" data-testid="chapter-progress">
        Exercises: {solved} of {total} solved
      </span>
    </>
  );
}

/** A notice when the saved progress could not be read or saved, with a button to put it away. */
export function ProgressNotice() {
  const notice = useProgress((s) => s.notice);
  const store = useProgressStore();
  if (!notice) return null;
  return (
    <p className="notice" role="status" data-testid="progress-notice">
      {notice}{' '}
      <button type="button" onClick={() => store.getState().dismissNotice()}>
        OK
      </button>
    </p>
  );
}
