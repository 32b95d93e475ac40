import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bootScript } from '../../../src/build/chapterPages';

const FILES = { softmax: 'chapter-softmax-abc.html', jacobian: 'chapter-jacobian-def.html' };
const PAGE = '<div class="layout"><p>prose</p></div>';

/** Runs the boot script as index.html does, in a window whose address is `hash`; `drawn`: the app has replaced the boot message. */
async function boot(hash: string, { drawn = false, ok = true } = {}) {
  const fetched: string[] = [];
  const root = {
    innerHTML: '<p class="boot-failed">…</p>',
    querySelector: (selector: string) => (selector === '.boot-failed' && !drawn ? {} : null),
  };
  const window: Record<string, unknown> = {};
  window.fetch = (url: string) => {
    fetched.push(url);
    return Promise.resolve({ ok, text: () => Promise.resolve(PAGE) });
  };
  const context = { window, location: { hash }, document: { getElementById: (id: string) => (id === 'root' ? root : null) }, fetch: window.fetch };
  runInNewContext(bootScript(FILES), context);
  const page = window.__chapterPage as { slug: string; html: string | null; ready: Promise<string | null> } | undefined;
  await page?.ready;
  return { fetched, root, page };
}

describe('bootScript', () => {
  it('bootScript fetches the opened chapter’s page and shows it in place of the boot message', async () => {
    const { fetched, root, page } = await boot('#/softmax');
    expect(fetched).toEqual(['assets/chapter-softmax-abc.html']);
    expect(root.innerHTML).toBe(PAGE);
    expect([page?.slug, page?.html]).toEqual(['softmax', PAGE]);
  });

  it('bootScript leaves every chapter’s page file for the app, on every route', async () => {
    for (const hash of ['#/softmax', '#/', '#/embed/softmax/SoftmaxExplorer']) {
      const window: Record<string, unknown> = { fetch: () => new Promise(() => {}) };
      runInNewContext(bootScript(FILES), { window, location: { hash }, document: { getElementById: () => null }, fetch: window.fetch });
      expect(window.__chapterPageFiles, hash).toEqual(FILES);
    }
  });

  it('bootScript reads the chapter of an address with a query', async () => {
    const { fetched } = await boot('#/jacobian?z=1,2');
    expect(fetched).toEqual(['assets/chapter-jacobian-def.html']);
  });

  it('bootScript leaves the page alone once the app has drawn, but keeps the text for it', async () => {
    const { root, page } = await boot('#/softmax', { drawn: true });
    expect(root.innerHTML).toBe('<p class="boot-failed">…</p>');
    expect(page?.html).toBe(PAGE);
  });

  it('bootScript shows nothing when the page cannot be fetched', async () => {
    const { root, page } = await boot('#/softmax', { ok: false });
    expect(root.innerHTML).toBe('<p class="boot-failed">…</p>');
    expect(page?.html).toBeNull();
  });

  it.each(['', '#/', '#/review', '#/embed/softmax/SoftmaxExplorer', '#/softmaxx', '#/softmax-cross-entropy'])(
    'bootScript fetches nothing for %j, which is no chapter it has a page of',
    async (hash) => {
      const { fetched, page } = await boot(hash);
      expect([fetched, page]).toEqual([[], undefined]);
    },
  );
});
