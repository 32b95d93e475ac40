import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { embedUrl, iframeSnippet } from '../../../../src/tools/share/embedUrl';
import { readLabQuery } from '../../../../src/url/labQuery';
import { findWidget } from '../../../../src/embed/widgetRegistry';
import { type EmbeddableWidget } from '../../../../src/url/widgetEntry';
import {
  CAPTION_MAX_LENGTH,
  embedOptions,
  escapeAttribute,
  NO_CHOICES,
  platformSnippet,
  resizeScriptTag,
  toggled,
} from '../../../../src/tools/share/snippets';
import { readHeightMessage, withFrameId } from '../../../../src/tools/share/SharePanelPreview';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const BASE = 'https://courses.example.edu/logit-lab/index.html';

function softmaxExplorer(): EmbeddableWidget {
  const widget = findWidget('softmax/SoftmaxExplorer');
  if (!widget) throw new Error('the registry has no softmax explorer');
  return widget;
}

/** A widget whose title holds every character that could end or open an attribute or a tag. */
const HOSTILE: EmbeddableWidget = { ...softmaxExplorer(), title: 'Soft"max" <b>explorer</b> & \'co\'' };

/** The attributes of the one tag a snippet line holds, as an HTML parser reads them (entities decoded). */
function attributes(tag: string): Map<string, string> {
  const open = /^<iframe((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*><\/iframe>$/.exec(tag);
  if (!open) throw new Error(`not one well-formed iframe tag: ${tag}`);
  const out = new Map<string, string>();
  for (const m of (open[1] ?? '').matchAll(/\s+([a-z-]+)(?:="([^"]*)")?/g)) {
    const raw = m[2] ?? '';
    // Only the four entities the writer uses may appear: any other & would be a bare ampersand.
    expect(raw.replace(/&(amp|quot|lt|gt);/g, '')).not.toMatch(/[&<>"]/);
    out.set(m[1] ?? '', raw.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
  }
  return out;
}

/** The options an embed reads back from the address in a snippet. */
function readBack(url: string) {
  const hash = new URL(url).hash;
  return readLabQuery(new URLSearchParams(hash.slice(hash.indexOf('?') + 1)));
}

describe('iframeSnippet', () => {
  it('escapes " < & in the title, so the tag stays one tag with the title as written', () => {
    const url = embedUrl(HOSTILE, new URLSearchParams('z=2,3,4&T=1'), {}, BASE);
    const line = iframeSnippet(HOSTILE, url);
    expect(line).toContain('title="Logit Lab: Soft&quot;max&quot; &lt;b&gt;explorer&lt;/b&gt; &amp; \'co\'"');
    const attrs = attributes(line);
    expect(attrs.get('title')).toBe('Logit Lab: Soft"max" <b>explorer</b> & \'co\'');
    expect(attrs.get('sandbox')).toBe('allow-scripts allow-same-origin allow-downloads');
    expect(attrs.get('allow')).toBe('clipboard-write');
    expect(attrs.get('src')).toBe(url);
  });

  it('a caption with " < & reaches the embed exactly as typed, percent-encoded in the address', () => {
    const caption = 'Set "T" < 1 & watch p₃ — then <script>alert(1)</script>';
    const url = embedUrl(softmaxExplorer(), new URLSearchParams('z=2,3,4&T=1'), embedOptions({ ...NO_CHOICES, caption }, ['logits', 'temperature']), BASE);
    // The address itself holds none of the characters that mean something in HTML or in a query.
    const query = url.slice(url.indexOf('?') + 1);
    expect(query).not.toMatch(/["<> ]/);
    expect(query.match(/&/g)?.length).toBe(2); // between z, T and caption: the caption's own & is %26
    const line = iframeSnippet(softmaxExplorer(), url);
    expect(attributes(line).get('src')).toBe(url);
    expect(readBack(attributes(line).get('src') ?? '').options.caption).toBe(caption);
  });

  it('the height is an integer inside the embed\'s range whatever it is given', () => {
    const url = embedUrl(softmaxExplorer(), new URLSearchParams(), {}, BASE);
    expect(attributes(iframeSnippet(softmaxExplorer(), url, 432.6)).get('height')).toBe('433');
    expect(attributes(iframeSnippet(softmaxExplorer(), url, Number.NaN)).get('height')).toMatch(/^\d+$/);
    expect(Number(attributes(iframeSnippet(softmaxExplorer(), url, 1e9)).get('height'))).toBeLessThanOrEqual(5000);
  });

  it('any caption round-trips through the snippet, and the snippet is always one iframe tag', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: CAPTION_MAX_LENGTH, unit: 'grapheme' }), (typed) => {
        const options = embedOptions({ ...NO_CHOICES, caption: typed }, softmaxExplorer().controls);
        const line = iframeSnippet(softmaxExplorer(), embedUrl(softmaxExplorer(), new URLSearchParams('z=1,2'), options, BASE));
        const src = attributes(line).get('src') ?? '';
        const { options: read, problems } = readBack(src);
        // What the embed shows is the caption as typed, trimmed (control characters, which the
        // embed turns into spaces, aside).
        if (options.caption === undefined) expect(read.caption).toBe('');
        else if (!CONTROL.test(typed)) expect(read.caption).toBe(typed.trim());
        expect(problems.filter((p) => !/caption/.test(p))).toEqual([]);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('embedOptions', () => {
  it('the defaults add nothing to the address', () => {
    expect(embedOptions(NO_CHOICES, ['logits', 'temperature'])).toEqual({});
  });

  it('keeps only the widget\'s own controls, and a hidden control is not also locked', () => {
    const options = embedOptions(
      { hide: ['temperature', 'labels'], lock: ['temperature', 'logits'], caption: '  Look at p₃  ', theme: 'dark' },
      ['logits', 'temperature'],
    );
    expect(options).toEqual({ hide: ['temperature'], lock: ['logits'], caption: 'Look at p₃', theme: 'dark' });
    const url = embedUrl(softmaxExplorer(), new URLSearchParams('z=2,3,4&T=1'), options, BASE);
    const { options: read, problems } = readBack(url);
    expect(problems).toEqual([]);
    expect(read.hide).toEqual(['temperature']);
    expect(read.lock).toEqual(['logits']);
    expect(read.theme).toBe('dark');
  });

  it('caps the caption at the length the embed shows', () => {
    const options = embedOptions({ ...NO_CHOICES, caption: 'a'.repeat(CAPTION_MAX_LENGTH + 30) }, []);
    expect(options.caption?.length).toBe(CAPTION_MAX_LENGTH);
    expect(readBack(embedUrl(softmaxExplorer(), new URLSearchParams(), options, BASE)).problems).toEqual([]);
  });

  it('cuts a long caption between characters, never inside an emoji', () => {
    const caption = `${'a'.repeat(CAPTION_MAX_LENGTH - 1)}😀😀`;
    expect(embedOptions({ ...NO_CHOICES, caption }, []).caption).toBe(`${'a'.repeat(CAPTION_MAX_LENGTH - 1)}😀`);
  });

  it('toggled adds once and removes every copy', () => {
    expect(toggled(['logits'], 'temperature', true)).toEqual(['logits', 'temperature']);
    expect(toggled(['logits', 'temperature'], 'temperature', true)).toEqual(['logits', 'temperature']);
    expect(toggled(['temperature', 'logits', 'temperature'], 'temperature', false)).toEqual(['logits']);
  });
});

describe('platformSnippet', () => {
  const line = '<iframe src="https://x.example/#/embed/a/B?z=1,2&amp;T=1" title="Logit Lab: B"></iframe>';
  const script = 'https://x.example/embed-resize.js?v="1"&x=<y>';

  it('Canvas, Moodle and Jupyter Book take the iframe line as it is', () => {
    expect(platformSnippet('canvas', line, script)).toBe(line);
    expect(platformSnippet('moodle', line, script)).toBe(line);
    expect(platformSnippet('jupyter-book', line, script)).toBe(line);
  });

  it('Quarto gets a raw HTML block fenced with ```{=html}', () => {
    expect(platformSnippet('quarto', line, script)).toBe(`\`\`\`{=html}\n${line}\n\`\`\``);
  });

  it('plain HTML gets the iframe and a deferred script tag with its address escaped', () => {
    const [first, second, ...rest] = platformSnippet('html', line, script).split('\n');
    expect(first).toBe(line);
    expect(rest).toEqual([]);
    expect(second).toBe('<script src="https://x.example/embed-resize.js?v=&quot;1&quot;&amp;x=&lt;y&gt;" defer></script>');
    expect(resizeScriptTag('https://a.example/embed-resize.js')).toBe('<script src="https://a.example/embed-resize.js" defer></script>');
  });

  it('escapeAttribute escapes & first, so an entity already in the text is shown, not decoded', () => {
    expect(escapeAttribute('&quot; "')).toBe('&amp;quot; &quot;');
  });
});

describe('readHeightMessage', () => {
  const ok = { type: 'logit-lab:height', version: 1, id: 'lecturer-preview', height: 812.4 };

  it('reads a well-formed message for this frame, rounded', () => {
    expect(readHeightMessage(ok, 'lecturer-preview')).toBe(812);
  });

  it('refuses other frames, other versions, other types and anything not a finite number', () => {
    expect(readHeightMessage({ ...ok, id: 'other' }, 'lecturer-preview')).toBeUndefined();
    expect(readHeightMessage({ ...ok, version: 2 }, 'lecturer-preview')).toBeUndefined();
    expect(readHeightMessage({ ...ok, version: '1' }, 'lecturer-preview')).toBeUndefined();
    expect(readHeightMessage({ ...ok, type: 'height' }, 'lecturer-preview')).toBeUndefined();
    for (const height of [Number.NaN, Infinity, '500', null, undefined, {}]) {
      expect(readHeightMessage({ ...ok, height }, 'lecturer-preview')).toBeUndefined();
    }
    for (const data of [null, undefined, 'logit-lab:height', 42, [ok], JSON.stringify(ok)]) {
      expect(readHeightMessage(data, 'lecturer-preview')).toBeUndefined();
    }
  });

  it('clamps a height to the range an iframe on a page may take', () => {
    expect(readHeightMessage({ ...ok, height: -5 }, 'lecturer-preview')).toBe(100);
    expect(readHeightMessage({ ...ok, height: 1e12 }, 'lecturer-preview')).toBe(5000);
  });

  it('withFrameId appends the frame id as one more query field', () => {
    expect(withFrameId('https://x.example/#/embed/a/B?z=1', 'p-1')).toBe('https://x.example/#/embed/a/B?z=1&frame=p-1');
    expect(withFrameId('https://x.example/#/embed/a/B', 'p-1')).toBe('https://x.example/#/embed/a/B?frame=p-1');
  });
});
