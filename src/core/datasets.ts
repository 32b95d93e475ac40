import { createRandom } from './random';

/**
 * Seeded 2-D toy data sets with 3 classes, for the training chapters: the same seed gives the same
 * points on every machine ({@link createRandom} is integer-exact), so a lab's data set fits in a URL.
 *
 * Point r has class r mod 3, so the classes are balanced (counts differ by at most one) and any prefix of
 * the rows is balanced too (a mini-batch taken from the front). Points lie roughly in [−1, 1]²:
 * - blobs: Gaussian clusters of standard deviation 0.13 around three centres on the circle of radius
 *   0.55 at angles 90°, 210°, 330° (centres 0.95 apart, about 7 standard deviations: well separated,
 *   linearly separable in practice).
 * - rings: concentric rings of radius 0.2, 0.55, 0.9 (class 0 inside), uniform angle, radius jittered by
 *   N(0, 0.04²): no straight line separates them, a hidden layer can.
 * - spirals: three arms; the n-th of the N points of class c sits at t = (n + ½)/N, radius
 *   0.08 + 0.87·t, angle 2πc/3 + 4t + N(0, 0.12²) radians.
 */
export interface Dataset {
  /** m × 2, row-major: x[2r], x[2r + 1] are the coordinates of point r. */
  readonly x: Float64Array;
  /** m class indices in {0, 1, 2}. */
  readonly labels: Int32Array;
  readonly m: number;
  readonly classes: number;
}

export type DatasetKind = 'blobs' | 'rings' | 'spirals';

const CLASSES = 3;
const MAX_POINTS = 1_000_000;

/** makeDataset(kind, m, seed): m points of the named set, drawn from createRandom(seed). */
export function makeDataset(kind: DatasetKind, m: number, seed: number): Dataset {
  if (kind !== 'blobs' && kind !== 'rings' && kind !== 'spirals') {
    throw new RangeError(`makeDataset: kind ${String(kind)} is not one of 'blobs', 'rings', 'spirals'`);
  }
  if (!Number.isInteger(m) || m < CLASSES || m > MAX_POINTS) {
    throw new RangeError(`makeDataset: m = ${m} is not an integer in [${CLASSES}, ${MAX_POINTS}]`);
  }
  if (!Number.isInteger(seed)) throw new RangeError(`makeDataset: seed ${seed} is not a finite integer`);
  const random = createRandom(seed);
  const x = new Float64Array(2 * m);
  const labels = new Int32Array(m);
  for (let r = 0; r < m; r++) {
    const c = r % CLASSES;
    labels[r] = c;
    let px: number;
    let py: number;
    if (kind === 'blobs') {
      const angle = Math.PI / 2 + (2 * Math.PI * c) / CLASSES;
      px = 0.55 * Math.cos(angle) + 0.13 * random.normal();
      py = 0.55 * Math.sin(angle) + 0.13 * random.normal();
    } else if (kind === 'rings') {
      const radius = 0.2 + 0.35 * c + 0.04 * random.normal();
      const angle = 2 * Math.PI * random.next();
      px = radius * Math.cos(angle);
      py = radius * Math.sin(angle);
    } else {
      // Rows c, c + 3, c + 6, … are the points of class c, in order along the arm.
      const perClass = Math.floor((m - c - 1) / CLASSES) + 1;
      const t = (Math.floor(r / CLASSES) + 0.5) / perClass;
      const radius = 0.08 + 0.87 * t;
      const angle = (2 * Math.PI * c) / CLASSES + 4 * t + 0.12 * random.normal();
      px = radius * Math.cos(angle);
      py = radius * Math.sin(angle);
    }
    x[2 * r] = px;
    x[2 * r + 1] = py;
  }
  return { x, labels, m, classes: CLASSES };
}
