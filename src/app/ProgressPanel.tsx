import { useState } from 'react';
import { WIDGETS } from '../embed/widgetRegistry';
import { useProgress, useProgressStore } from '../state/progressStore';

const EXERCISE_IDS = WIDGETS.filter((w) => w.exercise).map((w) => w.id);

/**
 * On the home page: how many exercises the learner has solved in all, and a way to forget them (two
 * steps, so a stray tap forgets nothing). Progress lives in this browser only; the text says so.
 */
export function ProgressPanel() {
  const solved = useProgress((s) => EXERCISE_IDS.filter((id) => s.solved[id] !== undefined).length);
  const store = useProgressStore();
  const [confirming, setConfirming] = useState(false);
  if (EXERCISE_IDS.length === 0) return null;
  return (
    <section className="home-progress" aria-labelledby="home-progress-title">
      <h2 id="home-progress-title">Your progress</h2>
      <p data-testid="home-progress">
        You have solved {solved} of {EXERCISE_IDS.length} exercises. Your progress is kept in this browser only.
      </p>
      {solved > 0 &&
        (confirming ? (
          <p className="button-row">
            <button
              type="button"
              onClick={() => {
                store.getState().reset();
                setConfirming(false);
              }}
            >
              Yes, forget {solved === 1 ? 'the solved exercise' : `all ${solved} solved exercises`}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep them
            </button>
          </p>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Reset progress
          </button>
        ))}
    </section>
  );
}
