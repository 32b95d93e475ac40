import { useLayoutEffect, useRef, useState, type ComponentType } from 'react';
import type { WidgetToolbar } from './WidgetToolbar';
// The shell lays out exactly as the toolbar does, so it needs the toolbar's CSS before the code.
import './share.css';
import '../export/figureExport.css';

type ToolbarProps = Parameters<typeof WidgetToolbar>[0];
type Which = 'figure' | 'share';

/** The toggles' class names in the real toolbar, by which the shell hands over focus and a pending press. */
const TOGGLE_CLASS: Record<Which, string> = { figure: 'figure-export__toggle', share: 'widget-toolbar-toggle' };

let loaded: ComponentType<ToolbarProps> | null = null;
let loading: Promise<ComponentType<ToolbarProps>> | null = null;

/** Fetches the toolbar's chunk once for every widget on the page. */
function loadToolbar(): Promise<ComponentType<ToolbarProps>> {
  loading ??= import('./WidgetToolbar').then((m) => (loaded = m.WidgetToolbar));
  return loading;
}

/**
 * The widget toolbar as a chapter first paints it: the same two buttons, with the same names, classes
 * and size, and none of the share panel, embed code or figure export behind them (a quarter of a
 * chapter's first download). Pointing at or focusing either button fetches the real toolbar's code;
 * a press puts the real toolbar in the shell's place and is replayed on the real button, focus moving
 * with it, so a keyboard user presses Enter once, as on any button. Nothing is fetched at idle: a
 * learner who never shares pays nothing.
 */
export function WidgetToolbarShell(props: ToolbarProps) {
  const [Toolbar, setToolbar] = useState<ComponentType<ToolbarProps> | null>(() => loaded);
  const pending = useRef<{ focus: Which | null; press: Which | null }>({ focus: null, press: null });
  const row = useRef<HTMLDivElement>(null);

  // Pointing at or focusing a button only fetches the code: swapping the row then could land between a
  // press's mousedown and its mouseup, and the press would be lost. The swap waits for the press.
  const prefetch = () => void loadToolbar();
  const press = (which: Which) => {
    if (pending.current.press) return; // already on its way
    pending.current = { focus: which, press: which };
    void loadToolbar().then((T) => setToolbar(() => T));
  };

  useLayoutEffect(() => {
    if (!Toolbar) return;
    const { focus: focused, press: pressed } = pending.current;
    pending.current = { focus: null, press: null };
    const button = (which: Which | null) => (which ? row.current?.querySelector<HTMLButtonElement>(`.${TOGGLE_CLASS[which]}`) : null);
    // Only if the learner is still on the placeholder (now gone, so focus fell to the body).
    if (focused && (document.activeElement === document.body || document.activeElement === null)) button(focused)?.focus();
    button(pressed)?.click();
  }, [Toolbar]);

  if (Toolbar) {
    return (
      <div ref={row} className="widget-toolbar-slot">
        <Toolbar {...props} />
      </div>
    );
  }
  const { widget } = props;
  return (
    <div ref={row} className="widget-toolbar-slot">
      <div className="widget-toolbar" onPointerEnter={prefetch}>
        <div className="figure-export">
          <button
            type="button"
            className="figure-export__toggle"
            aria-label={`Export figure of ${widget.name}`}
            aria-expanded={false}
            onFocus={prefetch}
            onClick={() => press('figure')}
          >
            Export figure
          </button>
        </div>
        <div className="share-disclosure">
          <button
            type="button"
            className="widget-toolbar-toggle"
            aria-expanded={false}
            aria-label={`Share / embed: ${widget.title}`}
            onFocus={prefetch}
            onClick={() => press('share')}
          >
            <svg className="widget-toolbar-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M6 4 2 8l4 4M10 4l4 4-4 4" />
            </svg>
            Share / embed
          </button>
        </div>
      </div>
    </div>
  );
}
