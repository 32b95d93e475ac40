import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { findFigures, type Figure } from './figures';
import { figureFilename } from './figureNames';
import { canvasToPng, svgToPng } from './figurePng';
import { serializeSvg, standaloneSvg } from './standaloneSvg';
import { downloadBlob } from './downloadBlob';
import './figureExport.css';

type Format = 'svg' | 'png';

/**
 * "Export figure": a disclosure in a widget's toolbar that lists the widget's figures (each `svg.plot`
 * and `canvas[role=img]` under `root`, looked up each time it opens, so it sees what is drawn now) and
 * saves the chosen one as SVG or PNG, in the colours the page shows in its current scheme. A canvas
 * figure is saved as PNG only (with the SVG drawn over it composited on top): it has no vectors to give.
 */
/**
 * `title` names the files ("Logit Lab: <title> — <figure>"); `name` is the widget as a sentence names it,
 * article included and capitals kept ("the Jacobian explorer"), for the button's accessible name.
 */
export function FigureExport({ root, title, name }: { root: HTMLElement | null; title: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [figures, setFigures] = useState<Figure[]>([]);
  const [chosen, setChosen] = useState(0);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const panelId = useId();
  const selectId = useId();
  const toggleButton = useRef<HTMLButtonElement>(null);

  // Escape closes the panel and gives the focus back to its button, as the share panel does.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    toggleButton.current?.focus();
  };

  const toggle = () => {
    if (!open) {
      const found = findFigures(root);
      setFigures(found);
      setChosen((c) => (c < found.length ? c : 0));
      setStatus('');
    }
    setOpen(!open);
  };

  const figure = figures[chosen];

  /** The chosen figure as it is now; re-found by name if React replaced its element since opening. */
  const current = (): Figure | undefined => {
    if (!figure) return undefined;
    if (figure.element.isConnected) return figure;
    const again = findFigures(root);
    return again.find((f) => f.name === figure.name) ?? again[chosen];
  };

  const save = async (format: Format) => {
    const f = current();
    if (!f) {
      setStatus('That figure is no longer on the page.');
      return;
    }
    const filename = figureFilename(title, f.name, format);
    const fileTitle = `Logit Lab: ${title} — ${f.name}`;
    setBusy(true);
    try {
      if (f.element instanceof HTMLCanvasElement) {
        downloadBlob(await canvasToPng(f.element, fileTitle), filename);
      } else {
        const svg = standaloneSvg(f.element, { title: fileTitle });
        const blob =
          format === 'svg' ? new Blob([serializeSvg(svg)], { type: 'image/svg+xml;charset=utf-8' }) : await svgToPng(svg);
        downloadBlob(blob, filename);
      }
      setStatus(`Saved ${filename}`);
    } catch (error) {
      setStatus(`Could not save the figure: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="figure-export" onKeyDown={onKeyDown}>
      <button
        ref={toggleButton}
        type="button"
        className="figure-export__toggle"
        aria-label={`Export figure of ${name}`}
        aria-expanded={open} aria-controls={panelId} onClick={toggle}>
        Export figure
      </button>
      <div id={panelId} className="figure-export__panel" hidden={!open}>
        {figures.length === 0 ? (
          <p className="figure-export__empty">This widget has no figure to export yet.</p>
        ) : (
          <>
            {figures.length > 1 ? (
              <label className="figure-export__choice" htmlFor={selectId}>
                Figure
                <select id={selectId} value={chosen} onChange={(event) => setChosen(Number(event.target.value))}>
                  {figures.map((f, i) => (
                    <option key={`${i}-${f.name}`} value={i}>
                      {f.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <p className="figure-export__only">{figure?.name}</p>
            )}
            <div className="figure-export__buttons">
              {figure?.kind === 'svg' && (
                <button type="button" disabled={busy} aria-label={`Download SVG of ${figure.name}`} onClick={() => void save('svg')}>
                  Download SVG
                </button>
              )}
              <button type="button" disabled={busy} aria-label={`Download PNG of ${figure?.name ?? 'the figure'}`} onClick={() => void save('png')}>
                Download PNG
              </button>
            </div>
            {figure?.kind === 'canvas' && <p className="figure-export__note">A drawn raster: PNG only.</p>}
          </>
        )}
        <p className="figure-export__status" role="status" aria-live="polite">
          {status}
        </p>
      </div>
    </div>
  );
}
