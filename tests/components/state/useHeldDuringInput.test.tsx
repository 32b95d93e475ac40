import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createStore } from 'zustand/vanilla';
import { storeContext } from '../../../src/state/storeContext';
import { DeferredView } from '../../../src/state/DeferredView';
import { PAUSE_MS } from '../../../src/state/deferredView';
import { useHeldDuringInput } from '../../../src/state/useHeldDuringInput';

interface Inputs {
  z: number;
}
const inputs = storeContext<Inputs>('InputsProvider', { deferrable: true });

/** A slider and what restates it: the slider's own value follows at once, the restatement may wait. */
function Widget() {
  const z = inputs.useSelect((s) => s.z);
  const api = inputs.useStoreApi();
  const said = useHeldDuringInput(`z is ${z}`);
  return (
    <div>
      <label>
        z
        <input type="range" min={0} max={10} value={z} onChange={(e) => api.setState({ z: Number(e.target.value) })} />
      </label>
      <span data-testid="said">{said}</span>
      <button type="button">next</button>
    </div>
  );
}

const makeStore = () => createStore<Inputs>()(() => ({ z: 1 }));

function Page({ store, deferred = true }: { store: ReturnType<typeof makeStore>; deferred?: boolean }) {
  return <inputs.Provider value={store}>{deferred ? <DeferredView>{<Widget />}</DeferredView> : <Widget />}</inputs.Provider>;
}

/** A key pressed on the slider: the input the page notices (keydown), then the value it sets. */
function step(slider: HTMLElement, value: number) {
  fireEvent.keyDown(slider, { key: 'ArrowRight' });
  fireEvent.change(slider, { target: { value: String(value) } });
}

describe('useHeldDuringInput', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('useHeldDuringInput(value) keeps the last value while the widget is stepped, and shows the new one after the pause', () => {
    const { container } = render(<Page store={makeStore()} />);
    const slider = screen.getByRole('slider', { name: 'z' });
    act(() => slider.focus());
    for (let z = 2; z <= 5; z += 1) {
      step(slider, z);
      act(() => vi.advanceTimersByTime(50));
    }
    expect((slider as HTMLInputElement).value).toBe('5');
    expect(screen.getByTestId('said').textContent).toBe('z is 1');
    // the widget says it is holding something, as it does for held store changes
    expect(container.querySelector('[data-stale]')).not.toBeNull();
    act(() => vi.advanceTimersByTime(PAUSE_MS));
    expect(screen.getByTestId('said').textContent).toBe('z is 5');
    expect(container.querySelector('[data-stale]')).toBeNull();
  });

  it('useHeldDuringInput(value) shows the new value at once when focus moves on within the widget', () => {
    render(<Page store={makeStore()} />);
    const slider = screen.getByRole('slider', { name: 'z' });
    act(() => slider.focus());
    step(slider, 7);
    expect(screen.getByTestId('said').textContent).toBe('z is 1');
    act(() => screen.getByRole('button', { name: 'next' }).focus());
    expect(screen.getByTestId('said').textContent).toBe('z is 7');
  });

  it('useHeldDuringInput(value) is value at once for a change with no input (a link followed, a run)', () => {
    const store = makeStore();
    render(<Page store={store} />);
    act(() => screen.getByRole('slider', { name: 'z' }).focus());
    // long after any input
    act(() => vi.advanceTimersByTime(10 * PAUSE_MS));
    act(() => store.setState({ z: 3 }));
    expect(screen.getByTestId('said').textContent).toBe('z is 3');
  });

  it('useHeldDuringInput(value) outside a DeferredView is value', () => {
    render(<Page store={makeStore()} deferred={false} />);
    const slider = screen.getByRole('slider', { name: 'z' });
    act(() => slider.focus());
    step(slider, 9);
    expect(screen.getByTestId('said').textContent).toBe('z is 9');
  });
});
