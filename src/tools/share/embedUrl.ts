import type { LabState } from '../../state/createLabStore';
import { writeLabQuery, writeOptions, type Theme } from '../../url/labQuery';
import type { EmbeddableWidget } from '../../url/widgetEntry';

export interface EmbedOptions {
  hide?: readonly string[];
  lock?: readonly string[];
  caption?: string;
  theme?: Theme;
}

/** The route of every embed: `#/embed/<chapter>/<Key>`; `#/embed` alone is the lecturers' page. */
export const EMBED_ROUTE = 'embed';

/** '#/embed/softmax/SoftmaxExplorer?z=2,3,4&T=1&hide=temperature&caption=…&theme=dark' */
export function embedHash(widget: EmbeddableWidget, state: URLSearchParams, options: EmbedOptions = {}): string {
  const q = new URLSearchParams(state);
  // Only the widget's own controls: an id it does not have would earn the reader a notice.
  const own = (ids?: readonly string[]) => ids?.filter((id) => widget.controls.some((c) => c === id));
  writeOptions(q, { hide: own(options.hide), lock: own(options.lock), caption: options.caption, theme: options.theme });
  const qs = q.toString();
  return `#/${EMBED_ROUTE}/${widget.chapter}/${widget.key}${qs ? `?${qs}` : ''}`;
}

/**
 * The absolute address of the embed, from the current page's location (works under any sub-path):
 * the page's address up to the hash, with the embed's hash.
 */
export function embedUrl(widget: EmbeddableWidget, state: URLSearchParams, options?: EmbedOptions, base?: string): string {
  const page = (base ?? window.location.href).split('#')[0];
  return page + embedHash(widget, state, options);
}

function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The height an iframe starts at before the embed tells its own (embed-resize.js). */
export const DEFAULT_IFRAME_HEIGHT = 600;

/**
 * The embed's sandbox. allow-same-origin gives the frame the origin it is served from (Logit Lab's host),
 * not the opaque origin 'null': its module scripts, lazy chunks and fonts are then same-origin fetches, so
 * any static host works with its default headers (an opaque origin fetches them in CORS mode, which most
 * hosts do not answer). The frame stays apart from the course page because the two origins differ; on the
 * course page's own origin, scripts plus same-origin could lift the sandbox, which the lecturer page warns
 * about. allow-downloads lets the figure export save its files.
 */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-downloads';
/** The copy buttons write to the clipboard, which a frame may do only when the page allows it. */
export const EMBED_ALLOW = 'clipboard-write';

/** One line of HTML: <iframe src="…" title="Logit Lab: …" width="100%" height="…" sandbox="…" allow="clipboard-write" loading="lazy" style="border:0"></iframe> */
export function iframeSnippet(widget: EmbeddableWidget, url: string, height: number = DEFAULT_IFRAME_HEIGHT): string {
  const h = Number.isFinite(height) ? Math.round(Math.min(5000, Math.max(100, height))) : DEFAULT_IFRAME_HEIGHT;
  return (
    `<iframe src="${escapeAttribute(url)}" title="Logit Lab: ${escapeAttribute(widget.title)}" width="100%" height="${h}"` +
    ` sandbox="${EMBED_SANDBOX}" allow="${EMBED_ALLOW}" loading="lazy" style="border:0" data-logit-lab></iframe>`
  );
}

/** The current state of the lab fields a widget reads, as its query (for share links). */
export function widgetQuery(widget: EmbeddableWidget, lab: LabState): URLSearchParams {
  return writeLabQuery(lab, widget.fields);
}
