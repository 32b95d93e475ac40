import { useId, useMemo, useState } from 'react';
import { crossEntropy, crossEntropyGrad } from '../core';
import { formatNumber } from '../format/formatNumber';
import { term } from '../math/terms';
import { GradientBars } from '../plots/GradientBars';
import { LossHistory } from '../plots/LossHistory';
import { useLab } from '../state/LabContext';
import { descentLine } from './crossEntropyFormula';
import { gradientStep, LEARNING_RATE } from './crossEntropyGradientMath';
import { LiveFormula } from '../math/LiveFormula';

/** A short history: enough steps to see the loss level off, few enough to read them all. */
export const MAX_STEPS = 20;

interface Run {
  /** the store's logits and labels the run started from: when either moves, the run starts again */
  origin: readonly number[];
  labels: readonly number[];
  path: (readonly number[])[];
}

/**
 * Gradient descent on the logits, one step per click: z ← z − η (p − y). The steps are taken here, in
 * full precision, and not written to the store, whose logits live on the sliders' 0.1 grid: rounding a
 * small step to that grid would leave it at zero and the loss would stop falling for no reason of its own.
 */
export function GradientDescentStep() {
  const logits = useLab((s) => s.logits);
  const labels = useLab((s) => s.labels);
  const [learningRate, setLearningRate] = useState<number>(LEARNING_RATE.initial);
  const [run, setRun] = useState<Run>({ origin: logits, labels, path: [logits] });
  const sliderId = useId();

  const path = useMemo(() => (run.origin === logits && run.labels === labels ? run.path : [logits]), [run, logits, labels]);
  const current = path[path.length - 1] ?? logits;
  const losses = useMemo(() => path.map((z) => crossEntropy([z], [labels])), [path, labels]);
  const gradient = useMemo(() => crossEntropyGrad([current], [labels])[0] ?? new Float64Array(current.length), [current, labels]);
  const next = useMemo(() => gradientStep(current, labels, learningRate), [current, labels, learningRate]);
  const steps = path.length - 1;
  const full = steps >= MAX_STEPS;

  const take = () => !full && setRun({ origin: logits, labels, path: [...path, next] });
  const restart = () => setRun({ origin: logits, labels, path: [logits] });
  const written = descentLine({ logits: current, gradient, learningRate, next });
  const before = losses[steps - 1];
  const after = losses[steps] ?? NaN;
  const moves = Array.from(gradient, (g, i) => `z${i + 1} ${g <= 0 ? 'rises' : 'falls'} by ${formatNumber(Math.abs(learningRate * g), 3)}`);

  return (
    <section className="widget descent-step" aria-label="One gradient step at a time">
      <div className="plots-pair">
        <figure>
          <GradientBars
            values={gradient}
            label={(i) => `z${i + 1}`}
            name={(i) => `∂L/∂z${i + 1}`}
            termId={term.gradient}
            title="Gradient p − y at the current logits"
          />
          <figcaption>p − y now; the next step moves each logit the opposite way.</figcaption>
        </figure>
        <figure>
          <LossHistory losses={losses} capacity={MAX_STEPS} />
          <figcaption>The loss L after each step.</figcaption>
        </figure>
      </div>

      <LiveFormula testId="descent-formula" label={`Next step: ${written.text}`} lines={[written.tex]} />
      <p className="hint">The next step: {moves.join(', ')}.</p>

      <fieldset className="controls">
        <legend>Descend</legend>
        <label className="slider-row" htmlFor={sliderId}>
          <span className="slider-name" aria-hidden="true">
            η
          </span>
          <input
            id={sliderId}
            type="range"
            min={LEARNING_RATE.min}
            max={LEARNING_RATE.max}
            step={LEARNING_RATE.step}
            value={learningRate}
            aria-label="learning rate η"
            aria-valuetext={formatNumber(learningRate, 1)}
            onChange={(e) => setLearningRate(Number(e.currentTarget.valueAsNumber.toFixed(1)))}
          />
          <output aria-hidden="true">{formatNumber(learningRate, 1)}</output>
        </label>
        <div className="button-row">
          <button type="button" onClick={take} aria-disabled={full}>
            Take one gradient step
          </button>
          <button type="button" onClick={restart}>
            Start again from the sliders
          </button>
        </div>
        <p className="hint" aria-live="polite" data-testid="descent-status">
          {steps === 0
            ? `At the sliders' logits: L = ${formatNumber(after, 3)}. Take a step.`
            : `Step ${steps}: the loss went from ${formatNumber(before ?? NaN, 3)} to ${formatNumber(after, 3)}.` +
              (full ? ` That is ${MAX_STEPS} steps: start again to take more.` : '')}
        </p>
      </fieldset>
    </section>
  );
}
