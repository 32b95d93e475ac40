import { useState, type ComponentType } from 'react';
import { WidgetBoundary } from '../chapters/WidgetBoundary';
import { useEmbedSettings } from './embedContext';
import { WidgetToolbar } from './WidgetToolbar';
import { widgetOf } from './widgetRegistry';

/**
 * The way every widget enters a chapter's component map: `embeddable('softmax', { SoftmaxExplorer,
 * WorkedExample })`. Each widget gets its own error boundary (one failing widget never blanks the
 * page) and, in a chapter, the share / embed toolbar above it; inside an embed, just the widget.
 * The registry entry comes from the chapter slug and the map key, which is also the widget's stable
 * embed id, so a new widget is embeddable as soon as it has a registry entry (a test checks it has).
 */
// Widgets take any props the MDX passes them; `any` here is the component map's own type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyWidget = ComponentType<any>;

export function embeddable<M extends Record<string, AnyWidget>>(chapter: string, widgets: M): { [K in keyof M]: M[K] } {
  const out: Record<string, AnyWidget> = {};
  for (const [key, Widget] of Object.entries(widgets)) {
    out[key] = wrap(chapter, key, Widget);
  }
  return out as { [K in keyof M]: M[K] };
}

function wrap(chapter: string, key: string, Widget: AnyWidget): AnyWidget {
  const entry = widgetOf(chapter, key);
  const name = entry?.name ?? key;
  const Embeddable = (props: object) => {
    const { embedded } = useEmbedSettings();
    const [root, setRoot] = useState<HTMLDivElement | null>(null);
    const widget = (
      <WidgetBoundary name={name}>
        <Widget {...props} />
      </WidgetBoundary>
    );
    if (embedded || !entry) return widget;
    return (
      <div className="embeddable" data-widget-id={entry.id}>
        <WidgetToolbar widget={entry} root={root} />
        <div className="embeddable-widget" ref={setRoot}>
          {widget}
        </div>
      </div>
    );
  };
  Embeddable.displayName = `Embeddable(${chapter}/${key})`;
  return Embeddable;
}
