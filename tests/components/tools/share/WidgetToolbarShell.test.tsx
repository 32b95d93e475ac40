import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WidgetToolbarShell } from '../../../../src/tools/share/WidgetToolbarShell';
import { findWidget } from '../../../../src/embed/widgetRegistry';
import { renderWithLab } from '../../renderWithLab';

function softmaxExplorer() {
  const widget = findWidget('softmax/SoftmaxExplorer');
  if (!widget) throw new Error('the registry has no softmax explorer');
  return widget;
}

// The order matters: the toolbar's code, once fetched, is kept for every later toolbar on the page.
describe('<WidgetToolbarShell>', { timeout: 20_000 }, () => {
  it('first renders the toolbar’s two closed buttons, named as the toolbar names them, and no panel', () => {
    renderWithLab(<WidgetToolbarShell widget={softmaxExplorer()} root={null} />, {});
    const share = screen.getByRole('button', { name: 'Share / embed: Softmax explorer' });
    const figure = screen.getByRole('button', { name: 'Export figure of the softmax explorer' });
    expect([share.getAttribute('aria-expanded'), figure.getAttribute('aria-expanded')]).toEqual(['false', 'false']);
    expect(screen.queryByTestId('share-snippet')).toBeNull();
  });

  it('a press on "Share / embed" before the toolbar has arrived opens its panel when it does, focus on its button', async () => {
    const user = userEvent.setup();
    renderWithLab(<WidgetToolbarShell widget={softmaxExplorer()} root={null} />, {});
    await user.click(screen.getByRole('button', { name: /^Share \/ embed/ }));
    expect(await screen.findByTestId('share-snippet', {}, { timeout: 15_000 })).toBeTruthy();
    const toggle = screen.getByRole('button', { name: /^Share \/ embed/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(toggle);
  });
});
