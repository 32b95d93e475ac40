import { useSyncExternalStore } from 'react';
import { onUpdateReady, reloadToUpdate, updateReady } from './serviceWorker';

/**
 * "Updated — reload": a new release of the site is downloaded and waits for the learner. The live
 * region is on the page from the start (empty), so a screen reader announces the words when they
 * appear; nothing takes focus, and the learner reloads when it suits them.
 */
export function UpdateNotice() {
  const ready = useSyncExternalStore(onUpdateReady, updateReady, () => false);
  return (
    <div className="update-notice" role="status" data-ready={ready}>
      {ready && (
        <>
          <span>Updated — reload to read the new version. Your progress is kept.</span>
          <button type="button" onClick={reloadToUpdate}>
            Reload
          </button>
        </>
      )}
    </div>
  );
}
