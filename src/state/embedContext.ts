import { createContext, useContext } from 'react';

/**
 * What an embed tells the widgets inside it: that they are embedded (the embed, not the chapter's
 * URL hook, keeps the address in step), and which shared controls the lecturer hid or locked. In a
 * chapter nothing is hidden or locked.
 */
export interface EmbedSettings {
  readonly embedded: boolean;
  readonly hidden: ReadonlySet<string>;
  readonly locked: ReadonlySet<string>;
  /** the id the embed's messages to its host carry (the `frame` option, else the widget's id) */
  readonly frame?: string;
}

export const CHAPTER_SETTINGS: EmbedSettings = { embedded: false, hidden: new Set(), locked: new Set() };

export const EmbedContext = createContext<EmbedSettings>(CHAPTER_SETTINGS);

export function useEmbedSettings(): EmbedSettings {
  return useContext(EmbedContext);
}

export type ControlMode = 'shown' | 'hidden' | 'locked';

/**
 * How a control that sets the inputs `ids` is shown: hidden when the lecturer hid any of them (a
 * control that moves a hidden input would change what the reader cannot see), else locked when any
 * is locked, else shown.
 */
export function controlMode(settings: EmbedSettings, ids: readonly string[]): ControlMode {
  if (ids.some((id) => settings.hidden.has(id))) return 'hidden';
  if (ids.some((id) => settings.locked.has(id))) return 'locked';
  return 'shown';
}

export function useControlMode(ids: readonly string[]): ControlMode {
  return controlMode(useEmbedSettings(), ids);
}
