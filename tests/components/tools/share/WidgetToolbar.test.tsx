import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WidgetToolbar } from '../../../../src/tools/share/WidgetToolbar';
import { findWidget } from '../../../../src/embed/widgetRegistry';
import { type EmbeddableWidget } from '../../../../src/url/widgetEntry';
import { renderWithLab } from '../../renderWithLab';

function softmaxExplorer(): EmbeddableWidget {
  const widget = findWidget('softmax/SoftmaxExplorer');
  if (!widget) throw new Error('the registry has no softmax explorer');
  return widget;
}

function renderToolbar(initial = {}) {
  return renderWithLab(<WidgetToolbar widget={softmaxExplorer()} root={null} />, initial);
}

const toggle = () => screen.getByRole('button', { name: /^Share \/ embed/ });
const snippet = () => screen.getByTestId<HTMLTextAreaElement>('share-snippet').value;
const link = () => screen.getByTestId<HTMLInputElement>('share-link').value;

/** The query of the embed address in an iframe line, decoded. */
function snippetQuery(): URLSearchParams {
  const src = /src="([^"]*)"/.exec(snippet())?.[1] ?? '';
  const hash = src.replace(/&amp;/g, '&').split('#')[1] ?? '';
  return new URLSearchParams(hash.split('?')[1] ?? '');
}

function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

afterEach(() => {
  Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
});

describe('<WidgetToolbar>', () => {
  it('the export button is named after the widget as a sentence names it: no doubled article, capitals kept', () => {
    const cases: [string, string][] = [
      ['backprop/BackwardPassExplorer', 'Export figure of the backward pass in matrix form'],
      ['jacobian/JacobianExplorer', 'Export figure of the Jacobian explorer'],
      ['gradient-check/ZeroCases', 'Export figure of the zero cases'],
    ];
    for (const [id, label] of cases) {
      const widget = findWidget(id);
      if (!widget) throw new Error(`the registry has no ${id}`);
      const { unmount } = renderWithLab(<WidgetToolbar widget={widget} root={null} />, {});
      expect(screen.getByRole('button', { name: label })).toBeTruthy();
      unmount();
    }
  });

  it('the button opens the panel with Enter and Space and Escape closes it, focus back on the button', async () => {
    const user = userEvent.setup();
    renderToolbar();
    const button = toggle();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.textContent).toMatch(/Share \/ embed/);
    expect(screen.queryByTestId('share-snippet')).toBeNull();

    button.focus();
    await user.keyboard('{Enter}');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('share-snippet')).toBeTruthy();

    await user.keyboard(' ');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await user.keyboard(' ');
    expect(button.getAttribute('aria-expanded')).toBe('true');

    // From inside the panel: Escape closes it and the focus is not lost with the panel.
    screen.getByRole('checkbox', { name: 'hide the temperature T' }).focus();
    await user.keyboard('{Escape}');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('the link and the iframe carry the lab state on screen, and follow it', async () => {
    const user = userEvent.setup();
    const { store } = renderToolbar({ logits: [1, -2.5, 4], temperature: 0.5 });
    await user.click(toggle());
    expect(snippetQuery().get('z')).toBe('1,-2.5,4');
    expect(snippetQuery().get('T')).toBe('0.5');
    expect(link()).toContain('#/embed/softmax/SoftmaxExplorer?');

    act(() => store.getState().setLogit(0, 3));
    expect(snippetQuery().get('z')).toBe('3,-2.5,4');
    const chapterLink = screen.getByRole('link', { name: 'Link to it in the chapter' }).getAttribute('href') ?? '';
    expect(chapterLink).toMatch(/#\/softmax\?z=3%2C-2\.5%2C4&T=0\.5$|#\/softmax\?z=3,-2\.5,4&T=0\.5$/);
    const preview = screen.getByRole('link', { name: 'Preview the embed in a new tab' });
    expect(preview.getAttribute('href')).toBe(link());
    expect(preview.getAttribute('target')).toBe('_blank');
  });

  it('hide, lock, caption and theme change the iframe line as they are chosen', async () => {
    const user = userEvent.setup();
    renderToolbar();
    await user.click(toggle());
    expect(snippetQuery().has('hide')).toBe(false);
    expect(snippetQuery().has('theme')).toBe(false);

    await user.click(screen.getByRole('checkbox', { name: 'hide the temperature T' }));
    expect(snippetQuery().get('hide')).toBe('temperature');
    await user.click(screen.getByRole('checkbox', { name: 'lock the logits z' }));
    expect(snippetQuery().get('lock')).toBe('logits');
    // A hidden control cannot also be locked: its lock box is off and disabled.
    const lockT = screen.getByRole<HTMLInputElement>('checkbox', { name: 'lock the temperature T' });
    expect(lockT.disabled).toBe(true);

    await user.type(screen.getByRole('textbox', { name: 'Caption above the widget' }), 'Try "T" < 1 & see');
    expect(snippetQuery().get('caption')).toBe('Try "T" < 1 & see');
    expect(snippet()).not.toMatch(/Try "T"/);
    expect(screen.getByText(/^17 of \d+ characters/)).toBeTruthy();

    await user.click(screen.getByRole('radio', { name: 'dark' }));
    expect(snippetQuery().get('theme')).toBe('dark');
    await user.click(screen.getByRole('radio', { name: "the reader's setting" }));
    expect(snippetQuery().has('theme')).toBe(false);

    await user.click(screen.getByRole('checkbox', { name: 'hide the temperature T' }));
    expect(snippetQuery().has('hide')).toBe(false);
  });

  it('the caption field stops at the longest caption an embed shows', async () => {
    const user = userEvent.setup();
    renderToolbar();
    await user.click(toggle());
    const caption = screen.getByRole<HTMLInputElement>('textbox', { name: 'Caption above the widget' });
    await user.type(caption, 'x'.repeat(200));
    expect(caption.value.length).toBe(caption.maxLength);
    expect(caption.maxLength).toBeGreaterThan(40);
    expect(caption.maxLength).toBeLessThan(200);
  });

  it('"Copy iframe" writes the iframe line to the clipboard and says so politely', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    renderToolbar();
    stubClipboard(writeText);
    await user.click(toggle());
    await user.click(screen.getByRole('button', { name: 'Copy iframe' }));
    expect(writeText).toHaveBeenCalledWith(snippet());
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('Copied the iframe.');

    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenLastCalledWith(link());
    expect(status.textContent).toBe('Copied the link.');
  });

  it('without a clipboard (a sandboxed frame), "Copy link" selects the link and asks for Ctrl+C', async () => {
    const user = userEvent.setup();
    renderToolbar();
    stubClipboard(() => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')));
    await user.click(toggle());
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = screen.getByTestId<HTMLInputElement>('share-link');
    expect(document.activeElement).toBe(field);
    expect(field.selectionStart).toBe(0);
    expect(field.selectionEnd).toBe(field.value.length);
    expect(within(screen.getByRole('status')).getByText(/press (Ctrl\+C|⌘C) to copy/)).toBeTruthy();
  });

  it('with no clipboard API at all, "Copy iframe" selects the iframe line', async () => {
    const user = userEvent.setup();
    renderToolbar();
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    await user.click(toggle());
    await user.click(screen.getByRole('button', { name: 'Copy iframe' }));
    expect(document.activeElement).toBe(screen.getByTestId('share-snippet'));
    expect(screen.getByRole('status').textContent).toMatch(/not available here/);
  });
});
