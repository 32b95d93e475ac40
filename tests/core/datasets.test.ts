import { describe, expect, it } from 'vitest';
import { makeDataset, type DatasetKind } from '../../src/core/datasets';
import { createRandom } from '../../src/core/random';

const KINDS: DatasetKind[] = ['blobs', 'rings', 'spirals'];

function counts(labels: Int32Array): number[] {
  const c = [0, 0, 0];
  for (const label of labels) c[label] = (c[label] ?? 0) + 1;
  return c;
}

const radius = (x: Float64Array, r: number) => Math.hypot(x[2 * r] as number, x[2 * r + 1] as number);

describe('makeDataset', () => {
  for (const kind of KINDS) {
    it(`makeDataset('${kind}', m, seed) has m points, 3 balanced classes and coordinates roughly in [−1, 1]`, () => {
      for (const m of [3, 300, 301, 302]) {
        const data = makeDataset(kind, m, 5);
        expect(data.m).toBe(m);
        expect(data.classes).toBe(3);
        expect(data.x.length).toBe(2 * m);
        expect(data.labels.length).toBe(m);
        const c = counts(data.labels);
        expect(c.reduce((s, v) => s + v, 0)).toBe(m);
        expect(Math.max(...c) - Math.min(...c)).toBeLessThanOrEqual(1);
      }
      const data = makeDataset(kind, 3000, 6);
      const outside = Array.from(data.x).filter((v) => Math.abs(v) > 1).length;
      expect(Array.from(data.x).every((v) => Number.isFinite(v) && Math.abs(v) < 1.25)).toBe(true);
      expect(outside / data.x.length).toBeLessThan(0.01);
      // A prefix is balanced too: rows cycle through the classes.
      expect(Array.from(data.labels.subarray(0, 6))).toEqual([0, 1, 2, 0, 1, 2]);
    });

    it(`makeDataset('${kind}') is fixed by its seed, and another seed gives other points`, () => {
      const a = makeDataset(kind, 90, 42);
      const b = makeDataset(kind, 90, 42);
      expect(Array.from(a.x)).toEqual(Array.from(b.x));
      expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
      const c = makeDataset(kind, 90, 43);
      const differing = Array.from(a.x).filter((v, i) => v !== c.x[i]).length;
      expect(differing).toBeGreaterThan(170);
    });
  }

  it("blobs: each point is nearest to its own class's centre (separated clusters)", () => {
    const data = makeDataset('blobs', 900, 1);
    const centres = [0, 1, 2].map((c) => {
      const angle = Math.PI / 2 + (2 * Math.PI * c) / 3;
      return [0.55 * Math.cos(angle), 0.55 * Math.sin(angle)] as const;
    });
    let nearestOwn = 0;
    for (let r = 0; r < data.m; r++) {
      const d = centres.map(([cx, cy]) => Math.hypot((data.x[2 * r] as number) - cx, (data.x[2 * r + 1] as number) - cy));
      if (d.indexOf(Math.min(...d)) === data.labels[r]) nearestOwn++;
    }
    // Centres 0.95 apart with σ = 0.13: a point crosses the half-way line (3.7σ) about once in 10 000.
    expect(nearestOwn / data.m).toBeGreaterThan(0.995);
  });

  it('rings: class c lies at radius 0.2 + 0.35c, inner class inside', () => {
    const data = makeDataset('rings', 900, 2);
    for (let c = 0; c < 3; c++) {
      const radii = Array.from({ length: 300 }, (_, n) => radius(data.x, 3 * n + c));
      const mean = radii.reduce((s, v) => s + v, 0) / radii.length;
      expect(Math.abs(mean - (0.2 + 0.35 * c))).toBeLessThan(0.01);
      expect(Math.max(...radii) - Math.min(...radii)).toBeLessThan(0.35);
    }
  });

  it('spirals: along each arm the radius grows from 0.08 to 0.95 and the three arms are 120° apart', () => {
    const data = makeDataset('spirals', 300, 3);
    for (let c = 0; c < 3; c++) {
      const radii = Array.from({ length: 100 }, (_, n) => radius(data.x, 3 * n + c));
      expect(radii.every((v, n) => n === 0 || v > (radii[n - 1] as number))).toBe(true);
      expect(radii[0]).toBeCloseTo(0.08 + 0.87 * (0.5 / 100), 12);
      expect(radii[99]).toBeCloseTo(0.08 + 0.87 * (99.5 / 100), 12);
    }
    // The first points of the arms (angle noise 0.12 rad) start near 2πc/3 + 4·0.005.
    for (let c = 0; c < 3; c++) {
      const angle = Math.atan2(data.x[2 * c + 1] as number, data.x[2 * c] as number);
      const expected = (2 * Math.PI * c) / 3 + 0.02;
      const gap = Math.abs(Math.atan2(Math.sin(angle - expected), Math.cos(angle - expected)));
      expect(gap).toBeLessThan(0.6);
    }
  });

  it("makeDataset('blobs', m, seed) follows its recipe draw by draw: centre at 90° + 120°·c on radius 0.55, plus 0.13·N(0, 1) each way", () => {
    const data = makeDataset('blobs', 30, 10);
    const random = createRandom(10);
    for (let r = 0; r < 30; r++) {
      const angle = Math.PI / 2 + (2 * Math.PI * (r % 3)) / 3;
      expect(data.x[2 * r]).toBeCloseTo(0.55 * Math.cos(angle) + 0.13 * random.normal(), 14);
      expect(data.x[2 * r + 1]).toBeCloseTo(0.55 * Math.sin(angle) + 0.13 * random.normal(), 14);
    }
  });

  it('makeDataset takes the largest size it allows, 1 000 000 points', () => {
    const data = makeDataset('blobs', 1_000_000, 1);
    expect(data.m).toBe(1_000_000);
    expect(data.x).toHaveLength(2_000_000);
  });

  it("makeDataset('rings', m, seed) follows its recipe draw by draw: radius 0.2 + 0.35c + 0.04·N(0, 1), angle 2π·U", () => {
    // The documented recipe replayed on the same seeded stream: per point one normal, then one uniform.
    const data = makeDataset('rings', 30, 11);
    const random = createRandom(11);
    for (let r = 0; r < 30; r++) {
      const rho = 0.2 + 0.35 * (r % 3) + 0.04 * random.normal();
      const theta = 2 * Math.PI * random.next();
      expect(data.x[2 * r]).toBeCloseTo(rho * Math.cos(theta), 14);
      expect(data.x[2 * r + 1]).toBeCloseTo(rho * Math.sin(theta), 14);
    }
  });

  it("makeDataset('spirals', m, seed) follows its recipe draw by draw: angle 2πc/3 + 4t + 0.12·N(0, 1)", () => {
    // m = 31: class 0 has 11 points, classes 1 and 2 have 10; point r is the ⌊r/3⌋-th of its class.
    const data = makeDataset('spirals', 31, 12);
    const random = createRandom(12);
    for (let r = 0; r < 31; r++) {
      const c = r % 3;
      const t = (Math.floor(r / 3) + 0.5) / (c === 0 ? 11 : 10);
      const rho = 0.08 + 0.87 * t;
      const theta = (2 * Math.PI * c) / 3 + 4 * t + 0.12 * random.normal();
      expect(data.x[2 * r]).toBeCloseTo(rho * Math.cos(theta), 14);
      expect(data.x[2 * r + 1]).toBeCloseTo(rho * Math.sin(theta), 14);
    }
  });

  it('makeDataset names an unknown kind, a bad size and a bad seed', () => {
    expect(() => makeDataset('moons' as DatasetKind, 30, 1)).toThrow(/makeDataset: kind moons is not one of/);
    expect(() => makeDataset('blobs', 2, 1)).toThrow(/makeDataset: m = 2 is not an integer in \[3, 1000000\]/);
    expect(() => makeDataset('blobs', 30.5, 1)).toThrow(/m = 30.5/);
    expect(() => makeDataset('blobs', 2e6, 1)).toThrow(/m = 2000000/);
    expect(() => makeDataset('blobs', 30, Number.NaN)).toThrow(/makeDataset: seed NaN/);
  });
});
