import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createStore } from 'zustand/vanilla';
import { storeContext } from '../../../src/state/storeContext';
import { DeferredView } from '../../../src/state/DeferredView';
import { PAUSE_MS } from '../../../src/state/deferredView';

interface Inputs {
  z: number;
}
const deferrable = storeContext<Inputs>('InputsProvider', { deferrable: true });
const immediate = storeContext<Inputs>('RunProvider');

function Slider() {
  const z = deferrable.useSelect((s) => s.z);
  const api = deferrable.useStoreApi();
  return (
    <label>
      z
      <input type="range" min={0} max={10} value={z} onChange={(e) => api.setState({ z: Number(e.target.value) })} />
    </label>
  );
}

function Readout() {
  return (
    <p>
      <span data-testid="readout">{deferrable.useSelect((s) => s.z)}</span>
      <button type="button">other</button>
    </p>
  );
}

function Reader() {
  return <span data-testid="run">{immediate.useSelect((s) => s.z)}</span>;
}

/** Two widgets on one store: a slider that writes z and a readout that shows it. */
function Page({ store }: { store: ReturnType<typeof makeStore> }) {
  return (
    <deferrable.Provider value={store}>
      <DeferredView>
        <Slider />
      </DeferredView>
      <DeferredView>
        <Readout />
      </DeferredView>
    </deferrable.Provider>
  );
}
const makeStore = () => createStore<Inputs>()(() => ({ z: 1 }));

describe('DeferredView', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('the widget being used follows its own input at once; another widget catches up after the pause', () => {
    const store = makeStore();
    render(<Page store={store} />);
    const slider = screen.getByRole('slider', { name: 'z' });
    act(() => slider.focus());
    fireEvent.change(slider, { target: { value: '4' } });
    expect((slider as HTMLInputElement).value).toBe('4');
    expect(screen.getByTestId('readout').textContent).toBe('1');
    act(() => vi.advanceTimersByTime(PAUSE_MS));
    expect(screen.getByTestId('readout').textContent).toBe('4');
  });

  it('focusing a widget brings it up to date at once', () => {
    const store = makeStore();
    render(<Page store={store} />);
    act(() => store.setState({ z: 6 }));
    expect(screen.getByTestId('readout').textContent).toBe('1');
    act(() => screen.getByRole('button', { name: 'other' }).focus());
    expect(screen.getByTestId('readout').textContent).toBe('6');
  });

  it('a widget pressed with the pointer follows at once until a press lands elsewhere', () => {
    const store = makeStore();
    render(<Page store={store} />);
    const readout = screen.getByTestId('readout');
    fireEvent.pointerDown(readout);
    fireEvent.pointerUp(readout);
    act(() => store.setState({ z: 2 }));
    expect(readout.textContent).toBe('2');
    fireEvent.pointerDown(screen.getByRole('slider', { name: 'z' }));
    act(() => store.setState({ z: 3 }));
    expect(readout.textContent).toBe('2');
    // the button is still down, so the pause is confirmed a frame later (no move came in meanwhile)
    act(() => vi.advanceTimersByTime(PAUSE_MS + 50));
    expect(readout.textContent).toBe('3');
  });

  it('a checkbox clicked through its label, which takes no focus, changes at once rather than after the pause', () => {
    const store = createStore<{ on: boolean }>()(() => ({ on: false }));
    const flags = storeContext<{ on: boolean }>('FlagsProvider', { deferrable: true });
    function Toggle() {
      const on = flags.useSelect((s) => s.on);
      const api = flags.useStoreApi();
      return (
        <label>
          <span data-testid="caption">show</span>
          <input type="checkbox" checked={on} onChange={(e) => api.setState({ on: e.target.checked })} />
        </label>
      );
    }
    render(
      <flags.Provider value={store}>
        <DeferredView>
          <Toggle />
        </DeferredView>
      </flags.Provider>,
    );
    const caption = screen.getByTestId('caption');
    fireEvent.pointerDown(caption);
    fireEvent.pointerUp(caption);
    fireEvent.click(caption);
    expect(store.getState().on).toBe(true);
    expect((screen.getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
  });

  it('a radio activated by a click alone, with no press and no focus (a screen reader\'s activation), changes at once', () => {
    const store = createStore<{ precision: string }>()(() => ({ precision: 'float64' }));
    const choice = storeContext<{ precision: string }>('ChoiceProvider', { deferrable: true });
    function Precision() {
      const precision = choice.useSelect((s) => s.precision);
      const api = choice.useStoreApi();
      return (
        <fieldset>
          <legend>Precision</legend>
          {['float32', 'float64'].map((p) => (
            <label key={p}>
              <input type="radio" name="precision" checked={precision === p} onChange={() => api.setState({ precision: p })} />
              {p}
            </label>
          ))}
        </fieldset>
      );
    }
    render(
      <choice.Provider value={store}>
        <DeferredView>
          <Precision />
        </DeferredView>
        <DeferredView>
          <button type="button">other</button>
        </DeferredView>
      </choice.Provider>,
    );
    // the last press and focus of the page were in the other widget
    const other = screen.getByRole('button', { name: 'other' });
    fireEvent.pointerDown(other);
    act(() => other.focus());
    const float32 = screen.getByRole('radio', { name: 'float32' }) as HTMLInputElement;
    fireEvent.click(float32);
    expect(store.getState().precision).toBe('float32');
    expect(float32.checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'float64' }) as HTMLInputElement).checked).toBe(false);
  });

  it('what a widget held arrives when a press on it is released, not while it is down, so the control pressed stays under the pointer', () => {
    const store = makeStore();
    render(<Page store={store} />);
    act(() => store.setState({ z: 7 }));
    const readout = screen.getByTestId('readout');
    const other = screen.getByRole('button', { name: 'other' });
    fireEvent.pointerDown(other);
    act(() => other.focus());
    expect(readout.textContent).toBe('1');
    fireEvent.pointerUp(other);
    expect(readout.textContent).toBe('7');
    // live until a press lands elsewhere: a change now arrives at once
    act(() => store.setState({ z: 8 }));
    expect(readout.textContent).toBe('8');
  });

  it('a store that is not deferrable reaches every widget at once', () => {
    const store = makeStore();
    render(
      <immediate.Provider value={store}>
        <DeferredView>
          <Reader />
        </DeferredView>
      </immediate.Provider>,
    );
    act(() => store.setState({ z: 9 }));
    expect(screen.getByTestId('run').textContent).toBe('9');
  });

  it('unmounting leaves no subscription and no timer behind', () => {
    const store = makeStore();
    const { unmount } = render(<Page store={store} />);
    act(() => store.setState({ z: 5 }));
    unmount();
    expect(vi.getTimerCount()).toBe(0);
    act(() => store.setState({ z: 6 }));
    expect(vi.getTimerCount()).toBe(0);
  });
});
