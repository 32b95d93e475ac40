// @vitest-environment jsdom
import { runInNewContext } from 'node:vm';
import { TextEncoder, TextDecoder } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { bootScript } from '../../../src/build/chapterPages';
import { PROSE_END, PROSE_FOLD, PROSE_START } from '../../../src/app/chapterPageMarkup';

/** A prerendered page as build/renderChapterPages.tsx lays it out: things after the chapter body at every level. */
const BEFORE = `<div class="layout"><header>Logit Lab</header><main><article><h1>Softmax</h1><div class="chapter-body" data-prerendered="">${PROSE_START}<p>First paragraph.</p>`;
const AFTER = `\n<p>Second paragraph.</p>\n<div class="widget-slot"><p>Loading the widget…</p></div><p>Last.</p>${PROSE_END}</div><nav>Next chapter</nav></article></main><footer>All chapters</footer><div class="update-notice"></div></div>`;
const PAGE = BEFORE + PROSE_FOLD + AFTER;
const BOOT_MESSAGE = '<p class="boot-failed">Logit Lab did not start.</p>';

/** The page as the browser parses it whole: what #root must end up holding. */
function parsedWhole(html: string): string {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div.innerHTML;
}

/** A response whose body arrives in pieces, each when the test says. */
function streamedResponse() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return {
    response: { ok: true, body, text: () => Promise.reject(new Error('read as a stream')) },
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    sendBytes: (bytes: Uint8Array) => controller.enqueue(bytes),
    end: () => controller.close(),
    drop: () => controller.error(new TypeError('network error')),
  };
}

/** Lets the boot script's reads run: a few turns of the event loop. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs the boot script as index.html does: in the head, before the body and its #root are parsed. */
function boot(response: unknown) {
  document.body.innerHTML = '';
  const window: Record<string, unknown> = { TextDecoder, fetch: () => Promise.resolve(response) };
  runInNewContext(bootScript({ softmax: 'chapter-softmax-abc.html' }), { window, document, location: { hash: '#/softmax' }, fetch: window.fetch });
  document.body.innerHTML = `<div id="root">${BOOT_MESSAGE}</div>`;
  const root = document.getElementById('root') as HTMLElement;
  const page = window.__chapterPage as { html: string | null; ready: Promise<string | null>; partial?: true };
  return { root, page };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('bootScript reading the page as it streams in', () => {
  it('bootScript shows the page up to the fold while the rest is on its way, with nothing after the fold', async () => {
    const { response, send } = streamedResponse();
    const { root, page } = boot(response);
    send(BEFORE);
    await settle();
    expect(root.innerHTML).toBe(BOOT_MESSAGE);
    // past the fold, up to the middle of the second paragraph
    send(PROSE_FOLD + AFTER.slice(0, AFTER.indexOf('paragraph')));
    await settle();
    expect(root.querySelector('.boot-failed')).toBeNull();
    expect(root.querySelector('.chapter-body')?.textContent).toBe('First paragraph.');
    expect(root.textContent).not.toContain('Second');
    expect(page.html).toBeNull();
    expect(page.partial).toBe(true);
  });

  it('bootScript moves the rest in after the part it showed: the same nodes stay, and #root ends as the whole page parsed', async () => {
    const { response, send, sendBytes, end } = streamedResponse();
    const { root, page } = boot(response);
    send(BEFORE + PROSE_FOLD);
    await settle();
    const firstParagraph = root.querySelector('.chapter-body p');
    const heading = root.querySelector('h1');
    expect(firstParagraph?.textContent).toBe('First paragraph.');
    // the rest as bytes, cut inside the three bytes of the slot's '…'
    const bytes = new TextEncoder().encode(AFTER);
    const cut = new TextEncoder().encode(AFTER.slice(0, AFTER.indexOf('…'))).length + 1;
    sendBytes(bytes.subarray(0, cut));
    sendBytes(bytes.subarray(cut));
    end();
    await page.ready;
    expect(root.innerHTML).toBe(parsedWhole(PAGE));
    expect(root.querySelector('.chapter-body p')).toBe(firstParagraph);
    expect(root.querySelector('h1')).toBe(heading);
    expect(page.html).toBe(PAGE);
  });

  it('bootScript shows a page that arrives in one piece once, whole', async () => {
    const { response, send, end } = streamedResponse();
    const { root, page } = boot(response);
    const changes: MutationRecord[] = [];
    const watch = new MutationObserver((records) => changes.push(...records));
    watch.observe(root, { childList: true, subtree: true });
    send(PAGE);
    end();
    await page.ready;
    await settle();
    watch.disconnect();
    expect(root.innerHTML).toBe(parsedWhole(PAGE));
    // one replacement of the boot message: no first part drawn, then added to
    expect(changes.filter((c) => c.addedNodes.length > 0)).toHaveLength(1);
    expect(page.partial).toBeUndefined();
  });

  it('bootScript leaves #root alone once the app has drawn over the first part, but keeps the page for it', async () => {
    const { response, send, end } = streamedResponse();
    const { root, page } = boot(response);
    send(BEFORE + PROSE_FOLD);
    await settle();
    root.innerHTML = '<p>Loading the chapter…</p>';
    send(AFTER);
    end();
    await page.ready;
    expect(root.innerHTML).toBe('<p>Loading the chapter…</p>');
    expect(page.html).toBe(PAGE);
  });

  it('bootScript keeps the first part, puts the boot message back under it and gives the app no page when the link drops halfway', async () => {
    const { response, send, drop } = streamedResponse();
    const { root, page } = boot(response);
    send(BEFORE + PROSE_FOLD);
    await settle();
    drop();
    expect(await page.ready).toBeNull();
    expect(root.querySelector('.chapter-body')?.textContent).toBe('First paragraph.');
    // the message that says the page did not load in full, shown after a few seconds unless the app draws
    expect(root.lastElementChild?.outerHTML).toBe(BOOT_MESSAGE);
    expect(page.html).toBeNull();
  });
});
