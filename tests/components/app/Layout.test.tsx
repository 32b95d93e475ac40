import { describe, expect, it } from 'vitest';
import { render as renderAlone, screen, within } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { createProgressStore, ProgressProvider } from '../../../src/state/progressStore';
import userEvent from '@testing-library/user-event';
import { Layout } from '../../../src/app/Layout';
import { HomePage } from '../../../src/app/HomePage';

/** As the site renders it: inside the learner's progress (here one that stores nothing). */
const progress = createProgressStore(null);
const InSite = ({ children }: { children: ReactNode }) => <ProgressProvider store={progress}>{children}</ProgressProvider>;
const render = (ui: ReactElement) => renderAlone(ui, { wrapper: InSite });

/** A chapter page's own links at its end, as ChapterPage draws them. */
const PAGE = (
  <article>
    <h1>Softmax</h1>
    <nav aria-label="Previous and next chapter">
      <a href="#/information">← Information and cross-entropy</a>
      <a href="#/jacobian">The softmax Jacobian →</a>
    </nav>
  </article>
);

describe('<Layout>', () => {
  it('the chapter list comes before the page in Tab order, as it does on the screen', () => {
    const { container } = render(<Layout current="softmax">{PAGE}</Layout>);
    const links = Array.from(container.querySelectorAll('a'));
    const inList = links.findIndex((a) => a.closest('nav[aria-label="Chapters"]') && a.getAttribute('href') === '#/jacobian');
    const pageNext = links.findIndex((a) => a.closest('nav[aria-label="Previous and next chapter"]') && a.getAttribute('href') === '#/jacobian');
    expect(inList).toBeGreaterThanOrEqual(0);
    expect(inList).toBeLessThan(pageNext);
  });

  it('"Chapters" opens and closes the list from the keyboard (Enter, then Escape), and the next chapter is one link away', async () => {
    const user = userEvent.setup();
    render(<Layout current="softmax">{PAGE}</Layout>);
    const menu = screen.getByRole('complementary', { name: 'All chapters' });
    const toggle = within(menu).getByRole('button', { name: 'Chapters' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(menu.getAttribute('data-open')).toBe('false');
    // the list the button controls is the chapter list
    const list = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(list && within(list).getByRole('navigation', { name: 'Chapters' })).toBeTruthy();
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(menu.getAttribute('data-open')).toBe('true');
    await user.keyboard('{Escape}');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    // softmax is chapter 2; the next written chapter is the Jacobian
    expect(within(menu).getByRole('link', { name: 'Next: The softmax Jacobian →' }).getAttribute('href')).toBe('#/jacobian');
  });

  it('Escape with focus on a chapter link folds the list and gives focus back to "Chapters"', async () => {
    const user = userEvent.setup();
    render(<Layout current="softmax">{PAGE}</Layout>);
    const toggle = screen.getByRole('button', { name: 'Chapters' });
    await user.click(toggle);
    const menu = screen.getByRole('complementary', { name: 'All chapters' });
    const link = within(menu).getByRole('link', { name: 'Information and cross-entropy' });
    link.focus();
    await user.keyboard('{Escape}');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
  });

  it('choosing another chapter closes the open list behind it', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<Layout current="softmax">{PAGE}</Layout>);
    await user.click(screen.getByRole('button', { name: 'Chapters' }));
    expect(screen.getByRole('button', { name: 'Chapters' }).getAttribute('aria-expanded')).toBe('true');
    rerender(<Layout current="jacobian">{PAGE}</Layout>);
    expect(screen.getByRole('button', { name: 'Chapters' }).getAttribute('aria-expanded')).toBe('false');
  });

  it('the last written chapter has no "Next" link at the top', () => {
    render(<Layout current="pytorch-loss">{PAGE}</Layout>);
    expect(screen.queryByRole('link', { name: /^Next:/ })).toBeNull();
  });

  it('every page links the lecturers\' page from its footer, and the home page from its text too', () => {
    render(
      <Layout home>
        <HomePage />
      </Layout>,
    );
    const footer = screen.getByRole('contentinfo');
    expect(within(footer).getByRole('link', { name: 'For lecturers: embed a widget in your course' }).getAttribute('href')).toBe('#/embed');
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Embed any widget in your course page' }).getAttribute('href')).toBe('#/embed');
    // the home page is the contents itself: no second list, no menu
    expect(screen.queryByRole('button', { name: 'Chapters' })).toBeNull();
  });
});
