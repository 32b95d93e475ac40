import { afterEach, describe, expect, it } from 'vitest';
import { bootPageArriving } from '../../../src/app/chapterProseSource';

afterEach(() => {
  delete window.__chapterPage;
});

describe('bootPageArriving', () => {
  it('bootPageArriving gives the page’s promise while its first screen is shown and the rest is still coming', async () => {
    let arrive: (html: string) => void = () => undefined;
    const ready = new Promise<string | null>((resolve) => (arrive = resolve));
    window.__chapterPage = { slug: 'softmax', html: null, ready, partial: true };
    const arriving = bootPageArriving();
    expect(arriving).toBe(ready);
    arrive('<div class="layout"></div>');
    await expect(arriving).resolves.toBe('<div class="layout"></div>');
  });

  it('bootPageArriving gives nothing once the whole page is here, when no first screen was shown, or with no boot page', () => {
    const ready = Promise.resolve<string | null>('<p>page</p>');
    window.__chapterPage = { slug: 'softmax', html: '<p>page</p>', ready, partial: true };
    expect(bootPageArriving()).toBeUndefined();
    window.__chapterPage = { slug: 'softmax', html: null, ready };
    expect(bootPageArriving()).toBeUndefined();
    delete window.__chapterPage;
    expect(bootPageArriving()).toBeUndefined();
  });
});
