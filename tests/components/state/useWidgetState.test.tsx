import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { EmbedContext, CHAPTER_SETTINGS, type EmbedSettings } from '../../../src/state/embedContext';
import { useWidgetState } from '../../../src/state/useWidgetState';
import { createWidgetFrame, WidgetFrameContext, type WidgetFrame } from '../../../src/state/widgetFrame';
import { defineState } from '../../../src/url/stateSchema';

const SCHEMA = defineState({
  u: { kind: 'choice', values: ['bits', 'nats'], default: 'bits', control: 'the unit' },
  k: { kind: 'integer', min: 0, max: 5, default: 0 },
});

function Probe() {
  const [state, update, mode] = useWidgetState(SCHEMA);
  return (
    <div>
      <output data-testid="u">{state.u}</output>
      <output data-testid="k">{state.k}</output>
      <output data-testid="mode">{mode('u')}</output>
      <button type="button" onClick={() => update({ u: state.u === 'bits' ? 'nats' : 'bits' })}>
        switch
      </button>
      <button type="button" onClick={() => update((s) => ({ k: s.k + 1 }))}>
        next
      </button>
    </div>
  );
}

function mount(settings: EmbedSettings = CHAPTER_SETTINGS, frame: WidgetFrame = createWidgetFrame()) {
  render(
    <EmbedContext.Provider value={settings}>
      <WidgetFrameContext.Provider value={frame}>
        <Probe />
      </WidgetFrameContext.Provider>
    </EmbedContext.Provider>,
  );
  return frame;
}

const shown = (id: string) => screen.getByTestId(id).textContent;

describe('useWidgetState', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reads its keys from the address when it mounts: #/information?z=1,2&u=nats&k=3', () => {
    window.history.replaceState(null, '', '#/information?z=1,2&u=nats&k=3');
    mount();
    expect(shown('u')).toBe('nats');
    expect(shown('k')).toBe('3');
  });

  it('five changes in a row reschedule one waiting write: one pagehide listener added, none taken away until unmount', () => {
    window.history.replaceState(null, '', '#/information');
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const pagehide = (spy: typeof added) => spy.mock.calls.filter(([type]) => type === 'pagehide').length;
    const { unmount } = render(<Probe />);
    const before = { added: pagehide(added), removed: pagehide(removed) };
    for (let i = 0; i < 5; i += 1) fireEvent.click(screen.getByText('next'));
    expect({ added: pagehide(added), removed: pagehide(removed) }).toEqual(before);
    act(() => vi.advanceTimersByTime(300));
    expect(window.location.hash).toBe('#/information?k=5');
    unmount();
    expect(pagehide(removed)).toBe(before.removed + 1);
    added.mockRestore();
    removed.mockRestore();
  });

  it('writes a change once the learner pauses (250 ms), with replaceState, keeping the other keys', () => {
    window.history.replaceState(null, '', '#/information?z=1,2');
    const entries = window.history.length;
    mount();
    fireEvent.click(screen.getByText('switch'));
    fireEvent.click(screen.getByText('next'));
    act(() => vi.advanceTimersByTime(200));
    expect(window.location.hash).toBe('#/information?z=1,2');
    act(() => vi.advanceTimersByTime(100));
    expect(window.location.hash).toBe('#/information?z=1%2C2&u=nats&k=1');
    expect(window.history.length).toBe(entries);
  });

  it('a value back at its default leaves the address: u=bits is not written', () => {
    window.history.replaceState(null, '', '#/information?u=nats');
    mount();
    fireEvent.click(screen.getByText('switch'));
    act(() => vi.advanceTimersByTime(300));
    expect(window.location.hash).toBe('#/information');
  });

  it('an address changed from outside (hashchange) is read again; one without its keys changes nothing', () => {
    window.history.replaceState(null, '', '#/information');
    mount();
    act(() => {
      window.history.replaceState(null, '', '#/information?k=4');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(shown('k')).toBe('4');
    act(() => {
      window.history.replaceState(null, '', '#/information?z=1,2');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(shown('k')).toBe('4');
  });

  it('a refused field is reported to the frame, the widget keeps that field’s default, and the address drops it at once', () => {
    window.history.replaceState(null, '', '#/information?z=1,2&u=furlongs&k=2');
    const entries = window.history.length;
    const frame = mount();
    expect(shown('u')).toBe('bits');
    expect(shown('k')).toBe('2');
    expect(frame.problems()).toEqual(['could not read u=furlongs: it needs one of bits, nats']);
    // no wait for a pause, and no history entry; the lab input z is not this hook's and stays
    expect(window.location.hash).toBe('#/information?z=1%2C2&k=2');
    expect(window.history.length).toBe(entries);
  });

  it('an integer out of range is clamped, said so, and the address says the clamped value: k=9 → k=5', () => {
    window.history.replaceState(null, '', '#/information?k=9');
    const frame = mount();
    expect(shown('k')).toBe('5');
    expect(frame.problems()).toEqual(['k=9 is out of range (0 to 5): clamped to 5']);
    expect(window.location.hash).toBe('#/information?k=5');
  });

  it('bad percent-encoding (k=%E0%A4%A&u=%) is repeated as typed and leaves the address', () => {
    window.history.replaceState(null, '', '#/information?k=%E0%A4%A&u=%');
    const frame = mount();
    expect([shown('u'), shown('k')]).toEqual(['bits', '0']);
    expect(frame.problems()).toEqual(['could not read u=%: it needs one of bits, nats', 'could not read k=%E0%A4%A: it needs a whole number such as 0']);
    expect(window.location.hash).toBe('#/information');
  });

  it('a refused value in an address typed later (hashchange) is put right too', () => {
    window.history.replaceState(null, '', '#/information');
    const frame = mount();
    act(() => {
      window.history.replaceState(null, '', '#/information?k=3&u=x');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(shown('k')).toBe('3');
    expect(frame.problems()).toEqual(['could not read u=x: it needs one of bits, nats']);
    expect(window.location.hash).toBe('#/information?k=3');
  });

  it('another page’s address (the learner leaving) is not rewritten, though it uses the same keys', () => {
    window.history.replaceState(null, '', '#/information');
    mount();
    act(() => {
      window.history.replaceState(null, '', '#/jacobian?k=x');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(window.location.hash).toBe('#/jacobian?k=x');
  });

  it('a field the lecturer locked keeps the link’s value whatever asks to change it', () => {
    window.history.replaceState(null, '', '#/embed/information/InformationExplorer?u=nats');
    mount({ embedded: true, hidden: new Set(), locked: new Set(['u']) });
    expect(shown('mode')).toBe('locked');
    fireEvent.click(screen.getByText('switch'));
    expect(shown('u')).toBe('nats');
    fireEvent.click(screen.getByText('next'));
    expect(shown('k')).toBe('1');
  });

  it('hands the frame a writer of its current state, for the share panel’s link', () => {
    window.history.replaceState(null, '', '#/information');
    const frame = mount();
    const before = frame.version();
    fireEvent.click(screen.getByText('next'));
    expect(frame.version()).toBeGreaterThan(before);
    expect(frame.writeState(new URLSearchParams('z=1,2')).toString()).toBe('z=1%2C2&k=1');
  });
});
