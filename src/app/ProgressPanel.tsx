import { useState } from 'react';
import { WIDGETS } from '../embed/widgetRegistry';
import { useProgress, useProgressStore } from '../state/progressStore';
import { ProgressNotice } from './ChapterProgress';
import { ProgressExport, ProgressImport } from './ProgressTransfer';
import './progressPanel.css';

const EXERCISE_IDS = WIDGETS.filter((w) => w.exercise).map((w) => w.id);

type Open = 'export' | 'import' | null;

/**
 * On the home page: how many exercises the learner has solved in all; a way to carry them to another
 * device (a code to copy or type, or a file) and to bring them in from one; and a way to forget them
 * (two steps, so a stray tap forgets nothing). Import is offered with nothing solved yet: that is
 * when a learner on a new device needs it.
 */
export function ProgressPanel() {
  const solved = useProgress((s) => EXERCISE_IDS.filter((id) => s.solved[id] !== undefined).length);
  const store = useProgressStore();
  const [confirming, setConfirming] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  if (EXERCISE_IDS.length === 0) return null;
  // nothing left to export after a reset: the export closes with its button
  const shown: Open = open === 'export' && solved === 0 ? null : open;
  const toggle = (which: Exclude<Open, null>) => setOpen(shown === which ? null : which);
  return (
    <section className="home-progress" aria-labelledby="home-progress-title">
      <h2 id="home-progress-title">Your progress</h2>
      <p data-testid="home-progress">
        You have solved {solved} of {EXERCISE_IDS.length} exercises. Your progress is kept in this browser only: to carry it to
        another device, export it here and import it there.
      </p>
      <ProgressNotice />
      <div className="button-row">
        {solved > 0 && (
          <button type="button" aria-expanded={shown === 'export'} aria-controls={shown === 'export' ? 'progress-export' : undefined} onClick={() => toggle('export')}>
            Export progress
          </button>
        )}
        <button type="button" aria-expanded={shown === 'import'} aria-controls={shown === 'import' ? 'progress-import' : undefined} onClick={() => toggle('import')}>
          Import progress
        </button>
        {solved > 0 &&
          (confirming ? (
            <>
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
            </>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              Reset progress
            </button>
          ))}
      </div>
      {shown === 'export' && <ProgressExport id="progress-export" knownIds={EXERCISE_IDS} />}
      {shown === 'import' && <ProgressImport id="progress-import" knownIds={EXERCISE_IDS} />}
    </section>
  );
}
