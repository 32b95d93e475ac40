import { useState, useSyncExternalStore, type ComponentType } from 'react';
import { WidgetBoundary } from '../WidgetBoundary';
import { DeferredView } from '../../state/DeferredView';
import { useEmbedSettings } from '../../state/embedContext';
import { WidgetToolbarShell } from './WidgetToolbarShell';
import { createWidgetFrame, WidgetFrameContext, type WidgetFrame } from '../../state/widgetFrame';
import type { EmbeddableWidget } from '../../url/widgetEntry';

/**
 * The way every widget enters a chapter's component map: `embeddable(widgets, { SoftmaxExplorer,
 * WorkedExample })`, with the chapter's own entries (its index.ts). Each widget gets its own error
 * boundary (one failing widget never blanks the page) and, in a chapter, the share / embed toolbar
 * above it; inside an embed, just the widget. The entry is found by the map key, which is also the
 * last part of the widget's stable embed id, so a new widget is embeddable as soon as the chapter's
 * index lists it (a test checks every key has an entry).
 */
// Widgets take any props the MDX passes them; `any` here is the component map's own type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyWidget = ComponentType<any>;

export function embeddable<M extends Record<string, AnyWidget>>(entries: readonly EmbeddableWidget[], widgets: M): { [K in keyof M]: M[K] } {
  const out: Record<string, AnyWidget> = {};
  for (const [key, Widget] of Object.entries(widgets)) {
    out[key] = wrap(entries.find((e) => e.key === key), key, Widget);
  }
  return out as { [K in keyof M]: M[K] };
}

function wrap(entry: EmbeddableWidget | undefined, key: string, Widget: AnyWidget): AnyWidget {
  const name = entry?.name ?? key;
  const Embeddable = (props: object) => {
    const { embedded } = useEmbedSettings();
    const [root, setRoot] = useState<HTMLDivElement | null>(null);
    const [frame] = useState(createWidgetFrame);
    const widget = (
      <WidgetFrameContext.Provider value={frame}>
        <StateNotice frame={frame} name={name} />
        <WidgetBoundary name={name}>
          <Widget {...props} />
        </WidgetBoundary>
      </WidgetFrameContext.Provider>
    );
    if (embedded || !entry) return widget;
    return (
      <div className="embeddable" data-widget-id={entry.id}>
        <WidgetToolbarShell widget={entry} root={root} frame={frame} />
        <div className="embeddable-widget" ref={setRoot}>
          {/* in a chapter, a widget the learner is not using follows the stores after a pause */}
          <DeferredView>{widget}</DeferredView>
        </div>
      </div>
    );
  };
  Embeddable.displayName = `Embeddable(${entry?.id ?? key})`;
  return Embeddable;
}

/** What the widget's state hook refused in the address: said once, above the widget, which works on. */
function StateNotice({ frame, name }: { frame: WidgetFrame; name: string }) {
  const problems = useSyncExternalStore(frame.subscribe, frame.problems, frame.problems);
  if (problems.length === 0) return null;
  return (
    <p className="notice" role="status" data-testid="widget-state-notice">
      The link’s settings for {name}: {problems.join('; ')}. It uses its defaults for what it could not read.
    </p>
  );
}
