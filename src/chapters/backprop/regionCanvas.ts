import { useEffect, useState } from 'react';

/**
 * Painting the decision regions: each grid cell in its class's colour, mixed into the page's surface
 * so the points stay readable on top. The colours come from the CSS variables of theme.css, read when
 * painting, so the canvas follows the light and dark schemes like the SVG around it.
 */

const REGION_STRENGTH = 0.3;

/**
 * 'light' or 'dark', updated when the system's scheme changes, so canvases repaint with new colours.
 * Dark is for screens only, as in theme.css: printing switches to light, and the canvas repaints for paper.
 */
export function useColourScheme(): 'light' | 'dark' {
  const query = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('screen and (prefers-color-scheme: dark)') : null;
  const [dark, setDark] = useState(() => query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const update = () => setDark(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [query?.media]); // eslint-disable-line react-hooks/exhaustive-deps
  return dark ? 'dark' : 'light';
}

/** A CSS colour as [r, g, b], through the canvas's own parser (which normalises to #rrggbb). */
function rgb(ctx: CanvasRenderingContext2D, colour: string): [number, number, number] {
  ctx.fillStyle = '#000000';
  ctx.fillStyle = colour;
  const hex = String(ctx.fillStyle);
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return [128, 128, 128];
  return [parseInt(m[1] as string, 16), parseInt(m[2] as string, 16), parseInt(m[3] as string, 16)];
}

// One scratch raster and one colour table, kept between frames: creating a canvas context and reading
// computed styles every frame cost more than the painting itself.
let scratch: { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D; image: ImageData; size: number } | null = null;
let palette: { key: string; colours: number[][]; surface: number[] } | null = null;

function scratchFor(gridSize: number) {
  if (scratch?.size !== gridSize) {
    const canvas = document.createElement('canvas');
    canvas.width = gridSize;
    canvas.height = gridSize;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    scratch = { canvas, ctx, image: ctx.createImageData(gridSize, gridSize), size: gridSize };
  }
  return scratch;
}

/** The region colours: each class colour mixed into the surface, read from the CSS variables once per scheme. */
function paletteFor(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D, scheme: 'light' | 'dark') {
  if (palette?.key !== scheme) {
    const style = getComputedStyle(canvas);
    const surface = rgb(ctx, style.getPropertyValue('--surface').trim() || '#ffffff');
    const classes = [1, 2, 3].map((k) => rgb(ctx, style.getPropertyValue(`--class-${k}`).trim() || '#808080'));
    const colours = classes.map((c) => c.map((v, i) => Math.round((1 - REGION_STRENGTH) * (surface[i] as number) + REGION_STRENGTH * v)));
    palette = { key: scheme, colours, surface };
  }
  return palette;
}

/** Paint `regions` (gridSize² classes, top row first) onto the canvas, scaled to size × size. */
export function paintRegions(canvas: HTMLCanvasElement, regions: Uint8Array, gridSize: number, size: number, scheme: 'light' | 'dark'): void {
  const ctx = canvas.getContext('2d');
  const raster = scratchFor(gridSize);
  if (!ctx || !raster || regions.length < gridSize * gridSize) return;
  const { colours, surface } = paletteFor(canvas, ctx, scheme);
  const data = raster.image.data;
  for (let i = 0; i < gridSize * gridSize; i++) {
    const colour = colours[regions[i] as number] ?? surface;
    data[4 * i] = colour[0] as number;
    data[4 * i + 1] = colour[1] as number;
    data[4 * i + 2] = colour[2] as number;
    data[4 * i + 3] = 255;
  }
  // The small raster scaled up in one drawImage: smoothing softens the cell edges into a boundary
  // instead of a staircase.
  raster.ctx.putImageData(raster.image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.clearRect(0, 0, size, size);
  ctx.drawImage(raster.canvas, 0, 0, size, size);
}
