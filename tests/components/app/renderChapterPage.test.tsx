import { describe, expect, it } from 'vitest';
import type { ComponentType } from 'react';
import { renderChapterPage } from '../../../src/build/renderChapterPages';

const Nothing = () => null;

/** A stand-in for a compiled MDX chapter: two paragraphs around one widget. */
function Content({ components = {} }: { components?: Record<string, ComponentType> }) {
  const Gauge = components.Gauge ?? Nothing;
  return (
    <>
      <p>Before the widget.</p>
      <Gauge />
      <p>After the widget.</p>
    </>
  );
}

describe('renderChapterPage', () => {
  it('renderChapterPage puts the prose between its markers, with each widget as a slot that says it is loading', () => {
    const html = renderChapterPage('softmax', Content, ['Gauge']);
    const prose = html.slice(html.indexOf('<!--prose-->'), html.indexOf('<!--/prose-->'));
    expect(prose).toContain('<p>Before the widget.</p>');
    expect(prose).toContain('<div class="widget-slot" data-widget-slot="Gauge">');
    expect(prose.indexOf('Before the widget.')).toBeLessThan(prose.indexOf('data-widget-slot="Gauge"'));
    expect(prose.indexOf('data-widget-slot="Gauge"')).toBeLessThan(prose.indexOf('After the widget.'));
  });

  it('renderChapterPage gives a slot the sentence shown if the scripts never come, inside the line the app removes', () => {
    const html = renderChapterPage('softmax', Content, ['Gauge']);
    const line = /<p class="loading" data-slot-placeholder="">(.*?)<\/p>/s.exec(html)?.[1] ?? '';
    expect(line).toContain('Loading the widget…');
    expect(line).toContain('<span class="slot-failed">');
    expect(line).toContain('Reload the page.');
  });

  it('renderChapterPage marks the fold after the first paragraph that ends 2,000 characters or more into the prose', () => {
    const long = 'x'.repeat(2500);
    const Long = () => (
      <>
        <p>Short.</p>
        <p>{long}</p>
        <p>Below the fold.</p>
      </>
    );
    const html = renderChapterPage('softmax', Long, []);
    expect(html).toContain(`<p>${long}</p><!--fold--><p>Below the fold.</p>`);
    expect(html.split('<!--fold-->')).toHaveLength(2);
  });

  it('renderChapterPage refuses a slug that is not a chapter', () => {
    expect(() => renderChapterPage('no-such-chapter', Content, [])).toThrow('no chapter no-such-chapter');
  });
});
