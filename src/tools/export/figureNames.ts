/** Names for exported figures and their files, from the labels the page already gives them. */

const NAME_LIMIT = 48;

/** Beyond this many characters, "X of Y" or "X against Y" is named X. */
const LONG_NAME = 32;

/**
 * The first sentence or clause of a label: "Probability bars: p1 = 0.090, …" → "Probability bars"; a
 * long "Decision regions of the network over …" → "Decision regions", "Binary cross-entropy against z
 * for both labels" → "Binary cross-entropy".
 */
export function shortName(label: string): string {
  const text = label.replace(/\s+/g, ' ').trim();
  const cut = text.search(/:|\.\s|\.$|;|,| — | – /);
  let head = (cut > 0 ? text.slice(0, cut) : text).trim();
  if (head.length > LONG_NAME) {
    const joint = head.search(/ of | against /);
    if (joint > 0) head = head.slice(0, joint);
  }
  return head.length > NAME_LIMIT ? `${head.slice(0, NAME_LIMIT - 1).trimEnd()}…` : head;
}

/**
 * A figure's own name, from its aria-label (the words before its numbers), else its figcaption. A plot
 * that is itself a slider begins its label with the handle's name ("binary logit z, on the plot of the
 * loss. Binary cross-entropy against z …"), so its figure is named from the sentence after that.
 */
export function figureLabel(element: Element): string {
  let label = (element.getAttribute('aria-label') ?? element.querySelector(':scope > title')?.textContent ?? '').trim();
  if (element.getAttribute('role') === 'slider') {
    const rest = label.indexOf('. ');
    label = rest > 0 ? label.slice(rest + 2) : '';
  }
  return shortName(label) || shortName(element.closest('figure')?.querySelector('figcaption')?.textContent ?? '');
}

const SLUG_LIMIT = 40;

/** Lower-case words joined by hyphens, ASCII only, at most 40 characters of whole words: safe in a file name anywhere. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= SLUG_LIMIT) return slug;
  const cut = slug.slice(0, SLUG_LIMIT + 1).lastIndexOf('-');
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, SLUG_LIMIT);
}

/** `logit-lab-<widget>-<figure>.<ext>`, e.g. `logit-lab-softmax-explorer-probability-bars.svg`. */
export function figureFilename(widgetTitle: string, figureName: string, extension: 'svg' | 'png'): string {
  const parts = ['logit-lab', slugify(widgetTitle), slugify(figureName)].filter(Boolean);
  return `${parts.join('-')}.${extension}`;
}

