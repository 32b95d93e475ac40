/**
 * Printing a chapter shows each plot's text alternative as a caption under it, so the paper carries
 * the numbers the plot shows (an SVG's aria-label cannot be reached from CSS). The captions are put in
 * just before printing and taken out after it: on screen the label is already read by screen readers,
 * and the captions are hidden from them (aria-hidden) so nothing is read twice while they exist.
 */

const PLOTS = 'main svg[role][aria-label], main canvas[role="img"][aria-label]';
const CAPTION = 'print-alt';

function removeCaptions() {
  for (const caption of Array.from(document.querySelectorAll(`.${CAPTION}`))) caption.remove();
}

function addCaptions() {
  // the labels are current now (a plot's label catches up within 200 ms of the last input)
  removeCaptions();
  for (const plot of Array.from(document.querySelectorAll(PLOTS))) {
    const label = plot.getAttribute('aria-label')?.trim();
    if (!label || plot.closest('[hidden], [aria-hidden="true"]')) continue;
    const caption = document.createElement('p');
    caption.className = CAPTION;
    caption.setAttribute('aria-hidden', 'true');
    caption.textContent = label;
    // a figure takes the caption at its end, after its own; a plot laid over another (a canvas under
    // its SVG layer) gives it to its box, which is in the flow
    const figure = plot.closest('figure');
    if (figure) figure.append(caption);
    else {
      const anchor = getComputedStyle(plot).position === 'absolute' && plot.parentElement ? plot.parentElement : plot;
      anchor.after(caption);
    }
  }
}

let listening = false;

/** Captions in for printing (the print dialog, "Save as PDF", headless printing), out after it. */
export function captionPlotsWhenPrinting(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener('beforeprint', addCaptions);
  window.addEventListener('afterprint', removeCaptions);
}
