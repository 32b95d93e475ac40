import { Suspense } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { createLabStore } from '../../../src/state/createLabStore';
import { LabProvider } from '../../../src/state/LabContext';
import { PROSE_END, PROSE_START } from '../../../src/app/chapterPageMarkup';
import { exercise } from '../../../src/url/widgetEntry';

/** A chapter's prerendered page as the build writes it: prose between markers, one widget slot. */
const PROSE =
  '<p>First paragraph.</p><div class="widget-slot" data-widget-slot="Gauge"><p class="loading" data-slot-placeholder="">Loading the widget…</p></div><p>Last paragraph.</p>';
const PAGE = `<div class="layout"><div class="chapter-body">${PROSE_START}${PROSE}${PROSE_END}</div></div>`;

const fetchedLater = vi.fn(() => Promise.resolve(PAGE));
vi.mock('virtual:chapter-pages', () => ({ chapterPages: { later: () => fetchedLater() } }));

let loadChapter: () => Promise<unknown>;
vi.mock('../../../src/chapters/chapterList', () => ({
  // one chapter per test: a chapter's chunk is loaded once, as in the app
  CHAPTERS: ['first', 'filled', 'staged', 'tiered', 'moved', 'later', 'near', 'linked', 'printed', 'offline'].map((slug, i) => ({ number: i + 1, slug, title: slug, load: () => loadChapter() })),
}));

const { ChapterProse, WIDGETS_FAILED } = await import('../../../src/app/ChapterProse');

const Gauge = () => <button type="button">the gauge</button>;

function show(slug: string) {
  return render(
    <LabProvider store={createLabStore()}>
      <Suspense fallback={<p>Loading the chapter…</p>}>
        <ChapterProse slug={slug} onNotice={() => {}} />
      </Suspense>
    </LabProvider>,
  );
}

afterEach(() => {
  delete window.__chapterPage;
  document.getElementById('root')?.remove();
});

describe('<ChapterProse>', () => {
  it('ChapterProse draws the boot script’s page at once, its prose as direct children of .chapter-body', () => {
    window.__chapterPage = { slug: 'first', html: PAGE, ready: Promise.resolve(PAGE) };
    loadChapter = () => new Promise(() => {});
    const { container } = show('first');
    const body = container.querySelector('.chapter-body');
    expect([...(body?.children ?? [])].map((el) => el.tagName)).toEqual(['P', 'DIV', 'P']);
    // the chapter's chunk has not arrived: its slot still says so
    expect(screen.getByText('Loading the widget…')).toBeTruthy();
    expect(fetchedLater).not.toHaveBeenCalled();
  });

  it('ChapterProse fills each slot with its widget, in place of the loading line, and keeps the prose nodes', async () => {
    window.__chapterPage = { slug: 'filled', html: PAGE, ready: Promise.resolve(PAGE) };
    let arrive: (m: unknown) => void = () => {};
    const chunk = new Promise((resolve) => (arrive = resolve));
    loadChapter = () => chunk;
    const { container } = show('filled');
    const first = container.querySelector('.chapter-body > p');
    await act(async () => arrive({ page: { Gauge }, widgets: [] }));
    const gauge = await screen.findByText('the gauge');
    expect(gauge.closest('[data-widget-slot]')?.getAttribute('data-widget-slot')).toBe('Gauge');
    expect(screen.queryByText('Loading the widget…')).toBeNull();
    // the same paragraph node: the prose was not drawn again
    expect(container.querySelector('.chapter-body > p')).toBe(first);
  });

  it('ChapterProse draws the opening figure (the first slot) in a commit of its own, before the widgets below it', async () => {
    const slot = (name: string) => `<div class="widget-slot" data-widget-slot="${name}"><p class="loading" data-slot-placeholder="">Loading the widget…</p></div>`;
    const page = `<div class="chapter-body">${PROSE_START}${slot('Gauge')}<p>Between.</p>${slot('Dial')}${PROSE_END}</div>`;
    window.__chapterPage = { slug: 'staged', html: page, ready: Promise.resolve(page) };
    // what the widget below found on the page when it was drawn
    const seenByDial: boolean[] = [];
    const Dial = () => {
      seenByDial.push(document.body.textContent?.includes('the gauge') ?? false);
      return <p>the dial</p>;
    };
    loadChapter = () => Promise.resolve({ page: { Gauge, Dial }, widgets: [] });
    await act(async () => {
      show('staged');
    });
    expect(await screen.findByText('the dial')).toBeTruthy();
    expect(screen.getByText('the gauge')).toBeTruthy();
    // the opener was on the page before the widget below it was first drawn
    expect(seenByDial[0]).toBe(true);
    expect(screen.queryByText('Loading the widget…')).toBeNull();
  });

  it('ChapterProse draws the widgets below the opener one commit each, in the order of the page', async () => {
    const slot = (name: string) => `<div class="widget-slot" data-widget-slot="${name}"><p class="loading" data-slot-placeholder="">Loading the widget…</p></div>`;
    const page = `<div class="chapter-body">${PROSE_START}${slot('Gauge')}<p>Between.</p>${slot('Dial')}<p>And.</p>${slot('Knob')}${PROSE_END}</div>`;
    window.__chapterPage = { slug: 'tiered', html: page, ready: Promise.resolve(page) };
    // what each widget below found on the page when it was first drawn
    const seen: Record<string, string[]> = {};
    const drawnNow = () => ['the gauge', 'the dial', 'the knob'].filter((text) => document.body.textContent?.includes(text));
    const Dial = () => {
      seen.dial ??= drawnNow();
      return <p>the dial</p>;
    };
    const Knob = () => {
      seen.knob ??= drawnNow();
      return <p>the knob</p>;
    };
    loadChapter = () => Promise.resolve({ page: { Gauge, Dial, Knob }, widgets: [] });
    await act(async () => {
      show('tiered');
    });
    expect(await screen.findByText('the knob')).toBeTruthy();
    expect(seen.dial).toEqual(['the gauge']);
    // drawn in a commit after the dial's, not beside it
    expect(seen.knob).toEqual(['the gauge', 'the dial']);
    expect(screen.queryByText('Loading the widget…')).toBeNull();
  });

  it('ChapterProse moves the prose nodes of the page the boot script showed into its own body', () => {
    const shown = `<div class="chapter-body" data-prerendered="">${PROSE_START}${PROSE}${PROSE_END}</div>`;
    const root = Object.assign(document.createElement('div'), { id: 'root', innerHTML: shown });
    document.body.append(root);
    const paragraph = root.querySelector('p');
    window.__chapterPage = { slug: 'moved', html: PAGE, ready: Promise.resolve(PAGE) };
    loadChapter = () => new Promise(() => {});
    const { container } = show('moved');
    expect(container.querySelector('.chapter-body > p')).toBe(paragraph);
    // the markers stay behind: they are for cutting the prose out of the page's text
    expect([...(container.querySelector('.chapter-body')?.childNodes ?? [])].some((n) => n.nodeType === Node.COMMENT_NODE)).toBe(false);
  });

  it('ChapterProse fetches the page of a chapter opened later, and shows its prose', async () => {
    window.__chapterPage = { slug: 'first', html: PAGE, ready: Promise.resolve(PAGE) };
    loadChapter = () => Promise.resolve({ page: { Gauge }, widgets: [] });
    // the fetch and the chunk settle inside act, which lets React draw what they brought
    await act(async () => {
      show('later');
    });
    expect(await screen.findByText('Last paragraph.')).toBeTruthy();
    expect(await screen.findByText('the gauge')).toBeTruthy();
    expect(fetchedLater).toHaveBeenCalledTimes(1);
  });

  it('ChapterProse says so when the widgets’ chunk cannot be fetched, keeps the prose, and asks again on the next visit', async () => {
    window.__chapterPage = { slug: 'offline', html: PAGE, ready: Promise.resolve(PAGE) };
    const load = vi.fn(() => Promise.reject(new Error('Failed to fetch dynamically imported module')));
    loadChapter = load;
    const onNotice = vi.fn();
    const { unmount } = render(
      <LabProvider store={createLabStore()}>
        <ChapterProse slug="offline" onNotice={onNotice} />
      </LabProvider>,
    );
    await vi.waitFor(() => expect(onNotice).toHaveBeenCalledWith(WIDGETS_FAILED));
    expect(screen.getByText('First paragraph.')).toBeTruthy();
    expect(screen.getByText('Loading the widget…')).toBeTruthy();
    unmount();

    loadChapter = () => Promise.resolve({ page: { Gauge }, widgets: [] });
    show('offline');
    expect(await screen.findByText('the gauge')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  describe('an exercise', () => {
    /** A prerendered page whose one slot is an exercise's, and the chunk that fills it. */
    const QUIZ_PAGE = `<div class="chapter-body">${PROSE_START}<p>Before.</p><div class="widget-slot" data-widget-slot="Quiz" data-exercise=""><p class="loading" data-slot-placeholder="">Loading the widget…</p></div>${PROSE_END}</div>`;
    const Quiz = () => <p>the quiz</p>;
    const chunk = (slug: string) => ({ page: { Quiz }, widgets: [exercise(slug, 'Quiz', 'a quiz', 'qk')] });

    /** The page's IntersectionObserver, replaced by one the test tells when the slot nears the screen. */
    let near: () => void = () => {};
    beforeEach(() => {
      near = () => {};
      vi.stubGlobal(
        'IntersectionObserver',
        class {
          constructor(private readonly report: (entries: { isIntersecting: boolean }[]) => void) {}
          observe() {
            near = () => this.report([{ isIntersecting: true }]);
          }
          disconnect() {}
        },
      );
    });
    afterEach(() => {
      vi.unstubAllGlobals();
      window.location.hash = '';
    });

    async function open(slug: string) {
      window.__chapterPage = { slug, html: QUIZ_PAGE, ready: Promise.resolve(QUIZ_PAGE) };
      loadChapter = () => Promise.resolve(chunk(slug));
      await act(async () => {
        show(slug);
      });
      await screen.findByText('Before.');
    }

    it('ChapterProse keeps an exercise’s slot loading until the slot nears the screen, then draws it', async () => {
      await open('near');
      await act(async () => {});
      expect(screen.queryByText('the quiz')).toBeNull();
      expect(screen.getByText('Loading the widget…')).toBeTruthy();
      await act(async () => near());
      expect(await screen.findByText('the quiz')).toBeTruthy();
      expect(screen.queryByText('Loading the widget…')).toBeNull();
    });

    it('ChapterProse draws an exercise at once when the address carries its seed (a link to it)', async () => {
      window.location.hash = '#/linked?qk=3';
      await open('linked');
      expect(await screen.findByText('the quiz')).toBeTruthy();
    });

    it('ChapterProse draws an exercise when printing begins', async () => {
      await open('printed');
      await act(async () => {});
      expect(screen.queryByText('the quiz')).toBeNull();
      await act(async () => {
        window.dispatchEvent(new Event('beforeprint'));
      });
      expect(await screen.findByText('the quiz')).toBeTruthy();
    });
  });
});
