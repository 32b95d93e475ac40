import { describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import { App } from '../../../src/app/App';
import { CHAPTERS, isWritten } from '../../../src/chapters/chapterList';
import { CHAPTER_SUMMARIES } from '../../../src/chapters/chapterSummaries';

async function visit(hash: string) {
  window.location.hash = hash;
  const result = render(<App />);
  await act(async () => {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  return result;
}

// each route loads its chapter's lazy chunk, which in jsdom on a busy 2-core machine can take several seconds
describe('<App> routes', { timeout: 30_000 }, () => {
  it('#/ lists all 13 chapters, linking only the written ones', async () => {
    await visit('#/');
    // the home page is a chunk of its own, fetched when its route opens: the first test to open it
    // transforms it cold, which on a busy 2-core machine outlasts findBy's default second
    const toc = await screen.findByRole('navigation', { name: 'Chapters' }, { timeout: 20_000 });
    expect(within(toc).getAllByRole('listitem')).toHaveLength(13);
    // every written chapter is a link to its route, every other one says it is coming
    const items = within(toc).getAllByRole('listitem');
    CHAPTERS.forEach((chapter, i) => {
      const link = within(items[i] as HTMLElement).queryByRole('link');
      if (isWritten(chapter)) expect(link?.getAttribute('href')).toBe(`#/${chapter.slug}`);
      else expect([link, within(items[i] as HTMLElement).queryByText('coming')]).toEqual([null, expect.anything()]);
    });
    expect(within(toc).getAllByRole('link').map((a) => a.getAttribute('href'))).toContain('#/softmax');
    // each with its line of what the learner comes away with
    expect(items.map((item) => item.querySelector('.toc-summary')?.textContent)).toEqual(CHAPTERS.map((c) => CHAPTER_SUMMARIES[c.slug]));
    expect(within(items[2] as HTMLElement).getByText('pᵢ(δᵢⱼ − pⱼ): a diagonal minus an outer product.')).toBeTruthy();
  });

  it('#/softmax renders the Softmax chapter with its explorer', { timeout: 60_000 }, async () => {
    await visit('#/softmax');
    expect(await screen.findByRole('heading', { level: 1, name: 'Softmax' })).toBeTruthy();
    // the first chapter opened here also transforms the page renderer and renders its prose from the
    // MDX (build/chapterPages.ts), once: cold, on a busy 2-core machine, that took over 25 s
    expect(await screen.findByText('p3 = 0.665', {}, { timeout: 50_000 })).toBeTruthy();
    expect(document.title).toBe('Softmax · Logit Lab');
  });

  it('#/softmax?z=1,1&T=2 starts the explorer from the link’s state', async () => {
    await visit('#/softmax?z=1,1&T=2');
    expect(await screen.findByText('p1 = 0.500', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'temperature T' }).getAttribute('value')).toBe('2');
  });

  it('#/softmax?z=2,abc,4 shows a notice and keeps the worked example', async () => {
    await visit('#/softmax?z=2,abc,4');
    // the chapter's address notice (the exercises' feedback regions are status regions too)
    const notice = await screen.findByTestId('chapter-url-notice', {}, { timeout: 15_000 });
    expect(notice.textContent).toMatch(/could not read z/);
    expect(screen.getByText('p1 = 0.090')).toBeTruthy();
  });

  it('#/lstm, the last of the 13, is written: the contents say "coming" for no chapter', async () => {
    await visit('#/');
    const toc = await screen.findByRole('navigation', { name: 'Chapters' });
    expect(within(toc).queryByText('coming')).toBeNull();
    expect(within(toc).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(CHAPTERS.map((c) => `#/${c.slug}`));
  });

  it('#/nope shows a way back instead of a blank page', async () => {
    await visit('#/nope');
    // a lazy chunk: only a mistyped address needs it
    expect(await screen.findByRole('heading', { level: 1, name: 'No such page' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'table of contents' }).getAttribute('href')).toBe('#/');
  });
});
