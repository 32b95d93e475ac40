import { describe, expect, it } from 'vitest';
import { embedHash, embedUrl, iframeSnippet, widgetQuery } from '../../../../src/tools/share/embedUrl';
import { isHeightRequest } from '../../../../src/embed/useEmbedHeight';
import { findWidget } from '../../../../src/embed/widgetRegistry';
import { createLabStore } from '../../../../src/state/createLabStore';

const explorer = findWidget('softmax/SoftmaxExplorer')!;
const bce = findWidget('binary-cross-entropy/BinaryCrossEntropyExplorer')!;

describe('embed addresses', () => {
  it('embedHash(explorer, z=2,3,4&T=1, options) keeps the state and adds only the widget’s own controls', () => {
    const hash = embedHash(explorer, new URLSearchParams('z=2,3,4&T=1'), { hide: ['temperature', 'binary-logit'], lock: ['logits'], caption: 'Week 3 & <b>', theme: 'dark' });
    expect(hash).toBe('#/embed/softmax/SoftmaxExplorer?z=2%2C3%2C4&T=1&hide=temperature&lock=logits&caption=Week+3+%26+%3Cb%3E&theme=dark');
    expect(embedHash(explorer, new URLSearchParams(), { theme: 'auto' })).toBe('#/embed/softmax/SoftmaxExplorer');
  });

  it('embedUrl replaces the base page’s hash and keeps its sub-path and query', () => {
    expect(embedUrl(explorer, new URLSearchParams('T=2'), {}, 'https://uni.example/courses/ml/logit-lab/index.html?v=3#/softmax?z=1,2')).toBe(
      'https://uni.example/courses/ml/logit-lab/index.html?v=3#/embed/softmax/SoftmaxExplorer?T=2',
    );
  });

  it('iframeSnippet is one line, sandboxed, titled, with its attributes escaped and a sane height', () => {
    const snippet = iframeSnippet(explorer, 'https://x.example/#/embed/softmax/SoftmaxExplorer?a=1&caption="><script>', 1e9);
    expect(snippet).not.toContain('\n');
    expect(snippet).toContain('src="https://x.example/#/embed/softmax/SoftmaxExplorer?a=1&amp;caption=&quot;&gt;&lt;script&gt;"');
    expect(snippet).toContain('title="Logit Lab: Softmax explorer"');
    // its own origin (no CORS needed from the host), downloads for figures, and nothing that reaches the
    // page around it: no top navigation, no popups, no forms, no modals
    expect(snippet).toContain(' sandbox="allow-scripts allow-same-origin allow-downloads" allow="clipboard-write" ');
    expect(snippet).not.toMatch(/allow-(top-navigation|popups|forms|modals)/);
    expect(snippet).toContain('height="5000"');
    expect(iframeSnippet(explorer, 'u', NaN)).toContain('height="600"');
  });

  it('widgetQuery writes just the fields the widget reads', () => {
    const lab = createLabStore({ logits: [1, 2], temperature: 0.5, binaryLogit: 2, binaryTarget: 0 }).getState();
    expect(widgetQuery(explorer, lab).toString()).toBe('z=1%2C2&T=0.5');
    expect(widgetQuery(bce, lab).toString()).toBe('bz=2&bt=0');
  });
});

describe('isHeightRequest', () => {
  it('accepts exactly { type: "logit-lab:request-height" } (version 1 optional) and nothing else', () => {
    expect(isHeightRequest({ type: 'logit-lab:request-height' })).toBe(true);
    expect(isHeightRequest({ type: 'logit-lab:request-height', version: 1 })).toBe(true);
    for (const bad of [
      null, undefined, 'logit-lab:request-height', [], 42,
      { type: 'logit-lab:request-height', version: 2 },
      { type: 'logit-lab:request-height', extra: 1 },
      { type: 'logit-lab:height' },
      JSON.parse('{"type":"logit-lab:request-height","__proto__":{"x":1}}'),
    ]) {
      expect(isHeightRequest(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
