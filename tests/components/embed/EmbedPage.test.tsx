import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../src/app/App';

async function visit(hash: string) {
  window.location.hash = hash;
  const result = render(<App />);
  await act(async () => {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  return result;
}

afterEach(() => {
  window.location.hash = '';
});

describe('#/embed/<chapter>/<Key>', () => {
  it('renders just the softmax explorer from the link’s state, with the caption and a link to the chapter', async () => {
    await visit('#/embed/softmax/SoftmaxExplorer?z=1,1&T=2&caption=Week%203%3A%20softmax');
    expect(await screen.findByText('p1 = 0.500', {}, { timeout: 8000 })).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'temperature T' }).getAttribute('value')).toBe('2');
    expect(screen.getByText('Week 3: softmax')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open in Logit Lab' }).getAttribute('href')).toBe('#/softmax');
    // none of the site around it: no header link, no chapter list, no share toolbar
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByRole('button', { name: /Share \/ embed/ })).toBeNull();
    expect(document.title).toBe('Softmax explorer · Logit Lab');
  });

  it('a hostile link shows a notice, the defaults and the caption as plain text', async () => {
    const { container } = await visit('#/embed/softmax/SoftmaxExplorer?z=__proto__&T=1e309&caption=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&__proto__=1');
    expect(await screen.findByText('p1 = 0.090', {}, { timeout: 8000 })).toBeTruthy();
    const notice = container.querySelector('.notice[role="status"]');
    expect(notice?.textContent).toBe(
      'This link’s settings: ignored __proto__: not a setting of this page; ' +
        'could not read z=__proto__: it needs 2 to 8 plain numbers separated by commas, such as 2,3,4; ' +
        'could not read T=1e309: it needs a plain number such as 1. The widget uses its defaults for what it could not read.',
    );
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('out of range: T=0 is clamped to 0.1, said so, and the address says T=0.1 at once, with no history entry', async () => {
    const entries = window.history.length;
    const { container } = await visit('#/embed/softmax/SoftmaxExplorer?z=1,1&T=0');
    expect(await screen.findByText('p1 = 0.500', {}, { timeout: 8000 })).toBeTruthy();
    expect(container.querySelector('.notice[role="status"]')?.textContent).toBe(
      'This link’s settings: T=0 is out of range (0.1 to 5): clamped to 0.1. The widget uses its defaults for what it could not read.',
    );
    expect(window.location.hash).toBe('#/embed/softmax/SoftmaxExplorer?z=1%2C1&T=0.1');
    expect(window.history.length).toBe(entries + 1); // the visit's own entry only
  });

  it('bad percent-encoding and an unknown key: z=%E0%A4%A&T=%&junk=1 are named as typed and leave the address', async () => {
    const { container } = await visit('#/embed/softmax/SoftmaxExplorer?z=%E0%A4%A&T=%&junk=1&caption=Hi');
    expect(await screen.findByText('p1 = 0.090', {}, { timeout: 8000 })).toBeTruthy();
    expect(container.querySelector('.notice[role="status"]')?.textContent).toBe(
      'This link’s settings: ignored junk: not a setting of this page; ' +
        'could not read z=%E0%A4%A: it needs 2 to 8 plain numbers separated by commas, such as 2,3,4; ' +
        'could not read T=%: it needs a plain number such as 1. The widget uses its defaults for what it could not read.',
    );
    expect(window.location.hash).toBe('#/embed/softmax/SoftmaxExplorer?z=2%2C3%2C4&T=1&caption=Hi');
  });

  it('a fixed count in a widget’s own state: sz=1,2 needs exactly 3 numbers, and leaves the address', async () => {
    await visit('#/embed/stability/OverflowExplorer?sz=1,2&sy=1');
    const notice = await screen.findByTestId('widget-state-notice', {}, { timeout: 8000 });
    expect(notice.textContent).toBe(
      'The link’s settings for the naive against stable comparison: could not read sz=1,2: it needs exactly 3 plain numbers ' +
        'separated by commas, such as 2,3,4. It uses its defaults for what it could not read.',
    );
    expect(window.location.hash).toBe('#/embed/stability/OverflowExplorer?sy=1');
  });

  it('hide=temperature leaves the temperature out; lock=logits disables the logit sliders and the store ignores them', async () => {
    await visit('#/embed/softmax/SoftmaxExplorer?z=2,3,4&hide=temperature&lock=logits');
    expect(await screen.findByText('p1 = 0.090', {}, { timeout: 8000 })).toBeTruthy();
    expect(screen.queryByRole('slider', { name: 'temperature T' })).toBeNull();
    const locked = screen.getByRole('group', { name: 'Set by your lecturer' });
    const slider = within(locked).getByRole('slider', { name: 'logit z1' }) as HTMLInputElement;
    // disabled by its fieldset, as a browser and a screen reader see it
    expect(slider.matches(':disabled')).toBe(true);
    fireEvent.change(slider, { target: { value: '5' } });
    expect(screen.getByText('p1 = 0.090')).toBeTruthy();
  });

  it('writes the learner’s changes to its own address, keeping the lecturer’s options', async () => {
    await visit('#/embed/jacobian/JacobianExplorer?z=1,2,3&caption=Hi&theme=dark');
    const slider = (await screen.findByRole('slider', { name: 'logit z1' }, { timeout: 8000 })) as HTMLInputElement;
    expect(document.documentElement.dataset.theme).toBe('dark');
    fireEvent.change(slider, { target: { value: '-2' } });
    await waitFor(() => expect(window.location.hash).toBe('#/embed/jacobian/JacobianExplorer?z=-2%2C2%2C3&caption=Hi&theme=dark'), {
      timeout: 2000,
    });
  });

  it('an unknown widget id says so and points to the lecturers’ page, never a blank page', async () => {
    await visit('#/embed/softmax/NoSuchWidget');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/no widget softmax\/NoSuchWidget/);
    expect(within(alert).getByRole('link').getAttribute('href')).toBe('#/embed');
  });

  it('#/embed is the lecturers’ page, inside the site', async () => {
    await visit('#/embed');
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('a widget in a chapter', () => {
  it('has the share / embed toolbar above it', async () => {
    await visit('#/jacobian');
    // Roles are looked for inside the explorer's slot (in the prose from the start): a role query over
    // the whole chapter (its prose and static math) takes jsdom long enough that one repeated while the
    // page draws starved the drawing.
    const slot = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('[data-widget-slot="JacobianExplorer"]');
      if (!found) throw new Error('no slot for the explorer yet');
      return found;
    });
    // the explorer's own toolbar (the chapter's exercises have theirs too)
    expect(await within(slot).findByRole('button', { name: /Share \/ embed: Softmax Jacobian explorer/ }, { timeout: 15_000 })).toBeTruthy();
  }, 30_000);
});
