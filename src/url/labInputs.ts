/**
 * The learner's inputs, and the limits every way in (slider, drag, key, URL) must respect. Derived
 * values (probabilities, losses, gradients) are never stored: they are computed from these.
 */

export interface LabInputs {
  /** the logits z, one per class */
  logits: number[];
  /** softmax temperature T > 0 */
  temperature: number;
  /** the target distribution y over the classes (one-hot for a hard label), summing to 1 */
  labels: number[];
  /** the term id a pointer or keyboard is on (formula ↔ plot linking), or null */
  focus: string | null;
  /** the binary chapters' one logit z, with prediction ŷ = σ(z) */
  binaryLogit: number;
  /** the binary label t: 1 for the positive class, 0 for the negative */
  binaryTarget: 0 | 1;
}

export const LIMITS = {
  minClasses: 2,
  maxClasses: 8,
  /** the logit sliders' range; the worked example sits well inside it */
  logit: { min: -10, max: 10, step: 0.1 },
  temperature: { min: 0.1, max: 5, step: 0.05 },
  /** the binary logit z: past ±10 the sigmoid is within 5 × 10⁻⁵ of 0 or 1 and nothing more is seen */
  binaryLogit: { min: -10, max: 10, step: 0.1 },
} as const;

/**
 * The worked example of the seed notes: z = [2, 3, 4] → p = [0.090, 0.245, 0.665], with the label
 * y = [0, 1, 0] they pair it with.
 */
export const WORKED_EXAMPLE: Readonly<Pick<LabInputs, 'logits' | 'temperature' | 'labels'>> = {
  logits: [2, 3, 4],
  temperature: 1,
  labels: [0, 1, 0],
};

export function workedExample(): Pick<LabInputs, 'logits' | 'temperature' | 'labels'> {
  return { ...WORKED_EXAMPLE, logits: [...WORKED_EXAMPLE.logits], labels: [...WORKED_EXAMPLE.labels] };
}

/**
 * The binary chapters' start: z = −1 with t = 1, a positive example the model leans against
 * (ŷ = σ(−1) ≈ 0.269), so the loss and the push of the gradient are plain to see.
 */
export const BINARY_START: Readonly<Pick<LabInputs, 'binaryLogit' | 'binaryTarget'>> = {
  binaryLogit: -1,
  binaryTarget: 1,
};

export function defaultInputs(): LabInputs {
  return { ...workedExample(), focus: null, ...BINARY_START };
}

/** Snap to the slider grid and keep inside the range, so 2.9000000000000004 never reaches the screen. */
export function clampLogit(v: number): number {
  const { min, max, step } = LIMITS.logit;
  const snapped = Math.round(v / step) * step;
  return Math.min(max, Math.max(min, Number(snapped.toFixed(10))));
}

export function clampTemperature(v: number): number {
  const { min, max, step } = LIMITS.temperature;
  const snapped = Math.round(v / step) * step;
  return Math.min(max, Math.max(min, Number(snapped.toFixed(10))));
}

/** The binary logit on its slider grid and inside its range, as clampLogit does for the logits. */
export function clampBinaryLogit(v: number): number {
  const { min, max, step } = LIMITS.binaryLogit;
  const snapped = Math.round(v / step) * step;
  return Math.min(max, Math.max(min, Number(snapped.toFixed(10))));
}
