import type { ReactNode } from 'react';
import { useControlMode } from '../state/embedContext';

/**
 * A shared control as the lecturer of an embed set it (`hide=` and `lock=` in the embed's URL):
 * hidden, not rendered at all; locked, shown but disabled, in a group named "Set by your lecturer"
 * so a screen reader says why. In a chapter it renders its children unchanged.
 */
export function LecturerControl({ ids, children }: { ids: readonly string[]; children: ReactNode }) {
  const mode = useControlMode(ids);
  if (mode === 'hidden') return null;
  if (mode === 'shown') return children;
  return (
    <fieldset className="locked-control" disabled data-locked={ids.join(' ')}>
      <legend className="locked-note">Set by your lecturer</legend>
      {children}
    </fieldset>
  );
}
