import { expect } from 'vitest';
import type { FieldSpec, StateSchema } from '../../src/url/stateSchema';

/** A value is valid for its field: checked here by hand, not by the reader. */
export function expectValidField(key: string, spec: FieldSpec, v: unknown) {
  switch (spec.kind) {
    case 'number':
    case 'integer':
      expect(typeof v, key).toBe('number');
      expect((v as number) >= spec.min && (v as number) <= spec.max, key).toBe(true);
      if (spec.kind === 'integer') expect(Number.isInteger(v), key).toBe(true);
      break;
    case 'choice':
      expect(spec.values, key).toContain(v);
      break;
    case 'flag':
      expect(typeof v, key).toBe('boolean');
      break;
    case 'numbers': {
      const a = v as number[];
      expect(a.length >= spec.minLength && a.length <= spec.maxLength, key).toBe(true);
      for (const n of a) expect(Number.isFinite(n) && n >= spec.min && n <= spec.max, key).toBe(true);
      break;
    }
    case 'points': {
      const a = v as { x: number; y: number; c: number }[];
      expect(a.length <= spec.maxPoints, key).toBe(true);
      for (const p of a) {
        expect(Object.keys(p).sort(), key).toEqual(['c', 'x', 'y']);
        expect(p.x >= spec.x[0] && p.x <= spec.x[1] && p.y >= spec.y[0] && p.y <= spec.y[1], key).toBe(true);
        expect(spec.classes, key).toContain(p.c);
      }
      break;
    }
  }
}

export function expectValidState(schema: StateSchema, value: Record<string, unknown>) {
  expect(Object.keys(value).sort()).toEqual(Object.keys(schema).sort());
  for (const key of Object.keys(schema)) expectValidField(key, schema[key]!, value[key]);
}

