import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { WidgetBoundary } from '../../../src/tools/WidgetBoundary';

let broken = true;
function Fragile() {
  if (broken) throw new Error('the logits went missing');
  return <p>working again</p>;
}

describe('<WidgetBoundary>', () => {
  it('a widget that throws shows a message naming it, and the page around it stays', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <div>
        <p>prose before</p>
        <WidgetBoundary name="the test widget">
          <Fragile />
        </WidgetBoundary>
      </div>,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/the test widget stopped working \(the logits went missing\)/);
    expect(screen.getByText('prose before')).toBeTruthy();

    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('working again')).toBeTruthy();
    warn.mockRestore();
    error.mockRestore();
  });
});
