/**
 * Saves a blob under a file name through a temporary link (the object URL freed soon after). A module
 * of its own, so that a page saving a small file (the progress export) does not bring in the figure
 * exporter with it.
 */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
