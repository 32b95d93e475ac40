import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SoftmaxExplorer } from '../../../../src/chapters/softmax/SoftmaxExplorer';
import { JacobianExplorer } from '../../../../src/chapters/jacobian/JacobianExplorer';
import { CrossEntropyGradientExplorer } from '../../../../src/chapters/softmax-cross-entropy/CrossEntropyGradientExplorer';
import { renderWithLab } from '../../renderWithLab';

/** Puts a fake async clipboard on navigator; `refuse` makes writeText reject, as in a sandboxed iframe. */
function fakeClipboard(refuse = false) {
  const writeText = vi.fn((text: string) => (refuse ? Promise.reject(new Error('denied')) : Promise.resolve(text).then(() => undefined)));
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
  vi.restoreAllMocks();
});

const codeRegion = () => screen.getByRole('region', { name: /program for/ });

describe('<CopyAsCode> in the softmax explorer', () => {
  it('shows the buttons "Copy as NumPy" and "Copy as PyTorch" and no code until one is pressed', () => {
    renderWithLab(<SoftmaxExplorer />);
    expect(screen.getByRole('button', { name: 'Copy as NumPy' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy as PyTorch' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: /program for/ })).toBeNull();
  });

  it('"Copy as NumPy" copies the program for the logits on screen and says "Copied" in a polite live region', async () => {
    const writeText = fakeClipboard();
    renderWithLab(<SoftmaxExplorer />, { logits: [2, 2.9, -0.1], temperature: 0.35 });
    fireEvent.click(screen.getByRole('button', { name: 'Copy as NumPy' }));
    await waitFor(() => expect(screen.getByText('Copied the NumPy program.').getAttribute('aria-live')).toBe('polite'));
    expect(writeText).toHaveBeenCalledTimes(1);
    const copied = writeText.mock.calls[0]?.[0] ?? '';
    expect(copied.split('\n')[0]).toBe('# Logit Lab, softmax: z = [2, 2.9, -0.1], T = 0.35');
    expect(copied).toContain('z = np.array([2.0, 2.9, -0.1])');
    expect(copied).toContain('T = 0.35');
    // The same program is shown, in a labelled, focusable region, for reading or selecting by hand.
    const region = codeRegion();
    expect(region.tagName).toBe('PRE');
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.querySelector('code')?.textContent).toBe(copied);
    expect(region.getAttribute('aria-labelledby')).toBeTruthy();
    expect(screen.getByText('NumPy program for the softmax, with the numbers on screen')).toBeTruthy();
  });

  it('the shown program follows a moved logit, and the "Copied" note goes as it is stale', async () => {
    fakeClipboard();
    renderWithLab(<SoftmaxExplorer />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy as PyTorch' }));
    await waitFor(() => expect(screen.getByText('Copied the PyTorch program.')).toBeTruthy());
    expect(codeRegion().textContent).toContain('torch.tensor([2.0, 3.0, 4.0], dtype=torch.float64)');
    fireEvent.change(screen.getByRole('slider', { name: 'logit z3' }), { target: { value: '-1.3' } });
    expect(codeRegion().textContent).toContain('torch.tensor([2.0, 3.0, -1.3], dtype=torch.float64)');
    expect(screen.queryByText('Copied the PyTorch program.')).toBeNull();
  });

  it('without a clipboard it shows the program selected and says how to copy it', async () => {
    fakeClipboard(true);
    // jsdom has no working execCommand('copy'): the textarea fallback fails too, as in a locked-down iframe.
    const { container } = renderWithLab(<SoftmaxExplorer />);
    // What is selected at the moment the message appears, before any later effect could catch up: the
    // message must never say "selected below" while nothing is.
    const selectedWhenShown: string[] = [];
    const observer = new MutationObserver(() => {
      if (container.querySelector('.copy-as-code-message')?.textContent?.includes('not available'))
        selectedWhenShown.push(window.getSelection()?.toString() ?? '');
    });
    observer.observe(container, { subtree: true, childList: true, characterData: true });
    fireEvent.click(screen.getByRole('button', { name: 'Copy as NumPy' }));
    await waitFor(() => expect(screen.getByText(/The clipboard is not available here/)).toBeTruthy());
    observer.disconnect();
    expect(selectedWhenShown[0]).toContain('import numpy as np');
    expect(screen.getByText(/The clipboard is not available here/).getAttribute('aria-live')).toBe('polite');
    expect(window.getSelection()?.toString()).toBe(codeRegion().textContent);
    expect(window.getSelection()?.toString()).toContain('import numpy as np');
  });

  it('works from the keyboard: Tab to "Copy as PyTorch", Enter, then Tab into the code; "Hide code" returns focus to "Copy as NumPy"', async () => {
    const writeText = fakeClipboard();
    const user = userEvent.setup({ document });
    // userEvent.setup puts its own clipboard stub on navigator; put the spy back.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderWithLab(<SoftmaxExplorer />);
    const button = screen.getByRole('button', { name: 'Copy as PyTorch' });
    button.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    expect(writeText.mock.calls[0]?.[0]).toContain('p = torch.softmax(z / T, dim=0)');
    const hide = screen.getByRole('button', { name: 'Hide code' });
    await user.tab();
    expect(document.activeElement).toBe(hide);
    await user.tab();
    expect(document.activeElement).toBe(codeRegion());
    hide.focus();
    await user.keyboard(' ');
    expect(screen.queryByRole('region', { name: /program for/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Copy as NumPy' }));
  });
});

describe('<CopyAsCode> in the Jacobian and cross-entropy explorers', () => {
  it('the Jacobian explorer copies an autograd program for its logits', async () => {
    const writeText = fakeClipboard();
    renderWithLab(<JacobianExplorer />, { logits: [1, -0.5, 0.2, 3] });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy as PyTorch' }));
      await Promise.resolve();
    });
    const copied = writeText.mock.calls[0]?.[0] ?? '';
    expect(copied.split('\n')[0]).toBe('# Logit Lab, softmax Jacobian: z = [1, -0.5, 0.2, 3]');
    expect(copied).toContain('torch.autograd.functional.jacobian(');
    expect(screen.getByText('PyTorch program for the softmax Jacobian, with the numbers on screen')).toBeTruthy();
  });

  it('the cross-entropy explorer copies a class index for a hard label and probabilities for a soft one', async () => {
    const writeText = fakeClipboard();
    const { store } = renderWithLab(<CrossEntropyGradientExplorer />, { logits: [2, 3, 4], labels: [0, 0, 1] });
    fireEvent.click(screen.getByRole('button', { name: 'Copy as PyTorch' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    expect(writeText.mock.calls[0]?.[0]).toContain('y = torch.tensor([2])');
    act(() => store.getState().setLabels([1, 3, 0]));
    expect(codeRegion().textContent).toContain('y = torch.tensor([[0.25, 0.75, 0.0]], dtype=torch.float64)');
    fireEvent.click(screen.getByRole('button', { name: 'Copy as NumPy' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(2));
    expect(writeText.mock.calls[1]?.[0]).toContain('loss = -(y * log_p).sum()');
  });
});
