import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactNode } from 'react';
import { FigureExport } from '../../../../src/tools/export/FigureExport';

/** A widget's section: its figures, and the export control given the section as its root. */
function Section({ title = 'Softmax explorer', children }: { title?: string; children: ReactNode }) {
  const name = 'the softmax explorer';
  const [root, setRoot] = useState<HTMLElement | null>(null);
  return (
    <section ref={setRoot}>
      <FigureExport root={root} title={title} name={name} />
      {children}
    </section>
  );
}

const BARS = (
  <svg className="plot" viewBox="0 0 360 240" role="img" aria-label="Probability bars: p1 = 0.090, p2 = 0.245">
    <rect className="bar" style={{ fill: 'var(--class-1)' }} x={10} y={10} width={20} height={30} />
  </svg>
);
const LOGITS = (
  <figure>
    <svg className="plot" viewBox="0 0 300 200" aria-label="Logit bars: z1 = 1">
      <rect className="bar" x={1} y={1} width={2} height={3} />
    </svg>
    <figcaption>Logits z</figcaption>
  </figure>
);

let saved: { name: string; blob: Blob }[];
let blobs: Map<string, Blob>;

beforeEach(() => {
  saved = [];
  blobs = new Map();
  let n = 0;
  // jsdom has no object URLs (this file's own jsdom) and does not follow a download link: record
  // what would be saved.
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      const url = `blob:test/${++n}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: () => undefined,
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) saved.push({ name: this.download, blob });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('<FigureExport>', () => {
  it('is one closed disclosure named after its widget until opened', () => {
    render(<Section>{BARS}</Section>);
    const toggle = screen.getByRole('button', { name: 'Export figure of the softmax explorer' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: /^Download/ })).toBeNull();
  });

  it('opened from the keyboard, a single figure is named and offered as SVG and PNG', async () => {
    const user = userEvent.setup();
    render(<Section>{BARS}</Section>);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Export figure/ }));
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: /^Export figure/ }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.getByText('Probability bars')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download SVG of Probability bars' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download PNG of Probability bars' })).toBeTruthy();
  });

  it('Download SVG saves logit-lab-<widget>-<figure>.svg with the title and no CSS variable', async () => {
    render(<Section>{BARS}</Section>);
    fireEvent.click(screen.getByRole('button', { name: /^Export figure/ }));
    fireEvent.click(screen.getByRole('button', { name: /^Download SVG/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const [file] = saved;
    expect(file?.name).toBe('logit-lab-softmax-explorer-probability-bars.svg');
    expect(file?.blob.type).toBe('image/svg+xml;charset=utf-8');
    const text = await file?.blob.text();
    const doc = new DOMParser().parseFromString(text ?? '', 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.querySelector('title')?.textContent).toBe('Logit Lab: Softmax explorer — Probability bars');
    expect(doc.querySelectorAll('rect.bar')).toHaveLength(1);
    expect(text).not.toContain('var(');
    expect(screen.getByRole('status').textContent).toBe('Saved logit-lab-softmax-explorer-probability-bars.svg');
  });

  it('several figures get a select, and the chosen one is saved', async () => {
    render(<Section>{LOGITS}{BARS}</Section>);
    fireEvent.click(screen.getByRole('button', { name: /^Export figure/ }));
    const select = screen.getByRole('combobox', { name: 'Figure' }) as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(['Logit bars', 'Probability bars']);
    fireEvent.change(select, { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download SVG of Probability bars' }));
    await waitFor(() => expect(saved.map((s) => s.name)).toEqual(['logit-lab-softmax-explorer-probability-bars.svg']));
  });

  it('a canvas figure is offered as PNG only, saved through canvas.toBlob', async () => {
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((callback) => callback(png));
    render(
      <Section title="Backprop trainer">
        <canvas role="img" aria-label="Decision regions: 3 classes" />
      </Section>,
    );
    fireEvent.click(screen.getByRole('button', { name: /^Export figure/ }));
    expect(screen.queryByRole('button', { name: /^Download SVG/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Download PNG of Decision regions' }));
    await waitFor(() => expect(saved).toEqual([{ name: 'logit-lab-backprop-trainer-decision-regions.png', blob: png }]));
  });

  it('a widget without figures says so and offers no download', () => {
    render(<Section><p>no plots here</p></Section>);
    fireEvent.click(screen.getByRole('button', { name: /^Export figure/ }));
    expect(screen.getByText('This widget has no figure to export yet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Download/ })).toBeNull();
  });

  it('a failed export is reported in the status line, not thrown', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((callback) => callback(null));
    render(<Section><canvas role="img" aria-label="Cost map" /></Section>);
    fireEvent.click(screen.getByRole('button', { name: /^Export figure/ }));
    fireEvent.click(screen.getByRole('button', { name: /^Download PNG/ }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Could not save the figure: the browser gave no PNG for the figure'));
    expect(saved).toEqual([]);
  });
});

describe('<FigureExport> from the keyboard', () => {
  it('Escape closes the panel and puts the focus back on its button', async () => {
    const user = userEvent.setup();
    render(<Section>{BARS}</Section>);
    const toggle = screen.getByRole('button', { name: /^Export figure/ });
    await user.click(toggle);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Download SVG/ }));
    await user.keyboard('{Escape}');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
  });
});
