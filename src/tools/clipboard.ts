/**
 * Copy text to the clipboard from a click. The async clipboard API is missing on plain-http pages and
 * refused in a sandboxed iframe without clipboard-write; the old selection-based copy (a hidden
 * textarea and execCommand('copy')) still works in many of those places. When both fail, the caller
 * shows the text selected for Ctrl+C, which works everywhere.
 */
export type CopyOutcome = 'copied' | 'unavailable';

// One module for every copy button on the site: copy as code, and the share panel's link and iframe line.

export async function copyToClipboard(text: string): Promise<CopyOutcome> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (clipboard && typeof clipboard.writeText === 'function') {
    try {
      await clipboard.writeText(text);
      return 'copied';
    } catch {
      // Refused (permissions, an iframe's sandbox): try the textarea below.
    }
  }
  return copyWithTextarea(text) ? 'copied' : 'unavailable';
}

function copyWithTextarea(text: string): boolean {
  if (typeof document === 'undefined' || typeof document.execCommand !== 'function') return false;
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.setAttribute('aria-hidden', 'true');
  // Off screen but rendered: a display:none field cannot be selected.
  field.style.position = 'fixed';
  field.style.top = '-1000px';
  field.style.opacity = '0';
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.append(field);
  field.select();
  let copied = false;
  try {
    // Deprecated but still the only copy path where the async clipboard is refused.
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  field.remove();
  previous?.focus();
  return copied;
}

/** Select the text of an element (the shown code), ready for Ctrl+C (⌘C). */
export function selectContents(element: HTMLElement | null): void {
  const selection = typeof window === 'undefined' ? null : window.getSelection();
  if (!element || !selection) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
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
