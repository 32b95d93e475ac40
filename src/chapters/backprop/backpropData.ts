import { makeDataset, type Dataset } from '../../core/datasets';
import { BACKPROP_LIMITS, type BackpropDatasetKind } from './backpropLimits';

/**
 * Chapter 8's data sets: the generated ones, the learner's own points, and the edits that make a set
 * the learner's own. Every coordinate of an edited or linked set sits on a link's grid.
 */

function emptyDataset(): Dataset {
  return { x: new Float64Array(0), labels: new Int32Array(0), m: 0, classes: BACKPROP_LIMITS.classes };
}

/**
 * A coordinate of an edited point: inside the square and on a link's grid of 0.001 (a fraction of a
 * pixel), so that a link's points, and the run replayed on them, are exactly the learner's. `|| 0`
 * makes −0 plain 0, as a link writes it.
 */
function pointCoordinate(v: number): number {
  const e = BACKPROP_LIMITS.extent;
  return Number(Math.min(e, Math.max(-e, v)).toFixed(BACKPROP_LIMITS.pointDecimals)) || 0;
}

/** The learner's own points as a data set: coordinates clamped to the square and its 0.001 grid; others refused. */
export function customDataset(points: readonly { x: number; y: number; label: number }[]): Dataset {
  const kept = points
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && Number.isInteger(p.label) && p.label >= 0 && p.label < BACKPROP_LIMITS.classes)
    .slice(0, BACKPROP_LIMITS.maxPoints);
  const x = new Float64Array(kept.length * 2);
  const labels = new Int32Array(kept.length);
  kept.forEach((p, i) => {
    x[2 * i] = pointCoordinate(p.x);
    x[2 * i + 1] = pointCoordinate(p.y);
    labels[i] = p.label;
  });
  return { x, labels, m: kept.length, classes: BACKPROP_LIMITS.classes };
}

/** The data set a kind names: generated from the chapter's data seed, or the learner's own points. */
export function datasetOf(kind: BackpropDatasetKind, dataSeed: number, custom: Dataset = emptyDataset()): Dataset {
  return kind === 'custom' ? custom : makeDataset(kind, BACKPROP_LIMITS.points, dataSeed);
}

/**
 * A fresh dataset object with row `index` replaced, added (index = m) or removed. Every row is put on
 * the 0.001 grid: an edit makes the set the learner's own, and a link carries it to that precision.
 */
export function editDataset(d: Dataset, edit: { kind: 'set'; index: number; x: number; y: number; label: number } | { kind: 'delete'; index: number }): Dataset {
  const m = edit.kind === 'delete' ? d.m - 1 : Math.max(d.m, edit.index + 1);
  const x = new Float64Array(m * 2);
  const labels = new Int32Array(m);
  let row = 0;
  for (let i = 0; i < d.m; i++) {
    if (edit.kind === 'delete' && i === edit.index) continue;
    x[row * 2] = pointCoordinate(d.x[i * 2] as number);
    x[row * 2 + 1] = pointCoordinate(d.x[i * 2 + 1] as number);
    labels[row] = d.labels[i] as number;
    row++;
  }
  if (edit.kind === 'set') {
    x[edit.index * 2] = pointCoordinate(edit.x);
    x[edit.index * 2 + 1] = pointCoordinate(edit.y);
    labels[edit.index] = edit.label;
  }
  return { x, labels, m, classes: d.classes };
}

