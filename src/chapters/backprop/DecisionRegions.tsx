import { memo, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { scaleLinear } from 'd3-scale';
import type { Dataset } from '../../core/datasets';
import { formatNumber } from '../../format/formatNumber';
import { useMeasuredWidth } from '../../plots/useMeasuredWidth';
import { viewBoxPoint } from '../../plots/viewBoxPoint';
import { classColour } from '../../format/terms';
import { paintRegions, useColourScheme } from './regionCanvas';

export interface DecisionRegionsProps {
  dataset: Dataset;
  /** the predicted class per grid cell, top row first; null before the first answer */
  regions: Uint8Array | null;
  gridSize: number;
  /** the square [−extent, extent]² is drawn */
  extent: number;
  /** the class names, "A", "B", "C" */
  classNames: readonly string[];
  /** the text alternative's numbers */
  loss: number;
  accuracy: number;
  /** the class a click adds */
  pointClass: number;
  onAdd(x: number, y: number, label: number): void;
  onMove(index: number, x: number, y: number): void;
  onDelete(index: number): void;
  /** draw at this size (CSS px, square) instead of the measured width: a compact figure sets its own */
  size?: number;
}

const KEY_STEP = 0.05;

/**
 * The decision regions on a canvas (a grid of thousands of cells is too many SVG nodes), with the
 * points on an SVG layer above it. Click an empty place to add a point of the chosen class; drag a
 * point to move it. From the keyboard the points are one Tab stop: arrow keys move the selected point,
 * Page Up / Page Down pick the previous / next one, Delete removes it. Props in, pixels out.
 */
export const DecisionRegions = memo(function DecisionRegions(props: DecisionRegionsProps) {
  const { dataset, regions, gridSize, extent, classNames, loss, accuracy, pointClass, onAdd, onMove, onDelete } = props;
  const [box, width] = useMeasuredWidth<HTMLDivElement>(400, 240, 460);
  const size = props.size ?? width;
  const canvas = useRef<HTMLCanvasElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [selected, setSelected] = useState(0);
  const [dragging, setDragging] = useState<number | null>(null);
  const scheme = useColourScheme();
  const x = scaleLinear().domain([-extent, extent]).range([0, size]);
  const y = scaleLinear().domain([-extent, extent]).range([size, 0]);
  const current = Math.min(selected, Math.max(0, dataset.m - 1));

  useEffect(() => {
    const c = canvas.current;
    if (c && regions) paintRegions(c, regions, gridSize, size, scheme);
  }, [regions, gridSize, size, scheme]);

  const counts = [0, 0, 0];
  for (let i = 0; i < dataset.m; i++) counts[dataset.labels[i] as number]! += 1;
  const countText = counts.map((n, c) => `${n} of class ${classNames[c]}`).join(', ');
  // before the first evaluation of a new network (a frame after a reset) there is no accuracy or loss
  // to state yet; the label says so rather than "Accuracy undefined%"
  const measured =
    Number.isFinite(accuracy) && Number.isFinite(loss)
      ? `Accuracy ${formatNumber(100 * accuracy, 1)}%, loss ${formatNumber(loss, 3)}.`
      : 'Accuracy and loss not measured yet.';
  const label =
    dataset.m === 0
      ? 'Decision regions: no points yet. Click the plot, or use Add a point, to add some.'
      : `Decision regions of the network over the square from −${formatNumber(extent, 1)} to ${formatNumber(extent, 1)}, with ${dataset.m} points: ${countText}. ${measured}`;

  const toData = (event: { clientX: number; clientY: number }) => {
    const p = viewBoxPoint(svg.current, event);
    return [x.invert(p.x), y.invert(p.y)] as const;
  };
  const onBackgroundDown = (event: PointerEvent<SVGRectElement>) => {
    if (event.button !== 0) return;
    const [px, py] = toData(event);
    onAdd(px, py, pointClass);
    setSelected(dataset.m);
  };
  const onPointDown = (event: PointerEvent<SVGCircleElement>, i: number) => {
    event.stopPropagation();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    setSelected(i);
    setDragging(i);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (dragging === null) return;
    const [px, py] = toData(event);
    onMove(dragging, px, py);
  };
  const onKey = (event: KeyboardEvent<SVGGElement>) => {
    if (dataset.m === 0) return;
    const i = current;
    const big = event.shiftKey ? 4 : 1;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const move = moves[event.key];
    if (move) {
      onMove(i, (dataset.x[2 * i] as number) + move[0] * KEY_STEP * big, (dataset.x[2 * i + 1] as number) + move[1] * KEY_STEP * big);
    } else if (event.key === 'PageDown') setSelected((i + 1) % dataset.m);
    else if (event.key === 'PageUp') setSelected((i - 1 + dataset.m) % dataset.m);
    else if (event.key === 'Delete' || event.key === 'Backspace') {
      onDelete(i);
      setSelected(Math.max(0, Math.min(i, dataset.m - 2)));
    } else return;
    event.preventDefault();
  };

  const selectedText =
    dataset.m > 0
      ? `point ${current + 1} of ${dataset.m}, class ${classNames[dataset.labels[current] as number]}, at (${formatNumber(dataset.x[2 * current] as number, 2)}, ${formatNumber(dataset.x[2 * current + 1] as number, 2)})`
      : 'no points';

  return (
    <div ref={box} className="decision-regions" style={{ height: size }}>
      <canvas ref={canvas} className="region-canvas" width={size} height={size} role="img" aria-label={label} data-testid="decision-regions" />
      <svg
        ref={svg}
        className="region-points"
        viewBox={`0 0 ${size} ${size}`}
        width={size}
        height={size}
        aria-hidden={dataset.m === 0 ? true : undefined}
        onPointerMove={onPointerMove}
        onPointerUp={() => setDragging(null)}
        onPointerCancel={() => setDragging(null)}
      >
        <rect className="region-hit" width={size} height={size} onPointerDown={onBackgroundDown} />
        <line className="region-axis" x1={x(0)} x2={x(0)} y1={0} y2={size} />
        <line className="region-axis" x1={0} x2={size} y1={y(0)} y2={y(0)} />
        <g
          className="region-point-set"
          role="slider"
          tabIndex={dataset.m > 0 ? 0 : -1}
          aria-label="The selected point: arrow keys move it, Page Up and Page Down pick another, Delete removes it"
          aria-valuetext={selectedText}
          aria-valuenow={current + 1}
          aria-valuemin={1}
          aria-valuemax={Math.max(1, dataset.m)}
          onKeyDown={onKey}
        >
          <Points dataset={dataset} x={x} y={y} onPointDown={onPointDown} />
          {dataset.m > 0 && (
            // drawn last, so on top of its neighbours: the point again, then a ring in two colours (a wide
            // halo in the page's colour under a solid line in the ink's) that reads on every class colour
            <g
              className="point-selected"
              data-testid="point-selected"
              transform={`translate(${x(dataset.x[2 * current] as number)} ${y(dataset.x[2 * current + 1] as number)})`}
            >
              <circle className="point-selected-halo" r={9} />
              <circle className="point-selected-ring" r={9} />
              <circle className="point-selected-dot" r={5} style={{ fill: classColour(dataset.labels[current] as number) }} />
            </g>
          )}
        </g>
      </svg>
    </div>
  );
});

interface PointsProps {
  dataset: Dataset;
  x: (v: number) => number;
  y: (v: number) => number;
  onPointDown(event: PointerEvent<SVGCircleElement>, i: number): void;
}

/** The points alone, so that a frame of training (new regions, same points) does not redraw them. */
const Points = memo(
  function Points({ dataset, x, y, onPointDown }: PointsProps) {
    return (
      <>
        {Array.from({ length: dataset.m }, (_, i) => (
          <circle
            key={i}
            className="data-point"
            cx={x(dataset.x[2 * i] as number)}
            cy={y(dataset.x[2 * i + 1] as number)}
            r={5}
            style={{ fill: classColour(dataset.labels[i] as number) }}
            onPointerDown={(e) => onPointDown(e, i)}
          />
        ))}
      </>
    );
  },
  (a, b) => a.dataset === b.dataset && a.x(1) === b.x(1),
);
