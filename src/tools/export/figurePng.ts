/** PNG files of figures: an SVG drawn onto a canvas at PNG_SCALE, or a canvas with its SVG overlays. */
import { canvasOverlays } from './figures';
import { backgroundBehind, serializeSvg, standaloneSvg, svgSize } from './standaloneSvg';

/** Device pixels per SVG unit in a PNG: twice the figure's size, crisp on a projector or a slide. */
export const PNG_SCALE = 2;

/** Draws SVG text into a context at (x, y, width, height) through an Image of a blob URL. */
async function drawSvgText(context: CanvasRenderingContext2D, text: string, x: number, y: number, width: number, height: number): Promise<void> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the figure could not be drawn as an image'));
    });
    image.src = url;
    await loaded;
    context.drawImage(image, x, y, width, height);
  } finally {
    URL.revokeObjectURL(url);
  }
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser gave no PNG for the figure'))), 'image/png');
  });
}

/** A PNG of a standalone SVG (from standaloneSvg) at PNG_SCALE device pixels per unit. */
export async function svgToPng(svg: SVGSVGElement): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * PNG_SCALE);
  canvas.height = Math.round(height * PNG_SCALE);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw a PNG');
  await drawSvgText(context, serializeSvg(svg), 0, 0, canvas.width, canvas.height);
  return canvasToBlob(canvas);
}

/**
 * A PNG of a canvas figure at its own resolution, with the SVGs drawn over it on the page (points,
 * axes) composited on top where they line up with it.
 */
export async function canvasToPng(canvas: HTMLCanvasElement, title: string): Promise<Blob> {
  const overlays = canvasOverlays(canvas);
  if (overlays.length === 0) return canvasToBlob(canvas);
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const context = out.getContext('2d');
  if (!context) throw new Error('this browser cannot draw a PNG');
  context.fillStyle = backgroundBehind(canvas);
  context.fillRect(0, 0, out.width, out.height);
  context.drawImage(canvas, 0, 0);
  const box = canvas.getBoundingClientRect();
  const sx = box.width > 0 ? out.width / box.width : 1;
  const sy = box.height > 0 ? out.height / box.height : 1;
  for (const overlay of overlays) {
    const r = overlay.getBoundingClientRect();
    const standalone = standaloneSvg(overlay, { title, background: 'transparent' });
    await drawSvgText(context, serializeSvg(standalone), (r.left - box.left) * sx, (r.top - box.top) * sy, r.width * sx, r.height * sy);
  }
  return canvasToBlob(out);
}
