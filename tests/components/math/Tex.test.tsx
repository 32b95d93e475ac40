import { describe, expect, it } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import { Tex } from '../../../src/math/Tex';

describe('<Tex>', () => {
  it('\\term{p-2}{x} becomes an element with data-term="p-2"', async () => {
    const { container } = render(<Tex tex="\term{p-2}{0.245} + 1" />);
    await waitFor(() => expect(container.querySelector('[data-term="p-2"]')?.textContent).toContain('0.245'));
  });

  it('refuses \\href and other untrusted commands instead of making a link', async () => {
    const { container } = render(<Tex tex="\href{javascript:alert(1)}{x}" />);
    await waitFor(() => expect(container.querySelector('.katex')).not.toBeNull());
    expect(container.querySelector('a')).toBeNull();
  });

  it('bad LaTeX renders as a KaTeX error span, never a throw', async () => {
    const { container } = render(<Tex tex="\frac{1}{" />);
    await waitFor(() => expect(container.querySelector('.katex-error')).not.toBeNull());
  });

  it('a huge \\rule is capped by maxSize', async () => {
    const { container } = render(<Tex tex="\rule{100000em}{1em}" />);
    await waitFor(() => expect(container.querySelector('.katex')).not.toBeNull());
    const rule = container.querySelector<HTMLElement>('.katex-html .katex-rule');
    expect(rule?.style.borderRightWidth).toBe('20em');
  });
});
