/**
 * What a lecturer pastes into each course platform: the one-line iframe (from embedUrl.ts's
 * iframeSnippet, already escaped), wrapped the way the platform passes raw HTML through, and the
 * lecturer options as they come from the share panel's form.
 */
import type { EmbedOptions } from './embedUrl';
import { CAPTION_MAX, type Theme } from '../../url/labQuery';

export type Platform = 'canvas' | 'moodle' | 'jupyter-book' | 'quarto' | 'html';

/** The longest caption the embed shows (it cuts a longer one, with a notice): the form stops there. */
export const CAPTION_MAX_LENGTH = CAPTION_MAX;

export type EmbedTheme = Theme;
export const THEMES: readonly EmbedTheme[] = ['auto', 'light', 'dark'];

/** The share form's state: every control hidden or locked by id, a caption, a theme. */
export interface ShareChoices {
  readonly hide: readonly string[];
  readonly lock: readonly string[];
  readonly caption: string;
  readonly theme: EmbedTheme;
}

export const NO_CHOICES: ShareChoices = { hide: [], lock: [], caption: '', theme: 'auto' };

/**
 * The options for embedUrl: only the controls this widget has, a hidden control not also locked (it
 * is not there to lock), the caption trimmed and capped, and nothing at all for the defaults, so an
 * embed without options has the shortest address.
 */
export function embedOptions(choices: ShareChoices, controls: readonly string[]): EmbedOptions {
  const hide = controls.filter((c) => choices.hide.includes(c));
  const lock = controls.filter((c) => choices.lock.includes(c) && !hide.includes(c));
  const caption = capCaption(choices.caption.trim());
  const options: EmbedOptions = {
    ...(hide.length ? { hide } : {}),
    ...(lock.length ? { lock } : {}),
    ...(caption ? { caption } : {}),
    ...(choices.theme !== 'auto' ? { theme: choices.theme } : {}),
  };
  return options;
}

/** At most CAPTION_MAX_LENGTH characters, counted as the embed counts them (code points, so an emoji is never cut in half). */
export function capCaption(text: string): string {
  const chars = Array.from(text);
  return chars.length > CAPTION_MAX_LENGTH ? chars.slice(0, CAPTION_MAX_LENGTH).join('') : text;
}

/** Adds or removes one control id from a list, keeping the list's order stable. */
export function toggled(list: readonly string[], id: string, on: boolean): string[] {
  const without = list.filter((c) => c !== id);
  return on ? [...without, id] : without;
}

/**
 * The script tag for embed-resize.js beside the embed's own page, for hosts that let the lecturer add
 * a script: it grows each Logit Lab iframe to its content. The URL is written with quotes and
 * ampersands escaped, as every attribute value here is.
 */
export function resizeScriptTag(scriptUrl: string): string {
  return `<script src="${escapeAttribute(scriptUrl)}" defer></script>`;
}

/** For a double-quoted HTML attribute value: & " < > escaped, so no value can end the attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The text to paste on each platform. Canvas and Moodle take the iframe line in their editors' HTML
 * view; Jupyter Book (MyST Markdown) passes an HTML block through as it is; Quarto (Pandoc) wants a
 * raw block marked `{=html}`; a plain page takes the iframe and, optionally, the resize script.
 */
export function platformSnippet(platform: Platform, iframe: string, scriptUrl: string): string {
  switch (platform) {
    case 'canvas':
    case 'moodle':
    case 'jupyter-book':
      return iframe;
    case 'quarto':
      return ['```{=html}', iframe, '```'].join('\n');
    case 'html':
      return [iframe, resizeScriptTag(scriptUrl)].join('\n');
  }
}
