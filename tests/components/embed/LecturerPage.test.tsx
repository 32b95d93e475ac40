import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LecturerPage } from '../../../src/embed/LecturerPage';
import { WIDGETS } from '../../../src/embed/widgetRegistry';
import { CHAPTERS } from '../../../src/chapters/chapterList';
import { renderWithLab } from '../renderWithLab';

const snippet = () => screen.getByTestId<HTMLTextAreaElement>('lecturer-snippet').value;
const preview = () => screen.getByTestId<HTMLIFrameElement>('embed-preview');

function postHeight(source: MessageEventSource | null, data: unknown) {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data, source, origin: 'null' }));
  });
}

describe('<LecturerPage>', () => {
  it('offers every registered widget, under its chapter, in the book\'s order', () => {
    renderWithLab(<LecturerPage />);
    const picker = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Widget' });
    const options = within(picker).getAllByRole<HTMLOptionElement>('option');
    expect(options.map((o) => o.value).sort()).toEqual(WIDGETS.map((w) => w.id).sort());
    const groups = [...picker.querySelectorAll('optgroup')];
    for (const group of groups) {
      const chapter = CHAPTERS.find((c) => group.label === `${c.number}. ${c.title}`);
      expect(chapter, group.label).toBeDefined();
      for (const option of group.querySelectorAll('option')) expect(option.value.startsWith(`${chapter?.slug}/`)).toBe(true);
    }
    const numbers = groups.map((g) => Number(g.label.split('.')[0]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(picker.value).toBe('softmax/SoftmaxExplorer');
  });

  it('the snippet follows the picked widget and the options, and the preview is a sandboxed iframe of it', async () => {
    const user = userEvent.setup();
    renderWithLab(<LecturerPage />, { logits: [0.5, 1, 1.5], temperature: 2 });
    expect(snippet()).toContain('#/embed/softmax/SoftmaxExplorer?z=0.5%2C1%2C1.5&amp;T=2');
    expect(preview().getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-downloads');
    expect(preview().getAttribute('allow')).toBe('clipboard-write');
    expect(preview().getAttribute('src')).toContain('#/embed/softmax/SoftmaxExplorer?');
    expect(preview().getAttribute('src')).toMatch(/&frame=lecturer-preview$/);

    await user.click(screen.getByRole('checkbox', { name: 'hide the temperature T' }));
    expect(snippet()).toContain('hide=temperature');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Widget' }), 'jacobian/JacobianExplorer');
    expect(snippet()).toContain('#/embed/jacobian/JacobianExplorer?z=0.5%2C1%2C1.5');
    expect(snippet()).toContain('title="Logit Lab: Softmax Jacobian explorer"');
    // The temperature is not the Jacobian explorer's: neither its value nor its hide option follow.
    expect(snippet()).not.toMatch(/T=2|hide=/);
    expect(screen.queryByRole('checkbox', { name: 'hide the temperature T' })).toBeNull();
  });

  it('every platform has a how-to and a copyable snippet built from the same iframe line', () => {
    renderWithLab(<LecturerPage />);
    const line = snippet();
    for (const name of ['Canvas', 'Moodle', 'Jupyter Book', 'Quarto', 'Plain HTML']) {
      expect(screen.getByRole('heading', { level: 3, name })).toBeTruthy();
      expect(screen.getByRole('button', { name: `Copy for ${name}` })).toBeTruthy();
    }
    expect(screen.getByTestId<HTMLTextAreaElement>('platform-canvas').value).toBe(line);
    expect(screen.getByTestId<HTMLTextAreaElement>('platform-quarto').value).toBe(`\`\`\`{=html}\n${line}\n\`\`\``);
    const html = screen.getByTestId<HTMLTextAreaElement>('platform-html').value.split('\n');
    expect(html[0]).toBe(line);
    expect(html[1]).toMatch(/^<script src="http[^"]*\/embed-resize\.js" defer><\/script>$/);
  });

  it('the preview takes its height only from its own frame\'s valid messages', () => {
    renderWithLab(<LecturerPage />);
    const frame = preview();
    const start = frame.style.height;
    const own = frame.contentWindow;
    expect(own).not.toBeNull();

    postHeight(window, { type: 'logit-lab:height', version: 1, id: 'lecturer-preview', height: 321 });
    expect(frame.style.height).toBe(start);
    postHeight(own, { type: 'logit-lab:height', version: 1, id: 'someone-else', height: 321 });
    postHeight(own, { type: 'logit-lab:height', version: 1, id: 'lecturer-preview', height: 'tall' });
    postHeight(own, '{"type":"logit-lab:height","version":1,"id":"lecturer-preview","height":321}');
    expect(frame.style.height).toBe(start);

    postHeight(own, { type: 'logit-lab:height', version: 1, id: 'lecturer-preview', height: 321 });
    expect(frame.style.height).toBe('321px');
  });

  it('the caption is typed into the snippet escaped, never as markup', () => {
    renderWithLab(<LecturerPage />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Caption above the widget' }), {
      target: { value: '<img src=x onerror=alert(1)> "quoted" & more' },
    });
    expect(snippet()).not.toMatch(/<img|"quoted"| & /);
    expect(snippet()).toContain('caption=%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E+%22quoted%22+%26+more');
    expect(document.querySelector('img')).toBeNull();
  });
});
