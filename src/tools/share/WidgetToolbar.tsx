import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { SharePanel } from './SharePanel';
import { NO_CHOICES, type ShareChoices } from './snippets';
import type { EmbeddableWidget } from '../../url/widgetEntry';
import type { WidgetFrame } from '../../state/widgetFrame';
import { FigureExport } from '../export/FigureExport';
import './share.css';

/**
 * The "Share / embed" control above a chapter's widget: a disclosure button that opens a panel with
 * the link and iframe for the widget's current state and the lecturer options. Escape closes it and
 * gives the focus back to the button. `root` is the widget's section, for tools that need its figure.
 */
export function WidgetToolbar({ widget, root, frame }: { widget: EmbeddableWidget; root: HTMLElement | null; frame?: WidgetFrame }) {
  const [open, setOpen] = useState(false);
  // Kept while the panel is closed: reopening it finds the options as they were left.
  const [choices, setChoices] = useState<ShareChoices>(NO_CHOICES);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="widget-toolbar">
      <FigureExport root={root} title={widget.title} name={widget.name} />
      <div className={`share-disclosure${open ? ' share-disclosure-open' : ''}`} onKeyDown={onKeyDown}>
        <button
          ref={button}
          type="button"
          className="widget-toolbar-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={`Share / embed: ${widget.title}`}
          onClick={() => setOpen((o) => !o)}
        >
          <svg className="widget-toolbar-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M6 4 2 8l4 4M10 4l4 4-4 4" />
          </svg>
          Share / embed
        </button>
        <div id={panelId} className="share-panel" role="group" aria-label={`Share or embed ${widget.title}`} hidden={!open}>
          {open && <SharePanel widget={widget} choices={choices} onChoices={setChoices} frame={frame} />}
        </div>
      </div>
    </div>
  );
}
