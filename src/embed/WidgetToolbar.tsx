import { useId, useState } from 'react';

/** What the toolbar needs of a registry entry (an EmbeddableWidget satisfies it). */
interface ToolbarWidget {
  readonly id: string;
  readonly title: string;
}

/**
 * The "Share / embed" control above a chapter's widget: a disclosure that opens a panel with the
 * link and iframe snippet for the widget's current state.
 */
export function WidgetToolbar({ widget }: { widget: ToolbarWidget; root: HTMLElement | null }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="widget-toolbar">
      <button
        type="button"
        className="widget-toolbar__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Share / embed: ${widget.title}`}
        onClick={() => setOpen((o) => !o)}
      >
        Share / embed
      </button>
      <div id={panelId} hidden={!open} className="share-panel">
        <p>Share a link to the {widget.title.toLowerCase()} or embed it in a course page.</p>
      </div>
    </div>
  );
}
