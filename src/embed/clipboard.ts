/**
 * Copy text with the async clipboard API. It is missing on plain-http pages and refused inside a
 * sandboxed or cross-origin iframe without the clipboard-write permission; then the caller shows the
 * text selected and asks for Ctrl+C, which works everywhere.
 */
export type CopyResult = 'copied' | 'unavailable';

export async function copyText(text: string): Promise<CopyResult> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clipboard || typeof clipboard.writeText !== 'function') return 'unavailable';
  try {
    await clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'unavailable';
  }
}

/** Focus a read-only field and select all of it, ready for Ctrl+C (⌘C). */
export function selectForManualCopy(field: HTMLInputElement | HTMLTextAreaElement | null): void {
  if (!field) return;
  field.focus();
  field.select();
  field.setSelectionRange(0, field.value.length);
}

/** "Ctrl+C", or "⌘C" on Apple devices, for the fallback's instruction. */
export function copyShortcut(): string {
  const platform = typeof navigator === 'undefined' ? '' : `${navigator.platform} ${navigator.userAgent}`;
  return /Mac|iPhone|iPad|iPod/.test(platform) ? '⌘C' : 'Ctrl+C';
}
