import { describe, expect, it } from 'vitest';
import { CHAPTERS, isWritten } from '../../../src/chapters/chapterList';
import { findWidget, WIDGETS } from '../../../src/embed/widgetRegistry';

/** Each written chapter's page module, loaded as the chapter route and the embed route load it. */
async function componentMaps(): Promise<Map<string, string[]>> {
  const maps = new Map<string, string[]>();
  for (const chapter of CHAPTERS.filter(isWritten)) {
    const page = (await chapter.load!()) as unknown as { components?: Record<string, unknown> };
    expect(page.components, `${chapter.slug} exports its component map`).toBeTypeOf('object');
    maps.set(chapter.slug, Object.keys(page.components ?? {}));
  }
  return maps;
}

describe('widget registry', () => {
  it('lists exactly the widgets of the chapters’ component maps, in their order', async () => {
    const maps = await componentMaps();
    const fromPages = [...maps].flatMap(([slug, keys]) => keys.map((key) => `${slug}/${key}`));
    expect(WIDGETS.map((w) => w.id)).toEqual(fromPages);
    // 30 widgets, and 34 exercises: two to four in each of the thirteen written chapters
    expect(WIDGETS.filter((w) => !w.exercise)).toHaveLength(30);
    expect(WIDGETS.filter((w) => w.exercise)).toHaveLength(34);
    for (const slug of new Set(WIDGETS.map((w) => w.chapter))) {
      const count = WIDGETS.filter((w) => w.exercise && w.chapter === slug).length;
      expect(count >= 2 && count <= 4, `${slug} has ${count} exercises`).toBe(true);
    }
  }, 120_000);

  it('findWidget("softmax/SoftmaxExplorer") finds the explorer; unknown and hostile ids find nothing', () => {
    expect(findWidget('softmax/SoftmaxExplorer')?.fields).toEqual(['z', 'T']);
    for (const id of ['softmax/Nope', '__proto__', 'constructor', 'softmax/constructor', '', 'softmax/SoftmaxExplorer/']) {
      expect(findWidget(id), id).toBeUndefined();
    }
  });

  it('every id is chapter/key and every entry names itself for messages and titles', () => {
    for (const w of WIDGETS) {
      expect(w.id).toBe(`${w.chapter}/${w.key}`);
      expect(w.name).toMatch(/^the |^'/);
      expect(w.title.length).toBeGreaterThan(3);
    }
    expect(new Set(WIDGETS.map((w) => w.id)).size).toBe(WIDGETS.length);
  });
});
