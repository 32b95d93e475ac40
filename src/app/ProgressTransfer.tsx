import { useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { keepKnown, MAX_PROGRESS_FILE_BYTES, PROGRESS_FILE_NAME, readProgressFile, writeProgress, type ProgressReading } from '../state/progress';
import { decodeProgress, encodeProgress } from '../state/progressCode';
import { useProgress, useProgressStore } from '../state/progressStore';
import { useCopy } from '../tools/share/SharePanelCopy';
import { downloadBlob } from '../tools/export/downloadBlob';

/**
 * The learner's results for this version's exercises, as a code to copy or type on another device
 * and as a file (the stored format, with the exact time of each result, where the code keeps the day).
 */
export function ProgressExport({ id, knownIds }: { id: string; knownIds: readonly string[] }) {
  const solved = useProgress((s) => s.solved);
  const known = useMemo(() => keepKnown(solved, knownIds).solved, [solved, knownIds]);
  const code = useMemo(() => encodeProgress(known), [known]);
  const field = useRef<HTMLTextAreaElement | null>(null);
  const { status, copy } = useCopy();
  return (
    <div id={id} className="progress-transfer">
      <div className="progress-field">
        <label>
          <span className="progress-field-label">Your progress code</span>
          <textarea
            ref={field}
            readOnly
            rows={Math.min(8, Math.ceil(code.length / 20))}
            value={code}
            spellCheck={false}
            data-testid="progress-code"
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
        <button type="button" onClick={() => void copy(code, 'the code', field)}>
          Copy code
        </button>
      </div>
      <p className="progress-status" role="status">
        {status}
      </p>
      <p className="progress-help">
        On the other device, open this page, choose Import progress and type or paste the code. Or keep your progress in a
        file and import that:
      </p>
      <button type="button" onClick={() => downloadBlob(new Blob([writeProgress(known)], { type: 'application/json' }), PROGRESS_FILE_NAME)}>
        Download a file
      </button>
    </div>
  );
}

/** "Imported 3 solved exercises (1 updated)." and what was kept as it was. */
function importedMessage(added: number, updated: number, incoming: number): string {
  const taken = added + updated;
  const kept = incoming - taken;
  if (taken === 0) return 'Nothing new was imported: every exercise in it is already solved here, as recently or later.';
  const imported = `Imported ${taken} solved exercise${taken === 1 ? '' : 's'}${updated > 0 ? ` (${updated} updated)` : ''}.`;
  if (kept === 0) return imported;
  return `${imported} ${kept === 1 ? 'One was' : `${kept} were`} already solved here as recently or later, and kept as ${kept === 1 ? 'it was' : 'they were'}.`;
}

/**
 * A code typed or pasted, or a file chosen, added to the progress here (the later result of an
 * exercise wins). What cannot be read is said in the status, and the progress here stays as it was.
 */
export function ProgressImport({ id, knownIds }: { id: string; knownIds: readonly string[] }) {
  const store = useProgressStore();
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<{ text: string; refused: boolean } | null>(null);

  /** true when something was read and merged */
  const apply = (reading: ProgressReading, what: 'code' | 'file'): boolean => {
    const incoming = Object.keys(reading.solved).length;
    if (incoming === 0) {
      setMessage({ text: reading.problems.join(' ') || `That ${what} holds no solved exercise.`, refused: true });
      return false;
    }
    const { added, updated } = store.getState().importSolved(reading.solved);
    setMessage({ text: [importedMessage(added, updated, incoming), ...reading.problems].join(' '), refused: false });
    return true;
  };

  const importCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (apply(decodeProgress(code, knownIds), 'code')) setCode('');
  };

  const importFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // emptied, so that choosing the same file again is a change too
    input.value = '';
    if (!file) return;
    if (file.size > MAX_PROGRESS_FILE_BYTES) {
      setMessage({ text: `That file is too large to be a Logit Lab progress file (over ${MAX_PROGRESS_FILE_BYTES / 1000} KB), so nothing was imported.`, refused: true });
      return;
    }
    file.text().then(
      (text) => apply(readProgressFile(text, knownIds), 'file'),
      () => setMessage({ text: 'That file could not be opened, so nothing was imported.', refused: true }),
    );
  };

  return (
    <div id={id} className="progress-transfer">
      <form className="progress-field" onSubmit={importCode}>
        <label>
          <span className="progress-field-label">Progress code</span>
          <input
            type="text"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            placeholder="LL1-…"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            data-testid="progress-code-input"
          />
        </label>
        <button type="submit">Import code</button>
      </form>
      <div className="progress-field">
        <label>
          <span className="progress-field-label">Or a progress file (.json)</span>
          <input type="file" accept=".json,application/json" onChange={importFile} data-testid="progress-file-input" />
        </label>
      </div>
      <p className={message?.refused ? 'progress-status progress-status-refused' : 'progress-status'} role="status" data-testid="progress-import-status">
        {message?.text}
      </p>
    </div>
  );
}
