import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { preloadScript } from '../../../src/build/chapterPreload';

const MAP = {
  softmax: ['SoftmaxChapter-a.js', 'bars-b.js', 'SoftmaxChapter-c.css'],
  jacobian: ['JacobianChapter-d.js', 'bars-b.js', 'JacobianChapter-e.css'],
};

interface Link {
  rel?: string;
  href?: string;
  crossOrigin?: string;
}

/** Runs the script as index.html does, in a window whose address is `hash`; what it linked, and the app's hook. */
function boot(hash: string, chapterPage?: { ready: Promise<unknown> }) {
  const linked: Link[] = [];
  const window: { __preloadChapter?: (slug: string, scriptsOnly?: true) => void; __chapterPage?: { ready: Promise<unknown> } } = {
    __chapterPage: chapterPage,
  };
  const document = { createElement: (): Link => ({}), head: { appendChild: (link: Link) => linked.push(link) } };
  runInNewContext(preloadScript(MAP), { window, document, location: { hash } });
  const shown = () => linked.map((l) => `${l.rel} ${l.href}`);
  return { linked, shown, preload: window.__preloadChapter };
}

describe('preloadScript', () => {
  it('preloadScript links the opened chapter’s scripts as module preloads and its CSS as a stylesheet', () => {
    const { shown, linked } = boot('#/softmax?z=1,2');
    expect(shown()).toEqual(['modulepreload assets/SoftmaxChapter-a.js', 'modulepreload assets/bars-b.js', 'stylesheet assets/SoftmaxChapter-c.css']);
    // module scripts are fetched in CORS mode: a preload without it would be a second download
    expect(linked.every((l) => l.crossOrigin === '')).toBe(true);
  });

  it('preloadScript links nothing for the home page, an embed or a name that is no chapter', () => {
    for (const hash of ['', '#/', '#/embed/softmax/SoftmaxExplorer', '#/constructor', '#/hasOwnProperty']) {
      expect(boot(hash).shown(), hash).toEqual([]);
    }
  });

  it('window.__preloadChapter(slug, true) links a later chapter’s scripts not linked yet, and not its CSS', () => {
    const { shown, preload } = boot('#/softmax');
    preload?.('jacobian', true);
    expect(shown().slice(3)).toEqual(['modulepreload assets/JacobianChapter-d.js']);
    preload?.('jacobian', true);
    preload?.('softmax', true);
    expect(shown()).toHaveLength(4);
  });

  it('preloadScript links the opened chapter’s CSS at once and its scripts once its prose has arrived', async () => {
    let arrive: (html: string) => void = () => undefined;
    const { shown } = boot('#/softmax', { ready: new Promise<string>((resolve) => (arrive = resolve)) });
    expect(shown()).toEqual(['stylesheet assets/SoftmaxChapter-c.css']);
    arrive('<div class="layout"></div>');
    await Promise.resolve();
    await Promise.resolve();
    expect(shown()).toEqual(['stylesheet assets/SoftmaxChapter-c.css', 'modulepreload assets/SoftmaxChapter-a.js', 'modulepreload assets/bars-b.js']);
  });

  it('preloadScript links the scripts when the prose’s fetch fails too', async () => {
    let fail: (error: Error) => void = () => undefined;
    const { shown } = boot('#/softmax', { ready: new Promise<string>((_, reject) => (fail = reject)) });
    fail(new Error('offline'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown()).toEqual(['stylesheet assets/SoftmaxChapter-c.css', 'modulepreload assets/SoftmaxChapter-a.js', 'modulepreload assets/bars-b.js']);
  });

  it('window.__preloadChapter(slug, true) before the prose has arrived links the scripts once, not again when it arrives', async () => {
    let arrive: (html: string) => void = () => undefined;
    const { shown, preload } = boot('#/softmax', { ready: new Promise<string>((resolve) => (arrive = resolve)) });
    preload?.('softmax', true);
    expect(shown()).toEqual(['stylesheet assets/SoftmaxChapter-c.css', 'modulepreload assets/SoftmaxChapter-a.js', 'modulepreload assets/bars-b.js']);
    arrive('');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown()).toHaveLength(3);
  });

  it('window.__preloadChapter(slug, true) on the home page links the chapter’s scripts only', () => {
    const { shown, preload } = boot('#/');
    preload?.('softmax', true);
    expect(shown()).toEqual(['modulepreload assets/SoftmaxChapter-a.js', 'modulepreload assets/bars-b.js']);
  });
});
