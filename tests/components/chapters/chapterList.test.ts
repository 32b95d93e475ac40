import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHAPTERS, findChapter } from '../../../src/chapters/chapterList';

afterEach(() => {
  delete window.__preloadChapter;
});

describe('chapter loaders', () => {
  it('chapter.load() asks index.html’s boot script for the chapter’s scripts before it imports the chunk', async () => {
    const asked: string[] = [];
    window.__preloadChapter = vi.fn((slug: string) => {
      asked.push(`preload ${slug}`);
    });
    const loading = findChapter('jacobian')!.load!();
    asked.push('import started');
    const module = await loading;
    expect(asked).toEqual(['preload jacobian', 'import started']);
    expect(window.__preloadChapter).toHaveBeenCalledWith('jacobian', true);
    expect(Object.keys(module.page).length).toBeGreaterThan(0);
  });

  it('chapter.load() works without the boot script (tests, vite dev)', async () => {
    const module = await findChapter('softmax')!.load!();
    expect(module.widgets.map((w) => w.chapter)).toContain('softmax');
  });

  it('every written chapter’s loader asks for its own slug', { timeout: 120_000 }, async () => {
    const spy = vi.fn();
    window.__preloadChapter = spy;
    await Promise.all(CHAPTERS.map((chapter) => chapter.load?.()));
    expect(spy.mock.calls.map(([slug]) => slug)).toEqual(CHAPTERS.filter((c) => c.load).map((c) => c.slug));
  });
});
